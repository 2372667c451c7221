// cookie-samesite-none-insecure: SameSite=None without Secure — browsers reject the cookie.
import { describe, expect, it } from 'vitest';
import { findingsOf, ID, trace } from '../../../test/helpers/traceBuilder.ts';

describe('cookie-samesite-none-insecure', () => {
  it('a sid with SameSite=None and no Secure → cookie-samesite-none-insecure, and the browser rejects it', () => {
    const result = trace()
      .get('https://shop.test/', { cookie: '', setCookie: [`sid=${ID.a}; Path=/; HttpOnly; SameSite=None`] })
      .analyze();
    expect(findingsOf(result, 'cookie-samesite-none-insecure').map((f) => [f.cookie, f.entry, f.severity])).toEqual([
      ['sid', 0, 'medium'], // a name alone makes the cookie `likely`: at most medium (RULES.md)
    ]);
    expect(findingsOf(result, 'cookie-rejected').map((f) => f.reason)).toEqual(['SameSiteNoneInsecure']);
    // A rejected cookie never starts a session.
    expect(result.sessions).toEqual([]);
  });

  it('a sid with SameSite=None; Secure → nothing', () => {
    const result = trace()
      .get('https://shop.test/', { cookie: '', setCookie: [`sid=${ID.a}; Path=/; HttpOnly; Secure; SameSite=None`] })
      .analyze();
    expect(findingsOf(result, 'cookie-samesite-none-insecure')).toEqual([]);
  });
});
