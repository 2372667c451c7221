// session-rejected: a logged-in session ID is sent and the server answers as logged out (401, 403, a redirect to
// the login page) without issuing a new ID. An anonymous session, the login page itself, a logout and a response
// that replaces the ID (a session-reset) are not it.
import { describe, expect, it } from 'vitest';
import type { AnalysisResult } from '../../../src/core/analysis/analyze.ts';
import { b64url, findingsOf, GOOD, ID, summary, T0, trace } from '../../../test/helpers/traceBuilder.ts';

const sid = (id: string) => `sid=${id}; ${GOOD}`;
const PASSWORD = { username: 'demo', password: 'pw' };

/** Every finding at medium or above: what the scenario must show, and nothing else. */
function serious(result: AnalysisResult): string[] {
  return summary(result).filter((_, i) => ['medium', 'high'].includes(result.findings[i]!.severity));
}

describe('session-rejected', () => {
  it('two nodes without shared sessions: the ID the login issued is answered with a redirect to /login', () => {
    const result = trace()
      .get('https://shop.test/login', { cookie: '' })
      .post('https://shop.test/login', { cookie: '', form: PASSWORD, location: '/account', setCookie: [sid(ID.a)] })
      .get('https://shop.test/account', { cookie: `sid=${ID.a}`, location: '/login' })
      .get('https://shop.test/login', { cookie: `sid=${ID.a}` })
      .analyze();
    expect(serious(result)).toEqual(['session-rejected sid@2']);
    const [f] = findingsOf(result, 'session-rejected');
    expect(f!.severity).toBe('high');
    expect(f!.evidence).toMatchObject({ status: 302, loginPage: 'https://shop.test/login', issuedAtLogin: 1 });
    expect(f!.message).toContain('a 302 redirect to the login page /login');
    expect(f!.message).toContain('issued at the login at entry 1');
  });

  it('a page that shows the login form to everyone is no rejection where the same address then answers as logged in (Adminer)', () => {
    // Adminer's `/` holds its login form for visitors and logged-in users alike; its stylesheet is served under the
    // same path (`/?file=default.css`); `/?username=ann` is the logged-in page.
    const adminer = (loggedIn: 'answered' | 'form') =>
      trace()
        .get('https://db.test/', { cookie: '', setCookie: [sid(ID.a)], loginForm: true })
        .get('https://db.test/?file=default.css', { cookie: `sid=${ID.a}`, resourceType: 'stylesheet' })
        .get('https://db.test/', { cookie: `sid=${ID.a}`, loginForm: true })
        .post('https://db.test/', {
          cookie: `sid=${ID.a}`,
          form: PASSWORD,
          location: '/?username=ann',
          setCookie: [sid(ID.b)],
        })
        .get('https://db.test/?username=ann', { cookie: `sid=${ID.b}` })
        .get('https://db.test/', { cookie: `sid=${ID.b}`, loginForm: true })
        .get('https://db.test/?username=ann', {
          cookie: `sid=${ID.b}`,
          ...(loggedIn === 'form' ? { loginForm: true as const } : {}),
        })
        .analyze();
    // The visitor's ID was never accepted (a stylesheet says nothing); the login's ID was accepted again after `/`.
    expect(findingsOf(adminer('answered'), 'session-rejected')).toEqual([]);
    // Where the same address then shows the form too, the session was rejected.
    expect(findingsOf(adminer('form'), 'session-rejected').map((f) => f.entry)).toEqual([5]);
  });

  it('a value a later login writes again made no earlier request a logged-in one (djangosaml2 sends visitors to its sign-on)', () => {
    const result = trace()
      .get('https://shop.test/', { cookie: '', location: '/saml2/login/', setCookie: [sid(ID.a)] })
      .get('https://shop.test/', { cookie: `sid=${ID.a}`, location: '/saml2/login/' })
      .post('https://shop.test/login', { cookie: `sid=${ID.a}`, form: PASSWORD, location: '/', setCookie: [sid(ID.a)] })
      .get('https://shop.test/', { cookie: `sid=${ID.a}` })
      .analyze();
    expect(findingsOf(result, 'session-rejected')).toEqual([]);
  });

  it("another origin's answers (an identity provider on another port of the host) say nothing of when it was last accepted", () => {
    const result = trace()
      .post('https://shop.test/login', { cookie: '', form: PASSWORD, location: '/account', setCookie: [sid(ID.a)] })
      .get('https://shop.test/account', { cookie: `sid=${ID.a}` })
      .get('https://shop.test:8443/logo.png', { cookie: `sid=${ID.a}`, resourceType: 'image', after: 30_000 })
      .get('https://shop.test/account', { cookie: `sid=${ID.a}`, location: '/login', after: 1_000 })
      .analyze();
    const [f] = findingsOf(result, 'session-rejected');
    expect(f!.evidence).toMatchObject({ lastAccepted: 1, secondsSinceLastAccepted: 31 });
  });

  it('an expired token: the API that answered 200 answers 401 to the same cookie later', () => {
    const result = trace()
      .get('https://app.test/api/me', { cookie: `sid=${ID.a}`, resourceType: 'fetch' })
      .get('https://app.test/api/me', { cookie: `sid=${ID.a}`, resourceType: 'fetch', after: 60_000 })
      .get('https://app.test/api/me', { cookie: `sid=${ID.a}`, resourceType: 'fetch', status: 401, after: 3_600_000 })
      .get('https://app.test/api/me', { cookie: `sid=${ID.a}`, resourceType: 'fetch', status: 401 })
      .analyze();
    expect(serious(result)).toEqual(['session-rejected sid@2']);
    const [f] = findingsOf(result, 'session-rejected');
    expect(f!.evidence).toMatchObject({ status: 401, acceptedOnSamePath: 0, lastAccepted: 1, occurrences: 2 });
    expect(f!.evidence.secondsSinceLastAccepted).toBe(3600);
  });

  it('a JWT session past its exp: the finding says by how much', () => {
    const jwt = `${b64url({ alg: 'HS256' })}.${b64url({ sub: 'demo', exp: T0 / 1000 + 2 })}.c2lnbmF0dXJl`;
    const result = trace()
      .post('https://app.test/login', {
        cookie: '',
        form: PASSWORD,
        location: '/me',
        setCookie: [`api_session=${jwt}; ${GOOD}`],
      })
      .get('https://app.test/me', { cookie: `api_session=${jwt}` })
      .get('https://app.test/me', { cookie: `api_session=${jwt}`, status: 401, after: 3000 })
      .analyze();
    expect(serious(result)).toEqual(['session-client-side-data api_session@0', 'session-rejected api_session@2']);
    const [f] = findingsOf(result, 'session-rejected');
    // Sent at T0 + 4 s (the POST at T0, then 1 s and 3 s), exp at T0 + 2 s.
    expect(f!.evidence.secondsPastTokenExpiry).toBe(2);
    expect(f!.message).toContain("The token's exp had passed 2 s before this request.");
  });

  it('403 to a session the same path accepted before', () => {
    const result = trace()
      .get('https://app.test/admin', { cookie: `sid=${ID.a}` })
      .get('https://app.test/admin', { cookie: `sid=${ID.a}`, status: 403 })
      .analyze();
    expect(serious(result)).toEqual(['session-rejected sid@1']);
  });

  it('a 403 to a logged-in session on a page it was never allowed, or a POST after a GET, is not a rejection', () => {
    const result = trace()
      .post('https://app.test/login', { cookie: '', form: PASSWORD, location: '/home', setCookie: [sid(ID.a)] })
      .get('https://app.test/home', { cookie: `sid=${ID.a}` })
      .get('https://app.test/admin', { cookie: `sid=${ID.a}`, status: 403 })
      .get('https://app.test/form', { cookie: `sid=${ID.a}` })
      // A failed CSRF check answers 403 too.
      .post('https://app.test/form', { cookie: `sid=${ID.a}`, form: { q: '1' }, status: 403 })
      .analyze();
    expect(findingsOf(result, 'session-rejected')).toEqual([]);
  });

  it("Laravel's 419 Page Expired to a form posted with the login's ID, on a page it was never sent before; IIS's 440", () => {
    // The form's CSRF token was in the session the server no longer has: unlike a 403, a logged-in user is never
    // answered so, so the POST needs no earlier answer on its path.
    const expired = (status: number) =>
      trace()
        .post('https://app.test/login', { cookie: '', form: PASSWORD, location: '/home', setCookie: [sid(ID.a)] })
        .get('https://app.test/home', { cookie: `sid=${ID.a}` })
        .post('https://app.test/account', { cookie: `sid=${ID.a}`, form: { nickname: 'x' }, status })
        .analyze();
    const [f] = findingsOf(expired(419), 'session-rejected');
    expect(f).toMatchObject({ entry: 2, severity: 'high', evidence: { status: 419, issuedAtLogin: 0 } });
    expect(f!.message).toContain('with HTTP 419 Page Expired');
    expect(findingsOf(expired(440), 'session-rejected')[0]!.message).toContain('with HTTP 440 Login Time-out');
    // Another client error says nothing of the session.
    expect(findingsOf(expired(422), 'session-rejected')).toEqual([]);
  });

  describe('with content: a page that named the user and no longer does, at the same address with the same ID', () => {
    // Beaker's and Flask-Session's memory stores after a restart take the ID they no longer know as a new, empty
    // session: "Hello anon" where it said "Hello alice", a 200, no Set-Cookie or the same ID written again.
    const restarted = (after: { pageText: string; setCookie?: string[]; url?: string }, logout = false) => {
      let t = trace()
        .get('https://app.test/', { cookie: '', setCookie: [sid(ID.a)], pageText: 'Hello anon Log in' })
        .post('https://app.test/login', {
          cookie: `sid=${ID.a}`,
          form: { username: 'Alice', password: 'pw' },
          location: '/',
          setCookie: [sid(ID.b)],
        })
        .get('https://app.test/', { cookie: `sid=${ID.b}`, pageText: 'Hello alice visits=1 Log out' });
      if (logout) t = t.get('https://app.test/logout', { cookie: `sid=${ID.b}`, location: '/' });
      return t
        .get(after.url ?? 'https://app.test/', {
          cookie: `sid=${ID.b}`,
          pageText: after.pageText,
          setCookie: after.setCookie,
        })
        .analyze();
    };

    it('is rejected, also where the answer writes the same ID again', () => {
      for (const setCookie of [undefined, [sid(ID.b)]]) {
        const [f] = findingsOf(restarted({ pageText: 'Hello anon visits=1 Log out', setCookie }), 'session-rejected');
        expect(f).toMatchObject({ entry: 3, severity: 'high', evidence: { status: 200, userNamedAt: 2 } });
        expect(f!.message).toContain(
          'with a 200 page that no longer names the user (it did at entry 2, same address and ID)',
        );
      }
    });

    it('also for an ID the login kept, which opened the login page before it (Flask-Session)', () => {
      const result = trace()
        .get('https://app.test/', { cookie: '', setCookie: [sid(ID.a)] })
        .get('https://app.test/login', { cookie: `sid=${ID.a}`, loginForm: true, resourceType: 'document' })
        .post('https://app.test/login', {
          cookie: `sid=${ID.a}`,
          form: { username: 'alice', password: 'pw' },
          location: '/',
        })
        .get('https://app.test/', { cookie: `sid=${ID.a}`, pageText: 'Hello alice' })
        .get('https://app.test/', { cookie: `sid=${ID.a}`, pageText: 'Hello anon', setCookie: [sid(ID.a)] })
        .analyze();
      expect(findingsOf(result, 'session-rejected').map((f) => f.entry)).toEqual([4]);
    });

    it('also where the page that did not name the user came first, since the login (two nodes, one without it)', () => {
      const flapping = trace()
        .get('https://app.test/', { cookie: '', setCookie: [sid(ID.a)], pageText: 'Hello anon' })
        // A wrong password first (the form again): the name is known before the visitor's page at home.
        .post('https://app.test/login', {
          cookie: `sid=${ID.a}`,
          form: { username: 'alice', password: 'typo' },
          loginForm: true,
        })
        .get('https://app.test/', { cookie: `sid=${ID.a}`, pageText: 'Hello anon' })
        .post('https://app.test/login', {
          cookie: `sid=${ID.a}`,
          form: { username: 'alice', password: 'pw' },
          location: '/',
        })
        .get('https://app.test/', { cookie: `sid=${ID.a}`, pageText: 'Hello anon' })
        .get('https://app.test/', { cookie: `sid=${ID.a}`, pageText: 'Hello alice' })
        .analyze();
      // The visitor's pages before the login were answered to a visitor: only the one after it is told.
      const [f] = findingsOf(flapping, 'session-rejected');
      expect(f).toMatchObject({ entry: 4, evidence: { userNamedAt: 5 } });
      expect(f!.message).toContain(
        'with a 200 page that did not name the user, where the same address named them at entry 5',
      );
      expect(findingsOf(flapping, 'session-rejected')).toHaveLength(1);
    });

    it('not where it still names the user (any case, a word of its own), at another address, or after the logout', () => {
      expect(findingsOf(restarted({ pageText: 'Logged in as ALICE.' }), 'session-rejected')).toEqual([]);
      expect(
        findingsOf(restarted({ pageText: 'Hello anon', url: 'https://app.test/?page=2' }), 'session-rejected'),
      ).toEqual([]);
      expect(findingsOf(restarted({ pageText: 'Hello anon' }, true), 'session-rejected')).toEqual([]);
      // A page cut at the text kept (8,192 characters) may name the user further down: nothing said.
      expect(findingsOf(restarted({ pageText: 'Hello anon '.repeat(745) }), 'session-rejected')).toEqual([]);
      expect(findingsOf(restarted({ pageText: 'Hello anon '.repeat(744) }), 'session-rejected')).toHaveLength(1);
      // "malice" holds the name, not as a word.
      expect(findingsOf(restarted({ pageText: 'No malice here' }), 'session-rejected').map((f) => f.entry)).toEqual([
        3,
      ]);
    });
  });

  it("a login form posted with a visitor's session answered 419 Page Expired (two nodes: its CSRF token in the other's session): the login refused for it", () => {
    // The status says the session the form was issued in is gone, of a visitor's session too: no login or earlier
    // acceptance is needed, and the login page is where it happens.
    const attempt = (status: number, logoutFirst = false) =>
      trace()
        .get('https://app.test/login', { cookie: '', setCookie: [sid(ID.a)], loginForm: true })
        .get(`https://app.test/${logoutFirst ? 'logout' : 'about'}`, { cookie: `sid=${ID.a}` })
        .post('https://app.test/login', { cookie: `sid=${ID.a}`, form: PASSWORD, status })
        .analyze();
    const [f] = findingsOf(attempt(419), 'session-rejected');
    // Medium: no login made `sid` certain, its name only likely.
    expect(f).toMatchObject({ entry: 2, severity: 'medium', evidence: { status: 419 } });
    expect(f!.evidence.issuedAtLogin).toBeUndefined();
    expect(f!.message).toContain('no longer had the session it names, so the login posted with it was refused');
    expect(findingsOf(attempt(440), 'session-rejected').map((x) => x.entry)).toEqual([2]);
    // A wrong password answered 401, or the form again: the password refused, not the session.
    expect(findingsOf(attempt(401), 'session-rejected')).toEqual([]);
    expect(findingsOf(attempt(200), 'session-rejected')).toEqual([]);
    // After a logout that kept the ID, the server that ended the session says so again: nothing new.
    expect(findingsOf(attempt(419, true), 'session-rejected')).toEqual([]);
  });

  it('an anonymous session sent to a members’ page and redirected to /login is not rejected', () => {
    const result = trace()
      .get('https://shop.test/', { cookie: '', setCookie: [sid(ID.a)] })
      .get('https://shop.test/account', { cookie: `sid=${ID.a}`, location: '/login' })
      .get('https://shop.test/login', { cookie: `sid=${ID.a}` })
      .analyze();
    expect(serious(result)).toEqual([]);
  });

  it('a logout redirecting to /login, and the login page itself, are not rejections', () => {
    const result = trace()
      .post('https://shop.test/login', { cookie: '', form: PASSWORD, location: '/account', setCookie: [sid(ID.a)] })
      .get('https://shop.test/account', { cookie: `sid=${ID.a}` })
      .get('https://shop.test/logout', { cookie: `sid=${ID.a}`, location: '/login' })
      .get('https://shop.test/login', { cookie: `sid=${ID.a}`, status: 401 })
      .get('https://shop.test/account', { cookie: `sid=${ID.a}`, location: '/login' })
      .analyze();
    expect(findingsOf(result, 'session-rejected')).toEqual([]);
  });

  it('after the user opened the login page with the session (PostfixAdmin logs out there), no rejection', () => {
    // PostfixAdmin's Logout is a link to its login.php, which empties the session and keeps its ID.
    const scenario = (resourceType: 'document' | 'fetch') =>
      trace()
        .post('https://mail.test/login.php', {
          cookie: '',
          form: PASSWORD,
          location: '/main.php',
          setCookie: [sid(ID.a)],
        })
        .get('https://mail.test/main.php', { cookie: `sid=${ID.a}` })
        .get('https://mail.test/login.php', { cookie: `sid=${ID.a}`, resourceType })
        .get('https://mail.test/main.php', { cookie: `sid=${ID.a}`, location: '/login.php' })
        .analyze();
    expect(findingsOf(scenario('document'), 'session-rejected')).toEqual([]);
    // A script's call to the login page is no page the user opened: the rejection after it stands.
    expect(serious(scenario('fetch'))).toEqual(['session-rejected sid@3']);
  });

  it('a redirect to /login that issues a new ID is a server-rejected reset, not session-rejected', () => {
    const result = trace()
      .post('https://shop.test/login', { cookie: '', form: PASSWORD, location: '/account', setCookie: [sid(ID.a)] })
      .get('https://shop.test/account', { cookie: `sid=${ID.a}`, location: '/login', setCookie: [sid(ID.b)] })
      .get('https://shop.test/login', { cookie: `sid=${ID.b}` })
      .analyze();
    expect(serious(result)).toEqual(['session-reset sid@1 (server-rejected)']);
  });

  it('a redirect to another site’s login (an identity provider) is not an answer about this session', () => {
    const result = trace()
      .get('https://app.test/a', { cookie: `sid=${ID.a}` })
      .get('https://app.test/a', { cookie: `sid=${ID.a}`, location: 'https://idp.test/login' })
      .analyze();
    expect(findingsOf(result, 'session-rejected')).toEqual([]);
  });
});
