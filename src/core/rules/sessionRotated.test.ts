// session-rotated: the server replaced the ID the request carried. At a login (each of the four login
// signals of RULES.md) it says so; a server that rotates on every request is a rotation policy, not a reset.
import { describe, expect, it } from 'vitest';
import { findingsOf, GOOD, ID, trace } from '../../../test/helpers/traceBuilder.ts';
import type { AnalysisResult } from '../analysis/analyze.ts';

const sid = (id: string) => `sid=${id}; ${GOOD}`;

describe('session-rotated', () => {
  it('a password POST answered with a new sid → rotated at login (password field)', () => {
    const result = trace()
      .get('https://shop.test/login', { cookie: '', setCookie: [sid(ID.a)] })
      .post('https://shop.test/login', {
        cookie: `sid=${ID.a}`,
        form: { user: 'ann', password: 'hunter2' },
        setCookie: [sid(ID.b)],
        location: 'https://shop.test/account',
      })
      .get('https://shop.test/account', { cookie: `sid=${ID.b}` })
      .analyze();
    const found = findingsOf(result, 'session-rotated');
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ cookie: 'sid', entry: 1, severity: 'info' });
    expect(found[0]!.message).toContain('at login');
    expect(found[0]!.message).toContain('password field');
    expect(found[0]!.evidence.afterLogin).toBe(true);
    expect(findingsOf(result, 'session-reset')).toEqual([]);
    expect(result.facts.logins.map((l) => [l.entry, l.signal])).toEqual([[1, 'password-post']]);
  });

  it('a session sealed in the cookie, new at login: no claim that the login renewed it (sealed again looks the same)', () => {
    // Laravel-style encrypted cookies ({"iv","value","mac"}): sealed anew at every save, whatever the session inside.
    const sealed = (n: number) =>
      btoa(
        JSON.stringify({
          iv: btoa(`iv-${n}-0123456789`),
          value: btoa(`\u0001\u00ff${n}`.repeat(8)),
          mac: 'a1'.repeat(32),
        }),
      );
    const cookie = (n: number) => `app_session=${sealed(n)}; ${GOOD}`;
    const login = (first: string, second: string, rotated: string) =>
      trace()
        .get('https://shop.test/login', { cookie: '', setCookie: [first] })
        .post('https://shop.test/login', {
          cookie: first.split(';')[0]!,
          form: { user: 'ann', password: 'hunter2' },
          setCookie: [second],
          location: 'https://shop.test/account',
        })
        .get('https://shop.test/account', { cookie: rotated })
        .analyze();
    const [sealedRotation] = findingsOf(login(cookie(1), cookie(2), `app_session=${sealed(2)}`), 'session-rotated');
    expect(sealedRotation!.message).toContain('app_session changed from');
    expect(sealedRotation!.message).toContain('whether the login renewed it or only sealed it again cannot be seen');
    expect(sealedRotation!.message).not.toContain('good practice');
    // An opaque ID replaced at login is the rotation it looks like.
    const [opaque] = findingsOf(login(sid(ID.a), sid(ID.b), `sid=${ID.b}`), 'session-rotated');
    expect(opaque!.message).toContain('sid rotated from');
    expect(opaque!.message).toContain('good practice');
    // Sealed anew at the logout: no more claim than at the login.
    const logout = trace()
      .get('https://shop.test/account', { cookie: '', setCookie: [cookie(1)] })
      .get('https://shop.test/logout', { cookie: `app_session=${sealed(1)}`, setCookie: [cookie(2)] })
      .analyze();
    const [atLogout] = findingsOf(logout, 'session-rotated');
    expect(atLogout!.message).toContain('whether the logout ended it or only sealed it again cannot be seen');
    expect(atLogout!.message).not.toContain('good practice');
  });

  it('a JWT in the cookie: its registered claims are no kept fields, and a new one at logout cannot show the old one ended', () => {
    // Buildbot's TWISTED_SESSION: an HS256 JWT of {user_info, exp}, anonymous before the login, the user's after,
    // anonymous again after the logout; nothing kept on the server. Two tokens made in the same second share `exp`.
    const b64 = (o: object) => btoa(JSON.stringify(o)).replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_');
    const jwt = (claims: object) => `${b64({ alg: 'HS256', typ: 'JWT' })}.${b64(claims)}.${'s'.repeat(43)}`;
    const anonymous = jwt({ user_info: { anonymous: true }, exp: 1764806400, iss: 'buildbot' });
    const alice = jwt({ user_info: { username: 'alice' }, exp: 1764806400, iss: 'buildbot' });
    const after = jwt({ user_info: { anonymous: true }, exp: 1764806401, iss: 'buildbot' });
    const cookie = (v: string) => `TWISTED_SESSION=${v}; ${GOOD}`;
    const result = trace()
      .get('https://ci.test/', { cookie: '', setCookie: [cookie(anonymous)] })
      .post('https://ci.test/login', {
        cookie: `TWISTED_SESSION=${anonymous}`,
        form: { user: 'alice', password: 'secret' },
        setCookie: [cookie(alice)],
        location: 'https://ci.test/',
      })
      .get('https://ci.test/', { cookie: `TWISTED_SESSION=${alice}` })
      .get('https://ci.test/logout', { cookie: `TWISTED_SESSION=${alice}`, setCookie: [cookie(after)] })
      .get('https://ci.test/', { cookie: `TWISTED_SESSION=${after}` })
      .analyze();
    const [atLogin, atLogout] = findingsOf(result, 'session-rotated');
    expect(atLogin!.message).toContain('at login');
    expect(atLogin!.message).not.toContain('earlier fields kept');
    expect(atLogout!.entry).toBe(3);
    expect(atLogout!.message).toContain('TWISTED_SESSION changed from');
    expect(atLogout!.message).toContain('the logout could only write another value over it');
    expect(atLogout!.message).not.toContain('good practice');
  });

  it('a readable store that names a new session ID at login was renewed, its data carried over: a rotation', () => {
    // Warden on Rack::Session::Cookie (sinatra-warden.har, entries 5 and 6): a Ruby Marshal dump of {session_id,
    // visits}, signed; the login renews session_id (Rack's `renew`), keeps `visits` and adds the user.
    const before =
      'BAh7B0kiD3Nlc3Npb25faWQGOgZFVG86HVJhY2s6OlNlc3Npb246OlNlc3Npb25JZAY6D0BwdWJsaWNfaWRJIkU2OGQ2N2IzZDRlY2M3MzMxNzNmYmQ4NjMyODIxOTU3YmRlOGE1Yjc4YTVmZTAyMGYyMmQ2YjI3OGRmNTY3NGI5BjsARkkiC3Zpc2l0cwY7AEZpBw%3D%3D--8701d793aaccd148f70580380f7ed410b57bfc76';
    const after =
      'BAh7CEkiD3Nlc3Npb25faWQGOgZFVG86HVJhY2s6OlNlc3Npb246OlNlc3Npb25JZAY6D0BwdWJsaWNfaWRJIkVhMTI4NmZhYWFmZjhiZTUzNjVjYmU0YWZlMDY4NzAzMDgzNmYyYjRkYmFmYjgwNGViYzVjMTM3ZmU3NWUzY2VkBjsARkkiC3Zpc2l0cwY7AEZpB0kiHHdhcmRlbi51c2VyLmRlZmF1bHQua2V5BjsAVEkiCmFsaWNlBjsAVA%3D%3D--d6236c360a118623cac649efb7ee62f7dd4e3b1e';
    const result = trace()
      .get('https://shop.test/', { cookie: '', setCookie: [`rack.session=${before}; path=/; HttpOnly`] })
      .post('https://shop.test/login', {
        cookie: `rack.session=${before}`,
        form: { user: 'alice', password: 'secret' },
        setCookie: [`rack.session=${after}; path=/; HttpOnly`],
        location: 'https://shop.test/',
      })
      .get('https://shop.test/', { cookie: `rack.session=${after}` })
      .analyze();
    const [atLogin] = findingsOf(result, 'session-rotated');
    expect(atLogin!.message).toContain('rack.session rotated from');
    expect(atLogin!.message).toContain('good practice');
    const [data] = findingsOf(result, 'session-client-side-data');
    expect(data!.message).toContain(
      'Ruby Marshal--digest (Rack, Rails 3)) with fields session_id, visits, warden.user.default.key',
    );
  });

  it('a CAS service ticket is a sign-in response: the client that renews its ID there rotated it at login', () => {
    // phpCAS: the CAS server's login redirects to the service with `ticket=ST-…`; the service validates it, renames
    // its session and redirects to its own URL without the ticket. Its page is called login.php: no login form.
    const ticket = 'ST-6HwF61cVsx4CeL97euzD3txbf8vxe0kAI4rd';
    const php = (id: string) => `PHPSESSID=${id}; path=/`;
    const result = trace()
      .get('https://app.test/', { cookie: '', setCookie: [php(ID.a)] })
      .get('https://app.test/login.php', { cookie: `PHPSESSID=${ID.a}`, location: 'https://cas.test/cas/login' })
      .post('https://cas.test/cas/login', {
        cookie: '',
        form: { username: 'alice', password: 'secret' },
        location: `https://app.test/login.php?ticket=${ticket}`,
      })
      .get(`https://app.test/login.php?ticket=${ticket}`, {
        cookie: `PHPSESSID=${ID.a}`,
        setCookie: [php(ID.b)],
        location: '/login.php',
      })
      .get('https://app.test/login.php', { cookie: `PHPSESSID=${ID.b}` })
      .analyze();
    expect(findingsOf(result, 'session-reset')).toEqual([]);
    const [atLogin] = findingsOf(result, 'session-rotated');
    expect(atLogin).toMatchObject({ cookie: 'PHPSESSID', entry: 3 });
    expect(atLogin!.message).toContain("at login (recognised from an identity provider's sign-in response");
    expect(result.facts.logins.map((l) => [l.entry, l.signal])).toEqual([
      [2, 'password-post'],
      [3, 'sign-in-response'],
    ]);
  });

  it('a JSON login body with a "password" key is a password POST too', () => {
    const result = trace()
      .get('https://shop.test/', { cookie: '', setCookie: [sid(ID.a)] })
      .post('https://shop.test/api/login', {
        resourceType: 'fetch',
        cookie: `sid=${ID.a}`,
        body: { mimeType: 'application/json', text: '{"email":"a@b.test","password":"x"}' },
        setCookie: [sid(ID.b)],
      })
      .analyze();
    expect(findingsOf(result, 'session-rotated')[0]!.message).toContain('password field');
  });

  it('an Authorization header appearing with a new sid → rotated at login (Authorization)', () => {
    const result = trace()
      .get('https://shop.test/', { cookie: '', setCookie: [sid(ID.a)] })
      .get('https://shop.test/api/me', {
        cookie: `sid=${ID.a}`,
        headers: { Authorization: 'Basic YW5uOnB3' },
        setCookie: [sid(ID.b)],
      })
      .analyze();
    const found = findingsOf(result, 'session-rotated');
    expect(found.map((f) => f.entry)).toEqual([1]);
    expect(found[0]!.message).toContain('Authorization header');
    expect(result.facts.logins.map((l) => l.signal)).toEqual(['authorization-header']);
  });

  it('an HTTP authentication challenge (401) followed by a success with a new sid → rotated at login (after a 401)', () => {
    const result = trace()
      .get('https://shop.test/', { cookie: '', setCookie: [sid(ID.a)] })
      .get('https://shop.test/admin', {
        cookie: `sid=${ID.a}`,
        status: 401,
        responseHeaders: { 'WWW-Authenticate': 'Basic realm="admin"' },
      })
      .get('https://shop.test/admin', { cookie: `sid=${ID.a}`, setCookie: [sid(ID.b)] })
      .analyze();
    const found = findingsOf(result, 'session-rotated');
    expect(found.map((f) => f.entry)).toEqual([2]);
    expect(found[0]!.message).toContain('following a 401');
    expect(findingsOf(result, 'session-reset')).toEqual([]);
  });

  it('a new authentication cookie set with a new sid → rotated at login (auth cookie)', () => {
    const result = trace()
      .get('https://shop.test/', { cookie: '', setCookie: [sid(ID.a)] })
      .get('https://shop.test/sso/callback', {
        cookie: `sid=${ID.a}`,
        setCookie: [sid(ID.b), `auth_token=${ID.c}; ${GOOD}`],
      })
      .analyze();
    const found = findingsOf(result, 'session-rotated');
    expect(found.map((f) => [f.cookie, f.entry])).toEqual([['sid', 1]]);
    expect(found[0]!.message).toContain('authentication cookie');
    expect(result.facts.logins.map((l) => l.signal)).toEqual(['auth-cookie']);
  });

  it('a rotation in the login redirect chain (POST → 302 → page that sets the new sid) still counts as at login', () => {
    const result = trace()
      .get('https://shop.test/login', { cookie: '', setCookie: [sid(ID.a)] })
      .post('https://shop.test/login', {
        cookie: `sid=${ID.a}`,
        form: { username: 'ann', password: 'pw' },
        location: '/welcome',
      })
      .get('https://shop.test/welcome', { cookie: `sid=${ID.a}`, setCookie: [sid(ID.b)] })
      .analyze();
    const found = findingsOf(result, 'session-rotated');
    expect(found.map((f) => f.entry)).toEqual([2]);
    expect(found[0]!.message).toContain('at login');
    expect(findingsOf(result, 'session-fixation')).toEqual([]);
  });

  it('rotation at a logout request is rotation at logout, not a reset', () => {
    const result = trace()
      .get('https://shop.test/', { cookie: '', setCookie: [sid(ID.a)] })
      .get('https://shop.test/account/logout', { cookie: `sid=${ID.a}`, setCookie: [sid(ID.b)] })
      .analyze();
    const found = findingsOf(result, 'session-rotated');
    expect(found.map((f) => f.entry)).toEqual([1]);
    expect(found[0]!.message).toContain('at logout');
    expect(findingsOf(result, 'session-reset')).toEqual([]);
  });

  it('a new ID after a logout that ended the old one on the server (its cookie left in place) is that logout, not a reset', () => {
    // Tomcat's session.invalidate() (as express-session's destroy()) sends no Set-Cookie: the logout's redirect
    // target carries the dead ID and gets a new one. Recorded that way from Tomcat 10.
    const result = trace()
      .get('https://shop.test/', { cookie: '', setCookie: [sid(ID.a)] })
      .get('https://shop.test/logout.jsp', { cookie: `sid=${ID.a}`, status: 302, location: 'https://shop.test/' })
      .get('https://shop.test/', { cookie: `sid=${ID.a}`, setCookie: [sid(ID.b)] })
      .get('https://shop.test/', { cookie: `sid=${ID.b}` })
      .analyze();
    expect(findingsOf(result, 'session-reset')).toEqual([]);
    const found = findingsOf(result, 'session-rotated');
    expect(found.map((f) => f.entry)).toEqual([2]);
    expect(found[0]!.message).toContain('after the logout at entry 1');
  });

  it('a logout that did not carry the ID, or that deleted it, is no logout of a later ID', () => {
    const result = trace()
      .get('https://shop.test/', { cookie: '', setCookie: [sid(ID.a)] })
      .get('https://shop.test/logout', { cookie: '', status: 302, location: 'https://shop.test/' })
      .get('https://shop.test/', { cookie: `sid=${ID.a}`, setCookie: [sid(ID.b)] })
      .analyze();
    expect(findingsOf(result, 'session-reset').map((f) => [f.entry, f.cause])).toEqual([[2, 'server-rejected']]);
  });

  it('a cookie store written again at a failed attempt (the form posted again) is updated there, rotated at the login', () => {
    const store = (data: object) => `session=${btoa(JSON.stringify(data))}; ${GOOD}`;
    const sent = (data: object) => `session=${btoa(JSON.stringify(data))}`;
    const attempt = (password: string, answer: { setCookie: string[]; location?: string }, cookie: string) => ({
      cookie,
      form: { user: 'ann', password },
      ...answer,
    });
    const result = trace()
      .get('https://shop.test/login', { cookie: '', setCookie: [store({ csrf: 'c1' })] })
      // The wrong password: the form again (200), the session written again with a new CSRF token.
      .post('https://shop.test/login', attempt('wrong', { setCookie: [store({ csrf: 'c2' })] }, sent({ csrf: 'c1' })))
      .post(
        'https://shop.test/login',
        attempt(
          'hunter2',
          { setCookie: [store({ user: 'ann' })], location: 'https://shop.test/' },
          sent({ csrf: 'c2' }),
        ),
      )
      .get('https://shop.test/', { cookie: sent({ user: 'ann' }) })
      .analyze();
    expect(findingsOf(result, 'session-rotated').map((f) => f.entry)).toEqual([2]);
    expect(result.facts.lanes[0]!.ids.map((id) => id.end?.kind)).toEqual(['updated', 'rotated', undefined]);
  });

  it('a login answered with a page and not tried again is still the login that rotated the store', () => {
    const store = (data: object) => `session=${btoa(JSON.stringify(data))}; ${GOOD}`;
    const result = trace()
      .get('https://shop.test/login', { cookie: '', setCookie: [store({ csrf: 'c1' })] })
      .post('https://shop.test/login', {
        cookie: `session=${btoa(JSON.stringify({ csrf: 'c1' }))}`,
        form: { user: 'ann', password: 'hunter2' },
        setCookie: [store({ user: 'ann' })],
      })
      .get('https://shop.test/', { cookie: `session=${btoa(JSON.stringify({ user: 'ann' }))}` })
      .analyze();
    expect(findingsOf(result, 'session-rotated').map((f) => f.entry)).toEqual([1]);
  });

  it('a new opaque ID at a failed attempt (the form posted again) is no login rotation: told as at the attempt', () => {
    const result = trace()
      .get('https://shop.test/login', { cookie: '', setCookie: [sid(ID.a)] })
      .post('https://shop.test/login', {
        cookie: `sid=${ID.a}`,
        form: { user: 'ann', password: 'typo' },
        setCookie: [sid(ID.b)],
      })
      .post('https://shop.test/login', {
        cookie: `sid=${ID.b}`,
        form: { user: 'ann', password: 'right' },
        setCookie: [sid(ID.c)],
        location: 'https://shop.test/account',
      })
      .get('https://shop.test/account', { cookie: `sid=${ID.c}` })
      .analyze();
    const found = findingsOf(result, 'session-rotated');
    expect(found.map((f) => [f.entry, f.evidence.afterLogin])).toEqual([
      [1, false],
      [2, true],
    ]);
    expect(found[0]!.message).toContain('at a login attempt that failed (the same form was posted again)');
    expect(found[0]!.message).not.toContain('good practice');
    expect(findingsOf(result, 'session-reset')).toEqual([]);
  });

  it('a new ID in answer to a password that visibly failed (an error) is told as at that attempt', () => {
    // Adminer renews its session at each attempt; its wrong password is answered with 403.
    const result = trace()
      .get('https://db.test/', { cookie: '', setCookie: [sid(ID.a)] })
      .post('https://db.test/', {
        cookie: `sid=${ID.a}`,
        form: { user: 'ann', password: 'typo' },
        status: 403,
        setCookie: [sid(ID.b)],
      })
      .get('https://db.test/', { cookie: `sid=${ID.b}` })
      .analyze();
    expect(findingsOf(result, 'session-reset')).toEqual([]);
    const [found] = findingsOf(result, 'session-rotated');
    expect(found?.entry).toBe(1);
    expect(found!.message).toContain('at a login attempt that failed (answered with an error or its form again)');
  });

  it('the same where the wrong password went to another back-end, which answered the form and its own ID (Tomcat on two nodes)', () => {
    const jsid = (id: string, node: string) => `JSESSIONID=${id}.${node}; ${GOOD}`;
    const result = trace()
      .get('https://app.test/login.jsp', { cookie: '', setCookie: [jsid(ID.a, 'node1')] })
      .post('https://app.test/login.jsp', {
        cookie: `JSESSIONID=${ID.a}.node1`,
        form: { user: 'ann', password: 'typo' },
        loginForm: true,
        setCookie: [jsid(ID.b, 'node2')],
      })
      .post('https://app.test/login.jsp', {
        cookie: `JSESSIONID=${ID.b}.node2`,
        form: { user: 'ann', password: 'pw' },
        location: '/',
        setCookie: [jsid(ID.c, 'node2')],
      })
      .get('https://app.test/', { cookie: `JSESSIONID=${ID.c}.node2` })
      .analyze();
    // No loss of a logged-in session: the attempt's rotation; the move to node2 is told by the switch rule.
    expect(findingsOf(result, 'session-reset')).toEqual([]);
    expect(findingsOf(result, 'session-rotated')[0]!.message).toContain('at a login attempt that failed');
    const [moved] = findingsOf(result, 'session-backend-switch');
    expect(moved).toMatchObject({ entry: 1 });
    expect(moved!.message).toContain('JSESSIONID route: node1 → node2');
  });

  describe('a site that starts a new session on each page it shows a client not logged in (phpMyAdmin)', () => {
    // Each page with its two assets; the login after them rotates the ID too.
    const pages = (first: 'set' | 'carried', renewals: number, login = true, form = false) => {
      const ids = [ID.a, ID.b, ID.c, ID.d, ID.e];
      let t =
        first === 'set'
          ? trace().get('https://db.test/', { cookie: '', setCookie: [sid(ids[0]!)] })
          : trace().get('https://db.test/', { cookie: `sid=${ids[0]}` });
      for (let i = 0; i <= renewals; i++) {
        if (i > 0)
          t = t.get('https://db.test/', {
            cookie: `sid=${ids[i - 1]}`,
            setCookie: [sid(ids[i]!)],
            ...(form ? { loginForm: true as const } : {}),
          });
        t = t
          .get('https://db.test/app.css', { cookie: `sid=${ids[i]}` })
          .get('https://db.test/app.js', { cookie: `sid=${ids[i]}` });
      }
      if (login) {
        t = t.post('https://db.test/login', {
          cookie: `sid=${ids[renewals]}`,
          form: { user: 'ann', password: 'pw' },
          setCookie: [sid(ID.f)],
          location: '/home',
        });
      }
      return t.analyze();
    };
    const resetEntries = (r: AnalysisResult) => findingsOf(r, 'session-reset').map((f) => f.entry);

    it('told as that policy, no reset, when it renewed two IDs no login issued', () => {
      const result = pages('set', 2);
      expect(resetEntries(result)).toEqual([]);
      const renewed = findingsOf(result, 'session-rotated').filter((f) => !f.evidence.afterLogin);
      expect(renewed.map((f) => f.entry)).toEqual([3, 6]);
      for (const f of renewed)
        expect(f.message).toContain('for a client not logged in: the server starts a new session');
    });

    it('the same where each page is the login form, as a HAR with content shows (phpMyAdmin, Zabbix, LDAP Account Manager)', () => {
      expect(resetEntries(pages('set', 2, true, true))).toEqual([]);
    });

    it('a reset when it happened once, on a site whose login the trace does not show, or to an ID held before the trace', () => {
      expect(resetEntries(pages('set', 1))).toEqual([3]);
      expect(resetEntries(pages('set', 2, false))).toEqual([3, 6]);
      // The first ID was carried when the trace began (it may have been logged in): only one renewal is counted.
      expect(resetEntries(pages('carried', 2))).toEqual([3, 6]);
    });
  });

  describe("a login that deletes the anonymous session's cookie and issues another (Blitz)", () => {
    const anon = (id: string) => `anon_session=${id}; ${GOOD}`;
    const DELETE_ANON = `anon_session=; Path=/; Expires=Thu, 01 Jan 1970 00:00:00 GMT`;
    const app = (setCookie: string[], form?: Record<string, string>) =>
      trace()
        .get('https://app.test/', { setCookie: [anon(ID.a)] })
        .post('https://app.test/api/login', {
          cookie: `anon_session=${ID.a}`,
          ...(form ? { form } : { body: { text: '{"items":[1]}', mimeType: 'application/json' } }),
          resourceType: 'fetch',
          setCookie,
        })
        .get('https://app.test/account', { cookie: setCookie.length > 1 ? `sid=${ID.b}` : '' })
        .analyze({ settings: { sessionCookies: ['anon_session', 'sid'] } });
    const anonEnds = (r: AnalysisResult) =>
      r.facts.lanes.find((l) => l.cookie === 'anon_session')!.ids.map((id) => id.end?.kind ?? 'live');

    it('is the login rotating the session into the new cookie: no reset', () => {
      const result = app([DELETE_ANON, sid(ID.b)], { user: 'ann', password: 'pw' });
      expect(anonEnds(result)).toEqual(['rotated']);
      expect(findingsOf(result, 'session-reset')).toEqual([]);
      const [rotated] = findingsOf(result, 'session-rotated').filter((f) => f.cookie === 'anon_session');
      expect(rotated!.message).toContain('the login deleted it and issued a new sid in its place');
      expect(rotated!.evidence.handedTo).toBe('sid');
    });

    it('stays a reset where no login asked for it, or the login issued no other session cookie', () => {
      expect(anonEnds(app([DELETE_ANON, sid(ID.b)]))).toEqual(['reset']);
      expect(anonEnds(app([DELETE_ANON], { user: 'ann', password: 'pw' }))).toEqual(['reset']);
    });
  });

  describe('a cookie written anew beside the session ID the same answer wrote back (phpMyAdmin)', () => {
    // phpMyAdmin encrypts its credentials cookie again on every answer, and writes its session ID back unchanged.
    const TOKEN = (id: string) => `vault=${id}; ${GOOD}`;
    const SESSION = (extra = '') => `PHPSESSID=${ID.a}; ${GOOD}${extra}`;
    const pages = (session: string | undefined) =>
      trace()
        .post('https://db.test/login', {
          cookie: '',
          form: { user: 'ann', password: 'pw' },
          setCookie: [SESSION(), TOKEN(ID.b)],
          location: '/home',
        })
        .get('https://db.test/home', {
          cookie: `PHPSESSID=${ID.a}; vault=${ID.b}`,
          setCookie: [...(session ? [session] : []), TOKEN(ID.c)],
        })
        .get('https://db.test/page', {
          cookie: `PHPSESSID=${ID.a}; vault=${ID.c}`,
          setCookie: [...(session ? [session] : []), TOKEN(ID.d)],
        })
        .analyze();
    const tokenEnds = (r: AnalysisResult) =>
      r.facts.lanes.find((l) => l.cookie === 'vault')!.ids.map((id) => id.end?.kind ?? 'live');

    it('is the same session updated: the server knew the session the request carried', () => {
      const result = pages(SESSION());
      expect(tokenEnds(result)).toEqual(['updated', 'updated', 'live']);
      expect(findingsOf(result, 'session-reset')).toEqual([]);
    });

    it('is a reset when the session ID was not written back, or written back as a persistent (remember-me) cookie', () => {
      expect(tokenEnds(pages(undefined))).toEqual(['reset', 'reset', 'live']);
      expect(tokenEnds(pages(SESSION('; Max-Age=2592000')))).toEqual(['reset', 'reset', 'live']);
    });
  });

  it('a new token in answer to a token refresh endpoint is rotated there; elsewhere it is a reset', () => {
    // Directus's Data Studio posts to /auth/refresh on each load; Simple JWT's is /api/token/refresh/.
    const refreshed = (path: string) =>
      trace()
        .post('https://cms.test/auth/login', {
          cookie: '',
          form: { email: 'a@b.c', password: 'pw' },
          setCookie: [sid(ID.a)],
        })
        .get('https://cms.test/users/me', { cookie: `sid=${ID.a}` })
        .post(`https://cms.test${path}`, {
          cookie: `sid=${ID.a}`,
          body: { text: '{"mode":"session"}', mimeType: 'application/json' },
          setCookie: [sid(ID.b)],
        })
        .get('https://cms.test/users/me', { cookie: `sid=${ID.b}` })
        .analyze();
    for (const path of ['/auth/refresh', '/api/token/refresh/', '/refresh-token']) {
      const result = refreshed(path);
      expect(findingsOf(result, 'session-reset')).toEqual([]);
      const [rotated] = findingsOf(result, 'session-rotated').filter((f) => f.entry === 2);
      expect(rotated!.message).toContain('at a token refresh: the request asked the server for a new one');
    }
    expect(findingsOf(refreshed('/auth/refreshments'), 'session-reset').map((f) => f.entry)).toEqual([2]);
  });

  it("an identity provider's new ID as it sends the application an authorization code is rotated there", () => {
    // oidc-provider: the password posted to its interaction, a consent page, then `/auth/<uid>` renews `_session`
    // and redirects to the application's callback with the code.
    const consented = (callback: string) =>
      trace()
        .post('https://id.test/interaction/u1', {
          cookie: '',
          form: { login: 'ann', password: 'pw' },
          setCookie: [sid(ID.a)],
          location: '/interaction/u2',
        })
        .get('https://id.test/interaction/u2', { cookie: `sid=${ID.a}` })
        .post('https://id.test/interaction/u2', {
          cookie: `sid=${ID.a}`,
          form: { prompt: 'consent' },
          location: '/auth/u2',
        })
        .get('https://id.test/auth/u2', { cookie: `sid=${ID.a}`, setCookie: [sid(ID.b)], location: callback })
        .analyze();
    const result = consented('https://app.test/callback?code=MbPz_1RWxCBRkDDUeb4e&state=eyJyZXR1cm5UbyI6Imh0');
    expect(findingsOf(result, 'session-reset')).toEqual([]);
    const [rotated] = findingsOf(result, 'session-rotated').filter((f) => f.entry === 3);
    expect(rotated!.message).toContain('as the identity provider finished the sign-in begun by the login at entry 0');
    // Sent on without an authorization response (no code, or a short one), the new ID is a reset.
    for (const elsewhere of ['https://app.test/home', 'https://app.test/callback?code=1&state=2'])
      expect(findingsOf(consented(elsewhere), 'session-reset').map((f) => f.entry)).toEqual([3]);
  });

  it('a server that rotates the ID on every request is a periodic rotation, never a session-reset', () => {
    const ids = [ID.a, ID.b, ID.c, ID.d, ID.e, ID.f];
    let scenario = trace().get('https://shop.test/', { cookie: '', setCookie: [sid(ids[0]!)] });
    for (let i = 1; i < ids.length; i++) {
      scenario = scenario.get(`https://shop.test/page${i}`, { cookie: `sid=${ids[i - 1]}`, setCookie: [sid(ids[i]!)] });
    }
    const result = scenario.analyze();
    expect(findingsOf(result, 'session-reset')).toEqual([]);
    const found = findingsOf(result, 'session-rotated');
    expect(found.map((f) => f.entry)).toEqual([1, 2, 3, 4, 5]);
    for (const f of found) expect(f.message).toContain('rotates the ID continually');
  });

  it("on such a lane the ID a login issued, replaced on its redirect's hop, is still lost there (two servers, no affinity)", () => {
    // express-session on two nodes behind round robin: every request reaches the node that did not issue its ID.
    const ids = [ID.a, ID.b, ID.c, ID.d, ID.e, ID.f];
    const result = trace()
      .get('https://shop.test/', { cookie: '', setCookie: [sid(ids[0]!)] })
      .get('https://shop.test/login', { cookie: `sid=${ids[0]}`, setCookie: [sid(ids[1]!)] })
      .post('https://shop.test/login', {
        cookie: `sid=${ids[1]}`,
        form: { user: 'ann', password: 'hunter2' },
        setCookie: [sid(ids[2]!)],
        status: 302,
        responseHeaders: { Location: '/' },
      })
      .get('https://shop.test/', { cookie: `sid=${ids[2]}`, setCookie: [sid(ids[3]!)] })
      .get('https://shop.test/a', { cookie: `sid=${ids[3]}`, setCookie: [sid(ids[4]!)] })
      .get('https://shop.test/b', { cookie: `sid=${ids[4]}`, setCookie: [sid(ids[5]!)] })
      .analyze();
    const [lost] = findingsOf(result, 'session-reset');
    expect([lost?.entry, lost?.cause]).toEqual([3, 'server-rejected']);
    expect(lost!.message).toContain('the login did not survive its own redirects');
    // The other replacements stay the lane's rotations, told as either cause.
    const rotations = findingsOf(result, 'session-rotated').filter((f) => f.entry !== 2);
    expect(rotations.map((f) => f.entry)).toEqual([1, 4, 5]);
    for (const f of rotations) expect(f.message).toContain('or each request reaches a server that does not know');
  });

  describe('a new ID outside a login, the user still signed in (a HAR saved with content)', () => {
    // A real ZAP recording of a CodeIgniter 3 application: the session ID renewed every five minutes
    // (sess_time_to_update) on a page that offers a logout, or on an XHR whose next page does; told as HIGH LOST.
    const renewal = (
      answer: { offersLogout?: true; status?: number; location?: string },
      after: 'page' | 'login' | 'login-then-page',
      /** The visitor's first page: the login form, or a page that offers a logout to anyone (a demo's menu). */
      visitorPage: { loginForm: true } | { offersLogout: true } = { loginForm: true },
    ) => {
      const t = trace()
        .get('https://crm.test/login', { cookie: '', setCookie: [sid(ID.a)], ...visitorPage })
        .post('https://crm.test/login', {
          cookie: `sid=${ID.a}`,
          form: { user: 'ann', password: 'hunter2' },
          setCookie: [sid(ID.b)],
          location: 'https://crm.test/home',
        })
        .get('https://crm.test/home', { cookie: `sid=${ID.b}`, offersLogout: true })
        .get('https://crm.test/ajax/status', { cookie: `sid=${ID.b}`, setCookie: [sid(ID.c)], ...answer });
      if (after === 'page') t.get('https://crm.test/mission/7', { cookie: `sid=${ID.c}`, offersLogout: true });
      else t.get('https://crm.test/mission/7', { cookie: `sid=${ID.c}`, location: 'https://crm.test/login' });
      if (after === 'login-then-page')
        t.get('https://crm.test/mission/8', { cookie: `sid=${ID.c}`, offersLogout: true });
      return t.analyze();
    };
    const ends = (result: AnalysisResult) => ({
      rotated: findingsOf(result, 'session-rotated').map((f) => f.entry),
      reset: findingsOf(result, 'session-reset').map((f) => [f.entry, f.severity]),
    });

    it('not where a visitor is offered a logout too (a menu shown to anyone): that link tells no one signed in', () => {
      const anyone = renewal({ offersLogout: true }, 'page', { offersLogout: true });
      expect(ends(anyone)).toEqual({ rotated: [1], reset: [[3, 'high']] });
    });

    it('the answer that brought the new ID offers a logout: rotated, not lost', () => {
      const result = renewal({ offersLogout: true }, 'login');
      expect(ends(result)).toEqual({ rotated: [1, 3], reset: [] });
      expect(findingsOf(result, 'session-rotated')[1]!.message).toContain(
        'the server went on answering as to the user signed in (the page at entry 3 offers a logout',
      );
    });

    it('an XHR brought it, and the next page carrying it offers a logout: rotated', () => {
      expect(ends(renewal({}, 'page'))).toEqual({ rotated: [1, 3], reset: [] });
    });

    it('the next page carrying it is a redirect to the login page: the session was lost', () => {
      expect(ends(renewal({}, 'login'))).toEqual({ rotated: [1], reset: [[3, 'high']] });
      // A page after it that offers a logout (signed in again with the same ID) does not undo the loss told first.
      expect(ends(renewal({}, 'login-then-page'))).toEqual({ rotated: [1], reset: [[3, 'high']] });
    });

    it('the answer itself is a logged-out one, whatever comes after: lost', () => {
      expect(ends(renewal({ status: 401 }, 'page'))).toEqual({ rotated: [1], reset: [[3, 'high']] });
    });

    it("the ID the login had just issued, replaced on its redirect's hop, stays lost (two nodes, one without it)", () => {
      const result = trace()
        .post('https://crm.test/login', {
          cookie: '',
          form: { user: 'ann', password: 'hunter2' },
          setCookie: [sid(ID.b)],
          location: 'https://crm.test/home',
        })
        .get('https://crm.test/home', { cookie: `sid=${ID.b}`, setCookie: [sid(ID.c)], offersLogout: true })
        .analyze();
      expect(findingsOf(result, 'session-reset').map((f) => [f.entry, f.reason ?? f.evidence.cause])).toHaveLength(1);
    });
  });

  it('no rotation when the server re-sends the same ID (refreshing its expiry)', () => {
    const result = trace()
      .get('https://shop.test/', { cookie: '', setCookie: [sid(ID.a)] })
      .get('https://shop.test/x', { cookie: `sid=${ID.a}`, setCookie: [sid(ID.a)] })
      .analyze();
    expect(findingsOf(result, 'session-rotated')).toEqual([]);
    expect(findingsOf(result, 'session-reset')).toEqual([]);
  });

  it('a login that does not change the ID is not a rotation', () => {
    const result = trace()
      .get('https://shop.test/login', { cookie: '', setCookie: [sid(ID.a)] })
      .post('https://shop.test/login', { cookie: `sid=${ID.a}`, form: { user: 'ann', password: 'pw' } })
      .analyze();
    expect(findingsOf(result, 'session-rotated')).toEqual([]);
  });
});
