/**
 * The cookie defaults of the browser that made a recording. Today one: whether a cookie without a SameSite
 * attribute is treated as Lax ("Lax by default", RFC 6265bis 5.6.7 enforcement mode "Default"). Chrome shipped it
 * in Chrome 80 (February 2020; https://chromestatus.com/feature/5088147346030592). Firefox tried it in Nightly and
 * never enabled it in a release (network.cookie.sameSite.laxByDefault stays false); Safari and the pre-Chromium
 * Edge, Internet Explorer and PhantomJS (QtWebKit) never had it. Before it, and in those browsers, such a cookie goes on cross-site
 * requests as SameSite=None did.
 */
import type { RecordingBrowser } from '../trace/recordingBrowser.ts';
import { browserLabel } from '../trace/recordingBrowser.ts';

export interface CookieDefaults {
  /** A cookie without SameSite is treated as Lax on cross-site requests. */
  readonly laxByDefault: boolean;
  /** Why, in words, for the reports. */
  readonly basis: string;
}

/** First Chrome major version with Lax by default. */
export const CHROME_LAX_BY_DEFAULT_FROM = 80;

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
};

/** The defaults for a recording's browser; an unknown browser keeps Lax by default (today's Chrome), and says so. */
export function cookieDefaultsFor(browser: RecordingBrowser | undefined): CookieDefaults {
  if (!browser) {
    return {
      laxByDefault: true,
      basis: 'browser unknown: a cookie without SameSite is taken as Lax, as Chrome 80 and later do',
    };
  }
  const laxByDefault = LAX_BY_DEFAULT[browser.name](browser.version);
  const label = `${browserLabel(browser)} (from ${browser.from})`;
  return {
    laxByDefault,
    basis: laxByDefault
      ? `${label}: a cookie without SameSite is treated as Lax`
      : `${label}: a cookie without SameSite is not treated as Lax (Chrome did so from ${CHROME_LAX_BY_DEFAULT_FROM}; Firefox and Safari never did by default)`,
  };
}
