// cookie-no-secure: a session cookie set over HTTPS without Secure (ZAP 10011).
import { describe, expect, it } from 'vitest';
import { findingsOf, ID, trace } from '../../../test/helpers/traceBuilder.ts';

describe('cookie-no-secure', () => {
  it('a sid set over https without Secure → cookie-no-secure', () => {
    const result = trace()
      .get('https://shop.test/', { cookie: '', setCookie: [`sid=${ID.a}; Path=/; HttpOnly; SameSite=Lax`] })
      .analyze();
    expect(findingsOf(result, 'cookie-no-secure').map((f) => [f.cookie, f.entry, f.severity])).toEqual([
      ['sid', 0, 'medium'], // a name alone makes the cookie `likely`: at most medium (RULES.md)
    ]);
  });

  it('a sid set over https with Secure → nothing', () => {
    const result = trace()
      .get('https://shop.test/', { cookie: '', setCookie: [`sid=${ID.a}; Path=/; Secure; HttpOnly; SameSite=Lax`] })
      .analyze();
    expect(findingsOf(result, 'cookie-no-secure')).toEqual([]);
  });

  it('a sid set over plain http is cookie-set-over-http, not cookie-no-secure', () => {
    const result = trace()
      .get('http://shop.test/', { cookie: '', setCookie: [`sid=${ID.a}; Path=/; HttpOnly; SameSite=Lax`] })
      .analyze();
    expect(findingsOf(result, 'cookie-no-secure')).toEqual([]);
    expect(findingsOf(result, 'cookie-set-over-http')).toHaveLength(1);
  });
});
