// SameSite: whether a request is same-site (RFC 6265bis 5.2, schemeful as Chrome does it) and whether a
// cookie's SameSite value lets it go on a request in a given context (RFC 6265bis 5.8.3 step 1, plus
// Chrome's Lax-by-default and its "Lax+POST" exception).

import type { SiteContextKind } from '../trace/types.ts';
import { registrableDomain } from './domain.ts';
import type { NotSentReason, SetCookieRejectedReason } from './reasons.ts';
import type { RequestContext, SameSite } from './types.ts';
import { plainAuthorityEnd } from './urlAuthority.ts';

/** Methods RFC 9110 9.2.1 calls safe: Lax cookies may go on a cross-site top-level navigation using one. */
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS', 'TRACE']);

/**
 * Chrome's "Lax+POST" intervention: a cookie without a SameSite attribute, at most two minutes old, is
 * still sent on a cross-site top-level navigation with an unsafe method (a POST form to a login or
 * payment page that had just set it). Chrome's kLaxAllowUnsafeMaxAge, net/cookies/cookie_constants.h.
 */
export const LAX_ALLOW_UNSAFE_MAX_AGE_MS = 2 * 60 * 1000;

/** Schemes for the site comparison: a WebSocket belongs to the site of its http(s) twin. */
const SITE_SCHEMES: Readonly<Record<string, string>> = {
  'http:': 'http',
  'https:': 'https',
  'ws:': 'http',
  'wss:': 'https',
};

/** The schemeful site (scheme + registrable domain) of a URL, or undefined for URLs that have none. */
export function siteOf(url: string): string | undefined {
  // A plainly written http(s) URL's site is its "scheme://authority"'s: a trace has a handful of those and a
  // distinct URL per request, so they are what is remembered (the whole URL is, for any other).
  const end = plainAuthorityEnd(url);
  const key = end === -1 || end === url.length ? url : url.slice(0, end);
  const known = sitesOfUrls.get(key);
  if (known !== undefined) return known === NO_SITE ? undefined : known;
  let parsed: URL | undefined;
  try {
    parsed = new URL(key);
  } catch {
    parsed = undefined;
  }
  const site = parsed === undefined ? undefined : siteOfParsedUrl(parsed);
  // Remembered boundedly, instead of parsing each again.
  if (sitesOfUrls.size >= SITE_MEMO_MAX) sitesOfUrls.clear();
  sitesOfUrls.set(key, site ?? NO_SITE);
  return site;
}

/** siteOf for a URL already parsed. */
export function siteOfParsedUrl(url: URL): string | undefined {
  const scheme = SITE_SCHEMES[url.protocol];
  if (scheme === undefined) return undefined;
  return `${scheme}://${registrableDomain(url.hostname)}`;
}

const SITE_MEMO_MAX = 10_000;
const NO_SITE = '';
const sitesOfUrls = new Map<string, string>();

/**
 * RFC 6265bis 5.2 with Chrome's schemeful same-site: two URLs are same-site when their schemes match
 * and their registrable domains match. URLs without a site (data:, about:, unparsable) are cross-site.
 */
export function isSameSite(urlA: string, urlB: string): boolean {
  const a = siteOf(urlA);
  return a !== undefined && a === siteOf(urlB);
}

/**
 * Whether the request is known to be same-site for cookies (RFC 6265bis 5.2). A site context decided from
 * the trace wins (`unknown` is not same-site: siteUnknown() tells it from cross-site); without one, the
 * site of `siteForCookiesUrl` is compared, and no site for cookies at all counts as same-site.
 * `requestUrl`: ctx.url already parsed (the jar has it), to spare a second parse.
 */
export function isSameSiteRequest(ctx: RequestContext, requestUrl?: URL): boolean {
  if (ctx.siteContext !== undefined) return ctx.siteContext === 'same-site';
  if (ctx.siteForCookiesUrl === undefined) return true;
  if (requestUrl === undefined) return isSameSite(ctx.url, ctx.siteForCookiesUrl);
  const site = siteOfParsedUrl(requestUrl);
  return site !== undefined && site === siteOf(ctx.siteForCookiesUrl);
}

/** Whether the trace could not tell same-site from cross-site for this request. */
export function siteUnknown(ctx: RequestContext): boolean {
  return ctx.siteContext === 'unknown';
}

function laxAllows(ctx: RequestContext): boolean {
  return ctx.isTopLevelNavigation && SAFE_METHODS.has(ctx.method.toUpperCase());
}

/**
 * What each SameSite value needs on a cross-site request (RFC 6265bis 5.8.3 step 1.6): undefined means
 * it may be sent, otherwise the reason it may not. `ageMs` is how long ago the cookie was created.
 */
const CROSS_SITE_RULES: Readonly<Record<SameSite, (ctx: RequestContext, ageMs: number) => NotSentReason | undefined>> =
  {
    none: () => undefined,
    strict: () => 'SameSiteStrict',
    lax: (ctx) => (laxAllows(ctx) ? undefined : 'SameSiteLax'),
    // Lax by default (RFC 6265bis 5.6.7 "Default" enforcement, Chrome 80+), with the Lax+POST exception; a
    // recording browser without it (older Chrome, Firefox, Safari: ctx.laxByDefault false) sends it as None.
    unspecified: (ctx, ageMs) =>
      ctx.laxByDefault === false || laxAllows(ctx) || (ctx.isTopLevelNavigation && ageMs <= LAX_ALLOW_UNSAFE_MAX_AGE_MS)
        ? undefined
        : 'SameSiteUnspecifiedTreatedAsLax',
  };

/**
 * The SameSite verdict for one cookie on one request: undefined when SameSite lets it go, otherwise
 * SameSiteStrict, SameSiteLax or SameSiteUnspecifiedTreatedAsLax. `sameSiteRequest` may be passed in
 * when already computed for the request (it is the same for every cookie).
 */
export function sameSiteBlock(
  cookie: { readonly sameSite: SameSite; readonly createdAt: number },
  ctx: RequestContext,
  sameSiteRequest: boolean = isSameSiteRequest(ctx),
): NotSentReason | undefined {
  if (sameSiteRequest) return undefined;
  return CROSS_SITE_RULES[cookie.sameSite](ctx, ctx.time - cookie.createdAt);
}

/**
 * What of a request its SameSite verdicts read, besides the cookie (same-site, top-level, safe method, Lax by
 * default), as a number below SAME_SITE_SHAPES: two requests with the same number get the same verdict for every
 * cookie. Undefined when a verdict also depends on the clock: the Lax+POST exception, which looks at the cookie's
 * age, applies to a cross-site top-level navigation with an unsafe method.
 */
export function sameSiteShape(ctx: RequestContext, sameSiteRequest: boolean): SameSiteShape | undefined {
  if (sameSiteRequest) return 0; // every cookie may go
  const laxByDefault = ctx.laxByDefault !== false;
  if (!ctx.isTopLevelNavigation) return laxByDefault ? 1 : 2; // only None may go (and, without Lax by default, no SameSite)
  if (laxAllows(ctx)) return 3; // all but Strict may go
  return laxByDefault ? undefined : 4; // None and no SameSite may go
}

export type SameSiteShape = 0 | 1 | 2 | 3 | 4;

/** How many numbers sameSiteShape gives. */
export const SAME_SITE_SHAPES = 5;

/** Where a Set-Cookie arrived: the response's site for cookies and whether it is a top-level navigation. */
export interface StoreContext {
  readonly siteContext?: SiteContextKind;
  readonly isTopLevelNavigation: boolean;
  /**
   * The recording does not say what kind of request it was (`other`: an exporter that writes no types, Chrome's
   * redirect hops): it may have been a top-level navigation, where a cookie of any SameSite is stored.
   */
  readonly requestKindUnknown?: true;
  /**
   * Whether the recording browser treats a cookie without SameSite as Lax (Chrome 80+); default true. A
   * browser without Lax-by-default stores such a cookie from any context, as it sends it to any.
   */
  readonly laxByDefault?: boolean;
  /** The recording browser's default for a third party's cookie (browserDefaults.ts); absent: accepted. */
  readonly thirdPartyCookies?: ThirdPartyCookies;
}

/**
 * A browser's default for cookies a third party sets (a cross-site response that is no top-level navigation):
 * `visited-only`, accepted only from a site that already has cookies, one the user visited (Safari before its full
 * blocking: "Allow from websites I visit"); `blocked`, never (Safari from 13.1, March 2020).
 */
export type ThirdPartyCookies = 'visited-only' | 'blocked';

/** What each SameSite value needs to be stored from a cross-site response (RFC 6265bis 5.7, same-site-flag step). */
const CROSS_SITE_STORE: Readonly<Record<SameSite, SetCookieRejectedReason | undefined>> = {
  none: undefined,
  strict: 'SameSiteStrict',
  lax: 'SameSiteLax',
  // Lax by default (RFC 6265bis 5.6.7 "Default" enforcement, Chrome 80+).
  unspecified: 'SameSiteUnspecifiedTreatedAsLax',
};

/**
 * RFC 6265bis 5.7, the step for a same-site-flag other than "None": a cookie received on a same-site
 * request, or on a top-level navigation (any SameSite value may be created there), is kept; any other is
 * ignored. Only a response known to be cross-site is refused: an unknown context stores (the browser's
 * later requests show whether it did).
 */
export function sameSiteStoreBlock(sameSite: SameSite, ctx: StoreContext): SetCookieRejectedReason | undefined {
  // A request of a kind not known may have been the navigation: stored, as in an unknown context (never a guessed
  // refusal: a load-test replay's navigation from a captive-portal page was "rejected [SameSiteLax]").
  if (ctx.siteContext !== 'cross-site' || ctx.isTopLevelNavigation || ctx.requestKindUnknown) return undefined;
  if (sameSite === 'unspecified' && ctx.laxByDefault === false) return undefined;
  return CROSS_SITE_STORE[sameSite];
}
