// session-fixation: the session ID the client held before a login is still the one after it.
import { describe, expect, it } from 'vitest';
import { findingsOf, GOOD, ID, trace } from '../../../test/helpers/traceBuilder.ts';

const sid = (id: string) => `sid=${id}; ${GOOD}`;

describe('session-fixation', () => {
  it('a password POST that leaves the sid unchanged → session-fixation at the login entry', () => {
    const result = trace()
      .get('https://shop.test/login', { cookie: '', setCookie: [sid(ID.a)] })
      .post('https://shop.test/login', {
        cookie: `sid=${ID.a}`,
        form: { user: 'ann', password: 'pw' },
        location: 'https://shop.test/account',
      })
      .get('https://shop.test/account', { cookie: `sid=${ID.a}` })
      .analyze();
    const found = findingsOf(result, 'session-fixation');
    expect(found).toHaveLength(1);
    // The login carried sid: the cookie the login was bound to, a certain session.
    expect(found[0]).toMatchObject({ cookie: 'sid', entry: 1, severity: 'high', session: { confidence: 'certain' } });
    expect(found[0]!.evidence.loginSignal).toBe('password-post');
  });

  it('an Authorization header with credentials appearing without a new sid → session-fixation (Authorization)', () => {
    const result = trace()
      .get('https://shop.test/', { cookie: '', setCookie: [sid(ID.a)] })
      .get('https://shop.test/api/me', { cookie: `sid=${ID.a}`, headers: { Authorization: 'Basic YW5uOnB3' } })
      .analyze();
    expect(findingsOf(result, 'session-fixation').map((f) => [f.entry, f.evidence.loginSignal])).toEqual([
      [1, 'authorization-header'],
    ]);
  });

  it('a Bearer token appearing is no login: the token was issued elsewhere, earlier', () => {
    const result = trace()
      .get('https://shop.test/', { cookie: '', setCookie: [sid(ID.a)] })
      .get('https://shop.test/api/me', { cookie: `sid=${ID.a}`, headers: { Authorization: 'Bearer abc.def' } })
      .analyze();
    expect(findingsOf(result, 'session-fixation')).toEqual([]);
  });

  it('a login that failed (a 401, or the login form again) is no login: no fixation', () => {
    for (const answer of [{ status: 401 }, { location: 'https://shop.test/login?error=1' }]) {
      const result = trace()
        .get('https://shop.test/login', { cookie: '', setCookie: [sid(ID.a)] })
        .post('https://shop.test/login', { cookie: `sid=${ID.a}`, form: { user: 'ann', password: 'bad' }, ...answer })
        .get('https://shop.test/login?error=1', { cookie: `sid=${ID.a}` })
        .analyze();
      expect(findingsOf(result, 'session-fixation')).toEqual([]);
    }
  });

  it('a login whose redirect target issues the new sid is not fixation', () => {
    const result = trace()
      .get('https://shop.test/login', { cookie: '', setCookie: [sid(ID.a)] })
      .post('https://shop.test/login', {
        cookie: `sid=${ID.a}`,
        form: { user: 'ann', password: 'pw' },
        location: 'https://shop.test/account',
      })
      .get('https://shop.test/account', { cookie: `sid=${ID.a}`, setCookie: [sid(ID.b)] })
      .analyze();
    expect(findingsOf(result, 'session-fixation')).toEqual([]);
  });

  it('a login that rotates the sid is not fixation', () => {
    const result = trace()
      .get('https://shop.test/login', { cookie: '', setCookie: [sid(ID.a)] })
      .post('https://shop.test/login', {
        cookie: `sid=${ID.a}`,
        form: { user: 'ann', password: 'pw' },
        setCookie: [sid(ID.b)],
      })
      .analyze();
    expect(findingsOf(result, 'session-fixation')).toEqual([]);
  });

  it('a login with no session before it cannot be fixation', () => {
    const result = trace()
      .post('https://shop.test/login', { cookie: '', form: { user: 'ann', password: 'pw' }, setCookie: [sid(ID.a)] })
      .get('https://shop.test/account', { cookie: `sid=${ID.a}` })
      .analyze();
    expect(findingsOf(result, 'session-fixation')).toEqual([]);
  });

  it('a POST without a password field is no login, so no fixation', () => {
    const result = trace()
      .get('https://shop.test/', { cookie: '', setCookie: [sid(ID.a)] })
      .post('https://shop.test/cart', { cookie: `sid=${ID.a}`, form: { item: '42', qty: '1' } })
      .analyze();
    expect(result.facts.logins).toEqual([]);
    expect(findingsOf(result, 'session-fixation')).toEqual([]);
  });
});
