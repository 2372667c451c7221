// CookieComparison on its own, against a real jar: what the jar says a request must carry against its Cookie
// header. (comparisonMemo.test.ts checks that a recalled comparison equals a fresh one on every recording.)
import { describe, expect, it } from 'vitest';
import { CookieJar } from '../cookie/jar.ts';
import type { Header, TraceEntry } from '../trace/types.ts';
import { CookieComparison } from './cookieComparison.ts';

const SHOP = 'https://shop.test/account';
/** Where SHOP's requests go, as the replay parses it. */
const SHOP_AT = { host: 'shop.test', origin: 'https://shop.test' };

function request(
  index: number,
  cookie: string | undefined,
  extra: Partial<TraceEntry> = {},
  method = 'GET',
): TraceEntry {
  const headers: Header[] = cookie === undefined ? [] : [{ name: 'Cookie', value: cookie }];
  // Answered: a request with no answer and no cookie on is never judged (cookieComparison.ts).
  const response = { status: 200, headers: [] };
  return { index, startedAt: 1_000 * index, request: { method, url: SHOP, headers }, response, ...extra };
}

function jarWith(...lines: string[]): CookieJar {
  const jar = new CookieJar();
  for (const line of lines) jar.setCookie(line, 'https://shop.test/', 0);
  return jar;
}

const comparison = (cookiesRecorded = true) => new CookieComparison((name) => name === 'sid', cookiesRecorded, true);

describe('CookieComparison', () => {
  it("a cross-origin CORS request that carried no cookie was made without credentials: only a session's is told", () => {
    // An SPA's page on app.test calls shop.test's API with fetch()'s default credentials: none of the jar's cookies go.
    const jar = jarWith('sid=abc; Path=/; Secure', 'theme=dark; Path=/', 'cart=1; Path=/basket');
    const cors = (headers: Header[], resourceType?: TraceEntry['request']['resourceType']) =>
      request(1, undefined, {
        request: { method: 'GET', url: SHOP, headers, ...(resourceType ? { resourceType } : {}) },
      });
    const told = (entry: TraceEntry) =>
      comparison()
        .compare(jar, entry, SHOP_AT, 1_000)
        .notSent.map((n) => [n.name, n.reason]);
    const fetchMetadata = [
      { name: 'Sec-Fetch-Mode', value: 'cors' },
      { name: 'Sec-Fetch-Site', value: 'cross-site' },
    ];
    // The session's Unknown stays (session-not-sent says to send credentials), as do the jar's own reasons.
    expect(told(cors(fetchMetadata))).toEqual([
      ['cart', 'NotOnPath'],
      ['sid', 'Unknown'],
    ]);
    // Without Fetch Metadata: a script's request whose Origin names another origin.
    expect(told(cors([{ name: 'Origin', value: 'https://app.test' }], 'xhr'))).toEqual([
      ['cart', 'NotOnPath'],
      ['sid', 'Unknown'],
    ]);
    // A GET whose Origin names another origin is in CORS mode, whatever it fetched (a `crossorigin` script, a font).
    expect(told(cors([{ name: 'Origin', value: 'https://app.test' }], 'script'))).toEqual([
      ['cart', 'NotOnPath'],
      ['sid', 'Unknown'],
    ]);
    // A same-origin CORS request, a navigation, or one whose Origin is its own: credentials were the default.
    const all = [
      ['cart', 'NotOnPath'],
      ['sid', 'Unknown'],
      ['theme', 'Unknown'],
    ];
    expect(told(cors([fetchMetadata[0]!, { name: 'Sec-Fetch-Site', value: 'same-origin' }]))).toEqual(all);
    expect(told(cors([{ name: 'Sec-Fetch-Mode', value: 'navigate' }]))).toEqual(all);
    expect(told(cors([{ name: 'Origin', value: 'https://shop.test' }], 'xhr'))).toEqual(all);
    // A form's POST sends its Origin in any mode, and with cookies: no sign of a request without credentials.
    const post = request(1, undefined, {
      request: { method: 'POST', url: SHOP, headers: [{ name: 'Origin', value: 'https://app.test' }] },
    });
    expect(told(post)).toEqual(all);
  });

  it('tells the cookies carried from those the jar held but the request did not carry', () => {
    const jar = jarWith('sid=abc; Path=/; Secure', 'theme=dark; Path=/', 'cart=1; Path=/basket');
    const { sent, notSent } = comparison().compare(jar, request(1, 'sid=abc'), SHOP_AT, 1_000);
    expect(sent).toEqual([{ name: 'sid', value: 'abc', domain: 'shop.test', path: '/', session: true }]);
    // The jar would send theme and the request did not carry it (no report says why); cart is for another path.
    expect(notSent.map((n) => [n.name, n.reason, n.session])).toEqual([
      ['cart', 'NotOnPath', false],
      ['theme', 'Unknown', false],
    ]);
  });

  it("gives the browser's reason for a cookie it reported blocking", () => {
    const jar = jarWith('theme=dark; Path=/');
    const blocked = { browserReport: { blockedRequestCookies: [{ name: 'theme', reasons: ['UserPreferences'] }] } };
    const { notSent } = comparison().compare(jar, request(1, '', blocked), SHOP_AT, 1_000);
    expect(notSent).toEqual([
      {
        name: 'theme',
        value: 'dark',
        domain: 'shop.test',
        path: '/',
        reason: 'UserPreferences',
        session: false,
        browserReasons: ['UserPreferences'],
      },
    ]);
  });

  it('a SameSite cookie carried under another value than the jar holds was sent: no SameSite verdict against the wire', () => {
    // A response racing the request wrote the cookie anew; where the site context is unknown or was taken as
    // cross-site, the jar's value would read as held back for SameSite, though the browser carried the cookie.
    const jar = jarWith('sid=new; Path=/; Secure; SameSite=Strict');
    for (const kind of ['unknown', 'cross-site'] as const) {
      const context = { siteContext: { kind, from: 'initiator' as const } };
      const entry = request(1, 'sid=old', { request: { ...request(1, 'sid=old').request, ...context } });
      const { sent, notSent } = comparison().compare(jar, entry, SHOP_AT, 1_000);
      expect(sent.map((c) => [c.name, c.value])).toEqual([['sid', 'old']]);
      expect(notSent).toEqual([]);
    }
  });

  it("a cookie carried under another value than the jar's expired copy was sent: the browser still had it", () => {
    // A proxy's history with gaps (a ZAP export), or --now long after it: the jar's copy expired, while a response
    // the file does not hold had written the cookie anew, and the request carried it. No Expired against the wire.
    const jar = jarWith('sid=old; Path=/; Max-Age=1');
    const { sent, notSent } = comparison().compare(jar, request(5, 'sid=renewed'), SHOP_AT, 5_000);
    expect(sent.map((c) => [c.name, c.value, c.path])).toEqual([['sid', 'renewed', '/']]);
    expect(notSent).toEqual([]);
    // Not carried at all: expired, as the jar says.
    const held = jarWith('sid=old; Path=/; Max-Age=1');
    expect(
      comparison()
        .compare(held, request(5, ''), SHOP_AT, 5_000)
        .notSent.map((n) => n.reason),
    ).toEqual(['Expired']);
  });

  it('an expired copy the request carried goes back into the jar where its response writes it, to be found there', () => {
    // Spring's OAuth state cookie (Max-Age=180) carried to its callback after the recording's clock ran past it, and
    // deleted there: the deletion found no cookie, and the login was said to have kept it.
    const deletion = 'sid=; Path=/; Max-Age=0';
    const answer = { response: { status: 200, headers: [{ name: 'Set-Cookie', value: deletion }] } };
    for (const carried of ['sid=old', 'sid=renewed']) {
      const jar = jarWith('sid=old; Path=/; Max-Age=1');
      const { sent, notSent } = comparison().compare(jar, request(5, carried, answer), SHOP_AT, 5_000);
      expect([sent.map((c) => `${c.name}=${c.value}`), notSent]).toEqual([[carried], []]);
      expect(jar.setCookie(deletion, 'https://shop.test/', 5_500)).toMatchObject({
        kind: 'deleted',
        removed: { name: 'sid', value: carried.slice(4) },
      });
    }
    // A response that does not write it leaves it dropped: a later request without it is no "not sent".
    const jar = jarWith('sid=old; Path=/; Max-Age=1');
    const compared = comparison();
    compared.compare(jar, request(5, 'sid=old'), SHOP_AT, 5_000);
    expect(compared.compare(jar, request(6, ''), SHOP_AT, 6_000).notSent).toEqual([]);
  });

  it('takes a carried cookie the jar never saw set as sent, in the slot the jar infers for it', () => {
    const { sent } = comparison().compare(new CookieJar(), request(1, 'sid=xyz'), SHOP_AT, 1_000);
    expect(sent).toEqual([{ name: 'sid', value: 'xyz', domain: 'shop.test', path: '/', session: true }]);
  });

  it('leaves out a cookie whose response was still in flight when the request started', () => {
    const jar = new CookieJar();
    const setter = request(1, undefined, { duration: 5_000 });
    const stored = jar.setCookie('sid=new; Path=/', 'https://shop.test/', setter.startedAt);
    if (stored.kind !== 'stored') throw new Error('stored expected');
    const compared = comparison();
    compared.noteStored(stored.cookie, setter);
    // Started at 2 s, before the response that stored sid arrived (1 s + 5 s): it could not carry it.
    expect(compared.compare(jar, request(2, ''), SHOP_AT, 2_000)).toEqual({ sent: [], notSent: [] });
    // Started at 7 s, after: sid should have gone.
    expect(compared.compare(jar, request(7, ''), SHOP_AT, 7_000).notSent.map((n) => [n.name, n.reason])).toEqual([
      ['sid', 'Unknown'],
    ]);
  });

  it('judges neither a preflight nor a request answered off the network', () => {
    const jar = jarWith('sid=abc; Path=/');
    const preflight: TraceEntry = {
      ...request(1, undefined, {}, 'OPTIONS'),
      request: {
        method: 'OPTIONS',
        url: SHOP,
        headers: [{ name: 'Access-Control-Request-Method', value: 'POST' }],
      },
    };
    expect(comparison().compare(jar, preflight, SHOP_AT, 1_000)).toEqual({ sent: [], notSent: [] });
    const cached = request(2, undefined, { offNetwork: 'cache' });
    expect(comparison().compare(jar, cached, SHOP_AT, 2_000)).toEqual({ sent: [], notSent: [] });
  });

  it("takes the jar's view as what was sent when the input recorded no Cookie header at all", () => {
    const jar = jarWith('sid=abc; Path=/', 'cart=1; Path=/basket');
    const { sent, notSent } = comparison(false).compare(jar, request(1, undefined), SHOP_AT, 1_000);
    expect(sent.map((s) => s.name)).toEqual(['sid']);
    expect(notSent.map((n) => [n.name, n.reason])).toEqual([['cart', 'NotOnPath']]);
  });

  it('a cookie seen only in Cookie headers at another host is no "not sent" here, unless it is a session cookie', () => {
    // Carried at www.shop.test only: the jar infers it host-only there, its Domain a guess.
    const jar = new CookieJar();
    const compare = comparison();
    const at = (index: number, url: string, cookie: string | undefined) => {
      const headers: Header[] = cookie === undefined ? [] : [{ name: 'Cookie', value: cookie }];
      return compare.compare(
        jar,
        { index, startedAt: 1_000 * index, request: { method: 'GET', url, headers } },
        { host: new URL(url).hostname, origin: new URL(url).origin },
        1_000 * index,
      );
    };
    at(1, 'https://www.shop.test/', 'visitData=abcdef; sid=s3cr3t');
    const elsewhere = at(2, 'https://api.shop.test/items', 'other=1');
    // The tracker's is not listed at api.shop.test; the session cookie's absence stays an Unknown for the rules.
    expect(elsewhere.notSent.map((n) => [n.name, n.reason])).toEqual([['sid', 'Unknown']]);
    // At the host that carried it, a request without it is still an Unknown.
    const same = at(3, 'https://www.shop.test/next', 'other=1');
    expect(same.notSent.map((n) => [n.name, n.reason]).sort()).toEqual([
      ['sid', 'Unknown'],
      ['visitData', 'Unknown'],
    ]);
  });
});
