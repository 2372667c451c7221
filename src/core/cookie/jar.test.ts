// The jar's storage rules (RFC 6265bis 5.7) and its not-sent reasons (5.8.3): each reason with a small
// scenario that triggers it and one that must not.
import { describe, expect, it } from 'vitest';
import { COOKIE_LIMITS, CookieJar } from './jar.ts';
import { notSentReasons } from './notSent.ts';
import type { NotSentReason, SetCookieRejectedReason } from './reasons.ts';
import { RequestCookies } from './requestCookies.ts';
import { LAX_ALLOW_UNSAFE_MAX_AGE_MS } from './sameSite.ts';
import { MAX_COOKIE_AGE_MS } from './storageModel.ts';
import type { RequestContext, StoreOutcome } from './types.ts';

const T0 = Date.UTC(2024, 0, 1);
const APP = 'https://app.example.com/account/page';

function get(url: string, extra: Partial<RequestContext> = {}): RequestContext {
  return { url, method: 'GET', time: T0 + 1000, isTopLevelNavigation: false, ...extra };
}

function jarWith(lines: readonly string[], url = APP, time = T0): CookieJar {
  const jar = new CookieJar();
  for (const line of lines) {
    const outcome = jar.setCookie(line, url, time);
    if (outcome.kind === 'rejected') throw new Error(`setup line rejected: ${line}: ${outcome.reason}`);
  }
  return jar;
}

function reasonOf(outcome: StoreOutcome): string {
  return outcome.kind === 'rejected' ? outcome.reason : outcome.kind;
}

interface RejectionScenario {
  readonly reason: SetCookieRejectedReason;
  readonly rejected: { line: string; url: string; setup?: readonly string[]; fromHttpApi?: boolean };
  readonly accepted: { line: string; url: string; setup?: readonly string[]; fromHttpApi?: boolean };
}

const REJECTIONS: readonly RejectionScenario[] = [
  {
    reason: 'SchemeNotSupported',
    rejected: { line: 'a=b', url: 'ftp://app.example.com/' },
    accepted: { line: 'a=b', url: 'wss://app.example.com/socket' },
  },
  { reason: 'NoCookieContent', rejected: { line: '', url: APP }, accepted: { line: 'a=', url: APP } },
  { reason: 'SyntaxError', rejected: { line: '=', url: APP }, accepted: { line: 'a', url: APP } },
  { reason: 'DisallowedCharacter', rejected: { line: 'a=\nb', url: APP }, accepted: { line: 'a= b', url: APP } },
  {
    reason: 'NameValuePairExceedsMaxSize',
    rejected: { line: `a=${'x'.repeat(5000)}`, url: APP },
    accepted: { line: `a=${'x'.repeat(4000)}`, url: APP },
  },
  {
    reason: 'InvalidDomain',
    rejected: { line: 'a=b; Domain=other.com', url: APP },
    accepted: { line: 'a=b; Domain=example.com', url: APP },
  },
  {
    reason: 'InvalidDomain',
    rejected: { line: 'a=b; Domain=com', url: APP },
    accepted: { line: 'a=b; Domain=com', url: 'https://com/' }, // the suffix is the host itself: host-only
  },
  {
    reason: 'InvalidDomain', // private section of the Public Suffix List, as Chrome
    rejected: { line: 'a=b; Domain=github.io', url: 'https://me.github.io/' },
    accepted: { line: 'a=b; Domain=me.github.io', url: 'https://me.github.io/' },
  },
  {
    reason: 'SecureOnly',
    rejected: { line: 'a=b; Secure', url: 'http://app.example.com/' },
    accepted: { line: 'a=b; Secure', url: 'http://localhost:3000/' },
  },
  {
    reason: 'SameSiteNoneInsecure',
    rejected: { line: 'a=b; SameSite=None', url: APP },
    accepted: { line: 'a=b; SameSite=None; Secure', url: APP },
  },
  {
    reason: 'InvalidPrefix',
    rejected: { line: '__secure-a=b', url: APP },
    accepted: { line: '__Secure-a=b; Secure', url: APP },
  },
  {
    reason: 'InvalidPrefix',
    rejected: { line: '__Host-a=b; Secure; Path=/; Domain=app.example.com', url: APP },
    accepted: { line: '__Host-a=b; Secure; Path=/', url: APP },
  },
  {
    reason: 'InvalidPrefix',
    rejected: { line: '__HOST-a=b; Secure', url: 'https://app.example.com/' }, // default path "/" is not enough
    accepted: { line: '__HOST-a=b; Secure; Path=/', url: 'https://app.example.com/' },
  },
  {
    reason: 'InvalidPrefix',
    rejected: { line: '__Host-a=b', url: APP }, // a nameless cookie posing as a prefixed one
    accepted: { line: 'Host-a=b', url: APP },
  },
  {
    reason: 'OverwriteSecure',
    rejected: { setup: ['sid=1; Secure; Domain=example.com'], line: 'sid=2', url: 'http://app.example.com/' },
    accepted: { setup: ['sid=1; Secure; Domain=example.com'], line: 'sid=2', url: 'https://app.example.com/' },
  },
  {
    reason: 'OverwriteSecure', // shadowing: a narrower path under the Secure cookie's path
    rejected: { setup: ['sid=1; Secure; Path=/'], line: 'sid=2; Path=/account', url: 'http://app.example.com/' },
    accepted: { setup: ['sid=1; Secure; Path=/'], line: 'other=2; Path=/account', url: 'http://app.example.com/' },
  },
  {
    reason: 'HttpOnlyFromScript',
    rejected: { line: 'a=b; HttpOnly', url: APP, fromHttpApi: false },
    accepted: { line: 'a=b; HttpOnly', url: APP, fromHttpApi: true },
  },
  {
    reason: 'HttpOnlyFromScript',
    rejected: { setup: ['a=1; HttpOnly; Path=/'], line: 'a=2; Path=/', url: APP, fromHttpApi: false },
    accepted: { setup: ['a=1; Path=/'], line: 'a=2; Path=/', url: APP, fromHttpApi: false },
  },
];

describe('CookieJar.setCookie rejections (RFC 6265bis 5.6, 5.7)', () => {
  for (const { reason, rejected, accepted } of REJECTIONS) {
    it(`${reason}: ${JSON.stringify(rejected.line.slice(0, 40))} from ${rejected.url}`, () => {
      const attempt = (s: RejectionScenario['rejected']) => {
        const jar = jarWith(s.setup ?? [], 'https://app.example.com/');
        const outcome = jar.setCookie(s.line, s.url, T0 + 1, { fromHttpApi: s.fromHttpApi ?? true });
        return { outcome, jar };
      };
      const bad = attempt(rejected);
      expect(reasonOf(bad.outcome)).toBe(reason);
      expect(bad.jar.size).toBe(rejected.setup?.length ?? 0);
      expect(reasonOf(attempt(accepted).outcome)).toBe('stored');
    });
  }
});

describe('a browser before Strict Secure Cookies (Chrome 51, Firefox 51, PhantomJS)', () => {
  it('stores a Secure cookie an http:// page set, and lets such a page overwrite one; sends it on https only', () => {
    const old = new CookieJar(MAX_COOKIE_AGE_MS, { strictSecure: false });
    expect(reasonOf(old.setCookie('sid=1; Secure; Path=/', 'http://app.example.com/', T0))).toBe('stored');
    expect(reasonOf(old.setCookie('sid=2; Path=/', 'http://app.example.com/', T0))).toBe('stored');
    expect(reasonOf(old.setCookie('tok=1; Secure; Path=/', 'http://app.example.com/', T0))).toBe('stored');
    expect(old.get('tok', 'app.example.com', '/')?.secure).toBe(true);
    // Today's browsers refuse both.
    const today = new CookieJar();
    expect(reasonOf(today.setCookie('tok=1; Secure; Path=/', 'http://app.example.com/', T0))).toBe('SecureOnly');
    today.setCookie('sid=1; Secure; Path=/', APP, T0);
    expect(reasonOf(today.setCookie('sid=2; Path=/', 'http://app.example.com/', T0))).toBe('OverwriteSecure');
  });
});

describe('CookieJar.setCookie storage (RFC 6265bis 5.7)', () => {
  it('records host-only vs Domain cookies, default path and provenance', () => {
    const jar = new CookieJar();
    const a = jar.setCookie('a=1', 'http://app.example.com:8080/x/y?q', T0, { entry: 7 });
    const b = jar.setCookie('b=2; Domain=.EXAMPLE.com; Path=/', APP, T0);
    expect(a).toMatchObject({
      kind: 'stored',
      cookie: {
        domain: 'app.example.com',
        hostOnly: true,
        path: '/x',
        sourceScheme: 'http',
        sourcePort: 8080,
        createdAt: T0,
        setByEntry: 7,
        origin: 'set-cookie',
      },
    });
    expect(b).toMatchObject({ kind: 'stored', cookie: { domain: 'example.com', hostOnly: false, sourcePort: 443 } });
  });

  it('lets Max-Age win over Expires and caps lifetimes at 400 days', () => {
    const jar = new CookieJar();
    jar.setCookie('a=1; Expires=Thu, 01 Jan 2099 00:00:00 GMT; Max-Age=60', APP, T0);
    jar.setCookie('b=1; Expires=Thu, 01 Jan 2099 00:00:00 GMT', APP, T0);
    expect(jar.get('a', 'app.example.com', '/account')?.expiresAt).toBe(T0 + 60_000);
    expect(jar.get('b', 'app.example.com', '/account')?.expiresAt).toBe(T0 + MAX_COOKIE_AGE_MS);
  });

  it('keeps the creation time of a replaced cookie and reports what it replaced', () => {
    const jar = jarWith(['sid=old; Path=/']);
    const outcome = jar.setCookie('sid=new; Path=/', APP, T0 + 5000);
    expect(outcome).toMatchObject({
      kind: 'stored',
      cookie: { value: 'new', createdAt: T0 },
      replaced: { value: 'old' },
    });
    expect(jar.size).toBe(1);
  });

  it('deletes on an expiry in the past, and says when there was nothing to delete', () => {
    const jar = jarWith(['sid=1; Path=/']);
    expect(jar.setCookie('sid=; Path=/; Max-Age=0', APP, T0 + 1)).toMatchObject({
      kind: 'deleted',
      removed: { value: '1' },
    });
    expect(jar.size).toBe(0);
    const again = jar.setCookie('sid=; Path=/; Expires=Thu, 01 Jan 1970 00:00:00 GMT', APP, T0 + 2);
    expect(again.kind).toBe('deleted');
    expect(again.kind === 'deleted' && again.removed).toBeUndefined();
  });

  it('evicts least recently accessed cookies past 180 for one domain, to 150', () => {
    const jar = new CookieJar();
    for (let i = 0; i <= COOKIE_LIMITS.perDomainMax; i++) jar.setCookie(`c${i}=v; Path=/`, APP, T0 + i);
    expect(jar.size).toBe(COOKIE_LIMITS.perDomainPurgeTo);
    const evicted = jar.drainEvictions();
    expect(evicted).toHaveLength(COOKIE_LIMITS.perDomainMax + 1 - COOKIE_LIMITS.perDomainPurgeTo);
    expect(evicted[0]?.cookie.name).toBe('c0');
    expect(jar.get('c180', 'app.example.com', '/')).toBeDefined();
    expect(jar.drainEvictions()).toEqual([]);
  });

  it('bounds the whole jar at 3300 cookies, purging to 3000', () => {
    const jar = new CookieJar();
    for (let i = 0; i <= COOKIE_LIMITS.totalMax; i++)
      jar.setCookie('c=v; Path=/', `https://h${i}.example${i}.com/`, T0 + i);
    expect(jar.size).toBe(COOKIE_LIMITS.totalPurgeTo);
  });
});

describe('CookieJar.cookiesFor order and access (RFC 6265bis 5.8.3)', () => {
  it('sends longer paths first, then earlier creation', () => {
    const jar = new CookieJar();
    jar.setCookie('root=1; Path=/', APP, T0);
    jar.setCookie('deep=1; Path=/account', APP, T0 + 2);
    jar.setCookie('early=1; Path=/account', APP, T0 + 1);
    const { sent } = jar.cookiesFor(get(APP, { time: T0 + 10 }));
    expect(sent.map((c) => c.name)).toEqual(['early', 'deep', 'root']);
    expect(sent.every((c) => c.lastAccessedAt === T0 + 10)).toBe(true);
    expect(jar.get('root', 'app.example.com', '/')?.lastAccessedAt).toBe(T0 + 10);
  });

  it('cookiesForReplay decides as cookiesFor and records the access time in the jar, not on the answer', () => {
    const lines = ['root=1; Path=/', 'deep=1; Path=/account', 'other=1; Path=/elsewhere'];
    const plain = jarWith(lines);
    const replay = jarWith(lines);
    const ctx = get(APP, { time: T0 + 10 });
    const answer = new RequestCookies();
    replay.cookiesForReplay(ctx, answer);
    const expected = plain.cookiesFor(ctx);
    expect(answer.sent.map((c) => c.name)).toEqual(expected.sent.map((c) => c.name));
    const notSent = Array.from({ length: answer.notSent.length }, (_, i) => [
      answer.notSent.cookie(i).name,
      answer.notSent.reason(i),
    ]);
    expect(notSent).toEqual(expected.notSent.map((n) => [n.cookie.name, n.reason]));
    expect(answer.sent.every((c) => c.lastAccessedAt === T0)).toBe(true);
    expect(replay.get('deep', 'app.example.com', '/account')?.lastAccessedAt).toBe(T0 + 10);
    expect(replay.all()).toEqual(plain.all());
    expect(replay.cookiesFor(get(APP, { time: T0 + 20 }))).toEqual(plain.cookiesFor(get(APP, { time: T0 + 20 })));
  });

  it('evicts by the access times cookiesForReplay recorded', () => {
    const jar = new CookieJar();
    for (let i = 0; i < COOKIE_LIMITS.perDomainMax - 1; i++) jar.setCookie(`c${i}=v; Path=/`, APP, T0 + i);
    jar.setCookie('x=v; Path=/x', APP, T0 + 500);
    // Touches c0..c178 (Path=/), not x: by creation c0 is the oldest, by access x is.
    jar.cookiesForReplay(get('https://app.example.com/', { time: T0 + 1000 }), new RequestCookies());
    jar.setCookie('overflow=v; Path=/', APP, T0 + 2000);
    const evicted = jar.drainEvictions();
    expect(evicted.map((e) => e.cookie.name).slice(0, 2)).toEqual(['x', 'c0']);
    expect(evicted[0]?.cookie.lastAccessedAt).toBe(T0 + 500);
    expect(evicted[1]?.cookie.lastAccessedAt).toBe(T0 + 1000);
  });

  it('ignores cookies of unrelated sites entirely', () => {
    const jar = jarWith(['a=1; Path=/']);
    expect(jar.cookiesFor(get('https://other.org/'))).toEqual({ sent: [], notSent: [] });
  });
});

interface NotSentScenario {
  readonly reason: NotSentReason;
  readonly setup: readonly string[];
  /** Request that must report the reason for the first cookie of setup. */
  readonly blocked: RequestContext;
  /** A close request where the cookie is sent. */
  readonly sent: RequestContext;
}

const CROSS_SITE = { siteForCookiesUrl: 'https://evil.example.net/' };

const NOT_SENT: readonly NotSentScenario[] = [
  {
    reason: 'DomainMismatch',
    setup: ['a=1; Path=/'],
    blocked: get('https://www.example.com/'),
    sent: get('https://app.example.com/'),
  },
  {
    reason: 'NotOnPath',
    setup: ['a=1; Path=/account'],
    blocked: get('https://app.example.com/accounts'),
    sent: get('https://app.example.com/account/x'),
  },
  {
    reason: 'SecureOnly',
    setup: ['a=1; Secure; Path=/'],
    blocked: get('http://app.example.com/'),
    sent: get('https://app.example.com/'),
  },
  {
    reason: 'SameSiteStrict',
    setup: ['a=1; SameSite=Strict; Path=/'],
    blocked: get(APP, { ...CROSS_SITE, isTopLevelNavigation: true }),
    sent: get(APP, { siteForCookiesUrl: 'https://www.example.com/' }),
  },
  {
    reason: 'SameSiteLax',
    setup: ['a=1; SameSite=Lax; Path=/'],
    blocked: get(APP, { ...CROSS_SITE, method: 'POST', isTopLevelNavigation: true }),
    sent: get(APP, { ...CROSS_SITE, isTopLevelNavigation: true }),
  },
  {
    reason: 'SameSiteUnspecifiedTreatedAsLax',
    setup: ['a=1; Path=/'],
    blocked: get(APP, CROSS_SITE), // a cross-site subresource
    sent: get(APP), // unknown site for cookies = same-site
  },
  {
    reason: 'SameSiteUnspecifiedTreatedAsLax', // schemeful: http → https of the same domain is cross-site
    setup: ['a=1; Path=/'],
    blocked: get(APP, { siteForCookiesUrl: 'http://app.example.com/' }),
    sent: get(APP, { siteForCookiesUrl: 'https://example.com/' }),
  },
  {
    reason: 'Expired',
    setup: ['a=1; Path=/; Max-Age=60'],
    blocked: get(APP, { time: T0 + 60_000 }),
    sent: get(APP, { time: T0 + 59_999 }),
  },
];

describe('CookieJar.cookiesFor not-sent reasons', () => {
  for (const { reason, setup, blocked, sent } of NOT_SENT) {
    it(`${reason}: ${setup[0]} on ${blocked.method} ${blocked.url}`, () => {
      const result = jarWith(setup).cookiesFor(blocked);
      expect(result.sent).toEqual([]);
      expect(result.notSent.map((n) => [n.cookie.name, n.reason])).toEqual([['a', reason]]);
      const ok = jarWith(setup).cookiesFor(sent);
      expect(ok.notSent).toEqual([]);
      expect(ok.sent.map((c) => c.name)).toEqual(['a']);
    });
  }

  it('SameSiteNoneInsecure: a SameSite=None cookie without Secure learnt from an event is never sent', () => {
    const jar = new CookieJar();
    const base = { domain: 'app.example.com', path: '/', hostOnly: true, httpOnly: false } as const;
    jar.upsertFromEvent({ ...base, name: 'a', value: '1', secure: false, sameSite: 'none' }, T0, false);
    jar.upsertFromEvent({ ...base, name: 'b', value: '1', secure: true, sameSite: 'none' }, T0, false);
    const result = jar.cookiesFor(get(APP));
    expect(result.notSent.map((n) => [n.cookie.name, n.reason])).toEqual([['a', 'SameSiteNoneInsecure']]);
    expect(result.sent.map((c) => c.name)).toEqual(['b']);
  });

  it('Lax+POST: an unspecified cookie younger than 2 minutes goes on a cross-site top-level POST', () => {
    const post = { ...CROSS_SITE, method: 'POST', isTopLevelNavigation: true };
    const young = jarWith(['a=1; Path=/']).cookiesFor(get(APP, { ...post, time: T0 + LAX_ALLOW_UNSAFE_MAX_AGE_MS }));
    expect(young.sent.map((c) => c.name)).toEqual(['a']);
    const old = jarWith(['a=1; Path=/']).cookiesFor(get(APP, { ...post, time: T0 + LAX_ALLOW_UNSAFE_MAX_AGE_MS + 1 }));
    expect(old.notSent.map((n) => n.reason)).toEqual(['SameSiteUnspecifiedTreatedAsLax']);
    // Not for an explicit SameSite=Lax, and not for a cross-site POST that is not a navigation.
    expect(jarWith(['a=1; SameSite=Lax; Path=/']).cookiesFor(get(APP, { ...post, time: T0 })).sent).toEqual([]);
    expect(jarWith(['a=1; Path=/']).cookiesFor(get(APP, { ...CROSS_SITE, method: 'POST', time: T0 })).sent).toEqual([]);
  });

  it('reports Expired once, then forgets the cookie', () => {
    const jar = jarWith(['a=1; Path=/; Max-Age=60']);
    expect(jar.cookiesFor(get('https://app.example.com/x', { time: T0 + 61_000 })).notSent[0]?.reason).toBe('Expired');
    expect(jar.cookiesFor(get('https://app.example.com/x', { time: T0 + 62_000 })).notSent).toEqual([]);
    expect(jar.size).toBe(0);
  });

  it('reports Deleted on matching requests until the cookie is set again', () => {
    const jar = jarWith(['sid=1; Path=/account']);
    jar.setCookie('sid=; Path=/account; Max-Age=0', APP, T0 + 10);
    const deleted = (url: string) => jar.cookiesFor(get(url, { time: T0 + 20 })).notSent.map((n) => n.reason);
    expect(deleted(APP)).toEqual(['Deleted']);
    expect(deleted('https://app.example.com/account/other')).toEqual(['Deleted']);
    expect(deleted('https://app.example.com/')).toEqual([]); // it would not have matched there
    jar.setCookie('sid=2; Path=/account', APP, T0 + 30);
    expect(jar.cookiesFor(get(APP, { time: T0 + 40 })).notSent).toEqual([]);
  });

  it('reports Unknown, not a guess, for an inferred cookie whose guessed attributes would block it', () => {
    const jar = new CookieJar();
    const inferred = jar.observeSent('sid', 'abc', 'https://app.example.com/a/b', T0);
    expect(inferred).toMatchObject({ origin: 'inferred', hostOnly: true, path: '/', secure: false });
    const other = jar.cookiesFor(get('https://www.example.com/'));
    expect(other.notSent.map((n) => n.reason)).toEqual(['Unknown']);
    expect(jar.cookiesFor(get('https://app.example.com/z')).sent.map((c) => c.value)).toEqual(['abc']);
  });

  it('picks the first reason by priority; notSentReasons lists them all', () => {
    const jar = jarWith(['a=1; Path=/account; Secure; SameSite=Strict; Max-Age=1']);
    const ctx = get('http://www.example.com/', { ...CROSS_SITE, time: T0 + 5000 });
    const cookie = jar.all()[0]!;
    expect(notSentReasons(cookie, ctx)).toEqual([
      'DomainMismatch',
      'NotOnPath',
      'SecureOnly',
      'Expired',
      'SameSiteStrict',
    ]);
    // Expired, and out of the request's scope: a browser purged it unseen, and this request lost nothing by it.
    expect(jar.cookiesFor(ctx).notSent).toEqual([]);
    const alive = jarWith(['a=1; Path=/account; Secure; SameSite=Strict; Max-Age=100']);
    expect(alive.cookiesFor(ctx).notSent.map((n) => n.reason)).toEqual(['DomainMismatch']);
  });

  it('tells an expired cookie Expired only on a request it would have gone on alive, once', () => {
    // Judged long after its expiry (as --now does), a cookie of another path is no loss of a request to this path.
    const jar = jarWith(['sid=abcdef123456; Path=/app; Max-Age=1']);
    const late = T0 + 86_400_000;
    expect(jar.cookiesFor(get('https://app.example.com/other', { time: late })).notSent).toEqual([]);
    expect(jar.all()).toEqual([]);
    expect(jar.cookiesFor(get('https://app.example.com/app/x', { time: late })).notSent.map((n) => n.reason)).toEqual([
      'Expired',
    ]);
    expect(jar.cookiesFor(get('https://app.example.com/app/y', { time: late })).notSent).toEqual([]);
    // Set again before a request it would go on: the new cookie is the one the jar holds, nothing expired to tell.
    const again = jarWith(['sid=abcdef123456; Path=/app; Max-Age=1']);
    again.cookiesFor(get('https://app.example.com/other', { time: late }));
    again.setCookie('sid=fedcba654321; Path=/app', APP, late);
    const answer = again.cookiesFor(get('https://app.example.com/app/x', { time: late + 1 }));
    expect(answer.notSent).toEqual([]);
    expect(answer.sent.map((c) => c.value)).toEqual(['fedcba654321']);
  });
});

describe('CookieJar events and observed cookies', () => {
  const snapshot = {
    name: 'sid',
    value: 'v1',
    domain: '.example.com',
    path: '/',
    hostOnly: false,
    secure: true,
    httpOnly: true,
    sameSite: 'lax',
  } as const;

  it('stores cookies from cookies.onChanged with origin cookie-event and removes them', () => {
    const jar = new CookieJar();
    expect(jar.upsertFromEvent(snapshot, T0, false)).toMatchObject({
      kind: 'stored',
      cookie: { domain: 'example.com', origin: 'cookie-event', createdAt: T0 },
    });
    expect(jar.upsertFromEvent({ ...snapshot, value: 'v2' }, T0 + 5, false)).toMatchObject({
      cookie: { value: 'v2', createdAt: T0 },
      replaced: { value: 'v1' },
    });
    expect(jar.upsertFromEvent(snapshot, T0 + 9, true, 'explicit').kind).toBe('removed');
    expect(jar.size).toBe(0);
    expect(jar.cookiesFor(get(APP, { time: T0 + 10 })).notSent.map((n) => n.reason)).toEqual(['Deleted']);
  });

  it('keeps the provenance of a Set-Cookie when the event only echoes it', () => {
    const jar = new CookieJar();
    jar.setCookie('sid=v1; Domain=example.com; Path=/; Secure; HttpOnly; SameSite=Lax', APP, T0, { entry: 3 });
    expect(jar.upsertFromEvent(snapshot, T0, false)).toMatchObject({ cookie: { origin: 'set-cookie', setByEntry: 3 } });
  });

  it('reports an event removal with cause "expired" as Expired on the next request', () => {
    const jar = new CookieJar();
    jar.upsertFromEvent(snapshot, T0, false);
    jar.upsertFromEvent(snapshot, T0 + 100, true, 'expired');
    expect(jar.cookiesFor(get(APP, { time: T0 + 200 })).notSent.map((n) => n.reason)).toEqual(['Expired']);
  });

  it('observeSent updates the value of a matching cookie the browser changed behind our back', () => {
    const jar = jarWith(['sid=1; Path=/']);
    expect(jar.observeSent('sid', '1', APP, T0 + 1)?.origin).toBe('set-cookie');
    expect(jar.observeSent('sid', '2', APP, T0 + 2)).toMatchObject({ value: '2', origin: 'inferred', createdAt: T0 });
    expect(jar.size).toBe(1);
    expect(jar.observeSent('__Host-x', '1', APP, T0 + 3)?.secure).toBe(true);
  });

  it('a Domain cookie set under the name of one known only from Cookie headers is that cookie, not a second one', () => {
    // A real Salesforce login: the browser sent Akamai's bm_sv to bu.my.site.com, then a response set it again with
    // Domain=.my.site.com. The guessed host-only copy beside it read as "not sent" on every later request.
    const HOST = 'https://bu.my.site.com/login';
    const guessed = new CookieJar();
    guessed.observeSent('bm_sv', 'CC67F67AE926', HOST, T0);
    const outcome = guessed.setCookie('bm_sv=CC67F67AE926; Domain=.my.site.com; Path=/; Secure', HOST, T0 + 1);
    expect(guessed.size).toBe(1);
    // The outcome names the guessed cookie it took the place of (the lanes go on in its lane).
    expect(outcome.kind === 'stored' ? [outcome.guessedTwin?.domain, outcome.replaced] : []).toEqual([
      'bu.my.site.com',
      undefined,
    ]);
    const { sent, notSent } = guessed.cookiesFor(get(HOST, { time: T0 + 2 }));
    expect([sent.map((c) => c.domain), notSent]).toEqual([['my.site.com'], []]);
    // A host-only cookie its own Set-Cookie scoped stays beside a Domain one of the same name: two cookies.
    const known = jarWith(['bm_sv=CC67F67AE926; Path=/; Secure'], HOST);
    known.observeSent('bm_sv', 'CC67F67AE926', HOST, T0 + 1);
    const beside = known.setCookie('bm_sv=CC67F67AE926; Domain=.my.site.com; Path=/; Secure', HOST, T0 + 2);
    expect(known.size).toBe(2);
    expect(beside.kind === 'stored' && beside.guessedTwin).toBe(undefined);
  });

  it('a deletion under a Domain covering the host deletes the cookie known only from Cookie headers', () => {
    // A logout of a user signed in before the recording: the server deletes `sid` with Domain=.shop.test; the jar had
    // guessed it host-only, kept it, and the next request that went without it read as "not sent: Unknown".
    const HOST = 'https://www.shop.test/logout';
    const jar = new CookieJar();
    jar.observeSent('sid', 'f3a91c07d2b84e6a', HOST, T0);
    const outcome = jar.setCookie(
      'sid=; Domain=.shop.test; Path=/; Expires=Thu, 01 Jan 1970 00:00:00 GMT',
      HOST,
      T0 + 1,
    );
    expect(outcome).toMatchObject({ kind: 'deleted', removed: { name: 'sid', value: 'f3a91c07d2b84e6a' } });
    expect(jar.cookiesFor(get(HOST, { time: T0 + 2 })).notSent.map((n) => n.reason)).toEqual(['Deleted']);
    // A deletion under another site's Domain, or of another name, leaves it.
    const other = new CookieJar();
    other.observeSent('sid', 'f3a91c07d2b84e6a', HOST, T0);
    other.setCookie('sid=; Domain=.other.test; Path=/; Expires=Thu, 01 Jan 1970 00:00:00 GMT', HOST, T0 + 1);
    other.setCookie('id=; Domain=.shop.test; Path=/; Expires=Thu, 01 Jan 1970 00:00:00 GMT', HOST, T0 + 1);
    expect(other.size).toBe(1);
  });

  it('observeSent revives a cookie the jar thought expired, with an unknown expiry', () => {
    const jar = jarWith(['sid=1; Path=/; Max-Age=1']);
    const revived = jar.observeSent('sid', '1', APP, T0 + 5000);
    expect(revived).toMatchObject({ origin: 'inferred', createdAt: T0 });
    expect(revived?.expiresAt).toBeUndefined();
    expect(jar.cookiesFor(get(APP, { time: T0 + 6000 })).sent.map((c) => c.value)).toEqual(['1']);
  });

  it('a Domain cookie told Expired, then carried, comes back with its Domain, not as a host-only guess beside it', () => {
    // Google's __Secure-STRP (Domain=google.com) judged with --now: told Expired at one request, then carried by the next.
    const jar = jarWith(['sid=1; Domain=example.com; Path=/; Max-Age=1']);
    expect(jar.cookiesFor(get(APP, { time: T0 + 5000 })).notSent.map((n) => n.reason)).toEqual(['Expired']);
    expect(jar.size).toBe(0);
    const revived = jar.observeSent('sid', '2', APP, T0 + 6000);
    expect(revived).toMatchObject({ domain: 'example.com', hostOnly: false, value: '2', origin: 'inferred' });
    expect(revived?.expiresAt).toBeUndefined();
    expect(jar.size).toBe(1);
    // Once back, it is told no more: a later request carries it, and another of the site would too.
    expect(jar.cookiesFor(get('https://www.example.com/', { time: T0 + 7000 })).sent.map((c) => c.value)).toEqual([
      '2',
    ]);
  });
});

describe('the site context decided from the trace (RFC 6265bis 5.2, 5.7, 5.8.3)', () => {
  const WIDGET = 'https://widget.example.net/frame';
  const crossSubresource = { context: { siteContext: 'cross-site', isTopLevelNavigation: false } } as const;

  it.each([
    ['a=1; Secure; SameSite=Strict', 'SameSiteStrict'],
    ['a=1; Secure; SameSite=Lax', 'SameSiteLax'],
    ['a=1; Secure', 'SameSiteUnspecifiedTreatedAsLax'],
  ])('a cross-site subresource response may not store %s (%s)', (line, reason) => {
    const jar = new CookieJar();
    expect(reasonOf(jar.setCookie(line, WIDGET, T0, crossSubresource))).toBe(reason);
    expect(jar.size).toBe(0);
  });

  it('stores SameSite=None there, any cookie on a cross-site top-level navigation, and when the site is unknown', () => {
    const jar = new CookieJar();
    expect(reasonOf(jar.setCookie('n=1; Secure; SameSite=None', WIDGET, T0, crossSubresource))).toBe('stored');
    const navigation = { context: { siteContext: 'cross-site', isTopLevelNavigation: true } } as const;
    expect(reasonOf(jar.setCookie('s=1; Secure; SameSite=Strict', WIDGET, T0, navigation))).toBe('stored');
    const unknown = { context: { siteContext: 'unknown', isTopLevelNavigation: false } } as const;
    expect(reasonOf(jar.setCookie('l=1; Secure; SameSite=Lax', WIDGET, T0, unknown))).toBe('stored');
    // A browser without Lax-by-default stores an unspecified cookie from any context.
    const old = { context: { siteContext: 'cross-site', isTopLevelNavigation: false, laxByDefault: false } } as const;
    expect(reasonOf(jar.setCookie('u=1; Secure', WIDGET, T0, old))).toBe('stored');
    expect(reasonOf(jar.setCookie('v=1; Secure; SameSite=Lax', WIDGET, T0, old))).toBe('SameSiteLax');
  });

  it('a refused cookie that a request carries after all is taken with its real attributes, not guessed ones', () => {
    const jar = new CookieJar();
    jar.setCookie('w=1; Path=/frame; Secure; HttpOnly; SameSite=Lax', WIDGET, T0, crossSubresource);
    const taken = jar.observeSent('w', '1', WIDGET, T0 + 1000);
    expect(taken).toMatchObject({ path: '/frame', httpOnly: true, sameSite: 'lax', origin: 'set-cookie' });
  });

  it('a known context decides SameSite; an unknown one leaves the SameSite verdict undecided, with its reason', () => {
    const lines = [
      'strict=1; Secure; SameSite=Strict; Path=/',
      'lax=1; Secure; SameSite=Lax; Path=/',
      'plain=1; Path=/',
    ];
    const names = (cookies: readonly { cookie: { name: string }; reason: string }[] | undefined) =>
      (cookies ?? []).map((n) => [n.cookie.name, n.reason]);
    const sameSite = jarWith(lines).cookiesFor(get(APP, { siteContext: 'same-site', ...CROSS_SITE }));
    expect(sameSite.sent.map((c) => c.name).sort()).toEqual(['lax', 'plain', 'strict']);
    const crossSite = jarWith(lines).cookiesFor(get(APP, { siteContext: 'cross-site' }));
    expect(crossSite.sent).toEqual([]);
    expect(names(crossSite.notSent).sort()).toEqual([
      ['lax', 'SameSiteLax'],
      ['plain', 'SameSiteUnspecifiedTreatedAsLax'],
      ['strict', 'SameSiteStrict'],
    ]);
    const unknown = jarWith(lines).cookiesFor(get(APP, { siteContext: 'unknown' }));
    expect(unknown.sent).toEqual([]);
    expect(unknown.notSent).toEqual([]);
    expect(names(unknown.undecided).sort()).toEqual(names(crossSite.notSent).sort());
  });
});
