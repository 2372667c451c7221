/**
 * The cookie defaults of the browser that made a recording, one row per browser (BROWSER_DEFAULTS), each given the
 * browser's major version if known (a browser of unknown version is taken as a current one):
 * - Lax by default: a cookie without a SameSite attribute treated as Lax (RFC 6265bis 5.6.7 enforcement mode
 *   "Default"). Chrome shipped it in Chrome 80 (February 2020; https://chromestatus.com/feature/5088147346030592).
 *   Firefox tried it in Nightly and never enabled it in a release (network.cookie.sameSite.laxByDefault stays false);
 *   Safari, the pre-Chromium Edge, Internet Explorer and QtWebKit never had it. Before it, and in those browsers, such
 *   a cookie goes on cross-site requests as SameSite=None did.
 * - The 400-day cap on a cookie's lifetime, which came with RFC 6265bis's draft of 2022: Chrome 104 shipped it (August
 *   2022; support.google.com/chrome/a/answer/7679408), and Firefox and Chrome had no limit when it was proposed
 *   (mozilla/standards-positions#592, November 2021). Firefox caps today (network.cookie.maxageCap); which release
 *   began is not known here, so from Firefox 104 (August 2022) on it is taken as today's, and Safari from 16
 *   (September 2022). Internet Explorer, the pre-Chromium Edge and QtWebKit's renderers (PhantomJS, Splash) ended
 *   before it.
 * - A third party's cookies: Safari accepted them only from sites the user had visited ("Allow from websites I
 *   visit") and blocks them all from 13.1 (March 2020; webkit.org "Full Third-Party Cookie Blocking and More"): from
 *   14 on here, 13 kept as before. Chrome, Firefox (its tracker lists are not modelled), Edge, Internet Explorer and
 *   Qt's network stack (QNetworkCookieJar: PhantomJS, Splash) accept them.
 * - Strict Secure Cookies (RFC 6265bis 5.7 steps 10 and 16): an http:// page may neither set a Secure cookie nor
 *   overwrite one. Chrome shipped it in Chrome 52 (July 2016; chromestatus.com/feature/4506322921848832), Firefox in
 *   Firefox 52 (March 2017; bugzilla.mozilla.org/976073). Before them, and in Qt's network stack (PhantomJS, Splash),
 *   such a cookie was stored (and sent on https:// only). Safari, Internet Explorer and the pre-Chromium Edge are
 *   taken as refusing it, as today's browsers do: their versions are not known here.
 * - The SameSite attribute itself (RFC 6265bis 5.6.7): Chrome knows it from Chrome 51 (May 2016;
 *   chromestatus.com/feature/4672634709082112), Firefox from Firefox 60 (May 2018; bugzilla.mozilla.org/795346),
 *   Safari from Safari 12 (September 2018), the pre-Chromium Edge from Edge 16. Before them, and in Qt's WebKit
 *   (PhantomJS, Splash's QtWebKit 602), the attribute is ignored: a `SameSite=Lax` cookie a cross-site response sets is
 *   stored, and goes on cross-site requests as any other (a QtWebKit recording's `__cfduid; SameSite=Lax`, set by a
 *   cross-site image and sent on the next one, was "rejected"). Internet Explorer is taken as knowing it (IE 11 on
 *   Windows 10 from 2018); its platform is not known here.
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
  /**
   * The browser stored a Secure cookie an http:// page set, and let such a page overwrite one (before Strict Secure
   * Cookies); absent where it refuses them, as every browser does today.
   */
  readonly acceptsSecureFromHttp?: true;
  /**
   * The browser knew no SameSite attribute: it stored a cookie from any response and sent it on any request, whatever
   * its SameSite said; absent where it knows the attribute, as every browser does today.
   */
  readonly ignoresSameSite?: true;
}

const DAY_MS = 24 * 60 * 60 * 1000;
/** RFC 6265bis's cap, 400 days. */
const LIFETIME_CAP_DAYS = MAX_COOKIE_AGE_MS / DAY_MS;

/** What the jar needs of them. */
export type JarDefaults = Pick<
  CookieDefaults,
  'laxByDefault' | 'lifetimeCapDays' | 'thirdPartyCookies' | 'acceptsSecureFromHttp' | 'ignoresSameSite'
>;

/** Today's Chrome, the defaults of a browser the recording does not name. */
export const TODAYS_JAR_DEFAULTS: JarDefaults = { laxByDefault: true, lifetimeCapDays: LIFETIME_CAP_DAYS };

/** The jar's cap in milliseconds: Infinity where the browser had none. */
export function lifetimeCapMs(defaults: JarDefaults): number {
  return defaults.lifetimeCapDays === undefined ? Number.POSITIVE_INFINITY : defaults.lifetimeCapDays * DAY_MS;
}

/** How a request of a browser not known is judged: as today's Chrome (the Browser line's words). */
export const UNKNOWN_BROWSER_SAME_SITE = 'a cookie without SameSite is taken as Lax, as Chrome 80 and later do';

/** First Chrome major version with Lax by default. */
export const CHROME_LAX_BY_DEFAULT_FROM = 80;

type ByVersion<T> = (version: number | undefined) => T;

/** One browser's defaults, by its major version. */
interface BrowserDefaultsRow {
  readonly laxByDefault: ByVersion<boolean>;
  readonly capsLifetime: ByVersion<boolean>;
  readonly thirdPartyCookies: ByVersion<ThirdPartyCookies | undefined>;
  readonly strictSecure: ByVersion<boolean>;
  readonly knowsSameSite: ByVersion<boolean>;
}

const never = () => false;
const always = () => true;
const accepted = () => undefined;
/** A current version, or one of `from` on; a version unknown is taken as a current one. */
const from = (first: number) => (version: number | undefined) => version === undefined || version >= first;

/** The rows (the module's comment says where each comes from). */
const BROWSER_DEFAULTS: Readonly<Record<RecordingBrowser['name'], BrowserDefaultsRow>> = {
  chrome: {
    laxByDefault: from(CHROME_LAX_BY_DEFAULT_FROM),
    capsLifetime: from(104),
    thirdPartyCookies: accepted,
    strictSecure: from(52),
    knowsSameSite: from(51),
  },
  firefox: {
    laxByDefault: never,
    capsLifetime: from(104),
    thirdPartyCookies: accepted,
    strictSecure: from(52),
    knowsSameSite: from(60),
  },
  safari: {
    laxByDefault: never,
    capsLifetime: from(16),
    thirdPartyCookies: (version) => (from(14)(version) ? 'blocked' : 'visited-only'),
    strictSecure: always,
    knowsSameSite: from(12),
  },
  'edge-legacy': {
    laxByDefault: never,
    capsLifetime: never,
    thirdPartyCookies: accepted,
    strictSecure: always,
    knowsSameSite: from(16),
  },
  ie: {
    laxByDefault: never,
    capsLifetime: never,
    thirdPartyCookies: accepted,
    strictSecure: always,
    knowsSameSite: always,
  },
  phantomjs: {
    laxByDefault: never,
    capsLifetime: never,
    thirdPartyCookies: accepted,
    strictSecure: never,
    knowsSameSite: never,
  },
  qtwebkit: {
    laxByDefault: never,
    capsLifetime: never,
    thirdPartyCookies: accepted,
    strictSecure: never,
    knowsSameSite: never,
  },
};

/** The defaults for a recording's browser; an unknown browser keeps Lax by default (today's Chrome), and says so. */
export function cookieDefaultsFor(browser: RecordingBrowser | undefined): CookieDefaults {
  if (!browser) {
    return {
      laxByDefault: true,
      basis: `browser unknown: ${UNKNOWN_BROWSER_SAME_SITE}`,
      lifetimeCapDays: LIFETIME_CAP_DAYS,
    };
  }
  const row = BROWSER_DEFAULTS[browser.name];
  const laxByDefault = row.laxByDefault(browser.version);
  const thirdPartyCookies = row.thirdPartyCookies(browser.version);
  const label = `${browserLabel(browser)} (from ${browser.from})`;
  const strictSecure = row.strictSecure(browser.version);
  // Said where it differs from today's browsers: why a Secure cookie over http:// is no cookie-rejected here.
  const secureFromHttp = strictSecure
    ? ''
    : '; a Secure cookie set by an http:// page is stored (Chrome and Firefox refuse one from version 52)';
  const knowsSameSite = row.knowsSameSite(browser.version);
  // Said where the browser predates the attribute: why a SameSite cookie from a cross-site response is stored here.
  const sameSiteUnknown = knowsSameSite
    ? ''
    : '; the SameSite attribute is ignored (Chrome knows it from 51, Firefox from 60, Safari from 12)';
  return {
    laxByDefault,
    basis: `${
      laxByDefault
        ? `${label}: a cookie without SameSite is treated as Lax`
        : `${label}: a cookie without SameSite is not treated as Lax (Chrome did so from ${CHROME_LAX_BY_DEFAULT_FROM}; Firefox and Safari never did by default)`
    }${secureFromHttp}${sameSiteUnknown}`,
    ...(row.capsLifetime(browser.version) ? { lifetimeCapDays: LIFETIME_CAP_DAYS } : {}),
    ...(thirdPartyCookies === undefined ? {} : { thirdPartyCookies }),
    ...(strictSecure ? {} : { acceptsSecureFromHttp: true as const }),
    ...(knowsSameSite ? {} : { ignoresSameSite: true as const }),
  };
}
