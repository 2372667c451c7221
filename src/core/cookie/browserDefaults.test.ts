// Lax by default follows the recording browser: Chrome from 80 on, never Firefox or Safari; an unknown browser
// keeps it and says so. Checked on the SameSite verdict and through a whole analysis, on both sides of Chrome 80.
import { describe, expect, it } from 'vitest';
import { ID, trace } from '../../../test/helpers/traceBuilder.ts';
import { analyzeTrace } from '../analysis/analyze.ts';
import type { RecordingBrowser } from '../trace/recordingBrowser.ts';
import type { Trace, TraceEntry } from '../trace/types.ts';
import { CHROME_LAX_BY_DEFAULT_FROM, cookieDefaultsFor } from './browserDefaults.ts';
import { sameSiteBlock } from './sameSite.ts';

const chrome = (version?: number): RecordingBrowser => ({
  name: 'chrome',
  ...(version !== undefined ? { version } : {}),
  from: 'log.browser',
});

describe('cookieDefaultsFor', () => {
  it.each([
    [chrome(CHROME_LAX_BY_DEFAULT_FROM - 1), false],
    [chrome(CHROME_LAX_BY_DEFAULT_FROM), true],
    [chrome(44), false],
    [chrome(120), true],
    [chrome(), true],
    [{ name: 'firefox', version: 62, from: 'log.browser' } as const, false],
    [{ name: 'firefox', version: 140, from: 'log.browser' } as const, false],
    [{ name: 'safari', version: 16, from: 'user-agent' } as const, false],
    [{ name: 'phantomjs', version: 1, from: 'user-agent' } as const, false],
  ])('%j: lax by default %s', (browser, lax) => {
    expect(cookieDefaultsFor(browser).laxByDefault).toBe(lax);
  });

  it('an unknown browser keeps Lax by default and the 400-day cap, and says the browser was unknown', () => {
    expect(cookieDefaultsFor(undefined)).toEqual({
      laxByDefault: true,
      basis: expect.stringMatching(/^browser unknown/),
      lifetimeCapDays: 400,
    });
  });

  it.each([
    [chrome(103), undefined],
    [chrome(104), 400],
    [chrome(30), undefined],
    [chrome(), 400],
    [{ name: 'firefox', version: 46, from: 'log.browser' } as const, undefined],
    [{ name: 'firefox', version: 140, from: 'log.browser' } as const, 400],
    [{ name: 'safari', version: 4, from: 'user-agent' } as const, undefined],
    [{ name: 'safari', version: 17, from: 'user-agent' } as const, 400],
    [{ name: 'ie', version: 11, from: 'user-agent' } as const, undefined],
  ])('%j: lifetime capped at %s days (RFC 6265bis, from 2022)', (browser, days) => {
    expect(cookieDefaultsFor(browser).lifetimeCapDays).toBe(days);
  });
});

describe('Strict Secure Cookies follow the recording browser (Chrome and Firefox from 52; never Qt)', () => {
  it.each([
    [chrome(51), true],
    [chrome(52), undefined],
    [chrome(), undefined],
    [{ name: 'firefox', version: 47, from: 'log.browser' } as const, true],
    [{ name: 'firefox', version: 52, from: 'log.browser' } as const, undefined],
    [{ name: 'phantomjs', version: 1, from: 'user-agent' } as const, true],
    [{ name: 'safari', version: 9, from: 'user-agent' } as const, undefined],
  ])('%j: accepts a Secure cookie from http:// %s', (browser, accepts) => {
    expect(cookieDefaultsFor(browser).acceptsSecureFromHttp).toBe(accepts);
  });

  it('a whole analysis: PhantomJS 1.9 stored the Secure JSESSIONID an http:// page set (audit 15: rakuten)', () => {
    const entry = (index: number, url: string, headers: { name: string; value: string }[]): TraceEntry => ({
      index,
      startedAt: Date.UTC(2013, 5, 1) + index * 1000,
      request: { method: 'GET', url, headers: [], resourceType: 'document' },
      response: { status: 200, headers },
    });
    const recorded = (browser: RecordingBrowser): Trace => ({
      source: { format: 'har', browser },
      entryCount: 1,
      events: [
        {
          kind: 'entry',
          entry: entry(0, 'http://shop.test/', [
            { name: 'Set-Cookie', value: 'JSESSIONID=5F3A9C0E1B2D4F6A8C0E2B4D6F8A0C2E; Path=/; Secure; HttpOnly' },
          ]),
        },
      ],
    });
    const rejected = (browser: RecordingBrowser) =>
      analyzeTrace(recorded(browser))
        .findings.filter((f) => f.rule === 'cookie-rejected')
        .map((f) => f.reason);
    expect(rejected({ name: 'phantomjs', version: 1, from: 'user-agent' })).toEqual([]);
    expect(rejected(chrome(120))).toEqual(['SecureOnly']);
  });
});

describe('the SameSite attribute follows the recording browser (Chrome 51, Firefox 60, Safari 12; never Qt)', () => {
  it.each([
    [chrome(50), true],
    [chrome(51), undefined],
    [{ name: 'firefox', version: 59, from: 'log.browser' } as const, true],
    [{ name: 'firefox', version: 60, from: 'log.browser' } as const, undefined],
    [{ name: 'safari', version: 11, from: 'user-agent' } as const, true],
    [{ name: 'safari', version: 12, from: 'user-agent' } as const, undefined],
    [{ name: 'qtwebkit', version: 602, from: 'user-agent' } as const, true],
    [{ name: 'phantomjs', version: 2, from: 'user-agent' } as const, true],
    [chrome(), undefined],
  ])('%j: ignores SameSite %s', (browser, ignores) => {
    expect(cookieDefaultsFor(browser).ignoresSameSite).toBe(ignores);
  });

  it("a whole analysis: QtWebKit stored a SameSite=Lax cookie a cross-site image's answer set, and sent it (audit 17)", () => {
    // A Splash (QtWebKit 602) recording: `__cfduid; SameSite=Lax` set by a cross-site image was "rejected
    // [SameSiteLax]" though the next cross-site image carried it.
    const value = '9f8e7d6c5b4a39281706f5e4d3c2b1a0';
    const image = (index: number, headers: TraceEntry['request']['headers'], set: boolean): TraceEntry => ({
      index,
      startedAt: Date.UTC(2019, 5, 1) + index * 1000,
      request: {
        method: 'GET',
        url: `https://img.test/${index}.png`,
        headers,
        resourceType: 'image',
        siteContext: { kind: 'cross-site', from: 'sec-fetch-site' },
      },
      response: {
        status: 200,
        headers: set ? [{ name: 'Set-Cookie', value: `PHPSESSID=${value}; Path=/; Secure; SameSite=Lax` }] : [],
      },
    });
    const recorded = (browser: RecordingBrowser): Trace => ({
      source: { format: 'har', browser },
      entryCount: 2,
      events: [image(0, [], true), image(1, [{ name: 'Cookie', value: `PHPSESSID=${value}` }], false)].map((entry) => ({
        kind: 'entry' as const,
        entry,
      })),
    });
    const rejected = (browser: RecordingBrowser) =>
      analyzeTrace(recorded(browser))
        .requests.find((r) => r.entry === 0)
        ?.rejected.map((r) => r.reason);
    expect(rejected({ name: 'qtwebkit', version: 602, from: 'user-agent' })).toEqual([]);
    expect(rejected(chrome(120))).toEqual(['SameSiteLax']);
  });
});

describe('a request of a kind the recording does not tell may have been the navigation', () => {
  it("its cross-site answer's SameSite=Lax cookie is stored, as in an unknown context; an image's is refused", () => {
    // A LoadRunner replay: a captive-portal page's meta refresh to support.mozilla.org, no Fetch Metadata, `Accept: */*`
    // (kind `other`), its answer's `session_id; SameSite=Lax` "rejected [SameSiteLax]" (audit 18).
    const rejected = (kind: 'other' | 'image') =>
      trace()
        .get('https://help.test/kb', {
          cookie: '',
          resourceType: kind,
          siteContext: 'cross-site',
          setCookie: [`session_id=${ID.a}; Path=/; Secure; HttpOnly; SameSite=Lax`],
        })
        .analyze()
        .requests.find((r) => r.entry === 0)
        ?.rejected.map((r) => r.reason);
    expect(rejected('other')).toEqual([]);
    expect(rejected('image')).toEqual(['SameSiteLax']);
  });
});

describe('the SameSite verdict takes the default as a setting', () => {
  const crossSiteImage = {
    url: 'https://shop.test/pixel',
    method: 'GET',
    time: 10_000_000,
    siteForCookiesUrl: 'https://news.test/',
    isTopLevelNavigation: false,
  };
  const unspecified = { sameSite: 'unspecified' as const, createdAt: 0 };

  it('Lax by default: a cookie without SameSite stays off a cross-site subresource', () => {
    expect(sameSiteBlock(unspecified, crossSiteImage)).toBe('SameSiteUnspecifiedTreatedAsLax');
    expect(sameSiteBlock(unspecified, { ...crossSiteImage, laxByDefault: true })).toBe(
      'SameSiteUnspecifiedTreatedAsLax',
    );
  });

  it('without it: the cookie goes, and an explicit SameSite=Lax or Strict still does not', () => {
    const legacy = { ...crossSiteImage, laxByDefault: false };
    expect(sameSiteBlock(unspecified, legacy)).toBeUndefined();
    expect(sameSiteBlock({ sameSite: 'lax', createdAt: 0 }, legacy)).toBe('SameSiteLax');
    expect(sameSiteBlock({ sameSite: 'strict', createdAt: 0 }, legacy)).toBe('SameSiteStrict');
  });
});

describe('a whole analysis on both sides of Chrome 80', () => {
  /**
   * A session cookie without SameSite, set by shop.test; then a cross-site image from news.test to shop.test that
   * carried no Cookie; then a same-site page that carried it (so the file records cookies).
   */
  function trace(browser: RecordingBrowser | undefined): Trace {
    const at = (s: number) => Date.UTC(2024, 4, 1, 10, 0, s);
    const entries: TraceEntry[] = [
      {
        index: 0,
        startedAt: at(0),
        request: { method: 'GET', url: 'https://shop.test/', headers: [], resourceType: 'document' },
        response: {
          status: 200,
          headers: [{ name: 'Set-Cookie', value: 'PHPSESSID=9f8e7d6c5b4a39281706f5e4d3c2b1a0; Path=/; Secure' }],
        },
      },
      {
        index: 1,
        startedAt: at(1),
        request: {
          method: 'GET',
          url: 'https://shop.test/pixel',
          headers: [],
          resourceType: 'image',
          initiatorUrl: 'https://news.test/',
          initiatorSource: 'page-document',
        },
        response: { status: 200, headers: [] },
      },
      {
        index: 2,
        startedAt: at(2),
        request: {
          method: 'GET',
          url: 'https://shop.test/cart',
          headers: [{ name: 'Cookie', value: 'PHPSESSID=9f8e7d6c5b4a39281706f5e4d3c2b1a0' }],
          resourceType: 'document',
        },
        response: { status: 200, headers: [] },
      },
    ];
    return {
      source: { format: 'har', ...(browser ? { browser } : {}) },
      events: entries.map((entry) => ({ kind: 'entry', entry })),
      entryCount: entries.length,
    };
  }
  const reasonAt1 = (browser: RecordingBrowser | undefined) =>
    analyzeTrace(trace(browser))
      .requests.find((r) => r.entry === 1)
      ?.notSent.map((n) => n.reason);

  it('Chrome 80 and later: kept back by Lax by default', () => {
    expect(reasonAt1(chrome(80))).toEqual(['SameSiteUnspecifiedTreatedAsLax']);
    expect(reasonAt1(chrome(120))).toEqual(['SameSiteUnspecifiedTreatedAsLax']);
  });

  it('Chrome 79 and Firefox would have sent it: its absence has no SameSite explanation', () => {
    expect(reasonAt1(chrome(79))).toEqual(['Unknown']);
    expect(reasonAt1({ name: 'firefox', version: 62, from: 'log.browser' })).toEqual(['Unknown']);
  });

  it('an unknown browser is judged as Chrome 80+ (the default)', () => {
    expect(reasonAt1(undefined)).toEqual(['SameSiteUnspecifiedTreatedAsLax']);
  });
});

describe('the lifetime cap follows the recording browser', () => {
  /**
   * A session cookie set for two years; a request a second later carried it (the file records cookies); a request
   * 500 days later carried none. Chrome 104 and later had dropped it at 400 days; Chrome 30 still held it. (The last
   * is an image: a page after a long gap that carries no cookie is read as a new browser, with a jar of its own.)
   */
  function trace(browser: RecordingBrowser): Trace {
    const at = (ms: number) => Date.UTC(2013, 9, 17, 10, 0, 0) + ms;
    const day = 24 * 60 * 60 * 1000;
    const id = 'PHPSESSID=9f8e7d6c5b4a39281706f5e4d3c2b1a0';
    const request = (index: number, time: number, cookie: string | undefined, setCookie?: string): TraceEntry => ({
      index,
      startedAt: at(time),
      request: {
        method: 'GET',
        url: `https://shop.test/${index}`,
        headers: cookie ? [{ name: 'Cookie', value: cookie }] : [],
        resourceType: index === 2 ? 'image' : 'document',
      },
      response: { status: 200, headers: setCookie ? [{ name: 'Set-Cookie', value: setCookie }] : [] },
    });
    const entries = [
      request(0, 0, undefined, `${id}; Path=/; Secure; Expires=${new Date(at(730 * day)).toUTCString()}`),
      request(1, 1000, id),
      request(2, 500 * day, undefined),
    ];
    return {
      source: { format: 'har', browser },
      events: entries.map((entry) => ({ kind: 'entry', entry })),
      entryCount: entries.length,
    };
  }
  const reasonAt2 = (browser: RecordingBrowser) =>
    analyzeTrace(trace(browser))
      .requests.find((r) => r.entry === 2)
      ?.notSent.map((n) => n.reason);

  it('Chrome 104 and later: expired at 400 days', () => {
    expect(reasonAt2(chrome(104))).toEqual(['Expired']);
  });

  it("Chrome 30 kept the server's two years: its absence is not explained by expiry", () => {
    expect(reasonAt2(chrome(30))).toEqual(['Unknown']);
  });
});

describe("a third party's cookies follow the recording browser's default", () => {
  const safari = (version: number): RecordingBrowser => ({ name: 'safari', version, from: 'user-agent' });

  it.each([
    [safari(4), 'visited-only'],
    [safari(13), 'visited-only'],
    [safari(14), 'blocked'],
    [chrome(120), undefined],
    [{ name: 'firefox', version: 140, from: 'log.browser' } as const, undefined],
  ])('%j: %s', (browser, policy) => {
    expect(cookieDefaultsFor(browser).thirdPartyCookies).toBe(policy);
  });

  /**
   * A news page loads a pixel from an ad server, whose answer sets a cookie; a later pixel carries none. `visited`: the
   * user opened the ad server's own page first, which set a cookie of its own.
   */
  const sameSite = (a: string, b: string) => new URL(a).hostname === new URL(b).hostname;
  function trace(browser: RecordingBrowser, visited: boolean): Trace {
    const at = (s: number) => Date.UTC(2010, 7, 30, 10, 0, s);
    const entry = (
      index: number,
      url: string,
      setCookie: string | undefined,
      page: string | undefined,
      cookie?: string,
    ): TraceEntry => ({
      index,
      startedAt: at(index),
      request: {
        method: 'GET',
        url,
        headers: [
          ...(page ? [{ name: 'Referer', value: page }] : []),
          ...(cookie ? [{ name: 'Cookie', value: cookie }] : []),
        ],
        resourceType: page ? 'image' : 'document',
        // The importer's verdict, as a HAR's Referer gives it: a pixel of another site is cross-site.
        ...(page
          ? {
              initiatorUrl: page,
              siteContext: { kind: sameSite(url, page) ? 'same-site' : 'cross-site', from: 'referer' } as const,
            }
          : {}),
      },
      response: { status: 200, headers: setCookie ? [{ name: 'Set-Cookie', value: setCookie }] : [] },
    });
    const entries = [
      ...(visited ? [entry(0, 'https://ads.test/', 'home=1a2b3c4d5e6f; Path=/', undefined)] : []),
      entry(1, 'https://news.test/', 'pref=compact; Path=/', undefined),
      entry(2, 'https://ads.test/pixel', 'adSession=9f8e7d6c5b4a39281706f5e4d3c2b1a0; Path=/', 'https://news.test/'),
      entry(3, 'https://news.test/next', undefined, undefined, 'pref=compact'),
      entry(
        4,
        'https://ads.test/pixel2',
        undefined,
        'https://news.test/next',
        visited ? 'home=1a2b3c4d5e6f' : undefined,
      ),
    ];
    return {
      source: { format: 'har', browser },
      events: entries.map((e) => ({ kind: 'entry', entry: e })),
      entryCount: entries.length,
    };
  }
  const outcome = (browser: RecordingBrowser, visited: boolean) => {
    const result = analyzeTrace(trace(browser, visited));
    const pixel = result.requests.find((r) => r.entry === 2)!;
    const later = result.requests.find((r) => r.entry === 4)!;
    return {
      rejected: pixel.rejected.map((r) => r.reason),
      notSentLater: later.notSent.map((n) => `${n.name} ${n.reason}`),
    };
  };

  it("Safari before 13.1 refused a third party's cookie from a site not visited: not stored, so not missing later", () => {
    expect(outcome(safari(4), false)).toEqual({ rejected: ['ThirdPartyBlocked'], notSentLater: [] });
  });

  it('Safari before 13.1 took it from a site that had cookies (visited); Safari 14 refuses it anyway', () => {
    expect(outcome(safari(4), true).rejected).toEqual([]);
    expect(outcome(safari(14), true).rejected).toEqual(['ThirdPartyBlocked']);
  });

  it('Chrome (before Lax by default) stores it, and misses it on the later pixel', () => {
    expect(outcome(chrome(70), false)).toEqual({ rejected: [], notSentLater: ['adSession Unknown'] });
  });
});
