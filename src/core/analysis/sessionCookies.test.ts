// Which cookies of a trace count as session IDs: by name, by the user's marks, or because the value is an
// opaque token the server set once and the browser sent back on most later requests to that host.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findingsOf, ID, trace } from '../../../test/helpers/traceBuilder.ts';
import { TracePrepass } from './prepass.ts';
import { HostCache } from './sessionCookies.ts';
import { withDefaults } from './settings.ts';

/** base64url of {"alg":"dir","enc":"A256GCM"}: the protected header of Auth.js's encrypted session token. */
const JWE_HEADER = 'eyJhbGciOiJkaXIiLCJlbmMiOiJBMjU2R0NNIn0';

/** The session cookies the engine's pre-pass identifies in the trace (with the sites it inspects). */
function identify(b: ReturnType<typeof trace>, settings = {}) {
  const prepass = new TracePrepass(withDefaults(settings));
  for (const event of b.build().events) prepass.feed(event);
  return prepass.finish().sessionNames;
}

describe('session cookie identification (the pre-pass)', () => {
  it('a known name is a session cookie from its first sight', () => {
    const names = identify(trace().get('https://shop.test/', { cookie: '', setCookie: [`PHPSESSID=${ID.a}; Path=/`] }));
    expect(names.get('PHPSESSID')).toEqual({ confidence: 'likely', evidence: ['name matches PHPSESSID'], against: [] });
  });

  it("a session's name holding only a word is no session, whatever a login did with it (a failed login's `sid=bad`)", () => {
    // test.loadimpact.com's demo: a wrong password is answered with `sid=bad` and a page saying "Unauthorized". The
    // session was "certain" (carried by the login), rejected (high) and set over http (high), and listed in no lane.
    const failed = (value: string) =>
      trace()
        .get('http://shop.test/', { cookie: '' })
        .post('http://shop.test/login.php', {
          cookie: `sid=${value}`,
          form: { login: 'ann', password: 'wrong' },
          location: '/my_messages.php',
          setCookie: [`sid=${value}; Path=/; HttpOnly`],
        })
        .get('http://shop.test/my_messages.php', { cookie: `sid=${value}`, loginForm: true });
    expect(identify(failed('bad')).has('sid')).toBe(false);
    expect(failed('bad').analyze().findings).toEqual([]);
    // An ID under the same name and the same traffic is the session.
    expect(identify(failed(ID.a)).get('sid')?.confidence).toBe('certain');
  });

  it("unsigned data a login issued beside an opaque session (Blitz's public-data cookie) is data, not the session", () => {
    const publicData = (data: object) => Buffer.from(JSON.stringify(data)).toString('base64');
    const login = (setCookie: string[]) =>
      identify(
        trace()
          .get('https://app.test/login')
          .post('https://app.test/api/login', { form: { user: 'ann', password: 'pw' }, setCookie })
          .get('https://app.test/', { cookie: setCookie.map((c) => c.split(';')[0]).join('; ') }),
      );
    const beside = login([
      `app_sSessionToken=${ID.a}; Path=/; HttpOnly`,
      `app_sPublicDataToken=${publicData({ userId: 1, role: 'user' })}; Path=/`,
    ]);
    expect([...beside.keys()]).toEqual(['app_sSessionToken']);
    // Alone, it is the session (a store no one signed).
    const alone = login([`app_sPublicDataToken=${publicData({ userId: 1, role: 'user' })}; Path=/`]);
    expect(alone.get('app_sPublicDataToken')?.confidence).toBe('certain');
    // Holding a random token, it is an envelope of an ID (Vendure's `{"token": …}`): still a session.
    const token = login([`app_sSessionToken=${ID.a}; Path=/`, `app_session=${publicData({ token: ID.b })}; Path=/`]);
    expect(token.has('app_session')).toBe(true);
  });

  it("a login that landed on its own page gives its evidence once a logout shows it worked (phpMyAdmin's pmaUser-1)", () => {
    const landed = (logout: boolean) => {
      const t = trace()
        .get('https://db.test/index.php', { cookie: '' })
        .post('https://db.test/index.php', {
          cookie: '',
          form: { pma_username: 'ann', pma_password: 'pw' },
          location: '/index.php',
          setCookie: [`vault=${ID.a}; Path=/`],
        })
        .get('https://db.test/index.php', { cookie: `vault=${ID.a}` });
      return identify(logout ? t.get('https://db.test/index.php?route=/logout', { cookie: `vault=${ID.a}` }) : t);
    };
    expect(landed(true).get('vault')).toMatchObject({
      confidence: 'certain',
      evidence: ['issued in answer to the login at entry 1 (a POST carrying a password field)'],
    });
    // Without the logout it reads as the form sent back: the cookie is judged as any other.
    expect(landed(false).get('vault')?.confidence).not.toBe('certain');
  });

  it("a landing on its own page answered with a page, where a failed attempt's landing there was an error, worked (Adminer)", () => {
    // Adminer's wrong password lands on `?username=ann` answered 403, the right one lands there answered 200. No
    // logout follows: the error of the failure's landing is what tells the second apart.
    const attempts = (firstLanding: number) =>
      identify(
        trace()
          .get('https://db.test/', { cookie: '' })
          .post('https://db.test/', {
            cookie: '',
            form: { username: 'ann', password: 'wrong' },
            location: '/?username=ann',
          })
          .get('https://db.test/?username=ann', { cookie: '', status: firstLanding })
          .post('https://db.test/', {
            cookie: '',
            form: { username: 'ann', password: 'pw' },
            location: '/?username=ann',
            setCookie: [`vault=${ID.a}; Path=/`],
          })
          .get('https://db.test/?username=ann', { cookie: `vault=${ID.a}` }),
      );
    expect(attempts(403).get('vault')).toMatchObject({
      confidence: 'certain',
      evidence: ['issued in answer to the login at entry 3 (a POST carrying a password field)'],
    });
    // Where the failure's landing was a page too, nothing tells them apart: it waits for a logout.
    expect(attempts(200).get('vault')?.confidence).not.toBe('certain');
  });

  it('a password POST answered with its form again is a login where the next page carries what it set, logged in (Request Tracker)', () => {
    // Request Tracker answers the right password with its login page (the user named in its script) and a new ID;
    // the home page opened next with that ID is the logged-in one. The wrong password's form set nothing.
    const attempt = (next: { loginForm?: true; status?: number; cookie: string }) =>
      identify(
        trace()
          .get('https://rt.test/NoAuth/Login.html', { cookie: '', loginForm: true })
          .post('https://rt.test/NoAuth/Login.html', {
            cookie: '',
            form: { user: 'ann', pass: 'pw' },
            loginForm: true,
            setCookie: [`RT_SID_rt.80=${ID.a}; path=/; HttpOnly`],
          })
          .get('https://rt.test/', next),
      );
    expect(attempt({ cookie: `RT_SID_rt.80=${ID.a}` }).get('RT_SID_rt.80')).toMatchObject({
      confidence: 'certain',
      evidence: ['issued in answer to the login at entry 1 (a POST carrying a password field)'],
    });
    // The next page is the form again, or carries none of it: a failed attempt, no login's evidence.
    for (const next of [{ cookie: `RT_SID_rt.80=${ID.a}`, loginForm: true as const }, { cookie: '' }])
      expect(attempt(next).get('RT_SID_rt.80')?.evidence ?? []).not.toContain(
        'issued in answer to the login at entry 1 (a POST carrying a password field)',
      );
  });

  it('another attempt before the next page leaves the form answered again failed (Sympa: the wrong password, then the right one)', () => {
    const sympa = trace()
      .get('https://lists.test/sympa', { cookie: '', setCookie: [`sympa_session=${ID.a}; path=/`] })
      .post('https://lists.test/sympa', {
        cookie: `sympa_session=${ID.a}`,
        form: { email: 'ann@lists.test', passwd: 'typo' },
        loginForm: true,
        setCookie: [`sympa_session=${ID.a}; path=/`],
      })
      .post('https://lists.test/sympa', {
        cookie: `sympa_session=${ID.a}`,
        form: { email: 'ann@lists.test', passwd: 'pw' },
        location: '/sympa',
        setCookie: [`sympa_session=${ID.a}; path=/`],
      })
      .get('https://lists.test/sympa', { cookie: `sympa_session=${ID.a}` })
      // Its login lands on its own page: the logout confirms it.
      .get('https://lists.test/sympa/logout', { cookie: `sympa_session=${ID.a}`, location: '/sympa' });
    const evidence = identify(sympa).get('sympa_session')?.evidence ?? [];
    expect(evidence.join('; ')).toContain('the login at entry 2');
    expect(evidence.join('; ')).not.toContain('the login at entry 1');
  });

  it('long base64 values of several lengths, set anew on every page, read as an encrypted store', () => {
    // Yesod's clientsession: nothing in the value shows its kind, but an ID keeps its length and a payload does not.
    const sealed = (n: number, bytes: number) =>
      btoa(String.fromCharCode(...Array.from({ length: bytes }, (_, i) => (i * 37 + n * 11) % 256)));
    const pages = (lengths: number[]) => {
      let t = trace();
      lengths.forEach((bytes, n) => {
        const carried = n === 0 ? '' : `_SESSION=${sealed(n - 1, lengths[n - 1]!)}`;
        t = t.get(`https://shop.test/${n}`, { cookie: carried, setCookie: [`_SESSION=${sealed(n, bytes)}; Path=/`] });
      });
      return identify(t).get('_SESSION');
    };
    expect(pages([160, 160, 184, 184, 136])?.sealedStore).toBe(true);
    // One length throughout: long IDs (a server that rotates on every page), not a payload.
    expect(pages([160, 160, 160, 160, 160])?.sealedStore).toBeUndefined();
    // Short values of two lengths are no payload either.
    expect(pages([24, 24, 30, 30, 24])?.sealedStore).toBeUndefined();
  });

  it("a cookie named by the ID another session cookie holds is that session's data, not a session", () => {
    // AdonisJS: `adonis-session` holds the ID, signed (`s:` base64 JSON `{"message":<ID>}`); the session's data is
    // in a cookie named by that ID, both issued at the login. A name of words another value merely holds stays.
    const signed = (id: string) =>
      `s:${btoa(JSON.stringify({ message: id, purpose: 'adonis-session', remember: 'remember_user_token' }))}.c2lnbmF0dXJlc2lnbmF0dXJl`;
    const DATA = 'lxwu0cuctxb6nqpzahe0xd64';
    const names = identify(
      trace()
        .login('https://shop.test/login', [
          `adonis-session=${signed(DATA)}; Path=/`,
          `${DATA}=${ID.b}; Path=/`,
          `remember_user_token=${ID.c}; Path=/`,
        ])
        .get('https://shop.test/home', {
          cookie: `adonis-session=${signed(DATA)}; ${DATA}=${ID.b}; remember_user_token=${ID.c}`,
        }),
    );
    expect(names.has('adonis-session')).toBe(true);
    expect(names.has(DATA)).toBe(false);
    expect(names.has('remember_user_token')).toBe(true);
  });

  it("a session-named cookie a tracker's short prefix row of the dataset starts is judged by what it does", () => {
    // Marfeel's `_s` row (analytics) starts `_session_id`, Rails 2's session cookie: issued at the login, it is one.
    const names = identify(
      trace()
        .get('https://shop.test/login', { cookie: '' })
        .post('https://shop.test/login', {
          cookie: '',
          form: { user: 'ann', password: 'hunter2' },
          status: 302,
          responseHeaders: { Location: '/home' },
          setCookie: [`_session_id=${ID.a}; Path=/; HttpOnly`],
        })
        .get('https://shop.test/home', { cookie: `_session_id=${ID.a}` }),
    );
    expect(names.get('_session_id')).toMatchObject({ against: [] });
    expect(names.get('_session_id')?.evidence.join('; ')).toContain('issued in answer to the login');
  });

  it("the login's redirect target answers for the login with what it issues anew, not with what every page rewrites", () => {
    // A signed counter the browser already holds, written again by every page (the login's landing page among
    // them), is no session; a cookie that landing page issues for the first time is the login's.
    const counter = (n: number) => `visits=2|1:0|10:1796391791|6:visits|4:${btoa(String(n))}|${'ab'.repeat(32)}`;
    const names = identify(
      trace()
        .get('https://shop.test/', { cookie: '', setCookie: [`${counter(1)}; Path=/`] })
        .get('https://shop.test/login', { cookie: counter(1) })
        .post('https://shop.test/login', {
          cookie: counter(1),
          form: { user: 'ann', password: 'hunter2' },
          status: 302,
          responseHeaders: { Location: '/' },
        })
        .get('https://shop.test/', {
          cookie: counter(1),
          setCookie: [`${counter(2)}; Path=/`, `member=${ID.a}; Path=/; HttpOnly`],
        })
        .get('https://shop.test/', { cookie: `${counter(2)}; member=${ID.a}`, setCookie: [`${counter(3)}; Path=/`] }),
    );
    expect(names.get('visits')?.evidence.join('; ') ?? '').not.toContain('login');
    expect(names.get('visits')?.confidence).not.toBe('certain');
    expect(names.get('member')?.evidence.join('; ')).toContain('issued in answer to the login at entry 2');
  });

  it('a login attempt that failed (the form posted again after its page) is no evidence; the login that worked is', () => {
    const post = (password: string, setCookie: string[]) => ({
      cookie: `sid=${ID.a}`,
      form: { user: 'ann', password },
      setCookie,
    });
    const names = identify(
      trace()
        .get('https://shop.test/login', { cookie: '', setCookie: [`sid=${ID.a}; Path=/; HttpOnly`] })
        // The wrong password: the form again, with a 200 (no body recorded), and a new form token.
        .post('https://shop.test/login', post('wrong', [`formtoken=${ID.c}; Path=/`]))
        .post('https://shop.test/login', {
          ...post('hunter2', [`sid=${ID.b}; Path=/; HttpOnly`]),
          status: 302,
          responseHeaders: { Location: '/home' },
        })
        .get('https://shop.test/home', { cookie: `sid=${ID.b}; formtoken=${ID.c}` }),
    );
    expect(names.get('sid')?.evidence).toEqual([
      'issued in answer to the login at entry 2 (a POST carrying a password field)',
      'name matches sid',
    ]);
    // Set only at the failed attempt: nothing tells a session.
    expect(names.get('formtoken')?.confidence).not.toBe('certain');
  });

  it('a login attempt is failed when its form is posted again, even where that next answer is no login', () => {
    // phpMyAdmin: the wrong password answered with the form (200), the right one redirected to the same route,
    // which reads as the form shown again: neither is the login, and the first gives no evidence.
    const post = (password: string, answer: object) => ({
      cookie: `pma=${ID.a}`,
      form: { pma_username: 'ann', pma_password: password },
      setCookie: [`pma=${password === 'wrong' ? ID.b : ID.c}; Path=/; HttpOnly`],
      ...answer,
    });
    const names = identify(
      trace()
        .get('https://db.test/index.php?route=/', { cookie: '', setCookie: [`pma=${ID.a}; Path=/; HttpOnly`] })
        .post('https://db.test/index.php?route=/', post('wrong', {}))
        .post('https://db.test/index.php?route=/', {
          ...post('right', {}),
          status: 302,
          responseHeaders: { Location: '/index.php?route=/' },
        }),
    );
    expect(names.get('pma')?.evidence.join('; ') ?? '').not.toContain('issued in answer to the login at entry 1');
  });

  it('a login, a logout, the same form posted again: two logins, the first no failed attempt', () => {
    const login = (id: string) => ({
      cookie: '',
      form: { user: 'ann', password: 'hunter2' },
      setCookie: [`sid=${id}; Path=/`],
    });
    const names = identify(
      trace()
        .post('https://shop.test/login', login(ID.a))
        .get('https://shop.test/logout', { cookie: `sid=${ID.a}`, setCookie: ['sid=; Max-Age=0; Path=/'] })
        .post('https://shop.test/login', login(ID.b)),
    );
    expect(names.get('sid')?.evidence).toContain(
      'issued in answer to the login at entry 0 (a POST carrying a password field)',
    );
  });

  it('a cookie holding the user name the login posted is that name, not a session ID (MediaWiki`s UserName)', () => {
    const names = identify(
      trace()
        .post('https://wiki.test/index.php/Special:UserLogin', {
          cookie: '',
          form: { wpName: 'alice', wpPassword: 'secret-secret', wpLoginToken: ID.c },
          status: 302,
          responseHeaders: { Location: '/index.php/Main_Page' },
          setCookie: [
            `wiki_session=${ID.a}; Path=/; HttpOnly`,
            'wikiUserName=Alice; Max-Age=2592000; Path=/; HttpOnly',
            // A JSON login's e-mail, percent-encoded, in a cookie of its own.
            'last_login=ann%40wiki.test; Path=/',
          ],
        })
        .post('https://wiki.test/api/login', {
          cookie: `wiki_session=${ID.a}`,
          body: { text: '{"user":{"email":"ann@wiki.test"},"password":"x"}', mimeType: 'application/json' },
        })
        .get('https://wiki.test/index.php/Main_Page', {
          cookie: `wiki_session=${ID.a}; wikiUserName=Alice; last_login=ann%40wiki.test`,
        }),
    );
    expect(names.get('wiki_session')?.confidence).toBe('certain');
    expect(names.get('wikiUserName')).toBeUndefined();
    expect(names.get('last_login')).toBeUndefined();
  });

  it("a session kept in the cookie as readable fields, issued at a login under a session's name, is the session", () => {
    // Apache httpd's mod_session without its crypto module, behind mod_auth_form.
    const login = (cookieName: string, location: string) =>
      identify(
        trace()
          .post('https://intra.test/dologin', {
            cookie: '',
            form: { httpd_username: 'ann', httpd_password: 'hunter2' },
            status: 302,
            responseHeaders: { Location: location },
            setCookie: [`${cookieName}=private-user=ann&private-pw=hunter2;path=/`],
          })
          .get('https://intra.test/private/', { cookie: `${cookieName}=private-user=ann&private-pw=hunter2` })
          .get('https://intra.test/logout', { cookie: `${cookieName}=private-user=ann&private-pw=hunter2` }),
      );
    expect(login('session', '/private/').get('session')).toMatchObject({ confidence: 'certain', against: [] });
    expect(login('session', '/private/').get('session')?.evidence).toContain(
      'its value is readable fields: the session itself',
    );
    // Readable fields under another name are data, as RULES.md has it; and a failed login issues nothing.
    expect(login('prefs', '/private/').get('prefs')).toBeUndefined();
    expect(login('session', '/login.html?failed').get('session')).toBeUndefined();
  });

  it('a session store cleared to `{}` at the logout is still the session', () => {
    const store = `${btoa('{"user":"ann"}').replace(/=+$/, '')}.axLH2Q.c2lnbmF0dXJlLW9mLWl0`;
    const names = identify(
      trace()
        .post('https://shop.test/login', {
          cookie: '',
          form: { user: 'ann', password: 'hunter2' },
          setCookie: [`app_store=${store}; Path=/; HttpOnly`],
        })
        .get('https://shop.test/logout', { cookie: `app_store=${store}`, setCookie: ['app_store={}; Path=/'] }),
    );
    expect(names.get('app_store')?.confidence).toBe('certain');
  });

  it("Django's messages cookie, set at the login and again (compressed) at the logout, is no session", () => {
    const signedList = `${btoa('[["__json_message",0,25,"Signed in."]]').replace(/=+$/, '')}:1xZUXo:x3FqAb`;
    const compressed = '.eJyLjo6OVcrNSy8uTizJzM8rViguKcpMzlayUlJQ0lFKLS5RKEktLgEAFz4Mkw:1xZUXp:Q2b7Tz';
    const names = identify(
      trace()
        .post('https://shop.test/accounts/login/', {
          cookie: '',
          form: { login: 'ann', password: 'hunter2' },
          status: 302,
          responseHeaders: { Location: '/' },
          setCookie: [`sessionid=${ID.a}; Path=/; HttpOnly`, `messages=${signedList}; Path=/`],
        })
        .post('https://shop.test/accounts/logout/', {
          cookie: `sessionid=${ID.a}; messages=${signedList}`,
          form: {},
          setCookie: ['sessionid=; Max-Age=0; Path=/', `messages=${compressed}; Path=/`],
        }),
    );
    expect([...names.keys()]).toEqual(['sessionid']);
  });

  it("an app's own `token` is judged by what it does; Adform's, on adform.net, stays what the dataset says", () => {
    // The dataset's `token` row is Adform's advertising cookie, on adform.net: a shop's login cookie is not it.
    const login = (host: string) =>
      trace()
        .get(`https://${host}/login`, { cookie: '' })
        .post(`https://${host}/login`, {
          cookie: '',
          form: { user: 'ann', password: 'hunter2' },
          setCookie: [`token=${ID.a}; Path=/; HttpOnly; Secure`],
        })
        .get(`https://${host}/account`, { cookie: `token=${ID.a}` })
        .get(`https://${host}/orders`, { cookie: `token=${ID.a}` });
    const own = identify(login('shop.test'));
    expect(own.get('token')?.confidence).toBe('certain');
    expect(own.get('token')?.evidence.join('; ')).toContain('issued in answer to the login');
    expect(identify(login('track.adform.net')).get('token')).toBeUndefined();
  });

  it("X's `auth_token`, which the dataset calls advertising, is twitter.com's login there; elsewhere the row holds", () => {
    // The row tells how X follows its users on other sites; on twitter.com itself (a logged-in visit of 2011) the
    // cookie is its login, judged by its name and behaviour.
    const token = `auth_token=${'932a33428de49c583859353c590e8f0e11e983eb'}`;
    const own = identify(
      trace()
        .get('https://twitter.com/', { cookie: '', setCookie: [`${token}; Domain=.twitter.com; Path=/; Secure`] })
        .get('https://twitter.com/home', { cookie: token })
        .get('https://twitter.com/i/timeline', { cookie: token }),
    );
    expect(own.get('auth_token')?.evidence).toContain(
      'its name says authentication or session and its value is a token',
    );
    // Sent to twitter.com from a news page's buttons: a third party's tracking cookie, as the dataset says.
    const elsewhere = identify(
      trace()
        .get('https://news.test/', { cookie: '' })
        .get('https://platform.twitter.com/widgets.js', { cookie: token, resourceType: 'script' })
        .get('https://syndication.twitter.com/settings', { cookie: token, resourceType: 'xhr' }),
    );
    expect(elsewhere.has('auth_token')).toBe(false);
  });

  it('a probe of capitalised words written together (`CheckForPermission`), sent back, is no token', () => {
    const names = identify(
      trace()
        .get('https://shop.test/', { cookie: '', setCookie: ['probe=CheckForPermission; Path=/'] })
        .get('https://shop.test/a', { cookie: 'probe=CheckForPermission' })
        .get('https://shop.test/b', { cookie: 'probe=CheckForPermission' }),
    );
    expect(names.has('probe')).toBe(false);
  });

  it("a name only the dataset calls a session's, holding the user's handle that the site's addresses show, is no session", () => {
    // GitHub's `dotcom_user` holds the user's login, and github.com/<login>/<repo> is the user's page: readable, public.
    const visit = (value: string, page: string) =>
      trace()
        .get('https://github.com/', { cookie: `dotcom_user=${value}; user_session=${ID.a}` })
        .get(`https://github.com/${page}`, { cookie: `dotcom_user=${value}; user_session=${ID.a}` });
    expect(identify(visit('prudvi99999', 'prudvi99999/har-to-k6')).has('dotcom_user')).toBe(false);
    expect(identify(visit('prudvi99999', 'prudvi99999/har-to-k6')).has('user_session')).toBe(true);
    // Not in an address of the site: the dataset's label stands.
    expect(identify(visit('prudvi99999', 'explore')).get('dotcom_user')?.evidence[0]).toMatch(
      /^documented as a session/,
    );
    // A random token in an address is an ID leaked there (session-id-in-url), not a handle.
    expect(identify(visit(ID.b, `${ID.b}/har-to-k6`)).get('dotcom_user')?.evidence[0]).toMatch(
      /^documented as a session/,
    );
  });

  it("a platform's documented session cookie is the platform's on its site only: Tripadvisor's `RT` elsewhere is any name", () => {
    // The dataset's `RT` row is Tripadvisor's session cookie, on www.tamgrt.com; on real page loads a retargeting
    // pixel's `rt` was listed as a session by that row alone.
    const visit = (host: string) =>
      trace()
        .get(`https://${host}/`, { cookie: '', setCookie: [`RT=${ID.a}; Path=/`] })
        .get(`https://${host}/a`, { cookie: `RT=${ID.a}` })
        .get(`https://${host}/b`, { cookie: `RT=${ID.a}` });
    expect(identify(visit('www.tamgrt.com')).get('RT')?.evidence[0]).toMatch(/^documented as a session cookie: RT \(/);
    expect(identify(visit('shop.test')).get('RT')).toEqual({
      confidence: 'possible',
      evidence: ['opaque token set by shop.test and sent back on 2 of 2 later requests'],
      against: [],
    });
  });

  it("ASP.NET Core's chunked ticket: the `chunks-N` marker is a count, not an ID; the chunks carry the session", () => {
    const name = '.AspNetCore.Identity.Application';
    const chunks = `${name}=chunks-2; ${name}C1=${ID.a}; ${name}C2=${ID.b}`;
    const flow = trace()
      .post('https://app.test/Account/Login', {
        cookie: '',
        form: { Email: 'ann@app.test', Password: 'hunter2' },
        setCookie: [
          `${name}=chunks-2; path=/; secure; httponly`,
          `${name}C1=${ID.a}; path=/`,
          `${name}C2=${ID.b}; path=/`,
        ],
      })
      .get('https://app.test/', { cookie: chunks })
      .get('https://app.test/orders', { cookie: chunks });
    const names = identify(flow);
    expect(names.has(name)).toBe(false);
    // One session: the first chunk stands for the chunked cookie; the second is a part of its value.
    expect([...names.keys()]).toEqual([`${name}C1`]);
    expect(names.get(`${name}C1`)?.evidence).toEqual([
      'issued in answer to the login at entry 0 (a POST carrying a password field)',
      'name matches .AspNetCore.Identity.Application',
      'the first chunk of .AspNetCore.Identity.Application, whose value is written in chunks',
    ]);
    // The marker, the same for every user, is no ID whose entropy could be too low.
    expect(findingsOf(flow.analyze(), 'session-id-low-entropy')).toEqual([]);
  });

  it('chunks are parts of one session only where the cookie is written in chunks', () => {
    // Without the `chunks-N` marker, names ending in C1, C2 beside one without are cookies like any other.
    const all = `session=${ID.c}; sessionC1=${ID.a}; sessionC2=${ID.b}`;
    const names = identify(
      trace()
        .get('https://shop.test/', {
          cookie: '',
          setCookie: [`session=${ID.c}; Path=/`, `sessionC1=${ID.a}; Path=/`, `sessionC2=${ID.b}; Path=/`],
        })
        .get('https://shop.test/a', { cookie: all })
        .get('https://shop.test/b', { cookie: all }),
    );
    expect([...names.keys()]).toEqual(['session', 'sessionC1', 'sessionC2']);
  });

  it('a chunked ticket renewed smaller and then signed out is one session, kept and then ended at the logout', () => {
    const name = '.AspNetCore.Cookies';
    const attrs = 'Path=/; Secure; HttpOnly; SameSite=Lax';
    const gone = `expires=Thu, 01 Jan 1970 00:00:00 GMT; ${attrs}`;
    const three = `${name}=chunks-3; ${name}C1=${ID.a}; ${name}C2=${ID.b}; ${name}C3=${ID.c}`;
    const two = `${name}=chunks-2; ${name}C1=${ID.d}; ${name}C2=${ID.e}`;
    const result = trace()
      .get('https://app.test/Account/Login', { cookie: '' })
      .post('https://app.test/Account/Login', {
        cookie: '',
        form: { Email: 'ann@app.test', Password: 'hunter2' },
        location: '/',
        setCookie: [
          `${name}=chunks-3; ${attrs}`,
          `${name}C1=${ID.a}; ${attrs}`,
          `${name}C2=${ID.b}; ${attrs}`,
          `${name}C3=${ID.c}; ${attrs}`,
        ],
      })
      .get('https://app.test/', { cookie: three })
      // Sliding expiration re-issues the ticket; now shorter, it needs two chunks and the third is deleted.
      .get('https://app.test/orders', {
        cookie: three,
        setCookie: [
          `${name}=chunks-2; ${attrs}`,
          `${name}C1=${ID.d}; ${attrs}`,
          `${name}C2=${ID.e}; ${attrs}`,
          `${name}C3=; ${gone}`,
        ],
      })
      .get('https://app.test/orders/1', { cookie: two })
      .post('https://app.test/Account/Logout', {
        cookie: two,
        location: '/',
        setCookie: [`${name}=; ${gone}`, `${name}C1=; ${gone}`, `${name}C2=; ${gone}`],
      })
      .get('https://app.test/', { cookie: '' })
      .analyze();
    expect(result.sessions.map((s) => s.cookie)).toEqual([`${name}C1`]);
    // No chunk deleted with the ticket's shrinking is a session lost; the logout ends the one session as asked.
    expect(result.findings.filter((f) => f.severity !== 'info')).toEqual([]);
    expect(findingsOf(result, 'session-reset').map((f) => [f.entry, f.cookie])).toEqual([[5, `${name}C1`]]);
  });

  it("Auth.js's encrypted session token, re-issued on every session check, is one session updated, not lost", () => {
    const name = '__Secure-next-auth.session-token';
    const attrs = 'Path=/; Secure; HttpOnly; SameSite=Lax';
    const token = (iv: string) => `${JWE_HEADER}..${iv}.c2Vzc2lvbi1jbGFpbXMtZW5jcnlwdGVk${iv}.dGFnLW9mLXRoZS1jaXBoZXI`;
    const result = trace()
      .post('https://app.test/api/auth/callback/credentials', {
        cookie: '',
        form: { username: 'ann', password: 'hunter2' },
        location: '/',
        setCookie: [
          `${name}=${token('aXYtb25lLW9uZQ')}; ${attrs}`,
          // Where to return to after the sign-in: a URL is readable data, not an ID.
          `__Secure-next-auth.callback-url=https%3A%2F%2Fapp.test%2Forders; ${attrs}`,
        ],
      })
      .get('https://app.test/', { cookie: `${name}=${token('aXYtb25lLW9uZQ')}` })
      .get('https://app.test/api/auth/session', {
        cookie: `${name}=${token('aXYtb25lLW9uZQ')}`,
        setCookie: [`${name}=${token('aXYtdHdvLXR3bw')}; ${attrs}`],
      })
      .get('https://app.test/api/auth/session', {
        cookie: `${name}=${token('aXYtdHdvLXR3bw')}`,
        setCookie: [`${name}=${token('aXYtdGhyZWUtdGhyZWU')}; ${attrs}`],
      })
      .get('https://app.test/orders', { cookie: `${name}=${token('aXYtdGhyZWUtdGhyZWU')}` })
      .analyze();
    expect(result.sessions.map((s) => s.cookie)).toEqual([name]);
    expect(result.findings.filter((f) => f.severity !== 'info')).toEqual([]);
    expect(findingsOf(result, 'session-reset')).toEqual([]);
  });

  it('numbered chunks (Auth.js, Supabase, Auth0, oauth2-proxy: x.0, x.1 or x_0, x_1) are one session, shrinking or not', () => {
    const name = '__Secure-next-auth.session-token';
    const attrs = 'Path=/; Secure; HttpOnly; SameSite=Lax';
    const gone = `Max-Age=0; ${attrs}`;
    // Auth.js fills a chunk to 3,933 characters before it starts the next.
    const full = (id: string) => `${JWE_HEADER}..${id}.${id.repeat(115)}`;
    const three = `${name}.0=${full(ID.a)}; ${name}.1=${ID.c.repeat(120)}; ${name}.2=${ID.e}.${ID.f}`;
    const two = `${name}.0=${full(ID.d)}; ${name}.1=${ID.f}.${ID.a}`;
    const set = (cookies: string) => cookies.split('; ').map((c) => `${c}; ${attrs}`);
    const result = trace()
      .get('https://app.test/api/auth/callback/github?code=5a1f0c9e3b7d&state=8e2c4a6f0d1b', {
        cookie: '',
        location: '/',
        setCookie: set(three),
      })
      .get('https://app.test/', { cookie: three })
      .get('https://app.test/api/auth/session', { cookie: three, setCookie: [...set(two), `${name}.2=; ${gone}`] })
      .get('https://app.test/orders', { cookie: two })
      .post('https://app.test/api/auth/signout', {
        cookie: two,
        location: '/',
        setCookie: [`${name}.0=; ${gone}`, `${name}.1=; ${gone}`],
      })
      .get('https://app.test/', { cookie: '' })
      .analyze();
    expect(result.sessions.map((s) => s.cookie)).toEqual([`${name}.0`]);
    expect(result.findings.filter((f) => f.severity !== 'info')).toEqual([]);
    expect(findingsOf(result, 'session-reset').map((f) => f.entry)).toEqual([4]);
    // AWS load balancers' authentication numbers its chunks after a hyphen.
    const alb = 'AWSELBAuthSessionCookie';
    const albCookies = `${alb}-0=${ID.a.repeat(110)}; ${alb}-1=${ID.b.repeat(20)}`;
    const albNames = identify(
      trace()
        .get('https://app.test/oauth2/idpresponse?code=5a1f0c9e3b7d&state=8e2c4a6f0d1b', {
          cookie: '',
          location: '/',
          setCookie: set(albCookies),
        })
        .get('https://app.test/', { cookie: albCookies }),
    );
    expect([...albNames.keys()]).toEqual([`${alb}-0`]);
    // No chunks: an `x_0` without an `x_1` (however long), or a short `x_0` beside an `x_1` (a tracker's two IDs).
    const cookies = `sess_0=${ID.a.repeat(100)}; sess_2=${ID.b}; sid_0=${ID.c}; sid_1=${ID.d}`;
    const lone = identify(
      trace()
        .get('https://shop.test/', { cookie: '', setCookie: cookies.split('; ').map((c) => `${c}; Path=/`) })
        .get('https://shop.test/a', { cookie: cookies })
        .get('https://shop.test/b', { cookie: cookies }),
    );
    expect([...lone.keys()]).toEqual(['sess_0', 'sess_2', 'sid_0', 'sid_1']);
  });

  it('a value that moves between one cookie and its chunks (grown past 4 KB, or shrunk back) loses no session', () => {
    const name = '__Secure-authjs.session-token';
    const attrs = 'Path=/; Secure; HttpOnly; SameSite=Lax';
    const gone = `Max-Age=0; ${attrs}`;
    const full = (id: string) => `${JWE_HEADER}..${id}.${id.repeat(115)}`;
    const single = `${JWE_HEADER}..${ID.e}.${ID.f}.dGFn`;
    const chunked = `${name}.0=${full(ID.a)}; ${name}.1=${ID.b.repeat(20)}`;
    const result = trace()
      .post('https://app.test/auth/callback/credentials', {
        cookie: '',
        form: { username: 'ann', password: 'hunter2' },
        location: '/',
        setCookie: chunked.split('; ').map((c) => `${c}; ${attrs}`),
      })
      .get('https://app.test/', { cookie: chunked })
      // Fewer claims now: the token fits one cookie; the chunks are deleted.
      .get('https://app.test/auth/session', {
        cookie: chunked,
        setCookie: [`${name}=${single}; ${attrs}`, `${name}.0=; ${gone}`, `${name}.1=; ${gone}`],
      })
      .get('https://app.test/orders', { cookie: `${name}=${single}` })
      // More claims again: into chunks, the single cookie deleted.
      .get('https://app.test/auth/session', {
        cookie: `${name}=${single}`,
        setCookie: [`${name}=; ${gone}`, ...chunked.split('; ').map((c) => `${c}; ${attrs}`)],
      })
      .get('https://app.test/orders', { cookie: chunked })
      .analyze();
    expect(result.findings.filter((f) => f.severity !== 'info')).toEqual([]);
    expect(findingsOf(result, 'session-reset')).toEqual([]);
    // A deletion with no such rewrite is still a session lost.
    const lost = trace()
      .get('https://app.test/', { cookie: '', setCookie: chunked.split('; ').map((c) => `${c}; ${attrs}`) })
      .get('https://app.test/a', { cookie: chunked, setCookie: [`${name}.0=; ${gone}`, `${name}.1=; ${gone}`] })
      .analyze();
    expect(findingsOf(lost, 'session-reset').map((f) => [f.cookie, f.cause])).toEqual([
      [`${name}.0`, 'cleared-by-server'],
    ]);
  });

  it("ASP.NET Core's ticket growing into chunks and shrinking back loses no session and is no weak ID", () => {
    const name = '.AspNetCore.Cookies';
    const attrs = 'Path=/; Secure; HttpOnly; SameSite=Lax';
    const gone = `expires=Thu, 01 Jan 1970 00:00:00 GMT; ${attrs}`;
    const chunked = `${name}=chunks-2; ${name}C1=${ID.b}; ${name}C2=${ID.c}`;
    const result = trace()
      .post('https://app.test/Account/Login', {
        cookie: '',
        form: { Email: 'ann@app.test', Password: 'hunter2' },
        location: '/',
        setCookie: [`${name}=${ID.a}; ${attrs}`],
      })
      .get('https://app.test/', { cookie: `${name}=${ID.a}` })
      // Claims added: the ticket outgrows one cookie; the cookie itself now holds the chunk count.
      .get('https://app.test/claims', {
        cookie: `${name}=${ID.a}`,
        setCookie: chunked.split('; ').map((c) => `${c}; ${attrs}`),
      })
      .get('https://app.test/orders', { cookie: chunked })
      // Claims dropped: one cookie again, the chunks deleted.
      .get('https://app.test/profile', {
        cookie: chunked,
        setCookie: [`${name}=${ID.d}; ${attrs}`, `${name}C1=; ${gone}`, `${name}C2=; ${gone}`],
      })
      .get('https://app.test/orders', { cookie: `${name}=${ID.d}` })
      .analyze();
    expect(result.findings.filter((f) => f.severity !== 'info')).toEqual([]);
    expect(result.sessions.map((s) => [s.cookie, s.ids.map((id) => id.endedBy)])).toEqual([
      [name, ['updated', undefined]],
      [`${name}C1`, ['updated']],
    ]);
  });

  it("WordPress's logout (/wp-login.php?action=logout) clears its login cookie at a logout: info, not an alarm", () => {
    const name = 'wordpress_logged_in_5c017de2e4b0b7a6d0c4f9a1e3b2d8c7';
    const value = `ann%7C1735776000%7C${ID.a}%7C${ID.b}`;
    const result = trace()
      .post('https://blog.test/wp-login.php', {
        cookie: 'wordpress_test_cookie=WP%20Cookie%20check',
        form: { log: 'ann', pwd: 'hunter2', 'wp-submit': 'Log In' },
        location: '/wp-admin/',
        setCookie: [`${name}=${value}; path=/; secure; HttpOnly`],
      })
      .get('https://blog.test/wp-admin/', { cookie: `${name}=${value}` })
      .get('https://blog.test/wp-login.php?action=logout&_wpnonce=6f2a9c1d0e', {
        cookie: `${name}=${value}`,
        location: '/wp-login.php?loggedout=true',
        setCookie: [`${name}=%20; expires=Mon, 02-Jan-2023 00:00:00 GMT; Max-Age=0; path=/`],
      })
      .get('https://blog.test/wp-login.php?loggedout=true', { cookie: '' })
      .analyze();
    expect(findingsOf(result, 'session-reset').map((f) => [f.cookie, f.entry, f.severity])).toEqual([
      [name, 2, 'info'],
    ]);
    expect(result.sessions.find((s) => s.cookie === name)?.evidence).toContain('cleared at the logout at entry 2');
  });

  it('a cookie cleared at a REST logout (a DELETE of the session resource) is cleared at the logout', () => {
    const names = identify(
      trace()
        .get('https://shop.test/', { cookie: '', setCookie: [`app_id=${ID.a}; Path=/`] })
        .get('https://shop.test/a', { cookie: `app_id=${ID.a}` })
        .request('DELETE', 'https://shop.test/session', {
          cookie: `app_id=${ID.a}`,
          setCookie: ['app_id=; Path=/; Max-Age=0'],
        }),
    );
    expect(names.get('app_id')?.evidence).toContain('cleared at the logout at entry 2');
  });

  it('an opaque token set once and sent back on the later requests is a session cookie', () => {
    const names = identify(
      trace()
        .get('https://shop.test/', { cookie: '', setCookie: [`tok=${ID.a}; Path=/`] })
        .get('https://shop.test/a', { cookie: `tok=${ID.a}` })
        .get('https://shop.test/b', { cookie: `tok=${ID.a}` }),
    );
    // The token heuristic alone is the weakest evidence (RULES.md): `possible`.
    expect(names.get('tok')).toEqual({
      confidence: 'possible',
      evidence: ['opaque token set by shop.test and sent back on 2 of 2 later requests'],
      against: [],
    });
  });

  it("a third-party host's token, with nothing but its behaviour for it, is no session unless third parties are asked for", () => {
    // A page of shop.test whose ad server sets a visitor ID and gets it back (a DoubleClick probe, a data broker's
    // segment cookie on real page loads): the token heuristic is all there is, and the host is not the site inspected.
    const page = (adCookie: string, name = adCookie.split('=')[0]!) =>
      trace()
        .get('https://shop.test/', { cookie: '' })
        .get('https://ads.example/tag.js', { resourceType: 'script', cookie: '', setCookie: [`${adCookie}; Path=/`] })
        .get('https://ads.example/a', { resourceType: 'script', cookie: `${name}=${ID.a}` })
        .get('https://ads.example/b', { resourceType: 'script', cookie: `${name}=${ID.a}` });
    expect(identify(page(`kq=${ID.a}`)).has('kq')).toBe(false);
    expect(identify(page(`kq=${ID.a}`), { thirdPartySessions: true }).get('kq')).toEqual({
      confidence: 'possible',
      evidence: ['opaque token set by ads.example and sent back on 2 of 2 later requests'],
      against: [],
    });
    // A name that says session is evidence of its own: the third party's session is still listed (apart).
    expect(identify(page(`JSESSIONID=${ID.a}`)).get('JSESSIONID')?.confidence).toBe('likely');
    // The same token set by the site's own subdomain is the site's.
    const own = trace()
      .get('https://shop.test/', { cookie: '' })
      .get('https://api.shop.test/x', { resourceType: 'fetch', cookie: '', setCookie: [`kq=${ID.a}; Path=/`] })
      .get('https://api.shop.test/a', { resourceType: 'fetch', cookie: `kq=${ID.a}` })
      .get('https://api.shop.test/b', { resourceType: 'fetch', cookie: `kq=${ID.a}` });
    expect(identify(own).get('kq')?.confidence).toBe('possible');
  });

  it("a token whose name says it is a request's correlation or trace ID is no session, whatever it does", () => {
    // A state agency's portal sets `alf.correlation.id` beside an access-log cookie: a possible lane with three low
    // attribute findings, beside its real sessions (audit 16).
    const set = (name: string) =>
      identify(
        trace()
          .get('https://portal.test/app/view', { cookie: '', setCookie: [`${name}=${ID.a}; Path=/app`] })
          .get('https://portal.test/app/a', { cookie: `${name}=${ID.a}` })
          .get('https://portal.test/app/b', { cookie: `${name}=${ID.a}` }),
      ).get(name)?.confidence;
    expect(set('alf.correlation.id')).toBeUndefined();
    expect(set('trace-id')).toBeUndefined();
    expect(set('alf.visit.id')).toBe('possible');
    // A name that also says session keeps its word.
    expect(set('session-trace')).toBe('likely');
  });

  it('a cookie holding the token its requests send in their Authorization header is the login credential', () => {
    // Real recordings: an admin SPA keeps its login token in a cookie it writes from script (`Admin-Token`), sent
    // bare or as `Bearer`, never set by a response; its name says nothing and no server issued it.
    const sentAs = (authorization: string, value: string = ID.a) =>
      identify(
        trace()
          .get('https://admin.test/', { cookie: '' })
          .get('https://admin.test/api/me', {
            resourceType: 'fetch',
            cookie: `xq=${value}`,
            headers: { Authorization: authorization },
          }),
      ).get('xq');
    expect(sentAs(ID.a)).toEqual({
      confidence: 'likely',
      evidence: ['its value is the token entry 1 sent in its Authorization header'],
      against: [],
    });
    expect(sentAs(`Bearer ${ID.a}`)?.confidence).toBe('likely');
    // Percent-encoded as a page's cookie library writes it.
    const base64 = 'q9Xr/2mZ+Lt0Kp8sWv4nYb7e3Hc1Ja==';
    expect(sentAs(`Bearer ${base64}`, encodeURIComponent(base64))?.confidence).toBe('likely');
    // Another token, a short one, or HTTP authentication's own credentials: no evidence.
    expect(sentAs(`Bearer ${ID.b}`)).toBeUndefined();
    expect(sentAs('Bearer 12345', '12345')).toBeUndefined();
    const basic = Buffer.from('ann:correct horse').toString('base64');
    expect(sentAs(`Basic ${basic}`, basic)).toBeUndefined();
  });

  it("a cookie whose token the page sends in a header of the app's own is the login credential; an anti-forgery echo is not", () => {
    // A real ERP app (Fiddler): `access-token` sent as a cookie and as a header of that name, never set by a response.
    const echoed = (header: string) =>
      identify(
        trace()
          .get('https://erp.test/', { cookie: '' })
          .get('https://erp.test/api/me', { resourceType: 'fetch', cookie: `tk=${ID.a}`, headers: { [header]: ID.a } }),
      ).get('tk');
    expect(echoed('access-token')).toEqual({
      confidence: 'likely',
      evidence: ['its value is the token entry 1 sent in its access-token header'],
      against: [],
    });
    expect(echoed('X-Auth-Token')?.confidence).toBe('likely');
    // A double-submit anti-forgery token is echoed in a header by design.
    expect(echoed('X-XSRF-TOKEN')).toBeUndefined();
    expect(echoed('X-CSRF-Token')).toBeUndefined();
  });

  it('a token the page posts back in a form field of another name is a double-submit anti-forgery token, no session', () => {
    // A real ZAP recording of a CodeIgniter 3 application: its `rccrmck` cookie, posted back as the `rccrmtk` field.
    const posted = (field: string, value: string = ID.a) =>
      identify(
        trace()
          .get('https://crm.test/login', { cookie: '', setCookie: [`appck=${ID.a}; Path=/`] })
          .get('https://crm.test/a', { cookie: `appck=${ID.a}` })
          .post('https://crm.test/b', { cookie: `appck=${ID.a}`, form: { [field]: value, title: 'x' } })
          .get('https://crm.test/c', { cookie: `appck=${ID.a}` }),
      ).get('appck')?.confidence;
    expect(posted('apptk')).toBeUndefined();
    // Another value, the cookie's own name (PHP's trans_sid writes the session ID into forms so), or a field named as
    // a session is no anti-forgery token: the token's behaviour still makes it a possible session.
    expect(posted('apptk', ID.b)).toBe('possible');
    expect(posted('appck')).toBe('possible');
    expect(posted('sessionid')).toBe('possible');
  });

  it("a token only images and beacons set is a tracking pixel's visitor ID, not a session, even on the site's own host", () => {
    // Webtrends' `ACOOKIE` on nytimes.com's own collector (wt.o.nytimes.com/…/dcs.gif): set on the pixel's answers,
    // sent back to the next pixel. The same token issued by a page, a script or an API call is a possible session.
    const collector = (setBy: 'image' | 'ping' | 'fetch' | 'document', thenBy = setBy) =>
      identify(
        trace()
          .get('https://shop.test/', { cookie: '' })
          .get('https://wt.shop.test/dcs.gif', { resourceType: setBy, cookie: '', setCookie: [`kq=${ID.a}; Path=/`] })
          .get('https://wt.shop.test/dcs.gif?2', {
            resourceType: thenBy,
            cookie: `kq=${ID.a}`,
            setCookie: [`kq=${ID.a}; Path=/`],
          })
          .get('https://wt.shop.test/dcs.gif?3', { resourceType: 'image', cookie: `kq=${ID.a}` }),
      ).get('kq')?.confidence;
    expect(collector('image')).toBeUndefined();
    expect(collector('ping')).toBeUndefined();
    expect(collector('fetch')).toBe('possible');
    expect(collector('document')).toBe('possible');
    // Set once by a page as well: no longer only a pixel's.
    expect(collector('image', 'document')).toBe('possible');
    // A session name is evidence of its own: an application may issue its session on an image's answer (a real
    // recording's ASP.NET_SessionId came on a picture's).
    const named = trace()
      .get('https://shop.test/logo.png', {
        resourceType: 'image',
        cookie: '',
        setCookie: [`ASP.NET_SessionId=${ID.a}`],
      })
      .get('https://shop.test/', { cookie: `ASP.NET_SessionId=${ID.a}` });
    expect(identify(named).get('ASP.NET_SessionId')?.confidence).toBe('likely');
  });

  it('a hex token built around the time it was set (address, clock, counter) is a visitor ID, not a random session ID', () => {
    // nytimes.com's `RMID=007f0101480b55e20bb8000c`: an address, the Unix time of the response in hex, a counter,
    // set by the home page and sent back everywhere. A random hex token of the same behaviour is a possible session.
    const page = (value: (at: number) => string) => {
      const t = trace();
      const at = t.nextTime;
      return identify(
        t
          .get('https://www.shop.test/', { cookie: '', setCookie: [`kq=${value(at)}; Path=/`] })
          .get('https://www.shop.test/a', { resourceType: 'script', cookie: `kq=${value(at)}` })
          .get('https://www.shop.test/b', { resourceType: 'script', cookie: `kq=${value(at)}` }),
      ).get('kq')?.confidence;
    };
    const hexSeconds = (at: number) =>
      Math.floor(at / 1000)
        .toString(16)
        .padStart(8, '0');
    expect(page((at) => `007f0101480b${hexSeconds(at)}0bb8000c`)).toBeUndefined();
    expect(page((at) => `${hexSeconds(at)}5e1f0a2b9c3d4e5f`)).toBeUndefined();
    expect(page(() => '9f86d081884c7d659a2feaa0c55ad015')).toBe('possible');
    // A time of another day is no issue time: a random value may hold any eight digits.
    expect(page((at) => `007f0101480b${hexSeconds(at - 3 * 86_400_000)}0bb8000c`)).toBe('possible');
    // In decimal, the client's address and the time (Apache's mod_usertrack; Akamai's AnalysisUserId, nike.com in
    // audit 12: `23.205.118.93.193391603084616559`, the time after five digits): the same.
    const seconds = (at: number) => String(Math.floor(at / 1000));
    expect(page((at) => `23.205.118.93.19339${seconds(at)}559`)).toBeUndefined();
    expect(page((at) => `10.1.2.3.${seconds(at)}123456`)).toBeUndefined();
    expect(page(() => '23.205.118.93.19339987654321559')).toBe('possible');
    expect(page((at) => `23.205.118.93.19339${seconds(at - 3 * 86_400_000)}559`)).toBe('possible');
    // A session name keeps its own evidence, whatever its value holds.
    const named = trace();
    const at = named.nextTime;
    named
      .get('https://www.shop.test/', { cookie: '', setCookie: [`JSESSIONID=007f0101480b${hexSeconds(at)}0bb8000c`] })
      .get('https://www.shop.test/a', { cookie: `JSESSIONID=007f0101480b${hexSeconds(at)}0bb8000c` });
    expect(identify(named).get('JSESSIONID')?.confidence).toBe('likely');
  });

  it('a cookie that holds the time it was set (Unix seconds), issued at the login, is a timestamp, not a session', () => {
    // Icinga Web 2 sets `icingaweb2-session=<time()>` at the login beside its PHP session.
    const at = trace().nextTime;
    const names = identify(
      trace()
        .login('https://shop.test/login', [
          `icingaweb2-session=${Math.floor((at + 1000) / 1000)}; Path=/`,
          `sid=${ID.a}`,
        ])
        .get('https://shop.test/home', { cookie: `sid=${ID.a}` }),
    );
    expect(names.has('icingaweb2-session')).toBe(false);
    expect(names.has('sid')).toBe(true);
    // A number of ten digits that is no time near its setting stays judged as a (poor) ID.
    const numeric = identify(trace().login('https://shop.test/login', ['icingaweb2-session=1234567890; Path=/']));
    expect(numeric.has('icingaweb2-session')).toBe(true);
  });

  it("a number under a name that says it is a time is no ID (Amazon's session-id-time, its session's expiry)", () => {
    const names = identify(
      trace()
        .get('https://shop.test/', { cookie: 'session-id=262-4807355-2817439; session-id-time=2082787201l' })
        .get('https://shop.test/cart', { cookie: 'session-id=262-4807355-2817439; session-id-time=2082787201l' }),
    );
    expect([...names.keys()]).toEqual(['session-id']);
    // The same name holding a token is judged as any other.
    const token = identify(
      trace()
        .get('https://shop.test/', { cookie: '', setCookie: [`session-time=${ID.a}; Path=/`] })
        .get('https://shop.test/a', { cookie: `session-time=${ID.a}` })
        .get('https://shop.test/b', { cookie: `session-time=${ID.a}` }),
    );
    expect(token.has('session-time')).toBe(true);
  });

  it('an ID the login carried and its answer wrote back unchanged was not issued there (web.py writes it on every answer)', () => {
    const login = (answered: string) =>
      identify(
        trace()
          .get('https://shop.test/', { cookie: '', setCookie: [`sid=${ID.a}; Path=/`] })
          .post('https://shop.test/login', {
            cookie: `sid=${ID.a}`,
            form: { user: 'ann', password: 'pw' },
            setCookie: [`sid=${answered}; Path=/`],
            location: '/home',
          })
          .get('https://shop.test/home', { cookie: `sid=${answered}` }),
      ).get('sid')?.evidence;
    expect(login(ID.a)?.[0]).toBe('carried by the login at entry 1 (a POST carrying a password field)');
    expect(login(ID.b)?.[0]).toBe('issued in answer to the login at entry 1 (a POST carrying a password field)');
  });

  it("a cookie the login carried is not bound to it where its answer issued another token (a note app's Jwt-Token)", () => {
    // A real recording: `SESSION` set by the anonymous home page, the login answering with `Jwt-Token` and
    // `user_persistence`. Carried to the login, `SESSION` was certain, and its missing Secure a high.
    const login = (issued: string[]) =>
      identify(
        trace()
          .get('https://notes.test/', { cookie: '', setCookie: [`SESSION=${ID.a}; Path=/`] })
          .post('https://notes.test/api/login', {
            cookie: `SESSION=${ID.a}`,
            form: { phone: '1', password: 'pw' },
            setCookie: issued,
          })
          .get('https://notes.test/home', { cookie: `SESSION=${ID.a}` }),
      ).get('SESSION');
    const beside = login([`Jwt-Token=${ID.b}; Path=/`]);
    expect(beside?.confidence).toBe('likely');
    expect(beside?.evidence.join('; ')).not.toContain('carried by the login');
    // Issuing nothing else, or only what speaks against a session (an anti-forgery token, a word), the login is bound
    // to what it carried.
    expect(login([])?.confidence).toBe('certain');
    expect(login([`csrftoken=${ID.b}; Path=/`, 'lang=en; Path=/'])?.confidence).toBe('certain');
  });

  it('cookies named anew for each flow (a prefix and a random suffix, one value each) are no sessions', () => {
    // Microsoft sign-in's `esctx-<random>`: a dataset row calls the family a session's, yet each is one flow's
    // handle, set once and deleted a few requests later; a real sign-in showed twelve such lanes.
    const flows = (names: string[], values = 1) => {
      let b = trace().get('https://login.test/', { cookie: '' });
      const held = new Map<string, string>();
      const jar = () => [...held].map(([n, v]) => `${n}=${v}`).join('; ');
      names.forEach((name, n) => {
        for (let v = 0; v < values; v++) {
          const id = v === 0 ? ID.a : ID.b;
          b = b.get(`https://login.test/step${n}${v}`, { cookie: jar(), setCookie: [`${name}=${id}; Path=/`] });
          held.set(name, id);
          b = b
            .get(`https://login.test/next${n}${v}`, { cookie: jar() })
            .get(`https://login.test/again${n}${v}`, { cookie: jar() });
        }
      });
      return [...identify(b).keys()];
    };
    expect(flows(['hx-VsNC1fMVb9c', 'hx-CN7vODzy4PJI'])).toEqual([]);
    // Alone, or written several values (a store under a name with a hash in it), or a word after the prefix: judged as
    // any cookie.
    expect(flows(['hx-VsNC1fMVb9c'])).toEqual(['hx-VsNC1fMVb9c']);
    const hashed = ['auth-6f1b2c3d4e5f6071', 'auth-8293a4b5c6d7e8f9'];
    expect(flows(hashed, 2)).toEqual(hashed);
    expect(flows(hashed, 1)).toEqual([]);
    expect(flows(['hx-language', 'hx-timezone'])).toEqual(['hx-language', 'hx-timezone']);
    // Issued in answer to a login, it is that login's session (Jenkins' `JSESSIONID.<instance>` beside another
    // instance's on localhost).
    const atLogin = identify(
      trace()
        .get('https://login.test/', { cookie: '', setCookie: [`hx-VsNC1fMVb9c=${ID.a}; Path=/`] })
        .post('https://login.test/login', {
          cookie: `hx-VsNC1fMVb9c=${ID.a}`,
          form: { user: 'ann', password: 'pw' },
          setCookie: [`hx-CN7vODzy4PJI=${ID.b}; Path=/`],
          location: '/home',
        })
        .get('https://login.test/home', { cookie: `hx-VsNC1fMVb9c=${ID.a}; hx-CN7vODzy4PJI=${ID.b}` }),
    );
    expect(atLogin.get('hx-CN7vODzy4PJI')?.confidence).toBe('certain');
  });

  it("a login sent to another port of the host carries the application's cookie, but is another server's login", () => {
    // Cookies ignore ports: an identity provider on :8443 is sent the application's `app_session`, set by :443.
    const carried = (loginAt: string) =>
      identify(
        trace()
          .get('https://shop.test/', { cookie: '', setCookie: [`app_session=${ID.a}; Path=/`] })
          .post(`${loginAt}/login`, { cookie: `app_session=${ID.a}`, form: { user: 'ann', password: 'pw' } })
          .get('https://shop.test/home', { cookie: `app_session=${ID.a}` }),
      ).get('app_session');
    expect(carried('https://shop.test')?.confidence).toBe('certain');
    expect(carried('https://shop.test')?.evidence[0]).toBe(
      'carried by the login at entry 1 (a POST carrying a password field)',
    );
    expect(carried('https://shop.test:8443')?.confidence).not.toBe('certain');
    expect(carried('https://shop.test:8443')?.evidence.join('; ')).not.toContain('carried by the login');
  });

  it("a placeholder written over the token at the logout (LedgerSMB's `Login`) leaves it a token", () => {
    const names = identify(
      trace()
        .get('https://books.test/', { cookie: '', setCookie: [`ledger=${ID.a}; Path=/`] })
        .get('https://books.test/a', { cookie: `ledger=${ID.a}` })
        .get('https://books.test/b', { cookie: `ledger=${ID.a}` })
        .get('https://books.test/c', { cookie: `ledger=${ID.a}`, setCookie: ['ledger=Login; Path=/'] })
        .get('https://books.test/d', { cookie: 'ledger=Login' }),
    );
    expect(names.get('ledger')?.evidence.join('; ')).toContain('opaque token set by books.test');
  });

  it('a preference set at the login (a word, a time zone) is no session; an ID set beside it is', () => {
    const names = identify(
      trace()
        .login('https://shop.test/login', ['theme=dark; Path=/', 'tz=Europe%2FParis; Path=/', `sid=${ID.a}; Path=/`])
        .get('https://shop.test/home', { cookie: `theme=dark; tz=Europe%2FParis; sid=${ID.a}` }),
    );
    expect([...names.keys()]).toEqual(['sid']);
  });

  it("express-session's signed ID format speaks for a cookie of any name, as a known name does", () => {
    // AdminJS names express-session's cookie `adminjs`; its login keeps the ID (regenerate is not called).
    const signed = `s%3A${'Xk9_vQ2mTz7LrB4nW8yC1dFh'}.${'aB3dE5gH7jK9mN1pQ3sT5vW7yZ9bC1eF3hJ5kL7n%2Bop'}`;
    const admin = (value: string, login: boolean) => {
      let t = trace().get('https://shop.test/admin', { cookie: '', setCookie: [`adminjs=${value}; Path=/`] });
      if (login)
        t = t.post('https://shop.test/admin/login', {
          cookie: `adminjs=${value}`,
          form: { email: 'ann', password: 'pw' },
          location: '/admin',
        });
      return identify(t.get('https://shop.test/admin', { cookie: `adminjs=${value}` })).get('adminjs');
    };
    expect(admin(signed, true)?.confidence).toBe('certain');
    expect(admin(signed, true)?.evidence).toContain(
      "its value is a session ID in express-session's signed format (s:<ID>.<signature>)",
    );
    expect(admin(signed, false)?.confidence).toBe('likely');
    // A short value signed the same way (cookie-parser's signed cookies: a preference) is no ID's format.
    expect(admin(`s%3Adark.${'aB3dE5gH7jK9mN1pQ3sT5vW7yZ9bC1eF3hJ5kL7n%2Bop'}`, false)).toBeUndefined();
  });

  it("PHP's format for a session ID speaks for a cookie any session_name() gave it, as a known name does", () => {
    // ZenTao's `zentaosid`, carried by a password login (Fiddler, testligl/zentao_test_api): set before the recording.
    const carried = (value: string) =>
      identify(
        trace().post('http://127.0.0.1/zentao/user-login.html', {
          cookie: `lang=zh-cn; zentaosid=${value}`,
          form: { account: 'admin', password: 'pw' },
        }),
      ).get('zentaosid');
    const php = 'e3r590i5dkg87dgbrn2nm3q0q5';
    expect(carried(php)).toMatchObject({
      confidence: 'likely',
      evidence: ["its value is a session ID in PHP's format (26 characters of 0-9a-v)"],
    });
    // A letter past v, a character more or less, capitals, or PHP's older 32 hex digits (an MD5 of anything): no ID's format.
    for (const other of ['e3r590i5dkg87dgbrn2nm3q0qz', `${php}0`, php.slice(1), php.toUpperCase(), 'a'.repeat(32)])
      expect(carried(other)).toBeUndefined();
  });

  it("a cookie scoped, each time, to a path that names its value is one flow's handle, not a session", () => {
    // oidc-provider's `_interaction=<uid>; path=/interaction/<uid>`, issued in the redirect chain of its login.
    const flow = (path: (uid: string) => string) =>
      identify(
        trace()
          .login('https://id.test/interaction/start', [
            `_interaction=${ID.b}; Path=${path(ID.b)}; HttpOnly`,
            `sid=${ID.a}; Path=/; HttpOnly`,
          ])
          .get(`https://id.test/interaction/${ID.b}`, { cookie: `_interaction=${ID.b}; sid=${ID.a}` }),
      );
    const handle = flow((uid) => `/interaction/${uid}`);
    expect(handle.has('_interaction')).toBe(false);
    expect(handle.has('sid')).toBe(true);
    // Under a path that does not name it, the same cookie issued at the login is judged as any other.
    expect(flow(() => '/interaction').has('_interaction')).toBe(true);
  });

  it('a cookie whose name says it holds settings is a preference, though the login issued it', () => {
    // GOsa's `GOsa_Filter_Settings`: base64 JSON of the user's filters, written on the page the login redirects to.
    const filters = btoa(
      JSON.stringify({ 'uid=alice,ou=people,dc=example,dc=test': { CurrentMainBase: 'dc=example' } }),
    );
    const app = (name: string, sessionAtLogin = true) =>
      identify(
        (sessionAtLogin
          ? trace().login('https://app.test/index.php', [`GOsa=${ID.a}; path=/`], '/main.php')
          : trace()
              .get('https://app.test/', { setCookie: [`GOsa=${ID.a}; path=/`] })
              .post('https://app.test/index.php', {
                cookie: `GOsa=${ID.a}`,
                form: { user: 'ann', password: 'pw' },
                location: '/main.php',
              })
        )
          .get('https://app.test/main.php', {
            cookie: `GOsa=${ID.a}`,
            setCookie: [`${name}=${filters}; Max-Age=86400`],
          })
          .get('https://app.test/main.php', { cookie: `GOsa=${ID.a}; ${name}=${filters}` }),
      );
    const settings = app('GOsa_Filter_Settings');
    expect(settings.has('GOsa_Filter_Settings')).toBe(false);
    expect(settings.get('GOsa')?.confidence).toBe('certain');
    // Under a name that says nothing, beside the session the login issued: unsigned data, no session.
    expect(app('GOsa_Filter').has('GOsa_Filter')).toBe(false);
    // The only cookie the login's chain issued, under a name that says nothing: judged as a store.
    expect(app('GOsa_Filter', false).get('GOsa_Filter')?.confidence).toBe('certain');
    expect(app('GOsa_Filter_Settings', false).has('GOsa_Filter_Settings')).toBe(false);
    // A name that also says session keeps its say.
    expect(app('session_settings', false).has('session_settings')).toBe(true);
  });

  it('a token signed in a companion `<name>.sig` cookie, carried by a login, is the session that login kept', () => {
    // ThinkJS's think-session: `thinkjs=<uuid>` beside `thinkjs.sig`, set on the first page and never renewed: the
    // login carries it and answers with no Set-Cookie (a real fixation, HIGH only on a certain session).
    const uuid = 'caab40bf-2c1e-4e0b-9d6f-8e4f1b2a3c4d';
    const app = (companion: boolean) => {
      const sent = companion ? `thinkjs=${uuid}; thinkjs.sig=EdZH_iP-zWq3xY7kL9mN0pRsTuV` : `thinkjs=${uuid}`;
      const set = [`thinkjs=${uuid}; path=/; httponly`];
      if (companion) set.push('thinkjs.sig=EdZH_iP-zWq3xY7kL9mN0pRsTuV; path=/; httponly');
      return identify(
        trace()
          .get('https://app.test/', { cookie: '', setCookie: set })
          .get('https://app.test/', { cookie: sent })
          .post('https://app.test/login', { cookie: sent, form: { username: 'ann', password: 'pw' }, location: '/' })
          .get('https://app.test/', { cookie: sent }),
      );
    };
    const signed = app(true).get('thinkjs');
    expect(signed?.confidence).toBe('certain');
    expect(signed?.evidence).toContain('its token is signed in the companion cookie thinkjs.sig');
    expect(app(true).has('thinkjs.sig')).toBe(false);
    // Unsigned, the same token is only what its returns make it.
    expect(app(false).get('thinkjs')?.confidence).toBe('possible');
  });

  it("a cookie named, each time, for a value its redirect carries (an OAuth state) is one flow's handle, not a session", () => {
    // mod_auth_openidc sets `mod_auth_openidc_state_<state>` (an encrypted token) as it redirects to the provider
    // with `state=<state>`; the provider's answer brings the state back to the callback, which deletes the cookie
    // and issues the session. Carried by that sign-in response, the handle looked like the login's session.
    const state = 'b55ILyT8EVg9h07nGLmh6PspKO8';
    const flow = (name: string, redirect: string) =>
      identify(
        trace()
          .get('https://app.test/private/', {
            cookie: '',
            setCookie: [`${name}=${ID.a}${ID.b}; Path=/; HttpOnly`],
            location: redirect,
          })
          .get(`https://app.test/callback?code=${ID.c}&state=${state}`, {
            cookie: `${name}=${ID.a}${ID.b}`,
            setCookie: [
              `${name}=; Path=/; Expires=Thu, 01 Jan 1970 00:00:00 GMT`,
              `mod_auth_openidc_session=${ID.d}; Path=/`,
            ],
            location: '/private/',
          })
          .get('https://app.test/private/', { cookie: `mod_auth_openidc_session=${ID.d}` }),
      );
    const handle = flow(`mod_auth_openidc_state_${state}`, `https://id.test/auth?client_id=rp&state=${state}`);
    expect(handle.has(`mod_auth_openidc_state_${state}`)).toBe(false);
    expect(handle.get('mod_auth_openidc_session')?.confidence).toBe('certain');
    // The same cookie, its name holding no value of the redirect, is judged as any other.
    const other = 'mod_auth_openidc_state_Zx9Wq2Lm4Np6Rt8Vb0Cd3Fg5';
    expect(flow(other, `https://id.test/auth?client_id=rp&state=${state}`).has(other)).toBe(true);
  });

  it('a cookie set as a sign-in begins and deleted by its callback is that sign-in’s state, not a session', () => {
    // Spring Security's OAuth login (a real recording, audit 11): `oauth2_auth_request` holds the authorization request
    // serialized, set on the redirect to Google and deleted at the callback, which hands the app a token. Carried by
    // that sign-in response, under a name with `auth` in it, it was taken for the session (certain) and the callback
    // for a login that kept it (session-fixation), or for a server that cleared it (session-reset).
    const state = 'wVsMzHGv5qTim11M8WpdrtvVofavbMW5Ytuqwt1JPEY';
    const toGoogle = `https://accounts.google.test/o/oauth2/v2/auth?response_type=code&client_id=app&state=${state}`;
    const flow = (callbackSetCookie: string[], setOn = toGoogle) =>
      identify(
        trace()
          .get('http://localhost:8080/oauth2/authorize/google', {
            cookie: '',
            setCookie: [`oauth2_auth_request=${ID.a}${ID.b}; Max-Age=180; Path=/; HttpOnly`],
            status: 302,
            location: setOn,
          })
          .get(`http://localhost:8080/oauth2/callback/google?state=${state}&code=${ID.c}`, {
            cookie: `oauth2_auth_request=${ID.a}${ID.b}`,
            setCookie: callbackSetCookie,
            status: 302,
            location: `http://localhost:3000/oauth2/redirect?token=${ID.d}`,
          })
          .get('http://localhost:8080/user/me', { cookie: '' }),
      );
    const deletion = ['oauth2_auth_request=; Max-Age=0; Expires=Thu, 01-Jan-1970 00:00:10 GMT; Path=/'];
    expect(flow(deletion).has('oauth2_auth_request')).toBe(false);
    // Kept past the callback, the same cookie is judged as any other: the login carried it.
    expect(flow([]).get('oauth2_auth_request')?.confidence).toBe('certain');
    // Set on a page that began no sign-in and deleted at the login: no state of a sign-in, but no session the login
    // bound either (that outlives it), so the login's carrying it is no evidence; its name and token remain.
    expect(flow(deletion, '/login').get('oauth2_auth_request')?.confidence).toBe('likely');
  });

  it("numbers led by the time of their setting (a beacon's first visit, last visit, count) are timestamps too", () => {
    // Walmart's RUM beacon sets `_tap-lrB=<ms>:<ms>:1`, sent back on most of its requests.
    const at = trace().nextTime;
    const beacon = (value: string) =>
      identify(
        trace()
          .get('https://beacon.shop.test/rum.js', {
            cookie: '',
            setCookie: [`_tap-lrB=${value}; Path=/; Max-Age=1209600`],
          })
          .get('https://beacon.shop.test/rum.gif', { cookie: `_tap-lrB=${value}` })
          .get('https://beacon.shop.test/rum.gif', { cookie: `_tap-lrB=${value}` }),
      );
    expect(beacon(`${at}:${at + 1}:1`).has('_tap-lrB')).toBe(false);
    // A random ID after the time is no list of numbers: judged as before (an opaque token sent back).
    expect(beacon(`${at}:${ID.a}`).has('_tap-lrB')).toBe(true);
  });

  it('a token that is not sent back is not a session cookie', () => {
    const names = identify(
      trace()
        .get('https://shop.test/', { cookie: '', setCookie: [`tok=${ID.a}; Path=/`] })
        .get('https://shop.test/a', { cookie: '' })
        .get('https://shop.test/b', { cookie: '' }),
    );
    expect(names.has('tok')).toBe(false);
  });

  it('a short or guessable value is state, not a token', () => {
    const names = identify(
      trace()
        .get('https://shop.test/', { cookie: '', setCookie: ['cart=1234567890123456; Path=/', 'theme=dark; Path=/'] })
        .get('https://shop.test/a', { cookie: 'cart=1234567890123456; theme=dark' })
        .get('https://shop.test/b', { cookie: 'cart=1234567890123456; theme=dark' }),
    );
    expect(names.has('cart')).toBe(false);
    expect(names.has('theme')).toBe(false);
  });

  it('a value rewritten more than three times is state, not a session ID', () => {
    const ids = [ID.a, ID.b, ID.c, ID.d];
    let scenario = trace().get('https://shop.test/', { cookie: '', setCookie: [`tok=${ids[0]}; Path=/`] });
    for (let i = 1; i < ids.length; i++) {
      scenario = scenario.get(`https://shop.test/${i}`, {
        cookie: `tok=${ids[i - 1]}`,
        setCookie: [`tok=${ids[i]}; Path=/`],
      });
    }
    scenario = scenario.get('https://shop.test/last', { cookie: `tok=${ids[3]}` });
    expect(identify(scenario).has('tok')).toBe(false);
  });

  it('known non-session names (analytics, CSRF) never count, however random', () => {
    const names = identify(
      trace()
        .get('https://shop.test/', { cookie: '', setCookie: [`XSRF-TOKEN=${ID.a}; Path=/`, `__cf_bm=${ID.b}; Path=/`] })
        .get('https://shop.test/a', { cookie: `XSRF-TOKEN=${ID.a}; __cf_bm=${ID.b}` })
        .get('https://shop.test/b', { cookie: `XSRF-TOKEN=${ID.a}; __cf_bm=${ID.b}` }),
    );
    expect([...names.keys()]).toEqual([]);
  });

  it('the user’s marks win both ways, case-insensitively', () => {
    const scenario = trace().get('https://shop.test/', {
      cookie: '',
      setCookie: ['Pref=dark; Path=/', `sid=${ID.a}; Path=/`],
    });
    const names = identify(scenario, { sessionCookies: ['pref'], notSessionCookies: ['SID'] });
    expect(names.get('Pref')).toEqual({ confidence: 'certain', evidence: ['marked by the user'], against: [] });
    expect(names.has('sid')).toBe(false);
  });
});

describe('one name at two hosts: each lane is told the behaviour seen at the hosts it reaches', () => {
  // An identity provider and the application it signs in to, both on Django (`sessionid`), a Java pair (JSESSIONID):
  // the pre-pass keeps one record per name, and every lane was given the login and logout of either.
  const lanes = () =>
    trace()
      .login('https://shop.test/login', [`sessionid=${ID.a}; Path=/; Secure; HttpOnly`])
      .get('https://shop.test/home', { cookie: `sessionid=${ID.a}` })
      .get('https://help.test/', { cookie: '', setCookie: [`sessionid=${ID.b}; Path=/; Secure; HttpOnly`] })
      .get('https://help.test/faq', { cookie: `sessionid=${ID.b}` })
      .get('https://shop.test/logout', { cookie: `sessionid=${ID.a}`, setCookie: ['sessionid=; Max-Age=0; Path=/'] })
      .analyze()
      .sessions.map((s) => ({ origin: s.origin, confidence: s.confidence, evidence: s.evidence }));

  it("the site that logged in: certain, by its login and logout; the other: by the name only, not the first's login", () => {
    expect(lanes()).toEqual([
      {
        origin: 'https://shop.test',
        confidence: 'certain',
        evidence: [
          'issued in answer to the login at entry 1 (a POST carrying a password field)',
          'cleared at the logout at entry 5',
          'name matches sessionid',
        ],
      },
      { origin: 'https://help.test', confidence: 'likely', evidence: ['name matches sessionid'] },
    ]);
  });

  it("a token one site set and sent back is that site's; another site's cookie of the name is followed as possible, for its name", () => {
    const sessions = trace()
      .get('https://shop.test/', { cookie: '', setCookie: [`ztk=${ID.a}; Path=/; Secure; HttpOnly`] })
      .get('https://shop.test/a', { cookie: `ztk=${ID.a}` })
      .get('https://shop.test/b', { cookie: `ztk=${ID.a}` })
      .get('https://help.test/', { cookie: '', setCookie: [`ztk=${ID.b}; Path=/; Secure; HttpOnly`] })
      .analyze()
      .sessions.map((s) => [s.origin, s.confidence, s.evidence]);
    expect(sessions).toEqual([
      ['https://shop.test', 'possible', ['opaque token set by shop.test and sent back on 2 of 2 later requests']],
      ['https://help.test', 'possible', ["its name is a session cookie's at shop.test"]],
    ]);
  });

  it('two hosts of one site, each with its own host-only cookie: each lane its own login; a cookie both receive, both', () => {
    // A sign-in host and the application (Shibboleth's JSESSIONID and the app's): one site, two host-only cookies.
    const lanes = (appDomain: string) =>
      trace()
        .login('https://login.shop.test/form', [`JSESSIONID=${ID.a}; Path=/; Secure; HttpOnly`])
        .get('https://www.shop.test/', {
          cookie: '',
          setCookie: [`JSESSIONID=${ID.b}; ${appDomain}Path=/; Secure; HttpOnly`],
        })
        .get('https://www.shop.test/a', { cookie: `JSESSIONID=${ID.b}` })
        .analyze()
        .sessions.map((s) => [s.domain, s.confidence, s.evidence[0]]);
    expect(lanes('')).toEqual([
      ['login.shop.test', 'certain', 'issued in answer to the login at entry 1 (a POST carrying a password field)'],
      ['www.shop.test', 'likely', 'name matches JSESSIONID'],
    ]);
    // The application's cookie for the whole site reaches the sign-in host too: the name's own identity.
    expect(lanes('Domain=shop.test; ')).toEqual([
      ['login.shop.test', 'certain', 'issued in answer to the login at entry 1 (a POST carrying a password field)'],
      ['shop.test', 'certain', 'issued in answer to the login at entry 1 (a POST carrying a password field)'],
    ]);
  });

  it('a lane with nothing of its own names at most three of the hosts that made the name a session', () => {
    let b = trace();
    for (const host of ['a.test', 'b.test', 'c.test', 'd.test'])
      b = b.login(`https://${host}/login`, [`ztk=${ID.a}; Path=/; Secure; HttpOnly`]);
    const sessions = b
      .get('https://e.test/', { cookie: '', setCookie: [`ztk=${ID.b}; Path=/; Secure; HttpOnly`] })
      .analyze()
      .sessions.map((s) => [s.domain, s.confidence, s.evidence]);
    expect(sessions.at(-1)).toEqual([
      'e.test',
      'possible',
      ["its name is a session cookie's at a.test, b.test, c.test and 1 more"],
    ]);
  });

  it('the name stays a session cookie, identified as before (the record per name is one)', () => {
    const prepass = new TracePrepass(withDefaults({}));
    for (const event of trace()
      .login('https://shop.test/login', [`sessionid=${ID.a}; Path=/`])
      .get('https://help.test/', { cookie: '', setCookie: [`sessionid=${ID.b}; Path=/`] })
      .build().events)
      prepass.feed(event);
    const identity = prepass.finish().sessionNames.get('sessionid');
    expect(identity?.confidence).toBe('certain');
    expect(identity?.perHost?.hosts.get('shop.test')?.confidence).toBe('certain');
    expect(identity?.perHost?.elsewhere).toEqual({
      confidence: 'likely',
      evidence: ['name matches sessionid'],
      against: [],
    });
  });
});

describe('HostCache', () => {
  const hostOf = (url: string) => {
    try {
      return new URL(url).hostname;
    } catch {
      return '';
    }
  };

  it.each([
    'https://shop.test/a?b#c',
    'http://shop.test',
    'https://user:pw@shop.test:8443/x',
    'http:///shop.test/x',
    'http://shop.test\\x',
    'http://a.test /x',
    'http://a.te\tst/x',
    'https://[::1]:8443/',
    'https://127.1/',
    'https://xn--nxasmq6b.test/',
    'https://ÉCOLE.test/',
    'data:text/plain,x',
    'http://',
    'not a url',
  ])('%j has the host of a full parse, asked twice', (url) => {
    const cache = new HostCache();
    expect(cache.hostOf(url)).toBe(hostOf(url));
    expect(cache.hostOf(url)).toBe(hostOf(url));
  });

  it('agrees with a full parse on random URLs sharing authorities', () => {
    const cache = new HostCache();
    const part = fc.stringMatching(/^[a-c.:@/\\?# \t%0-9[\]]{0,10}$/);
    fc.assert(
      fc.property(fc.constantFrom('http://', 'https://', 'http:/', 'HTTP://'), part, part, (scheme, a, b) => {
        const url = `${scheme}${a}${b}`;
        expect(cache.hostOf(url)).toBe(hostOf(url));
      }),
      { numRuns: 3000 },
    );
  });
});
