// cookie-holds-credentials: a cookie that carries the credentials its request sent as HTTP Basic authentication.
import { describe, expect, it } from 'vitest';
import { findingsOf, trace } from '../../../test/helpers/traceBuilder.ts';

const ALICE = 'YWxpY2U6c2VjcmV0'; // base64 of alice:secret
const WRONG = 'YWxpY2U6d3Jvbmc='; // base64 of alice:wrong
const basic = (credentials: string) => ({ Authorization: `Basic ${credentials}` });

describe('cookie-holds-credentials', () => {
  it("RabbitMQ's management UI: its script keeps the login in `m` and sends it as Basic credentials", () => {
    const result = trace()
      .get('http://mq.test/api/whoami', { cookie: 'm=2258:YWxpY2U6d3Jvbmc%253D', headers: basic(WRONG), status: 401 })
      .get('http://mq.test/api/whoami', { cookie: `m=2258:${ALICE}`, headers: basic(ALICE) })
      .get('http://mq.test/api/overview', { cookie: `m=2258:${ALICE}`, headers: basic(ALICE) })
      .get('http://mq.test/', { cookie: 'm=' })
      .analyze();
    const found = findingsOf(result, 'cookie-holds-credentials');
    // One finding for the cookie, at the first request whose credentials were accepted; no session to lower it.
    expect(found.map((f) => [f.cookie, f.entry, f.severity])).toEqual([['m', 1, 'high']]);
    expect(found[0]!.message).toContain('3 requests carried it');
    expect(JSON.stringify(found[0]!.evidence)).not.toContain(ALICE);
  });

  it("holds them as text, or encoded, or under a router's `Authorization` cookie", () => {
    for (const cookie of [
      'auth=alice%3Asecret',
      `Authorization=Basic%20${ALICE}`,
      `creds=${encodeURIComponent(encodeURIComponent(`${ALICE}==`))}`,
    ]) {
      const result = trace()
        .get('http://box.test/', { cookie, headers: basic(ALICE) })
        .analyze();
      expect(findingsOf(result, 'cookie-holds-credentials').map((f) => f.cookie)).toHaveLength(1);
    }
    // base64's `+` and `/` percent-encoded, once or twice (bob:p>s?w~rd is Ym9iOnA+cz93fnJk).
    for (const cookie of ['auth=Ym9iOnA%2Bcz93fnJk', 'auth=Ym9iOnA%252Bcz93fnJk']) {
      const result = trace()
        .get('http://box.test/', { cookie, headers: basic('Ym9iOnA+cz93fnJk') })
        .analyze();
      expect(findingsOf(result, 'cookie-holds-credentials').map((f) => f.cookie)).toEqual(['auth']);
    }
  });

  it('a cookie without the credentials, a token that is no password, or credentials too short to tell: nothing', () => {
    const none = (cookie: string, headers: Record<string, string>) =>
      findingsOf(trace().get('http://box.test/', { cookie, headers }).analyze(), 'cookie-holds-credentials');
    expect(none('sid=4f9c2a7be01d5c3a', basic(ALICE))).toEqual([]);
    // The same text as a Bearer token is a token the server issued, not the user's password.
    expect(none(`jwt=${ALICE}`, { Authorization: `Bearer ${ALICE}` })).toEqual([]);
    // `a:b` (YTpi) could be in any value.
    expect(none('pref=xYTpiy', basic('YTpi'))).toEqual([]);
  });
});
