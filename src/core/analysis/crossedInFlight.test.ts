// Two answers that cross in flight: the request that started first got the later answer. The browser stores each
// Set-Cookie as its answer arrives, so it keeps the one of the request that started first; the replay, which goes in
// start order, must not take the other for the cookie held (RULES.md, "What is a request").
import { describe, expect, it } from 'vitest';
import { findingsOf, GOOD, ID, trace } from '../../../test/helpers/traceBuilder.ts';

const sid = (id: string) => `sid=${id}; ${GOOD}`;

/**
 * A visitor's page: a slow favicon that starts first and is answered with ID a, a redirect that starts 18 ms later and
 * is answered first with ID b (each carried none: neither answer had come), then the pages after, carrying `carried`.
 * `faviconTook`: how long the favicon's answer took (100 ms: it lands after the redirect's, at 60 ms).
 */
function crossing(carried: string, faviconTook = 100) {
  return trace()
    .get('https://shop.test/', {})
    .get('https://shop.test/favicon.ico', { setCookie: [sid(ID.a)], duration: faviconTook, resourceType: 'image' })
    .get('https://shop.test/account', { setCookie: [sid(ID.b)], duration: 42, after: 18 })
    .get('https://shop.test/login', { cookie: `sid=${carried}`, after: 200 })
    .get('https://shop.test/', { cookie: `sid=${carried}` })
    .analyze();
}

describe('answers crossing in flight', () => {
  it('keeps the ID of the answer that arrived last: the later pages carry it, and nothing is lost or changed', () => {
    const result = crossing(ID.a);
    expect(result.facts.lanes[0]!.ids.map((id) => [id.id, id.firstEntry, id.lastEntry, id.end?.kind])).toEqual([
      [ID.a, 1, 4, undefined],
    ]);
    expect(findingsOf(result, 'session-reset')).toEqual([]);
    expect(findingsOf(result, 'session-not-sent')).toEqual([]);
    // The redirect's line is kept as stored, and says that the browser replaced it at once.
    const account = result.facts.requests[2]!.setCookies[0]!;
    expect(account.outcome.kind).toBe('stored');
    expect(account.keptEarlierAnswer).toBe(true);
    expect(result.facts.requests[1]!.setCookies[0]!.keptEarlierAnswer).toBeUndefined();
  });

  it('the jar holds that ID: a later request without it was not sent it, and that is the loss', () => {
    const result = trace()
      .get('https://shop.test/', {})
      .get('https://shop.test/favicon.ico', { setCookie: [sid(ID.a)], duration: 100, resourceType: 'image' })
      .get('https://shop.test/account', { setCookie: [sid(ID.b)], duration: 42, after: 18 })
      .get('https://shop.test/login', { cookie: `sid=${ID.a}`, after: 200 })
      .get('https://shop.test/', { cookie: '', setCookie: [sid(ID.c)] })
      .analyze();
    expect(result.facts.lanes[0]!.ids.map((id) => [id.id, id.end?.kind, id.end?.entry])).toEqual([
      [ID.a, 'reset', 4],
      [ID.c, undefined, undefined],
    ]);
    expect(findingsOf(result, 'session-reset').map((f) => [f.entry, f.cause])).toEqual([[4, 'not-sent']]);
    expect(findingsOf(result, 'session-not-sent').map((f) => f.entry)).toEqual([4]);
  });

  it('answers that did not cross keep start order: the later start arrived last, and its ID is held', () => {
    // The favicon answered in 50 ms, before the redirect's answer (at 60 ms): the redirect's ID replaced it (a fresh
    // race, info).
    const result = crossing(ID.b, 50);
    expect(result.facts.lanes[0]!.ids.map((id) => id.id)).toEqual([ID.a, ID.b]);
    expect(result.facts.requests[2]!.setCookies[0]!.keptEarlierAnswer).toBeUndefined();
    expect(findingsOf(result, 'session-reset').map((f) => [f.entry, f.cause, f.severity])).toEqual([
      [2, 'overwritten', 'info'],
    ]);
  });

  it('a value set again unchanged is left in start order', () => {
    const result = trace()
      .get('https://shop.test/', {})
      .get('https://shop.test/favicon.ico', { setCookie: [sid(ID.a)], duration: 100, resourceType: 'image' })
      .get('https://shop.test/account', { setCookie: [sid(ID.a)], duration: 42, after: 18 })
      .analyze();
    expect(result.facts.requests[2]!.setCookies[0]!.keptEarlierAnswer).toBeUndefined();
  });

  it("a login's answer is not reordered: the replay does not yet tell a login's ID lost so", () => {
    const result = trace()
      .get('https://shop.test/', {})
      .get('https://shop.test/favicon.ico', { setCookie: [sid(ID.a)], duration: 100, resourceType: 'image' })
      .post('https://shop.test/login', {
        form: { user: 'ann', password: 'x' },
        setCookie: [sid(ID.b)],
        duration: 42,
        after: 18,
      })
      .analyze();
    expect(result.facts.requests[2]!.setCookies[0]!.keptEarlierAnswer).toBeUndefined();
    expect(result.facts.lanes[0]!.ids.map((id) => id.id)).toEqual([ID.a, ID.b]);
  });
});
