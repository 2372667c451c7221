// cookie-prefix-violation: __Host-/__Secure- requirements not met (Chrome's InvalidPrefix).
import { describe, expect, it } from 'vitest';
import { findingsOf, ID, trace } from '../../../test/helpers/traceBuilder.ts';

function setOn(url: string, line: string) {
  return trace()
    .get(url, { cookie: '', setCookie: [line] })
    .analyze();
}

describe('cookie-prefix-violation', () => {
  it('__Host-sid with a Domain attribute → cookie-prefix-violation InvalidPrefix', () => {
    const result = setOn(
      'https://shop.test/',
      `__Host-sid=${ID.a}; Domain=shop.test; Path=/; Secure; HttpOnly; SameSite=Lax`,
    );
    const found = findingsOf(result, 'cookie-prefix-violation');
    expect(found.map((f) => [f.cookie, f.entry, f.reason, f.severity])).toEqual([
      ['__Host-sid', 0, 'InvalidPrefix', 'medium'], // a name alone makes the cookie `likely`: at most medium (RULES.md)
    ]);
  });

  it('__Host-sid with Path=/app → cookie-prefix-violation', () => {
    const result = setOn('https://shop.test/app/', `__Host-sid=${ID.a}; Path=/app; Secure; HttpOnly; SameSite=Lax`);
    expect(findingsOf(result, 'cookie-prefix-violation').map((f) => f.cookie)).toEqual(['__Host-sid']);
  });

  it('__Secure-token without Secure → cookie-prefix-violation even though the name is no session name', () => {
    const result = setOn('https://shop.test/', `__Secure-token=${ID.a}; Path=/; HttpOnly; SameSite=Lax`);
    expect(findingsOf(result, 'cookie-prefix-violation').map((f) => [f.cookie, f.reason])).toEqual([
      ['__Secure-token', 'InvalidPrefix'],
    ]);
  });

  it('__Host-sid meeting every requirement → nothing', () => {
    const result = setOn('https://shop.test/', `__Host-sid=${ID.a}; Path=/; Secure; HttpOnly; SameSite=Lax`);
    expect(findingsOf(result, 'cookie-prefix-violation')).toEqual([]);
    expect(findingsOf(result, 'cookie-rejected')).toEqual([]);
  });

  it('a cookie rejected for another reason is not a prefix violation', () => {
    const result = setOn(
      'https://shop.test/',
      `sid=${ID.a}; Domain=other.test; Path=/; Secure; HttpOnly; SameSite=Lax`,
    );
    expect(findingsOf(result, 'cookie-prefix-violation')).toEqual([]);
  });
});
