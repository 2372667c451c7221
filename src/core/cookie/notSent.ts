// Why a cookie of the jar does not go on a request: RFC 6265bis 5.8.3 step 1 as a table of checks, one
// NotSentReason per check, in the priority order the model reports (the first that applies wins).
import { domainMatch } from './domain.ts';
import { pathMatch, requestPath } from './path.ts';
import type { NotSentReason } from './reasons.ts';
import { isSameSiteRequest, sameSiteBlock, siteUnknown } from './sameSite.ts';
import { type CookieUrl, cookieUrl } from './storageModel.ts';
import type { RequestContext, StoredCookie } from './types.ts';

/**
 * A request as the not-sent checks read it: its context resolved once (URL parsed, path, same-site verdict).
 * Not analysis/facts.ts's RequestFacts, which is what the replay established about a request of the trace.
 */
export interface ResolvedRequest {
  readonly ctx: RequestContext;
  readonly target: CookieUrl;
  readonly path: string;
  /** Known to be same-site (false when cross-site or unknown). */
  readonly sameSite: boolean;
  /** The site for cookies is unknown: a SameSite reason only says what happens if the request is cross-site. */
  readonly siteUnknown: boolean;
}

export function resolveRequest(ctx: RequestContext): ResolvedRequest | undefined {
  const target = cookieUrl(ctx.url);
  if (target === undefined) return undefined;
  return {
    ctx,
    target,
    path: requestPath(target.url),
    sameSite: isSameSiteRequest(ctx, target.url),
    siteUnknown: siteUnknown(ctx),
  };
}

/** RFC 6265bis 5.8.3 step 1.1: a host-only cookie needs the same host, a domain cookie a domain-match. */
export function hostMatches(cookie: Pick<StoredCookie, 'domain' | 'hostOnly'>, host: string): boolean {
  return cookie.hostOnly ? host === cookie.domain : domainMatch(host, cookie.domain);
}

/**
 * RFC 6265bis 5.8.3 steps 1.1–1.3: the cookie's host, path and Secure flag let it go on the request, as the first
 * three reasons of NOT_SENT_CHECKS after Expired say (DomainMismatch, NotOnPath, SecureOnly).
 */
export function inScope(cookie: StoredCookie, request: ResolvedRequest): boolean {
  return (
    hostMatches(cookie, request.target.host) &&
    pathMatch(request.path, cookie.path) &&
    (!cookie.secure || request.target.secure)
  );
}

interface NotSentCheck {
  readonly reason: NotSentReason;
  readonly applies: (cookie: StoredCookie, request: ResolvedRequest) => boolean;
}

/**
 * The checks, in priority order. Chrome can report several reasons for one cookie; the model reports
 * the first that applies here, and notSentReasons() gives all of them for comparison with Chrome.
 */
export const NOT_SENT_CHECKS: readonly NotSentCheck[] = [
  { reason: 'DomainMismatch', applies: (c, r) => !hostMatches(c, r.target.host) },
  // 5.8.3 step 1.2.
  { reason: 'NotOnPath', applies: (c, r) => !pathMatch(r.path, c.path) },
  // 5.8.3 step 1.3: Secure cookies need a secure URL (https, or http on loopback as in Chrome).
  { reason: 'SecureOnly', applies: (c, r) => c.secure && !r.target.secure },
  // RFC 6265bis 5.7 last step / 5.8.3: expired cookies are removed, never sent. After the cookie's scope: a request
  // the cookie would not go on alive lost nothing by its expiry (a cookie of another path, judged with --now long
  // after the recording, is no "expired" on that path), and the jar drops it at the first request it would go on.
  { reason: 'Expired', applies: (c, r) => c.expiresAt !== undefined && c.expiresAt <= r.ctx.time },
  // Chrome never sends SameSite=None without Secure (such cookies can only come from events or guesses).
  { reason: 'SameSiteNoneInsecure', applies: (c) => c.sameSite === 'none' && !c.secure },
  // 5.8.3 step 1.6.
  { reason: 'SameSiteStrict', applies: (c, r) => sameSiteBlock(c, r.ctx, r.sameSite) === 'SameSiteStrict' },
  { reason: 'SameSiteLax', applies: (c, r) => sameSiteBlock(c, r.ctx, r.sameSite) === 'SameSiteLax' },
  {
    reason: 'SameSiteUnspecifiedTreatedAsLax',
    applies: (c, r) => sameSiteBlock(c, r.ctx, r.sameSite) === 'SameSiteUnspecifiedTreatedAsLax',
  },
];

/** The reporting priority of NotSentReasons, as a list (first = highest). */
export const NOT_SENT_PRIORITY: readonly NotSentReason[] = NOT_SENT_CHECKS.map((check) => check.reason);

/**
 * How many checks of NOT_SENT_CHECKS come before the SameSite ones: those three end the table, and each asks
 * sameSiteBlock() whether its own reason is the verdict, so the first that applies is that verdict.
 */
const CHECKS_BEFORE_SAME_SITE = NOT_SENT_CHECKS.length - 3;

/** The first reason (by priority) that keeps `cookie` off the request, or undefined when it is sent. */
export function firstNotSentReason(cookie: StoredCookie, request: ResolvedRequest): NotSentReason | undefined {
  // A plain loop: this runs for every cookie of the site on every request of a trace.
  for (let i = 0; i < CHECKS_BEFORE_SAME_SITE; i++) {
    const check = NOT_SENT_CHECKS[i]!;
    if (check.applies(cookie, request)) return check.reason;
  }
  // The three SameSite checks in one: sameSiteBlock() asked once, not once per check.
  return sameSiteBlock(cookie, request.ctx, request.sameSite);
}

/**
 * Every reason that keeps `cookie` off the request described by `ctx`, in priority order; empty when it
 * would be sent. For comparing with Chrome, which reports all of its reasons.
 */
export function notSentReasons(cookie: StoredCookie, ctx: RequestContext): NotSentReason[] {
  const request = resolveRequest(ctx);
  if (request === undefined) return [];
  return NOT_SENT_CHECKS.filter((check) => check.applies(cookie, request)).map((check) => check.reason);
}
