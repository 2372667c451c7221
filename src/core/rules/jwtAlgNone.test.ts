// jwt-alg-none: a JWT session token with alg none — unsigned, forgeable.
import { describe, expect, it } from 'vitest';
import { b64url, findingsOf, GOOD, trace } from '../../../test/helpers/traceBuilder.ts';

function jwtSession(header: object, payload: object, signature: string) {
  const jwt = `${b64url(header)}.${b64url(payload)}.${signature}`;
  return trace()
    .get('https://shop.test/', { cookie: '', setCookie: [`app_session=${jwt}; ${GOOD}`] })
    .analyze();
}

describe('jwt-alg-none', () => {
  it('a session JWT with alg "none" and no signature → jwt-alg-none', () => {
    const result = jwtSession({ alg: 'none', typ: 'JWT' }, { sub: '1', exp: 1_900_000_000 }, '');
    expect(findingsOf(result, 'jwt-alg-none').map((f) => [f.cookie, f.entry, f.severity])).toEqual([
      ['app_session', 0, 'medium'], // a name alone makes the cookie `likely`: at most medium (RULES.md)
    ]);
  });

  it('alg "NONE" in capitals is still none', () => {
    const result = jwtSession({ alg: 'NONE' }, { sub: '1', exp: 1_900_000_000 }, '');
    expect(findingsOf(result, 'jwt-alg-none').map((f) => f.cookie)).toEqual(['app_session']);
  });

  it('a signed JWT (HS256) → nothing', () => {
    const result = jwtSession({ alg: 'HS256', typ: 'JWT' }, { sub: '1', exp: 1_900_000_000 }, 'c2lnbmF0dXJl');
    expect(findingsOf(result, 'jwt-alg-none')).toEqual([]);
  });
});
