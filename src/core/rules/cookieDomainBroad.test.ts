// cookie-domain-broad: a Domain attribute makes the session cookie visible to sibling subdomains (ZAP 90033).
import { describe, expect, it } from 'vitest';
import { findingsOf, ID, trace } from '../../../test/helpers/traceBuilder.ts';

describe('cookie-domain-broad', () => {
  it('sid with Domain=shop.test set by www.shop.test → cookie-domain-broad naming the scope', () => {
    const result = trace()
      .get('https://www.shop.test/', {
        cookie: '',
        setCookie: [`sid=${ID.a}; Domain=shop.test; Path=/; Secure; HttpOnly; SameSite=Lax`],
      })
      .analyze();
    const found = findingsOf(result, 'cookie-domain-broad');
    expect(found.map((f) => [f.cookie, f.entry, f.severity])).toEqual([['sid', 0, 'medium']]);
    expect(found[0]!.message).toContain('Domain=shop.test');
  });

  it("one Domain cookie that several of the site's hosts set is told once, counted over all; host-only cookies of two hosts are two", () => {
    const line = (id: string, domain: string) => `sid=${id}; ${domain}Path=/; Secure; HttpOnly`;
    const result = trace()
      .get('https://www.shop.test/', { cookie: '', setCookie: [line(ID.a, 'Domain=.shop.test; ')] })
      .get('https://api.shop.test/me', { cookie: `sid=${ID.a}`, setCookie: [line(ID.b, 'Domain=.shop.test; ')] })
      .get('https://static.shop.test/a', { cookie: `sid=${ID.b}`, setCookie: [line(ID.c, 'Domain=shop.test; ')] })
      .analyze();
    // The domain rule and SameSite's (both attributes missing or too broad on every line) see one cookie of the jar.
    for (const rule of ['cookie-domain-broad', 'cookie-samesite-missing'] as const) {
      const found = findingsOf(result, rule);
      expect(found.map((f) => [f.origin, f.entry, f.evidence.occurrences])).toEqual([['https://www.shop.test', 0, 3]]);
    }
    const hostOnly = trace()
      .get('https://www.shop.test/', { cookie: '', setCookie: [line(ID.a, '')] })
      .get('https://api.shop.test/me', { cookie: '', setCookie: [line(ID.b, '')] })
      .analyze();
    expect(findingsOf(hostOnly, 'cookie-samesite-missing').map((f) => f.origin)).toEqual([
      'https://www.shop.test',
      'https://api.shop.test',
    ]);
  });

  it('a leading dot in Domain is the same broad scope', () => {
    const result = trace()
      .get('https://shop.test/', {
        cookie: '',
        setCookie: [`sid=${ID.a}; Domain=.shop.test; Path=/; Secure; HttpOnly; SameSite=Lax`],
      })
      .analyze();
    expect(findingsOf(result, 'cookie-domain-broad').map((f) => f.cookie)).toEqual(['sid']);
  });

  it('a Domain the browser rejects (InvalidDomain) makes nothing visible: cookie-rejected, not cookie-domain-broad', () => {
    const result = trace()
      .get('https://shop.test/', {
        cookie: '',
        setCookie: [`sid=${ID.a}; Domain=other.test; Path=/; Secure; HttpOnly; SameSite=Lax`],
      })
      .analyze();
    expect(findingsOf(result, 'cookie-rejected').map((f) => f.reason)).toEqual(['InvalidDomain']);
    expect(findingsOf(result, 'cookie-domain-broad')).toEqual([]);
  });

  it('a Domain naming the IP address the cookie came from → nothing: an address has no subdomains', () => {
    // Pyramid's AuthTktCookieHelper sets its ticket three times, one of them with Domain=<the host>.
    const result = trace()
      .get('http://127.0.0.1:8080/login', {
        cookie: '',
        setCookie: [`auth_tkt=${ID.a}; Domain=127.0.0.1; Path=/; HttpOnly; SameSite=Lax`],
      })
      .analyze();
    expect(findingsOf(result, 'cookie-domain-broad')).toEqual([]);
  });

  it('a Domain naming the answering host below its site → nothing: it reaches no sibling (ZAP 90033 agrees)', () => {
    // ferguson.com's DYN_USER_CONFIRM: Domain=www.ferguson.com, set by www.ferguson.com.
    const result = trace()
      .get('https://www.shop.test/', {
        cookie: '',
        setCookie: [`sid=${ID.a}; Domain=WWW.shop.test; Path=/; Secure; HttpOnly; SameSite=Lax`],
      })
      .analyze();
    expect(findingsOf(result, 'cookie-domain-broad')).toEqual([]);
  });

  it('the same Domain set from a host below it → cookie-domain-broad: hosts beside the setter receive it', () => {
    const result = trace()
      .get('https://app.www.shop.test/', {
        cookie: '',
        setCookie: [`sid=${ID.a}; Domain=www.shop.test; Path=/; Secure; HttpOnly; SameSite=Lax`],
      })
      .analyze();
    const found = findingsOf(result, 'cookie-domain-broad');
    expect(found.map((f) => f.message)).toEqual([
      'sid: Domain=www.shop.test makes it visible to every host under www.shop.test.',
    ]);
  });

  it('a host-only sid (no Domain) → nothing', () => {
    const result = trace()
      .get('https://www.shop.test/', { cookie: '', setCookie: [`sid=${ID.a}; Path=/; Secure; HttpOnly; SameSite=Lax`] })
      .analyze();
    expect(findingsOf(result, 'cookie-domain-broad')).toEqual([]);
  });
});
