// The recording browser is read from log.browser, a creator that is a browser, or a User-Agent, as real writers
// fill them (each row is a pair found in the real corpora or in a writer's documentation).
import { describe, expect, it } from 'vitest';
import { browserFromLog, browserFromUserAgent, isNonBrowserUserAgent, recordingBrowserOf } from './recordingBrowser.ts';

describe('the browser of a HAR log', () => {
  it.each([
    [
      'WebPageTest 2.17 (Google Chrome 44)',
      {
        creator: { name: 'WebPagetest', version: '2.17' },
        browser: { name: 'Google Chrome', version: '44.0.2403.157' },
      },
      { name: 'chrome', version: 44, from: 'log.browser' },
    ],
    [
      'chrome-har (Chrome 97)',
      { creator: { name: 'chrome-har' }, browser: { name: 'Chrome', version: '97.0.4692.99' } },
      { name: 'chrome', version: 97, from: 'log.browser' },
    ],
    [
      'Firefox as its own creator',
      { creator: { name: 'Firefox', version: '111.0.1' }, browser: { name: 'Firefox', version: '111.0.1' } },
      { name: 'firefox', version: 111, from: 'log.browser' },
    ],
    [
      'Firebug (Firefox 3.6)',
      { creator: { name: 'Firebug' }, browser: { name: 'Firefox', version: '3.6.11pre' } },
      { name: 'firefox', version: 3, from: 'log.browser' },
    ],
    [
      'a Firefox creator without browser',
      { creator: { name: 'Firefox', version: '47.0' } },
      { name: 'firefox', version: 47, from: 'log.creator' },
    ],
    [
      'Splash (QtWebKit), whose User-Agent says Safari: its log.browser names the engine',
      { creator: { name: 'Splash', version: '3.5' }, browser: { name: 'QWebKit', version: '602.1' } },
      { name: 'qtwebkit', version: 602, from: 'log.browser' },
    ],
    [
      'Edge 18 (EdgeHTML)',
      { browser: { name: 'Microsoft Edge', version: '18.17763' } },
      { name: 'edge-legacy', version: 18, from: 'log.browser' },
    ],
  ])('%s', (_, log, browser) => {
    expect(browserFromLog(log)).toEqual(browser);
  });

  it.each([
    ['WebInspector (Chrome DevTools writes no browser)', { creator: { name: 'WebInspector', version: '537.36' } }],
    ['a proxy', { creator: { name: 'Charles Proxy', version: '4.6.3' } }],
    ['nothing', {}],
    ['a browser field that is not an object', { browser: 'Chrome' }],
    [
      'chrome-har (a tool named after the browser; 1.3.1 is its version)',
      { creator: { name: 'chrome-har', version: '1.3.1' } },
    ],
    ['Chrome HAR Capturer', { creator: { name: 'Chrome HAR Capturer', version: '0.10.3' } }],
  ])('%s: unknown', (_, log) => {
    expect(browserFromLog(log)).toBeUndefined();
  });
});

describe('the browser of a recording: log fields, then the User-Agent, then a tool named after a browser', () => {
  const HEADLESS_84 =
    'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/84.0.4147.0 Safari/537.36';

  it("takes a chrome-har file's User-Agent, not the tool's version, as the browser's", () => {
    expect(recordingBrowserOf({ creator: { name: 'chrome-har', version: '1.3.1' } }, HEADLESS_84)).toEqual({
      name: 'chrome',
      version: 84,
      from: 'user-agent',
    });
    expect(recordingBrowserOf({ creator: { name: 'Chrome HAR Capturer', version: '0.10.3' } }, HEADLESS_84)).toEqual({
      name: 'chrome',
      version: 84,
      from: 'user-agent',
    });
  });

  it("Chrome's DevTools in device mode (an iPhone's Safari User-Agent, HTTP/2 pseudo-headers) made a Chrome recording", () => {
    // A real export: creator WebInspector 537.36, `:authority` among the headers, an iPhone Safari 16 User-Agent.
    const IPHONE =
      'Mozilla/5.0 (iPhone; CPU iPhone OS 16_6 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/16.6 Mobile/15E148 Safari/604.1';
    const devtools = { creator: { name: 'WebInspector', version: '537.36' } };
    expect(recordingBrowserOf(devtools, IPHONE, true)).toEqual({ name: 'chrome', from: 'log.creator' });
    // Safari's own Web Inspector: the User-Agent.
    expect(recordingBrowserOf({ creator: { name: 'WebKit Web Inspector', version: '18.0' } }, IPHONE, true)).toEqual({
      name: 'safari',
      version: 16,
      from: 'user-agent',
    });
    // On an HTTP/1.1 page (no pseudo-headers), Blink's inspector version beside another engine's User-Agent tells it.
    expect(recordingBrowserOf(devtools, IPHONE, false)).toEqual({ name: 'chrome', from: 'log.creator' });
    // WebKit's own inspector before the fork wrote its WebKit version, which its Safari's User-Agent shares.
    const SAFARI_PRE_FORK =
      'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_8_3) AppleWebKit/537.36 (KHTML, like Gecko) Version/6.0.4 Safari/537.36';
    expect(recordingBrowserOf(devtools, SAFARI_PRE_FORK, false)?.name).toBe('safari');
    expect(recordingBrowserOf({ creator: { name: 'WebInspector', version: '536.26' } }, IPHONE, false)?.name).toBe(
      'safari',
    );
    // A log.browser still says more.
    expect(recordingBrowserOf({ ...devtools, browser: { name: 'Chrome', version: '128.0' } }, IPHONE, true)).toEqual({
      name: 'chrome',
      version: 128,
      from: 'log.browser',
    });
  });

  it('without a User-Agent, names the browser a tool is named after, with no version', () => {
    expect(recordingBrowserOf({ creator: { name: 'chrome-har', version: '1.3.1' } }, undefined)).toEqual({
      name: 'chrome',
      from: 'log.creator',
    });
  });

  it.each([
    ['Google Chrome', '120.0.6099.71', 'chrome', 120],
    ['Firefox Developer Edition', '121.0b3', 'firefox', 121],
    ['Mozilla Firefox', '47.0', 'firefox', 47],
  ])(
    'a creator that is the browser itself (%s) keeps its version over the User-Agent',
    (name, version, browser, major) => {
      expect(recordingBrowserOf({ creator: { name, version } }, HEADLESS_84)).toEqual({
        name: browser,
        version: major,
        from: 'log.creator',
      });
    },
  );
});

describe('the browser of a User-Agent', () => {
  it.each([
    [
      'Mozilla/5.0 (Windows NT 6.1; WOW64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/44.0.2403.157 Safari/537.36',
      'chrome',
      44,
    ],
    [
      'Mozilla/5.0 (Macintosh) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/66.0.3359.117 Safari/537.36',
      'chrome',
      66,
    ],
    [
      'Mozilla/5.0 (Windows NT 10.0) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Safari/537.36 Edg/120.0',
      'chrome',
      120,
    ],
    [
      'Mozilla/5.0 (Windows NT 10.0) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/70.0 Safari/537.36 Edge/18.17763',
      'edge-legacy',
      18,
    ],
    ['Mozilla/5.0 (Macintosh; Intel Mac OS X 10.15; rv:109.0) Gecko/20100101 Firefox/111.0', 'firefox', 111],
    ['Mozilla/5.0 (Macintosh) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/16.3 Safari/605.1.15', 'safari', 16],
    ['Mozilla/5.0 (compatible; MSIE 9.0; Windows NT 6.0; Trident/5.0)', 'ie', 9],
    // A published 2013 page-load collection's (netsniff.js): WebKit, and Safari/534 without Safari's Version/.
    [
      'Mozilla/5.0 (Windows NT 6.2; WOW64) AppleWebKit/534.34 (KHTML, like Gecko) PhantomJS/1.9.1 Safari/534.34',
      'phantomjs',
      1,
    ],
  ])('%s', (userAgent, name, version) => {
    expect(browserFromUserAgent(userAgent)).toEqual({ name, version, from: 'user-agent' });
  });

  it.each(['Charles/4.6.3', 'curl/8.0', 'insomnia/2022.1.1', undefined])('%s: unknown', (userAgent) => {
    expect(browserFromUserAgent(userAgent)).toBeUndefined();
  });
});

describe('a User-Agent that is no browser', () => {
  it.each([
    'curl/8.4.0',
    'python-requests/2.31.0',
    'Apache-HttpClient/5.1.3 (Java/17.0.6)',
    'okhttp/4.12.0',
    'Dalvik/2.1.0 (Linux; U; Android 13; Pixel 7 Build/TQ3A)',
    'MyApp/3.1 CFNetwork/1410.0.3 Darwin/22.6.0',
    'PostmanRuntime/7.36.0',
  ])('%s: an HTTP library', (userAgent) => {
    expect(isNonBrowserUserAgent(userAgent)).toBe(true);
  });

  it.each([
    'Mozilla/5.0 (Linux; Android 13; Pixel 7; wv) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/120.0 Mobile Safari/537.36',
    'Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)',
    'Opera/9.80 (Windows NT 6.1) Presto/2.12.388 Version/12.16',
    '',
    '   ',
    undefined,
  ])('%s: a browser, or nothing said', (userAgent) => {
    expect(isNonBrowserUserAgent(userAgent)).toBe(false);
  });
});
