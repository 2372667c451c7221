import { describe, expect, it } from 'vitest';
import type { RequestFacts } from './facts.ts';
import { plainFacts, type RequestPlace, RequestRecords } from './requestRecord.ts';

const place = (over: Partial<RequestPlace> = {}): RequestPlace => ({
  method: 'GET',
  resourceType: 'document',
  status: 200,
  origin: 'https://app.test',
  host: 'app.test',
  login: undefined,
  logout: false,
  fromNonBrowser: false,
  ...over,
});

describe('RequestRecords', () => {
  it('reads back every field it was given, through the shared place', () => {
    const records = new RequestRecords();
    const r = records.record(3, 1_700_000_000_000.5, 'https://app.test/a', 'https://app.test/', place(), [], [], []);
    expect(plainFacts(r)).toEqual({
      entry: 3,
      time: 1_700_000_000_000.5,
      method: 'GET',
      url: 'https://app.test/a',
      resourceType: 'document',
      status: 200,
      referer: 'https://app.test/',
      origin: 'https://app.test',
      host: 'app.test',
      sent: [],
      notSent: [],
      setCookies: [],
      logout: false,
    } satisfies RequestFacts);
  });

  it('gives JSON the plain facts: absent optional fields have no key, keys in RequestFacts order', () => {
    const records = new RequestRecords();
    const login = records.record(
      0,
      1,
      'https://app.test/login',
      undefined,
      place({ method: 'POST', status: undefined, login: 'password-post' }),
      [],
      [],
      [],
    );
    const json = JSON.parse(JSON.stringify(login)) as Record<string, unknown>;
    expect(Object.keys(json)).toEqual([
      'entry',
      'time',
      'method',
      'url',
      'resourceType',
      'origin',
      'host',
      'sent',
      'notSent',
      'setCookies',
      'login',
      'logout',
    ]);
    expect(json.login).toBe('password-post');
  });

  it('keeps one place per distinct combination and never mixes two', () => {
    const records = new RequestRecords();
    const a = records.record(0, 1, 'https://app.test/1', undefined, place(), [], [], []);
    const b = records.record(1, 2, 'https://app.test/2', undefined, place(), [], [], []);
    const c = records.record(2, 3, 'https://app.test/3', undefined, place({ status: 302 }), [], [], []);
    const d = records.record(3, 4, 'https://app.test/4', undefined, place({ logout: true }), [], [], []);
    const e = records.record(
      4,
      5,
      'https://other.test/5',
      undefined,
      place({ origin: 'https://other.test', host: 'other.test' }),
      [],
      [],
      [],
    );
    const f = records.record(5, 6, 'https://app.test/6', undefined, place(), [], [], []);
    const g = records.record(6, 7, 'https://app.test/7', undefined, place({ fromNonBrowser: true }), [], [], []);
    const placeOf = (r: RequestFacts) => (r as unknown as { place: RequestPlace }).place;
    expect(placeOf(a)).toBe(placeOf(b));
    // Equal again after others came between: found by its key, not only as the last one.
    expect(placeOf(f)).toBe(placeOf(a));
    expect([c.status, d.logout, e.host, g.fromNonBrowser, a.fromNonBrowser]).toEqual([
      302,
      true,
      'other.test',
      true,
      undefined,
    ]);
    expect(new Set([a, c, d, e, g].map(placeOf)).size).toBe(5);
  });
});
