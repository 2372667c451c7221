/**
 * Which browser made a recording, and which major version: browsers differ in cookie defaults (Chrome treats a
 * cookie without SameSite as Lax from Chrome 80; Firefox and Safari never shipped that by default), so the
 * analysis must judge a 2015 Chrome recording by 2015 Chrome's rules. Read from the HAR's `log.browser`, else a
 * `log.creator` that is a browser (Firefox writes its own name there), else a request's User-Agent header (the
 * DevTools of Chrome write "WebInspector" as creator and no browser), else a creator named after a browser
 * ("chrome-har", "Chrome HAR Capturer": tools that drive one browser), without a version: theirs is the tool's.
 */
import { headerValue } from './headers.ts';
import type { Header } from './types.ts';

export type BrowserName = 'chrome' | 'firefox' | 'safari' | 'edge-legacy' | 'ie' | 'phantomjs' | 'qtwebkit';

export interface RecordingBrowser {
  readonly name: BrowserName;
  /** Major version; absent when the recording does not say. */
  readonly version?: number;
  /** Where it was read. */
  readonly from: 'log.browser' | 'log.creator' | 'user-agent';
}

/** Product names as HAR writers spell them (`log.browser.name`, `log.creator.name`), first match wins. */
const PRODUCT_NAMES: readonly { readonly pattern: RegExp; readonly name: BrowserName }[] = [
  // Edge up to 18 was EdgeHTML; from 79 it is Chromium, with Chromium's major version and cookie rules.
  { pattern: /^microsoft edge$|^edge$/i, name: 'chrome' },
  { pattern: /chrom(e|ium)/i, name: 'chrome' },
  // The headless browser of WebKit (QtWebKit) that page-load collections were recorded with (netsniff.js).
  { pattern: /phantomjs/i, name: 'phantomjs' },
  // Another renderer on QtWebKit (Scrapinghub's Splash writes `log.browser` {name: "QWebKit"} beside a User-Agent
  // that says Safari): WebKit's engine in Qt's network stack, none of Safari's cookie policies.
  { pattern: /^qt?webkit$/i, name: 'qtwebkit' },
  { pattern: /firefox|namoroka|minefield/i, name: 'firefox' },
  { pattern: /internet explorer|^msie$/i, name: 'ie' },
  { pattern: /safari/i, name: 'safari' },
];

/** User-Agent tokens, most specific first (Chrome's UA also says "Safari", Edge's also says "Chrome"). */
const USER_AGENT_TOKENS: readonly { readonly pattern: RegExp; readonly name: BrowserName }[] = [
  { pattern: /\bEdge\/(\d+)/, name: 'edge-legacy' },
  // Its User-Agent says AppleWebKit and Safari/534, never Safari's `Version/`: without this it was no browser.
  { pattern: /\bPhantomJS\/(\d+)/, name: 'phantomjs' },
  { pattern: /\bEdg(?:A|iOS)?\/(\d+)/, name: 'chrome' },
  { pattern: /\b(?:Headless)?Chrome\/(\d+)/, name: 'chrome' },
  { pattern: /\bCriOS\/(\d+)/, name: 'chrome' },
  { pattern: /\bFirefox\/(\d+)/, name: 'firefox' },
  { pattern: /\bMSIE (\d+)/, name: 'ie' },
  { pattern: /\bTrident\/.*rv:(\d+)/, name: 'ie' },
  { pattern: /\bVersion\/(\d+)[\d.]* (?:Mobile\/\S+ )?Safari\//, name: 'safari' },
];

function majorVersion(version: unknown): number | undefined {
  const text = typeof version === 'number' ? String(version) : typeof version === 'string' ? version : '';
  const match = /^\s*v?(\d{1,4})/.exec(text);
  return match ? Number(match[1]) : undefined;
}

function versionInName(name: string): number | undefined {
  const match = /(?:chrome|chromium|firefox|safari|edge|explorer|msie)\D{0,3}(\d{1,4})/i.exec(name);
  return match ? Number(match[1]) : undefined;
}

/** A browser from a HAR `{ name, version }` field, or undefined when the name is not a browser's. */
export function browserFromProduct(
  product: { readonly name?: unknown; readonly version?: unknown } | undefined,
  from: RecordingBrowser['from'],
): RecordingBrowser | undefined {
  if (!product || typeof product.name !== 'string') return undefined;
  const name = PRODUCT_NAMES.find((p) => p.pattern.test(product.name as string))?.name;
  if (!name) return undefined;
  // A writer may put the whole product line in the name ("WebPagetest 2.17 (Google Chrome 44.0.2403.157)", our own
  // HAR export) and leave the version empty: then the number after the browser's word is its version.
  const version = majorVersion(product.version) ?? versionInName(product.name);
  // "Microsoft Edge 18" and older were EdgeHTML, not Chromium.
  const edgeHtml = /edge/i.test(product.name) && version !== undefined && version < 79;
  return { name: edgeHtml ? 'edge-legacy' : name, ...(version !== undefined ? { version } : {}), from };
}

/**
 * A creator that is the browser itself: its name is a browser's and nothing more (a vendor before it, an edition
 * or a version after it), so its version is the browser's. "chrome-har 1.3.1" names a tool after the browser it
 * reads, and its 1.3.1 is no Chrome version: taken as Chrome 1, a 2024 recording lost Lax by default.
 */
const BROWSER_AS_CREATOR =
  /^(?:google |mozilla |microsoft |apple )?(?:chrome|chromium|firefox|safari|edge|internet explorer)(?: (?:browser|canary|beta|dev|developer edition|nightly|esr))?(?: v?\d[\d.]*)?$/i;

function isBrowserItself(product: { readonly name?: unknown } | undefined): boolean {
  return typeof product?.name === 'string' && BROWSER_AS_CREATOR.test(product.name.trim().replace(/\s+/g, ' '));
}

/** A browser from a User-Agent header, or undefined for tools (curl, Charles, Insomnia). */
export function browserFromUserAgent(userAgent: string | undefined): RecordingBrowser | undefined {
  if (!userAgent) return undefined;
  for (const token of USER_AGENT_TOKENS) {
    const match = token.pattern.exec(userAgent);
    if (match) return { name: token.name, version: Number(match[1]), from: 'user-agent' };
  }
  return undefined;
}

/**
 * A User-Agent that is no browser's: it names no browser and does not open with the `Mozilla/` (or old Opera's
 * `Opera/`) every browser's has, as an HTTP library's does (`curl/8.4.0`, `python-requests/2.31`,
 * `Apache-HttpClient/5.1.3 (Java/17)`, `okhttp/4.12`, `Dalvik/2.1.0`, an app's `MyApp/1.0 CFNetwork/1220`). Such a
 * client keeps cookies as its code does, and applies no SameSite: it has no site to compare.
 */
export function isNonBrowserUserAgent(userAgent: string | undefined): boolean {
  if (userAgent === undefined) return false;
  const text = userAgent.trim();
  return text !== '' && !BROWSER_USER_AGENT_START.test(text) && browserFromUserAgent(text) === undefined;
}

const BROWSER_USER_AGENT_START = /^(?:Mozilla|Opera)\//;

interface LogProducts {
  readonly browser?: unknown;
  readonly creator?: unknown;
}

function product(value: unknown): { name?: unknown; version?: unknown } | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as { name?: unknown; version?: unknown })
    : undefined;
}

/** The recording's browser from the HAR's log fields: `log.browser` first, then a creator that is the browser. */
export function browserFromLog(log: LogProducts): RecordingBrowser | undefined {
  const creator = product(log.creator);
  return (
    browserFromProduct(product(log.browser), 'log.browser') ??
    (isBrowserItself(creator) ? browserFromProduct(creator, 'log.creator') : undefined)
  );
}

/**
 * The recording's browser, from the strongest source the file has: its log fields (browserFromLog), else the first
 * User-Agent, else the browser a tool's creator name names (no version: the version there is the tool's).
 */
export function recordingBrowserOf(
  log: LogProducts,
  userAgent: string | undefined,
  /** That request's headers hold HTTP/2 pseudo-headers (`:authority`), as Chromium's DevTools write them. */
  pseudoHeaders = false,
): RecordingBrowser | undefined {
  const named = () => {
    const browser = browserFromProduct(product(log.creator), 'log.creator');
    return browser && { name: browser.name, from: browser.from };
  };
  const fromAgent = browserFromUserAgent(userAgent);
  const emulated =
    fromAgent !== undefined &&
    fromAgent.name !== 'chrome' &&
    isChromiumDevTools(log.creator) &&
    (pseudoHeaders || blinkInspectorBeside(log.creator, userAgent));
  return browserFromLog(log) ?? (emulated ? { name: 'chrome', from: 'log.creator' } : fromAgent) ?? named();
}

/**
 * The first User-Agent of a file's requests in file order, and whether that request held HTTP/2 pseudo-headers: what
 * recordingBrowserOf reads when the log does not name the browser. Kept as the whole and the streamed HAR readers
 * take entries in.
 */
export class FirstUserAgent {
  /** The header's value; undefined (or empty) until a request has one. */
  value: string | undefined;
  private pseudoHeaders = false;

  note(headers: readonly Header[]): void {
    if (this.value) return;
    this.value = headerValue(headers, 'user-agent');
    this.pseudoHeaders = headerValue(headers, ':authority') !== undefined;
  }

  browserOf(log: LogProducts): RecordingBrowser | undefined {
    return recordingBrowserOf(log, this.value || undefined, this.pseudoHeaders);
  }
}

/**
 * Chromium's DevTools write `{"name": "WebInspector"}` as the creator (Safari's write "WebKit Web Inspector"), and
 * HTTP/2 pseudo-headers among a request's headers. With a User-Agent of another browser, that recording is Chrome's
 * device mode emulating it (an iPhone's Safari): Chrome made the requests and kept the cookies, by its own rules,
 * its version unsaid.
 */
function isChromiumDevTools(creator: unknown): boolean {
  return product(creator)?.name === 'WebInspector';
}

/**
 * The inspector is Blink's and the User-Agent's engine is not: Blink has written `AppleWebKit/537.36` since it forked
 * from WebKit (2013), so a `WebInspector` creator of version 537.36 beside a User-Agent of another WebKit (an iPhone's
 * Safari 16, `AppleWebKit/605.1.15`) or of no WebKit (a Firefox) is Chrome's device mode, on an HTTP/1.1 page too.
 * A WebKit of 537.36 in both is WebKit's own inspector before the fork.
 */
function blinkInspectorBeside(creator: unknown, userAgent: string | undefined): boolean {
  return (
    product(creator)?.version === BLINK_WEBKIT_VERSION && !userAgent?.includes(`AppleWebKit/${BLINK_WEBKIT_VERSION}`)
  );
}

const BLINK_WEBKIT_VERSION = '537.36';

const DISPLAY_NAMES: Readonly<Record<BrowserName, string>> = {
  chrome: 'Chrome',
  firefox: 'Firefox',
  safari: 'Safari',
  'edge-legacy': 'Edge (EdgeHTML)',
  ie: 'Internet Explorer',
  phantomjs: 'PhantomJS',
  qtwebkit: 'QtWebKit',
};

/** "Chrome 44", "Firefox". */
export function browserLabel(browser: RecordingBrowser): string {
  return `${DISPLAY_NAMES[browser.name]}${browser.version !== undefined ? ` ${browser.version}` : ''}`;
}
