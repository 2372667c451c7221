/**
 * The replay's comparison of the wire with the jar (RULES.md, "session-not-sent" and "What is a request"): what
 * the jar says a request must carry against what its Cookie header really carried, as facts. A cookie both hold
 * is sent; a cookie the jar would not send gets the jar's reason; a cookie the jar would send that the request
 * did not carry gets the browser's reason when it reported one, else Unknown; a cookie whose response was still in
 * flight as the request started is left out (it could not be carried). Facts repeat from request to request, so
 * they are shared (factCache.ts), and a comparison of a request like one before is recalled (comparisonMemo.ts).
 */

import { registrableDomain } from '../cookie/domain.ts';
import type { CookieJar, ReplayShape } from '../cookie/jar.ts';
import { isBrowserNotSentReason, type NotSentReason, SAME_SITE_NOT_SENT_REASONS } from '../cookie/reasons.ts';
import { type CookieVerdicts, RequestCookies, takeAt } from '../cookie/requestCookies.ts';
import type { RequestContext, StoredCookie } from '../cookie/types.ts';
import { responseArrivedAt } from '../trace/arrival.ts';
import { type CookiePair, headerValue } from '../trace/headers.ts';
import type { BrowserCookieReport, TraceEntry } from '../trace/types.ts';
import { type Comparison, ComparisonMemo } from './comparisonMemo.ts';
import { carriedCookieText, responseSetCookieLines, SentCookieReader, setCookieNameValue } from './entryCookies.ts';
import { FactCache, ListPool, RefilledList } from './factCache.ts';
import type { NotSentCookieFact, SentCookieFact } from './facts.ts';
import type { LaneUrl } from './sessionLanes.ts';

/** Preflights never carry cookies (Fetch standard, CORS-preflight request): comparing them is noise. */
function isPreflight(entry: TraceEntry): boolean {
  return (
    entry.request.method.toUpperCase() === 'OPTIONS' &&
    headerValue(entry.request.headers, 'access-control-request-method') !== undefined
  );
}

/**
 * A request the recording shows no answer to (status 0 and no response header: the connection refused, the name
 * not resolved, an ad blocker, a cancel) and no cookie on: Chrome's DevTools records such a request with the provisional headers it had
 * before sending, never a Cookie header, so what it carried is not in the file, and it may never have reached a
 * server. A request with no answer that shows its cookies is judged by them.
 */
function unansweredWithoutCookies(entry: TraceEntry): boolean {
  const response = entry.response;
  const unanswered = response === undefined || (response.status === 0 && response.headers.length === 0);
  return unanswered && carriedCookieText(entry) === '';
}

/**
 * Whether the request's cookies are judged against the jar: what never reached a server (a preflight's cookies are
 * not sent; a cache, service-worker or internal answer sent nothing), or may not have and shows nothing of what it
 * carried (unansweredWithoutCookies), is shown but never judged.
 */
function isJudged(entry: TraceEntry): boolean {
  return entry.offNetwork === undefined && !isPreflight(entry) && !unansweredWithoutCookies(entry);
}

/**
 * A cross-origin request in CORS mode that carried no cookie at all: made without credentials (fetch()'s default,
 * credentials: 'same-origin'; an XMLHttpRequest without withCredentials; a font; a `crossorigin` script), it carried
 * none the jar held, for no reason of the cookies' own. Told by Fetch Metadata (Sec-Fetch-Mode cors, Sec-Fetch-Site
 * not same-origin), else by an Origin header naming another origin on a GET or a HEAD (sent in CORS mode only: Fetch,
 * "append a request Origin header") or on a script's request. The analytics cookies of an SPA's page read "not sent:
 * Unknown" on each of its API calls to another host (149 facts in one recording of 30 requests).
 */
function madeWithoutCredentials(entry: TraceEntry, origin: string): boolean {
  if (carriedCookieText(entry) !== '') return false;
  const { headers, method, resourceType } = entry.request;
  const mode = headerValue(headers, 'sec-fetch-mode');
  if (mode !== undefined)
    return (
      mode.trim().toLowerCase() === 'cors' &&
      headerValue(headers, 'sec-fetch-site')?.trim().toLowerCase() !== 'same-origin'
    );
  if (resourceType === 'document' || resourceType === 'subdocument') return false;
  const from = headerValue(headers, 'origin')?.trim().toLowerCase();
  if (from === undefined || from === 'null' || from === origin) return false;
  const verb = method.toUpperCase();
  return verb === 'GET' || verb === 'HEAD' || resourceType === 'xhr' || resourceType === 'fetch';
}

/** Where a request went, as the replay parsed its URL: the host the jar reads, and the origin. */
export type RequestPlace = Pick<LaneUrl, 'host' | 'origin'>;

/** Why the jar held a cookie back that the request still carried under another value (compareCookies). */
const CARRIED_ANYWAY_REASONS: ReadonlySet<NotSentReason> = new Set([...SAME_SITE_NOT_SENT_REASONS, 'Expired']);

export const NO_SENT: readonly SentCookieFact[] = Object.freeze([]);
export const NO_NOT_SENT: readonly NotSentCookieFact[] = Object.freeze([]);

/**
 * The jar's cookie at `index` of its not-sent verdicts, which the request carried all the same (as `pair`): taken out
 * of them. A copy the jar found expired, and dropped, the browser still had: where this response writes the name, it
 * goes back into the jar, its expiry unknown (observeSent), for the Set-Cookie deleting or replacing it to find. Left
 * out, the deletion of Spring's OAuth state cookie at its login's callback (a recording whose clock ran past its
 * Max-Age) found nothing, and the login was said to have kept it. Otherwise it stays dropped: the next request
 * without it is no "not sent" (it did expire, if later than the jar thought).
 */
function carriedAnyway(
  jar: CookieJar,
  verdicts: CookieVerdicts,
  index: number,
  pair: CookiePair,
  entry: TraceEntry,
  time: number,
): StoredCookie {
  const rewritten = verdicts.reason(index) === 'Expired' && responseWrites(entry, pair.name);
  const held = verdicts.take(index);
  return (rewritten ? jar.observeSent(pair.name, pair.value, entry.request.url, time) : undefined) ?? held;
}

/** A Set-Cookie line of the entry's response writes (stores or deletes) the cookie of that name. */
function responseWrites(entry: TraceEntry, name: string): boolean {
  return responseSetCookieLines(entry).some((line) => setCookieNameValue(line)?.name === name);
}

/** The jar's cookie of this name among `verdicts`, held back for one of `reasons` where given, or -1. */
function indexOfName(verdicts: CookieVerdicts, name: string, reasons?: ReadonlySet<NotSentReason>): number {
  for (let i = 0; i < verdicts.length; i++) {
    if (verdicts.cookie(i).name === name && (reasons === undefined || reasons.has(verdicts.reason(i)))) return i;
  }
  return -1;
}

/** The cookies the browser reported not sending on the request (empty when it reported none). */
type BrowserBlocked = NonNullable<BrowserCookieReport['blockedRequestCookies']>;

/** What a request carried and what it did not, as compareCookies finds it (lists reused request after request). */
interface ComparedCookies {
  readonly sent: RefilledList<SentCookieFact>;
  readonly notSent: RefilledList<NotSentCookieFact>;
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

export class CookieComparison {
  /**
   * When the response that stored each cookie arrived (its start + duration): a request that started before then,
   * in flight beside it, could not carry it (RULES.md, "What is a request").
   */
  private readonly arrivedAt = new WeakMap<StoredCookie, number>();
  /**
   * Per site, when the last response that stored one of its cookies arrived: a request to the site starting
   * before then may race it (inFlight).
   */
  private readonly lastArrival = new Map<string, number>();
  /** Facts are read-only and repeat across requests: one object per distinct fact (factCache.ts). */
  private readonly sentFacts = new FactCache<SentCookieFact>();
  private readonly notSentFacts = new FactCache<NotSentCookieFact>();
  /**
   * In front of the fact caches, by stored cookie (stored cookies are never changed, only replaced): the fact
   * it last gave, found without building a key. The same fact the cache would give: it came from it.
   */
  private readonly sentFactOf = new WeakMap<StoredCookie, SentCookieFact>();
  private readonly notSentFactOf = new WeakMap<StoredCookie, NotSentCookieFact>();
  private readonly sentLists = new ListPool<SentCookieFact>(NO_SENT);
  private readonly notSentLists = new ListPool<NotSentCookieFact>(NO_NOT_SENT);
  private readonly sentCookies = new SentCookieReader();
  /** The jar's answer for the request being compared, in lists reused for every request (compareCookies). */
  private readonly expected = new RequestCookies();
  /** compareCookies' answer for the request being replayed, in lists reused for every request. */
  private readonly compared: ComparedCookies = { sent: new RefilledList(), notSent: new RefilledList() };
  private readonly comparisons = new ComparisonMemo();

  constructor(
    /** Whether a cookie name is a session ID's (the facts say so). */
    private readonly isSession: (name: string) => boolean,
    /** Whether the input recorded Cookie headers at all: without, the jar's view is all there is. */
    private readonly cookiesRecorded: boolean,
    /** The recording browser treats a cookie without SameSite as Lax (cookie/browserDefaults.ts). */
    private readonly laxByDefault: boolean,
  ) {}

  /**
   * The request's sent and not-sent facts, as shared lists (factCache.ts ListPool): what the request's facts keep
   * and what the lanes are told. Recalled when the replay compared a request of the same shape on the same jar
   * carrying the same cookies (comparisonMemo.ts), else compared into this comparison's own lists and shared.
   * `at`: where the request went, as the replay parsed its URL; `time`: the clock for expiry decisions.
   */
  compare(jar: CookieJar, entry: TraceEntry, at: RequestPlace, time: number): Comparison {
    const ctx = this.requestContext(entry, time);
    const withoutCredentials = madeWithoutCredentials(entry, at.origin);
    const shape = this.canRecall(entry, withoutCredentials) ? jar.replayShape(ctx) : undefined;
    const carried = shape !== undefined && this.settled(entry, shape) ? carriedCookieText(entry) : undefined;
    if (shape !== undefined && carried !== undefined) {
      const recalled = this.comparisons.recall(shape, carried);
      if (recalled !== undefined) {
        jar.touch(recalled.sentByJar, time);
        return recalled;
      }
    }
    const compared = this.compared;
    const sentByJar = this.compareCookies(jar, entry, at.host, ctx, compared, withoutCredentials);
    const comparison = {
      sent: this.sentLists.shareRefilled(compared.sent),
      notSent: this.notSentLists.shareRefilled(compared.notSent),
    };
    if (shape !== undefined && carried !== undefined && sentByJar !== undefined) {
      this.comparisons.remember(shape, carried, comparison, sentByJar);
    }
    return comparison;
  }

  /** The entry's response stored this cookie: requests that start before it arrived could not carry it. */
  noteStored(cookie: StoredCookie, entry: TraceEntry): void {
    const arrival = responseArrivedAt(entry);
    if (arrival === undefined) return;
    this.arrivedAt.set(cookie, arrival);
    // The site's bucket of the jar, which a request's comparison reads (CookieJar.replayShape's site).
    const site = registrableDomain(cookie.domain);
    if (arrival > (this.lastArrival.get(site) ?? Number.NEGATIVE_INFINITY)) this.lastArrival.set(site, arrival);
  }

  /**
   * The response that stored `stored` arrived after this entry's response did, though its request started first
   * (the replay stores in start order): the browser stored this entry's cookie first, then `stored` over it.
   */
  arrivedAfter(stored: StoredCookie, entry: TraceEntry): boolean {
    const arrived = this.arrivedAt.get(stored);
    const own = responseArrivedAt(entry);
    return arrived !== undefined && own !== undefined && arrived > own;
  }

  /** The cookie's response had not arrived when this entry's request started: it was not in the jar yet. */
  private inFlight(cookie: StoredCookie, entry: TraceEntry): boolean {
    const arrived = this.arrivedAt.get(cookie);
    return arrived !== undefined && arrived > entry.startedAt;
  }

  /**
   * Whether the request's comparison may be kept or recalled: it reached a server (not a preflight nor answered
   * off the network), and the browser reported no cookie of it blocked (facts of their own).
   */
  private canRecall(entry: TraceEntry, withoutCredentials: boolean): boolean {
    return isJudged(entry) && (entry.browserReport?.blockedRequestCookies?.length ?? 0) === 0 && !withoutCredentials;
  }

  /**
   * No cookie of the request's site was in flight as it started (inFlight): a comparison with one depends on when
   * its request started, and is neither kept nor recalled.
   */
  private settled(entry: TraceEntry, shape: ReplayShape): boolean {
    return entry.startedAt >= (this.lastArrival.get(shape.site) ?? Number.NEGATIVE_INFINITY);
  }

  /** The request as the jar reads it. */
  private requestContext(entry: TraceEntry, time: number): RequestContext {
    // Optional fields assigned only when present, in one fixed order, not spread from temporary objects: this
    // runs for every request.
    const request = entry.request;
    const ctx: Mutable<RequestContext> = {
      url: request.url,
      method: request.method,
      time,
      isTopLevelNavigation: request.resourceType === 'document',
    };
    if (request.initiatorUrl !== undefined) ctx.siteForCookiesUrl = request.initiatorUrl;
    if (request.siteContext !== undefined) ctx.siteContext = request.siteContext.kind;
    if (!this.laxByDefault) ctx.laxByDefault = false;
    return ctx;
  }

  /**
   * What the jar says the request must carry, against what it carried: sent facts and not-sent facts, into
   * `into`. Gives back the cookies the jar sent, for a comparison that may be kept (compare); undefined for a
   * request that is never judged.
   */
  private compareCookies(
    jar: CookieJar,
    entry: TraceEntry,
    host: string,
    ctx: RequestContext,
    into: ComparedCookies,
    withoutCredentials: boolean,
  ): readonly StoredCookie[] | undefined {
    const time = ctx.time;
    // Only names, values, domains and paths are read from the answer: the copy-free variant, into this
    // comparison's own lists (read and emptied here, before the next request).
    const expected = this.expected;
    jar.cookiesForReplay(ctx, expected);
    const sentByJar = expected.sent.slice();
    const { sent, notSent } = into;
    sent.clear();
    notSent.clear();
    if (!isJudged(entry)) return undefined;
    const browserBlocked = entry.browserReport?.blockedRequestCookies ?? [];
    const { undecided, notSent: notSentByJar } = expected;
    if (!this.cookiesRecorded) {
      // The file has no Cookie data at all (sanitised export): the jar's view is all there is.
      // (Cookies the site context leaves undecided count as sent, as the model always assumed.)
      for (const c of expected.sent) if (!this.inFlight(c, entry)) sent.push(this.sentFact(c.name, c.value, c));
      for (let i = 0; i < undecided.length; i++) {
        const c = undecided.cookie(i);
        if (!this.inFlight(c, entry)) sent.push(this.sentFact(c.name, c.value, c));
      }
      this.addNotSentFacts(notSentByJar, entry, browserBlocked, notSent);
      return sentByJar;
    }
    // Plain loops, no callbacks: this runs for every cookie of every request. What the request carried is taken
    // out of the jar's lists; what is left in them was not sent.
    const remaining = expected.sent;
    const pairs = this.sentCookies.pairs(entry);
    for (let p = 0; p < pairs.length; p++) {
      const pair = pairs[p]!;
      const i = indexOfCookie(remaining, pair.name, pair.value);
      if (i !== -1) {
        sent.push(this.storedSentFact(pair.name, pair.value, takeAt(remaining, i)));
        continue;
      }
      // Undecided cookies (unknown site for cookies) the browser carried were sent; the others were not, for
      // the SameSite reason that alone explains it. The browser sent a cookie the model would not have: trust
      // the browser, keep the model honest. (Undecided ones are looked at first.)
      const j = undecided.indexOf(pair.name, pair.value);
      if (j !== -1) {
        sent.push(this.sentFact(pair.name, pair.value, undecided.take(j)));
        continue;
      }
      const k = notSentByJar.indexOf(pair.name, pair.value);
      if (k !== -1) {
        sent.push(this.sentFact(pair.name, pair.value, carriedAnyway(jar, notSentByJar, k, pair, entry, time)));
        continue;
      }
      // The cookie carried under another value than the jar's, where the jar held it back for SameSite or could not
      // tell (no Fetch Metadata, no Referer): the browser sent it, so the site context allowed it, and a response
      // racing this request, not SameSite, explains the value (phpMyAdmin's cookies written anew by an XHR the
      // navigation aborted). Or where the jar's copy had expired: the browser still had the cookie, written anew by a
      // response the recording does not hold (a proxy's history with gaps; --now long after the recording).
      const u = indexOfName(undecided, pair.name);
      if (u !== -1) {
        sent.push(this.sentFact(pair.name, pair.value, undecided.take(u)));
        continue;
      }
      const l = indexOfName(notSentByJar, pair.name, CARRIED_ANYWAY_REASONS);
      if (l !== -1) {
        sent.push(this.sentFact(pair.name, pair.value, carriedAnyway(jar, notSentByJar, l, pair, entry, time)));
        continue;
      }
      // The value the jar held before a response still in flight replaced it: sent as it was, not a new cookie.
      const replacedInFlight = this.indexReplacedInFlight(remaining, pair.name, entry);
      if (replacedInFlight !== -1) {
        sent.push(this.sentFact(pair.name, pair.value, takeAt(remaining, replacedInFlight)));
        continue;
      }
      const inferred = jar.observeSent(pair.name, pair.value, entry.request.url, time);
      sent.push(this.sentFact(pair.name, pair.value, inferred ?? { domain: host, path: '/' }));
    }
    // The site unknown, the browser's holding one back is what tells that the request was cross-site.
    this.addNotSentFacts(undecided, entry, browserBlocked, notSent, host, true);
    this.addNotSentFacts(notSentByJar, entry, browserBlocked, notSent, host);
    // Without credentials, none could go: only a session cookie's is told, for the rules to weigh (an API refusing
    // the call that lacked it: session-not-sent says to send credentials).
    for (let i = 0; i < remaining.length; i++) {
      const c = remaining[i]!;
      if (this.inFlight(c, entry)) continue;
      // The model says it must go, the browser did not send it: say why if the browser said, else Unknown.
      const reported = browserBlocked.length === 0 ? undefined : blockedByName(browserBlocked, c.name)?.reasons;
      if (withoutCredentials && reported === undefined && !this.isSession(c.name)) continue;
      const reason = reported?.find(isBrowserNotSentReason) ?? 'Unknown';
      notSent.push(this.notSentFact(c, reason, browserBlocked));
    }
    // (A cookie the jar learned from the request, observeSent, changed its site: nothing kept is recalled for it.)
    return sentByJar;
  }

  /**
   * The facts of the jar's verdicts, leaving out cookies whose response had not arrived yet (inFlight), and, on a
   * request to `host`, cookies no evidence puts there (elsewhereOnly).
   */
  private addNotSentFacts(
    verdicts: CookieVerdicts,
    entry: TraceEntry,
    browserBlocked: BrowserBlocked,
    into: RefilledList<NotSentCookieFact>,
    host?: string,
    siteUnknown = false,
  ): void {
    for (let i = 0; i < verdicts.length; i++) {
      const c = verdicts.cookie(i);
      if (this.inFlight(c, entry)) continue;
      const reason = verdicts.reason(i);
      if (host !== undefined && this.elsewhereOnly(c, reason, host, browserBlocked)) continue;
      into.push(this.notSentFact(c, reason, browserBlocked, siteUnknown && SAME_SITE_NOT_SENT_REASONS.has(reason)));
    }
  }

  /**
   * A cookie the jar knows only from Cookie headers at another host (inferred: host-only there, its Domain a guess),
   * held back here for want of a Domain it was never seen to have: nothing says it was for this host, so it is no
   * "not sent" of this request (RULES.md: a cookie the jar holds for the request's host), where it read Unknown on
   * every request to every other host of the site (a tracker's visitData seen at unite.nike.com: 90 requests). A
   * session cookie's is kept, for the rules to weigh (an API on another host refusing a request that lacked it), and
   * so is one the browser itself reported.
   */
  private elsewhereOnly(c: StoredCookie, reason: NotSentReason, host: string, browserBlocked: BrowserBlocked): boolean {
    return (
      reason === 'Unknown' &&
      c.origin === 'inferred' &&
      c.hostOnly &&
      c.domain !== host &&
      !this.isSession(c.name) &&
      (browserBlocked.length === 0 || blockedByName(browserBlocked, c.name) === undefined)
    );
  }

  /** The first cookie of that name whose response was still in flight when this request started; -1 when none. */
  private indexReplacedInFlight(cookies: readonly StoredCookie[], name: string, entry: TraceEntry): number {
    for (let i = 0; i < cookies.length; i++)
      if (cookies[i]!.name === name && this.inFlight(cookies[i]!, entry)) return i;
    return -1;
  }

  /** sentFact for a cookie of the jar, through the per-cookie front cache when the pair is the cookie's own. */
  private storedSentFact(name: string, value: string, cookie: StoredCookie): SentCookieFact {
    if (name !== cookie.name || value !== cookie.value) return this.sentFact(name, value, cookie);
    let fact = this.sentFactOf.get(cookie);
    if (fact === undefined) {
      fact = this.sentFact(name, value, cookie);
      this.sentFactOf.set(cookie, fact);
    }
    return fact;
  }

  private sentFact(
    name: string,
    value: string,
    where: { readonly domain: string; readonly path: string } | undefined,
  ): SentCookieFact {
    // A cookie with no known slot keys apart from any slot: '\u0000' is in no domain. The value last (FactCache).
    const parts = where ? [name, where.domain, where.path, value] : [name, '\u0000', value];
    return this.sentFacts.get(parts, () => ({
      name,
      value,
      session: this.isSession(name),
      ...(where ? { domain: where.domain, path: where.path } : {}),
    }));
  }

  /**
   * The fact for a cookie not sent, shared. No closure is written here: the parameters a closure captures live in
   * a context V8 allocates on every call, and this runs for every cookie not sent on every request (47 of the
   * 578 MB an analysis of the 100k HAR allocated). The closure is in sharedNotSentFact, called only on a miss, and
   * the browser's reports are searched by a loop (reportedBlock).
   */
  private notSentFact(
    cookie: StoredCookie,
    reason: NotSentReason,
    browserBlocked: BrowserBlocked,
    siteDeduced = false,
  ): NotSentCookieFact {
    const reported = browserBlocked.length === 0 ? undefined : reportedBlock(browserBlocked, cookie);
    // What the browser reported is rare and per request: such facts are not shared.
    if (reported) return this.makeNotSentFact(cookie, reason, reported.reasons, false);
    const last = this.notSentFactOf.get(cookie);
    if (last !== undefined && last.reason === reason && (last.siteDeduced === true) === siteDeduced) return last;
    const fact = this.sharedNotSentFact(cookie, reason, siteDeduced);
    this.notSentFactOf.set(cookie, fact);
    return fact;
  }

  private sharedNotSentFact(cookie: StoredCookie, reason: NotSentReason, siteDeduced: boolean): NotSentCookieFact {
    // An Unknown of a cookie scripts can read is a fact of its own (readableByScript), and a SameSite reason deduced
    // (siteDeduced) is one of its own too: each keyed apart by its reason part.
    const reasonKey = readableByScript(cookie, reason)
      ? SCRIPT_READABLE_UNKNOWN
      : siteDeduced
        ? `${reason}${SITE_DEDUCED}`
        : reason;
    return this.notSentFacts.get([cookie.name, cookie.domain, cookie.path, reasonKey, cookie.value], () =>
      this.makeNotSentFact(cookie, reason, undefined, siteDeduced),
    );
  }

  private makeNotSentFact(
    cookie: StoredCookie,
    reason: NotSentReason,
    browserReasons: readonly string[] | undefined,
    siteDeduced: boolean,
  ): NotSentCookieFact {
    return {
      name: cookie.name,
      value: cookie.value,
      domain: cookie.domain,
      path: cookie.path,
      reason,
      session: this.isSession(cookie.name),
      ...(browserReasons ? { browserReasons } : {}),
      ...(readableByScript(cookie, reason) ? { readableByScript: true as const } : {}),
      ...(siteDeduced ? { siteDeduced: true as const } : {}),
    };
  }
}

/** NotSentCookieFact.readableByScript: held back for no known reason, and not HttpOnly. */
function readableByScript(cookie: StoredCookie, reason: NotSentReason): boolean {
  return reason === 'Unknown' && !cookie.httpOnly;
}

/** sharedNotSentFact's reason part for such a cookie: no NotSentReason is spelled so. */
const SCRIPT_READABLE_UNKNOWN = 'Unknown\u0000script';
/** sharedNotSentFact's reason part's suffix for a SameSite reason deduced. */
const SITE_DEDUCED = '\u0000deduced';

/** The browser's report of the cookie (name, and domain and path where it gave them); a loop, no closure (above). */
function reportedBlock(blocked: BrowserBlocked, cookie: StoredCookie): BrowserBlocked[number] | undefined {
  for (let i = 0; i < blocked.length; i++) {
    const b = blocked[i]!;
    if (
      b.name === cookie.name &&
      (b.domain === undefined || b.domain.replace(/^\./, '') === cookie.domain) &&
      (b.path === undefined || b.path === cookie.path)
    )
      return b;
  }
  return undefined;
}

/** The browser's first report of a cookie of this name. */
function blockedByName(blocked: BrowserBlocked, name: string): BrowserBlocked[number] | undefined {
  for (let i = 0; i < blocked.length; i++) if (blocked[i]!.name === name) return blocked[i];
  return undefined;
}

/** The cookie named `name` with this value, else the first of that name; -1 when none. */
function indexOfCookie(cookies: readonly StoredCookie[], name: string, value: string): number {
  let byName = -1;
  for (let i = 0; i < cookies.length; i++) {
    const c = cookies[i]!;
    if (c.name !== name) continue;
    if (c.value === value) return i;
    if (byName === -1) byName = i;
  }
  return byName;
}
