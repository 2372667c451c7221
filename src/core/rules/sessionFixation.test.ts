// session-fixation: the session ID the client held before a login is still the one after it.
import { describe, expect, it } from 'vitest';
import { findingsOf, GOOD, ID, trace } from '../../../test/helpers/traceBuilder.ts';
import { analyzeTrace } from '../analysis/analyze.ts';

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

  it('a store of content alone written back with its content before the login is no ID kept (cookie-session on two nodes)', () => {
    // express's cookie-session on two nodes with different keys: the login's redirect lands on the node that cannot
    // read the store and writes a new one, byte for byte the visitor's `{"visits":1}` of before the login.
    const store = (data: object) => Buffer.from(JSON.stringify(data)).toString('base64');
    const visitor = store({ visits: 1 });
    const result = trace()
      .get('https://shop.test/login', { cookie: '', setCookie: [`session=${visitor}; Path=/; HttpOnly`] })
      .post('https://shop.test/login', {
        cookie: `session=${visitor}`,
        form: { user: 'ann', password: 'pw' },
        location: '/',
        setCookie: [`session=${store({ visits: 1, user: 'ann' })}; Path=/; HttpOnly`],
      })
      .get('https://shop.test/', {
        cookie: `session=${store({ visits: 1, user: 'ann' })}`,
        setCookie: [`session=${visitor}; Path=/; HttpOnly`],
      })
      .analyze();
    expect(findingsOf(result, 'session-fixation')).toEqual([]);
    // Holding a random token, the same value is the same session: a fixation still.
    const token = store({ visits: 1, csrf: 'Zk3pQ9vX2mL7tR4wB8nC1yH6' });
    const kept = trace()
      .get('https://shop.test/login', { cookie: '', setCookie: [`session=${token}; Path=/; HttpOnly`] })
      .post('https://shop.test/login', {
        cookie: `session=${token}`,
        form: { user: 'ann', password: 'pw' },
        location: '/',
      })
      .get('https://shop.test/', { cookie: `session=${token}` })
      .analyze();
    expect(findingsOf(kept, 'session-fixation').map((f) => f.entry)).toEqual([1]);
  });

  it('an ID kept through two logins is one fixation, told at the first (a page script posting the login again)', () => {
    // OCS Inventory's console: its table script posts the login's fields again once the user is logged in.
    const form = { LOGIN: 'ann', PASSWD: 'pw' };
    const result = trace()
      .get('https://ocs.test/', { setCookie: [sid(ID.a)] })
      .post('https://ocs.test/', { cookie: `sid=${ID.a}`, form })
      .post('https://ocs.test/table', { cookie: `sid=${ID.a}`, form, resourceType: 'xhr' })
      .get('https://ocs.test/', { cookie: `sid=${ID.a}` })
      .analyze();
    expect(result.facts.logins.map((l) => l.entry)).toEqual([1, 2]);
    const found = findingsOf(result, 'session-fixation');
    expect(found.map((f) => [f.entry, f.evidence.keptAtLaterLogins])).toEqual([[1, 1]]);
    expect(found[0]!.message).toContain('The later login at entry 2 kept it too.');
  });

  it('two IDs kept through a login: the one its answer wrote back is the session it saved; the other rode along', () => {
    // EverShop: the admin login saves its `asid` session and sets it again; the storefront's `sid` rides along.
    const asid = (id: string) => `asid=${id}; ${GOOD}`;
    const both = `asid=${ID.a}; sid=${ID.b}`;
    const login = (setCookie: string[]) =>
      trace()
        .get('https://shop.test/admin/login', { setCookie: [asid(ID.a)] })
        .get('https://shop.test/app.js', { cookie: `asid=${ID.a}`, setCookie: [sid(ID.b)], resourceType: 'script' })
        .post('https://shop.test/admin/user/login', {
          cookie: both,
          form: { email: 'a@b.c', password: 'pw' },
          setCookie,
        })
        .get('https://shop.test/admin', { cookie: both })
        .analyze();
    const kept = (setCookie: string[]) => findingsOf(login(setCookie), 'session-fixation').map((f) => f.cookie);
    expect(kept([asid(ID.a)])).toEqual(['asid']);
    // Written back neither: each may be the one the login saved the user in.
    expect(kept([]).sort()).toEqual(['asid', 'sid']);
    // Both written back: both.
    expect(kept([asid(ID.a), sid(ID.b)]).sort()).toEqual(['asid', 'sid']);
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

  it('a login answered with the form again (a 200 page with a password input, its body recorded) is no login', () => {
    const built = trace()
      .get('https://shop.test/login', { cookie: '', setCookie: [sid(ID.a)] })
      .post('https://shop.test/login', { cookie: `sid=${ID.a}`, form: { user: 'ann', password: 'bad' } })
      .build();
    // What the HAR importer reads from a kept body with an <input type=password> (trace/loginForm.ts).
    const events = built.events.map((e) =>
      e.kind === 'entry' && e.entry.index === 1
        ? { ...e, entry: { ...e.entry, response: { ...e.entry.response!, loginForm: true as const } } }
        : e,
    );
    expect(findingsOf(analyzeTrace({ ...built, events }), 'session-fixation')).toEqual([]);
    expect(findingsOf(analyzeTrace(built), 'session-fixation').map((f) => f.entry)).toEqual([1]);
  });

  it('a password answered with a page and posted again at once (a mistyped password, then the right one) failed', () => {
    const result = trace()
      .get('https://shop.test/login.php', { cookie: '', setCookie: [sid(ID.a)] })
      // PHP, WordPress and Django render the form again with a 200 after a wrong password.
      .post('https://shop.test/login.php', { cookie: `sid=${ID.a}`, form: { user: 'ann', password: 'typo' } })
      .post('https://shop.test/login.php?attempt=2', {
        cookie: `sid=${ID.a}`,
        form: { user: 'ann', password: 'right' },
        location: 'https://shop.test/account',
        setCookie: [sid(ID.b)],
      })
      .get('https://shop.test/account', { cookie: `sid=${ID.b}` })
      .analyze();
    expect(findingsOf(result, 'session-fixation')).toEqual([]);
  });

  it('a password answered with a page is failed when its form is posted again, even if that post reads as failed too', () => {
    // The next post is redirected back to its own route (what a failure sent back to the form looks like): no
    // login there, yet it shows the first was tried again.
    const result = trace()
      .get('https://db.test/index.php?route=/', { cookie: '', setCookie: [sid(ID.a)] })
      .post('https://db.test/index.php?route=/', { cookie: `sid=${ID.a}`, form: { user: 'ann', password: 'typo' } })
      .post('https://db.test/index.php?route=/', {
        cookie: `sid=${ID.a}`,
        form: { user: 'ann', password: 'right' },
        location: 'https://db.test/index.php?route=/',
      })
      .get('https://db.test/index.php?route=/', { cookie: `sid=${ID.a}` })
      .analyze();
    expect(findingsOf(result, 'session-fixation')).toEqual([]);
  });

  it('a login answered with a redirect is a success, though the same form is posted again and its target went unrecorded', () => {
    const result = trace()
      .get('https://shop.test/login', { cookie: '', setCookie: [sid(ID.a)] })
      .post('https://shop.test/login', {
        cookie: `sid=${ID.a}`,
        form: { user: 'ann', password: 'pw' },
        location: '/home',
      })
      .post('https://shop.test/login', {
        cookie: `sid=${ID.a}`,
        form: { user: 'bob', password: 'pw' },
        location: '/home',
      })
      .analyze();
    // Both logins worked; the ID they kept is one fixation, told at the first (a failed first would put it at 2).
    expect(result.facts.logins.map((l) => l.entry)).toEqual([1, 2]);
    const found = findingsOf(result, 'session-fixation');
    expect(found.map((f) => [f.entry, f.evidence.keptAtLaterLogins])).toEqual([[1, 1]]);
    expect(found[0]!.message).toContain('The later login at entry 2 kept it too.');
  });

  describe('a login redirected to the very page it was posted to (Cacti, Adminer, phpMyAdmin)', () => {
    // What a form sent back looks like, and where these applications land a login that worked.
    const landedOnItself = (...after: ((t: ReturnType<typeof trace>) => ReturnType<typeof trace>)[]) => {
      let t = trace()
        .get('https://box.test/index.php', { cookie: '', setCookie: [sid(ID.a)] })
        .post('https://box.test/index.php', {
          cookie: `sid=${ID.a}`,
          form: { login_username: 'ann', login_password: 'pw' },
          location: '/index.php',
        })
        .get('https://box.test/index.php', { cookie: `sid=${ID.a}` });
      for (const step of after) t = step(t);
      return t.analyze();
    };
    const logout = (t: ReturnType<typeof trace>) =>
      t.get('https://box.test/logout.php', {
        cookie: `sid=${ID.a}`,
        setCookie: ['sid=deleted; Path=/; Max-Age=0'],
        location: '/index.php',
      });
    const retried = (t: ReturnType<typeof trace>) =>
      t.post('https://box.test/index.php', {
        cookie: `sid=${ID.a}`,
        form: { login_username: 'ann', login_password: 'pw2' },
        location: '/index.php',
      });

    it('is a login that worked when a logout follows it, with no attempt between: its kept ID is fixation', () => {
      const found = findingsOf(landedOnItself(logout), 'session-fixation');
      expect(found.map((f) => [f.entry, f.severity])).toEqual([[1, 'high']]);
    });

    it('is the form sent back without a logout after it, or with another attempt before the logout', () => {
      expect(findingsOf(landedOnItself(), 'session-fixation')).toEqual([]);
      // The second attempt landed on itself too; the logout confirms only the last one.
      expect(findingsOf(landedOnItself(retried, logout), 'session-fixation').map((f) => f.entry)).toEqual([3]);
    });

    it('is a login again, with no logout after it, where the trace showed how the form fails and how it lands', () => {
      // NagVis answers a wrong password with its form (200) and a right one with a redirect to itself, which its
      // logout confirmed; logging in again after the logout, the same landing is a login with no logout after it.
      const post = (password: string, location?: string) => (t: ReturnType<typeof trace>) =>
        t.post('https://box.test/index.php', {
          cookie: `sid=${ID.a}`,
          form: { login_username: 'ann', login_password: password },
          ...(location ? { location } : {}),
        });
      const keptLogout = (t: ReturnType<typeof trace>) =>
        t.get('https://box.test/logout.php', { cookie: `sid=${ID.a}`, location: '/index.php' });
      const wrong = post('wrong');
      const right = post('pw', '/index.php');
      const start = () => trace().get('https://box.test/index.php', { cookie: '', setCookie: [sid(ID.a)] });
      const result = right(keptLogout(right(wrong(start())))).analyze();
      expect(result.facts.logins.map((l) => l.entry)).toEqual([1, 2, 4]);
      const [found] = findingsOf(result, 'session-fixation');
      expect([found!.entry, found!.evidence.keptAtLaterLogins]).toEqual([2, 1]);
      // Without the logout that showed a landing to be a login, the second stays unconfirmed.
      expect(findingsOf(right(wrong(start())).analyze(), 'session-fixation')).toEqual([]);
    });

    it('a logout at another origin confirms nothing', () => {
      const elsewhere = (t: ReturnType<typeof trace>) =>
        t.get('https://other.test/logout', { cookie: '', setCookie: ['sid=deleted; Path=/; Max-Age=0'] });
      expect(findingsOf(landedOnItself(elsewhere), 'session-fixation')).toEqual([]);
    });
  });

  describe('a login redirected to a login page (an authorization server resuming there: oidc-provider)', () => {
    // The interaction posts the password and resumes at `/auth/<uid>`, which reads as a login page; a failed
    // attempt sent back to the form looks the same until that page answers.
    const resumed = (hop: { location?: string; status?: number }) =>
      trace()
        .get('https://id.test/interaction/u1', { cookie: '', setCookie: [sid(ID.a)] })
        .post('https://id.test/interaction/u1', {
          cookie: `sid=${ID.a}`,
          form: { login: 'ann', password: 'pw' },
          location: '/auth/u1',
        })
        .get('https://id.test/auth/u1', { cookie: `sid=${ID.a}`, ...hop })
        .analyze();

    it('worked when that page sends the user on, to another page of its site: its kept ID is fixation', () => {
      const result = resumed({ location: '/interaction/u2' });
      expect(result.facts.logins.map((l) => l.entry)).toEqual([1]);
      expect(findingsOf(result, 'session-fixation').map((f) => [f.entry, f.cookie])).toEqual([[1, 'sid']]);
    });

    it('failed when that page shows itself, sends the user back to the form, to a login page or off the site', () => {
      for (const hop of [
        { status: 200 },
        { location: '/interaction/u1' },
        { location: '/login' },
        { location: 'https://sso.test/consent' },
      ]) {
        const result = resumed(hop);
        expect(result.facts.logins).toEqual([]);
        expect(findingsOf(result, 'session-fixation')).toEqual([]);
      }
    });
  });

  it('a cookie only possibly a session, kept beside a session the login renewed, is no fixation', () => {
    // Adminer renews `adminer_sid` at its login and keeps `adminer_key`, a key it holds for the browser.
    const login = (keep: string) =>
      trace()
        .get('https://db.test/', { cookie: '', setCookie: [sid(ID.a), `${keep}=${ID.c}; ${GOOD}`] })
        .post('https://db.test/', {
          cookie: `sid=${ID.a}; ${keep}=${ID.c}`,
          form: { user: 'ann', password: 'pw' },
          location: '/home',
          setCookie: [sid(ID.b)],
        })
        .get('https://db.test/home', { cookie: `sid=${ID.b}; ${keep}=${ID.c}` })
        .analyze();
    // `db_key` is a possible session at most (an opaque token sent back), `sid` certain (renewed at the login).
    expect(findingsOf(login('db_key'), 'session-fixation')).toEqual([]);
    // A surer session kept through the login is still fixation (a PHPSESSID beside a sid).
    expect(findingsOf(login('PHPSESSID'), 'session-fixation').map((f) => f.cookie)).toEqual(['PHPSESSID']);
  });

  it('a cookie only possibly a session, kept where the login issued a new session cookie beside it, is no fixation', () => {
    // SimpleSAMLphp keeps `SimpleSAML` through its login and issues `SimpleSAMLAuthToken`, checked against the
    // session's copy; phpLDAPadmin's cookie authentication issues the credentials cookies beside its PHP session.
    const login = (issued: string[]) =>
      trace()
        .get('https://idp.test/login', { cookie: '', setCookie: [`box_key=${ID.a}; ${GOOD}`] })
        .post('https://idp.test/login', {
          cookie: `box_key=${ID.a}`,
          form: { user: 'ann', password: 'pw' },
          location: '/welcome',
          ...(issued.length > 0 ? { setCookie: issued } : {}),
        })
        .get('https://idp.test/welcome', { cookie: `box_key=${ID.a}` })
        .get('https://idp.test/welcome', { cookie: `box_key=${ID.a}` })
        .analyze();
    expect(findingsOf(login([`sid=${ID.b}; ${GOOD}`]), 'session-fixation')).toEqual([]);
    // Kept alone, it is fixation (low: only possibly a session).
    expect(findingsOf(login([]), 'session-fixation').map((f) => [f.cookie, f.severity])).toEqual([['box_key', 'low']]);
  });

  it('a session ID kept where the login issued another session cookie beside it is low, naming that cookie', () => {
    // ASP.NET keeps ASP.NET_SessionId through a forms login and issues .ASPXAUTH; Spring Session's SESSION is kept as
    // a real login response sets Jwt-Token beside it.
    const login = (issued: string[]) =>
      trace()
        .get('https://shop.test/login', { cookie: '', setCookie: [`ASP.NET_SessionId=${ID.a}; ${GOOD}`] })
        .post('https://shop.test/login', {
          cookie: `ASP.NET_SessionId=${ID.a}`,
          form: { user: 'ann', password: 'pw' },
          location: '/account',
          ...(issued.length > 0 ? { setCookie: issued } : {}),
        })
        .get('https://shop.test/account', {
          cookie: [`ASP.NET_SessionId=${ID.a}`, ...issued.map((line) => line.split(';')[0])].join('; '),
        })
        .analyze();
    const [beside] = findingsOf(login([`.ASPXAUTH=${ID.b}; ${GOOD}`]), 'session-fixation');
    expect([beside?.cookie, beside?.severity, beside?.evidence.issuedBeside]).toEqual([
      'ASP.NET_SessionId',
      'low',
      '.ASPXAUTH',
    ]);
    expect(beside?.message).toContain('send ASP.NET_SessionId without .ASPXAUTH to see');
    // Kept with nothing issued beside it: the session the user is signed in with.
    const [alone] = findingsOf(login([]), 'session-fixation');
    expect([alone?.severity, alone?.evidence.issuedBeside]).toEqual(['high', undefined]);
  });

  it('a session cookie the login carried and wrote again is issued beside the kept one too (a user signing in again)', () => {
    // A real recording: already signed in, the user posts the login again; its answer writes a new `.ASPXAUTH`-like
    // token for the same user over the one the request carried, and the anonymous session cookie stays.
    const again = (rewritten: boolean) =>
      trace()
        .get('https://shop.test/login', {
          cookie: `.ASPXAUTH=${ID.b}`,
          setCookie: [`ASP.NET_SessionId=${ID.a}; ${GOOD}`],
        })
        .post('https://shop.test/login', {
          cookie: `ASP.NET_SessionId=${ID.a}; .ASPXAUTH=${ID.b}`,
          form: { user: 'ann', password: 'pw' },
          location: '/account',
          ...(rewritten ? { setCookie: [`.ASPXAUTH=${ID.c}; ${GOOD}`] } : {}),
        })
        .get('https://shop.test/account', { cookie: `ASP.NET_SessionId=${ID.a}; .ASPXAUTH=${rewritten ? ID.c : ID.b}` })
        .analyze();
    const kept = findingsOf(again(true), 'session-fixation').find((f) => f.cookie === 'ASP.NET_SessionId');
    expect([kept?.severity, kept?.evidence.issuedBeside]).toEqual(['low', '.ASPXAUTH']);
    // Nothing written again: no cookie beside it to hold the sign-in instead.
    const alone = findingsOf(again(false), 'session-fixation').find((f) => f.cookie === 'ASP.NET_SessionId');
    expect(alone?.evidence.issuedBeside).toBeUndefined();
  });

  it('a cookie written as the app sent the browser to its identity provider, kept beside a new session, is the sign-in state', () => {
    // djangosaml2 writes pysaml2's `saml_session` as it redirects to the provider with a SAML request, keeps it through
    // the assertion consumer service and issues Django's `sessionid` there.
    const signIn = (opts: { request: string; issued: string[] }) =>
      trace()
        .get('https://app.test/saml2/login/', {
          cookie: '',
          location: opts.request,
          setCookie: [`saml_session=${ID.a}; ${GOOD}`],
        })
        .get('https://app.test/saml2/acs/', { cookie: `saml_session=${ID.a}`, status: 200 })
        .post('https://app.test/saml2/acs/', {
          cookie: `saml_session=${ID.a}`,
          form: { SAMLResponse: 'PHNhbWxwOlJlc3BvbnNlIHhtbG5zOnNhbWxwPSJ1cm46' },
          location: '/',
          setCookie: opts.issued,
        })
        .get('https://app.test/', { cookie: `saml_session=${ID.a}; sessionid=${ID.b}` })
        .analyze();
    const toProvider = 'https://idp.test/sso?SAMLRequest=fZLdTsMwDIVfpcp9l7RsbFhbpcKE&RelayState=%2F';
    const newSession = [`sessionid=${ID.b}; ${GOOD}`];
    expect(findingsOf(signIn({ request: toProvider, issued: newSession }), 'session-fixation')).toEqual([]);
    // An OAuth authorization request and a CAS login are sign-in requests too.
    for (const request of [
      'https://idp.test/authorize?response_type=code&client_id=app&state=Zm9vYmFyYmF6cXV4',
      'https://idp.test/cas/login?service=https%3A%2F%2Fapp.test%2Fsaml2%2Facs%2F',
    ]) {
      expect(findingsOf(signIn({ request, issued: newSession }), 'session-fixation')).toEqual([]);
    }
    // Written by a redirect elsewhere, it is a session the login kept: fixation, low where the login issued sessionid
    // beside it (the sign-in may live there).
    const fixed = (request: string, issued: string[]) =>
      findingsOf(signIn({ request, issued }), 'session-fixation').map((f) => [f.cookie, f.severity]);
    expect(fixed('https://app.test/welcome?next=%2F', newSession)).toEqual([['saml_session', 'low']]);
    // Kept with no new session beside it, it is the session the login was bound to: fixation.
    expect(fixed(toProvider, [])).toEqual([['saml_session', 'high']]);
  });

  it("a login's token exchanged for the session by the next request is part of the login (Medusa's admin)", () => {
    // The password POST answers a JWT; the admin posts it as Bearer to /auth/session, which sets the session cookie.
    const login = (exchange: Record<string, string>) =>
      trace()
        .get('https://shop.test/app', { cookie: '', setCookie: [sid(ID.a)] })
        .post('https://shop.test/auth/user/emailpass', {
          cookie: `sid=${ID.a}`,
          form: { email: 'ann@shop.test', password: 'pw' },
          resourceType: 'fetch',
        })
        .post('https://shop.test/auth/session', {
          cookie: `sid=${ID.a}`,
          headers: exchange,
          resourceType: 'fetch',
          setCookie: [sid(ID.b)],
        })
        .get('https://shop.test/admin/orders', { cookie: `sid=${ID.b}`, resourceType: 'fetch' })
        .analyze();
    const exchanged = login({ Authorization: 'Bearer eyJhbGciOiJIUzI1NiJ9.e30.c2ln' });
    expect(exchanged.facts.logins.map((l) => [l.entry, l.chain])).toEqual([[1, [2]]]);
    // The session the exchange renewed is the login's: a rotation at the login, no fixation.
    expect(findingsOf(exchanged, 'session-fixation')).toEqual([]);
    expect(exchanged.facts.lanes[0]!.ids.map((i) => i.sessionLogin)).toEqual([undefined, 1]);
    // A request that brings no token is another request: the login kept the ID it carried.
    const other = login({});
    expect(other.facts.logins.map((l) => [l.entry, l.chain])).toEqual([[1, []]]);
    expect(findingsOf(other, 'session-fixation').map((f) => f.entry)).toEqual([1]);
  });

  it("an identity provider's session on another port of the same host is not the application's to rotate", () => {
    // Both on localhost: cookies ignore the port, so the provider's `_session` reaches the application's callback.
    const result = trace()
      .get('http://127.0.0.1:9601/auth', { cookie: '', setCookie: [`_session=${ID.a}; Path=/; HttpOnly`] })
      .get('http://127.0.0.1:9600/callback?code=MbPz_1RWxCBRkDDUeb4e&state=eyJyZXR1cm5UbyI6Imh0', {
        cookie: `_session=${ID.a}`,
        location: '/',
        setCookie: [`appSession=${ID.b}; Path=/; HttpOnly`],
      })
      .get('http://127.0.0.1:9600/', { cookie: `_session=${ID.a}; appSession=${ID.b}` })
      .analyze();
    expect(result.facts.logins.map((l) => l.signal)).toEqual(['sign-in-response']);
    expect(findingsOf(result, 'session-fixation')).toEqual([]);
  });

  it('a login that kept its ID is fixation though the same form is used again later, after a logout', () => {
    const result = trace()
      .get('https://shop.test/login.php', { cookie: '', setCookie: [sid(ID.a)] })
      .post('https://shop.test/login.php', { cookie: `sid=${ID.a}`, form: { user: 'ann', password: 'pw' } })
      .get('https://shop.test/logout.php', { cookie: `sid=${ID.a}`, setCookie: [sid(ID.b)] })
      .post('https://shop.test/login.php', { cookie: `sid=${ID.b}`, form: { user: 'ann', password: 'pw' } })
      .analyze();
    expect(findingsOf(result, 'session-fixation').map((f) => f.entry)).toEqual([1, 3]);
  });

  it('a login that deletes the pre-login session (and logs in under another cookie) is not fixation', () => {
    const result = trace()
      .get('https://shop.test/login', { cookie: '', setCookie: [sid(ID.a)] })
      .post('https://shop.test/login', {
        cookie: `sid=${ID.a}`,
        form: { user: 'ann', password: 'pw' },
        location: 'https://shop.test/account',
        setCookie: ['sid=; Max-Age=0; Path=/', `auth_token=${ID.b}; ${GOOD}`],
      })
      .get('https://shop.test/account', { cookie: `auth_token=${ID.b}` })
      .analyze();
    expect(findingsOf(result, 'session-fixation')).toEqual([]);
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

describe('session-fixation of an ID no request after the login carried', () => {
  // A real localhost recording: a JSP login's POST carried its JSESSIONID and 21 Jenkins `JSESSIONID.<hash>` cookies of
  // applications on other ports (cookies ignore ports); nothing after the login carried any of them.
  const login = (after: (t: ReturnType<typeof trace>) => ReturnType<typeof trace>) =>
    after(
      trace()
        .get('https://shop.test/login', { cookie: '', setCookie: [sid(ID.a)] })
        .post('https://shop.test/login', { cookie: `sid=${ID.a}`, form: { user: 'ann', password: 'pw' }, status: 200 }),
    ).analyze();

  it('is low, and says the recording shows the ID in no use after the sign-in', () => {
    const [found] = findingsOf(
      login((t) => t),
      'session-fixation',
    );
    expect([found?.entry, found?.severity, found?.evidence.unseenAfterLogin]).toEqual([1, 'low', true]);
    expect(found?.message).toContain('No request after the login carried this ID');
  });

  it('is high once a request after the login carries it', () => {
    const [found] = findingsOf(
      login((t) => t.get('https://shop.test/account', { cookie: `sid=${ID.a}` })),
      'session-fixation',
    );
    expect([found?.entry, found?.severity, found?.evidence.unseenAfterLogin]).toEqual([1, 'high', undefined]);
  });

  /**
   * A recording that begins with PHPSESSID (ID.a) only in Cookie headers, so the jar guesses it host-only, and a login
   * whose answer writes PHPSESSID=`written` with `Domain=` (PHP's session.cookie_domain).
   */
  const loginWritingWithDomain = (written: string) =>
    trace()
      .get('https://www.shop.test/', { cookie: `PHPSESSID=${ID.a}` })
      .post('https://www.shop.test/login', {
        cookie: `PHPSESSID=${ID.a}`,
        form: { user: 'ann', password: 'pw' },
        setCookie: [`PHPSESSID=${written}; Domain=.shop.test; Path=/; Secure; HttpOnly; SameSite=Lax`],
        status: 302,
        location: '/account',
      });

  it('is high when the login wrote the kept ID with a Domain and later requests carry it so (the same cookie)', () => {
    const result = loginWritingWithDomain(ID.a)
      .get('https://www.shop.test/account', { cookie: `PHPSESSID=${ID.a}` })
      .analyze();
    const [found] = findingsOf(result, 'session-fixation');
    expect([found?.entry, found?.severity, found?.evidence.unseenAfterLogin]).toEqual([1, 'high', undefined]);
    expect(found?.message).not.toContain('No request after the login carried this ID');
    // One cookie, one lane: the guessed host-only cookie's lane goes on as the Domain cookie's, and names its Domain.
    expect(
      result.sessions
        .filter((s) => s.cookie === 'PHPSESSID')
        .map((s) => [s.domain, s.path, s.ids.map((i) => [i.firstEntry, i.lastEntry])]),
    ).toEqual([['shop.test', '/', [[0, 2]]]]);
  });

  it('a new ID written with a Domain over one known only from Cookie headers: no fixation, and no reset', () => {
    // The guess cannot tell the same cookie renewed from a stale host-only copy the browser keeps beside the new Domain
    // one; the copy sent beside the new ID is session-shadowed, never a session the server rejected.
    const login = () => loginWritingWithDomain(ID.b);
    const renewed = login()
      .get('https://www.shop.test/account', { cookie: `PHPSESSID=${ID.b}` })
      .analyze();
    const beside = login()
      .get('https://www.shop.test/account', { cookie: `PHPSESSID=${ID.a}; PHPSESSID=${ID.b}` })
      .analyze();
    // A page (no login) whose answer writes the Domain cookie while the browser keeps its host-only copy.
    const stale = trace()
      .get('https://www.shop.test/', { cookie: `PHPSESSID=${ID.a}` })
      .get('https://www.shop.test/x', {
        cookie: `PHPSESSID=${ID.a}`,
        setCookie: [`PHPSESSID=${ID.b}; Domain=.shop.test; Path=/; Secure; HttpOnly; SameSite=Lax`],
      })
      .get('https://www.shop.test/y', { cookie: `PHPSESSID=${ID.a}; PHPSESSID=${ID.b}` })
      .analyze();
    for (const result of [renewed, beside, stale]) {
      expect(findingsOf(result, 'session-fixation')).toEqual([]);
      expect(findingsOf(result, 'session-reset')).toEqual([]);
    }
    expect(findingsOf(beside, 'session-shadowed').map((f) => f.entry)).toEqual([2]);
    expect(findingsOf(stale, 'session-shadowed').map((f) => f.entry)).toEqual([2]);
  });

  it('a session cookie the trace never shows set, only carried by the login, is no more than its name says', () => {
    // The Jenkins cookies of other ports: a login carrying them binds nothing to them the recording can show.
    const other = 'JSESSIONID.0b1a6e85=node01ks5d0e2xkq0w1b4v8h3a7y6z9c2.node0';
    const result = trace()
      .get('https://shop.test/login', { cookie: other, setCookie: [sid(ID.a)] })
      .post('https://shop.test/login', { cookie: `sid=${ID.a}; ${other}`, form: { user: 'ann', password: 'pw' } })
      .get('https://shop.test/account', { cookie: `sid=${ID.a}; ${other}` })
      .analyze();
    const confidence = (cookie: string) => result.sessions.find((s) => s.cookie === cookie)?.confidence;
    // The cookie the login's server set and the login carried: the one it was bound to.
    expect(confidence('sid')).toBe('certain');
    expect(confidence('JSESSIONID.0b1a6e85')).not.toBe('certain');
  });

  /** A login whose page set `sid` and whose POST carried it beside `others`, cookies no response of the trace set. */
  const loginCarrying = (others: readonly string[]) =>
    trace()
      .get('https://shop.test/login', { cookie: others.join('; '), setCookie: [sid(ID.a)] })
      .post('https://shop.test/login', {
        cookie: [`sid=${ID.a}`, ...others].join('; '),
        form: { user: 'ann', password: 'pw' },
        status: 200,
      })
      .analyze();

  it('several IDs one login kept are one story, the others named in it', () => {
    const others = ['JSESSIONID=node01ks5d0e2xkq0w1b4v8h3a7y6z9c2', 'PHPSESSID=9f8e7d6c5b4a3z2y1x0wq4r5t6'];
    // Sessions by their names, only carried (likely: cookies only possibly sessions would ride along, below).
    const result = loginCarrying(others);
    expect(findingsOf(result, 'session-fixation').map((f) => f.cookie)).toHaveLength(3);
    const stories = result.story?.filter((s) => s.rule === 'session-fixation') ?? [];
    expect(stories).toHaveLength(1);
    // Led by the login's own cookie (its server set it), the ones that rode along named after.
    expect(stories[0]!.cookie).toBe('sid');
    expect(
      stories[0]!.steps.filter((step) => /^Also kept by the same login: `(JSESSIONID|PHPSESSID)`/.test(step)),
    ).toHaveLength(2);
  });

  it('cookies only possibly sessions that no response set ride along beside the session the login kept', () => {
    // The Jenkins cookies of other ports, only ever carried: the JSP login's own JSESSIONID is its fixation, told once.
    const others = [
      'JSESSIONID.0b1a6e85=node01ks5d0e2xkq0w1b4v8h3a7y6z9c2',
      'JSESSIONID.16a59e09=node0129f8e7d6c5b4a3z2y1x0w',
    ];
    expect(findingsOf(loginCarrying(others), 'session-fixation').map((f) => f.cookie)).toEqual(['sid']);
    // Kept alone, with no surer session beside it, the possible one is still told (low: nothing after carried it).
    const alone = trace()
      .get('https://shop.test/login', { cookie: others[0]! })
      .post('https://shop.test/login', { cookie: others[0]!, form: { user: 'ann', password: 'pw' }, status: 200 })
      .analyze();
    expect(findingsOf(alone, 'session-fixation').map((f) => [f.cookie, f.severity])).toEqual([
      ['JSESSIONID.0b1a6e85', 'low'],
    ]);
  });

  it('its story says what the finding says: a suspicion while doubted, a risk once shown', () => {
    const doubted = login((t) => t).story?.find((s) => s.rule === 'session-fixation');
    expect(doubted?.headline).toMatch(
      /^Your session may be at risk .*: the login kept the session ID h:\w+ it was given before: if the server keeps the sign-in in it, whoever planted that ID shares the logged-in session/,
    );
    const shown = login((t) => t.get('https://shop.test/account', { cookie: `sid=${ID.a}` })).story?.find(
      (s) => s.rule === 'session-fixation',
    );
    expect(shown?.headline).toMatch(
      /^Your session is at risk .*, so whoever planted that ID shares the logged-in session\.$/,
    );
  });
});

describe('session-fixation at an HTTP authentication login', () => {
  const basic = { authorization: `Basic ${btoa('ann:pw')}` };
  const challenge = { 'www-authenticate': 'Basic realm="admin"' };

  it('is low where every later request carrying the kept ID also carried the Basic credentials (CUPS)', () => {
    const result = trace()
      .get('https://printer.test/printers/', { setCookie: [sid(ID.a)] })
      .get('https://printer.test/admin', { cookie: `sid=${ID.a}`, status: 401, responseHeaders: challenge })
      .get('https://printer.test/admin', { cookie: `sid=${ID.a}`, headers: basic })
      .get('https://printer.test/printers/', { cookie: `sid=${ID.a}`, headers: basic })
      .analyze();
    const found = findingsOf(result, 'session-fixation');
    expect(found.map((f) => [f.entry, f.severity, f.evidence.sentWithCredentials])).toEqual([[2, 'low', true]]);
    expect(found[0]!.message).toContain("also carried the user's Basic credentials");
  });

  it('stays high where a later request carried the kept ID without the credentials: the cookie is the session', () => {
    const result = trace()
      .get('https://console.test/', { setCookie: [sid(ID.a)] })
      .get('https://console.test/login', { cookie: `sid=${ID.a}`, headers: basic, resourceType: 'xhr' })
      .get('https://console.test/system', { cookie: `sid=${ID.a}`, headers: basic })
      .get('https://console.test/system/logs', { cookie: `sid=${ID.a}` })
      .analyze();
    const found = findingsOf(result, 'session-fixation');
    expect(found.map((f) => [f.entry, f.severity, f.evidence.sentWithCredentials])).toEqual([[1, 'high', undefined]]);
  });
});

describe("session-fixation of a signed server-side ID (gorilla/sessions' FilesystemStore)", () => {
  // securecookie: base64url of `<unix time>|<base64url of the gob-encoded ID>|<MAC>`; each save stamps a new time.
  const gorilla = (id: string, time: number) => {
    const gob = String.fromCharCode(id.length + 3, 0x0c, 0x00, id.length) + id;
    const b64url = (text: string) => btoa(text).replace(/\+/g, '-').replace(/\//g, '_');
    return b64url(`${time}|${b64url(gob)}|${'m'.repeat(32)}`).replace(/=+$/, '');
  };
  const cookie = (id: string, time: number) => `session-name=${gorilla(id, time)}; ${GOOD}`;
  const A = 'SYCYSOZS53HVRAUG4XYLKIFO3DUAF6VQL6CTKZNXWD26Y5SI5GBA';
  const B = 'Q7NAXYSKQ2W4PLM6D3RTZ5UVBH8JEK2FG6YN4CMA7SXD3LP9WRTA';
  const login = (issued: string) =>
    trace()
      .get('https://go.test/', { setCookie: [cookie(A, 1796468741)] })
      .post('https://go.test/login', {
        cookie: `session-name=${gorilla(A, 1796468741)}`,
        form: { user: 'ann', password: 'pw' },
        location: '/',
        setCookie: [`session-name=${issued}; ${GOOD}`],
      })
      .get('https://go.test/', { cookie: `session-name=${issued}` })
      .analyze({ settings: { sessionCookies: ['session-name'] } });

  it('is kept when the login writes the same ID again with a new time: fixation', () => {
    const result = login(gorilla(A, 1796468743));
    expect(findingsOf(result, 'session-fixation').map((f) => [f.entry, f.severity])).toEqual([[1, 'high']]);
    expect(result.facts.lanes[0]!.ids.map((id) => id.end?.kind ?? 'live')).toEqual(['updated', 'live']);
  });

  it('is renewed when the login writes another ID', () => {
    expect(findingsOf(login(gorilla(B, 1796468743)), 'session-fixation')).toEqual([]);
  });
});

describe('session-fixation at a POST that chooses a password (a sign-up, a reset)', () => {
  const signUp = (
    fields: Readonly<Record<string, string>>,
    after: (t: ReturnType<typeof trace>) => ReturnType<typeof trace>,
  ) =>
    after(
      trace()
        .get('https://shop.test/signup', { cookie: '', setCookie: [sid(ID.a)] })
        .post('https://shop.test/signup', { cookie: `sid=${ID.a}`, form: fields, location: '/welcome' })
        .get('https://shop.test/welcome', { cookie: `sid=${ID.a}` }),
    ).analyze();
  const CONFIRMING: readonly Readonly<Record<string, string>>[] = [
    { 'user[email]': 'ann@shop.test', 'user[password]': 'pw', 'user[password_confirmation]': 'pw' },
    { username: 'ann', email: 'ann@shop.test', password: 'pw', password2: 'pw' },
    { email: 'ann@shop.test', password: 'pw', confirm_password: 'pw' },
    { email: 'ann@shop.test', password: 'pw', passwordConfirm: 'pw' },
  ];

  it('is low, and says why, where nothing after it shows the user signed in with the kept ID', () => {
    for (const fields of CONFIRMING) {
      const [found] = findingsOf(
        signUp(fields, (t) => t),
        'session-fixation',
      );
      expect(found, Object.keys(fields).join()).toMatchObject({ severity: 'low', evidence: { choosesPassword: true } });
      expect(found!.message).toContain('a sign-up or a password reset');
    }
  });

  it('is high where a logout later carried the kept ID: the sign-up had signed the user in', () => {
    const [found] = findingsOf(
      signUp(CONFIRMING[0]!, (t) =>
        t.get('https://shop.test/logout', {
          cookie: `sid=${ID.a}`,
          setCookie: [`sid=; ${GOOD}; Max-Age=0`],
          location: '/',
        }),
      ),
      'session-fixation',
    );
    expect(found).toMatchObject({ severity: 'high' });
    expect(found!.evidence.choosesPassword).toBeUndefined();
  });

  it('is high where a later page carrying the kept ID names the user the sign-up posted: it had signed them in', () => {
    const signedUp = (landing: string, account?: string) =>
      findingsOf(
        trace()
          .get('https://shop.test/signup', { cookie: '', setCookie: [sid(ID.a)] })
          .post('https://shop.test/signup', { cookie: `sid=${ID.a}`, form: CONFIRMING[1]!, location: '/welcome' })
          .get('https://shop.test/welcome', { cookie: `sid=${ID.a}`, pageText: landing })
          .get('https://shop.test/account', {
            cookie: `sid=${ID.a}`,
            after: 5_000,
            ...(account !== undefined ? { pageText: account } : {}),
          })
          .analyze(),
        'session-fixation',
      )[0]!;
    expect(signedUp('Welcome! Your account', 'Signed in as ann · Log out')).toMatchObject({ severity: 'high' });
    // The sign-up's own landing page naming the user only says where the confirmation e-mail went: still low.
    expect(signedUp('We sent a link to confirm your account, ann', 'Please log in')).toMatchObject({
      severity: 'low',
      evidence: { choosesPassword: true },
    });
    expect(signedUp('Welcome!')).toMatchObject({ severity: 'low' });
  });

  it('a login form without a confirming field stays a login: high', () => {
    const [found] = findingsOf(
      signUp({ email: 'ann@shop.test', password: 'pw' }, (t) => t),
      'session-fixation',
    );
    expect(found).toMatchObject({ severity: 'high' });
  });
});
