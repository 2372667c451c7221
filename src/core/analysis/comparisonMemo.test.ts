// The replay's kept comparisons (comparisonMemo.ts) are an optimisation only: an analysis that recalls them is the
// analysis that compares every request again, on every recording the repository holds and on generated traces
// with everything that makes a comparison depend on more than the jar and the Cookie header (cookies in flight,
// expiry, preflights, answers off the network, the browser's own reports, cookie events, browser runs).
import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fixtureTraces } from '../../../test/helpers/fixtureTraces.ts';
import { fuzzRuns } from '../../../test/helpers/fuzzRuns.ts';
import { TraceBuilder } from '../../../test/helpers/traceBuilder.ts';
import type { Header, Trace, TraceEntry, TraceEvent } from '../trace/types.ts';
import { type AnalysisResult, analyzeTrace } from './analyze.ts';
import { ComparisonMemo } from './comparisonMemo.ts';

/** The analysis as it is, and how many comparisons it recalled. */
function analysed(trace: Trace): { result: AnalysisResult; recalled: number } {
  const recall = vi.spyOn(ComparisonMemo.prototype, 'recall');
  const result = analyzeTrace(trace, { values: 'raw' });
  const recalled = recall.mock.results.filter((r) => r.value !== undefined).length;
  recall.mockRestore();
  return { result, recalled };
}

/** The analysis with every request compared again: nothing is recalled. */
function analysedWithoutRecall(trace: Trace): AnalysisResult {
  const recall = vi.spyOn(ComparisonMemo.prototype, 'recall').mockReturnValue(undefined);
  const result = analyzeTrace(trace, { values: 'raw' });
  recall.mockRestore();
  return result;
}

afterEach(() => {
  vi.restoreAllMocks();
});

/** The recordings of the repository (the corpus's files broken on purpose left out). */
const RECORDINGS = fixtureTraces();

describe('recalled comparisons', () => {
  it('leave the analysis of every recording of the repository as it is, and are recalled on them', () => {
    expect(RECORDINGS.length).toBeGreaterThan(40);
    let recalled = 0;
    for (const [file, trace] of RECORDINGS) {
      const withRecall = analysed(trace);
      recalled += withRecall.recalled;
      expect(withRecall.result, file).toEqual(analysedWithoutRecall(trace));
    }
    expect(recalled).toBeGreaterThan(100);
  });

  it('leave a request the browser reported on with facts of its own', () => {
    const crossSite = { siteContext: 'cross-site', resourceType: 'xhr', cookie: '' } as const;
    const trace = new TraceBuilder()
      .get('https://app.shop.test/', { setCookie: ['pref=a; Path=/; Secure; SameSite=Strict'] })
      .get('https://app.shop.test/api', crossSite)
      .get('https://app.shop.test/api', {
        ...crossSite,
        browserReport: { blockedRequestCookies: [{ name: 'pref', reasons: ['SameSiteStrict'] }] },
      })
      .build();
    const { result } = analysed(trace);
    expect(result).toEqual(analysedWithoutRecall(trace));
    expect(result.requests[2]?.notSent).toEqual([
      expect.objectContaining({ name: 'pref', browserReasons: ['SameSiteStrict'] }),
    ]);
  });

  const HOSTS = ['https://app.shop.test', 'https://api.shop.test', 'http://app.shop.test', 'https://cdn.other.test'];
  const PATHS = ['/', '/account', '/account/orders', '/v1/cart', '/accounts'];
  const SET_COOKIE = [
    'sid=one; Path=/; Secure; HttpOnly; SameSite=Lax',
    'sid=two; Path=/; Secure; HttpOnly; SameSite=Lax',
    'sid=; Path=/; Max-Age=0',
    'pref=a; Domain=shop.test; Path=/',
    'pref=b; Domain=shop.test; Path=/; Max-Age=3',
    'cart=1; Path=/account',
    'lb=x; Path=/; SameSite=None; Secure',
    'old=1; Path=/; Max-Age=2',
  ];
  /** What makes a comparison one that is not kept: now and then, so that most requests can be recalled. */
  const rarely = fc.constantFrom(false, false, false, false, false, false, false, true);
  const request = fc.record({
    host: fc.constantFrom(...HOSTS),
    path: fc.constantFrom(...PATHS),
    method: fc.constantFrom('GET', 'GET', 'POST', 'OPTIONS'),
    preflight: rarely,
    document: fc.boolean(),
    site: fc.constantFrom(undefined, 'same-site' as const, 'cross-site' as const, 'unknown' as const),
    cookie: fc.option(fc.constantFrom('', 'sid=one', 'sid=one; pref=a', 'sid=two; pref=b; lb=x', 'pref=a; stray=1')),
    setCookie: fc.array(fc.constantFrom(...SET_COOKIE), { maxLength: 2 }),
    after: fc.constantFrom(0, 200, 1000, 2500),
    duration: fc.constantFrom(0, 0, 0, 100, 1500),
    offNetwork: rarely,
    blocked: rarely,
    run: fc.constantFrom(undefined, undefined, 1, 2),
  });
  const event = fc.oneof(
    { weight: 9, arbitrary: request.map((r) => ({ kind: 'request' as const, ...r })) },
    {
      weight: 1,
      arbitrary: fc.record({
        kind: fc.constant('cookie' as const),
        value: fc.constantFrom('one', 'three'),
        removed: fc.boolean(),
      }),
    },
  );

  type Generated = typeof event extends fc.Arbitrary<infer T> ? T : never;

  function traceOf(events: readonly Generated[]): Trace {
    const out: TraceEvent[] = [];
    let time = Date.UTC(2025, 0, 1);
    let index = 0;
    let run: number | undefined;
    for (const e of events) {
      time += 700;
      if (e.kind === 'cookie') {
        out.push({
          kind: 'cookie-changed',
          time,
          cookie: {
            name: 'sid',
            value: e.value,
            domain: 'app.shop.test',
            path: '/',
            hostOnly: true,
            secure: true,
            httpOnly: true,
            sameSite: 'lax',
          },
          removed: e.removed,
          cause: e.removed ? 'explicit' : 'overwrite',
        });
        continue;
      }
      time += e.after;
      // Runs come in order in a trace (RULES.md): a run number never goes back.
      if (e.run !== undefined && (run === undefined || e.run > run)) run = e.run;
      const headers: Header[] = [];
      if (e.cookie !== null) headers.push({ name: 'Cookie', value: e.cookie });
      const preflight = e.method === 'OPTIONS' && e.preflight;
      if (preflight) headers.push({ name: 'Access-Control-Request-Method', value: 'POST' });
      const entry: TraceEntry = {
        index: index++,
        startedAt: time,
        duration: e.duration,
        ...(run !== undefined ? { run } : {}),
        request: {
          method: e.method,
          url: `${e.host}${e.path}`,
          headers,
          resourceType: e.document ? 'document' : 'xhr',
          ...(e.site !== undefined ? { siteContext: { kind: e.site, from: 'initiator' } } : {}),
        },
        response: {
          status: 200,
          headers: e.setCookie.map((value) => ({ name: 'Set-Cookie', value })),
        },
        ...(e.offNetwork ? { offNetwork: 'cache' as const } : {}),
        ...(e.blocked
          ? { browserReport: { blockedRequestCookies: [{ name: 'pref', reasons: ['SameSiteLax'] }] } }
          : {}),
      };
      out.push({ kind: 'entry', entry });
    }
    return { source: { format: 'har', file: 'generated.har' }, events: out, entryCount: index };
  }

  it('leave a preflight, and a request answered off the network, unjudged after a request like them', () => {
    const xhr = { siteContext: 'same-site', resourceType: 'xhr', cookie: '' } as const;
    const built = new TraceBuilder()
      .get('https://app.shop.test/', { setCookie: ['pref=a; Path=/; Secure'] })
      .get('https://app.shop.test/api', xhr)
      .request('OPTIONS', 'https://app.shop.test/api', { ...xhr, headers: { 'Access-Control-Request-Method': 'POST' } })
      .get('https://app.shop.test/api', xhr)
      .build();
    // The last request was answered from the cache.
    const events = built.events.map((e, i) =>
      e.kind === 'entry' && i === 3 ? { ...e, entry: { ...e.entry, offNetwork: 'cache' as const } } : e,
    );
    const trace = { ...built, events };
    const { result } = analysed(trace);
    expect(result).toEqual(analysedWithoutRecall(trace));
    expect(result.requests.map((r) => r.notSent.map((n) => `${n.name}:${n.reason}`))).toEqual([
      [],
      ['pref:Unknown'],
      [],
      [],
    ]);
  });

  /** A plain request: a same-site GET carrying the session, nothing in flight, nothing set. */
  const plainRequest: Extract<Generated, { kind: 'request' }> = {
    kind: 'request',
    host: 'https://api.shop.test',
    path: '/v1/cart',
    method: 'GET',
    preflight: false,
    document: false,
    site: 'same-site',
    cookie: 'sid=one',
    setCookie: [],
    after: 0,
    duration: 0,
    offNetwork: false,
    blocked: false,
    run: undefined,
  };

  it('leave a request that started while a cookie of its site was in flight with facts of its own', () => {
    const events: Generated[] = [
      { ...plainRequest, host: 'https://app.shop.test', setCookie: ['sid=one; Path=/; Secure'] },
      // pref (for all of shop.test) arrives 1.5 s after its request starts; the next request starts 0.7 s after it.
      {
        ...plainRequest,
        host: 'https://app.shop.test',
        path: '/',
        setCookie: ['pref=a; Domain=shop.test; Path=/'],
        duration: 1500,
      },
      plainRequest,
      { ...plainRequest, after: 2500 },
    ];
    const trace = traceOf(events);
    const { result } = analysed(trace);
    expect(result).toEqual(analysedWithoutRecall(trace));
    expect(result.requests.map((r) => r.notSent.map((n) => `${n.name}:${n.reason}`))).toEqual([
      [],
      [],
      [],
      ['pref:Unknown'],
    ]);
  });

  /**
   * The same plain request twice, a while after the rest: the second finds the first's comparison to recall on
   * most generated traces (random requests alone are seldom alike: a few recalls in 300 traces, and now and then
   * none, so the property could not tell that it had exercised recall at all).
   */
  const repeated: Extract<Generated, { kind: 'request' }> = {
    ...plainRequest,
    host: 'https://app.shop.test',
    path: '/account',
    after: 2500,
  };
  const again: Generated = { ...repeated, after: 0 };

  it('leave the analysis of generated traces as it is (property)', () => {
    let recalled = 0;
    fc.assert(
      fc.property(fc.array(event, { minLength: 1, maxLength: 40 }), (generated) => {
        const events: Generated[] = [...generated, repeated, again];
        const trace = traceOf(events);
        const withRecall = analysed(trace);
        recalled += withRecall.recalled;
        expect(withRecall.result).toEqual(analysedWithoutRecall(trace));
      }),
      { numRuns: fuzzRuns(0.03) },
    );
    expect(recalled).toBeGreaterThan(0);
  });
});
