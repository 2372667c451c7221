// session-not-sent: a session cookie the jar held for the request was not sent, with the one reason why.
// Reasons that always matter are reported once per ID; benign-looking ones (NotOnPath, DomainMismatch,
// Unknown) only when the request then lost the session, was refused, or was answered as a visitor is.
import { describe, expect, it } from 'vitest';
import { findingsOf, GOOD, ID, trace } from '../../../test/helpers/traceBuilder.ts';
import { analyzeTrace } from '../analysis/analyze.ts';
import { parseHar } from '../har/har.ts';

describe('session-not-sent', () => {
  it('a Secure sid followed by an http:// link → session-not-sent SecureOnly', () => {
    const result = trace()
      .get('https://shop.test/', { cookie: '', setCookie: [`sid=${ID.a}; ${GOOD}`] })
      .get('http://shop.test/catalogue', { cookie: '' })
      .analyze();
    const found = findingsOf(result, 'session-not-sent');
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({
      cookie: 'sid',
      entry: 1,
      reason: 'SecureOnly',
      severity: 'medium', // a name alone makes the cookie `likely`: at most medium (RULES.md)
      origin: 'https://shop.test',
      url: 'http://shop.test/catalogue',
    });
    expect(result.requests[1]!.notSent).toEqual([
      { name: 'sid', domain: 'shop.test', path: '/', reason: 'SecureOnly' },
    ]);
  });

  it('the same cookie kept back for the same reason twice is reported once', () => {
    const result = trace()
      .get('https://shop.test/', { cookie: '', setCookie: [`sid=${ID.a}; ${GOOD}`] })
      .get('http://shop.test/a', { cookie: '' })
      .get('http://shop.test/b', { cookie: '' })
      .analyze();
    expect(findingsOf(result, 'session-not-sent').map((f) => f.entry)).toEqual([1]);
  });

  it('a SameSite=Strict sid on a link from another site → SameSiteStrict', () => {
    const result = trace()
      .get('https://shop.test/', { cookie: '', setCookie: [`sid=${ID.a}; Path=/; Secure; HttpOnly; SameSite=Strict`] })
      .get('https://shop.test/landing', { cookie: '', initiatorUrl: 'https://other.test/' })
      .analyze();
    expect(findingsOf(result, 'session-not-sent').map((f) => [f.cookie, f.entry, f.reason])).toEqual([
      ['sid', 1, 'SameSiteStrict'],
    ]);
  });

  it('a Strict companion held back where its Lax twin carried the same ID: the session went, nothing to report', () => {
    // GitHub's __Host-user_session_same_site: a SameSite=Strict copy of user_session (Lax), absent on a cross-site
    // navigation by design, so the server tells a same-site request from another site's. The ID reached the server.
    const both = [
      `user_session=${ID.a}; Path=/; Secure; HttpOnly; SameSite=Lax`,
      `__Host-user_session_same_site=${ID.a}; Path=/; Secure; HttpOnly; SameSite=Strict`,
    ];
    const twin = (lax: string) =>
      trace()
        .get('https://shop.test/', { cookie: '', setCookie: both })
        .get('https://shop.test/landing', { cookie: `user_session=${lax}`, initiatorUrl: 'https://other.test/' })
        .analyze();
    expect(findingsOf(twin(ID.a), 'session-not-sent')).toEqual([]);
    expect(twin(ID.a).requests[1]!.notSent.map((n) => [n.name, n.reason])).toEqual([
      ['__Host-user_session_same_site', 'SameSiteStrict'],
    ]);
    // Another ID under the Lax name is no twin: the Strict cookie's session did not go.
    expect(findingsOf(twin(ID.b), 'session-not-sent').map((f) => [f.cookie, f.reason])).toContainEqual([
      '__Host-user_session_same_site',
      'SameSiteStrict',
    ]);
  });

  it('the ID a request went without, written back as it was by its answer, is no loss: the server still knew it', () => {
    // GitHub writes its Strict companion back on every answer; on a navigation from another site it got the ID
    // through the Lax twin, and wrote the same ID back. Judged at a clock that expires both (--now years later), the
    // companion went as Expired, and its answer's copy was read as a new session replacing the "lost" one.
    const both = (value: string) => [
      `user_session=${value}; Path=/; Secure; HttpOnly; SameSite=Lax; Max-Age=1209600`,
      `__Host-user_session_same_site=${value}; Path=/; Secure; HttpOnly; SameSite=Strict; Max-Age=1209600`,
    ];
    const result = trace()
      .get('https://shop.test/', { cookie: '', setCookie: both(ID.a) })
      .get('https://shop.test/landing', {
        cookie: `user_session=${ID.a}`,
        initiatorUrl: 'https://other.test/',
        setCookie: both(ID.a),
      })
      .get('https://shop.test/next', { cookie: `user_session=${ID.a}; __Host-user_session_same_site=${ID.a}` })
      .analyze({ settings: { now: Date.parse('2031-01-01T00:00:00Z') } });
    const companion = result.sessions.find((s) => s.cookie === '__Host-user_session_same_site');
    expect(companion?.ids.map((id) => id.endedBy)).toEqual([undefined]);
    expect(findingsOf(result, 'session-reset')).toEqual([]);
    // The companion went without its ID (Expired at that clock), while the Lax twin carried the same ID.
    expect(result.requests[1]!.notSent.map((n) => [n.name, n.reason])).toEqual([
      ['__Host-user_session_same_site', 'Expired'],
    ]);
    expect(findingsOf(result, 'session-not-sent')).toEqual([]);
  });

  it('a Strict session lost on a link from another site, and the visitor ID its answer issued held back on the next hop: one loss', () => {
    // PHP's and Laravel's account page answer the request without the session with a new visitor ID and a redirect
    // to the login page; that hop is still the cross-site navigation, so the new ID is held back too, and another
    // issued. Only the first loss is the user's; the visitor ID was never carried.
    const strict = (id: string) => `sid=${id}; Path=/; Secure; HttpOnly; SameSite=Strict`;
    const result = trace()
      .post('https://shop.test/login', { cookie: '', form: { user: 'ann', password: 'pw' }, setCookie: [strict(ID.a)] })
      .get('https://shop.test/', { cookie: `sid=${ID.a}` })
      .get('https://shop.test/account', {
        cookie: '',
        initiatorUrl: 'https://other.test/',
        location: '/login',
        setCookie: [strict(ID.b)],
      })
      .get('https://shop.test/login', { cookie: '', initiatorUrl: 'https://other.test/', setCookie: [strict(ID.c)] })
      .get('https://shop.test/account', { cookie: `sid=${ID.c}`, location: '/login' })
      .analyze();
    expect(findingsOf(result, 'session-not-sent').map((f) => [f.entry, f.reason, f.severity])).toEqual([
      [2, 'SameSiteStrict', 'high'],
    ]);
    expect(findingsOf(result, 'session-reset').map((f) => [f.entry, f.cause, f.severity])).toEqual([
      [2, 'not-sent', 'high'],
      [3, 'not-sent', 'info'],
    ]);
    expect(findingsOf(result, 'session-reset')[1]!.message).toContain('no request ever carried it: no more was lost');
    expect(result.story?.map((s) => [s.kind, s.entry])).toEqual([['lost', 2]]);
    // The attribute keeps its capital where the story quotes the reason after a dash.
    expect(result.story?.[0]?.steps.join('\n')).toContain(
      'SameSiteStrict — SameSite=Strict and the request is cross-site',
    );
  });

  it('a Strict session held back on a request of unknown site: the reason is deduced, and the finding says so', () => {
    const strict = `sid=${ID.a}; Path=/; Secure; HttpOnly; SameSite=Strict`;
    const lost = (from: { initiatorUrl?: string; siteContext?: 'unknown' }) =>
      trace()
        .post('https://shop.test/login', { cookie: '', form: { user: 'ann', password: 'pw' }, setCookie: [strict] })
        .get('https://shop.test/', { cookie: `sid=${ID.a}`, initiatorUrl: 'https://shop.test/login' })
        .get('https://shop.test/account', { cookie: '', location: '/login', ...from })
        .analyze();
    const deducedText = 'The recording does not say where the request came from';
    const unknownSite = lost({ siteContext: 'unknown' });
    const [deduced] = findingsOf(unknownSite, 'session-not-sent');
    expect([deduced?.entry, deduced?.reason]).toEqual([2, 'SameSiteStrict']);
    expect(deduced?.message).toContain(deducedText);
    expect(unknownSite.story?.[0]?.steps.join('\n')).toContain(deducedText);
    expect(unknownSite.facts.requests[2]?.notSent.map((n) => [n.name, n.siteDeduced])).toEqual([['sid', true]]);
    // From a page of another site, as the recording says: no deduction to tell.
    const [known] = findingsOf(lost({ initiatorUrl: 'https://other.test/' }), 'session-not-sent');
    expect(known?.reason).toBe('SameSiteStrict');
    expect(known?.message).not.toContain(deducedText);
  });

  it('a SameSite=Lax sid on a form POST from another site → SameSiteLax', () => {
    const result = trace()
      .get('https://shop.test/', { cookie: '', setCookie: [`sid=${ID.a}; ${GOOD}`] })
      .post('https://shop.test/order', { cookie: '', form: { item: '1' }, initiatorUrl: 'https://other.test/' })
      .analyze();
    expect(findingsOf(result, 'session-not-sent').map((f) => [f.cookie, f.entry, f.reason])).toEqual([
      ['sid', 1, 'SameSiteLax'],
    ]);
  });

  it('a sid without SameSite, older than two minutes, on a cross-site POST → SameSiteUnspecifiedTreatedAsLax', () => {
    const result = trace()
      .get('https://shop.test/', { cookie: '', setCookie: [`sid=${ID.a}; Path=/; Secure; HttpOnly`] })
      .post('https://shop.test/order', {
        cookie: '',
        form: { item: '1' },
        initiatorUrl: 'https://other.test/',
        after: 3 * 60_000,
      })
      .analyze();
    expect(findingsOf(result, 'session-not-sent').map((f) => [f.cookie, f.entry, f.reason])).toEqual([
      ['sid', 1, 'SameSiteUnspecifiedTreatedAsLax'],
    ]);
  });

  it('a SameSite=Lax sid on a cross-site top-level GET is sent: nothing to report', () => {
    const result = trace()
      .get('https://shop.test/', { cookie: '', setCookie: [`sid=${ID.a}; ${GOOD}`] })
      .get('https://shop.test/landing', { cookie: `sid=${ID.a}`, initiatorUrl: 'https://other.test/' })
      .analyze();
    expect(findingsOf(result, 'session-not-sent')).toEqual([]);
    expect(result.requests[1]!.notSent).toEqual([]);
  });

  it('a sid whose Max-Age passed → session-not-sent Expired', () => {
    const result = trace()
      .get('https://shop.test/', { cookie: '', setCookie: [`sid=${ID.a}; Max-Age=2; ${GOOD}`] })
      .get('https://shop.test/again', { cookie: '', after: 3000 })
      .analyze();
    expect(findingsOf(result, 'session-not-sent').map((f) => [f.cookie, f.entry, f.reason])).toEqual([
      ['sid', 1, 'Expired'],
    ]);
  });

  it('a sid on another Path is not reported for a request that succeeded without it', () => {
    const result = trace()
      .get('https://shop.test/app/', {
        cookie: '',
        setCookie: [`sid=${ID.a}; Path=/app; Secure; HttpOnly; SameSite=Lax`],
      })
      .get('https://shop.test/help', { cookie: '' })
      .analyze();
    expect(result.requests[1]!.notSent.map((n) => n.reason)).toEqual(['NotOnPath']);
    expect(findingsOf(result, 'session-not-sent')).toEqual([]);
  });

  it('a sid on another Path is reported (NotOnPath) when the request without it was refused with 401', () => {
    const result = trace()
      .get('https://shop.test/app/', {
        cookie: '',
        setCookie: [`sid=${ID.a}; Path=/app; Secure; HttpOnly; SameSite=Lax`],
      })
      .get('https://shop.test/api/orders', { cookie: '', status: 401 })
      .analyze();
    expect(findingsOf(result, 'session-not-sent').map((f) => [f.cookie, f.entry, f.reason])).toEqual([
      ['sid', 1, 'NotOnPath'],
    ]);
  });

  it('a beacon refused by another host (a ping answered 403) says nothing of the session: not reported', () => {
    // A real github.com recording: collector.github.com answered the page's pings 403; _gh_sess is github.com's own.
    const beacon = (resourceType: 'ping' | 'xhr') =>
      trace()
        .get('https://code.test/', { cookie: '', setCookie: [`sid=${ID.a}; ${GOOD}`] })
        .post('https://collector.code.test/collect', { cookie: '', status: 403, resourceType })
        .analyze();
    expect(findingsOf(beacon('ping'), 'session-not-sent')).toEqual([]);
    // A call the page reads, refused without the cookie, still is.
    expect(findingsOf(beacon('xhr'), 'session-not-sent').map((f) => [f.entry, f.reason])).toEqual([
      [1, 'DomainMismatch'],
    ]);
  });

  it('a host-only sid on a sibling host that then issues its own session → DomainMismatch, linked to the reset', () => {
    const result = trace()
      .get('https://shop.test/', { cookie: '', setCookie: [`sid=${ID.a}; ${GOOD}`] })
      .get('https://www.shop.test/', { cookie: '', setCookie: [`sid=${ID.b}; Domain=shop.test; ${GOOD}`] })
      .analyze();
    const notSent = findingsOf(result, 'session-not-sent');
    expect(notSent.map((f) => [f.cookie, f.entry, f.reason])).toEqual([['sid', 1, 'DomainMismatch']]);
    const reset = findingsOf(result, 'session-reset')[0]!;
    expect(reset.related?.map((i) => result.findings[i]!.rule)).toEqual(['session-not-sent']);
  });

  describe('answered as a visitor is: a page that needed the session it did not get', () => {
    const SID_PATH = `sid=${ID.a}; Path=/accounts/; Secure; HttpOnly; SameSite=Lax`;
    const notSent = (result: ReturnType<ReturnType<typeof trace>['analyze']>) =>
      findingsOf(result, 'session-not-sent').map((f) => [f.entry, f.reason, f.evidence.answeredAsVisitor]);

    it('a host-only sid of www, the user on the bare host: a session of its own started there (DomainMismatch)', () => {
      const result = trace()
        .get('https://www.shop.test/', { cookie: '', setCookie: [`sid=${ID.a}; ${GOOD}`] })
        .get('https://shop.test/account', { cookie: '', setCookie: [`sid=${ID.b}; ${GOOD}`] })
        .analyze();
      expect(notSent(result)).toEqual([[1, 'DomainMismatch', 'new-session']]);
      expect(findingsOf(result, 'session-not-sent')[0]!.message).toContain('answered as to a visitor');
      expect(result.story?.[0]?.cause).toContain('answered as to a visitor');
    });

    it('not for a host-only cookie whose Path leaves out the page too: its own host would not send it there either', () => {
      // A real alipay.com page: auth.alipay.com's JSESSIONID (Path defaulted to /login), then a captcha service on
      // omeo.alipay.com that starts its own JSESSIONID: that application's session, no loss of the login host's.
      const other = (path: string) =>
        trace()
          .get('https://auth.shop.test/login/home', { cookie: '', setCookie: [`JSESSIONID=${ID.a}; Path=${path}`] })
          .get('https://captcha.shop.test/service/check', { cookie: '', setCookie: [`JSESSIONID=${ID.b}; Path=/`] })
          .analyze();
      expect(notSent(other('/login'))).toEqual([]);
      // The cookie's Path covers the page: the same application under a second host name, raised.
      expect(notSent(other('/'))).toEqual([[1, 'DomainMismatch', 'new-session']]);
    });

    it('not on the login host the cookie host sent the browser to, with its own address to come back to', () => {
      // A real single sign-on (Fiddler): office.chaoxing.com's host-only JSESSIONID, a redirect to
      // passport2.chaoxing.com/wlogin?refer=https://office…, answered with its login page; then back, with the cookie.
      const sso = (back: string) =>
        trace()
          .get('https://office.shop.test/app/index', {
            cookie: '',
            setCookie: [`JSESSIONID=${ID.a}; Path=/`],
            status: 302,
            location: `https://passport.shop.test/wlogin?refer=${encodeURIComponent(back)}`,
          })
          .get(`https://passport.shop.test/wlogin?refer=${encodeURIComponent(back)}`, {
            cookie: '',
            status: 302,
            location: 'https://passport.shop.test/login',
          })
          .analyze();
      expect(notSent(sso('https://office.shop.test/app/index'))).toEqual([]);
      // Sent back to another host than the cookie's: the login host's answer is told as before.
      expect(notSent(sso('https://www.shop.test/'))).toEqual([[1, 'DomainMismatch', 'logged-out']]);
    });

    it("not on another application's host: another server (port) where the user signs in of its own", () => {
      // www's host-only sid, then the admin project on admin.shop.test:8443: its own session, then its own login.
      const neighbour = (login: boolean, admin = 'https://admin.shop.test:8443') => {
        const t = trace()
          .get('https://www.shop.test/', { cookie: '', setCookie: [`sid=${ID.a}; ${GOOD}`] })
          .get(`${admin}/`, { cookie: '', setCookie: [`sid=${ID.b}; Domain=shop.test; ${GOOD}`] });
        if (login)
          t.post(`${admin}/login`, {
            cookie: `sid=${ID.b}`,
            form: { username: 'ann', password: 'x' },
            setCookie: [`sid=${ID.c}; Domain=shop.test; ${GOOD}`],
            location: '/',
          });
        return t.analyze();
      };
      const apart = neighbour(true);
      expect(notSent(apart)).toEqual([]);
      // The story of admin's own cookie (its broad Domain) says what the request carried of that cookie: none. www's,
      // held back, is another cookie.
      const [admin] = apart.story ?? [];
      expect(admin).toMatchObject({ entry: 1 });
      expect(admin!.steps).toContain('Browser: sent no `sid`.');
      // No login of its own there: the same application under a second name, where the user expected the session.
      expect(notSent(neighbour(false))).toEqual([[1, 'DomainMismatch', 'new-session']]);
      // The same server (port) under a second name, where the user had to sign in again: the symptom, raised.
      expect(notSent(neighbour(true, 'https://admin.shop.test'))).toEqual([[1, 'DomainMismatch', 'new-session']]);
    });

    it('a Path that leaves out a page, which redirects to the login page (NotOnPath)', () => {
      const result = trace()
        .get('https://shop.test/accounts/', { cookie: '', setCookie: [SID_PATH] })
        .get('https://shop.test/orders', { cookie: '', location: '/accounts/login' })
        .analyze();
      expect(notSent(result)).toEqual([[1, 'NotOnPath', 'logged-out']]);
      // The answer itself, in the message, the evidence and the story's Server line.
      const [finding] = findingsOf(result, 'session-not-sent');
      expect(finding!.message).toContain(
        'The server answered as to a visitor, with a 302 redirect to the login page /accounts/login.',
      );
      expect(finding!.evidence.loginPage).toBe('https://shop.test/accounts/login');
      expect(result.story?.[0]?.steps).toContain(
        'Server: answered 302, as to a client not logged in (a redirect to the login page /accounts/login), with no new ID.',
      );
    });

    it('not the login page itself, opened by its address, outside the Path (what the user asked for)', () => {
      const result = trace()
        .get('https://shop.test/accounts/', { cookie: '', setCookie: [SID_PATH] })
        .get('https://shop.test/login', { cookie: '', loginForm: true })
        .analyze();
      expect(result.requests[1]!.notSent.map((n) => n.reason)).toEqual(['NotOnPath']);
      expect(notSent(result)).toEqual([]);
    });

    it('not where the request carried a cookie of that name (another Path of the same session: WordPress)', () => {
      const result = trace()
        .get('https://shop.test/wp-admin/', {
          cookie: '',
          setCookie: [`sid=${ID.a}; Path=/wp-admin; Secure; HttpOnly`, `sid=${ID.a}; Path=/plugins; Secure; HttpOnly`],
        })
        .get('https://shop.test/wp-admin/profile', { cookie: `sid=${ID.a}`, location: '/wp-login.php' })
        .analyze();
      expect(result.requests[1]!.notSent.map((n) => n.reason)).toEqual(['NotOnPath']);
      expect(notSent(result)).toEqual([]);
    });
  });

  it('a cookie that is not a session cookie is never reported', () => {
    const result = trace()
      .get('https://shop.test/', { cookie: '', setCookie: ['theme=dark; Path=/; Secure'] })
      .get('http://shop.test/x', { cookie: '' })
      .analyze();
    expect(result.requests[1]!.notSent.map((n) => [n.name, n.reason])).toEqual([['theme', 'SecureOnly']]);
    expect(findingsOf(result, 'session-not-sent')).toEqual([]);
  });

  it('a sid the browser sent is not reported', () => {
    const result = trace()
      .get('https://shop.test/', { cookie: '', setCookie: [`sid=${ID.a}; ${GOOD}`] })
      .get('https://shop.test/x', { cookie: `sid=${ID.a}` })
      .analyze();
    expect(findingsOf(result, 'session-not-sent')).toEqual([]);
  });

  describe('a script request to another origin that carried no cookie (made without credentials)', () => {
    const withApiCall = (api: { url: string; resourceType: 'fetch' | 'image'; cookie: string; referer?: string }) =>
      trace()
        .post('https://app.example.com/login', {
          cookie: '',
          form: { username: 'ann', password: 'hunter2' },
          location: '/',
          setCookie: [`sid=${ID.a}; Domain=example.com; ${GOOD}`],
        })
        .get('https://app.example.com/', { cookie: `sid=${ID.a}` })
        .get(api.url, {
          cookie: api.cookie,
          resourceType: api.resourceType,
          headers: api.referer ? { Referer: api.referer } : {},
          status: 401,
        })
        .analyze();

    it('is Unknown to the browser, and the finding says what fetch() needs to send cookies there', () => {
      const [found] = findingsOf(
        withApiCall({
          url: 'https://api.example.com/v1/me',
          resourceType: 'fetch',
          cookie: '',
          referer: 'https://app.example.com/',
        }),
        'session-not-sent',
      );
      expect(found?.reason).toBe('Unknown');
      expect(found?.message).toContain(
        "The page's script asked another origin (from https://app.example.com) and the request carried no cookie at all",
      );
      expect(found?.fix).toContain("credentials: 'include'");
    });

    it('says nothing of credentials for a request to its own page origin, one that carried cookies, or an image', () => {
      const cases = [
        {
          url: 'https://app.example.com/api/me',
          resourceType: 'fetch',
          cookie: '',
          referer: 'https://app.example.com/',
        },
        {
          url: 'https://api.example.com/v1/me',
          resourceType: 'fetch',
          cookie: 'lang=en',
          referer: 'https://app.example.com/',
        },
        {
          url: 'https://api.example.com/v1/me.png',
          resourceType: 'image',
          cookie: '',
          referer: 'https://app.example.com/',
        },
      ] as const;
      for (const api of cases) {
        const found = findingsOf(withApiCall(api), 'session-not-sent');
        expect(
          found.map((f) => f.reason),
          api.url,
        ).toEqual(['Unknown']);
        expect(found[0]?.message, api.url).not.toContain('credentials');
      }
    });
  });

  describe('a cookie the model says must go, missing from a page request for no reason the browser reports', () => {
    const lost = (attributes: string) =>
      trace()
        .get('https://shop.test/', { cookie: '', setCookie: [`sid=${ID.a}; ${attributes}`] })
        .get('https://shop.test/account', { cookie: '', location: '/login' })
        .get('https://shop.test/login', { cookie: '' })
        .analyze();

    it('not HttpOnly: a page script may have deleted it, and the fix says where to look', () => {
      const [found] = findingsOf(lost('Path=/; Secure; SameSite=Lax'), 'session-not-sent');
      expect(found?.reason).toBe('Unknown');
      expect(found?.message).toContain('It is not HttpOnly, so a page script can delete it');
      expect(found?.fix).toContain("search the pages' scripts for document.cookie");
    });

    it('in a request that carried as many cookies as a browser keeps for a site: most likely evicted', () => {
      const many = Array.from({ length: 160 }, (_, i) => `x${i}=1`).join('; ');
      const [found] = findingsOf(
        trace()
          .get('https://shop.test/', { cookie: '', setCookie: [`sid=${ID.a}; Path=/; Secure; SameSite=Lax`] })
          .get('https://shop.test/account', { cookie: many, location: '/login' })
          .get('https://shop.test/login', { cookie: many })
          .analyze(),
        'session-not-sent',
      );
      expect(found?.reason).toBe('Unknown');
      expect(found?.message).toContain('The request carried 160 cookies, as many as a browser keeps for one site');
      expect(found?.message).not.toContain('a page script can delete it');
      expect(found?.fix).toContain('Set fewer cookies on this site');
    });

    it('from a client that is no browser: no SameSite verdict, and the finding says what such a client sends', () => {
      // A test harness through a proxy (ZAP's HAR of OWASP Benchmark runs): Apache HttpClient keeps no cookie, so the
      // Strict session cookie it was given is missing from its next request, which no SameSite rule explains.
      const har = (userAgent: string) =>
        JSON.stringify({
          log: {
            version: '1.2',
            creator: { name: 'OWASP ZAP', version: '2.12.0' },
            entries: [
              { setCookie: `sid=${ID.a}; Path=/; Secure; HttpOnly; SameSite=Strict` },
              { setCookie: `sid=${ID.b}; Path=/; Secure; HttpOnly; SameSite=Strict` },
              // The file does show cookies sent (else it reads as a recorder that strips them).
              { cookie: `sid=${ID.b}` },
            ].map((step, i) => ({
              startedDateTime: new Date(Date.UTC(2026, 0, 1, 0, 0, i)).toISOString(),
              time: 10,
              request: {
                method: 'POST',
                url: `https://bench.test/test/${i}`,
                headers: [
                  { name: 'User-Agent', value: userAgent },
                  ...(step.cookie ? [{ name: 'Cookie', value: step.cookie }] : []),
                ],
              },
              response: {
                status: 200,
                headers: step.setCookie ? [{ name: 'Set-Cookie', value: step.setCookie }] : [],
              },
            })),
          },
        });
      const notSent = (userAgent: string) => findingsOf(analyzeTrace(parseHar(har(userAgent))), 'session-not-sent')[0];
      const client = notSent('Apache-HttpClient/5.1.3 (Java/17.0.6)');
      expect(client?.reason).toBe('Unknown');
      expect(client?.message).toContain("The request's User-Agent is no browser's but an HTTP library's");
      expect(client?.fix).toContain('Give the client a cookie store');
      // The same requests from a browser with nothing to say where they came from: only SameSite explains it.
      expect(notSent('Mozilla/5.0 (X11; Linux x86_64) Chrome/120.0 Safari/537.36')?.reason).toBe('SameSiteStrict');
      // The story says who did not send it.
      const story = JSON.stringify(analyzeTrace(parseHar(har('python-requests/2.31.0'))).story);
      expect(story).toContain('the client did not send the cookie `sid`');
      expect(story).toContain('Client: did not send `sid`');
      expect(story).toMatch(/set ID h:[0-9a-f]+, which the client stored/);
      expect(story).not.toContain('the browser');
    });

    it('HttpOnly: no page script could, so the finding names what can', () => {
      const [found] = findingsOf(lost(GOOD), 'session-not-sent');
      expect(found?.reason).toBe('Unknown');
      expect(found?.message).toContain('It is HttpOnly, so no page script removed it');
      expect(found?.fix).not.toContain('document.cookie');
    });

    /** Logged in, then the account page without the cookie, sent to the login page; `after`: what that page carried. */
    const missingFromAccount = (after: string) =>
      trace()
        .post('https://shop.test/login', {
          cookie: '',
          form: { user: 'ann', password: 'pw' },
          setCookie: [`sid=${ID.a}; ${GOOD}`],
        })
        .get('https://shop.test/account', { cookie: `sid=${ID.a}` })
        .get('https://shop.test/account', { cookie: '', location: '/login' })
        .get('https://shop.test/login', { cookie: after })
        .analyze();

    it('answered as logged out and never carried again: gone from the browser, and the story tells a loss', () => {
      // A HAR records no cookie change: a script's deletion shows only as the cookie missing from then on.
      const result = missingFromAccount('');
      const [found] = findingsOf(result, 'session-not-sent');
      expect([found?.entry, found?.reason, found?.evidence.notCarriedAgain]).toEqual([2, 'Unknown', true]);
      expect(found?.message).toContain('No later request carried that ID again');
      expect(result.story?.map((s) => [s.kind, s.entry])).toEqual([['lost', 2]]);
      expect(result.story?.[0]?.cause).toContain('no later request carried the ID again');
    });

    it('carried again by a later request: only that request went without it, and the session is at risk, not lost', () => {
      const result = missingFromAccount(`sid=${ID.a}`);
      const [found] = findingsOf(result, 'session-not-sent');
      expect([found?.entry, found?.reason, found?.evidence.notCarriedAgain]).toEqual([2, 'Unknown', undefined]);
      expect(result.story?.map((s) => [s.kind, s.entry])).toEqual([['at-risk', 2]]);
    });

    it('held back by a browser rule (SameSite), never carried again: still in the browser, at risk', () => {
      const result = trace()
        .post('https://shop.test/login', {
          cookie: '',
          form: { user: 'ann', password: 'pw' },
          setCookie: [`sid=${ID.a}; Path=/; Secure; HttpOnly; SameSite=Strict`],
        })
        .get('https://shop.test/account', { cookie: '', initiatorUrl: 'https://other.test/', location: '/login' })
        .analyze();
      const [found] = findingsOf(result, 'session-not-sent');
      expect([found?.reason, found?.evidence.notCarriedAgain]).toEqual(['SameSiteStrict', undefined]);
      expect(result.story?.map((s) => s.kind)).toEqual(['at-risk']);
    });
  });
});
