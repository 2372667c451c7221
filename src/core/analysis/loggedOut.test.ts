// How a server says "not logged in": 401, 403, 419, 440, a redirect to a same-site login page, a page with a login form
// (read from the HAR body when it was kept).
import { describe, expect, it } from 'vitest';
import { GOOD, ID, summary, trace } from '../../../test/helpers/traceBuilder.ts';
import { parseTraceFile } from '../open/readTrace.ts';
import { PAGE_TEXT_CHARS, readPage } from '../trace/loginForm.ts';
import { analyzeTrace } from './analyze.ts';

/** What the HAR importer reads of a kept body (readPage): whether it holds a login form, and its visible text. */
const isLoginFormPage = (text: string, mimeType: string | undefined, encoding?: string) =>
  readPage(text, mimeType, encoding)?.loginForm === true;
const visibleText = (html: string) => readPage(html, 'text/html')!.text;

describe('logged-out answers', () => {
  it("401, 403, Laravel's 419, IIS's 440 and a redirect to a same-site login page; not a redirect elsewhere or to another site, not a 404 or 422", () => {
    const result = trace()
      .get('https://a.test/x', { status: 401 })
      .get('https://a.test/x', { status: 403 })
      .get('https://a.test/x', { location: '/users/sign_in?next=/x' })
      .get('https://a.test/x', { location: '/home' })
      .get('https://a.test/x', { location: 'https://idp.test/login' })
      .get('https://a.test/x', { status: 404 })
      .post('https://a.test/x', { form: { q: '1' }, status: 419 })
      .get('https://a.test/x', { status: 440 })
      .post('https://a.test/x', { form: { q: '1' }, status: 422 })
      .analyze();
    expect(result.facts.loggedOut).toEqual([
      { entry: 0, status: 401 },
      { entry: 1, status: 403 },
      { entry: 2, status: 302, loginPage: 'https://a.test/users/sign_in?next=/x' },
      { entry: 6, status: 419 },
      { entry: 7, status: 440 },
    ]);
  });

  it("a 401 challenging for Windows authentication (NTLM, Negotiate) is a step of the connection's handshake", () => {
    // An intranet application's replay: each new connection is challenged, the browser sends the request again with
    // credentials, whatever session the request carried. A Basic or a Bearer challenge still answers as logged out.
    const challenged = (challenge: string) =>
      trace()
        .get('http://intranet.test/app', { status: 401, responseHeaders: { 'WWW-Authenticate': challenge } })
        .analyze().facts.loggedOut;
    expect(challenged('Negotiate')).toEqual([]);
    expect(challenged('NTLM TlRMTVNTUAACAAAA')).toEqual([]);
    expect(challenged('Basic realm="app"')).toEqual([{ entry: 0, status: 401 }]);
    expect(challenged('Bearer realm="api"')).toEqual([{ entry: 0, status: 401 }]);
  });

  it('a login form in an HTML body, plain or base64; not in JSON, not a text field', () => {
    const html = '<form method=post><input name=user><input type="password" name=pw></form>';
    expect(isLoginFormPage(html, 'text/html; charset=utf-8')).toBe(true);
    expect(isLoginFormPage(btoa(html), 'text/html', 'base64')).toBe(true);
    expect(isLoginFormPage('<INPUT TYPE=EMAIL NAME=E><INPUT TYPE=PASSWORD>', undefined)).toBe(true);
    expect(isLoginFormPage(html, 'application/json')).toBe(false);
    expect(isLoginFormPage('<input type="text" name="password">', 'text/html')).toBe(false);
  });

  it("a logged-in page's password inputs are no login form: a change of password, a confirmation by password alone, a template", () => {
    const search = '<form action=/search><input name=q type=text></form>';
    // DokuWiki's profile page: the new password twice and the old one beside the name; "delete account" asks for
    // the password alone (a checkbox, no name field).
    const profile =
      '<form method=post><input name=login type=text disabled value=alice><input name=email type=email>' +
      '<input name=newpass type=password><input name=passchk type=password><input name=oldpass type=password></form>' +
      '<form method=post><input name=confirm_delete type=checkbox><input name=oldppass type=password></form>';
    expect(isLoginFormPage(search + profile, 'text/html')).toBe(false);
    // A `data-type` is not the input's type; the search box in another form names no one for this password.
    expect(
      isLoginFormPage('<form><input data-type="x" type=hidden name=t><input type=password></form>', 'text/html'),
    ).toBe(false);
    expect(isLoginFormPage(`${search}<form><input type=password></form>`, 'text/html')).toBe(false);
    // The same page also holding the login form (a login box in its header) is a login-form page.
    expect(isLoginFormPage(`${profile}<form><input name=user><input type=password name=pw></form>`, 'text/html')).toBe(
      true,
    );
    // One form holding the login and, further on, a change of password (SOGo): a login form.
    const sogo =
      '<form><input type=text name=u><input type=password name=p><input type=text name=code>' +
      '<input type=password name=old><input type=password name=new><input type=password name=again></form>';
    expect(isLoginFormPage(sogo, 'text/html')).toBe(true);
    // A registration (the password and its confirmation), a login form kept in a script template: none.
    expect(
      isLoginFormPage('<form><input type=email><input type=password><input type=password></form>', 'text/html'),
    ).toBe(false);
    expect(
      isLoginFormPage(
        '<script type="text/ng-template"><form><input name=u><input type=password></form></script>',
        'text/html',
      ),
    ).toBe(false);
    // Autofill decoys the page does not show before its real fields (a real ASP.NET login page answering a wrong
    // password with its form again): the login form is the shown name and password.
    const decoys =
      '<form method=post><input name=Organization type=text><input type="text" id="prevent_autofill_usr" style="display:none"/>' +
      '<input name=UserName type=text><input type="password" id="prevent_autofill_pwd" style="display:none"/>' +
      '<input name=Password type=password></form>';
    expect(isLoginFormPage(decoys, 'text/html')).toBe(true);
    expect(isLoginFormPage(decoys.replaceAll('style="display:none"', 'hidden'), 'text/html')).toBe(true);
    expect(isLoginFormPage(decoys.replaceAll('display:none', 'color: red; visibility : hidden'), 'text/html')).toBe(
      true,
    );
    // Shown, the two passwords in a row are a new password and its confirmation.
    expect(isLoginFormPage(decoys.replaceAll('style="display:none"', 'style="color:red"'), 'text/html')).toBe(false);
    // A form without its <form> tag (an application's script builds the page): the inputs outside any form count.
    expect(isLoginFormPage('<div><input name=user><input type=password></div>', 'text/html')).toBe(true);
  });

  it('a page that offers a logout (a link or a form to one) is a page for a user signed in; not with a login form', () => {
    const offers = (html: string) => readPage(html, 'text/html')?.offersLogout;
    expect(offers('<nav><a class="x" href="https://crm.test/index.php/auth/logout">Αποσύνδεση</a></nav>')).toBe(true);
    expect(offers("<form method=post action='/users/sign_out'><button>Sign out</button></form>")).toBe(true);
    expect(offers('<a href=?action=logoff>x</a>')).toBe(true);
    // The word in the text or in another attribute, a catalogue's address, a logout in a script: no link to one.
    expect(offers('<p>Please log out when done</p><a title="logout" href="/help">help</a>')).toBe(false);
    expect(offers('<a href="/catalog-offers">offers</a><a href="/blog/outdoor">blog</a>')).toBe(false);
    expect(offers('<script>var t = \'<a href="/logout">\';</script><a href="/">home</a>')).toBe(false);
    // A login page with a logout link in its menu is a login page.
    expect(offers('<a href="/logout">Log out</a><form><input name="u"><input type="password" name="p"></form>')).toBe(
      false,
    );
    expect(readPage('{"logout": "/logout"}', 'application/json')).toBeUndefined();
  });

  it("a page's visible text: no scripts, styles, comments, tags or attribute values; entities decoded; its start", () => {
    const html =
      '<html><head><title>Home</title><script>var user = "alice"</script><STYLE>.u{}</STYLE></head>' +
      '<body><!-- alice --><p>Hello <b>bob</b> &amp; O&#39;Brien&nbsp;&#x41;</p>' +
      '<form><input name=user value="alice"></form><noscript>alice</noscript>end</body></html>';
    expect(visibleText(html)).toBe("Home Hello bob & O'Brien A end");
    expect(visibleText(`<p>${'word '.repeat(3000)}</p>`)).toHaveLength(PAGE_TEXT_CHARS);
    // An unclosed script hides the rest; an unclosed comment or tag ends the text.
    expect(visibleText('a<script>alice')).toBe('a');
    expect(visibleText('a<!-- alice')).toBe('a');
    expect(visibleText('a <b alice')).toBe('a');
  });

  it('a HAR with bodies: a 200 login page answering a logged-in ID is session-rejected', () => {
    const entry = (url: string, cookie: string, status: number, setCookie: string[], body: string, post = false) => ({
      startedDateTime: new Date(Date.UTC(2025, 0, 1, 0, 0, post ? 0 : 5)).toISOString(),
      time: 1,
      request: {
        method: post ? 'POST' : 'GET',
        url,
        httpVersion: 'HTTP/1.1',
        headers: [
          ...(cookie ? [{ name: 'Cookie', value: cookie }] : []),
          ...(post ? [{ name: 'Content-Type', value: 'application/x-www-form-urlencoded' }] : []),
        ],
        queryString: [],
        cookies: [],
        headersSize: -1,
        bodySize: 0,
        ...(post
          ? {
              postData: {
                mimeType: 'application/x-www-form-urlencoded',
                text: 'user=a&password=b',
                params: [
                  { name: 'user', value: 'a' },
                  { name: 'password', value: 'b' },
                ],
              },
            }
          : {}),
      },
      response: {
        status,
        statusText: '',
        httpVersion: 'HTTP/1.1',
        headers: [
          ...setCookie.map((value) => ({ name: 'Set-Cookie', value })),
          ...(status === 302 ? [{ name: 'Location', value: '/account' }] : []),
        ],
        cookies: [],
        content: { size: body.length, mimeType: 'text/html', text: body },
        redirectURL: status === 302 ? '/account' : '',
        headersSize: -1,
        bodySize: body.length,
      },
      cache: {},
      timings: { send: 0, wait: 1, receive: 0 },
    });
    const har = {
      log: {
        version: '1.2',
        creator: { name: 'test', version: '1' },
        entries: [
          entry('https://a.test/login', '', 302, [`sid=${ID.a}; ${GOOD}`], '', true),
          entry(
            'https://a.test/account',
            `sid=${ID.a}`,
            200,
            [],
            '<h1>Please log in</h1><input name=u><input type=password name=p>',
          ),
        ],
      },
    };
    const result = analyzeTrace(parseTraceFile(JSON.stringify(har), 'bodies.har'));
    expect(result.facts.loggedOut).toEqual([{ entry: 1, status: 200, loginForm: true }]);
    expect(summary(result).filter((s) => !s.startsWith('session-established'))).toEqual(['session-rejected sid@1']);
    expect(result.findings.find((f) => f.rule === 'session-rejected')?.message).toContain(
      'a 200 page with a login form',
    );
  });
});
