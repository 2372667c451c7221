/**
 * The input model: a trace is an ordered list of events the engine consumes. HAR files, native traces
 * and the live extension all become this shape; nothing downstream knows where a trace came from.
 * Times are milliseconds since the Unix epoch; they come in as data, never from the clock.
 */

export interface Header {
  readonly name: string;
  readonly value: string;
}

/** What kind of resource a request fetched; drives SameSite decisions (top-level navigation or not). */
export type ResourceType =
  | 'document'
  | 'subdocument'
  | 'xhr'
  | 'fetch'
  | 'script'
  | 'stylesheet'
  | 'image'
  | 'font'
  | 'media'
  | 'websocket'
  | 'ping'
  | 'other';

export interface PostData {
  readonly mimeType?: string;
  readonly text?: string;
  readonly params?: readonly { readonly name: string; readonly value?: string }[];
}

export interface TraceRequest {
  readonly method: string;
  readonly url: string;
  /** Headers as sent. Several `Cookie` headers are kept as they came. */
  readonly headers: readonly Header[];
  /**
   * Cookies the request carried when the source has no Cookie header but a parsed list (HAR
   * `request.cookies`). Empty when the Cookie header is present: the header is the truth.
   */
  readonly cookies?: readonly { readonly name: string; readonly value: string }[];
  readonly postData?: PostData;
  readonly resourceType?: ResourceType;
  /**
   * The URL of the document that initiated the request, or of the top-level page for subresources.
   * Used as the site for cookies when no `siteContext` decides; absent when unknown.
   */
  readonly initiatorUrl?: string;
  /** How `initiatorUrl` was decided (or, for `browser-initiated`, why it is absent), to explain the guess. */
  readonly initiatorSource?: InitiatorSource;
  /**
   * Whether the request is same-site or cross-site for cookies (RFC 6265bis 5.2), and what said so. Absent
   * when the source decided nothing (the jar then compares the request URL with `initiatorUrl`).
   */
  readonly siteContext?: SiteContext;
}

/**
 * The request's site for cookies as one verdict (RFC 6265bis 5.2): `unknown` when nothing in the capture or
 * file says, which the jar never turns into `same-site`.
 */
export interface SiteContext {
  readonly kind: SiteContextKind;
  readonly from: SiteContextSource;
}

export type SiteContextKind = 'same-site' | 'cross-site' | 'unknown';

/**
 * What decided a SiteContext: the `Sec-Fetch-Site` request header; the browser's own frame data at capture
 * (webRequest's frameType/frameAncestors/thirdParty); the request's initiator (recorded, or Chrome's
 * `_initiator`); the page's top-level document; the Referer; the Origin header; the navigation a redirect
 * hop belongs to; a client that is no browser (`client`, with kind `same-site`: its User-Agent is an HTTP
 * library's, which applies no SameSite); nothing (`none`, with kind `unknown`).
 */
export type SiteContextSource =
  | 'sec-fetch-site'
  | 'frame'
  | 'initiator'
  | 'page'
  | 'referer'
  | 'origin'
  | 'redirect-chain'
  | 'client'
  | 'none';

/**
 * Where an importer found the initiator: our recorder wrote it; the Referer of a document request (the
 * page the user came from); a document request with no Referer (typed URL, bookmark: same-site); the
 * latest top-level document of the same page, or of the whole trace; Chrome's `_initiator.url`; the
 * Referer of a subresource; the Origin header of a subresource (a WebSocket handshake always has one).
 */
export type InitiatorSource =
  | 'recorder'
  | 'referer'
  | 'browser-initiated'
  | 'page-document'
  | 'latest-document'
  | 'chrome-initiator'
  | 'subresource-referer'
  | 'origin-header';

export interface TraceResponse {
  readonly status: number;
  /** Headers as received; each Set-Cookie is its own header (Firefox's `\n`-joined form is split). */
  readonly headers: readonly Header[];
  /** HAR `response.cookies` when the source has no Set-Cookie header (some exporters strip headers). */
  readonly cookies?: readonly { readonly name: string; readonly value: string; readonly raw?: string }[];
  readonly redirectUrl?: string;
  /** The body is a page with a login form (a password input), when the source kept the body (loginForm.ts). */
  readonly loginForm?: true;
  /** The body is a page that offers a logout (a link or form to one, no login form): a page for a user signed in. */
  readonly offersLogout?: true;
  /**
   * The visible text of an HTML body the source kept, its start (loginForm.ts readPage): where a logged-in page
   * names its user. Never exported: an export keeps only the user names it holds (native/pageExport.ts).
   */
  readonly pageText?: string;
  /** The page's visible text went on past what was kept (PAGE_TEXT_CHARS): a name further down is not seen. */
  readonly pageTextCut?: true;
}

/** Cookie reasons a browser itself reported (Chrome's DevTools protocol), kept to compare with ours. */
export interface BrowserCookieReport {
  readonly blockedRequestCookies?: readonly {
    readonly name: string;
    readonly domain?: string;
    readonly path?: string;
    readonly reasons: readonly string[];
  }[];
  readonly blockedResponseCookies?: readonly { readonly cookieLine: string; readonly reasons: readonly string[] }[];
}

/**
 * Why an entry never reached a server (RULES.md, "What is a request"): a browser-internal redirect (HSTS or
 * HTTPS upgrade), a proxy's CONNECT tunnel, an answer from the memory or disk cache, or from a service worker.
 */
/**
 * Why an entry never reached a server. `never-sent`: a request the recorder wrote without sending it (ZAP's site tree
 * keeps the requests it knows of and never sent, with no answer, no timing and the epoch as their time); its
 * Cookie header is the recorder's (ZAP writes the cookies of the later session), not what any request carried.
 * Like every entry that never reached a server, it is shown and never judged, and carries nothing into the jar.
 */
export type OffNetwork = 'internal-redirect' | 'proxy-tunnel' | 'cache' | 'service-worker' | 'never-sent';

/** One request/response exchange: a HAR entry, or one hop of a live request. */
export interface TraceEntry {
  /** 0-based index into the source's entries (HAR `log.entries`): the `entry` of the CLI contract. */
  readonly index: number;
  readonly startedAt: number;
  readonly request: TraceRequest;
  /** Absent when the request failed or was still pending when recorded. */
  readonly response?: TraceResponse;
  readonly browserReport?: BrowserCookieReport;
  /** Browser tab/page this entry belongs to, when known. */
  readonly pageRef?: string;
  /** Set when the entry never reached a server: shown, never judged "not sent". */
  readonly offNetwork?: OffNetwork;
  /** ms from the start until the response's headers arrived (HAR `time` less `timings.receive`): when its Set-Cookie took effect. */
  readonly duration?: number;
  /** The browser run the entry belongs to, for files holding several (WebPageTest): each run is its own jar. */
  readonly run?: number;
}

export type CookieChangeCause = 'explicit' | 'overwrite' | 'expired' | 'expired_overwrite' | 'evicted';

export interface CookieSnapshot {
  readonly name: string;
  readonly value: string;
  readonly domain: string;
  readonly path: string;
  readonly hostOnly: boolean;
  readonly secure: boolean;
  readonly httpOnly: boolean;
  readonly sameSite: 'strict' | 'lax' | 'none' | 'unspecified';
  /** Expiry in ms since epoch; absent for a session (non-persistent) cookie. */
  readonly expiresAt?: number;
}

export type TraceEvent =
  | { readonly kind: 'entry'; readonly entry: TraceEntry }
  /** `cookies.onChanged` from the extension: `removed` with its cause, or added/updated. */
  | {
      readonly kind: 'cookie-changed';
      readonly time: number;
      readonly cookie: CookieSnapshot;
      readonly removed: boolean;
      readonly cause: CookieChangeCause;
    }
  | { readonly kind: 'navigation'; readonly time: number; readonly url: string };

export type TraceSourceFormat = 'har' | 'sessionscope-trace' | 'live';

/** Something an importer repaired or guessed while reading a sloppy file (the file still loaded). */
export interface TraceInputWarning {
  /** Location such as `log.entries[3].startedDateTime`. */
  readonly where: string;
  readonly message: string;
  /** Set when the importer skipped a whole entry: its 0-based index in the source (HAR `log.entries`). */
  readonly skippedEntry?: number;
  /** Set on the warning of a file that ends early (truncated): how many entries were read whole before its end. */
  readonly truncatedAfter?: number;
}

import type { RecordingBrowser } from './recordingBrowser.ts';

export interface Trace {
  readonly source: {
    readonly format: TraceSourceFormat;
    /** e.g. "Chrome 156", "Firefox 47", "mitmproxy 10". */
    readonly creator?: string;
    /** The browser that made the recording, when the file says (its cookie defaults depend on it). */
    readonly browser?: RecordingBrowser;
    readonly file?: string;
    /**
     * The cookie values are hashes (our redacted export, read again): rules that judge a value (entropy,
     * predictability) would judge the hashes.
     */
    readonly valuesRedacted?: true;
  };
  /** Events in the order they happened. Entries keep their source index even if reordered by time. */
  readonly events: readonly TraceEvent[];
  /** Number of entries in the source (HAR `log.entries.length`). */
  readonly entryCount: number;
  /** Browser runs in the file (each its own profile and jar), when it holds more than one. */
  readonly runs?: number;
  /** Repairs and guesses made while importing; absent or empty when the file needed none. */
  readonly warnings?: readonly TraceInputWarning[];
}

/** A problem with input, naming where: thrown by importers, printed by the CLI, shown by the panel. */
export class TraceInputError extends Error {
  constructor(
    message: string,
    /** JSON-pointer-like location such as `log.entries[3].request.headers`, when known. */
    readonly where?: string,
    /** What is wrong, without the file name or the location: for a warning about a skipped entry. */
    readonly problem: string = message,
  ) {
    super(where ? `${message} (at ${where})` : message);
    this.name = 'TraceInputError';
  }
}
