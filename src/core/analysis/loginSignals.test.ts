// Login and logout recognition from traffic (RULES.md, end of the lifecycle rules).
import { describe, expect, it } from 'vitest';
import { findingsOf, ID, trace } from '../../../test/helpers/traceBuilder.ts';
import type { TraceEntry } from '../trace/types.ts';
import { isLogoutRequest, LoginDetector, loginFailed } from './loginSignals.ts';

function entries(b: ReturnType<typeof trace>): TraceEntry[] {
  return b.build().events.flatMap((e) => (e.kind === 'entry' ? [e.entry] : []));
}

function signals(b: ReturnType<typeof trace>): (string | undefined)[] {
  const detector = new LoginDetector();
  return entries(b).map((e) => detector.detect(e, new URL(e.request.url).origin));
}

describe('LoginDetector', () => {
  it.each([
    'password',
    'passwd',
    'pwd',
    'credentials[password]',
    'user_pass',
    // Rails and Devise, ASP.NET Core Identity, Symfony, Java EE form login.
    'user[password]',
    'session[password]',
    'Input.Password',
    '_password',
    'j_password',
    // MediaWiki, ASP.NET Web Forms (its Login control, and a text box named in Hungarian notation), JSF.
    'wpPassword',
    'ctl00$MainContent$LoginUser$Password',
    'txtPassword',
    'loginForm:password',
    // Apache2::AuthCookie's login form numbers its credentials.
    'credential_1',
  ])('a POST with a password-like field "%s" is a login', (field) => {
    expect(signals(trace().post('https://shop.test/login', { form: { user: 'ann', [field]: 'x' } }))).toEqual([
      'password-post',
    ]);
  });

  it("a password under an application's prefix, beside a user name of the same prefix in a short form, is a login", () => {
    const post = (form: Record<string, string>) => signals(trace().post('https://shop.test/dologin', { form }));
    // Apache httpd's mod_auth_form; phpMyAdmin's login form (six fields).
    expect(post({ httpd_username: 'ann', httpd_password: 'x', httpd_location: '/private/' })).toEqual([
      'password-post',
    ]);
    const pma = { route: '/', token: 't', set_session: 's', pma_username: 'ann', pma_password: 'x', server: '1' };
    expect(post(pma)).toEqual(['password-post']);
    const body = { text: new URLSearchParams(pma).toString(), mimeType: 'application/x-www-form-urlencoded' };
    expect(signals(trace().post('https://shop.test/index.php', { body }))).toEqual(['password-post']);
    // No user name of its prefix, or a settings page saving a mail server's account among many fields: no login.
    expect(post({ user: 'ann', httpd_password: 'x' })).toEqual([undefined]);
    const settings = { site_name: 'Shop', site_url: 'https://shop.test', smtp_host: 'mail', smtp_port: '587' };
    const mail = { ...settings, smtp_username: 'shop', smtp_password: 'x', smtp_secure: 'tls', from_email: 'a@b.c' };
    expect(signals(trace().post('https://shop.test/admin/settings', { form: mail }))).toEqual([undefined]);
    expect(post({ new_username: 'ann', new_password: 'x' })).toEqual([undefined]);
  });

  it('a form posted to a login page by a button captioned as a login is a login, whatever its fields are named', () => {
    // Fossil's login form: `u`, `p`, its button `in=Login`, a captcha seed.
    const form = { g: '', u: 'ann', p: 'x', cs: '123', in: 'Login' };
    expect(signals(trace().post('https://scm.test/login', { form }))).toEqual(['password-post']);
    expect(signals(trace().post('https://scm.test/login', { form: { ...form, in: 'Sign in' } }))).toEqual([
      'password-post',
    ]);
    // Not its logout button, not a page that is no login page, not a button alone.
    expect(signals(trace().post('https://scm.test/login', { form: { out: 'Logout' } }))).toEqual([undefined]);
    expect(signals(trace().post('https://scm.test/settings', { form }))).toEqual([undefined]);
    expect(signals(trace().post('https://scm.test/login', { form: { in: 'Login' } }))).toEqual([undefined]);
  });

  it('a form whose operation field names a login is a login wherever it is posted, with a name and a password filled in', () => {
    // DokuWiki's login form: `u`, `p`, posted to the page it was opened on with `do=login`.
    const form = { sectok: '', id: 'start', do: 'login', u: 'ann', p: 'x' };
    expect(signals(trace().post('https://wiki.test/doku.php?id=start', { form }))).toEqual(['password-post']);
    expect(
      signals(trace().post('https://app.test/index.php', { form: { action: 'signIn', user: 'ann', pw: 'x' } })),
    ).toEqual(['password-post']);
    // Not with one field filled beside it (a form that only asks which page to show), not under a name that is no
    // operation's (an address to go to next), not a logout, not in a form of many fields.
    expect(signals(trace().post('https://wiki.test/doku.php', { form: { do: 'login', id: 'start' } }))).toEqual([
      undefined,
    ]);
    expect(signals(trace().post('https://wiki.test/doku.php', { form: { next: 'login', u: 'ann', p: 'x' } }))).toEqual([
      undefined,
    ]);
    expect(signals(trace().post('https://wiki.test/doku.php', { form: { do: 'logout', u: 'ann', p: 'x' } }))).toEqual([
      undefined,
    ]);
    const many = Object.fromEntries(Array.from({ length: 12 }, (_, i) => [`f${i}`, 'v']));
    expect(signals(trace().post('https://wiki.test/doku.php', { form: { ...many, do: 'login' } }))).toEqual([
      undefined,
    ]);
  });

  it("a login page's button that starts a single sign-on (a redirect to the provider's sign-in request) is no login", () => {
    const form = { provider: 'corp', action: 'Sign in' };
    const sso = 'https://idp.test/authorize?response_type=code&client_id=app&state=s';
    expect(signals(trace().post('https://app.test/login', { form, location: sso }))).toEqual([undefined]);
  });

  it('posted to a login page, a prefixed pair may sit among more fields, and the password be `<prefix>_pass`', () => {
    // Horde's login form: eight fields, `horde_user` and `horde_pass`, posted to /login.php.
    const horde = {
      app: '',
      login_post: '1',
      url: '',
      anchor_string: '',
      horde_user: 'ann',
      horde_pass: 'x',
      horde_select_view: 'auto',
      new_lang: 'en_US',
    };
    expect(signals(trace().post('https://mail.test/login.php', { form: horde }))).toEqual(['password-post']);
    // The same fields saved by a settings page: no login.
    expect(signals(trace().post('https://mail.test/settings.php', { form: horde }))).toEqual([undefined]);
  });

  it("a JSON-RPC call of a login operation with its arguments is a password POST (Deluge's auth.login)", () => {
    const rpc = (method: string, params: unknown) => {
      const body = { text: JSON.stringify({ method, params, id: 1 }), mimeType: 'application/json' };
      return signals(trace().post('https://box.test/json', { body }));
    };
    expect(rpc('auth.login', ['secret'])).toEqual(['password-post']);
    expect(rpc('user.signIn', { user: 'ann', key: 'x' })).toEqual(['password-post']);
    // Arguments that name their fields carry credentials under a secret's name only: Tryton's web client asks
    // `common.db.login` with the user name alone for the prompt to show, then with the password.
    expect(rpc('common.db.login', ['alice', { device_cookie: null }, 'en'])).toEqual([undefined]);
    expect(rpc('common.db.login', ['alice', { device_cookie: null, password: 'pw' }, 'en'])).toEqual(['password-post']);
    expect(rpc('common.db.login', ['alice', { remember: true, locale: 'en' }])).toEqual([undefined]);
    expect(rpc('common.db.login', ['alice', { api_token: 'x' }])).toEqual(['password-post']);
    // No arguments, or another operation: no login.
    expect(rpc('auth.login', [])).toEqual([undefined]);
    expect(rpc('auth.check_session', ['x'])).toEqual([undefined]);
    expect(rpc('web.login_history', ['x'])).toEqual([undefined]);
  });

  it('a form whose password fields are posted empty is no login (a preferences page, its Logout button)', () => {
    // ikiwiki's preferences form holds `password` and `confirm_password`; its Logout button posts them empty.
    const form = { do: 'prefs', sid: 'abc', password: '', confirm_password: '', _submit: 'Logout' };
    expect(signals(trace().post('https://wiki.test/ikiwiki.cgi', { form }))).toEqual([undefined]);
    const body = { text: new URLSearchParams(form).toString(), mimeType: 'application/x-www-form-urlencoded' };
    const [entry] = entries(trace().post('https://wiki.test/ikiwiki.cgi', { body }));
    const { params: _params, ...textOnly } = entry!.request.postData!;
    const withoutParams = { ...entry!, request: { ...entry!.request, postData: textOnly } };
    expect(new LoginDetector().detect(withoutParams, 'https://wiki.test')).toBeUndefined();
    // One password filled in is a login.
    expect(signals(trace().post('https://wiki.test/login', { form: { ...form, password: 'x' } }))).toEqual([
      'password-post',
    ]);
  });

  it("a JSON body whose password fields are empty is no login (an API call's optional password of a document)", () => {
    // A real recording: a note app's `POST /api/document/edit/get` with `{"docId": …, "password": ""}`, 40 s after
    // the user's login, was a login that kept the session (a high session-fixation).
    const json = (body: object) => ({ text: JSON.stringify(body), mimeType: 'application/json' });
    const post = (body: object) =>
      signals(trace().post('https://notes.test/api/document/edit/get', { body: json(body) }));
    expect(post({ docId: '4qBvWxMIq9e', password: '' })).toEqual([undefined]);
    expect(post({ docId: '4qBvWxMIq9e', user: { password: '' } })).toEqual([undefined]);
    // Filled in, or a number (no text to judge empty), it is a login.
    expect(post({ phone: '173', password: 'x' })).toEqual(['password-post']);
    expect(post({ phone: '173', password: 123456 })).toEqual(['password-post']);
  });

  it.each(['user[password]', 'Input.Password', '_password', 'j_password'])(
    'a POST whose HAR params alone name "%s" (no body text) is a login',
    (field) => {
      const [entry] = entries(trace().post('https://shop.test/login', { form: { user: 'ann', [field]: 'x' } }));
      const { text: _text, ...paramsOnly } = entry!.request.postData!;
      const withoutText = { ...entry!, request: { ...entry!.request, postData: paramsOnly } };
      expect(new LoginDetector().detect(withoutText, 'https://shop.test')).toBe('password-post');
    },
  );

  it.each(['user[password]', 'Input.Password', '_password', 'j_password', 'password', 'wpPassword', 'a$b$Password'])(
    'a POST whose urlencoded text alone carries "%s" is a login',
    (field) => {
      const text = new URLSearchParams({ user: 'ann', [field]: 'x' }).toString();
      const body = { text, mimeType: 'application/x-www-form-urlencoded' };
      expect(signals(trace().post('https://shop.test/login', { body }))).toEqual(['password-post']);
    },
  );

  /** A multipart body as a HAR keeps it: the text, no params (FormData posted by fetch, enctype multipart/form-data). */
  const multipart = (fields: Record<string, string>) => ({
    mimeType: 'multipart/form-data; boundary=----formdata-7MA4YWxk',
    text: `${Object.entries(fields)
      .map(
        ([name, value]) =>
          `------formdata-7MA4YWxk\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`,
      )
      .join('')}------formdata-7MA4YWxk--\r\n`,
  });

  it.each(['password', 'user[password]', 'Input.Password', 'j_password', 'wpPassword', 'ctl00$Main$Password'])(
    'a POST whose multipart text carries "%s" is a login',
    (field) => {
      expect(
        signals(trace().post('https://shop.test/login', { body: multipart({ user: 'ann', [field]: 'x' }) })),
      ).toEqual(['password-post']);
    },
  );

  it.each([
    'new_password',
    'current_password',
    'confirm_password',
    'old_password',
    'password_confirmation_hint',
    'user[passport]',
    'bypass',
    'newPassword',
    'confirmPassword',
  ])('a POST with "%s" and no password field is no login', (field) => {
    const form = { user: 'ann', [field]: 'x' };
    const text = new URLSearchParams(form).toString();
    expect(signals(trace().post('https://shop.test/account', { form }))).toEqual([undefined]);
    const body = { text, mimeType: 'application/x-www-form-urlencoded' };
    expect(signals(trace().post('https://shop.test/account', { body }))).toEqual([undefined]);
    expect(signals(trace().post('https://shop.test/account', { body: multipart(form) }))).toEqual([undefined]);
  });

  it('a JSON body with a camel-case password key is a login; with a new password being chosen it is not', () => {
    const json = (body: object) => ({ text: JSON.stringify(body), mimeType: 'application/json' });
    expect(
      signals(trace().post('https://shop.test/api/login', { body: json({ userName: 'a', userPassword: 'x' }) })),
    ).toEqual(['password-post']);
    expect(
      signals(trace().post('https://shop.test/api/me', { body: json({ newPassword: 'x', confirmPassword: 'x' }) })),
    ).toEqual([undefined]);
  });

  it('a GET with a password in the query, or a POST without one, is no login', () => {
    expect(
      signals(
        trace()
          .get('https://shop.test/login?password=x')
          .post('https://shop.test/cart', { form: { qty: '1' } }),
      ),
    ).toEqual([undefined, undefined]);
  });

  it("an identity provider's sign-in response is a login: OAuth's code and state, OpenID Connect's form_post, SAML", () => {
    const code = '4/0AeanS0ZxQ7pW9f2Kx8';
    const state = 'Hx81kQa9ZmP2vL7c';
    const saml = { SAMLResponse: 'PHNhbWxwOlJlc3BvbnNlIHhtbG5zOnNhbWxwPSJ1cm46b2FzaXM6bmFtZXM', RelayState: '/' };
    expect(
      signals(
        trace()
          .get(`https://app.test/auth/callback?code=${encodeURIComponent(code)}&state=${state}`, { status: 302 })
          .post('https://app.test/signin-oidc', { form: { id_token: 'eyJhbGciOiJSUzI1NiJ9.e30.c2ln', state } })
          .post('https://app.test/saml/acs', { form: saml, status: 302 })
          .post('https://app.test/oauth/callback', { body: { text: `code=${code}&state=${state}`, mimeType: 'x' } }),
      ),
    ).toEqual(['sign-in-response', 'sign-in-response', 'sign-in-response', 'sign-in-response']);
  });

  it('a query or form with short code and state values, or a failed callback, is no sign-in response', () => {
    expect(
      signals(
        trace()
          .get('https://shop.test/stores?code=NY&state=NY')
          .post('https://shop.test/address', { form: { code: '10001', state: 'NY' } })
          .get('https://app.test/auth/callback?code=4%2F0AeanS0ZxQ7pW9f2Kx8&state=Hx81kQa9ZmP2vL7c', { status: 400 })
          .post('https://app.test/saml/acs', { form: { SAMLResponse: '' } }),
      ),
    ).toEqual([undefined, undefined, undefined, undefined]);
  });

  it('an Authorization header is a login the first time it appears on an origin (and succeeds)', () => {
    const auth = { headers: { Authorization: 'Basic YW5uOnB3' } };
    expect(
      signals(
        trace()
          .get('https://api.test/public')
          .get('https://api.test/me', auth)
          .get('https://api.test/orders', auth)
          .get('https://other.test/me', { ...auth, resourceType: 'fetch' }),
      ),
    ).toEqual([undefined, 'authorization-header', undefined, 'authorization-header']);
  });

  it("the browser's credentials on its first request to an origin were cached before the recording: no login", () => {
    // A 2012 recording of a staging site behind a Basic gate: every request from the first carried the same
    // credentials, and the Tomcat session its first answer set was "certain" (issued at that login), high findings.
    const auth = { headers: { Authorization: 'Basic ZWNhOmVjYQ==' } };
    expect(
      signals(
        trace()
          .get('http://staging.test/', auth)
          .get('http://staging.test/app.js', { ...auth, resourceType: 'script' })
          .get('http://staging.test/booking', auth),
      ),
    ).toEqual([undefined, undefined, undefined]);
    // A page's script sending them first is logging in; so is the browser once the origin was reached without them.
    expect(signals(trace().get('https://api.test/login', { ...auth, resourceType: 'xhr' }))).toEqual([
      'authorization-header',
    ]);
    expect(signals(trace().get('https://app.test/').get('https://app.test/admin', auth))).toEqual([
      undefined,
      'authorization-header',
    ]);
  });

  it('credentials refused first (a wrong password sent from script, 401 with no challenge), then accepted: a login there', () => {
    // Cockpit's login page sends each try as Basic credentials to /cockpit/login.
    const wrong = { headers: { Authorization: 'Basic YW5uOndyb25n' }, status: 401 };
    const right = { headers: { Authorization: 'Basic YW5uOnB3' } };
    expect(
      signals(
        trace()
          .get('https://box.test/cockpit/login', wrong)
          .get('https://box.test/cockpit/login', right)
          .get('https://box.test/cockpit/login', right),
      ),
    ).toEqual([undefined, 'authorization-header', undefined]);
  });

  it("credentials in a script request's URL (XMLHttpRequest.open with a user and password) are an Authorization", () => {
    // LedgerSMB's login page: the browser sends them as Basic credentials, which the recorded headers do not show.
    expect(
      signals(
        trace()
          .get('http://alice:wrong@books.test/login.pl?action=authenticate', { status: 401, resourceType: 'xhr' })
          .get('http://alice:secret@books.test/login.pl?action=authenticate', { resourceType: 'xhr' })
          .get('http://books.test/menu.pl'),
      ),
    ).toEqual([undefined, 'authorization-header', undefined]);
    // After a logout at the origin, the credentials it accepts next are a login again (Buildbot's second login).
    const detector = new LoginDetector();
    const [first, logout, again] = entries(
      trace()
        .get('https://ci.test/auth/login', {
          headers: { authorization: `Basic ${btoa('ann:pw')}` },
          resourceType: 'fetch',
        })
        .get('https://ci.test/auth/logout')
        .get('https://ci.test/auth/login', {
          headers: { authorization: `Basic ${btoa('ann:pw')}` },
          resourceType: 'fetch',
        }),
    );
    expect(detector.detect(first!, 'https://ci.test')).toBe('authorization-header');
    expect(detector.detect(logout!, 'https://ci.test')).toBeUndefined();
    detector.noteLogout('https://ci.test');
    expect(detector.detect(again!, 'https://ci.test')).toBe('authorization-header');
    // A logout is no login: Fauxton's DELETE /_session goes to `_:_@host` to make the browser forget its credentials.
    expect(
      signals(
        trace()
          .request('DELETE', 'http://_:_@couch.test/_session', { resourceType: 'xhr' })
          .get('http://alice:secret@couch.test/_session', { resourceType: 'xhr' }),
      ),
    ).toEqual([undefined, 'authorization-header']);
    // A user name alone, an @ in the path or the query, or an empty password is no credentials.
    for (const url of [
      'https://alice@app.test/me',
      'https://app.test/users/@alice:team',
      'https://app.test/mail?to=a:b@c.test',
      'https://alice:@app.test/me',
    ])
      expect(signals(trace().get(url))).toEqual([undefined]);
  });

  it('a success right after a 401 on the same origin is a login', () => {
    expect(
      signals(
        trace()
          .get('https://shop.test/admin', { status: 401, responseHeaders: { 'WWW-Authenticate': 'Basic realm="a"' } })
          .get('https://shop.test/admin', { status: 200 }),
      ),
    ).toEqual([undefined, 'after-401']);
  });

  it('the credentials a browser sends after the success that answered its challenge are the same login', () => {
    // Chromium records the headers of the request before its dialog: Syncthing's accepted retry shows no
    // Authorization, the next request does. One login, at the success.
    const basic = { Authorization: 'Basic YWxpY2U6c2VjcmV0' };
    expect(
      signals(
        trace()
          .get('https://sync.test/', { status: 401, responseHeaders: { 'WWW-Authenticate': 'Basic realm="a"' } })
          .get('https://sync.test/', { status: 200 })
          .get('https://sync.test/rest/status', { headers: basic })
          .get('https://other.test/', { headers: basic, resourceType: 'fetch' }),
      ),
    ).toEqual([undefined, 'after-401', undefined, 'authorization-header']);
  });

  it("a challenge answered again on an origin that had accepted the credentials is no new login (NTLM's connections)", () => {
    // NTLM and Negotiate challenge each new connection: a LoadRunner replay of an intranet app read each handshake as a
    // login that "kept" the session (fixation, high). The first is the login.
    const challenge = { status: 401, responseHeaders: { 'WWW-Authenticate': 'NTLM' } };
    const ntlm = { headers: { Authorization: 'NTLM TlRMTVNTUAADAAAA' } };
    expect(
      signals(
        trace()
          .get('http://intranet.test/app', challenge)
          .get('http://intranet.test/app', ntlm)
          .get('http://intranet.test/app/util.js', { ...challenge, resourceType: 'script' })
          .get('http://intranet.test/app/util.js', { ...ntlm, resourceType: 'script' }),
      ),
    ).toEqual([undefined, 'authorization-header', undefined, undefined]);
    // After a logout, the next accepted challenge is a login again.
    const detector = new LoginDetector();
    const [challenged, answered] = entries(
      trace().get('http://intranet.test/app', challenge).get('http://intranet.test/app', { status: 200 }),
    );
    expect(detector.detect(challenged!, 'http://intranet.test')).toBeUndefined();
    expect(detector.detect(answered!, 'http://intranet.test')).toBe('after-401');
    detector.noteLogout('http://intranet.test');
    expect(detector.detect(challenged!, 'http://intranet.test')).toBeUndefined();
    expect(detector.detect(answered!, 'http://intranet.test')).toBe('after-401');
  });

  it("a success after a challenge only a script answers (Bearer) is no login; one among the browser's schemes is", () => {
    const signalAfter = (challenge: string, next = 'https://red.test/settings') =>
      signals(
        trace()
          .get('https://red.test/settings', { status: 401, responseHeaders: { 'WWW-Authenticate': challenge } })
          .get(next, { status: 200 }),
      )[1];
    // Node-RED's API answers a request without its token so.
    expect(signalAfter('Bearer realm="Users"')).toBeUndefined();
    expect(signalAfter('Bearer realm="Basic Users"')).toBeUndefined();
    expect(signalAfter('Negotiate, Basic realm="intranet"')).toBe('after-401');
    expect(signalAfter('Digest realm="a", qop="auth", nonce="n"')).toBe('after-401');
    expect(signalAfter('NTLM')).toBe('after-401');
    // Another request after the challenge is not the browser sending it again with credentials: the page an app
    // opens once the user closed the dialog (LedgerSMB's login form), Node-RED's login prompts.
    expect(signalAfter('Basic realm="a"', 'https://red.test/login.pl')).toBeUndefined();
  });

  it('the challenged request sent again with credentials is the login, whatever was fetched while the dialog waited', () => {
    const basic = { status: 401, responseHeaders: { 'WWW-Authenticate': 'Basic realm="a"' } };
    expect(
      signals(
        trace()
          .get('https://sync.test/', basic)
          .get('https://sync.test/favicon.ico', { ...basic, resourceType: 'other' })
          .get('https://sync.test/', { status: 200 }),
      ),
    ).toEqual([undefined, undefined, 'after-401']);
    // CUPS: the 401 page's public stylesheet (200) and the favicon's 404 come between the challenge and the retry.
    expect(
      signals(
        trace()
          .get('https://cups.test/admin', basic)
          .get('https://cups.test/cups.css', { status: 200, resourceType: 'stylesheet' })
          .get('https://cups.test/favicon.ico', { status: 404, resourceType: 'other' })
          .get('https://cups.test/admin', { status: 200 }),
      )[3],
    ).toBe('after-401');
    // A page shown between ends the challenge: the same address answered later is no retry of it.
    expect(
      signals(
        trace()
          .get('https://sync.test/', basic)
          .get('https://sync.test/help', { status: 200 })
          .get('https://sync.test/', { status: 200 }),
      )[2],
    ).toBeUndefined();
  });

  it('a page after a failed form login (a 401 without an HTTP authentication challenge) is no login', () => {
    expect(
      signals(
        trace()
          .post('https://shop.test/login', { form: { user: 'ann' }, status: 401 })
          .get('https://shop.test/login'),
      ),
    ).toEqual([undefined, undefined]);
  });

  it('a new authentication cookie is a login; its deletion is not', () => {
    expect(
      signals(
        trace()
          .get('https://shop.test/cb', { setCookie: ['auth_token=abc; Path=/'] })
          .get('https://shop.test/out', { setCookie: ['auth_token=abc; Max-Age=0; Path=/'] })
          .get('https://shop.test/out2', { setCookie: ['auth_token=; Path=/'] }),
      ),
    ).toEqual(['auth-cookie', undefined, undefined]);
  });

  it('an authentication cookie set to say no one is signed in, or written to delete it, is no login', () => {
    // GitHub sets `logged_in=no` on every anonymous page and `logged_in=yes` at a login; PHP deletes with `deleted`.
    expect(
      signals(
        trace()
          .get('https://code.test/', { setCookie: ['logged_in=no; Path=/; Secure; HttpOnly'] })
          .get('https://code.test/about', { setCookie: ['auth=false; Path=/'] })
          .get('https://code.test/bye', { setCookie: ['token=deleted; Expires=Thu, 01-Jan-1970 00:00:01 GMT; Path=/'] })
          .get('https://code.test/in', { setCookie: ['logged_in=yes; Path=/; Secure; HttpOnly'] }),
      ),
    ).toEqual([undefined, undefined, undefined, 'auth-cookie']);
  });

  it("a remember-me login (Spring Security's persistent token, renewed with the new session) is a login", () => {
    // The session expired on the server; the remember-me cookie logs the user in again and is itself renewed.
    const result = trace()
      .post('https://bank.test/login', {
        cookie: '',
        form: { username: 'ann', password: 'hunter2', 'remember-me': 'on' },
        location: '/',
        setCookie: [`JSESSIONID=${ID.a}; Path=/; Secure; HttpOnly`, `remember-me=${ID.b}; Max-Age=1209600; Path=/`],
      })
      .get('https://bank.test/', { cookie: `JSESSIONID=${ID.a}; remember-me=${ID.b}` })
      .wait(3_600_000)
      .get('https://bank.test/accounts', {
        cookie: `JSESSIONID=${ID.a}; remember-me=${ID.b}`,
        setCookie: [`JSESSIONID=${ID.c}; Path=/; Secure; HttpOnly`, `remember-me=${ID.d}; Max-Age=1209600; Path=/`],
      })
      .analyze();
    expect(findingsOf(result, 'session-rotated').map((f) => [f.cookie, f.entry])).toEqual([
      ['JSESSIONID', 2],
      ['remember-me', 2],
    ]);
    expect(findingsOf(result, 'session-reset')).toEqual([]);
  });
});

describe('loginFailed', () => {
  const answered = (url: string, location: string) =>
    entries(
      trace().post(url, {
        form: { user: 'ann', password: 'hunter2' },
        status: 302,
        responseHeaders: { Location: location },
      }),
    )[0]!;

  it('a login redirected back to its own page (its query kept or added to) is the form shown again', () => {
    expect(loginFailed(answered('https://shop.test/login', '/login?error=1'))).toBe(true);
    expect(loginFailed(answered('https://shop.test/login?next=/cart', '/login?next=/cart&error=1'))).toBe(true);
    expect(loginFailed(answered('https://shop.test/session', '/session/new'))).toBe(true);
  });

  it("a login redirected to another route of one script is a success (Roundcube's /?_task=login → /?_task=mail)", () => {
    expect(loginFailed(answered('https://mail.test/?_task=login', '/?_task=mail&_token=sBQeNcseXo9a'))).toBe(false);
    expect(loginFailed(answered('https://shop.test/login', '/account'))).toBe(false);
  });

  it('a login redirected to an address with a random token after its login word is a success (SqWebMail)', () => {
    const session = '/cgi-bin/sqwebmail/login/alice/E20D33A48DFBE37E865EE32B16890B95/1796467032?folder=INBOX';
    expect(loginFailed(answered('https://mail.test/cgi-bin/sqwebmail', session))).toBe(false);
    expect(loginFailed(answered('https://mail.test/cgi-bin/sqwebmail', '/cgi-bin/sqwebmail/login/alice'))).toBe(true);
  });
});

describe('isLogoutRequest', () => {
  it.each(['/logout', '/account/log-out', '/users/sign_out', '/signoff', '/auth/Logout?next=/'])(
    '%s is a logout',
    (path) => {
      expect(isLogoutRequest(entries(trace().get(`https://shop.test${path}`))[0]!)).toBe(true);
    },
  );

  it.each([
    '/wp-login.php?action=logout&_wpnonce=6f2a9c1d0e',
    '/index.php?option=com_users&task=user.logout',
    '/doku.php?id=start&do=logout',
    '/portal?logout',
    '/app?SignOff=1',
    // A route in the query: phpMyAdmin, Drupal without clean URLs, Yii.
    '/index.php?route=/logout',
    '/index.php?q=user/logout',
    '/index.php?r=site/logout',
    // The token that guards a logout, sent only to ask for one: Horde's.
    '/login.php?horde_logout_token=IKIP_ab6kTwn8w2xNu7Or6w&logout_reason=4',
    '/account?logout_token=3f9a',
  ])('%s (a query that asks for a logout) is a logout', (path) => {
    expect(isLogoutRequest(entries(trace().get(`https://shop.test${path}`))[0]!)).toBe(true);
  });

  it.each([
    '/login',
    '/catalogue',
    '/blog/logouts-explained',
    '/help?next=/logout-help',
    '/wp-login.php?action=login',
    // Where to go after a login, not the page asked for.
    '/login?next=/logout',
    '/login?redirect_to=/account/logout',
    '/login?logout_reason=timeout',
  ])('%s is not', (path) => {
    expect(isLogoutRequest(entries(trace().get(`https://shop.test${path}`))[0]!)).toBe(false);
  });

  it.each(['image', 'font', 'stylesheet', 'script', 'media'] as const)(
    'a %s fetched from a path that names a logout is none (the icon of a logout link)',
    (resourceType) => {
      const get = trace().get('https://shop.test/themes/graphics/logout.png', { resourceType });
      expect(isLogoutRequest(entries(get)[0]!)).toBe(false);
    },
  );

  it('a document, a script call or a beacon to that path still is', () => {
    for (const resourceType of ['document', 'fetch', 'xhr', 'ping'] as const)
      expect(isLogoutRequest(entries(trace().get('https://shop.test/logout', { resourceType }))[0]!)).toBe(true);
  });

  it.each(['/session', '/sessions/42', '/api/auth/session/', '/_session', '/api/v1/login', '/api/auth'])(
    'DELETE %s (the session resource) is a logout',
    (path) => {
      expect(isLogoutRequest(entries(trace().request('DELETE', `https://shop.test${path}`))[0]!)).toBe(true);
    },
  );

  it("a form's POST with the method override _method=delete is a DELETE (Rails, Laravel, Symfony forms)", () => {
    const form = trace().post('https://shop.test/session', { form: { _method: 'delete', authenticity_token: 't' } });
    expect(isLogoutRequest(entries(form)[0]!)).toBe(true);
    // The HAR's params alone (an exporter that kept no body text).
    const [entry] = entries(form);
    const { text: _text, ...paramsOnly } = entry!.request.postData!;
    expect(isLogoutRequest({ ...entry!, request: { ...entry!.request, postData: paramsOnly } })).toBe(true);
    const body = { text: 'authenticity_token=t&_method=DELETE', mimeType: 'application/x-www-form-urlencoded' };
    expect(isLogoutRequest(entries(trace().post('https://shop.test/sessions/42', { body }))[0]!)).toBe(true);
  });

  it("a form POST whose fields ask for a logout is one (MediaWiki's api.php action=logout); other fields are not", () => {
    const post = (form: Record<string, string>) =>
      isLogoutRequest(entries(trace().post('https://wiki.test/api.php', { form }))[0]!);
    expect(post({ action: 'logout', token: 'abc+\\', format: 'json' })).toBe(true);
    expect(post({ logout: '1' })).toBe(true);
    expect(post({ action: 'edit', summary: 'how to log out' })).toBe(false);
    expect(post({ action: 'query', returnto: '/logout' })).toBe(false);
    // A GET's query is read as before, never a body.
    expect(isLogoutRequest(entries(trace().get('https://wiki.test/api.php?action=query'))[0]!)).toBe(false);
  });

  it("OpenID Connect's end-session endpoint, and an operation whose name ends the session, are logouts", () => {
    const get = (path: string) => isLogoutRequest(entries(trace().get(`https://id.test${path}`))[0]!);
    // IdentityServer's /connect/endsession, an end_session endpoint; not a word that only holds it.
    expect([get('/connect/endsession'), get('/oidc/end_session'), get('/api/endSession')]).toEqual([true, true, true]);
    expect(get('/blog/weekend-session')).toBe(false);
    // A GraphQL mutation named for it (Keystone's Admin UI signs out with KsAuthEndSession), or for a logout.
    const graphql = (operationName: string) => {
      const text = JSON.stringify({ operationName, variables: {}, query: `mutation ${operationName} { x }` });
      const body = { text, mimeType: 'application/json' };
      return isLogoutRequest(entries(trace().post('https://cms.test/api/graphql', { body }))[0]!);
    };
    expect(['KsAuthEndSession', 'userLogout', 'SignOut'].map(graphql)).toEqual([true, true, true]);
    expect(['KsAuthSignin', 'blogOutline', 'catalogOut', 'LogoutReasons'].map(graphql)).toEqual([
      false,
      false,
      false,
      false,
    ]);
  });

  it("a JSON-RPC call that ends the session is a logout (Deluge's auth.delete_session); long values are read at once", () => {
    const rpc = (method: string) => {
      const body = { text: JSON.stringify({ method, params: [], id: 7 }), mimeType: 'application/json' };
      return isLogoutRequest(entries(trace().post('https://box.test/json', { body }))[0]!);
    };
    expect([rpc('auth.delete_session'), rpc('session.destroySession'), rpc('auth.check_session')]).toEqual([
      true,
      true,
      false,
    ]);
    // oidc-provider's logout confirmation posts a 48-character xsrf before logout=yes: every field is read, and a
    // long value of path characters must not send the route pattern into backtracking (it once hung the pre-pass).
    for (const xsrf of ['aff75823c18b2b7213fbf5ead7a9a603cc3dd750acf76d03', 'a'.repeat(5000)]) {
      const form = { xsrf, logout: 'yes' };
      expect(isLogoutRequest(entries(trace().post('https://id.test/session/end/confirm', { form }))[0]!)).toBe(true);
      const query = `/confirm?xsrf=${xsrf}.-_${xsrf}/logout-help`;
      expect(isLogoutRequest(entries(trace().get(`https://id.test${query}`))[0]!)).toBe(false);
    }
  });

  it('neither other methods on the session resource nor a DELETE of another resource is a logout', () => {
    const notLogouts = trace()
      .get('https://shop.test/session/new')
      .post('https://shop.test/session', { form: { email: 'a@b.c', password: 'x' } })
      .post('https://shop.test/session', { form: { _method: 'patch' } })
      .request('DELETE', 'https://shop.test/cart/items/3')
      .request('DELETE', 'https://shop.test/sessions/42/devices/7')
      // A login resource's own parts, and an API's tokens, are other resources (revoking a key is no logout).
      .request('DELETE', 'https://shop.test/api/auth/keys')
      .request('DELETE', 'https://shop.test/api/tokens/42')
      .get('https://shop.test/api/v1/login');
    expect(entries(notLogouts).map(isLogoutRequest)).toEqual([false, false, false, false, false, false, false, false]);
  });
});
