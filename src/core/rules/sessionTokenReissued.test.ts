// session-token-reissued: a login issues again the very token a logout had ended.
import { describe, expect, it } from 'vitest';
import { findingsOf, GOOD, ID, trace } from '../../../test/helpers/traceBuilder.ts';

const LOGIN = { form: { user: 'ann', password: 'pw' }, location: '/' };
const DELETE = 'remember=; Path=/; Max-Age=0';

/** A login issuing `first`, a logout deleting it, a login issuing `second`. */
function twoLogins(first: string, second: string, logoutSets = DELETE) {
  return trace()
    .post('https://app.test/login', { ...LOGIN, setCookie: [`remember=${first}; ${GOOD}`] })
    .get('https://app.test/', { cookie: `remember=${first}` })
    .get('https://app.test/logout', { cookie: `remember=${first}`, setCookie: [logoutSets], location: '/' })
    .post('https://app.test/login', { ...LOGIN, setCookie: [`remember=${second}; ${GOOD}`] })
    .get('https://app.test/', { cookie: `remember=${second}` })
    .analyze({ settings: { sessionCookies: ['remember'] } });
}

describe('session-token-reissued', () => {
  it('the same token issued at the next login after the logout deleted it → medium, at that login', () => {
    const found = findingsOf(twoLogins(ID.a, ID.a), 'session-token-reissued');
    expect(found.map((f) => [f.cookie, f.entry, f.severity, f.evidence.endedAtLogout])).toEqual([
      ['remember', 3, 'medium', 2],
    ]);
    expect(found[0]!.message).toContain('no logout can revoke it');
    expect(found[0]!.evidence.signedAnew).toBeUndefined();
  });

  it('also when the logout wrote a placeholder over it (Shaarli writes `false`)', () => {
    expect(findingsOf(twoLogins(ID.a, ID.a, `remember=false; ${GOOD}`), 'session-token-reissued')).toHaveLength(1);
  });

  it("also when a signed value wraps the same token with a new time (JupyterHub's cookie_id, Tornado-signed)", () => {
    // Tornado's secure cookie v2: `2|1:0|<len>:<time>|<len>:<name>|<len>:<base64 value>|<signature>`.
    const tornado = (time: number) => {
      const b64 = btoa('e9af0cae5936434a9eb03ccbc5f4cc24');
      return `2|1:0|10:${time}|8:remember|${b64.length}:${b64}|${'ab12'.repeat(16)}`;
    };
    const found = findingsOf(twoLogins(tornado(1796468741), tornado(1796468799)), 'session-token-reissued');
    expect(found.map((f) => [f.entry, f.evidence.signedAnew])).toEqual([[3, true]]);
    expect(found[0]!.message).toContain('the token, signed anew, that');
  });

  it('a new token at the next login, or a session store written again byte for byte, is none', () => {
    expect(findingsOf(twoLogins(ID.a, ID.b), 'session-token-reissued')).toEqual([]);
    // Flask's signed store: the same data signed in the same second gives the same value; it is no token.
    const store = 'eyJ1c2VyIjoiYWxpY2UiLCJ2aXNpdHMiOjJ9.axPwKg.PEBgqnWmFbXyJ0S2n3T5c1D7k9LmQr4sV6u8W0y2';
    expect(findingsOf(twoLogins(store, store), 'session-token-reissued')).toEqual([]);
  });
});
