// RULES.md, "What is a request": what never reached a server is shown but not judged "not sent"; a request in
// flight beside the response that set a cookie is judged against the jar as it was when it started; several
// browser runs in one file are several jars.
import { describe, expect, it } from 'vitest';
import { parseHar } from '../har/har.ts';
import { analyzeTrace } from './analyze.ts';

const SID = 'PHPSESSID=5f4dcc3b5aa765d61d8327deb882cf99';
type Json = Record<string, unknown>;

/** A HAR entry at `ms` after 10:00:00 that takes `time` ms; `cookie` is what the request carried. */
function step(
  ms: number,
  url: string,
  options: { time?: number; cookie?: string; setCookie?: string; extra?: Json } = {},
) {
  return {
    startedDateTime: new Date(Date.UTC(2024, 4, 1, 10, 0, 0, ms)).toISOString(),
    time: options.time ?? 10,
    request: {
      method: 'GET',
      url,
      headers: options.cookie ? [{ name: 'Cookie', value: options.cookie }] : [],
    },
    response: {
      status: 200,
      statusText: 'OK',
      headers: options.setCookie ? [{ name: 'Set-Cookie', value: options.setCookie }] : [{ name: 'X', value: '1' }],
    },
    ...options.extra,
  };
}

function analyse(entries: unknown[]) {
  const trace = parseHar(JSON.stringify({ log: { browser: { name: 'Chrome', version: '120' }, entries } }));
  const result = analyzeTrace(trace);
  const notSentAt = (entry: number) => result.requests.find((r) => r.entry === entry)?.notSent.map((n) => n.name);
  const rules = (rule: string) => result.findings.filter((f) => f.rule === rule).map((f) => f.entry);
  return { notSentAt, rules, result };
}

describe('what never reached a server is shown, not judged', () => {
  it.each([
    ['a memory-cache answer', { _fromCache: 'memory' }],
    ['a service-worker answer', { response: { status: 200, headers: [], _fetchedViaServiceWorker: true } }],
    [
      "Chrome's HSTS internal redirect",
      {
        response: {
          status: 307,
          statusText: 'Internal Redirect',
          headers: [{ name: 'Location', value: 'https://shop.test/b' }],
        },
      },
    ],
  ])('%s without the session cookie: no not-sent fact, no reset', (_, extra) => {
    const { notSentAt, rules, result } = analyse([
      step(0, 'https://shop.test/', { setCookie: `${SID}; Path=/; Secure` }),
      step(100, 'https://shop.test/b', { extra }),
      step(200, 'https://shop.test/c', { cookie: SID }),
    ]);
    expect(result.requests.map((r) => r.entry)).toEqual([0, 1, 2]);
    expect(notSentAt(1)).toEqual([]);
    expect(rules('session-not-sent')).toEqual([]);
    expect(rules('session-reset')).toEqual([]);
  });

  it('a request with no answer, recorded with provisional headers (no Cookie), is not judged: it may never have gone out', () => {
    // A real Chrome export: a dev server's script refused (net::ERR_CONNECTION_REFUSED), status 0, no response header,
    // only Referer and User-Agent on the request. With --now it read as the session expired, lost, and found again.
    const refused = { response: { status: 0, headers: [] }, _error: 'net::ERR_CONNECTION_REFUSED' };
    const { notSentAt, rules, result } = analyse([
      step(0, 'https://shop.test/', { setCookie: `${SID}; Path=/; Secure` }),
      step(100, 'https://shop.test/browser-sync.js', { extra: refused }),
      step(200, 'https://shop.test/c', { cookie: SID }),
    ]);
    expect(notSentAt(1)).toEqual([]);
    expect(rules('session-not-sent')).toEqual([]);
    expect(rules('session-reset')).toEqual([]);
    expect(result.story?.filter((story) => story.kind === 'lost')).toEqual([]);
    // No answer, but the request shows what it carried: judged by it.
    const shown = analyse([
      step(0, 'https://shop.test/', { setCookie: `${SID}; Path=/; Secure` }),
      step(100, 'https://shop.test/b', { cookie: 'theme=dark', extra: refused }),
      step(200, 'https://shop.test/c', { cookie: SID }),
    ]);
    expect(shown.notSentAt(1)).toEqual(['PHPSESSID']);
    // Status 0 with a response header (a Set-Cookie arrived): the request reached the server, and is judged.
    const answered = analyse([
      step(0, 'https://shop.test/', { setCookie: `${SID}; Path=/; Secure` }),
      step(100, 'https://shop.test/b', { extra: { response: { status: 0, headers: [{ name: 'X', value: '1' }] } } }),
      step(200, 'https://shop.test/c', { cookie: SID }),
    ]);
    expect(answered.notSentAt(1)).toEqual(['PHPSESSID']);
  });

  it("a request the recorder never sent (ZAP's site tree: no answer, dated 1970) carries nothing into the analysis", () => {
    // A real ZAP export: site-tree nodes dated at the epoch, status 0, holding the Cookie header of the session the
    // login issued later. They made the first request of a fresh visit read as a session LOST (HIGH), its ID
    // "already held by the browser when the trace began", idle for 20,594 days.
    const LOGGED_IN = 'PHPSESSID=0123456789abcdef0123456789abcdef';
    const placeholder = (url: string) => ({
      startedDateTime: '1970-01-01T00:00:00Z',
      time: 0,
      request: { method: 'GET', url, headers: [{ name: 'Cookie', value: LOGGED_IN }] },
      response: { status: 0, statusText: '', headers: [] },
    });
    const login = {
      request: {
        method: 'POST',
        url: 'https://shop.test/login',
        headers: [{ name: 'Cookie', value: SID }],
        postData: { mimeType: 'application/x-www-form-urlencoded', text: 'user=ann&password=secret1' },
      },
    };
    const entries = [
      placeholder('https://shop.test/account'),
      step(0, 'https://shop.test/', { setCookie: `${SID}; Path=/; Secure; HttpOnly` }),
      { ...step(100, 'https://shop.test/login', { setCookie: `${LOGGED_IN}; Path=/; Secure; HttpOnly` }), ...login },
      placeholder('https://shop.test/orders'),
      step(200, 'https://shop.test/account', { cookie: LOGGED_IN }),
    ];
    const trace = parseHar(JSON.stringify({ log: { browser: { name: 'Chrome', version: '120' }, entries } }));
    expect(trace.warnings?.map((w) => w.where)).toEqual(['log.entries[0]', 'log.entries[3]']);
    expect(trace.warnings?.[0]?.message).toContain('never sent');
    const result = analyzeTrace(trace);
    expect(result.requests.map((r) => r.entry).sort()).toEqual([0, 1, 2, 3, 4]);
    expect(result.findings.filter((f) => f.severity === 'high' || f.severity === 'medium')).toEqual([]);
    expect(result.findings.filter((f) => f.rule === 'session-rotated').map((f) => f.entry)).toEqual([2]);
    const lane = result.sessions.find((s) => s.cookie === 'PHPSESSID');
    expect(lane?.ids.map((i) => i.firstEntry)).toEqual([1, 2]);
    expect(result.requests.find((r) => r.entry === 0)?.sent).toEqual([]);
    // An answered request dated at the epoch (an exporter that lost its times) went out: its cookies count.
    const answered = analyse([{ ...placeholder('https://shop.test/account'), response: step(0, 'x').response }]);
    expect(answered.result.requests[0]?.sent.map((c) => c.name)).toEqual(['PHPSESSID']);
  });

  it('the same request over the network is judged: not sent', () => {
    const { notSentAt } = analyse([
      step(0, 'https://shop.test/', { setCookie: `${SID}; Path=/; Secure` }),
      step(100, 'https://shop.test/b'),
      step(200, 'https://shop.test/c', { cookie: SID }),
    ]);
    expect(notSentAt(1)).toEqual(['PHPSESSID']);
  });

  it('a Set-Cookie on an answer from the cache is still applied', () => {
    const { notSentAt } = analyse([
      step(0, 'https://shop.test/', { setCookie: `${SID}; Path=/; Secure`, extra: { _fromCache: 'disk' } }),
      step(100, 'https://shop.test/b'),
      step(200, 'https://shop.test/c', { cookie: SID }),
    ]);
    expect(notSentAt(1)).toEqual(['PHPSESSID']);
  });
});

describe('requests in flight together', () => {
  it('a request that started before the Set-Cookie arrived did not miss the cookie; one after did', () => {
    const { notSentAt } = analyse([
      step(0, 'https://shop.test/', { time: 500, setCookie: `${SID}; Path=/; Secure` }),
      step(100, 'https://shop.test/early.js'),
      step(600, 'https://shop.test/late.js'),
      step(700, 'https://shop.test/c', { cookie: SID }),
    ]);
    expect(notSentAt(1)).toEqual([]);
    expect(notSentAt(2)).toEqual(['PHPSESSID']);
  });

  it('a request in flight beside a replacement carried the old value: not a not-sent, not a new cookie', () => {
    const OLD = 'PHPSESSID=11111111111111111111111111111111';
    const NEW = 'PHPSESSID=22222222222222222222222222222222';
    const { notSentAt, result } = analyse([
      step(0, 'https://shop.test/', { setCookie: `${OLD}; Path=/; Secure` }),
      step(100, 'https://shop.test/login', { time: 500, cookie: OLD, setCookie: `${NEW}; Path=/; Secure` }),
      step(200, 'https://shop.test/app.js', { cookie: OLD }),
      step(700, 'https://shop.test/c', { cookie: NEW }),
    ]);
    expect(notSentAt(2)).toEqual([]);
    expect(result.requests.find((r) => r.entry === 2)?.sent.map((s) => s.name)).toEqual(['PHPSESSID']);
    // The session lane: the old ID, then the new one still live: the request in flight neither brought the old
    // ID back nor ended the new one.
    const [lane] = result.facts.lanes;
    expect(lane!.ids.map((id) => [id.id.slice(-4), id.end?.kind])).toEqual([
      ['1111', 'reset'],
      ['2222', undefined],
    ]);
  });

  it('the old value carried after the replacement had arrived is the old ID back (changed without a Set-Cookie)', () => {
    const OLD = 'PHPSESSID=11111111111111111111111111111111';
    const NEW = 'PHPSESSID=22222222222222222222222222222222';
    const { result } = analyse([
      step(0, 'https://shop.test/', { setCookie: `${OLD}; Path=/; Secure` }),
      step(100, 'https://shop.test/login', { time: 500, cookie: OLD, setCookie: `${NEW}; Path=/; Secure` }),
      step(700, 'https://shop.test/app.js', { cookie: OLD }),
    ]);
    const [lane] = result.facts.lanes;
    expect(lane!.ids.map((id) => [id.id.slice(-4), id.end?.kind])).toEqual([
      ['1111', 'reset'],
      ['2222', 'replaced-unseen'],
      ['1111', undefined],
    ]);
  });
});

describe('several answers in flight together, each replacing the last', () => {
  // phpMyAdmin's XHRs each re-set its cookie: a request that went out before any of those answers arrived carried
  // the value the jar held then, several replacements back.
  const V = (n: number) => `pmaAuth-1=${String(n).repeat(32)}`;
  const lanes = (entries: unknown[]) =>
    analyse(entries).result.facts.lanes[0]!.ids.map((id) => [id.id.slice(-4), id.end?.kind ?? 'live']);

  it('a request carrying the value two replacements back, both still in flight: the lane goes on from the last', () => {
    expect(
      lanes([
        step(0, 'https://pma.test/', { setCookie: `${V(1)}; Path=/; Secure` }),
        step(100, 'https://pma.test/a', { time: 400, cookie: V(1), setCookie: `${V(2)}; Path=/; Secure` }),
        step(110, 'https://pma.test/b', { time: 450, cookie: V(1), setCookie: `${V(3)}; Path=/; Secure` }),
        step(120, 'https://pma.test/c', { time: 20, cookie: V(1) }),
        step(700, 'https://pma.test/d', { cookie: V(3) }),
      ]),
    ).toEqual([
      ['1111', 'reset'],
      ['2222', 'reset'],
      ['3333', 'live'],
    ]);
  });

  it('one of the answers between had arrived: the old value carried after it is the old ID back', () => {
    expect(
      lanes([
        step(0, 'https://pma.test/', { setCookie: `${V(1)}; Path=/; Secure` }),
        step(100, 'https://pma.test/a', { time: 10, cookie: V(1), setCookie: `${V(2)}; Path=/; Secure` }),
        step(110, 'https://pma.test/b', { time: 450, cookie: V(2), setCookie: `${V(3)}; Path=/; Secure` }),
        step(120, 'https://pma.test/c', { time: 20, cookie: V(1) }),
      ]),
    ).toEqual([
      ['1111', 'rotated'],
      ['2222', 'rotated'],
      ['3333', 'replaced-unseen'],
      ['1111', 'live'],
    ]);
  });
});

describe('requests in flight with the value a response replaced, answered with another', () => {
  it('an ID: the later answer replaced the login’s, a race told as such', () => {
    const OLD = 'PHPSESSID=11111111111111111111111111111111';
    const NEW = 'PHPSESSID=22222222222222222222222222222222';
    const THIRD = 'PHPSESSID=33333333333333333333333333333333';
    const { result } = analyse([
      step(0, 'https://shop.test/', { setCookie: `${OLD}; Path=/; Secure` }),
      step(100, 'https://shop.test/login', {
        time: 500,
        setCookie: `${NEW}; Path=/; Secure`,
        // The login (a password posted), whose new ID a request in flight beside it then loses.
        extra: {
          request: {
            method: 'POST',
            url: 'https://shop.test/login',
            headers: [{ name: 'Cookie', value: OLD }],
            postData: { mimeType: 'application/x-www-form-urlencoded', text: 'user=ann&password=pw' },
          },
        },
      }),
      step(200, 'https://shop.test/app.js', { time: 500, cookie: OLD, setCookie: `${THIRD}; Path=/; Secure` }),
      step(800, 'https://shop.test/c', { cookie: THIRD }),
    ]);
    const reset = result.findings.find((f) => f.rule === 'session-reset' && f.entry === 2);
    expect(reset?.cause).toBe('overwritten');
    // The value the request in flight carried (the one the login replaced), shown as the other values are.
    const rotated = result.findings.find((f) => f.rule === 'session-rotated' || f.rule === 'session-reset');
    expect(reset?.evidence.inFlightWith).toBe(rotated?.evidence.before ?? rotated?.evidence.lostId);
    expect(reset?.message).toContain('still in flight beside the response that set it');
    expect(reset?.fix).toContain('keep the replaced ID valid');
    const story = result.story?.find((s) => s.entry === 2);
    expect(story?.cause).toContain('(two requests raced)');
  });

  it('a lost ID carried by several requests in flight, each given a new one: one loss, the others lose nothing', () => {
    // Zabbix's dashboard widgets, all sent with the session the server had just forgotten: the first answer is the
    // loss; each later one replaces an ID no request used, several replacements after the ID they carried.
    const ID = (n: number) => `PHPSESSID=${String(n).repeat(32)}`;
    const { result } = analyse([
      step(0, 'https://shop.test/', { setCookie: `${ID(1)}; Path=/; Secure` }),
      step(50, 'https://shop.test/page', { cookie: ID(1) }),
      step(100, 'https://shop.test/w1', { time: 300, cookie: ID(1), setCookie: `${ID(2)}; Path=/; Secure` }),
      step(110, 'https://shop.test/w2', { time: 310, cookie: ID(1), setCookie: `${ID(3)}; Path=/; Secure` }),
      step(120, 'https://shop.test/w3', { time: 320, cookie: ID(1), setCookie: `${ID(4)}; Path=/; Secure` }),
      step(130, 'https://shop.test/w4', { time: 330, cookie: ID(1), setCookie: `${ID(5)}; Path=/; Secure` }),
      step(900, 'https://shop.test/next', { cookie: ID(5) }),
    ]);
    const resets = result.findings.filter((f) => f.rule === 'session-reset');
    expect(resets.map((f) => [f.entry, f.cause, f.severity])).toEqual([
      [2, 'server-rejected', 'medium'],
      [3, 'overwritten', 'info'],
      [4, 'overwritten', 'info'],
      [5, 'overwritten', 'info'],
    ]);
    expect(result.facts.lanes[0]!.ids.map((id) => id.end?.kind)).not.toContain('replaced-unseen');
  });

  it('a client-side store saved by both: an update, the session goes on', () => {
    const store = (visits: number) =>
      `session=${Buffer.from(JSON.stringify({ visits, csrf: 'abcdefabcdef' })).toString('base64url')}`;
    const { result } = analyse([
      step(0, 'https://shop.test/', { setCookie: `${store(1)}; Path=/; Secure` }),
      step(100, 'https://shop.test/page', { time: 500, cookie: store(1), setCookie: `${store(2)}; Path=/; Secure` }),
      step(200, 'https://shop.test/favicon.ico', {
        time: 500,
        cookie: store(1),
        setCookie: `${store(3)}; Path=/; Secure`,
      }),
      step(800, 'https://shop.test/c', { cookie: store(3) }),
    ]);
    expect(result.findings.filter((f) => f.rule === 'session-reset')).toEqual([]);
    const [lane] = result.facts.lanes;
    expect(lane!.ids.map((id) => id.end?.kind)).toEqual(['updated', 'updated', undefined]);
  });
});

describe('answers from the cache are no requests a cookie could ride on', () => {
  it('they do not count against a token sent back on the requests that reached the server', () => {
    const TOKEN = 'tok=8f14e45fceea167a5a36dedd4bea2543';
    const cached = (ms: number, url: string) => step(ms, url, { extra: { _fromCache: 'memory' } });
    const { result } = analyse([
      step(0, 'https://shop.test/', { setCookie: `${TOKEN}; Path=/` }),
      cached(100, 'https://shop.test/a.css'),
      cached(110, 'https://shop.test/b.js'),
      cached(120, 'https://shop.test/c.png'),
      step(200, 'https://shop.test/page', { cookie: TOKEN }),
      step(300, 'https://shop.test/other', { cookie: TOKEN }),
    ]);
    expect(result.sessions.map((s) => [s.cookie, s.confidence])).toEqual([['tok', 'possible']]);
  });
});

describe('several browser runs in one file', () => {
  it('each run is its own jar: the second run does not miss the first run’s cookie', () => {
    const run = (n: number, ms: number, options: Parameters<typeof step>[2] = {}) =>
      step(ms, `https://shop.test/${n}/${ms}`, { ...options, extra: { _run: n, pageref: `page_${n}_0` } });
    // WebPageTest runs share one clock: run 2 starts "before" run 1 ends.
    const { notSentAt, rules, result } = analyse([
      run(1, 0, { setCookie: `${SID}; Path=/; Secure` }),
      run(1, 500, { cookie: SID }),
      run(2, 100),
      run(2, 200, { setCookie: 'PHPSESSID=99999999999999999999999999999999; Path=/; Secure' }),
      run(2, 300, { cookie: 'PHPSESSID=99999999999999999999999999999999' }),
    ]);
    expect(result.requests.map((r) => r.entry)).toEqual([0, 1, 2, 3, 4]);
    expect(notSentAt(2)).toEqual([]);
    expect(rules('session-not-sent')).toEqual([]);
    expect(rules('session-reset')).toEqual([]);
    expect(rules('session-rotated')).toEqual([]);
    // The first run's ID ends with its run, not as a value changed without a Set-Cookie.
    expect(result.facts.lanes[0]!.ids.map((id) => id.end?.kind)).toEqual(['run-ended', undefined]);
    expect(result.sessions[0]!.ids.map((id) => id.endedBy)).toEqual(['browser-run-ended', undefined]);
  });

  it("browsertime's merged runs (page_1, page_1-1) are jars of their own too", () => {
    // Each iteration is a new browser: the second run's first request carries nothing the first run set.
    const page = (pageref: string, ms: number, options: Parameters<typeof step>[2] = {}) =>
      step(ms, `https://shop.test/${pageref}/${ms}`, { ...options, extra: { pageref } });
    const { notSentAt, rules, result } = analyse([
      page('page_1', 0, { setCookie: `${SID}; Path=/; Secure` }),
      page('page_1', 100, { cookie: SID }),
      page('page_1-1', 1000),
      page('page_1-1', 1100, { setCookie: `${SID}; Path=/; Secure` }),
      page('page_1-1', 1200, { cookie: SID }),
    ]);
    expect(notSentAt(2)).toEqual([]);
    expect(rules('session-not-sent')).toEqual([]);
    expect(result.facts.lanes[0]!.ids.map((id) => id.end?.kind)).toEqual(['run-ended', undefined]);
  });

  describe('a new browser read from the traffic: after a long gap, a page with none of the cookies held', () => {
    // A real ZAP history of several days: the sessions of the first day, then days later a page that carried no
    // cookie (another browser), told as the session expired, a remember-me token overwritten: HIGH LOST twice.
    const HOUR = 3_600_000;
    const REMEMBER = 'remember=8d2f0c41b7e94a65c3d18f7e02ab59c6';
    const days = (gap: number, comeback: { cookie?: string; resourceType?: string } = {}) =>
      analyse([
        step(0, 'https://crm.test/', { setCookie: `${SID}; Path=/; Max-Age=43200; HttpOnly` }),
        step(100, 'https://crm.test/home', { setCookie: `${REMEMBER}; Path=/; Max-Age=63072000`, cookie: SID }),
        step(200, 'https://crm.test/home', { cookie: `${SID}; ${REMEMBER}` }),
        {
          ...step(200 + gap, 'https://crm.test/', {
            setCookie: 'PHPSESSID=99999999999999999999999999999999; Path=/; HttpOnly',
            ...(comeback.cookie ? { cookie: comeback.cookie } : {}),
          }),
          _resourceType: comeback.resourceType ?? 'document',
        },
      ]);

    it('a new jar from that page: no session lost, and a note says where', () => {
      const { rules, result } = days(60 * HOUR);
      expect(rules('session-reset')).toEqual([]);
      expect(rules('session-not-sent')).toEqual([]);
      expect(result.freshBrowsers).toEqual([3]);
      expect(result.facts.lanes[0]!.ids.map((id) => id.end?.kind)).toEqual(['run-ended', undefined]);
    });

    it('not after a short gap, nor where the page carried a cookie the browser held, nor for a script', () => {
      expect(days(10 * 60_000).result.freshBrowsers).toBeUndefined();
      expect(days(60 * HOUR, { cookie: REMEMBER }).result.freshBrowsers).toBeUndefined();
      expect(days(60 * HOUR, { resourceType: 'script' }).result.freshBrowsers).toBeUndefined();
      // The session cookie expired (12 h) while the remember-me token (2 years) lives: after a short gap it is told.
      expect(days(10 * 60_000).rules('session-not-sent')).toEqual([3]);
    });
  });
});
