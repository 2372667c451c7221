// cookie-rejected: a session Set-Cookie the browser would refuse, with Chrome's SetCookieBlockedReason.
import { describe, expect, it } from 'vitest';
import { findingsOf, GOOD, ID, trace } from '../../../test/helpers/traceBuilder.ts';

describe('cookie-rejected', () => {
  it('a Secure sid set from an http:// URL → cookie-rejected SecureOnly', () => {
    const result = trace()
      .get('http://shop.test/', { cookie: '', setCookie: [`sid=${ID.a}; ${GOOD}`] })
      .analyze();
    expect(findingsOf(result, 'cookie-rejected').map((f) => [f.cookie, f.entry, f.reason, f.severity])).toEqual([
      ['sid', 0, 'SecureOnly', 'medium'], // a name alone makes the cookie `likely`: at most medium (RULES.md)
    ]);
    expect(result.sessions).toEqual([]);
  });

  it('a sid with a Domain the host is not in → cookie-rejected InvalidDomain', () => {
    const result = trace()
      .get('https://shop.test/', { cookie: '', setCookie: [`sid=${ID.a}; Domain=other.test; ${GOOD}`] })
      .analyze();
    expect(findingsOf(result, 'cookie-rejected').map((f) => [f.cookie, f.reason])).toEqual([['sid', 'InvalidDomain']]);
  });

  it('an http:// page trying to replace the Secure sid → cookie-rejected OverwriteSecure; the old sid survives', () => {
    const result = trace()
      .get('https://shop.test/', { cookie: '', setCookie: [`sid=${ID.a}; ${GOOD}`] })
      .get('http://shop.test/x', { cookie: '', setCookie: [`sid=${ID.b}; Path=/; HttpOnly; SameSite=Lax`] })
      .get('https://shop.test/y', { cookie: `sid=${ID.a}` })
      .analyze();
    expect(findingsOf(result, 'cookie-rejected').map((f) => [f.cookie, f.entry, f.reason])).toEqual([
      ['sid', 1, 'OverwriteSecure'],
    ]);
    // The client kept its ID: back on https it is still the first one, nothing was lost for good.
    expect(result.sessions[0]!.ids).toHaveLength(1);
  });

  it('a sid whose name and value exceed 4096 bytes → cookie-rejected NameValuePairExceedsMaxSize', () => {
    const result = trace()
      .get('https://shop.test/', { cookie: '', setCookie: [`sid=${'a'.repeat(5000)}; ${GOOD}`] })
      .analyze();
    expect(findingsOf(result, 'cookie-rejected').map((f) => [f.cookie, f.reason])).toEqual([
      ['sid', 'NameValuePairExceedsMaxSize'],
    ]);
  });

  it('a sid with a control character → cookie-rejected DisallowedCharacter', () => {
    const result = trace()
      .get('https://shop.test/', { cookie: '', setCookie: [`sid=${ID.a}\u0001; ${GOOD}`] })
      .analyze();
    expect(findingsOf(result, 'cookie-rejected').map((f) => [f.cookie, f.reason])).toEqual([
      ['sid', 'DisallowedCharacter'],
    ]);
  });

  it('the same rejection on every response is reported once with a count', () => {
    const line = `sid=${ID.a}; ${GOOD}`;
    const result = trace()
      .get('http://shop.test/a', { cookie: '', setCookie: [line] })
      .get('http://shop.test/b', { cookie: '', setCookie: [line] })
      .analyze();
    const found = findingsOf(result, 'cookie-rejected');
    expect(found.map((f) => f.entry)).toEqual([0]);
    expect(found[0]!.message).toBe(
      'The browser rejects the sid cookie: SecureOnly — A Secure cookie was set from an insecure (http://) URL. (2 times)',
    );
  });

  it("one token set for each of a company's domains, where the browser stores the host's own: low, naming it", () => {
    // A real login response (Charles): the token for .shop.test, .shop-brand.mobi and .shop-brand.cn at once.
    const login = (lines: string[]) =>
      trace()
        .post('https://api.shop.test/login', {
          cookie: '',
          form: { user: 'ann', password: 'pw' },
          setCookie: lines.map((domain) => `token=${ID.a}; Domain=${domain}; ${GOOD}`),
        })
        .get('https://api.shop.test/me', { cookie: `token=${ID.a}` })
        .analyze();
    const [found] = findingsOf(login(['.shop-brand.mobi', '.shop.test', '.shop-brand.cn']), 'cookie-rejected');
    expect([found?.reason, found?.severity, found?.evidence.storedAlike]).toEqual([
      'InvalidDomain',
      'low',
      '.shop.test',
    ]);
    expect(found?.message).toContain('(2 times) The same response set token with the same value for .shop.test');
    expect(found?.fix).toContain('Send each host only the Set-Cookie lines for its own domain');
    // None of them stored: the session never reached the browser.
    const [refused] = findingsOf(login(['.shop-brand.mobi', '.shop-brand.cn']), 'cookie-rejected');
    expect([refused?.severity, refused?.evidence.storedAlike]).toEqual(['high', undefined]);
  });

  it('a rejected cookie that is not a session cookie → nothing', () => {
    const result = trace()
      .get('http://shop.test/', { cookie: '', setCookie: ['theme=dark; Path=/; Secure'] })
      .analyze();
    expect(findingsOf(result, 'cookie-rejected')).toEqual([]);
  });

  it('a well-formed sid → nothing', () => {
    const result = trace()
      .get('https://shop.test/', { cookie: '', setCookie: [`sid=${ID.a}; ${GOOD}`] })
      .analyze();
    expect(findingsOf(result, 'cookie-rejected')).toEqual([]);
  });
});
