// jwt-no-expiry: a JWT session token without an exp claim.
import { describe, expect, it } from 'vitest';
import { b64url, findingsOf, GOOD, trace } from '../../../test/helpers/traceBuilder.ts';

function jwtSession(payload: object) {
  const jwt = `${b64url({ alg: 'HS256', typ: 'JWT' })}.${b64url(payload)}.c2lnbmF0dXJl`;
  return trace()
    .get('https://shop.test/', { cookie: '', setCookie: [`app_session=${jwt}; ${GOOD}`] })
    .analyze();
}

describe('jwt-no-expiry', () => {
  it('a session JWT with no exp claim → jwt-no-expiry', () => {
    const result = jwtSession({ sub: '1', iat: 1_700_000_000 });
    expect(findingsOf(result, 'jwt-no-expiry').map((f) => [f.cookie, f.entry, f.severity])).toEqual([
      ['app_session', 0, 'low'],
    ]);
  });

  it('a session JWT with exp → nothing', () => {
    expect(findingsOf(jwtSession({ sub: '1', exp: 1_900_000_000 }), 'jwt-no-expiry')).toEqual([]);
  });

  it('base64 JSON without exp is no JWT: nothing', () => {
    const result = trace()
      .get('https://shop.test/', { cookie: '', setCookie: [`app_session=${btoa('{"sub":"1"}')}; ${GOOD}`] })
      .analyze();
    expect(findingsOf(result, 'jwt-no-expiry')).toEqual([]);
  });
});
