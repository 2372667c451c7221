// session-kept-at-logout: a logout whose response left the logged-in session's ID in the browser.
import { describe, expect, it } from 'vitest';
import { findingsOf, GOOD, ID, trace } from '../../../test/helpers/traceBuilder.ts';

const sid = (id: string) => `sid=${id}; ${GOOD}`;
const LOGIN = { form: { user: 'ann', password: 'pw' }, location: 'https://shop.test/account' };

/** A login that issues ID.b in place of ID.a, then the account page. */
function loggedIn() {
  return trace()
    .get('https://shop.test/login', { cookie: '', setCookie: [sid(ID.a)] })
    .post('https://shop.test/login', { cookie: `sid=${ID.a}`, setCookie: [sid(ID.b)], ...LOGIN })
    .get('https://shop.test/account', { cookie: `sid=${ID.b}` });
}

describe('session-kept-at-logout', () => {
  it('a logout that sets nothing, the ID sent on and never answered as logged out → low, at the logout', () => {
    const result = loggedIn()
      .get('https://shop.test/logout', { cookie: `sid=${ID.b}`, location: 'https://shop.test/' })
      .get('https://shop.test/', { cookie: `sid=${ID.b}` })
      .get('https://shop.test/about', { cookie: `sid=${ID.b}` })
      .analyze();
    const found = findingsOf(result, 'session-kept-at-logout');
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ cookie: 'sid', entry: 3, severity: 'low' });
    expect(found[0]!.evidence).toMatchObject({ carriedAfterLogout: 2 });
    expect(found[0]!.evidence.answeredAsLoggedOut).toBeUndefined();
    expect(found[0]!.message).toContain('entries 4–5');
  });

  it('counts the requests that carried the ID up to the next login, which logs that ID in again (Raneto)', () => {
    const result = loggedIn()
      .get('https://shop.test/logout', { cookie: `sid=${ID.b}`, location: 'https://shop.test/' })
      .get('https://shop.test/', { cookie: `sid=${ID.b}` })
      .post('https://shop.test/login', { cookie: `sid=${ID.b}`, ...LOGIN })
      .get('https://shop.test/account', { cookie: `sid=${ID.b}` })
      .get('https://shop.test/orders', { cookie: `sid=${ID.b}` })
      .analyze();
    const [found] = findingsOf(result, 'session-kept-at-logout');
    expect(found!.evidence).toMatchObject({ carriedAfterLogout: 2 });
    expect(found!.message).toContain('2 later requests (entries 4–5), up to the login at entry 5.');
  });

  it('a later request with the ID answered 401 shows the server ended the session → info, naming that answer', () => {
    const result = loggedIn()
      .get('https://shop.test/logout', { cookie: `sid=${ID.b}`, location: 'https://shop.test/' })
      .get('https://shop.test/', { cookie: `sid=${ID.b}` })
      .get('https://shop.test/api/orders', { cookie: `sid=${ID.b}`, status: 401, resourceType: 'fetch' })
      .analyze();
    const found = findingsOf(result, 'session-kept-at-logout');
    expect(found.map((f) => [f.severity, f.evidence.answeredAsLoggedOut])).toEqual([['info', 5]]);
    expect(found[0]!.message).toContain('HTTP 401 Unauthorized');
  });

  it('a logout that deletes the cookie, or issues a new ID, ends the ID: no finding', () => {
    const deleted = loggedIn()
      .get('https://shop.test/logout', {
        cookie: `sid=${ID.b}`,
        setCookie: ['sid=; Max-Age=0; Path=/'],
        location: 'https://shop.test/',
      })
      .get('https://shop.test/', { cookie: '' })
      .analyze();
    const renewed = loggedIn()
      .get('https://shop.test/logout', {
        cookie: `sid=${ID.b}`,
        setCookie: [sid(ID.c)],
        location: 'https://shop.test/',
      })
      .get('https://shop.test/', { cookie: `sid=${ID.c}` })
      .analyze();
    expect(findingsOf(deleted, 'session-kept-at-logout')).toEqual([]);
    expect(findingsOf(renewed, 'session-kept-at-logout')).toEqual([]);
  });

  it('the logout renews the ID on the next answer (Tomcat after invalidate()): no finding', () => {
    const result = loggedIn()
      .get('https://shop.test/logout', { cookie: `sid=${ID.b}`, location: 'https://shop.test/' })
      .get('https://shop.test/', { cookie: `sid=${ID.b}`, setCookie: [sid(ID.c)] })
      .analyze();
    expect(findingsOf(result, 'session-kept-at-logout')).toEqual([]);
  });

  it('kept until the user signs in again, which renews it: still kept at the logout', () => {
    const result = loggedIn()
      .get('https://shop.test/logout', { cookie: `sid=${ID.b}`, location: 'https://shop.test/' })
      .get('https://shop.test/', { cookie: `sid=${ID.b}` })
      .post('https://shop.test/login', { cookie: `sid=${ID.b}`, setCookie: [sid(ID.c)], ...LOGIN })
      .get('https://shop.test/account', { cookie: `sid=${ID.c}` })
      .analyze();
    const found = findingsOf(result, 'session-kept-at-logout');
    expect(found.map((f) => [f.entry, f.severity, f.evidence.carriedAfterLogout])).toEqual([[3, 'low', 2]]);
  });

  it('an ID no login issued or kept (an anonymous visitor at /logout) opens nothing: no finding', () => {
    const result = trace()
      .get('https://shop.test/', { cookie: '', setCookie: [sid(ID.a)] })
      .get('https://shop.test/logout', { cookie: `sid=${ID.a}`, location: 'https://shop.test/' })
      .get('https://shop.test/', { cookie: `sid=${ID.a}` })
      .analyze();
    expect(findingsOf(result, 'session-kept-at-logout')).toEqual([]);
  });

  it("another origin's logout (an identity provider on another port of the host) cannot end this session", () => {
    const result = loggedIn()
      .get('https://shop.test:8443/logout', { cookie: `sid=${ID.b}`, location: 'https://shop.test/' })
      .get('https://shop.test/', { cookie: `sid=${ID.b}` })
      .analyze();
    expect(findingsOf(result, 'session-kept-at-logout')).toEqual([]);
  });

  it('an image named logout (the icon of the logout link) is no logout', () => {
    const result = loggedIn()
      .get('https://shop.test/themes/graphics/logout.png', { cookie: `sid=${ID.b}`, resourceType: 'image' })
      .get('https://shop.test/', { cookie: `sid=${ID.b}` })
      .analyze();
    expect(findingsOf(result, 'session-kept-at-logout')).toEqual([]);
  });
});
