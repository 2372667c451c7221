// session-id-in-url: a session ID value in a request URL (query, fragment, ;jsessionid= path parameter) or Referer.
import { describe, expect, it } from 'vitest';
import { findingsOf, GOOD, ID, trace } from '../../../test/helpers/traceBuilder.ts';
import { analyzeTrace } from '../analysis/analyze.ts';
import { AnalysisSession } from '../analysis/session.ts';
import { exportHar } from '../formats/harExport.ts';
import { exportNativeTrace } from '../native/native.ts';

const sid = (id: string) => `sid=${id}; ${GOOD}`;

describe('session-id-in-url', () => {
  it('the sid in a ;jsessionid= path parameter → session-id-in-url', () => {
    const result = trace()
      .get('https://shop.test/', { cookie: '', setCookie: [sid(ID.a)] })
      .get(`https://shop.test/cart;jsessionid=${ID.a}`, { cookie: `sid=${ID.a}` })
      .analyze();
    const found = findingsOf(result, 'session-id-in-url');
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ cookie: 'sid', entry: 1, severity: 'medium' }); // a name alone makes the cookie `likely`: at most medium (RULES.md)
    expect(found[0]!.evidence.where).toBe('URL');
  });

  it("a ;jsessionid= holding a template's placeholder is no ID; a WebSphere ID with its clone suffix is", () => {
    // A LoadRunner script's unfilled `{C_jsession_id}`, in a replay against ParaBank: two HIGH findings (audit 18).
    const rewritten = (value: string) =>
      findingsOf(
        trace()
          .get('https://bank.test/', { cookie: '', setCookie: [`JSESSIONID=${ID.a}; Path=/; HttpOnly; Secure`] })
          .get(`https://bank.test/img/a.jpg;jsessionid=${value}`, { cookie: `JSESSIONID=${ID.a}` })
          .analyze(),
        'session-id-in-url',
      ).map((f) => f.entry);
    expect(rewritten('{C_jsession_id}')).toEqual([]);
    expect(rewritten('<%=session.id%>')).toEqual([]);
    expect(rewritten('0000WmXRq4wqnJtOAR_LH2Xsaux:-1')).toEqual([1]);
  });

  it('the sid in a query string → session-id-in-url', () => {
    const result = trace()
      .get('https://shop.test/', { cookie: '', setCookie: [sid(ID.a)] })
      .get(`https://shop.test/search?q=shoes&s=${ID.a}`, { cookie: `sid=${ID.a}` })
      .analyze();
    expect(findingsOf(result, 'session-id-in-url').map((f) => [f.cookie, f.entry])).toEqual([['sid', 1]]);
  });

  it("a data: address that holds the ID is a page's text, sent nowhere: the request it makes is the leak", () => {
    // reference.com (a PhantomJS HAR): a `data:text/javascript,document.write('<img src="http://…?asid=…">')` entry,
    // then the image's own request.
    const script = `data:text/javascript,document.write('<img src="https://stats.test/p?asid=${ID.a}">')`;
    const result = trace()
      .get('https://shop.test/', { cookie: '', setCookie: [sid(ID.a)] })
      .get(script, { cookie: '', resourceType: 'script' })
      .get(`https://stats.test/p?asid=${ID.a}`, { cookie: '', resourceType: 'image' })
      .analyze();
    expect(findingsOf(result, 'session-id-in-url').map((f) => [f.entry, f.url.split('?')[0]])).toEqual([
      [2, 'https://stats.test/p'],
    ]);
  });

  it('a JSESSIONID in the URL of a request that carries no cookie at all', () => {
    const result = trace()
      .get('https://shop.test/', { cookie: '', setCookie: [`JSESSIONID=${ID.b}; ${GOOD}`] })
      .get(`https://shop.test/app;jsessionid=${ID.b}?x=1`, { cookie: '' })
      .analyze();
    expect(findingsOf(result, 'session-id-in-url').map((f) => [f.cookie, f.entry])).toEqual([['JSESSIONID', 1]]);
  });

  it('the sid in the Referer of a request to another site → session-id-in-url (Referer header)', () => {
    const result = trace()
      .get('https://shop.test/', { cookie: '', setCookie: [sid(ID.a)] })
      .get('https://cdn.test/lib.js', {
        resourceType: 'script',
        cookie: '',
        headers: { Referer: `https://shop.test/page?token=${ID.a}` },
      })
      .analyze();
    const found = findingsOf(result, 'session-id-in-url');
    expect(found.map((f) => [f.cookie, f.entry, f.evidence.where])).toEqual([['sid', 1, 'Referer header']]);
  });

  it('a redacted report hides the ID inside the URL it reports (raw shows it)', () => {
    const scenario = trace()
      .get('https://shop.test/', { cookie: '', setCookie: [sid(ID.a)] })
      .get(`https://shop.test/cart;jsessionid=${ID.a}`, { cookie: `sid=${ID.a}` });
    const redacted = scenario.analyze({ values: 'redacted' });
    expect(findingsOf(redacted, 'session-id-in-url')).toHaveLength(1);
    const printed = JSON.stringify({
      findings: redacted.findings,
      sessions: redacted.sessions,
      requests: redacted.requests,
    });
    expect(printed).not.toContain(ID.a);
    expect(findingsOf(redacted, 'session-id-in-url')[0]!.url).toMatch(/;jsessionid=h:[0-9a-f]{8}$/);
    expect(findingsOf(scenario.analyze({ values: 'raw' }), 'session-id-in-url')[0]!.url).toContain(ID.a);
  });

  it('a redacted report also hides a percent-encoded ID (base64 + / =) in the URL', () => {
    const value = 'q8Zr+T0x/Wm3Lk9Pa2Vd7Q==';
    const result = trace()
      .get('https://shop.test/', { cookie: '', setCookie: [`sid=${value}; ${GOOD}`] })
      .get(`https://shop.test/cart?s=${encodeURIComponent(value)}`, { cookie: `sid=${value}` })
      .analyze({ values: 'redacted' });
    expect(findingsOf(result, 'session-id-in-url')).toHaveLength(1);
    const printed = JSON.stringify({ findings: result.findings, requests: result.requests });
    expect(printed).not.toContain(encodeURIComponent(value));
    expect(printed).not.toContain(value);
  });

  it("a ;sid= after the query's '?' is a counter's field, no path parameter (Top@Mail.ru's visit ID)", () => {
    const result = trace()
      .get('https://news.test/', { cookie: '', setCookie: ['visitor=v1a2b3c4d5e6f7; Path=/'] })
      .get(`https://counter.test/counter?_=0.6912;id=3081030;e=RT/beat;sid=${ID.a};ver=60`, { cookie: '' })
      .analyze();
    expect(findingsOf(result, 'session-id-in-url')).toEqual([]);
  });

  it("a ;sid= path parameter with no session cookie of that name: a word is an ad tag's key, a random token a low doubt", () => {
    // Ad tags write `;key=value` targeting pairs (a real page's DoubleClick tag: `;sid=undefined;sz=970x66`); a
    // tracking beacon carried the site's 32-hex sid (a real page load whose only cookies were a tracker's).
    const page = (path: string, thirdPartySessions = false) =>
      trace()
        .get('https://news.test/', { cookie: '', setCookie: ['visitor=v1a2b3c4d5e6f7; Path=/'] })
        .get(`https://ads.test/adj/news.root;url=www${path};sz=970x66;ord=98650347?`, { cookie: '' })
        .analyze({ settings: { thirdPartySessions } });
    expect(findingsOf(page(';sid=undefined'), 'session-id-in-url')).toEqual([]);
    expect(findingsOf(page(';sessionid=abcdefghij'), 'session-id-in-url')).toEqual([]);
    const [token] = findingsOf(page(`;sid=${ID.a}`), 'session-id-in-url');
    expect(token).toMatchObject({ entry: 1, severity: 'low' });
    expect(token?.cookie).toBeUndefined();
    expect(token?.evidence).toMatchObject({ parameter: 'sid', noSessionCookieOfName: true });
    expect(token?.message).toContain('No session cookie of that name is in this file');
    // The same token where a session cookie of that name exists: the session's own ID, at the session's severity.
    const withCookie = trace()
      .get('https://news.test/', { cookie: '', setCookie: [sid(ID.b)] })
      .get(`https://news.test/track;sid=${ID.a};x=1`, { cookie: `sid=${ID.b}` })
      // A word under the session's name is still no ID.
      .get('https://news.test/ad;sid=undefined;x=2', { cookie: `sid=${ID.b}` })
      .analyze();
    expect(findingsOf(withCookie, 'session-id-in-url').map((f) => [f.cookie, f.severity])).toEqual([['sid', 'medium']]);
    // A Servlet container's `;jsessionid=` is a session ID by the specification, cookie or not: high where the user
    // asks for third parties' sessions; this ad server is a third party of the page, so low by default.
    const jsessionid = (thirdParty: boolean) =>
      findingsOf(page(`;jsessionid=${ID.a}`, thirdParty), 'session-id-in-url').map((f) => [f.cookie, f.severity]);
    expect(jsessionid(true)).toEqual([['jsessionid', 'high']]);
    expect(jsessionid(false)).toEqual([['jsessionid', 'low']]);
  });

  it('a redacted report hides secrets that stand as parameters: a short password, a session-named ID, a ;sid= token', () => {
    const result = trace()
      .get('https://app.test/login.jsp?username=user&password=pass', { cookie: '' })
      .get('https://app.test/check?sessionID=c561b8f7222ab88f025356889be575af&r=1', { cookie: '' })
      .get(`https://app.test/track;sid=${ID.a};aid=1`, { cookie: '' })
      .analyze({ values: 'redacted' });
    const printed = JSON.stringify({ findings: result.findings, requests: result.requests, story: result.story });
    expect(printed).not.toMatch(/password=pass\b/);
    expect(printed).toMatch(/password=h:[0-9a-f]{8}/);
    expect(printed).not.toContain('c561b8f7222ab88f025356889be575af');
    expect(printed).not.toContain(ID.a);
    expect(findingsOf(result, 'session-id-in-url')[0]?.url).toMatch(/;sid=h:[0-9a-f]{8};aid=1$/);
  });

  it("ASP.NET's cookieless segment /(S(…))/ holds a session ID by its form, with no cookie of it (a third party's redirect)", () => {
    // A real recording (Safari, third-party cookies blocked): an ASP.NET server tested for cookies, found none, and
    // redirected to an address holding the session ID; the cookie it set beside was never sent back.
    const aspnetId = 'pvnzao4525kprh2z121oqv55';
    const result = trace()
      .get('http://m.news.test/', { cookie: '' })
      .get('http://pixel.test/idimage.aspx?AspxAutoDetectCookieSupport=1', {
        cookie: '',
        headers: { Referer: 'http://m.news.test/' },
        resourceType: 'image',
        status: 302,
        location: `http://pixel.test/(X(1)S(${aspnetId}))/idimage.aspx`,
      })
      .get(`http://pixel.test/(X(1)S(${aspnetId}))/idimage.aspx`, {
        cookie: '',
        headers: { Referer: 'http://m.news.test/' },
        resourceType: 'image',
        setCookie: [`pixelSession=${aspnetId}; path=/`],
      })
      .analyze({ values: 'redacted' });
    const found = findingsOf(result, 'session-id-in-url');
    // The ad server is a third party of the page: its finding is capped at low, as a third-party session's is.
    expect(found.map((f) => [f.cookie, f.entry, f.severity])).toEqual([['ASP.NET_SessionId', 2, 'low']]);
    // Hidden wherever the address is printed: the finding, the requests, the redirect's Location.
    expect(JSON.stringify({ findings: result.findings, requests: result.requests, story: result.story })).not.toContain(
      aspnetId,
    );
    expect(found[0]!.url).toMatch(/\/\(X\(1\)S\(h:[0-9a-f]{8}\)\)\/idimage\.aspx$/);
  });

  it("a cookieless forms ticket F(…) is a session's secret too; an anonymous visitor's A(…) and the X(1) mark are not", () => {
    const ticket = 'A1B2C3D4E5F60718293A4B5C6D7E8F90';
    const found = (url: string) =>
      findingsOf(trace().get(url, { cookie: '' }).analyze({ values: 'redacted' }), 'session-id-in-url').map(
        (f) => `${f.cookie} ${f.severity}`,
      );
    // The site's own address, its ID certain by its form: high.
    expect(found(`https://intranet.test/(F(${ticket}))/default.aspx`)).toEqual(['.ASPXAUTH high']);
    expect(found('https://intranet.test/(X(1)A(q1w2e3r4t5y6u7i8o9p0))/default.aspx')).toEqual([]);
  });

  it('URLs without the session ID → nothing', () => {
    const result = trace()
      .get('https://shop.test/', { cookie: '', setCookie: [sid(ID.a)] })
      .get('https://shop.test/search?q=shoes&page=2', {
        cookie: `sid=${ID.a}`,
        headers: { Referer: 'https://shop.test/' },
      })
      .analyze();
    expect(findingsOf(result, 'session-id-in-url')).toEqual([]);
  });

  it('a short ID that happens to appear in a URL is not claimed as a leak', () => {
    const result = trace()
      .get('https://shop.test/', { cookie: '', setCookie: ['sid=42; Path=/; Secure; HttpOnly; SameSite=Lax'] })
      .get('https://shop.test/item/42?page=42', { cookie: 'sid=42' })
      .analyze();
    expect(findingsOf(result, 'session-id-in-url')).toEqual([]);
  });

  it('a growing recording: each snapshot reports what the whole trace so far reports, also for an earlier URL holding an ID set later', () => {
    const built = trace()
      // The URL carries ID b before any response set it: a leak only once b is known (entry 3).
      .get(`https://shop.test/welcome?ref=${ID.b}`, { cookie: '' })
      .get('https://shop.test/', { cookie: '', setCookie: [sid(ID.a)] })
      .get(`https://shop.test/cart?s=${ID.a}`, { cookie: `sid=${ID.a}` })
      .get('https://shop.test/login', { cookie: `sid=${ID.a}`, setCookie: [sid(ID.b)] })
      .get(`https://shop.test/next?s=${ID.a}`, {
        cookie: `sid=${ID.b}`,
        headers: { Referer: `https://shop.test/page?t=${ID.b}` },
      })
      .get('https://shop.test/plain', { cookie: `sid=${ID.b}` })
      .build();
    const session = new AnalysisSession();
    const leaks = (findings: readonly { rule: string; entry: number }[]) =>
      findings.filter((f) => f.rule === 'session-id-in-url');
    let before: ReturnType<typeof leaks> = [];
    built.events.forEach((event, i) => {
      session.feed([event]);
      const now = leaks(session.snapshot().result.findings);
      const events = built.events.slice(0, i + 1);
      expect(now).toEqual(leaks(analyzeTrace({ ...built, events, entryCount: events.length }).findings));
      before = now;
    });
    expect(before.map((f) => f.entry)).toEqual([0, 2, 4]);
    // The scan went on from one snapshot to the next: with nothing new, the findings are the very same objects.
    const again = leaks(session.snapshot().result.findings);
    expect(again).toHaveLength(3);
    for (const [k, f] of before.entries()) expect(again[k]).toBe(f);
  });
});

describe('session-id-in-url: a session kept in the address, no cookie at all', () => {
  const TOKEN = 'E20D33A48DFBE37E865EE32B16890B95';
  const at = (path: string) => `https://mail.test/cgi-bin/webmail/login/ann/${TOKEN}/1796467032${path}`;
  // SqWebMail: the login redirects to an address holding the session; every frame and link after it carries it.
  const mail = (options: { setCookie?: string[]; laterPages?: number; noCookieAtAll?: boolean } = {}) => {
    // A cookie that is no session (the language chosen): the file records cookies, and none follows the session.
    const lang = options.noCookieAtAll ? {} : { cookie: 'lang=en' };
    let t = trace()
      .get('https://mail.test/cgi-bin/webmail', lang)
      .post('https://mail.test/cgi-bin/webmail', {
        ...lang,
        form: { username: 'ann', password: 'pw' },
        status: 303,
        location: at('?form=frames'),
        ...(options.setCookie ? { setCookie: options.setCookie } : {}),
      })
      .get(at('?form=frames'));
    for (let i = 0; i < (options.laterPages ?? 2); i++) t = t.get(at(`?form=folder&page=${i}`));
    return t.get('https://mail.test/webmail/style.css', { headers: { referer: at('?form=frames') } });
  };

  it('is found at the redirect that sent the browser there, and in the Referer of what the page loads', () => {
    const result = mail().analyze();
    const found = findingsOf(result, 'session-id-in-url');
    expect(found.map((f) => [f.entry, f.severity, f.cookie, f.evidence.where, f.evidence.issuedByLoginAt])).toEqual([
      [2, 'high', undefined, 'URL', 1],
      [5, 'high', undefined, 'Referer header', 1],
    ]);
    expect(found[0]!.message).toContain('a session ID kept in the address');
    expect(found[0]!.message).not.toContain(TOKEN);
    expect(found[0]!.url).not.toContain(TOKEN);
  });

  it('is medium in a file without any cookie, which may have been exported without them', () => {
    const found = findingsOf(mail({ noCookieAtAll: true }).analyze(), 'session-id-in-url');
    expect(found.map((f) => f.severity)).toEqual(['medium', 'medium']);
    expect(found[0]!.message).toContain('No request in this file carries a cookie');
  });

  it('is no session where the login set a session cookie, or fewer than two later addresses carry the token', () => {
    expect(findingsOf(mail({ setCookie: [sid(ID.a)] }).analyze(), 'session-id-in-url')).toEqual([]);
    expect(findingsOf(mail({ laterPages: 0 }).analyze(), 'session-id-in-url')).toEqual([]);
  });

  it('is hidden in a redacted export, as cookie values are', () => {
    const built = mail().build();
    const text = exportHar(built, analyzeTrace(built));
    expect(text).not.toContain(TOKEN);
    expect(exportHar(built, analyzeTrace(built), { values: 'raw' })).toContain(TOKEN);
    expect(exportNativeTrace(built, analyzeTrace(built))).not.toContain(TOKEN);
  });
});
