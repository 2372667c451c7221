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
