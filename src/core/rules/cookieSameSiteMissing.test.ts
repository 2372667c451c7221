// cookie-samesite-missing: a session cookie without a SameSite attribute (ZAP 10054-1).
import { describe, expect, it } from 'vitest';
import { findingsOf, ID, trace } from '../../../test/helpers/traceBuilder.ts';

describe('cookie-samesite-missing', () => {
  it('a sid with no SameSite → cookie-samesite-missing', () => {
    const result = trace()
      .get('https://shop.test/', { cookie: '', setCookie: [`sid=${ID.a}; Path=/; Secure; HttpOnly`] })
      .analyze();
    expect(findingsOf(result, 'cookie-samesite-missing').map((f) => [f.cookie, f.entry, f.severity])).toEqual([
      ['sid', 0, 'low'],
    ]);
  });

  it('a sid with an unknown SameSite value counts as missing (the browser default applies)', () => {
    const result = trace()
      .get('https://shop.test/', {
        cookie: '',
        setCookie: [`sid=${ID.a}; Path=/; Secure; HttpOnly; SameSite=Sometimes`],
      })
      .analyze();
    expect(findingsOf(result, 'cookie-samesite-missing').map((f) => f.cookie)).toEqual(['sid']);
  });

  it.each(['Lax', 'Strict', 'None'])('a sid with SameSite=%s → nothing', (value) => {
    const result = trace()
      .get('https://shop.test/', {
        cookie: '',
        setCookie: [`sid=${ID.a}; Path=/; Secure; HttpOnly; SameSite=${value}`],
      })
      .analyze();
    expect(findingsOf(result, 'cookie-samesite-missing')).toEqual([]);
  });
});
