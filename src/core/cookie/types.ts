/**
 * The cookie model's public shapes: what a parsed Set-Cookie is, what the jar stores, and what it says
 * about a request. RFC 6265bis section numbers are cited where the shape follows the spec.
 */
import type { SiteContextKind } from '../trace/types.ts';
import type { NotSentReason, SetCookieRejectedReason } from './reasons.ts';

export type SameSite = 'strict' | 'lax' | 'none' | 'unspecified';

/** RFC 6265bis 5.6: the result of parsing one Set-Cookie line, before storage rules are applied. */
export interface ParsedSetCookie {
  readonly name: string;
  readonly value: string;
  /**
   * Domain attribute as given, leading dot removed, lower-cased; undefined when absent. "" when the last
   * Domain attribute is empty, which Chrome treats as host-only.
   */
  readonly domain?: string;
  /** Path attribute when it starts with "/", else undefined (default-path applies). */
  readonly path?: string;
  /** Expires attribute parsed as a cookie-date (ms since epoch); undefined when absent or invalid. */
  readonly expires?: number;
  /** Max-Age in seconds when valid; wins over Expires (5.6.2). */
  readonly maxAge?: number;
  readonly secure: boolean;
  readonly httpOnly: boolean;
  readonly sameSite: SameSite;
  /** Partitioned attribute (CHIPS). */
  readonly partitioned: boolean;
  /** The raw line, for evidence. */
  readonly raw: string;
  /** Attribute problems that did not reject the cookie (unknown SameSite value, invalid Expires, …). */
  readonly warnings: readonly string[];
}

export type SetCookieParseResult =
  | { readonly ok: true; readonly cookie: ParsedSetCookie }
  | { readonly ok: false; readonly reason: SetCookieRejectedReason; readonly detail: string; readonly raw: string };

/** A cookie in the jar (RFC 6265bis 5.7 storage model). */
export interface StoredCookie {
  readonly name: string;
  readonly value: string;
  /** Canonical host (host-only) or Domain attribute value (lower-case, no leading dot). */
  readonly domain: string;
  readonly path: string;
  readonly hostOnly: boolean;
  readonly secure: boolean;
  readonly httpOnly: boolean;
  readonly sameSite: SameSite;
  readonly partitioned: boolean;
  /** ms since epoch; undefined = session cookie (until the browser closes). */
  readonly expiresAt?: number;
  readonly createdAt: number;
  readonly lastAccessedAt: number;
  /** Scheme of the URL that set it: "https" or "http" (scheme-bound cookies). */
  readonly sourceScheme: 'http' | 'https';
  readonly sourcePort: number;
  /**
   * How the jar learnt of it: from a Set-Cookie, from a cookies.onChanged event, or inferred because
   * a request carried it before the trace showed it being set (its Domain/Path are then guesses).
   */
  readonly origin: 'set-cookie' | 'cookie-event' | 'inferred';
  /**
   * Its Domain and Path are the jar's guesses (host-only on the host a request carried it to, Path "/"): no
   * Set-Cookie or cookie event of it was ever seen. Kept by copies that change only its value.
   */
  readonly scopeGuessed?: true;
  /** Trace entry index of the response that set it, when known. */
  readonly setByEntry?: number;
}

/** The context of a request that decides SameSite and scheme rules (RFC 6265bis 5.2, 5.8.3). */
export interface RequestContext {
  readonly url: string;
  readonly method: string;
  /** ms since epoch: the clock for expiry. */
  readonly time: number;
  /**
   * The site for cookies: URL of the top-level document / initiator. Undefined = same-site (unknown
   * context is treated as same-site, unless `siteContext` says otherwise).
   */
  readonly siteForCookiesUrl?: string;
  /**
   * The request's site for cookies as decided from the trace (trace/siteContext.ts); wins over
   * `siteForCookiesUrl`. `unknown`: SameSite verdicts are left open (CookiesForRequest.undecided).
   */
  readonly siteContext?: SiteContextKind;
  /** A top-level navigation (document request): Lax cookies go on cross-site top-level GETs. */
  readonly isTopLevelNavigation: boolean;
  /**
   * The recording browser treats a cookie without SameSite as Lax (Chrome 80+; browserDefaults.ts). Absent means
   * true; false makes such a cookie go on cross-site requests, as before Chrome 80 and in Firefox and Safari.
   */
  readonly laxByDefault?: boolean;
}

export interface NotSentCookie {
  readonly cookie: StoredCookie;
  readonly reason: NotSentReason;
}

export interface CookiesForRequest {
  /** In the order a browser puts them in the Cookie header (longer path first, then earlier creation). */
  readonly sent: readonly StoredCookie[];
  /** Cookies of the jar whose domain relates to the request host but that must not be sent, one reason each. */
  readonly notSent: readonly NotSentCookie[];
  /**
   * With an unknown site for cookies: cookies that go if the request is same-site and not if it is
   * cross-site, each with the reason it would not. Absent when there are none.
   */
  readonly undecided?: readonly NotSentCookie[];
}

/** What storing one Set-Cookie did to the jar. */
export type StoreOutcome =
  | {
      readonly kind: 'stored';
      readonly cookie: StoredCookie;
      /** The cookie of the same identity it replaced, as the jar held it (CookieJar.restore can put it back). */
      readonly replaced?: StoredCookie;
      /**
       * The cookie of that name the jar knew only from Cookie headers, its scope guessed host-only on a host this
       * Domain cookie covers: the same cookie, whose Domain the guess missed, dropped for it (CookieJar).
       */
      readonly guessedTwin?: StoredCookie;
    }
  /** A Set-Cookie whose expiry is in the past: deletes the matching cookie (if any). */
  | { readonly kind: 'deleted'; readonly removed?: StoredCookie; readonly parsed: ParsedSetCookie }
  | {
      readonly kind: 'rejected';
      readonly reason: SetCookieRejectedReason;
      readonly detail: string;
      readonly raw: string;
      readonly parsed?: ParsedSetCookie;
    };
