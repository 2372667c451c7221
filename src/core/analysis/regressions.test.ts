// Regressions: engine bugs found while writing the rule tests, fixed since. Each test failed against the engine
// of its day: IDs embedded inside a larger URL piece, and cookies.onChanged removal causes.
import { describe, expect, it } from 'vitest';
import { findingsOf, GOOD, ID, trace } from '../../../test/helpers/traceBuilder.ts';

function withUrl(url: string) {
  return trace()
    .get('https://shop.test/', { cookie: '', setCookie: [`sid=${ID.a}; ${GOOD}`] })
    .get(url, { cookie: `sid=${ID.a}` })
    .analyze({ values: 'redacted' });
}

describe('engine regressions', () => {
  // valuesInText.ts once (ee619994) only found an ID that is a whole `&;?#`-piece, a value after "=",
  // its percent-decoding, or a "/" segment. An ID inside a larger piece is neither reported by session-id-in-url
  // nor redacted in findings' and requests' `url` (the substring search before ee619994 found both).
  it('an ID inside a JSON-encoded query value (an OAuth-style state) is reported and redacted', () => {
    const result = withUrl(`https://shop.test/cb?state=${encodeURIComponent(JSON.stringify({ sid: ID.a }))}`);
    expect(findingsOf(result, 'session-id-in-url').map((f) => [f.cookie, f.entry])).toEqual([['sid', 1]]);
    expect(JSON.stringify(result.requests)).not.toContain(ID.a);
  });

  it('an ID inside an ASP.NET cookieless path segment /(S(ID))/ is reported and redacted', () => {
    const result = withUrl(`https://shop.test/(S(${ID.a}))/default.aspx`);
    expect(findingsOf(result, 'session-id-in-url').map((f) => [f.cookie, f.entry])).toEqual([['sid', 1]]);
    expect(JSON.stringify(result.requests)).not.toContain(ID.a);
  });

  // replay.ts applyCookieEvent called jar.upsertFromEvent(c, time, removed) without event.cause, so
  // the jar treats every removal as a deletion: a cookie the browser reported as expired is "Deleted" on the next
  // request instead of "Expired" (jar.ts keeps expired ones to report Expired once), and an evicted or
  // overwritten one leaves a Deleted tombstone it should not.
  it('after a cookies.onChanged removal with cause expired, the next request says Expired, not Deleted', () => {
    const result = trace()
      .get('https://shop.test/', { cookie: '', setCookie: [`sid=${ID.a}; ${GOOD}`] })
      .cookieChanged({ name: 'sid', value: ID.a, domain: 'shop.test', removed: true, cause: 'expired' })
      .get('https://shop.test/x', { cookie: '' })
      .analyze();
    expect(result.requests[1]!.notSent.map((n) => [n.name, n.reason])).toEqual([['sid', 'Expired']]);
  });
});
