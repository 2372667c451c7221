// cookie-samesite-none: SameSite=None on a session cookie (ZAP 10054-2).
import { describe, expect, it } from 'vitest';
import { findingsOf, ID, trace } from '../../../test/helpers/traceBuilder.ts';

describe('cookie-samesite-none', () => {
  it('a sid with SameSite=None; Secure → cookie-samesite-none (and not the insecure variant)', () => {
    const result = trace()
      .get('https://shop.test/', { cookie: '', setCookie: [`sid=${ID.a}; Path=/; Secure; HttpOnly; SameSite=None`] })
      .analyze();
    expect(findingsOf(result, 'cookie-samesite-none').map((f) => [f.cookie, f.entry, f.severity])).toEqual([
      ['sid', 0, 'low'],
    ]);
    expect(findingsOf(result, 'cookie-samesite-none-insecure')).toEqual([]);
  });

  it('a sid with SameSite=Lax → nothing', () => {
    const result = trace()
      .get('https://shop.test/', { cookie: '', setCookie: [`sid=${ID.a}; Path=/; Secure; HttpOnly; SameSite=Lax`] })
      .analyze();
    expect(findingsOf(result, 'cookie-samesite-none')).toEqual([]);
  });
});
