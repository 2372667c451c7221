// session-reset: the client's session was lost, one test per cause the engine can tell from traffic
// (not-sent, server-rejected, cleared-by-server, expired, overwritten) and from the extension's
// cookies.onChanged events (cleared-by-script, evicted). A server that rotates on every request is not a reset.
import { describe, expect, it } from 'vitest';
import type { AnalysisResult } from '../../../src/core/analysis/analyze.ts';
import { findingsOf, GOOD, ID, trace } from '../../../test/helpers/traceBuilder.ts';

const sid = (id: string, extra = '') => `sid=${id}; ${GOOD}${extra}`;

/** A Laravel-style encrypted cookie ({"iv","value","mac"}, base64): sealed past reading, the nth time. */
const sealed = (n: number) =>
  btoa(
    JSON.stringify({ iv: btoa(`iv-${n}-0123456789ab`), value: btoa(`cipher-${n}-`.repeat(4)), mac: 'f'.repeat(64) }),
  );

function resets(result: AnalysisResult) {
  return findingsOf(result, 'session-reset').map((f) => ({ cookie: f.cookie, entry: f.entry, cause: f.cause }));
}

/** Each reset's entry and cause, and whether it was raised (an alarm) or told as info. */
function lossesRaised(result: AnalysisResult) {
  return findingsOf(result, 'session-reset').map((f) => [f.entry, f.cause, f.severity === 'info' ? 'info' : 'alarm']);
}

describe('session-reset', () => {
  it('not-sent: the Secure sid is not sent on an http:// page, which issues a new sid', () => {
    const result = trace()
      .get('https://shop.test/', { cookie: '', setCookie: [sid(ID.a)] })
      .get('http://shop.test/catalogue', { cookie: '', setCookie: [`sid=${ID.b}; Path=/; HttpOnly; SameSite=Lax`] })
      .analyze();
    expect(resets(result)).toEqual([{ cookie: 'sid', entry: 1, cause: 'not-sent' }]);
    const reset = findingsOf(result, 'session-reset')[0]!;
    expect(reset.reason).toBe('SecureOnly');
    expect(reset.severity).toBe('medium'); // a name alone makes the cookie `likely`: at most medium (RULES.md)
    // It links the session-not-sent finding that explains it.
    expect(reset.related).toHaveLength(1);
    expect(result.findings[reset.related![0]!]).toMatchObject({
      rule: 'session-not-sent',
      entry: 1,
      reason: 'SecureOnly',
    });
  });

  it('not-sent by a client that is no browser: its code kept no cookie, which the message says, no browser rule', () => {
    // OWASP ZAP's Apache HttpClient replaying a Tomcat app: "the browser did not send", in a report that had said no
    // request came from a browser (audit 16).
    const client = { fromClient: true } as const;
    const lost = (made: { readonly fromClient?: true }) =>
      findingsOf(
        trace()
          .get('https://shop.test/', { ...made, cookie: '', setCookie: [sid(ID.a)] })
          .get('https://shop.test/account', { ...made, cookie: '', setCookie: [sid(ID.b)] })
          .analyze(),
        'session-reset',
      )[0];
    const byClient = lost(client);
    expect(byClient).toMatchObject({ entry: 1, cause: 'not-sent' });
    expect(byClient!.message).toContain('the client (no browser');
    expect(byClient!.fix).toContain("Keep the client's cookies between its requests");
    expect(lost({})!.message).not.toContain('the client (no browser');
  });

  it('the same, then back on https carrying the sid it kept: only that request went without it, no loss', () => {
    // An app in another site's frame, a plain http:// page: the answer's new ID refused, the held one goes on.
    const result = trace()
      .get('https://shop.test/', { cookie: '', setCookie: [sid(ID.a)] })
      .get('http://shop.test/catalogue', { cookie: '', setCookie: [`sid=${ID.b}; Path=/; HttpOnly; SameSite=Lax`] })
      .get('https://shop.test/account', { cookie: `sid=${ID.a}` })
      .analyze();
    const [reset] = findingsOf(result, 'session-reset');
    expect(reset).toMatchObject({ entry: 1, cause: 'not-sent', severity: 'info' });
    expect(reset!.message).toContain('later requests carried again, so the session went on');
    const [notSent] = findingsOf(result, 'session-not-sent');
    expect(notSent).toMatchObject({ entry: 1, reason: 'SecureOnly', severity: 'medium' });
    expect(notSent!.evidence.answeredAsVisitor).toBe('new-session-refused');
    expect(result.story?.map((st) => st.kind)).toEqual(['at-risk']);
  });

  it("a scanner's payload carried in place of the held ID, answered with a new one: the client's change, no loss", () => {
    // A real mitmproxy recording of an SQL-injection scan swapping the session cookie's value with
    // `x'||pg_sleep(10)--`: each refused payload read as MEDIUM 'the server no longer knew the session'.
    const payload = encodeURIComponent("x'||pg_sleep(10)--");
    const result = trace()
      .get('https://shop.test/', { cookie: '', setCookie: [sid(ID.a)] })
      .get('https://shop.test/', { cookie: `sid=${payload}`, setCookie: [sid(ID.b)] })
      .get('https://shop.test/', { cookie: `sid=${ID.a}` })
      .analyze();
    expect(resets(result)).toEqual([]);
    expect(result.sessions[0]!.ids).toHaveLength(3);
    // The same request carrying the held ID is a server-rejected reset, as below.
    const carried = trace()
      .get('https://shop.test/', { cookie: '', setCookie: [sid(ID.a)] })
      .get('https://shop.test/', { cookie: `sid=${ID.a}`, setCookie: [sid(ID.b)] })
      .analyze();
    expect(resets(carried)).toEqual([{ cookie: 'sid', entry: 1, cause: 'server-rejected' }]);
  });

  it('server-rejected: the request carried a valid sid and the server answered with a new one', () => {
    const result = trace()
      .get('https://shop.test/', { cookie: '', setCookie: [sid(ID.a)] })
      .get('https://shop.test/cart', { cookie: `sid=${ID.a}`, after: 30 * 60_000, setCookie: [sid(ID.b)] })
      .analyze();
    expect(resets(result)).toEqual([{ cookie: 'sid', entry: 1, cause: 'server-rejected' }]);
    // Nothing changed on the way to the back-end: no backend switch is claimed.
    expect(findingsOf(result, 'session-backend-switch')).toEqual([]);
    expect(findingsOf(result, 'session-reset')[0]!.evidence.backendChanges).toBeUndefined();
  });

  it('cleared-by-server: a placeholder written over the cookie (`deleted`, no expiry) clears it, and is no ID', () => {
    // Cockpit writes `cockpit=deleted` on every page without a session; the browser then sends it back.
    const result = trace()
      .get('https://box.test/', { cookie: '', setCookie: ['sid=deleted; Path=/; HttpOnly'] })
      .get('https://box.test/app', { cookie: 'sid=deleted', setCookie: [sid(ID.a)] })
      .get('https://box.test/app', { cookie: `sid=${ID.a}` })
      .get('https://box.test/system', { cookie: `sid=${ID.a}`, setCookie: ['sid=deleted; Path=/; HttpOnly'] })
      .get('https://box.test/', { cookie: 'sid=deleted' })
      .analyze();
    expect(resets(result)).toEqual([{ cookie: 'sid', entry: 3, cause: 'cleared-by-server' }]);
    const [lane] = result.facts.lanes;
    expect(lane!.ids.map((id) => id.id)).toEqual([ID.a]);
    expect(findingsOf(result, 'session-id-low-entropy')).toEqual([]);
  });

  it("a deletion's next ID is told as when it came, not as a new ID the deletion gave", () => {
    // The logout deletes the cookie; the next login, three requests later, issues the next ID.
    const result = trace()
      .post('https://shop.test/login', { form: { user: 'ann', password: 'pw' }, setCookie: [sid(ID.a)] })
      .get('https://shop.test/logout', {
        cookie: `sid=${ID.a}`,
        setCookie: ['sid=; Path=/; Expires=Thu, 01 Jan 1970 00:00:00 GMT'],
      })
      .get('https://shop.test/')
      .post('https://shop.test/login', { form: { user: 'ann', password: 'pw' }, setCookie: [sid(ID.b)] })
      .analyze();
    const [reset] = findingsOf(result, 'session-reset');
    expect(reset!.message).toContain('The next ID, ');
    expect(reset!.message).toContain(', came at entry 3.');
    expect(reset!.message).not.toContain('New ID');
  });

  it('cleared-by-server at a logout: requests in flight beside it still carried the ID, which is no new one', () => {
    // code-server's logout deletes its cookie; two requests the page started before that answer arrived carried it.
    const result = trace()
      .get('https://box.test/', { cookie: '', setCookie: [sid(ID.a)] })
      .get('https://box.test/logout', {
        cookie: `sid=${ID.a}`,
        setCookie: ['sid=; Path=/; Expires=Thu, 01 Jan 1970 00:00:00 GMT'],
        duration: 400,
      })
      .get('https://box.test/app.js', { cookie: `sid=${ID.a}`, after: 100, resourceType: 'script' })
      .get('https://box.test/app.css', { cookie: `sid=${ID.a}`, after: 100, resourceType: 'stylesheet' })
      .get('https://box.test/', { cookie: '', after: 400 })
      .analyze();
    expect(resets(result)).toEqual([{ cookie: 'sid', entry: 1, cause: 'cleared-by-server' }]);
    expect(result.facts.lanes[0]!.ids.map((id) => id.id)).toEqual([ID.a]);
    expect(findingsOf(result, 'session-reset')[0]!.message).not.toContain('New ID');
    // Started after that answer arrived, a request carrying it brings it back as an ID (set again by script, say).
    const late = trace()
      .get('https://box.test/', { cookie: '', setCookie: [sid(ID.a)] })
      .get('https://box.test/logout', {
        cookie: `sid=${ID.a}`,
        setCookie: ['sid=; Path=/; Expires=Thu, 01 Jan 1970 00:00:00 GMT'],
        duration: 50,
      })
      .get('https://box.test/app.js', { cookie: `sid=${ID.a}`, after: 100, resourceType: 'script' })
      .analyze();
    expect(late.facts.lanes[0]!.ids.map((id) => id.id)).toEqual([ID.a, ID.a]);
  });

  it("overwritten by its twin: a page's first requests in flight together, each given a new ID, lose nothing (info)", () => {
    // EverShop's express-session answers two scripts of its login page, both sent before either answer came back.
    const twins = (secondAfter: number, login = false) => {
      const b = trace().get('https://shop.test/', {});
      if (login)
        b.post('https://shop.test/login', {
          form: { user: 'ann', password: 'x' },
          setCookie: [sid(ID.a)],
          duration: 100,
        });
      else b.get('https://shop.test/a.js', { setCookie: [sid(ID.a)], duration: 100, resourceType: 'script' });
      return b
        .get('https://shop.test/b.js', {
          setCookie: [sid(ID.b)],
          duration: 100,
          after: secondAfter,
          resourceType: 'script',
        })
        .get('https://shop.test/page', { cookie: `sid=${ID.b}`, after: 300 })
        .analyze();
    };
    const [raced] = findingsOf(twins(10), 'session-reset');
    expect(raced).toMatchObject({ entry: 2, cause: 'overwritten', severity: 'info' });
    expect(raced!.evidence.freshRace).toBe(true);
    expect(raced!.message).toContain('no session was lost');
    // Sent once the first ID had arrived, yet carrying none: the jar held it, and it was not sent, no race.
    const late = findingsOf(twins(200), 'session-reset');
    expect(late.map((f) => [f.cause, f.severity === 'info'])).toEqual([['not-sent', false]]);
    expect(late[0]!.evidence.freshRace).toBeUndefined();
    // The ID a login had just issued, replaced by an answer to a request in flight beside it: the login lost.
    const [lost] = findingsOf(twins(10, true), 'session-reset');
    expect(lost!.severity).not.toBe('info');
    expect(lost!.evidence.freshRace).toBeUndefined();
  });

  it('with content: a store sealed anew on every answer whose page no longer names the user is lost (a new key)', () => {
    // iron-session's seal (`Fe26.2**…`), written anew on every answer: each value is the same session updated, until
    // the server restarted with another password can no longer unseal it and starts an empty one ("Hello anon").
    const ids = Object.values(ID);
    const seal = (n: number) => `Fe26.2**${ids[n]}**${ids[(n + 1) % 6]}${ids[(n + 2) % 6]}**${ids[(n + 3) % 6]}~2`;
    const store = (n: number) => `session=${seal(n)}; ${GOOD}`;
    const restarted = (after: string) =>
      trace()
        .get('https://app.test/', { cookie: '', setCookie: [store(0)], pageText: 'Hello anon' })
        .post('https://app.test/login', {
          cookie: `session=${seal(0)}`,
          form: { username: 'alice', password: 'pw' },
          location: '/',
          setCookie: [store(1)],
        })
        .get('https://app.test/', { cookie: `session=${seal(1)}`, setCookie: [store(2)], pageText: 'Hello alice' })
        .get('https://app.test/', { cookie: `session=${seal(2)}`, setCookie: [store(3)], pageText: 'Hello alice' })
        .get('https://app.test/', { cookie: `session=${seal(3)}`, setCookie: [store(4)], pageText: after })
        .analyze();
    const [lost] = findingsOf(restarted('Hello anon'), 'session-reset');
    expect(lost).toMatchObject({ entry: 4, cause: 'server-rejected', severity: 'high' });
    expect(lost!.message).toContain(
      'a 200 page that no longer names the user (it did at entry 3, same address and ID)',
    );
    // The same store still naming the user: updated, nothing lost.
    expect(findingsOf(restarted('Hello alice'), 'session-reset')).toEqual([]);
  });

  it('requests in flight with a session the server lost, each given a new ID: one loss, the twins after it lose nothing', () => {
    // Zabbix's dashboard after its session rows were deleted: its widgets all went out with the lost ID, and each got
    // a session of its own; the browser keeps the last answer.
    const result = trace()
      .get('https://box.test/login', { cookie: '' })
      .post('https://box.test/login', { cookie: '', form: { user: 'ann', password: 'pw' }, setCookie: [sid(ID.a)] })
      .get('https://box.test/', { cookie: `sid=${ID.a}`, after: 1000 })
      .get('https://box.test/widget/1', { cookie: `sid=${ID.a}`, setCookie: [sid(ID.b)], duration: 100, after: 1000 })
      .get('https://box.test/widget/2', { cookie: `sid=${ID.a}`, setCookie: [sid(ID.c)], duration: 100, after: 10 })
      .get('https://box.test/', { cookie: `sid=${ID.c}`, after: 300 })
      .analyze();
    const found = findingsOf(result, 'session-reset').map((f) => [f.entry, f.cause, f.severity]);
    expect(found).toEqual([
      [3, 'server-rejected', 'high'],
      [4, 'overwritten', 'info'],
    ]);
    expect(findingsOf(result, 'session-reset')[1]!.message).toContain('carrying the ID it had replaced');
  });

  it("a word set before the first ID (mod_auth_mellon's `cookietest` probe) is no ID: no lane of its own, no alarm on it", () => {
    // Mellon sets `mellon-cookie=cookietest; Domain=…; SameSite=None` as it sends the user to the identity provider
    // (a site of its own, which the probe reaches too), then the real ID at the assertion's post.
    const probe = 'mellon-cookie=cookietest; Domain=sso.test; Path=/; HttpOnly; Secure; SameSite=None';
    const result = trace()
      .get('https://app.sso.test/mellon/login', { cookie: '', setCookie: [probe], location: 'https://idp.sso.test/' })
      .get('https://idp.sso.test/', { cookie: 'mellon-cookie=cookietest' })
      .post('https://app.sso.test/mellon/postResponse', {
        cookie: 'mellon-cookie=cookietest',
        form: { SAMLResponse: 'PHNhbWxwOlJlc3BvbnNlLz4=' },
        setCookie: [`mellon-cookie=${ID.a}; Domain=sso.test; Path=/; HttpOnly; Secure`],
        location: 'https://app.sso.test/private/',
      })
      .get('https://app.sso.test/private/', { cookie: `mellon-cookie=${ID.a}` })
      .analyze();
    const [lane] = result.facts.lanes;
    expect(lane!.origin).toBe('https://app.sso.test');
    expect(lane!.ids.map((id) => id.id)).toEqual([ID.a]);
    expect(findingsOf(result, 'session-id-low-entropy')).toEqual([]);
    expect(findingsOf(result, 'cookie-samesite-none')).toEqual([]);
    expect(findingsOf(result, 'session-rotated')).toEqual([]);
  });

  it('cleared-by-server of an ID a failed login attempt issued (its error kept in a session): told, not alarmed', () => {
    // tt-rss: a wrong password is sent to `/` with a session holding the error; `/` shows the form again and deletes
    // the cookie; the form is posted again from there.
    const form = (password: string) => ({ user: 'ann', password });
    const attempts = (between: (t: ReturnType<typeof trace>) => ReturnType<typeof trace>) =>
      between(
        trace()
          .get('https://rss.test/', { cookie: '' })
          .post('https://rss.test/public.php', {
            cookie: '',
            form: form('wrong'),
            status: 302,
            responseHeaders: { Location: 'https://rss.test/' },
            headers: { Referer: 'https://rss.test/' },
            setCookie: [sid(ID.a)],
          })
          .get('https://rss.test/', { cookie: `sid=${ID.a}`, setCookie: ['sid=deleted; Path=/; Max-Age=0'] }),
      )
        .post('https://rss.test/public.php', {
          cookie: '',
          form: form('hunter2'),
          status: 302,
          responseHeaders: { Location: 'https://rss.test/' },
          headers: { Referer: 'https://rss.test/' },
          setCookie: [sid(ID.b)],
        })
        .analyze();
    const [reset] = findingsOf(
      attempts((t) => t),
      'session-reset',
    );
    expect(reset).toMatchObject({ entry: 2, cause: 'cleared-by-server', severity: 'info' });
    expect(reset!.message).toContain('issued in answer to the login attempt at entry 1, which failed');
    expect(reset!.evidence.issuedAtFailedAttempt).toBe(1);
    // Another page opened before the form was posted again (then `/` again): the first post is not known failed.
    const [notKnown] = findingsOf(
      attempts((t) => t.get('https://rss.test/help', { cookie: '' }).get('https://rss.test/', { cookie: '' })),
      'session-reset',
    );
    expect(notKnown?.severity).not.toBe('info');
  });

  it('server-rejected on a request signed in by its own HTTP Basic credentials: the user stayed signed in, low', () => {
    // Monit and Syncthing: the browser sends the Basic credentials on every request beside the cookie.
    const replaced = (headers: Record<string, string>) =>
      findingsOf(
        trace()
          .get('https://box.test/', { cookie: '', headers, setCookie: [sid(ID.a)] })
          .get('https://box.test/', { cookie: `sid=${ID.a}`, headers, setCookie: [sid(ID.b)] })
          .analyze(),
        'session-reset',
      );
    const [signedIn] = replaced({ Authorization: 'Basic YWxpY2U6c2VjcmV0' });
    expect(signedIn).toMatchObject({ entry: 1, cause: 'server-rejected', severity: 'low' });
    expect(signedIn!.evidence.restoredFrom).toBe('Authorization: Basic');
    expect(signedIn!.message).toContain('the user stayed signed in');
    // Without them, the session the cookie held is all the server had: the reset is the alarm it was.
    expect(replaced({}).map((f) => f.evidence.restoredFrom)).toEqual([undefined]);
  });

  it('cleared-by-server in answer to a POST that named the session (a part of its ID): its logout, told', () => {
    // Zabbix's sign-out posts `sid` (the ID's last 16 characters) to index.php?reconnect=1.
    const result = trace()
      .get('https://zbx.test/', { cookie: '', setCookie: [sid(ID.a)] })
      .post('https://zbx.test/index.php?reconnect=1', {
        cookie: `sid=${ID.a}`,
        form: { sid: ID.a.slice(-16) },
        status: 302,
        responseHeaders: { Location: 'index.php' },
        setCookie: ['sid=deleted; Path=/; Max-Age=0'],
      })
      .post('https://zbx.test/index.php?save=1', {
        cookie: '',
        form: { token: ID.c },
        setCookie: [sid(ID.b)],
      })
      .post('https://zbx.test/index.php?reconnect=1', {
        cookie: `sid=${ID.b}`,
        form: { sid: ID.c.slice(-16) },
        setCookie: ['sid=deleted; Path=/; Max-Age=0'],
      })
      .analyze();
    const [named, other] = findingsOf(result, 'session-reset');
    expect(named).toMatchObject({ entry: 1, cause: 'cleared-by-server', severity: 'info' });
    // A POST naming something else is no logout of this session.
    expect(other).toMatchObject({ entry: 3, cause: 'cleared-by-server' });
    expect(other?.severity).not.toBe('info');
  });

  it("cleared-by-server in answer to a sign-out button's form (a POST of no field but its CSRF token): a logout", () => {
    // Lucia's example signs out by posting an empty form to the page's own address.
    const signOut = (form: Record<string, string>) =>
      trace()
        .login('https://app.test/login', [sid(ID.a)], '/')
        .get('https://app.test/', { cookie: `sid=${ID.a}` })
        .post('https://app.test/', { cookie: `sid=${ID.a}`, form, setCookie: ['sid=; Path=/; Max-Age=0'] })
        .analyze();
    for (const form of [{}, { _csrf: 'x1y2z3' }] as Record<string, string>[])
      expect(findingsOf(signOut(form), 'session-reset')[0]).toMatchObject({ entry: 3, severity: 'info' });
    // A form that carried what the user typed, answered by a deletion: no logout read into it.
    expect(findingsOf(signOut({ comment: 'hello' }), 'session-reset')[0]?.severity).not.toBe('info');
  });

  it('a logout page that only asks to confirm, then the POST that signs out: the POST is the logout named', () => {
    // NextAuth: GET /api/auth/signout shows a form (the cookie stays); its POST deletes the session token.
    const result = trace()
      .login('https://app.test/login', [sid(ID.a)], '/')
      .get('https://app.test/api/auth/signout', { cookie: `sid=${ID.a}` })
      .post('https://app.test/api/auth/signout', {
        cookie: `sid=${ID.a}`,
        form: { csrfToken: 'abc' },
        setCookie: ['sid=; Path=/; Max-Age=0'],
      })
      .analyze();
    const [reset] = findingsOf(result, 'session-reset');
    expect(reset).toMatchObject({ entry: 3, severity: 'info' });
    expect(reset!.message).toContain('was lost at a logout request');
  });

  describe("cleared-by-server outside a logout, while the login's other session cookie goes on", () => {
    const TOKEN = (id: string) => `access_token=${id}; Path=/; HttpOnly; Secure; SameSite=Lax`;
    const DELETE = 'sid=; Path=/; Max-Age=0';
    /** Login (#1) issues sid and access_token; #2 carries both and its answer deletes sid; then `after` at #3. */
    const deleted = (after: { cookie?: string; status?: number; responseHeaders?: Record<string, string> } = {}) =>
      trace()
        .login('https://app.test/login', [sid(ID.a), TOKEN(ID.c)], '/')
        .get('https://app.test/api/account', { cookie: `sid=${ID.a}; access_token=${ID.c}`, setCookie: [DELETE] })
        .get('https://app.test/api/workspace', { cookie: `access_token=${ID.c}`, ...after })
        .analyze();

    it('carried again and answered as to a user logged in: a low finding that names the cookie the session went on in', () => {
      const result = deleted();
      const [reset] = findingsOf(result, 'session-reset');
      expect(reset).toMatchObject({ cookie: 'sid', entry: 2, cause: 'cleared-by-server', severity: 'low' });
      expect(reset!.evidence).toMatchObject({ wentOnIn: 'access_token', wentOnAt: 3 });
      expect(reset!.message).toContain('the user stayed logged in');
      expect(reset!.fix).toContain('`access_token`');
      expect(result.story?.[0]?.cause).toContain('the session goes on in that cookie');
    });

    it('not carried again, or answered as logged out or with an error: the session was lost', () => {
      for (const after of [
        { cookie: '' },
        { status: 302, responseHeaders: { Location: '/login' } },
        { status: 401 },
        { status: 500 },
      ]) {
        const [reset] = findingsOf(deleted(after), 'session-reset');
        expect(reset).toMatchObject({ entry: 2, cause: 'cleared-by-server', severity: 'high' });
        expect(reset!.evidence.wentOnIn).toBeUndefined();
      }
    });

    it('another cookie that no login issued with it: no sign the user stayed logged in', () => {
      const result = trace()
        .get('https://app.test/', { cookie: '', setCookie: [TOKEN(ID.c)] })
        .login('https://app.test/login', [sid(ID.a)], '/')
        .get('https://app.test/api/account', { cookie: `sid=${ID.a}; access_token=${ID.c}`, setCookie: [DELETE] })
        .get('https://app.test/api/workspace', { cookie: `access_token=${ID.c}` })
        .analyze();
      const [reset] = findingsOf(result, 'session-reset');
      expect(reset).toMatchObject({ cause: 'cleared-by-server', severity: 'high' });
      expect(reset!.evidence.wentOnIn).toBeUndefined();
    });
  });

  describe('server-rejected, with a persistent login cookie the request carried (remember me)', () => {
    const REMEMBER = (id: string) => `remember=${id}; Path=/; HttpOnly; Secure; Max-Age=15552000`;
    const lost = (answer: { setCookie: string[]; status?: number; responseHeaders?: Record<string, string> }) =>
      trace()
        .login('https://shop.test/login', [sid(ID.a), REMEMBER(ID.c)], '/')
        .get('https://shop.test/', { cookie: `sid=${ID.a}; remember=${ID.c}` })
        .get('https://shop.test/account', { cookie: `sid=${ID.a}; remember=${ID.c}`, after: 30 * 60_000, ...answer })
        .analyze();

    it('renewed by the same answer: the user was logged back in, a low finding that says so', () => {
      const result = lost({ setCookie: [sid(ID.b), REMEMBER(ID.c)] });
      const [reset] = findingsOf(result, 'session-reset');
      expect(reset).toMatchObject({ entry: 3, cause: 'server-rejected', severity: 'low' });
      expect(reset!.evidence.restoredFrom).toBe('remember');
      expect(reset!.message).toContain('logged the user back in from it (remember me)');
      expect(result.story?.[0]?.cause).toContain('most likely logged back in from it');
    });

    it('two persistent cookies no login issued, both replaced by one answer: neither restored the other', () => {
      const result = trace()
        .get('https://shop.test/', { cookie: '', setCookie: [sid(ID.a), REMEMBER(ID.c)] })
        .get('https://shop.test/', { cookie: `sid=${ID.a}; remember=${ID.c}` })
        .get('https://shop.test/account', {
          cookie: `sid=${ID.a}; remember=${ID.c}`,
          setCookie: [sid(ID.b), REMEMBER(ID.d)],
        })
        .analyze();
      const resets = findingsOf(result, 'session-reset');
      expect(resets.length).toBeGreaterThan(0);
      for (const reset of resets) expect(reset.evidence.restoredFrom).toBeUndefined();
    });

    it('not renewed, renewed for the browser session only, or answered with the login page: the session lost', () => {
      const toLogin = { status: 302, responseHeaders: { Location: '/login' } };
      for (const answer of [
        { setCookie: [sid(ID.b)] },
        { setCookie: [sid(ID.b), `remember=${ID.c}; Path=/; HttpOnly; Secure`] },
        { setCookie: [sid(ID.b), REMEMBER(ID.c)], ...toLogin },
      ]) {
        const [reset] = findingsOf(lost(answer), 'session-reset');
        expect(reset).toMatchObject({ entry: 3, cause: 'server-rejected', severity: 'high' });
        expect(reset!.evidence.restoredFrom).toBeUndefined();
      }
    });
  });

  it('server-rejected of a session kept in the cookie: the server could no longer read it (its key changed)', () => {
    const store = (data: object) => `${btoa(JSON.stringify(data)).replace(/=+$/, '')}.axLH2Q.c2lnbmF0dXJlLW9mLWl0`;
    const result = trace()
      .get('https://shop.test/', { cookie: '', setCookie: [`session=${store({ user: 'ann' })}; Path=/; HttpOnly`] })
      .get('https://shop.test/cart', {
        cookie: `session=${store({ user: 'ann' })}`,
        setCookie: [`session=${store({ visits: 1 })}; Path=/; HttpOnly`],
      })
      .analyze();
    expect(resets(result)).toEqual([{ cookie: 'session', entry: 1, cause: 'server-rejected' }]);
    const [reset] = findingsOf(result, 'session-reset');
    expect(reset!.message).toContain(
      'the session (or its ID) is kept signed or encrypted in the cookie itself, so the server could no longer read it',
    );
    expect(reset!.fix).toContain('the same signing and encryption keys');
    expect(reset!.evidence.clientSideStore).toBe(true);
    expect(result.story?.[0]?.cause).toContain('could no longer read the session (or its ID) kept in that cookie');
  });

  it('server-rejected of a store sealed past reading: its key changed, or the server-side session it names was lost', () => {
    // Laravel's cookie: its encrypted envelope may hold the session ID of a file session, which expiry removes as
    // surely as a new APP_KEY makes the cookie unreadable. Neither can be told from the traffic: both are said.
    const result = trace()
      .get('https://shop.test/login', { cookie: '' })
      .post('https://shop.test/login', {
        cookie: '',
        form: { user: 'ann', password: 'pw' },
        setCookie: [`app_session=${sealed(1)}; Path=/; HttpOnly`],
      })
      .get('https://shop.test/account', {
        cookie: `app_session=${sealed(1)}`,
        location: '/login',
        setCookie: [`app_session=${sealed(2)}; Path=/; HttpOnly`],
      })
      .analyze();
    const [reset] = findingsOf(result, 'session-reset');
    expect(reset).toMatchObject({
      cause: 'server-rejected',
      evidence: { clientSideStore: true, storeMayNameSession: true },
    });
    expect(reset!.message).toContain('or it no longer knew the session the cookie names (server-side expiry');
    expect(reset!.fix).toContain('If the cookie names a session kept on the server');
    expect(result.story?.[0]?.cause).toContain('or it no longer knew the session the cookie names');
  });

  it("a visitor's sealed store at a login form answered 419 Page Expired: lost, the login refused for it (Laravel on two nodes)", () => {
    // The login form's CSRF token was in the session the other node kept: 419, and the cookie sealed anew for the
    // empty session this node made. A wrong password (the form again, a redirect to it) only seals it again.
    const attempt = (answer: { status?: number; location?: string; loginForm?: true }) =>
      trace()
        .get('https://shop.test/login', { cookie: '', setCookie: [`app_session=${sealed(1)}; Path=/; HttpOnly`] })
        .post('https://shop.test/login', {
          cookie: `app_session=${sealed(1)}`,
          form: { user: 'ann', password: 'pw' },
          ...answer,
          setCookie: [`app_session=${sealed(2)}; Path=/; HttpOnly`],
        })
        .get('https://shop.test/login', { cookie: `app_session=${sealed(2)}` })
        .analyze();
    const refused = attempt({ status: 419 });
    const [reset] = findingsOf(refused, 'session-reset');
    expect(reset).toMatchObject({
      entry: 1,
      cause: 'server-rejected',
      evidence: { answeredStatus: 419, loginRefused: true },
    });
    expect(refused.story?.[0]?.cause).toContain(
      'or servers that do not share sessions), so the server started a new session',
    );
    expect(refused.story?.[0]?.cause).toContain('; the login posted with it was refused (answered 419)');
    expect(reset!.message).toContain(
      'The server answered with HTTP 419 Page Expired: it no longer had the session the request carried, so the login posted with it was refused.',
    );
    for (const wrongPassword of [{ status: 200, loginForm: true as const }, { location: '/login' }, { status: 422 }])
      expect(findingsOf(attempt(wrongPassword), 'session-reset')).toEqual([]);
  });

  it('cleared-by-server outside a logout: the server most likely no longer knew the session, and it says how it answered', () => {
    // Django's answer to an expired database session: the cookie deleted, a redirect to the login page.
    const result = trace()
      .get('https://shop.test/login', { cookie: '' })
      .post('https://shop.test/login', { cookie: '', form: { user: 'ann', password: 'pw' }, setCookie: [sid(ID.a)] })
      .get('https://shop.test/account', {
        cookie: `sid=${ID.a}`,
        location: '/login?next=/account',
        setCookie: ['sid=""; Max-Age=0; Path=/'],
      })
      .analyze();
    const [reset] = findingsOf(result, 'session-reset');
    expect(reset).toMatchObject({ entry: 2, cause: 'cleared-by-server', severity: 'high' });
    expect(reset!.message).toContain('most likely it no longer knew the session (server-side expiry');
    expect(reset!.message).toContain('The server answered as to a client not logged in');
    expect(reset!.fix).toContain('if the server no longer knew the session, find why');
    expect(result.story?.[0]?.cause).toContain('most likely it no longer knew the session');
  });

  it('cleared-by-server after the server rejected the same ID: the rejection is the alarm, the clearing is told (info)', () => {
    // WordPress: its session token gone, the profile page redirects to wp-login.php (session-rejected), and the
    // login page deletes the cookies. One loss, raised once.
    const result = trace()
      .get('https://blog.test/wp-login.php', { cookie: '' })
      .post('https://blog.test/wp-login.php', {
        cookie: '',
        form: { log: 'ann', pwd: 'pw' },
        setCookie: [sid(ID.a)],
        location: '/wp-admin/',
      })
      .get('https://blog.test/wp-admin/', { cookie: `sid=${ID.a}` })
      .get('https://blog.test/wp-admin/profile.php', { cookie: `sid=${ID.a}`, location: '/wp-login.php?reauth=1' })
      .get('https://blog.test/wp-login.php?reauth=1', { cookie: `sid=${ID.a}`, setCookie: ['sid=; Max-Age=0; Path=/'] })
      .analyze();
    expect(findingsOf(result, 'session-rejected').map((f) => [f.entry, f.severity])).toEqual([[3, 'high']]);
    const [reset] = findingsOf(result, 'session-reset');
    expect(reset).toMatchObject({
      entry: 4,
      cause: 'cleared-by-server',
      severity: 'info',
      evidence: { rejectedAt: 3 },
    });
    expect(reset!.message).toContain('after it had answered the request at entry 3 as logged out');
    expect(result.story?.map((s) => s.kind)).toEqual(['rejected']);
  });

  it('server-rejected with a SERVERID change → also session-backend-switch naming the change', () => {
    const result = trace()
      .get('https://shop.test/', { cookie: '', setCookie: [sid(ID.a), 'SERVERID=node1; Path=/'] })
      .get('https://shop.test/cart', {
        cookie: `sid=${ID.a}; SERVERID=node1`,
        setCookie: [sid(ID.b), 'SERVERID=node2; Path=/'],
      })
      .analyze();
    expect(resets(result)).toEqual([{ cookie: 'sid', entry: 1, cause: 'server-rejected' }]);
    const reset = findingsOf(result, 'session-reset')[0]!;
    expect(reset.evidence.backendChanges).toEqual(['SERVERID: node1 → node2']);
    const switched = findingsOf(result, 'session-backend-switch');
    expect(switched.map((f) => [f.cookie, f.entry])).toEqual([['sid', 1]]);
  });

  it('server-rejected with the same SERVERID on both requests → no backend switch', () => {
    const result = trace()
      .get('https://shop.test/', { cookie: '', setCookie: [sid(ID.a), 'SERVERID=node1; Path=/'] })
      .get('https://shop.test/cart', {
        cookie: `sid=${ID.a}; SERVERID=node1`,
        setCookie: [sid(ID.b), 'SERVERID=node1; Path=/'],
      })
      .analyze();
    expect(resets(result)).toEqual([{ cookie: 'sid', entry: 1, cause: 'server-rejected' }]);
    expect(findingsOf(result, 'session-backend-switch')).toEqual([]);
  });

  it('server-rejected with a JSESSIONID route .node1 → .node2 → also session-backend-switch', () => {
    const result = trace()
      .get('https://shop.test/', { cookie: '', setCookie: [`JSESSIONID=${ID.a}.node1; ${GOOD}`] })
      .get('https://shop.test/cart', {
        cookie: `JSESSIONID=${ID.a}.node1`,
        setCookie: [`JSESSIONID=${ID.b}.node2; ${GOOD}`],
      })
      .analyze();
    expect(resets(result)).toEqual([{ cookie: 'JSESSIONID', entry: 1, cause: 'server-rejected' }]);
    expect(findingsOf(result, 'session-reset')[0]!.evidence.backendChanges).toEqual([
      'JSESSIONID route: node1 → node2',
    ]);
    expect(findingsOf(result, 'session-backend-switch').map((f) => [f.cookie, f.entry])).toEqual([['JSESSIONID', 1]]);
  });

  it('server-rejected with an unchanged JSESSIONID route → no backend switch', () => {
    const result = trace()
      .get('https://shop.test/', { cookie: '', setCookie: [`JSESSIONID=${ID.a}.node1; ${GOOD}`] })
      .get('https://shop.test/cart', {
        cookie: `JSESSIONID=${ID.a}.node1`,
        setCookie: [`JSESSIONID=${ID.b}.node1; ${GOOD}`],
      })
      .analyze();
    expect(resets(result)).toEqual([{ cookie: 'JSESSIONID', entry: 1, cause: 'server-rejected' }]);
    expect(findingsOf(result, 'session-backend-switch')).toEqual([]);
  });

  it('cleared-by-server: a Set-Cookie with Max-Age=0 deletes the sid', () => {
    const result = trace()
      .get('https://shop.test/', { cookie: '', setCookie: [sid(ID.a)] })
      .get('https://shop.test/cart/empty', { cookie: `sid=${ID.a}`, setCookie: [sid('', '; Max-Age=0')] })
      .get('https://shop.test/', { cookie: '', setCookie: [sid(ID.b)] })
      .analyze();
    expect(resets(result)).toEqual([{ cookie: 'sid', entry: 1, cause: 'cleared-by-server' }]);
    expect(findingsOf(result, 'session-reset')[0]!.message).not.toContain('at a logout request');
    // The deleted cookie is not "not sent" afterwards: the deletion is the finding.
    expect(findingsOf(result, 'session-not-sent')).toEqual([]);
  });

  it('cleared-by-server at a logout path says so', () => {
    const result = trace()
      .get('https://shop.test/', { cookie: '', setCookie: [sid(ID.a)] })
      .get('https://shop.test/account/logout', {
        cookie: `sid=${ID.a}`,
        setCookie: ['sid=; Expires=Thu, 01 Jan 1970 00:00:00 GMT; Path=/; Secure; HttpOnly'],
      })
      .analyze();
    expect(resets(result)).toEqual([{ cookie: 'sid', entry: 1, cause: 'cleared-by-server' }]);
    expect(findingsOf(result, 'session-reset')[0]!.message).toContain('at a logout request');
  });

  it('a response that sets the sid and then deletes it leaves none: the lines apply in order', () => {
    // phpMyAdmin's logout writes its auth cookie once more, then deletes it, in one response.
    const result = trace()
      .get('https://shop.test/', { cookie: '', setCookie: [sid(ID.a)] })
      .get('https://shop.test/logout', {
        cookie: `sid=${ID.a}`,
        setCookie: [sid(ID.b), sid('', '; Max-Age=0')],
      })
      .get('https://shop.test/', { cookie: '' })
      .analyze();
    expect(resets(result)).toEqual([{ cookie: 'sid', entry: 1, cause: 'cleared-by-server' }]);
    const lane = result.facts.lanes.find((l) => l.cookie === 'sid')!;
    expect(lane.ids.map((id) => id.id)).toEqual([ID.a]);
    // Deleted, not a new ID set: the next request, carrying none, misses nothing.
    expect(findingsOf(result, 'session-not-sent')).toEqual([]);
  });

  it('a response that deletes the sid and then sets a new one issues that one', () => {
    const result = trace()
      .get('https://shop.test/', { cookie: '', setCookie: [sid(ID.a)] })
      .get('https://shop.test/logout', { cookie: `sid=${ID.a}`, setCookie: [sid('', '; Max-Age=0'), sid(ID.b)] })
      .get('https://shop.test/', { cookie: `sid=${ID.b}` })
      .analyze();
    const lane = result.facts.lanes.find((l) => l.cookie === 'sid')!;
    expect(lane.ids.map((id) => id.id)).toEqual([ID.a, ID.b]);
  });

  it('a cookie deleted after a logout that ended its ID on the server is told, not alarmed', () => {
    const result = trace()
      .get('https://shop.test/', { cookie: '', setCookie: [sid(ID.a)] })
      .get('https://shop.test/signout', { cookie: `sid=${ID.a}`, status: 302, location: 'https://shop.test/bye' })
      .get('https://shop.test/bye', { cookie: `sid=${ID.a}`, setCookie: [sid('', '; Max-Age=0')] })
      .analyze();
    expect(resets(result)).toEqual([{ cookie: 'sid', entry: 2, cause: 'cleared-by-server' }]);
    const [reset] = findingsOf(result, 'session-reset');
    expect(reset!.severity).toBe('info');
    expect(reset!.message).toContain('after the logout at entry 1 had ended it on the server');
  });

  it('an ASP.NET Core auth ticket issued again (sliding renewal, security-stamp check) is the same session', () => {
    // A cookie scheme named by the app (not an authentication name): the ticket is told by its value alone.
    const ticket = (body: string) => `CfDJ8Nm3tI2XgRJEo8S2sbGm1VZ${body.repeat(12)}`;
    const cookie = (value: string) => `MyApp.Ticket=${value}; path=/; secure; samesite=lax; httponly`;
    const result = trace()
      .post('https://shop.test/Account/Login', {
        cookie: '',
        form: { Email: 'ann@shop.test', Password: 'hunter2' },
        location: 'https://shop.test/',
        setCookie: [cookie(ticket('Q0hVTktfT0ZfQ0lQSEVSVEVYVA'))],
      })
      .get('https://shop.test/', { cookie: `MyApp.Ticket=${ticket('Q0hVTktfT0ZfQ0lQSEVSVEVYVA')}` })
      .get('https://shop.test/orders', {
        cookie: `MyApp.Ticket=${ticket('Q0hVTktfT0ZfQ0lQSEVSVEVYVA')}`,
        after: 31 * 60_000,
        setCookie: [cookie(ticket('b3RoZXJfY2lwaGVydGV4dF9uZXc'))],
      })
      .get('https://shop.test/', { cookie: `MyApp.Ticket=${ticket('b3RoZXJfY2lwaGVydGV4dF9uZXc')}` })
      .analyze();
    expect(result.sessions.map((s) => s.cookie)).toEqual(['MyApp.Ticket']);
    expect(resets(result)).toEqual([]);
    expect(result.facts.lanes[0]!.ids.map((id) => id.end?.kind)).toEqual(['updated', undefined]);
  });

  it('Clear-Site-Data: "cookies" at a logout clears the session there: told, and the next request misses nothing', () => {
    const result = trace()
      .get('https://shop.test/', { cookie: '', setCookie: [sid(ID.a)] })
      .post('https://shop.test/logout', {
        cookie: `sid=${ID.a}`,
        location: 'https://shop.test/',
        responseHeaders: { 'Clear-Site-Data': '"cache", "cookies", "storage"' },
      })
      .get('https://shop.test/', { cookie: '', setCookie: [sid(ID.b)] })
      .get('https://shop.test/account', { cookie: `sid=${ID.b}` })
      .analyze();
    expect(resets(result)).toEqual([{ cookie: 'sid', entry: 1, cause: 'cleared-by-server' }]);
    const [reset] = findingsOf(result, 'session-reset');
    expect(reset!.severity).toBe('info');
    expect(reset!.message).toContain('with a Clear-Site-Data header');
    expect(findingsOf(result, 'session-not-sent')).toEqual([]);
  });

  it('Clear-Site-Data clears the whole site ("*" too) and the cookie its own response set, but not over plain http', () => {
    const api = (id: string) => `sid=${id}; Domain=shop.test; ${GOOD}`;
    const result = trace()
      .get('https://www.shop.test/', { cookie: '', setCookie: [api(ID.a)] })
      .get('https://api.shop.test/session/end', {
        cookie: `sid=${ID.a}`,
        setCookie: [api(ID.b)],
        responseHeaders: { 'Clear-Site-Data': '"*"' },
      })
      .get('https://www.shop.test/', { cookie: '' })
      .analyze();
    expect(resets(result)).toEqual([{ cookie: 'sid', entry: 1, cause: 'cleared-by-server' }]);
    expect(findingsOf(result, 'session-not-sent')).toEqual([]);

    const plain = trace()
      .get('http://shop.example/', { cookie: '', setCookie: [`sid=${ID.a}; Path=/; HttpOnly; SameSite=Lax`] })
      .get('http://shop.example/logout', { cookie: `sid=${ID.a}`, responseHeaders: { 'Clear-Site-Data': '"cookies"' } })
      .get('http://shop.example/', { cookie: `sid=${ID.a}` })
      .analyze();
    expect(resets(plain)).toEqual([]);
  });

  it('cleared-by-server at a REST logout (DELETE of the session resource, sent by a form) is the logout asked for', () => {
    // Rails' authentication generator: `button_to "Sign out", session_path, method: :delete`.
    const result = trace()
      .get('https://shop.test/', { cookie: '', setCookie: [sid(ID.a)] })
      .post('https://shop.test/session', {
        cookie: `sid=${ID.a}`,
        form: { _method: 'delete', authenticity_token: 't' },
        status: 303,
        responseHeaders: { Location: '/session/new' },
        setCookie: ['sid=; Expires=Thu, 01 Jan 1970 00:00:00 GMT; Path=/; Secure; HttpOnly'],
      })
      .analyze();
    expect(resets(result)).toEqual([{ cookie: 'sid', entry: 1, cause: 'cleared-by-server' }]);
    const [reset] = findingsOf(result, 'session-reset');
    expect(reset!.message).toContain('at a logout request');
    expect(reset!.severity).toBe('info');
  });

  it('a new ID at a single sign-on callback (OAuth code and state) is the login, not a server-rejected reset', () => {
    const result = trace()
      .get('https://shop.test/', { cookie: '', setCookie: [sid(ID.a)] })
      .get('https://shop.test/auth/callback?code=4%2F0AeanS0ZxQ7pW9f2Kx8&state=Hx81kQa9ZmP2vL7c', {
        cookie: `sid=${ID.a}`,
        status: 302,
        responseHeaders: { Location: '/' },
        setCookie: [sid(ID.b)],
      })
      .get('https://shop.test/', { cookie: `sid=${ID.b}` })
      .analyze();
    expect(resets(result)).toEqual([]);
    expect(findingsOf(result, 'session-rotated').map((f) => [f.entry, f.message.includes('at login')])).toEqual([
      [1, true],
    ]);
  });

  it('expired: the sid had Max-Age=2, the next request 3 s later carries none and gets a new sid', () => {
    const result = trace()
      .get('https://shop.test/', { cookie: '', setCookie: [sid(ID.a, '; Max-Age=2')] })
      .get('https://shop.test/again', { cookie: '', after: 3000, setCookie: [sid(ID.b, '; Max-Age=2')] })
      .analyze();
    expect(resets(result)).toEqual([{ cookie: 'sid', entry: 1, cause: 'expired' }]);
    expect(findingsOf(result, 'session-reset')[0]!.reason).toBe('Expired');
  });

  it('expired although its expiry slid with the answers: the user was idle past its lifetime, and the fix says so', () => {
    // Max-Age=2 re-sent by the answers (a rolling cookie: CherryPy, Laravel, Rails), then 3 s idle; against one set once.
    const idle = (renewed: boolean) =>
      trace()
        .get('https://shop.test/', { cookie: '', setCookie: [`sid=${ID.a}; Max-Age=2; ${GOOD}`] })
        .get('https://shop.test/a', {
          cookie: `sid=${ID.a}`,
          after: 1000,
          ...(renewed ? { setCookie: [`sid=${ID.a}; Max-Age=2; ${GOOD}`] } : {}),
        })
        .get('https://shop.test/b', { cookie: '', after: renewed ? 3000 : 1500, setCookie: [sid(ID.b)] })
        .analyze();
    for (const renewed of [true, false]) {
      const result = idle(renewed);
      const [reset] = findingsOf(result, 'session-reset');
      const [notSent] = findingsOf(result, 'session-not-sent');
      expect(reset).toMatchObject({ entry: 2, cause: 'expired' });
      expect(notSent).toMatchObject({ entry: 2, reason: 'Expired' });
      expect(reset!.message.includes('although answers since it was issued had moved its expiry forward')).toBe(
        renewed,
      );
      for (const fix of [reset!.fix, notSent!.fix])
        expect(fix.startsWith("The cookie's expiry already moves forward as the user goes on")).toBe(renewed);
    }
  });

  it("expired, answered with the login page: the reset says so, and an ID in the page's address is hidden as a value", () => {
    // Tomcat after the cookie's max-age: the account page redirects to the login form with the new ID in its address.
    const newId = 'A1B2C3D4E5F60718293A4B5C6D7E8F90';
    const result = trace()
      .get('https://shop.test/', { cookie: '', setCookie: [`JSESSIONID=${ID.a}; Max-Age=2; ${GOOD}`] })
      .get('https://shop.test/account.jsp', {
        cookie: '',
        after: 3000,
        location: `/login.jsp;jsessionid=${newId}`,
        setCookie: [`JSESSIONID=${newId}; ${GOOD}`],
      })
      .analyze();
    const [reset] = findingsOf(result, 'session-reset');
    expect(reset).toMatchObject({ entry: 1, cause: 'expired', evidence: { answeredStatus: 302 } });
    expect(reset!.message).toMatch(/with a 302 redirect to the login page \/login\.jsp;jsessionid=h:[0-9a-f]{8}\.$/);
    expect(JSON.stringify(result.findings)).not.toContain(newId);
    expect(JSON.stringify(result.story)).not.toContain(newId);
  });

  it('not expired: the same scenario with the request 1 s later carries the sid and nothing is lost', () => {
    const result = trace()
      .get('https://shop.test/', { cookie: '', setCookie: [sid(ID.a, '; Max-Age=2')] })
      .get('https://shop.test/again', { cookie: `sid=${ID.a}`, after: 1000 })
      .analyze();
    expect(resets(result)).toEqual([]);
  });

  it('expired, judged at --now: a sid whose Expires is before --now and that was not sent', () => {
    const result = trace()
      .get('https://shop.test/', {
        cookie: 'theme=dark',
        setCookie: [`sid=${ID.a}; Expires=Wed, 01 Jan 2025 01:00:00 GMT; ${GOOD}`],
      })
      .get('https://shop.test/again', { cookie: 'theme=dark', setCookie: [sid(ID.b)] })
      .analyze({ settings: { now: Date.UTC(2025, 0, 1, 2) } });
    expect(resets(result)).toEqual([{ cookie: 'sid', entry: 1, cause: 'expired' }]);
  });

  it('expired, judged at --now: Max-Age counts from when the cookie was received, not from --now', () => {
    const result = trace()
      .get('https://shop.test/', { cookie: 'theme=dark', setCookie: [sid(ID.a, '; Max-Age=2')] })
      .get('https://shop.test/again', { cookie: 'theme=dark', setCookie: [sid(ID.b)] })
      .analyze({ settings: { now: Date.UTC(2025, 0, 2) } });
    expect(resets(result)).toEqual([{ cookie: 'sid', entry: 1, cause: 'expired' }]);
  });

  it('overwritten: a response to a request that did not carry the sid (a CORS preflight) replaces it', () => {
    const result = trace()
      .get('https://shop.test/', { cookie: '', setCookie: [sid(ID.a)] })
      .request('OPTIONS', 'https://shop.test/api/cart', {
        resourceType: 'other',
        headers: { 'Access-Control-Request-Method': 'PUT', Origin: 'https://shop.test' },
        status: 204,
        setCookie: [sid(ID.b)],
      })
      .analyze();
    expect(resets(result)).toEqual([{ cookie: 'sid', entry: 1, cause: 'overwritten' }]);
  });

  it('cleared-by-script: a cookies.onChanged removal (explicit) of the current sid', () => {
    const result = trace()
      .get('https://shop.test/', { cookie: '', setCookie: [sid(ID.a)] })
      .cookieChanged({ name: 'sid', value: ID.a, domain: 'shop.test', removed: true, cause: 'explicit' })
      .get('https://shop.test/x', { cookie: '', setCookie: [sid(ID.b)] })
      .analyze();
    expect(resets(result)).toEqual([{ cookie: 'sid', entry: 0, cause: 'cleared-by-script' }]);
  });

  it("cleared-by-script: a deletion no response made (expired_overwrite: Chrome's report of document.cookie with Max-Age=0)", () => {
    const result = trace()
      .get('https://shop.test/', { cookie: '', setCookie: [sid(ID.a)] })
      .cookieChanged({ name: 'sid', value: ID.a, domain: 'shop.test', removed: true, cause: 'expired_overwrite' })
      .get('https://shop.test/account', { cookie: '', location: '/login' })
      .analyze();
    expect(resets(result)).toEqual([{ cookie: 'sid', entry: 0, cause: 'cleared-by-script' }]);
  });

  it('cleared-by-script of a cookie set without HttpOnly: the fix says where to look and to mark it HttpOnly', () => {
    const removedBy = (attributes: string) =>
      findingsOf(
        trace()
          .get('https://shop.test/', { cookie: '', setCookie: [`sid=${ID.a}; ${attributes}`] })
          .cookieChanged({ name: 'sid', value: ID.a, domain: 'shop.test', removed: true, cause: 'expired_overwrite' })
          .get('https://shop.test/account', { cookie: '', location: '/login' })
          .analyze(),
        'session-reset',
      )[0];
    expect(removedBy('Path=/; Secure; SameSite=Lax')?.fix).toContain('Mark the session cookie HttpOnly');
    expect(removedBy(GOOD)?.fix).not.toContain('HttpOnly');
  });

  it("a deletion a response's Set-Cookie made, reported after it (expired_overwrite), is that response's", () => {
    const result = trace()
      .get('https://shop.test/', { cookie: '', setCookie: [sid(ID.a)] })
      .get('https://shop.test/bye', { cookie: `sid=${ID.a}`, setCookie: [`sid=; ${GOOD}; Max-Age=0`] })
      .cookieChanged({ name: 'sid', value: ID.a, domain: 'shop.test', removed: true, cause: 'expired_overwrite' })
      .get('https://shop.test/', { cookie: '' })
      .analyze();
    expect(resets(result)).toEqual([{ cookie: 'sid', entry: 1, cause: 'cleared-by-server' }]);
  });

  it('evicted: a cookies.onChanged removal with cause evicted', () => {
    const result = trace()
      .get('https://shop.test/', { cookie: '', setCookie: [sid(ID.a)] })
      .cookieChanged({ name: 'sid', value: ID.a, domain: 'shop.test', removed: true, cause: 'evicted' })
      .get('https://shop.test/x', { cookie: '', setCookie: [sid(ID.b)] })
      .analyze();
    expect(resets(result)).toEqual([{ cookie: 'sid', entry: 0, cause: 'evicted' }]);
  });

  describe("evicted by the jar's own limits, where a HAR reports no eviction", () => {
    /** A page whose answer sets `n` cookies of its own (an A/B-testing script's, written by the server here). */
    const flood = (n: number) => Array.from({ length: n }, (_, i) => `exp_${i}=1; Path=/`);
    /** A login on `host` whose answer sets the session cookie `sid`, not Secure (the pages are http://). */
    const loggedIn = (host: string) =>
      trace().post(`http://${host}/login`, {
        cookie: '',
        form: { user: 'ann', password: 'pw' },
        setCookie: [`sid=${ID.a}; Path=/; HttpOnly`],
      });

    it('a site past the 180 cookies a browser keeps: the least recently used session cookie is evicted there', () => {
      const result = loggedIn('shop.test')
        .get('http://shop.test/', { cookie: `sid=${ID.a}` })
        .get('http://shop.test/promo', { cookie: `sid=${ID.a}`, setCookie: flood(200) })
        .get('http://shop.test/account', { cookie: '', location: '/login' })
        .analyze();
      expect(resets(result)).toEqual([{ cookie: 'sid', entry: 2, cause: 'evicted' }]);
      // The account page, without the cookie, answered as to a client not logged in: the browser lost it too.
      expect(findingsOf(result, 'session-reset')[0]?.severity).toBe('high');
      expect(result.story?.map((s) => [s.kind, s.entry])).toEqual([['lost', 2]]);
      expect(result.story?.[0]?.cause).toContain('the browser evicted the cookie `sid`');
    });

    it("the jar's eviction is a guess: a later request that carries the ID shows the browser still had it", () => {
      // The model keeps every cookie it ever learnt for the site (a HAR shows no script deleting its own), so it may
      // count more than the browser held: a session cookie of another host of the site, unused a while, looks oldest.
      const result = loggedIn('auth.shop.test')
        .get('http://www.shop.test/promo', { cookie: '', setCookie: flood(200) })
        .get('http://auth.shop.test/account', { cookie: `sid=${ID.a}` })
        .analyze();
      expect(resets(result)).toEqual([]);
      const lane = result.facts.lanes.find((l) => l.cookie === 'sid');
      expect(lane?.ids.map((id) => [id.firstEntry, id.lastEntry, id.end])).toEqual([[0, 2, undefined]]);
    });

    it('with nothing after it (no new ID, never carried again), the eviction is only the count: low, and said so', () => {
      const result = loggedIn('auth.shop.test')
        .get('http://www.shop.test/promo', { cookie: '', setCookie: flood(200) })
        .analyze();
      const [reset] = findingsOf(result, 'session-reset');
      expect([reset?.entry, reset?.cause, reset?.severity]).toEqual([1, 'evicted', 'low']);
      expect(reset?.message).toContain("Only the model's count of the site's cookies says so");
    });

    it('within the limit, nothing is evicted', () => {
      const result = loggedIn('shop.test')
        .get('http://shop.test/promo', { cookie: `sid=${ID.a}`, setCookie: flood(150) })
        .get('http://shop.test/account', { cookie: `sid=${ID.a}` })
        .analyze();
      expect(resets(result)).toEqual([]);
    });

    it("a visitor's ID the loss's own answer issued, evicted before any request carried it, only followed that loss", () => {
      const result = loggedIn('shop.test')
        .get('http://shop.test/', { cookie: '', setCookie: [`sid=${ID.b}; Path=/; HttpOnly`] })
        .get('http://shop.test/promo', { cookie: '', setCookie: flood(200) })
        .analyze();
      const found = findingsOf(result, 'session-reset').map((f) => [f.entry, f.cause, f.severity]);
      expect(found).toEqual([
        [1, 'not-sent', 'high'],
        [2, 'evicted', 'info'],
      ]);
    });
  });

  it('a cookies.onChanged removal because a Set-Cookie overwrote it is not a reset', () => {
    const result = trace()
      .get('https://shop.test/', { cookie: '', setCookie: [sid(ID.a)] })
      .cookieChanged({ name: 'sid', value: ID.a, domain: 'shop.test', removed: true, cause: 'overwrite' })
      .get('https://shop.test/x', { cookie: `sid=${ID.a}` })
      .analyze();
    expect(resets(result)).toEqual([]);
  });

  it('a removal event for another value (a stale copy) does not reset the current sid', () => {
    const result = trace()
      .get('https://shop.test/', { cookie: '', setCookie: [sid(ID.a)] })
      .cookieChanged({ name: 'sid', value: ID.c, domain: 'shop.test', removed: true, cause: 'explicit' })
      .get('https://shop.test/x', { cookie: `sid=${ID.a}` })
      .analyze();
    expect(resets(result)).toEqual([]);
  });

  it('periodic rotation (a new ID on every request) is not reported as session-reset', () => {
    const ids = [ID.a, ID.b, ID.c, ID.d, ID.e];
    let scenario = trace().get('https://shop.test/', { cookie: '', setCookie: [sid(ids[0]!)] });
    for (let i = 1; i < ids.length; i++) {
      scenario = scenario.get(`https://shop.test/p${i}`, { cookie: `sid=${ids[i - 1]}`, setCookie: [sid(ids[i]!)] });
    }
    const result = scenario.analyze();
    expect(resets(result)).toEqual([]);
    expect(findingsOf(result, 'session-rotated')).toHaveLength(4);
  });

  it('one lost session among many requests that kept it is still a reset (not a rotation policy)', () => {
    let scenario = trace().get('https://shop.test/', { cookie: '', setCookie: [sid(ID.a)] });
    for (let i = 1; i <= 6; i++) scenario = scenario.get(`https://shop.test/p${i}`, { cookie: `sid=${ID.a}` });
    const result = scenario.get('https://shop.test/p7', { cookie: `sid=${ID.a}`, setCookie: [sid(ID.b)] }).analyze();
    expect(resets(result)).toEqual([{ cookie: 'sid', entry: 7, cause: 'server-rejected' }]);
  });

  it('a session that simply continues is never reset', () => {
    const result = trace()
      .get('https://shop.test/', { cookie: '', setCookie: [sid(ID.a)] })
      .get('https://shop.test/a', { cookie: `sid=${ID.a}` })
      .get('https://shop.test/b', { cookie: `sid=${ID.a}` })
      .analyze();
    expect(resets(result)).toEqual([]);
  });

  it('a login rotates once: an ID its chain had just issued and the next hop replaces was rejected', () => {
    // Two nodes without shared sessions behind a round-robin balancer: every hop of POST → 302 → GET lands on the
    // node that does not know the ID it carries. The login's own replacement is its rotation; the next ones are not.
    const result = trace()
      .get('https://shop.test/login', { cookie: '', setCookie: [sid(ID.a), 'SERVERID=node1; Path=/'] })
      .post('https://shop.test/login', {
        cookie: `sid=${ID.a}; SERVERID=node1`,
        form: { username: 'demo', password: 'pw' },
        location: '/account',
        setCookie: [sid(ID.b), 'SERVERID=node2; Path=/'],
      })
      .get('https://shop.test/account', {
        cookie: `sid=${ID.b}; SERVERID=node2`,
        location: '/login',
        setCookie: [sid(ID.c), 'SERVERID=node1; Path=/'],
      })
      .get('https://shop.test/login', {
        cookie: `sid=${ID.c}; SERVERID=node1`,
        setCookie: [sid(ID.d), 'SERVERID=node2; Path=/'],
      })
      .analyze();
    expect(findingsOf(result, 'session-rotated').map((f) => f.entry)).toEqual([1]);
    expect(resets(result)).toEqual([
      { cookie: 'sid', entry: 2, cause: 'server-rejected' },
      { cookie: 'sid', entry: 3, cause: 'server-rejected' },
    ]);
    // The login's ID lost at its first hop is the loss; the ID that hop's node issued was a visitor's (it answered
    // with the login page), and its loss at the next hop only followed: told as info, no login's.
    expect(findingsOf(result, 'session-reset').map((f) => f.evidence.issuedByLoginAt)).toEqual([1, undefined]);
    expect(findingsOf(result, 'session-reset').map((f) => f.severity)).toEqual(['high', 'info']);
    expect(findingsOf(result, 'session-reset')[0]!.message).toContain('the login did not survive its own redirects');
    expect(findingsOf(result, 'session-reset')[1]!.message).toContain(
      "It was a visitor's ID, issued at entry 2 on the login's redirects by a server that did not know the login's session (that loss is told there)",
    );
    expect(result.story?.filter((s) => s.kind === 'lost').map((s) => s.entry)).toEqual([2]);
    expect(findingsOf(result, 'session-reset').map((f) => f.evidence.backendChanges)).toEqual([
      ['SERVERID: node2 → node1'],
      ['SERVERID: node1 → node2'],
    ]);
    // Every hop switched back-end, the login's own hop too (there the login issued a new ID anyway).
    const switches = findingsOf(result, 'session-backend-switch');
    expect(switches.map((f) => [f.entry, f.evidence.changes])).toEqual([
      [1, ['SERVERID: node1 → node2']],
      [2, ['SERVERID: node2 → node1']],
      [3, ['SERVERID: node1 → node2']],
    ]);
    expect(switches[0]!.message).toContain('issued a new ID there anyway');
    expect(
      result.findings
        .filter((f) => f.severity === 'high' || f.severity === 'medium')
        .map((f) => `${f.rule}@${f.entry}`),
    ).toEqual(['session-reset@2', 'session-backend-switch@2']);
    // The move at the login cost nothing by itself (a new ID there anyway): the move that lost the session tells it.
    expect(switches[0]!.severity).toBe('info');
    expect(switches[0]!.message).toContain('The move at entry 2 lost the session: told there.');
  });

  it('a login whose chain carries the ID from before it, replaced on a hop, is still the login’s rotation', () => {
    const result = trace()
      .get('https://shop.test/login', { cookie: '', setCookie: [sid(ID.a)] })
      .post('https://shop.test/login', {
        cookie: `sid=${ID.a}`,
        form: { username: 'demo', password: 'pw' },
        location: '/account',
      })
      .get('https://shop.test/account', { cookie: `sid=${ID.a}`, setCookie: [sid(ID.b)] })
      .analyze();
    expect(resets(result)).toEqual([]);
    expect(findingsOf(result, 'session-rotated').map((f) => f.entry)).toEqual([2]);
  });
});

describe('session-reset of a cookie whose Path leaves out the login and the home page', () => {
  // PHP's `session.cookie_path=/accounts/`, Rails' `path:`: every request outside the Path goes without the cookie,
  // and the server answers each with a new session under the same Path, replacing the one the browser held.
  const SID = (id: string) => `sid=${id}; Path=/accounts/; Secure; HttpOnly; SameSite=Lax`;
  const FORM = { username: 'ann', password: 'pw' };
  const scenario = (then: 'home' | 'refused login') =>
    trace()
      .get('https://shop.test/accounts/', { cookie: '', setCookie: [SID(ID.a)] })
      // The login, outside the Path: the visitor's ID held back, the answer issues the user's session.
      .post('https://shop.test/login', { cookie: '', form: FORM, location: '/accounts/', setCookie: [SID(ID.b)] })
      .get('https://shop.test/accounts/', { cookie: `sid=${ID.b}` })
      // Home, outside the Path: a visitor's session replaces the user's.
      .get('https://shop.test/', { cookie: '', setCookie: [SID(ID.c)] })
      .get('https://shop.test/accounts/', { cookie: `sid=${ID.c}`, location: '/login' })
      .request(
        then === 'home' ? 'GET' : 'POST',
        then === 'home' ? 'https://shop.test/' : 'https://shop.test/login',
        then === 'home'
          ? { cookie: '', setCookie: [SID(ID.d)] }
          : { cookie: '', form: FORM, status: 419, setCookie: [SID(ID.d)] },
      )
      .analyze();

  it("the login's own request going without the visitor's ID loses nothing; home loses the user's; again, a visitor's: told once", () => {
    const result = scenario('home');
    expect(lossesRaised(result)).toEqual([
      [1, 'not-sent', 'info'],
      [3, 'not-sent', 'alarm'],
      [5, 'not-sent', 'info'],
    ]);
    const [atLogin, , again] = findingsOf(result, 'session-reset');
    expect(atLogin!.message).toContain("this request was the login, whose answer started the user's session");
    expect(again!.message).toContain('lost the way the one at entry 3 was');
    // The not-sent facts of the told-again loss and of the login are not raised again.
    expect(findingsOf(result, 'session-not-sent').map((f) => f.entry)).toEqual([3]);
  });

  it("the login's redirect landing outside the Path: its hop issues a visitor's ID, whose loss later is told once", () => {
    const result = trace()
      .get('https://shop.test/accounts/', { cookie: '', setCookie: [SID(ID.a)] })
      .post('https://shop.test/login', { cookie: '', form: FORM, location: '/', setCookie: [SID(ID.b)] })
      // The login's redirect hop goes without the login's cookie: the visitor's ID it is given is no login's.
      .get('https://shop.test/', { cookie: '', setCookie: [SID(ID.c)] })
      .get('https://shop.test/accounts/', { cookie: `sid=${ID.c}`, location: '/login' })
      .get('https://shop.test/', { cookie: '', setCookie: [SID(ID.d)] })
      .analyze();
    expect(lossesRaised(result)).toEqual([
      [1, 'not-sent', 'info'],
      [2, 'not-sent', 'alarm'],
      [4, 'not-sent', 'info'],
    ]);
    // The visitor's ID answered with the login page is no session rejected.
    expect(findingsOf(result, 'session-rejected')).toEqual([]);
  });

  it('a visitor ID lost again at a login refused for want of it (419) is a consequence of its own, raised', () => {
    expect(lossesRaised(scenario('refused login'))).toEqual([
      [1, 'not-sent', 'info'],
      [3, 'not-sent', 'alarm'],
      [5, 'not-sent', 'alarm'],
    ]);
  });
});

describe("session-reset of a visitor's ID before the login, lost the way the user's session is after it", () => {
  // A consent script on home, or a Path that leaves home out, loses the visitor's ID before the login and the
  // user's after it: the user's loss is the one raised, the visitor's told as info pointing to it.
  const SID = (id: string) => `sid=${id}; Path=/accounts/; Secure; HttpOnly; SameSite=Lax`;
  const FORM = { username: 'ann', password: 'pw' };
  const scenario = (after: 'home' | 'server forgets' | 'nothing') => {
    const t = trace()
      .get('https://shop.test/accounts/', { cookie: '', setCookie: [SID(ID.a)] })
      // Home, outside the Path: the visitor's ID held back, a new one issued in its place.
      .get('https://shop.test/', { cookie: '', setCookie: [SID(ID.b)] })
      .post('https://shop.test/accounts/login', {
        cookie: `sid=${ID.b}`,
        form: FORM,
        location: '/accounts/',
        setCookie: [SID(ID.c)],
      })
      .get('https://shop.test/accounts/', { cookie: `sid=${ID.c}` });
    if (after === 'home') t.get('https://shop.test/', { cookie: '', setCookie: [SID(ID.d)] });
    if (after === 'server forgets')
      t.get('https://shop.test/accounts/', { cookie: `sid=${ID.c}`, setCookie: [SID(ID.d)] });
    return t.analyze();
  };

  it("the user's loss at home is raised; the visitor's at home before the login is told as info, pointing to it", () => {
    const result = scenario('home');
    expect(lossesRaised(result)).toEqual([
      [1, 'not-sent', 'info'],
      [4, 'not-sent', 'alarm'],
    ]);
    expect(findingsOf(result, 'session-reset')[0]!.message).toContain(
      "It was a visitor's ID (no login issued it), lost the way the logged-in session was at entry 4",
    );
    expect(findingsOf(result, 'session-not-sent').map((f) => f.entry)).toEqual([4]);
  });

  it("a later loss that made a login fail (419) tells the visitor's loss before it the same way", () => {
    const result = trace()
      .get('https://shop.test/accounts/', { cookie: '', setCookie: [SID(ID.a)] })
      .get('https://shop.test/', { cookie: '', setCookie: [SID(ID.b)] })
      .post('https://shop.test/login', { cookie: '', form: FORM, status: 419, setCookie: [SID(ID.c)] })
      .analyze();
    expect(lossesRaised(result)).toEqual([
      [1, 'not-sent', 'info'],
      [2, 'not-sent', 'alarm'],
    ]);
    expect(findingsOf(result, 'session-reset')[0]!.message).toContain(
      'lost the way the next one was at entry 2, where that loss made the login fail',
    );
  });

  it("without a later loss of the user's session the visitor's loss stays raised: nothing else tells its cause", () => {
    expect(lossesRaised(scenario('nothing'))).toEqual([[1, 'not-sent', 'alarm']]);
  });

  it("a later loss of another cause tells nothing of the visitor's: both raised", () => {
    expect(lossesRaised(scenario('server forgets'))).toEqual([
      [1, 'not-sent', 'alarm'],
      [4, 'server-rejected', 'alarm'],
    ]);
  });
});

describe("session-not-sent of a visitor's ID that expired before the login, as the user's did after it", () => {
  // Expired is raised wherever it happens (not only where it cost a session): the visitor's expiry before the
  // login, told as info by session-reset, is not raised beside the user's.
  const SID = (id: string) => `sid=${id}; Path=/; Max-Age=60; Secure; HttpOnly; SameSite=Lax`;
  it("raises the user's expiry alone; the visitor's is session-reset's info", () => {
    const result = trace()
      .get('https://shop.test/', { cookie: '', setCookie: [SID(ID.a)] })
      .wait(120_000)
      .get('https://shop.test/', { cookie: '', setCookie: [SID(ID.b)] })
      .post('https://shop.test/login', {
        cookie: `sid=${ID.b}`,
        form: { username: 'ann', password: 'pw' },
        location: '/',
        setCookie: [SID(ID.c)],
      })
      .get('https://shop.test/', { cookie: `sid=${ID.c}` })
      .wait(120_000)
      .get('https://shop.test/', { cookie: '', setCookie: [SID(ID.d)] })
      .analyze();
    expect(lossesRaised(result)).toEqual([
      [1, 'expired', 'info'],
      [4, 'expired', 'alarm'],
    ]);
    expect(findingsOf(result, 'session-not-sent').map((f) => [f.entry, f.reason])).toEqual([[4, 'Expired']]);
  });
});

describe("session-reset of a visitor's ID at each move between servers that do not share sessions", () => {
  // A balancer that moves the client at every request, nodes without a shared store: each node renews the visitor's
  // ID it does not know. The first loss tells the cause; the repeats are told as info.
  const move = (t: ReturnType<typeof trace>, from: [string, string], to: [string, string], path: string) =>
    t.get(`https://shop.test${path}`, {
      cookie: `sid=${from[0]}; SERVERID=${from[1]}`,
      setCookie: [sid(to[0]), `SERVERID=${to[1]}; Path=/`],
    });

  it("the first move raises the loss; each later move of a visitor's ID repeats it", () => {
    let t = trace().get('https://shop.test/', { cookie: '', setCookie: [sid(ID.a), 'SERVERID=node1; Path=/'] });
    t = move(t, [ID.a, 'node1'], [ID.b, 'node2'], '/a');
    t = move(t, [ID.b, 'node2'], [ID.c, 'node1'], '/b');
    t = move(t, [ID.c, 'node1'], [ID.d, 'node2'], '/c');
    const result = t.analyze();
    expect(lossesRaised(result)).toEqual([
      [1, 'server-rejected', 'alarm'],
      [2, 'server-rejected', 'info'],
      [3, 'server-rejected', 'info'],
    ]);
    expect(findingsOf(result, 'session-reset')[2]!.message).toContain('lost the way the one at entry 1 was');
  });

  it('a server-side loss without a move is no repeat of a move: both raised', () => {
    let t = trace().get('https://shop.test/', { cookie: '', setCookie: [sid(ID.a), 'SERVERID=node1; Path=/'] });
    t = move(t, [ID.a, 'node1'], [ID.b, 'node2'], '/a');
    t = move(t, [ID.b, 'node2'], [ID.c, 'node2'], '/b');
    expect(lossesRaised(t.analyze())).toEqual([
      [1, 'server-rejected', 'alarm'],
      [2, 'server-rejected', 'alarm'],
    ]);
  });
});

describe('session-reset by a deletion that found the cookie only as the jar guessed its scope', () => {
  // A Charles recording of people.bytedance.net (audit 11): `people-session-7` only ever carried, never set, and answers
  // deleting it with `domain=people.bytedance.net`, while every later request carried the same value: the browser's
  // cookie had another scope, which the deletion missed. It was told as a loss whose new ID was the lost one.
  const carried = `sid=${ID.a}`;
  const deletion = 'sid=; expires=Tue, 21 Feb 2012 06:07:05 GMT; domain=app.shop.test; path=/; HttpOnly';
  const deletedAt = () =>
    trace()
      .get('https://app.shop.test/', { cookie: carried })
      .get('https://app.shop.test/api/todo', { cookie: carried, setCookie: [deletion] });

  it('is undone by a later request that carries the ID: the browser still had it', () => {
    const kept = deletedAt().get('https://app.shop.test/api/list', { cookie: carried }).analyze();
    expect(findingsOf(kept, 'session-reset')).toEqual([]);
    expect(kept.sessions.find((s) => s.cookie === 'sid')?.ids.map((i) => [i.firstEntry, i.lastEntry])).toEqual([
      [0, 2],
    ]);
  });

  it('stands where no later request carries it', () => {
    const gone = deletedAt().get('https://app.shop.test/api/list', { cookie: '' }).analyze();
    expect(findingsOf(gone, 'session-reset').map((f) => [f.entry, f.cause])).toEqual([[1, 'cleared-by-server']]);
  });
});
