// CookieJar.replayShape: two requests given one shape get the same answer from the jar, which is what lets a replay
// keep its comparison of the first (analysis/comparisonMemo.ts); and the shapes differ, or there is none, wherever
// the answer may differ.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fuzzRuns } from '../../../test/helpers/fuzzRuns.ts';
import { CookieJar } from './jar.ts';
import { RequestCookies } from './requestCookies.ts';
import type { CookiesForRequest, RequestContext } from './types.ts';

const T0 = Date.UTC(2024, 0, 1);
const APP = 'https://app.example.com/account/page';

function get(url: string, extra: Partial<RequestContext> = {}): RequestContext {
  return { url, method: 'GET', time: T0 + 1000, isTopLevelNavigation: false, ...extra };
}

function jarWith(lines: readonly string[], url = APP): CookieJar {
  const jar = new CookieJar();
  for (const line of lines) jar.setCookie(line, url, T0);
  return jar;
}

/** What a replay reads of an answer: names, values and reasons, in order. */
function answerOf(answer: CookiesForRequest): unknown {
  const verdicts = (list: CookiesForRequest['notSent'] | undefined) =>
    (list ?? []).map((n) => `${n.cookie.name}=${n.cookie.value}:${n.reason}`);
  return {
    sent: answer.sent.map((c) => `${c.name}=${c.value}`),
    notSent: verdicts(answer.notSent),
    undecided: verdicts(answer.undecided),
  };
}

describe('CookieJar.replayShape', () => {
  it('is the same for requests the jar answers alike, and changes with a change to the site only', () => {
    const jar = jarWith(['sid=1; Path=/; Secure; HttpOnly', 'theme=dark; Path=/']);
    const first = jar.replayShape(get('https://app.example.com/products/1'));
    const second = jar.replayShape(get('https://app.example.com/products/2?x=1', { time: T0 + 5000 }));
    expect(first).toEqual({ site: 'example.com', host: 'app.example.com' });
    expect(second).toBe(first);
    jar.setCookie('t=1; Path=/', 'https://other.test/', T0 + 6000);
    expect(jar.replayShape(get('https://app.example.com/products/3'))).toBe(first);
    jar.setCookie('theme=light; Path=/', APP, T0 + 7000);
    const changed = jar.replayShape(get('https://app.example.com/products/3'));
    expect(changed).toEqual(first);
    expect(changed).not.toBe(first);
    // A deletion is a change too (the request now reports it Deleted).
    jar.setCookie('theme=; Path=/; Max-Age=0', APP, T0 + 8000);
    expect(jar.replayShape(get('https://app.example.com/products/3'))).not.toBe(changed);
  });

  it('tells apart what the decision reads: the host, a secure URL, the cookie paths matched, the SameSite shape', () => {
    const jar = jarWith(['a=1; Domain=example.com; Path=/', 'b=1; Path=/account'], 'https://www.example.com/account');
    const key = (ctx: RequestContext) => jar.replayShape(ctx);
    const base = key(get('https://www.example.com/account/x'));
    expect(key(get('https://www.example.com/account/y'))).toBe(base);
    expect(key(get('https://www.example.com/accounts'))).not.toBe(base);
    expect(key(get('https://www.example.com/'))).not.toBe(base);
    expect(key(get('https://api.example.com/account/x'))).not.toBe(base);
    expect(key(get('http://www.example.com/account/x'))).not.toBe(base);
    expect(key(get('https://www.example.com/account/x', { siteContext: 'cross-site' }))).not.toBe(base);
    expect(key(get('https://www.example.com/account/x', { siteContext: 'unknown' }))).not.toBe(base);
    const crossNavigation = { siteContext: 'cross-site', isTopLevelNavigation: true } as const;
    expect(key(get('https://www.example.com/account/x', crossNavigation))).not.toBe(
      key(get('https://www.example.com/account/x', { siteContext: 'cross-site' })),
    );
  });

  it('is undefined when the answer depends on the clock: an expiry due, or a cookie young enough for Lax+POST', () => {
    const jar = jarWith(['short=1; Path=/; Max-Age=60', 'long=1; Path=/']);
    expect(jar.replayShape(get(APP, { time: T0 + 59_000 }))).toBeDefined();
    expect(jar.replayShape(get(APP, { time: T0 + 60_000 }))).toBeUndefined();
    const post = { method: 'POST', isTopLevelNavigation: true, siteContext: 'cross-site' } as const;
    expect(jar.replayShape(get(APP, post))).toBeUndefined();
    // Not when the browser does not treat a cookie without SameSite as Lax: then age plays no part.
    expect(jar.replayShape(get(APP, { ...post, laxByDefault: false }))).toBeDefined();
  });

  it('touch gives the sent cookies the last access an answer would have given them', () => {
    const jar = jarWith(['sid=1; Path=/']);
    const answer = new RequestCookies();
    jar.cookiesForReplay(get(APP), answer);
    jar.touch(answer.sent, T0 + 90_000);
    expect(jar.get('sid', 'app.example.com', '/')?.lastAccessedAt).toBe(T0 + 90_000);
  });

  // The property the replay relies on, over jars and requests drawn from a few hosts, paths and attributes.
  const line = fc
    .tuple(
      fc.constantFrom('sid', 'pref', 'tok'),
      fc.constantFrom('', '; Domain=example.com'),
      fc.constantFrom('; Path=/', '; Path=/account', '; Path=/api/v1', ''),
      fc.constantFrom('', '; Secure'),
      fc.constantFrom('', '; SameSite=Strict', '; SameSite=Lax', '; SameSite=None; Secure'),
      fc.constantFrom('', '; Max-Age=5', '; Max-Age=0', '; Max-Age=3600'),
      fc.constantFrom('https://app.example.com/account/x', 'https://www.example.com/api/v1/y', 'http://example.com/'),
    )
    .map(([name, domain, path, secure, sameSite, age, url]) => ({
      line: `${name}=${url.length}${domain}${path}${secure}${sameSite}${age}`,
      url,
    }));
  const request = fc.record({
    url: fc.constantFrom(
      'https://app.example.com/account/x',
      'https://app.example.com/account',
      'https://app.example.com/accounts',
      'https://www.example.com/api/v1/z',
      'https://www.example.com/',
      'http://app.example.com/account/x',
      'https://example.com/api/v2',
    ),
    method: fc.constantFrom('GET', 'POST'),
    isTopLevelNavigation: fc.boolean(),
    siteContext: fc.constantFrom(undefined, 'same-site', 'cross-site', 'unknown'),
    laxByDefault: fc.boolean(),
    at: fc.integer({ min: 0, max: 10_000 }),
  });

  it('two requests given one shape get the same answer (property)', () => {
    fc.assert(
      fc.property(fc.array(line, { maxLength: 8 }), request, request, (lines, a, b) => {
        const jar = new CookieJar();
        for (const { line: text, url } of lines) jar.setCookie(text, url, T0);
        const ctx = (r: typeof a): RequestContext => ({
          url: r.url,
          method: r.method,
          isTopLevelNavigation: r.isTopLevelNavigation,
          time: T0 + r.at,
          ...(r.siteContext !== undefined ? { siteContext: r.siteContext } : {}),
          ...(r.laxByDefault ? {} : { laxByDefault: false }),
        });
        const [first, second] = [a, b].sort((x, y) => x.at - y.at).map(ctx) as [RequestContext, RequestContext];
        const shapeFirst = jar.replayShape(first);
        const answerFirst = answerOf(jar.cookiesFor(first));
        const shapeSecond = jar.replayShape(second);
        const answerSecond = answerOf(jar.cookiesFor(second));
        if (shapeFirst !== undefined && shapeFirst === shapeSecond) expect(answerSecond).toEqual(answerFirst);
      }),
      { numRuns: fuzzRuns(0.2) },
    );
  });
});
