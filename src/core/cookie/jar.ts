// The cookie jar of one browser profile, replayed from a trace: stores Set-Cookie lines (RFC 6265bis 5.7),
// follows cookies.onChanged events and cookies seen on requests, and says for each request which
// cookies go in the Cookie header and why each other related cookie does not (RFC 6265bis 5.8.3).
// Time always comes in as data.
import type { CookieChangeCause, CookieSnapshot } from '../trace/types.ts';
import { domainMatch, registrableDomain } from './domain.ts';
import { firstNotSentReason, hostMatches, inScope, type ResolvedRequest, resolveRequest } from './notSent.ts';
import { parseSetCookie } from './parseSetCookie.ts';
import { pathMatch } from './path.ts';
import { type NotSentReason, SAME_SITE_NOT_SENT_REASONS } from './reasons.ts';
import { type CookieVerdicts, RequestCookies } from './requestCookies.ts';
import {
  SAME_SITE_SHAPES,
  type SameSiteShape,
  type StoreContext,
  sameSiteShape,
  sameSiteStoreBlock,
} from './sameSite.ts';
import { cookieUrl, createCookie, MAX_COOKIE_AGE_MS } from './storageModel.ts';
import type { CookiesForRequest, NotSentCookie, RequestContext, StoredCookie, StoreOutcome } from './types.ts';

/**
 * Chrome's limits (net/cookies/cookie_monster.h): more than 180 cookies for one registrable domain
 * purges that domain down to 150; more than 3300 in all purges down to 3000. Least recently accessed
 * go first, non-Secure before Secure (Chrome's "strict secure" eviction order); Chrome's priority
 * levels are not modelled.
 */
export const COOKIE_LIMITS = {
  perDomainMax: 180,
  perDomainPurgeTo: 150,
  totalMax: 3300,
  totalPurgeTo: 3000,
  /** Our own bound on remembered deletions, so a long trace cannot grow the tombstone list forever. */
  tombstoneMax: 5000,
} as const;

/** A cookie removed to respect the limits, reported through drainEvictions(). */
export interface CookieEviction {
  readonly cookie: StoredCookie;
  readonly time: number;
  /** `evicted`: over the limits; `expired`: an expired cookie dropped during a purge before any request saw it. */
  readonly cause: 'evicted' | 'expired';
}

/** What applying one cookies.onChanged event did. */
export type CookieEventOutcome =
  | { readonly kind: 'stored'; readonly cookie: StoredCookie; readonly replaced?: StoredCookie }
  | { readonly kind: 'removed'; readonly removed?: StoredCookie };

export interface SetCookieOptions {
  /** Trace entry index of the response carrying the Set-Cookie. */
  readonly entry?: number;
  /** False for document.cookie / cookie APIs: they may not set or overwrite HttpOnly cookies. Default true. */
  readonly fromHttpApi?: boolean;
  /** The response's site for cookies: a cross-site subresource may not store SameSite≠None cookies. */
  readonly context?: StoreContext;
}

/** A cookie removed before a request: remembered so later requests can say "Deleted". */
interface Tombstone {
  readonly cookie: StoredCookie;
  readonly removedAt: number;
}

/**
 * Reasons that depend on attributes the jar only guessed for an `inferred` cookie (its Domain, Path and
 * SameSite were never seen): for those cookies the model says Unknown instead of guessing.
 */
const GUESSED_REASONS: ReadonlySet<NotSentReason> = new Set([
  'DomainMismatch',
  'NotOnPath',
  'SameSiteStrict',
  'SameSiteLax',
  'SameSiteUnspecifiedTreatedAsLax',
]);

/** RFC 6265bis 5.7: a cookie's identity is its name, domain, host-only flag and path. */
export function cookieKey(c: Pick<StoredCookie, 'name' | 'domain' | 'path' | 'hostOnly'>): string {
  return `${c.hostOnly ? 'h' : 'd'}\u0000${c.domain}\u0000${c.path}\u0000${c.name}`;
}

/** Cookies bucketed by registrable domain: a request only looks at its own site's bucket. */
class SiteIndex<T> {
  readonly buckets = new Map<string, Map<string, T>>();
  size = 0;

  /** `changed` hears of every set and delete, with the site whose bucket it changed. */
  constructor(private readonly changed?: (site: string) => void) {}

  bucket(site: string): ReadonlyMap<string, T> | undefined {
    return this.buckets.get(site);
  }

  get(site: string, key: string): T | undefined {
    return this.buckets.get(site)?.get(key);
  }

  set(site: string, key: string, value: T): void {
    let bucket = this.buckets.get(site);
    if (bucket === undefined) {
      bucket = new Map();
      this.buckets.set(site, bucket);
    }
    if (!bucket.has(key)) this.size++;
    bucket.set(key, value);
    this.changed?.(site);
  }

  delete(site: string, key: string): boolean {
    const bucket = this.buckets.get(site);
    if (bucket === undefined || !bucket.delete(key)) return false;
    this.size--;
    if (bucket.size === 0) this.buckets.delete(site);
    this.changed?.(site);
    return true;
  }

  *values(): IterableIterator<T> {
    for (const bucket of this.buckets.values()) yield* bucket.values();
  }
}

function siteOfCookie(c: Pick<StoredCookie, 'domain'>): string {
  return registrableDomain(c.domain);
}

/** Cookie-header order, RFC 6265bis 5.8.3 step 2: longer paths first, then earlier creation. */
function cookieHeaderOrder(a: StoredCookie, b: StoredCookie): number {
  return b.path.length - a.path.length || a.createdAt - b.createdAt;
}

/**
 * Sorts a request's cookies into cookieHeaderOrder in place, stably, as Array.prototype.sort would: an insertion
 * sort, because a request carries a handful of cookies, mostly already in order, and the built-in sort copies
 * its array into a work area first, on every request (about 4 % of what an analysis allocated).
 */
function sortInCookieHeaderOrder(cookies: StoredCookie[]): void {
  for (let i = 1; i < cookies.length; i++) {
    const cookie = cookies[i]!;
    let j = i - 1;
    while (j >= 0 && cookieHeaderOrder(cookies[j]!, cookie) > 0) {
      cookies[j + 1] = cookies[j]!;
      j--;
    }
    cookies[j + 1] = cookie;
  }
}

function isExpired(c: StoredCookie, time: number): boolean {
  return c.expiresAt !== undefined && c.expiresAt <= time;
}

/**
 * What a site's cookies and deletions are since they last changed, as replayShape reads them: the distinct paths a
 * request's path is matched against, the first expiry to come, and the shapes handed out on this state.
 */
interface SiteState {
  readonly paths: readonly string[];
  /** The earliest expiry of the site's cookies (Infinity when none expires). */
  readonly expiresAt: number;
  /** By host, then by what else of the request the decision reads (shapeKey). */
  readonly shapes: Map<string, Map<number | string, ReplayShape>>;
}

/**
 * A request as cookiesForReplay decides it, on one state of its site's cookies and deletions. The jar hands out one
 * object per shape and state: two requests given the same object get the same answer, and a change to the site's
 * cookies makes new objects. Its identity is what it tells; site and host say what it is when one looks.
 */
export interface ReplayShape {
  readonly site: string;
  readonly host: string;
}

/** How many values shapeKey's flags take: each SameSite shape, with the site for cookies known or not, secure or not. */
const FLAG_VALUES = SAME_SITE_SHAPES * 2 * 2;

/** Up to this many distinct cookie paths in a site, which of them a request's path matches is a bit each. */
const MAX_MASKED_PATHS = 25;

/**
 * What the decision reads of a request besides its host: whether its URL is secure, its SameSite shape (plus
 * whether its site for cookies is unknown, which makes the SameSite verdicts undecided), and which of the site's
 * cookie paths its path matches: a number, or with many paths a text with the path itself.
 */
function shapeKey(request: ResolvedRequest, sameSite: SameSiteShape, paths: readonly string[]): number | string {
  const flags = (sameSite + (request.siteUnknown ? SAME_SITE_SHAPES : 0)) * 2 + (request.target.secure ? 1 : 0);
  if (paths.length > MAX_MASKED_PATHS) return `${flags}\u0000${request.path}`;
  let mask = 0;
  for (let i = 0; i < paths.length; i++) if (pathMatch(request.path, paths[i]!)) mask += 2 ** i;
  return mask * FLAG_VALUES + flags;
}

/** Storage rules some recording browsers predate (browserDefaults.ts): each is applied unless it is false. */
export interface StorageRules {
  /** Strict Secure Cookies (RFC 6265bis 5.7 steps 10, 16): an http:// page may neither set nor overwrite a Secure cookie. */
  readonly strictSecure?: boolean;
  /**
   * The SameSite attribute (RFC 6265bis 5.6.7): a browser before it stores a cookie from any response and sends it on
   * any request as one without the attribute.
   */
  readonly knowsSameSite?: boolean;
}

export class CookieJar {
  private readonly cookies = new SiteIndex<StoredCookie>((site) => this.siteStates.delete(site));
  /**
   * Last-access times newer than the stored cookie's own `lastAccessedAt` (RFC 6265bis 5.8.3 step 3), kept
   * beside it: a replay touches every sent cookie of every request, and copying each cookie to record the
   * time was most of the jar's work. Every cookie handed out goes through current(), so callers still see
   * the time in `lastAccessedAt`. An entry is dropped when its cookie leaves the jar.
   */
  private readonly accessedAt = new Map<StoredCookie, number>();
  private readonly tombstones = new SiteIndex<Tombstone>((site) => this.siteStates.delete(site));
  /**
   * Cookies that had expired when a request they would not have gone on alive came (another host or path, or a Secure
   * cookie and an http:// URL): out of the jar, untold. A browser purges an expired cookie unseen, and that request
   * lost nothing by it (a cookie of another path, judged with --now long after the recording, is not "expired" on
   * this path). The first request they would have gone on tells them Expired, once, as the jar tells a cookie that
   * expired in the request's scope.
   */
  private readonly expiredUntold = new SiteIndex<StoredCookie>((site) => this.siteStates.delete(site));
  /**
   * Cookies a request was told Expired of, and dropped: if a later request carries one, the browser still had it
   * (its clock, or --now long after the recording, is not the jar's), and observeSent takes it back with its real
   * scope, not a host-only guess beside it (Google's `__Secure-STRP`, Domain=google.com, judged with --now: a
   * second cookie of the name on www.google.com). No part of cookiesForReplay's answer: no site state to reset.
   */
  private readonly expiredTold = new SiteIndex<StoredCookie>();
  /**
   * Cookies the model refused to store for SameSite alone (a cross-site context): if a request carries one
   * later, the browser did store it (an older browser, or a context the trace got wrong), and the jar takes
   * it with its real attributes instead of guessing them.
   */
  private readonly refused = new SiteIndex<StoredCookie>();
  private evictions: CookieEviction[] = [];
  /**
   * Per site, its state since the last change to its cookies or deletions (made when first asked for; the refused
   * cookies play no part in cookiesForReplay's answer).
   */
  private readonly siteStates = new Map<string, SiteState>();

  /**
   * @param lifetimeCapMs The longest life an Expires or Max-Age gives a cookie: 400 days (RFC 6265bis), or
   *   Infinity for a browser released before the cap (cookie/browserDefaults.ts).
   */
  constructor(
    private readonly lifetimeCapMs = MAX_COOKIE_AGE_MS,
    /** What the recording browser knew of today's storage rules (browserDefaults.ts); all of them by default. */
    private readonly rules: StorageRules = {},
  ) {}

  /** Strict Secure Cookies (RFC 6265bis 5.7 steps 10, 16). */
  private get strictSecure(): boolean {
    return this.rules.strictSecure !== false;
  }

  /** Number of cookies held (expired ones not yet seen by a request included). */
  get size(): number {
    return this.cookies.size;
  }

  /** All cookies held; with `time`, only those not expired at that time. */
  all(time?: number): StoredCookie[] {
    const list = [...this.cookies.values()].map((c) => this.current(c));
    return time === undefined ? list : list.filter((c) => !isExpired(c, time));
  }

  /** The cookie with this identity; `hostOnly` omitted = either kind (host-only preferred). */
  get(name: string, domain: string, path: string, hostOnly?: boolean): StoredCookie | undefined {
    const site = registrableDomain(domain);
    const kinds = hostOnly === undefined ? [true, false] : [hostOnly];
    for (const kind of kinds) {
      const found = this.cookies.get(site, cookieKey({ name, domain, path, hostOnly: kind }));
      if (found !== undefined) return this.current(found);
    }
    return undefined;
  }

  /** Cookies removed to respect the limits since the last call. */
  drainEvictions(): CookieEviction[] {
    const drained = this.evictions;
    this.evictions = [];
    return drained;
  }

  /** RFC 6265bis 5.7: store one Set-Cookie value received from `requestUrl` at `time`. */
  setCookie(line: string, requestUrl: string, time: number, opts: SetCookieOptions = {}): StoreOutcome {
    return this.storeLine(line, requestUrl, time, opts, true);
  }

  /**
   * Puts back a cookie that a store replaced (StoreOutcome.replaced), over what replaced it: the browser stores
   * Set-Cookie lines as their responses arrive, and the response that set `replaced` arrived after the one that
   * replaced it here (two answers crossing in flight, stored by the replay in the order their requests started).
   */
  restore(replaced: StoredCookie, time: number): void {
    this.insert(replaced, time);
  }

  /**
   * A response from `host` said `Clear-Site-Data: "cookies"`: every cookie of the host's registrable domain goes,
   * its subdomains' too (W3C Clear Site Data, "clear cookies"; MDN). Gives back the cookies removed; each is
   * remembered as deleted, as a Set-Cookie deletion is.
   */
  clearSite(host: string, time: number): StoredCookie[] {
    const bucket = this.cookies.bucket(registrableDomain(host));
    if (bucket === undefined) return [];
    const held = [...bucket.values()];
    const removed = held.map((c) => this.current(c));
    for (const cookie of held) this.remove(cookie, time, true);
    return removed;
  }

  /** What setCookie would do with the line, leaving the jar as it is (to compare with a browser's verdict). */
  probeSetCookie(line: string, requestUrl: string, time: number, opts: SetCookieOptions = {}): StoreOutcome {
    return this.storeLine(line, requestUrl, time, opts, false);
  }

  private storeLine(
    line: string,
    requestUrl: string,
    time: number,
    opts: SetCookieOptions,
    commit: boolean,
  ): StoreOutcome {
    const target = cookieUrl(requestUrl);
    if (target === undefined) {
      return {
        kind: 'rejected',
        reason: 'SchemeNotSupported',
        detail: `No cookies for URL "${requestUrl}".`,
        raw: line,
      };
    }
    const parse = parseSetCookie(line);
    if (!parse.ok) return { kind: 'rejected', reason: parse.reason, detail: parse.detail, raw: line };
    const parsed = parse.cookie;
    const created = createCookie(
      this.rules.knowsSameSite === false ? { ...parsed, sameSite: 'unspecified' } : parsed,
      target,
      time,
      opts.entry,
      this.lifetimeCapMs,
      this.strictSecure,
    );
    if (!created.ok) return { kind: 'rejected', reason: created.reason, detail: created.detail, raw: line, parsed };
    // RFC 6265bis 5.7, the same-site-flag step: not from a cross-site response other than a top-level navigation.
    const sameSiteRefusal =
      opts.context === undefined ? undefined : sameSiteStoreBlock(created.cookie.sameSite, opts.context);
    if (sameSiteRefusal !== undefined) {
      if (commit) this.rememberRefused(created.cookie);
      const detail = 'Set on a cross-site response that is not a top-level navigation.';
      return { kind: 'rejected', reason: sameSiteRefusal, detail, raw: line, parsed };
    }
    const thirdPartyRefusal =
      opts.context === undefined ? undefined : this.thirdPartyBlock(created.cookie, opts.context);
    if (thirdPartyRefusal !== undefined) {
      if (commit) this.rememberRefused(created.cookie);
      return { kind: 'rejected', reason: 'ThirdPartyBlocked', detail: thirdPartyRefusal, raw: line, parsed };
    }

    const fromHttpApi = opts.fromHttpApi ?? true;
    // RFC 6265bis 5.7 step 12: a non-HTTP API may not create an HttpOnly cookie.
    if (!fromHttpApi && parsed.httpOnly) {
      return { kind: 'rejected', reason: 'HttpOnlyFromScript', detail: 'HttpOnly set from script.', raw: line, parsed };
    }
    const cookie = created.cookie;
    // RFC 6265bis 5.7 step 16: an insecure origin may not create a cookie that would overlay a Secure one.
    if (!cookie.secure && !target.secure && this.strictSecure) {
      const shadowed = this.secureCookieOverlaidBy(cookie);
      if (shadowed !== undefined) {
        return {
          kind: 'rejected',
          reason: 'OverwriteSecure',
          detail: `Would overwrite or shadow the Secure cookie ${shadowed.name} (Domain ${shadowed.domain}, Path ${shadowed.path}).`,
          raw: line,
          parsed,
        };
      }
    }
    const site = siteOfCookie(cookie);
    const key = cookieKey(cookie);
    const old = this.cookies.get(site, key);
    // RFC 6265bis 5.7 step 22: nor overwrite one.
    if (old?.httpOnly && !fromHttpApi) {
      return {
        kind: 'rejected',
        reason: 'HttpOnlyFromScript',
        detail: 'Would overwrite an HttpOnly cookie.',
        raw: line,
        parsed,
      };
    }

    if (created.expired) {
      // An expiry in the past deletes the cookie with this identity (RFC 6265bis 5.7 last steps). A cookie the jar
      // only learnt from a Cookie header has a guessed scope (host-only): a deletion under a Domain that covers its
      // host is the server deleting that cookie, whose real Domain the guess missed.
      if (commit) this.expiredUntold.delete(site, key);
      const deleted = old ?? (cookie.hostOnly ? undefined : this.guessedTwinOf(cookie, site));
      if (deleted === undefined) return { kind: 'deleted', parsed };
      const removed = this.current(deleted);
      if (commit) this.remove(deleted, time, true);
      return { kind: 'deleted', removed, parsed };
    }
    // Step 22: a replacement keeps the creation time of the cookie it replaces.
    const stored = old === undefined ? cookie : { ...cookie, createdAt: old.createdAt };
    const twin = cookie.hostOnly ? undefined : this.guessedTwinOf(cookie, site);
    if (commit) {
      if (twin !== undefined) this.dropGuessedTwin(twin, time);
      this.insert(stored, time);
    }
    return {
      kind: 'stored',
      cookie: stored,
      ...(old !== undefined ? { replaced: old } : {}),
      ...(twin !== undefined ? { guessedTwin: twin } : {}),
    };
  }

  /**
   * Applies a cookies.onChanged event from the extension: the snapshot is the browser's own view, so its
   * attributes are exact. `cause` (when given) decides how a removal is remembered: `expired` is reported
   * once as Expired, `overwrite` is not remembered (the new cookie follows), `evicted` is an eviction,
   * anything else a deletion reported as Deleted.
   */
  upsertFromEvent(c: CookieSnapshot, time: number, removed: boolean, cause?: CookieChangeCause): CookieEventOutcome {
    const domain = c.domain.startsWith('.') ? c.domain.slice(1) : c.domain;
    const identity = { name: c.name, domain, path: c.path, hostOnly: c.hostOnly };
    const site = registrableDomain(domain);
    const stale = this.cookies.get(site, cookieKey(identity));
    const old = stale === undefined ? undefined : this.current(stale);
    if (removed) {
      if (stale === undefined || old === undefined) return { kind: 'removed' };
      if (cause === 'expired') {
        // Keep it, expired, so the next request reports Expired once (the jar evicts lazily).
        this.accessedAt.delete(stale);
        this.cookies.set(site, cookieKey(old), { ...old, expiresAt: Math.min(old.expiresAt ?? time, time) });
        return { kind: 'removed', removed: old };
      }
      this.remove(stale, time, cause !== 'overwrite' && cause !== 'expired_overwrite' && cause !== 'evicted');
      if (cause === 'evicted') this.evictions.push({ cookie: old, time, cause: 'evicted' });
      return { kind: 'removed', removed: old };
    }
    if (
      old !== undefined &&
      old.value === c.value &&
      old.secure === c.secure &&
      old.httpOnly === c.httpOnly &&
      old.sameSite === c.sameSite &&
      old.expiresAt === c.expiresAt
    ) {
      // The event echoes a Set-Cookie the jar has already stored: keep its provenance.
      return { kind: 'stored', cookie: old };
    }
    const cookie: StoredCookie = {
      ...identity,
      value: c.value,
      secure: c.secure,
      httpOnly: c.httpOnly,
      sameSite: c.sameSite,
      partitioned: false,
      ...(c.expiresAt !== undefined && { expiresAt: c.expiresAt }),
      createdAt: old?.createdAt ?? time,
      lastAccessedAt: time,
      // The event does not say which URL set it: assume the scheme its Secure flag implies.
      sourceScheme: old?.sourceScheme ?? (c.secure ? 'https' : 'http'),
      sourcePort: old?.sourcePort ?? (c.secure ? 443 : 80),
      origin: 'cookie-event',
    };
    this.insert(cookie, time);
    return old === undefined ? { kind: 'stored', cookie } : { kind: 'stored', cookie, replaced: old };
  }

  /**
   * A cookie the jar knew only from Cookie headers, its scope guessed host-only on a host the new Domain cookie
   * covers, is that cookie: the server now says its Domain (Akamai's bm_sv, sent by the browser, then set again
   * with Domain=.my.site.com). Kept beside it, the guess read as a second cookie of the name that every later
   * request "did not send". Dropped without being remembered as deleted. A browser that really held both sends both,
   * and the next Cookie header puts the other back (observeSent).
   */
  private dropGuessedTwin(twin: StoredCookie, time: number): void {
    this.remove(twin, time, false);
  }

  /** The cookie of that name the jar learnt from a Cookie header (scope guessed host-only) on a host the Domain covers. */
  private guessedTwinOf(cookie: StoredCookie, site: string): StoredCookie | undefined {
    const bucket = this.cookies.bucket(site);
    if (bucket === undefined) return undefined;
    for (const held of bucket.values())
      if (held.scopeGuessed && held.name === cookie.name && held.hostOnly && domainMatch(held.domain, cookie.domain))
        return held;
    return undefined;
  }

  /**
   * A request carried `name=value` at `time`. When the jar has a cookie of that name matching the request
   * with that value, it is returned as is (if the jar thought it expired, its expiry becomes unknown and
   * its origin `inferred`). When one matches with another value, the browser knows better
   * (a script changed it): its value is updated and its origin becomes `inferred`. Otherwise the jar
   * learns a new cookie, origin `inferred`, whose attributes are GUESSES: host-only on the request host,
   * Path "/", session, SameSite unspecified, not HttpOnly, and not Secure unless its name carries a
   * __Secure-/__Host- prefix (which proves Secure). Requests that do not carry it later get the reason
   * Unknown rather than a reason drawn from a guessed attribute.
   */
  observeSent(name: string, value: string, requestUrl: string, time: number): StoredCookie | undefined {
    const target = cookieUrl(requestUrl);
    if (target === undefined) return undefined;
    const site = registrableDomain(target.host);
    const path = resolveRequest({ url: requestUrl, method: 'GET', time, isTopLevelNavigation: false })?.path ?? '/';
    const matches = (c: StoredCookie) => c.name === name && hostMatches(c, target.host) && pathMatch(path, c.path);
    const candidates = [...(this.cookies.bucket(site)?.values() ?? [])].filter(matches);
    if (candidates.length === 0 && this.expiredTold.size > 0) {
      const revived = this.reviveTold(site, matches, value, time);
      if (revived !== undefined) return revived;
    }
    const same = candidates.find((c) => c.value === value);
    if (same !== undefined && !isExpired(same, time)) return this.current(same);
    // The browser still sends a cookie the jar thinks expired: its real expiry is unknown, not passed.
    if (same !== undefined) return this.revive(same, value, time);
    const refused = this.takeRefused(name, value, target.host, path, time);
    if (refused !== undefined) return refused;
    const known = candidates.sort(cookieHeaderOrder)[0];
    // (`known` and `same` are copied with a new lastAccessedAt below, so their stale one never shows.)
    const prefixed = /^__(secure|host)-/i.test(name);
    const cookie: StoredCookie =
      known !== undefined
        ? { ...known, value, lastAccessedAt: time, origin: 'inferred' }
        : {
            name,
            value,
            domain: target.host,
            path: '/',
            hostOnly: true,
            secure: prefixed,
            httpOnly: false,
            sameSite: 'unspecified',
            partitioned: false,
            createdAt: time,
            lastAccessedAt: time,
            sourceScheme: target.scheme,
            sourcePort: target.port,
            origin: 'inferred',
            scopeGuessed: true,
          };
    this.insert(cookie, time);
    return cookie;
  }

  /**
   * A cookie told Expired and dropped (expiredTold) that a request carries again: the browser still had it, so it is
   * back in the jar with its real scope, the value carried, and its expiry unknown, as a cookie the jar thought
   * expired and the browser sent (observeSent). Undefined when none of the site matches.
   */
  private reviveTold(
    site: string,
    matches: (c: StoredCookie) => boolean,
    value: string,
    time: number,
  ): StoredCookie | undefined {
    for (const told of this.expiredTold.bucket(site)?.values() ?? [])
      if (matches(told)) return this.revive(told, value, time);
    return undefined;
  }

  /** A cookie the jar thought expired, carried at `time` with `value`: stored again, its expiry unknown, inferred. */
  private revive(cookie: StoredCookie, value: string, time: number): StoredCookie {
    const { expiresAt: _unknown, ...rest } = cookie;
    const revived: StoredCookie = { ...rest, value, lastAccessedAt: time, origin: 'inferred' };
    this.insert(revived, time);
    return revived;
  }

  /**
   * RFC 6265bis 5.8.3: the cookies a request carries, in Cookie-header order, and every other cookie of
   * the request's site with the one reason it is not sent (notSent.ts decides the priority). Cookies found
   * expired are reported once as Expired and dropped; cookies deleted earlier are reported as Deleted on
   * each request they would have matched, until a cookie with the same identity is stored again. Sent
   * cookies get their last-access time updated (step 3).
   */
  cookiesFor(ctx: RequestContext): CookiesForRequest {
    const answer = new RequestCookies();
    this.cookiesForReplay(ctx, answer);
    const current = (verdicts: CookieVerdicts): NotSentCookie[] => {
      const list: NotSentCookie[] = [];
      for (let i = 0; i < verdicts.length; i++) {
        list.push({ cookie: this.current(verdicts.cookie(i)), reason: verdicts.reason(i) });
      }
      return list;
    };
    return {
      sent: answer.sent.map((c) => this.current(c)),
      notSent: current(answer.notSent),
      ...(answer.undecided.length > 0 ? { undecided: current(answer.undecided) } : {}),
    };
  }

  /**
   * cookiesFor, for a replay that reads only the names, values, domains and paths of the answer: the same
   * decision and the same update of the jar, written into the replay's own lists (cleared first), and the
   * cookies come back as stored, so their `lastAccessedAt` may be older than the jar's (get() and all() give
   * the current one). Spares a copy of every cookie, and new lists, on every request.
   */
  cookiesForReplay(ctx: RequestContext, into: RequestCookies): void {
    into.clear();
    const request = resolveRequest(ctx);
    if (request === undefined) return;
    const site = registrableDomain(request.target.host);
    const bucket = this.cookies.buckets.get(site);
    // The bucket is walked in place with forEach, which hands key and cookie without the [key, cookie] pair a
    // for-of makes per cookie (this runs for every cookie of every request: ~10 % of what an analysis
    // allocated). Deleting the entry being visited is well defined during Map iteration.
    if (bucket !== undefined) {
      bucket.forEach((cookie, key) => {
        const reason = firstNotSentReason(cookie, request);
        if (reason === undefined) {
          // Step 3: the last-access time of a sent cookie becomes now.
          this.accessedAt.set(cookie, ctx.time);
          into.sent.push(cookie);
          return;
        }
        if (!inScope(cookie, request) && isExpired(cookie, ctx.time)) {
          this.expiredUntold.set(site, key, this.current(cookie));
          this.cookies.delete(site, key);
          this.accessedAt.delete(cookie);
          return;
        }
        if (request.siteUnknown && SAME_SITE_NOT_SENT_REASONS.has(reason)) {
          // Sent if the request is same-site, not if cross-site: the trace does not say which.
          into.undecided.push(cookie, cookie.origin === 'inferred' && GUESSED_REASONS.has(reason) ? 'Unknown' : reason);
          return;
        }
        if (reason !== 'Expired') {
          into.notSent.push(cookie, cookie.origin === 'inferred' && GUESSED_REASONS.has(reason) ? 'Unknown' : reason);
          return;
        }
        // Reported once, then dropped: with its last-access time, which leaves the jar with it.
        const told = this.current(cookie);
        into.notSent.push(told, reason);
        this.expiredTold.set(site, key, told);
        this.cookies.delete(site, key);
        this.accessedAt.delete(cookie);
      });
    }
    if (this.tombstones.size > 0) this.addDeletedMatching(site, request, into.notSent);
    if (this.expiredUntold.size > 0) this.tellExpiredMatching(site, request, into.notSent);
    sortInCookieHeaderOrder(into.sent);
  }

  /**
   * The request's shape for cookiesForReplay on the jar as it is (ReplayShape): while no cookie or deletion of its
   * site changes, a request given the same shape gets the same answer, so a replay may keep what it made of the
   * first (analysis/comparisonMemo.ts). A shape stands for what the decision reads of the request: its host,
   * whether its URL is secure, which of the site's cookie paths its path matches, and its SameSite shape.
   * Undefined when the answer also depends on the clock: a cookie of the site expires by `ctx.time`
   * (cookiesForReplay drops it, a change), or a SameSite verdict looks at a cookie's age.
   */
  replayShape(ctx: RequestContext): ReplayShape | undefined {
    const request = resolveRequest(ctx);
    if (request === undefined) return undefined;
    const sameSite = sameSiteShape(ctx, request.sameSite);
    if (sameSite === undefined) return undefined;
    const host = request.target.host;
    const site = registrableDomain(host);
    const state = this.siteState(site);
    if (state.expiresAt <= ctx.time) return undefined;
    let byKey = state.shapes.get(host);
    if (byKey === undefined) {
      byKey = new Map();
      state.shapes.set(host, byKey);
    }
    const key = shapeKey(request, sameSite, state.paths);
    let shape = byKey.get(key);
    if (shape === undefined) {
      shape = { site, host };
      byKey.set(key, shape);
    }
    return shape;
  }

  /** Step 3 of cookiesFor for an answer a replay kept (replayShape): the sent cookies' last access is `time`. */
  touch(sent: readonly StoredCookie[], time: number): void {
    for (let i = 0; i < sent.length; i++) this.accessedAt.set(sent[i]!, time);
  }

  private siteState(site: string): SiteState {
    let state = this.siteStates.get(site);
    if (state === undefined) {
      const paths = new Set<string>();
      let expiresAt = Number.POSITIVE_INFINITY;
      for (const cookie of this.cookies.bucket(site)?.values() ?? []) {
        paths.add(cookie.path);
        if (cookie.expiresAt !== undefined && cookie.expiresAt < expiresAt) expiresAt = cookie.expiresAt;
      }
      for (const { cookie } of this.tombstones.bucket(site)?.values() ?? []) paths.add(cookie.path);
      for (const cookie of this.expiredUntold.bucket(site)?.values() ?? []) paths.add(cookie.path);
      state = { paths: [...paths], expiresAt, shapes: new Map() };
      this.siteStates.set(site, state);
    }
    return state;
  }

  /**
   * Why the recording browser's default keeps a third party from setting this cookie (StoreContext.thirdPartyCookies),
   * or undefined. Only a response known to be cross-site, and no top-level navigation, is a third party's.
   */
  private thirdPartyBlock(cookie: StoredCookie, ctx: StoreContext): string | undefined {
    if (ctx.thirdPartyCookies === undefined || ctx.siteContext !== 'cross-site' || ctx.isTopLevelNavigation) {
      return undefined;
    }
    if (ctx.thirdPartyCookies === 'blocked') return "The recording browser blocks every third party's cookies.";
    const site = registrableDomain(cookie.domain);
    if ((this.cookies.bucket(site)?.size ?? 0) > 0) return undefined;
    return "The recording browser accepts a third party's cookies only from a site that already has cookies (one visited).";
  }

  private rememberRefused(cookie: StoredCookie): void {
    if (this.refused.size >= COOKIE_LIMITS.tombstoneMax) {
      // Bounded like the tombstones: a long trace of cross-site trackers starts the memory afresh.
      this.refused.buckets.clear();
      this.refused.size = 0;
    }
    this.refused.set(siteOfCookie(cookie), cookieKey(cookie), cookie);
  }

  /** A refused cookie with this name and value that a request to `host`/`path` would carry, now stored. */
  private takeRefused(name: string, value: string, host: string, path: string, time: number): StoredCookie | undefined {
    if (this.refused.size === 0) return undefined;
    const site = registrableDomain(host);
    for (const [key, c] of this.refused.bucket(site) ?? []) {
      if (c.name !== name || c.value !== value || !hostMatches(c, host) || !pathMatch(path, c.path)) continue;
      this.refused.delete(site, key);
      const stored: StoredCookie = { ...c, lastAccessedAt: time };
      this.insert(stored, time);
      return stored;
    }
    return undefined;
  }

  /** Tombstones of the site that the request would have matched (domain and path), as Deleted. */
  private addDeletedMatching(site: string, request: ResolvedRequest, notSent: CookieVerdicts): void {
    for (const { cookie } of this.tombstones.bucket(site)?.values() ?? []) {
      if (hostMatches(cookie, request.target.host) && pathMatch(request.path, cookie.path)) {
        notSent.push(cookie, 'Deleted');
      }
    }
  }

  /**
   * Whether the jar holds, unexpired at `time`, a cookie that `url`'s host, path and scheme let go on a request there
   * (inScope), whatever its SameSite: the browser had something to send.
   */
  holdsFor(url: string, time: number): boolean {
    const request = resolveRequest({ url, method: 'GET', time, isTopLevelNavigation: true });
    if (request === undefined) return false;
    for (const cookie of this.cookies.bucket(registrableDomain(request.target.host))?.values() ?? []) {
      if (!isExpired(cookie, time) && inScope(cookie, request)) return true;
    }
    return false;
  }

  /** The expired cookies not told yet (expiredUntold) that the request would have carried: Expired, once. */
  private tellExpiredMatching(site: string, request: ResolvedRequest, notSent: CookieVerdicts): void {
    const bucket = this.expiredUntold.bucket(site);
    if (bucket === undefined) return;
    for (const [key, cookie] of [...bucket]) {
      if (!inScope(cookie, request)) continue;
      notSent.push(cookie, 'Expired');
      this.expiredUntold.delete(site, key);
      this.expiredTold.set(site, key, cookie);
    }
  }

  /**
   * RFC 6265bis 5.7 step 16: a Secure cookie with the same name whose domain domain-matches the new
   * cookie's (or the reverse) and whose path the new cookie's path path-matches.
   */
  private secureCookieOverlaidBy(cookie: StoredCookie): StoredCookie | undefined {
    for (const old of this.cookies.bucket(siteOfCookie(cookie))?.values() ?? []) {
      if (
        old.secure &&
        old.name === cookie.name &&
        (domainMatch(old.domain, cookie.domain) || domainMatch(cookie.domain, old.domain)) &&
        pathMatch(cookie.path, old.path)
      ) {
        return old;
      }
    }
    return undefined;
  }

  private insert(cookie: StoredCookie, time: number): void {
    const site = siteOfCookie(cookie);
    const key = cookieKey(cookie);
    const replaced = this.cookies.get(site, key);
    if (replaced !== undefined) this.accessedAt.delete(replaced);
    this.cookies.set(site, key, cookie);
    this.tombstones.delete(site, key);
    this.expiredUntold.delete(site, key);
    this.expiredTold.delete(site, key);
    const bucket = this.cookies.bucket(site);
    if (bucket !== undefined && bucket.size > COOKIE_LIMITS.perDomainMax) {
      this.purge([...bucket.values()], bucket.size - COOKIE_LIMITS.perDomainPurgeTo, time);
    }
    if (this.cookies.size > COOKIE_LIMITS.totalMax) {
      this.purge([...this.cookies.values()], this.cookies.size - COOKIE_LIMITS.totalPurgeTo, time);
    }
  }

  /** Removes `count` of `candidates`: expired first, then non-Secure before Secure, least recently accessed first. */
  private purge(candidates: StoredCookie[], count: number, time: number): void {
    const rank = (c: StoredCookie) => (isExpired(c, time) ? 0 : c.secure ? 2 : 1);
    const accessed = (c: StoredCookie) => this.accessedAt.get(c) ?? c.lastAccessedAt;
    candidates.sort((a, b) => rank(a) - rank(b) || accessed(a) - accessed(b));
    for (const stored of candidates.slice(0, count)) {
      const cookie = this.current(stored);
      this.remove(stored, time, false);
      this.evictions.push({ cookie, time, cause: isExpired(cookie, time) ? 'expired' : 'evicted' });
    }
  }

  /** `stored`: the object in the jar (not a current() copy). */
  private remove(stored: StoredCookie, time: number, remember: boolean): void {
    const site = siteOfCookie(stored);
    const key = cookieKey(stored);
    const cookie = this.current(stored);
    this.accessedAt.delete(stored);
    this.cookies.delete(site, key);
    if (!remember) return;
    this.tombstones.set(site, key, { cookie, removedAt: time });
    if (this.tombstones.size > COOKIE_LIMITS.tombstoneMax) this.forgetOldestTombstones();
  }

  /** A stored cookie with its current last-access time (a copy only when it changed since it was stored). */
  private current(cookie: StoredCookie): StoredCookie {
    const accessed = this.accessedAt.get(cookie);
    return accessed === undefined || accessed === cookie.lastAccessedAt
      ? cookie
      : { ...cookie, lastAccessedAt: accessed };
  }

  /** Drops the oldest tenth of the tombstones (rare: only after thousands of deletions). */
  private forgetOldestTombstones(): void {
    const all = [...this.tombstones.buckets.entries()].flatMap(([site, bucket]) =>
      [...bucket.entries()].map(([key, t]) => ({ site, key, removedAt: t.removedAt })),
    );
    all.sort((a, b) => a.removedAt - b.removedAt);
    for (const t of all.slice(0, Math.ceil(COOKIE_LIMITS.tombstoneMax / 10))) this.tombstones.delete(t.site, t.key);
  }
}
