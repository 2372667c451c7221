/**
 * The cookie defaults of the browser that made a recording: whether a cookie's lifetime is capped at 400 days
 * (CAPS_LIFETIME), and whether a cookie without a SameSite attribute is treated as Lax ("Lax by default", RFC 6265bis
 * 5.6.7 enforcement mode "Default"). Chrome shipped it
 * in Chrome 80 (February 2020; https://chromestatus.com/feature/5088147346030592). Firefox tried it in Nightly and
 * never enabled it in a release (network.cookie.sameSite.laxByDefault stays false); Safari and the pre-Chromium
 * Edge, Internet Explorer and PhantomJS (QtWebKit) never had it. Before it, and in those browsers, such a cookie goes on cross-site
 * requests as SameSite=None did.
 */
import type { RecordingBrowser } from '../trace/recordingBrowser.ts';
import { browserLabel } from '../trace/recordingBrowser.ts';
import type { ThirdPartyCookies } from './sameSite.ts';
import { MAX_COOKIE_AGE_MS } from './storageModel.ts';

export interface CookieDefaults {
  /** A cookie without SameSite is treated as Lax on cross-site requests. */
  readonly laxByDefault: boolean;
  /** Why, in words, for the reports. */
  readonly basis: string;
  /**
   * The longest life an Expires or Max-Age gives a cookie, in days (RFC 6265bis: 400); absent where the browser kept
   * the server's expiry, however far.
   */
  readonly lifetimeCapDays?: number;
  /** What the browser does with a third party's cookies by default; absent where it accepts them. */
  readonly thirdPartyCookies?: ThirdPartyCookies;
}

const DAY_MS = 24 * 60 * 60 * 1000;
/** RFC 6265bis's cap, 400 days. */
const LIFETIME_CAP_DAYS = MAX_COOKIE_AGE_MS / DAY_MS;

/** What the jar needs of them. */
export type JarDefaults = Pick<CookieDefaults, 'laxByDefault' | 'lifetimeCapDays' | 'thirdPartyCookies'>;

/** Today's Chrome, the defaults of a browser the recording does not name. */
export const TODAYS_JAR_DEFAULTS: JarDefaults = { laxByDefault: true, lifetimeCapDays: LIFETIME_CAP_DAYS };

/** The jar's cap in milliseconds: Infinity where the browser had none. */
export function lifetimeCapMs(defaults: JarDefaults): number {
  return defaults.lifetimeCapDays === undefined ? Number.POSITIVE_INFINITY : defaults.lifetimeCapDays * DAY_MS;
}

/** First Chrome major version with Lax by default. */
export const CHROME_LAX_BY_DEFAULT_FROM = 80;

/**
 * Whether a browser (by name) caps a cookie's lifetime at 400 days, given its major version if known. The cap came with
 * RFC 6265bis's draft of 2022: Chrome 104 shipped it (August 2022; support.google.com/chrome/a/answer/7679408), and
 * Firefox and Chrome had no limit when it was proposed (mozilla/standards-positions#592, November 2021). Firefox caps
 * today (network.cookie.maxageCap); which release began is not known here, so from Firefox 104 (August 2022) on it is
 * taken as today's, and Safari from 16 (September 2022). Internet Explorer, the pre-Chromium Edge and QtWebKit's
 * renderers (PhantomJS, Splash) ended before it. A browser of unknown version is taken as a current one.
 */
const CAPS_LIFETIME: Readonly<Record<RecordingBrowser['name'], (version: number | undefined) => boolean>> = {
  chrome: (version) => version === undefined || version >= 104,
  firefox: (version) => version === undefined || version >= 104,
  safari: (version) => version === undefined || version >= 16,
  'edge-legacy': () => false,
  ie: () => false,
  phantomjs: () => false,
  qtwebkit: () => false,
};

/**
 * What a browser (by name) does by default with the cookies a third party sets, given its major version if known.
 * Safari accepted them only from sites the user had visited ("Allow from websites I visit") and blocks them all from
 * 13.1 (March 2020; webkit.org "Full Third-Party Cookie Blocking and More"): from 14 on here, 13 kept as before.
 * Chrome, Firefox (its tracker lists are not modelled), Edge, Internet Explorer and PhantomJS accept them.
 */
const THIRD_PARTY_COOKIES: Readonly<
  Record<RecordingBrowser['name'], (version: number | undefined) => ThirdPartyCookies | undefined>
> = {
  chrome: () => undefined,
  firefox: () => undefined,
  safari: (version) => (version === undefined || version >= 14 ? 'blocked' : 'visited-only'),
  'edge-legacy': () => undefined,
  ie: () => undefined,
  // Qt's network stack keeps every cookie (QNetworkCookieJar): PhantomJS, Splash.
  phantomjs: () => undefined,
  qtwebkit: () => undefined,
};

/** What a browser (by name) does with a cookie without SameSite, given its major version if known. */
const LAX_BY_DEFAULT: Readonly<Record<RecordingBrowser['name'], (version: number | undefined) => boolean>> = {
  // A Chrome of unknown version is taken as a current one.
  chrome: (version) => version === undefined || version >= CHROME_LAX_BY_DEFAULT_FROM,
  firefox: () => false,
  safari: () => false,
  'edge-legacy': () => false,
  ie: () => false,
  // WebKit's cookie rules (QtWebKit), which never treated a cookie without SameSite as Lax.
  phantomjs: () => false,
  qtwebkit: () => false,
};

/** The defaults for a recording's browser; an unknown browser keeps Lax by default (today's Chrome), and says so. */
export function cookieDefaultsFor(browser: RecordingBrowser | undefined): CookieDefaults {
  if (!browser) {
    return {
      laxByDefault: true,
      basis: 'browser unknown: a cookie without SameSite is taken as Lax, as Chrome 80 and later do',
      lifetimeCapDays: LIFETIME_CAP_DAYS,
    };
  }
  const laxByDefault = LAX_BY_DEFAULT[browser.name](browser.version);
  const label = `${browserLabel(browser)} (from ${browser.from})`;
  return {
    laxByDefault,
    basis: laxByDefault
      ? `${label}: a cookie without SameSite is treated as Lax`
      : `${label}: a cookie without SameSite is not treated as Lax (Chrome did so from ${CHROME_LAX_BY_DEFAULT_FROM}; Firefox and Safari never did by default)`,
    ...(CAPS_LIFETIME[browser.name](browser.version) ? { lifetimeCapDays: LIFETIME_CAP_DAYS } : {}),
    ...thirdPartyCookiesOf(browser),
  };
}

function thirdPartyCookiesOf(browser: RecordingBrowser): { thirdPartyCookies?: ThirdPartyCookies } {
  const policy = THIRD_PARTY_COOKIES[browser.name](browser.version);
  return policy === undefined ? {} : { thirdPartyCookies: policy };
}
