/**
 * Replays a trace through the cookie jar model and the session lanes, in order, once: the single linear
 * pass every analysis rests on. It compares what the jar says a request must carry with what the request
 * really carried, applies each response's Set-Cookie lines, and follows every session cookie's IDs as a
 * lane, recording why each ID ended. It gathers facts; how an ID ends is decided by the rule that owns the
 * decision (sessionReset.ts, sessionRotated.ts, sessionBackendSwitch.ts), and the rules decide findings.
 */

import { cookieDefaultsFor } from '../cookie/browserDefaults.ts';
import { domainMatch, registrableDomain } from '../cookie/domain.ts';
import { CookieJar, type ReplayShape } from '../cookie/jar.ts';
import { parseSetCookie } from '../cookie/parseSetCookie.ts';
import { defaultPath, pathMatch } from '../cookie/path.ts';
import { isBrowserNotSentReason, type NotSentReason } from '../cookie/reasons.ts';
import { type CookieVerdicts, RequestCookies, takeAt } from '../cookie/requestCookies.ts';
import { cookieUrl } from '../cookie/storageModel.ts';
import type { RequestContext, StoredCookie, StoreOutcome } from '../cookie/types.ts';
import { isFirstSwitchOf, switchBesideEnd, switchWithoutResetOf } from '../rules/sessionBackendSwitch.ts';
import { expiryResetOf, idEndOf, resetAtRemoval } from '../rules/sessionReset.ts';
import { classifyCookieName, splitRouteSuffix } from '../session/identify.ts';
import { headerValue } from '../trace/headers.ts';
import { redirectTargetOf } from '../trace/redirects.ts';
import type { BrowserCookieReport, ResourceType, Trace, TraceEntry, TraceEvent } from '../trace/types.ts';
import { browserRejectionOf } from './browserVerdicts.ts';
import { type Comparison, ComparisonMemo } from './comparisonMemo.ts';
import { carriedCookieText, responseSetCookieLines, SentCookieReader, setCookieNameValue } from './entryCookies.ts';
import { FactCache, ListPool, RefilledList, StringPool } from './factCache.ts';
import {
  type AnalysisFacts,
  type IdChange,
  type LaneId,
  type LoggedOutAnswer,
  type LoginFact,
  type LoginSignal,
  laneKey,
  type NotSentCookieFact,
  type RequestFacts,
  type SentCookieFact,
  type SessionIdentity,
  type SessionLane,
  type SetCookieFact,
} from './facts.ts';
import { isFirstParty } from './firstParty.ts';
import { loggedOutAnswer } from './loggedOut.ts';
import { isLogoutPath, LoginDetector, loginFailed } from './loginSignals.ts';
import { type PrepassResult, TracePrepass } from './prepass.ts';
import { RequestRecords } from './requestRecord.ts';
import { HostCache } from './sessionCookies.ts';
import type { AnalysisSettings } from './settings.ts';

interface ParsedUrl {
  readonly url: URL;
  /** `url.hostname`, as the jar read it. */
  readonly host: string;
  /** "scheme://host[:port]", one string per origin of the trace (HostCache): it keys several maps per request. */
  readonly origin: string;
}

/** A login whose redirect chain is still being followed: rotation inside it counts as "at login". */
interface OpenLogin {
  readonly fact: LoginFact;
  nextUrl?: string;
}

/** Preflights never carry cookies (Fetch standard, CORS-preflight request): comparing them is noise. */
function isPreflight(entry: TraceEntry): boolean {
  return (
    entry.request.method.toUpperCase() === 'OPTIONS' &&
    headerValue(entry.request.headers, 'access-control-request-method') !== undefined
  );
}

/**
 * Whether the request's cookies are judged against the jar: what never reached a server (a preflight's cookies are
 * not sent; a cache, service-worker or internal answer sent nothing) is shown but never judged.
 */
function isJudged(entry: TraceEntry): boolean {
  return entry.offNetwork === undefined && !isPreflight(entry);
}

/** What one replay establishes: the facts, whether the input had Cookie data, the jar left at the end. */
export type ReplayedFacts = AnalysisFacts & {
  readonly cookiesRecorded: boolean;
  readonly jar: readonly StoredCookie[];
};

/** Replays a whole in-memory trace: the pre-passes over it, then one EventReplay pass. */
export class Replay {
  constructor(
    private readonly trace: Trace,
    private readonly settings: AnalysisSettings,
  ) {}

  run(): ReplayedFacts {
    const prepass = new TracePrepass(this.settings);
    for (const event of this.trace.events) prepass.feed(event);
    const replay = new EventReplay(
      this.settings,
      prepass.finish(),
      cookieDefaultsFor(this.trace.source.browser).laxByDefault,
    );
    for (const event of this.trace.events) replay.feed(event);
    return replay.facts();
  }
}

/**
 * The replay proper, fed one event at a time in trace order, so a caller can analyse a trace it never holds
 * whole (a streamed file). It needs the two answers only the whole trace gives, found beforehand by a first
 * pass (TracePrepass): the session cookie names, and whether the input recorded Cookie headers at all.
 */
export class EventReplay {
  /** The browser profile's jar; a new one for each browser run of the file (startRun). */
  private jar = new CookieJar();
  /** The browser run being replayed (TraceEntry.run); entries come run by run. */
  private run: number | undefined;
  /**
   * When the response that stored each cookie arrived (its start + duration): a request that started before then,
   * in flight beside it, could not carry it (RULES.md, "What is a request").
   */
  private readonly arrivedAt = new WeakMap<StoredCookie, number>();
  private readonly lanes = new Map<string, SessionLane>();
  private readonly requests: RequestFacts[] = [];
  private readonly logins: LoginFact[] = [];
  private readonly loggedOut: LoggedOutAnswer[] = [];
  private readonly loginDetector = new LoginDetector();
  private openLogin: OpenLogin | undefined;
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
  private readonly strings = new StringPool();
  private readonly sentCookies = new SentCookieReader();
  private readonly records = new RequestRecords();
  /** The jar's answer for the request being compared, in lists reused for every request (compareCookies). */
  private readonly expected = new RequestCookies();
  /** compareCookies' answer for the request being replayed, in lists reused for every request. */
  private readonly compared: ComparedCookies = { sent: new RefilledList(), notSent: new RefilledList() };
  private readonly origins = new HostCache();
  private readonly comparisons = new ComparisonMemo();
  /**
   * Per site, when the last response that stored one of its cookies arrived: a request to the site starting
   * before then may race it (inFlight).
   */
  private readonly lastArrival = new Map<string, number>();
  /** The clock at the last event: what "now" is for the jar left at the end of the recording. */
  private lastTime: number | undefined;

  /** The identity of each session cookie name; the names are fixed for a replay, the identities may grow. */
  private sessionNames: ReadonlyMap<string, SessionIdentity>;
  private readonly cookiesRecorded: boolean;
  private readonly firstPartySites: ReadonlySet<string>;

  constructor(
    private readonly settings: AnalysisSettings,
    prepass: PrepassResult,
    /** The recording browser treats a cookie without SameSite as Lax (cookie/browserDefaults.ts). */
    private readonly laxByDefault = true,
    /**
     * 'pooled' when the entries are read and dropped (a streamed file): the facts are all that is left of them,
     * and a long recording asks for the same URLs again and again (polling, a page's assets on every load: a
     * third of the 1 GiB benchmark's URLs). 'as-read' when the trace holds its entries anyway: pooling would
     * only cost (~3 % of the 100k benchmark's analysis).
     */
    private readonly urls: 'pooled' | 'as-read' = 'as-read',
  ) {
    this.sessionNames = prepass.sessionNames;
    this.cookiesRecorded = prepass.cookiesRecorded;
    this.firstPartySites = prepass.firstPartySites;
  }

  /** The next event, in trace order. */
  feed(event: TraceEvent): void {
    this.apply(event);
  }

  /**
   * The identities of the same session cookie names, as more of the trace decided them (a name's evidence and
   * confidence may grow; the set of names may not: that is a new replay). Lanes show the latest (facts()).
   */
  useIdentities(sessionNames: ReadonlyMap<string, SessionIdentity>): void {
    if (!sameKeys(sessionNames, this.sessionNames)) throw new Error('a replay keeps its session cookie names');
    this.sessionNames = sessionNames;
  }

  /**
   * The facts of the events fed so far, as if the trace ended here; the replay may go on being fed. What the
   * replay goes on changing (lanes, logins) is copied, so the facts handed over stay as they were.
   */
  facts(): ReplayedFacts {
    const end = this.settings.now ?? this.lastTime;
    const lanes = [...this.lanes.values()].map((lane) => this.laneSoFar(lane));
    const byKey = new Map(lanes.map((lane) => [lane.key, lane]));
    const logins = this.logins.map((login) =>
      login === this.openLogin?.fact ? closedLogin(login, byKey) : copyLogin(login),
    );
    return {
      // The cookies the browser held when the recording ended, expired ones left out (the panel's jar view).
      jar: this.jar.all(end),
      requests: this.requests.slice(),
      lanes,
      logins,
      loggedOut: this.loggedOut.slice(),
      sessionCookieNames: new Map([...this.sessionNames].map(([name, identity]) => [name, identity.evidence[0] ?? ''])),
      sessionIdentities: this.sessionNames,
      firstPartySites: this.firstPartySites,
      cookiesRecorded: this.cookiesRecorded,
    };
  }

  /**
   * The request URL, parsed by the jar's cookieUrl(): http(s) and ws(s) URLs (which always have a host) are the
   * ones cookies apply to, and the jar, asked next about the same URL, gets its last answer instead of a
   * second parse. Its origin is `${protocol}//${host}` of that parse, which is the URL's origin for these
   * schemes: HostCache gives it without building it again for each request.
   */
  private parseUrl(text: string): ParsedUrl | undefined {
    const target = cookieUrl(text);
    if (target === undefined) return undefined;
    return { url: target.url, host: target.host, origin: this.origins.originOf(text) };
  }

  /** A copy of the lane as it is now, with its cookie's latest identity. */
  private laneSoFar(lane: SessionLane): SessionLane {
    const identity = this.sessionNames.get(lane.cookie);
    return {
      ...lane,
      ...(identity
        ? { identifiedBy: identity.evidence.join('; '), confidence: identity.confidence, evidence: identity.evidence }
        : {}),
      ids: lane.ids.map((id) => ({ ...id, incidents: id.incidents.slice() })),
      backendSwitches: lane.backendSwitches.slice(),
    };
  }

  private isSession(name: string): boolean {
    return this.sessionNames.has(name);
  }

  private apply(event: TraceEvent): void {
    const time = event.kind === 'entry' ? event.entry.startedAt : event.time;
    if (Number.isFinite(time)) this.lastTime = Math.max(this.lastTime ?? time, time);
    switch (event.kind) {
      case 'entry':
        this.applyEntry(event.entry);
        return;
      case 'cookie-changed':
        this.applyCookieEvent(event);
        return;
      case 'navigation':
        return;
    }
  }

  private applyCookieEvent(event: Extract<TraceEvent, { kind: 'cookie-changed' }>): void {
    const c = event.cookie;
    const domain = c.domain.replace(/^\./, '').toLowerCase();
    const lane = this.lanes.get(laneKey(domain, c.path, c.name));
    const current = lane && currentId(lane);
    if (event.removed && current && current.id === c.value && this.jar.get(c.name, domain, c.path)) {
      // A removal the Set-Cookie lines did not explain: script, another extension, eviction or expiry.
      const end = resetAtRemoval(event.cause, current.lastEntry);
      if (end) current.end = end;
    }
    this.jar.upsertFromEvent(c, event.time, event.removed, event.cause);
  }

  private laneFor(cookie: { name: string; domain: string; path: string }, origin: string): SessionLane {
    const key = laneKey(cookie.domain, cookie.path, cookie.name);
    let lane = this.lanes.get(key);
    if (!lane) {
      const identity = this.sessionNames.get(cookie.name) ?? UNKNOWN_IDENTITY;
      lane = {
        key,
        cookie: cookie.name,
        domain: cookie.domain,
        path: cookie.path,
        origin,
        identifiedBy: identity.evidence.join('; '),
        confidence: identity.confidence,
        evidence: identity.evidence,
        // RULES.md: a cookie of a host outside the inspected site is a third-party session, listed apart.
        thirdParty: !isFirstParty(cookie.domain, this.firstPartySites),
        ids: [],
        backendSwitches: [],
      };
      this.lanes.set(key, lane);
    }
    return lane;
  }

  private applyEntry(entry: TraceEntry): void {
    if (entry.run !== this.run) this.startRun(entry);
    const parsed = this.parseUrl(entry.request.url);
    // `--now` is the clock for expiry decisions on requests (CLI.md); cookies are still stored at the moment the
    // response arrived, so Max-Age counts from then and a cookie is not "born expired".
    const time = this.settings.now ?? entry.startedAt;
    const request: RequestShape = {
      entry: entry.index,
      time: entry.startedAt,
      method: this.strings.intern(entry.request.method),
      url: this.urls === 'pooled' ? this.strings.intern(entry.request.url) : entry.request.url,
      resourceType: entry.request.resourceType ?? 'other',
      status: entry.response?.status,
      referer: headerValue(entry.request.headers, 'referer'),
    };
    if (request.referer !== undefined) request.referer = this.strings.intern(request.referer);
    if (!parsed) {
      // Not an http(s) URL (data:, blob:, chrome-extension:…): cookies do not apply.
      this.requests.push(
        requestFacts(this.records, request, '', '', NO_SENT, NO_NOT_SENT, NO_SET_COOKIES, undefined, false),
      );
      return;
    }
    this.followLogin(entry);
    const answer = loggedOutAnswer(entry, parsed.url);
    if (answer) this.loggedOut.push(answer);
    // A login that visibly failed (an error status, the login form again) is no login (RULES.md, session-fixation).
    const signal = this.loginDetector.detect(entry, parsed.origin);
    const login = signal !== undefined && !loginFailed(entry) ? signal : undefined;
    const logout = isLogoutPath(parsed.url.pathname);
    const { sent, notSent } = this.sentAndNotSent(entry, parsed, time);

    // Lanes whose current ID this request carried (and their affinity, for backend switches). Made only for a
    // request that carried a session cookie: most requests share the empty one. (Indexed loops here and below:
    // a for-of over these lists allocated an iterator result per cookie of every request.)
    let carried: Map<string, string> = NOTHING_CARRIED;
    for (let i = 0; i < sent.length; i++) {
      const s = sent[i]!;
      if (!s.session || s.domain === undefined || s.path === undefined) continue;
      if (carried === NOTHING_CARRIED) carried = new Map();
      const lane = this.laneFor({ name: s.name, domain: s.domain, path: s.path }, parsed.origin);
      const current = currentId(lane);
      if (!current || current.end || current.id !== s.value) {
        this.startId(lane, s.value, entry.index, 'carried');
      }
      const id = currentId(lane)!;
      id.lastEntry = entry.index;
      id.carriedCount++;
      carried.set(lane.key, s.value);
    }
    // Client-side expiry ends an ID at the first request that would have carried it.
    for (let i = 0; i < notSent.length; i++) {
      const n = notSent[i]!;
      const end = n.session ? expiryResetOf(n, entry.index) : undefined;
      if (!end) continue;
      const lane = this.lanes.get(laneKey(n.domain, n.path, n.name));
      const current = lane && currentId(lane);
      if (current && current.id === n.value) current.end = end;
    }

    if (login) {
      this.closeLogin();
      const fact: LoginFact = {
        entry: entry.index,
        signal: login,
        origin: parsed.origin,
        chain: [],
        lanes: [...carried].map(([laneKey, before]) => ({ laneKey, before })),
      };
      this.logins.push(fact);
      const next = redirectTargetOf(entry);
      this.openLogin = next ? { fact, nextUrl: next } : { fact };
    }

    const setCookies = this.applySetCookies(entry, parsed, {
      carried,
      notSent,
      sent,
      login: this.openLogin ? this.openLogin.fact.signal : undefined,
      loginEntry: this.openLogin ? this.openLogin.fact.entry : undefined,
      logout,
    });
    this.requests.push(
      requestFacts(
        this.records,
        request,
        this.strings.intern(parsed.origin),
        this.strings.intern(parsed.host),
        sent,
        notSent,
        exactly(setCookies, NO_SET_COOKIES),
        login,
        logout,
      ),
    );
    if (this.openLogin && !this.openLogin.nextUrl) this.closeLogin();
  }

  /**
   * A new browser run (RULES.md: a file holding several runs is several jars): a fresh jar, and the IDs the last
   * run left open end unseen (no finding: the next run's browser never had them).
   */
  private startRun(entry: TraceEntry): void {
    const first = this.run === undefined && this.requests.length === 0;
    this.run = entry.run;
    if (first) return;
    this.closeLogin();
    this.jar = new CookieJar();
    for (const lane of this.lanes.values()) {
      const current = currentId(lane);
      if (current && !current.end) current.end = { kind: 'replaced-unseen', entry: entry.index };
    }
  }

  /** The cookie's response had not arrived when this entry's request started: it was not in the jar yet. */
  private inFlight(cookie: StoredCookie, entry: TraceEntry): boolean {
    const arrived = this.arrivedAt.get(cookie);
    return arrived !== undefined && arrived > entry.startedAt;
  }

  /** Keeps a login open while its redirect chain is followed; closes it (and checks fixation) after. */
  private followLogin(entry: TraceEntry): void {
    const open = this.openLogin;
    if (!open) return;
    if (open.nextUrl !== undefined && sameUrl(open.nextUrl, entry.request.url)) {
      open.fact.chain.push(entry.index);
      const next = redirectTargetOf(entry);
      if (next) open.nextUrl = next;
      else delete open.nextUrl;
      return;
    }
    this.closeLogin();
  }

  private closeLogin(): void {
    const open = this.openLogin;
    if (!open) return;
    this.openLogin = undefined;
    noteLanesAfterLogin(open.fact, this.lanes);
  }

  /**
   * The request's sent and not-sent facts, as shared lists (factCache.ts ListPool): what the request's facts keep
   * and what the lanes are told. Recalled when the replay compared a request of the same shape on the same jar
   * carrying the same cookies (comparisonMemo.ts), else compared into this replay's own lists and shared.
   */
  private sentAndNotSent(entry: TraceEntry, parsed: ParsedUrl, time: number): Comparison {
    const ctx = this.requestContext(entry, time);
    const shape = this.canRecall(entry) ? this.jar.replayShape(ctx) : undefined;
    const carried = shape !== undefined && this.settled(entry, shape) ? carriedCookieText(entry) : undefined;
    if (shape !== undefined && carried !== undefined) {
      const recalled = this.comparisons.recall(shape, carried);
      if (recalled !== undefined) {
        this.jar.touch(recalled.sentByJar, time);
        return recalled;
      }
    }
    const compared = this.compared;
    const sentByJar = this.compareCookies(entry, parsed, ctx, compared);
    const comparison = {
      sent: this.sentLists.shareRefilled(compared.sent),
      notSent: this.notSentLists.shareRefilled(compared.notSent),
    };
    if (shape !== undefined && carried !== undefined && sentByJar !== undefined) {
      this.comparisons.remember(shape, carried, comparison, sentByJar);
    }
    return comparison;
  }

  /**
   * Whether the request's comparison may be kept or recalled: it reached a server (not a preflight nor answered
   * off the network), and the browser reported no cookie of it blocked (facts of their own).
   */
  private canRecall(entry: TraceEntry): boolean {
    return isJudged(entry) && (entry.browserReport?.blockedRequestCookies?.length ?? 0) === 0;
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
   * `into`. Gives back the cookies the jar sent, for a comparison that may be kept (sentAndNotSent); undefined
   * for a request that is never judged.
   */
  private compareCookies(
    entry: TraceEntry,
    parsed: ParsedUrl,
    ctx: RequestContext,
    into: ComparedCookies,
  ): readonly StoredCookie[] | undefined {
    const time = ctx.time;
    // Only names, values, domains and paths are read from the answer: the copy-free variant, into this replay's
    // own lists (read and emptied here, before the next request).
    const expected = this.expected;
    this.jar.cookiesForReplay(ctx, expected);
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
        sent.push(this.sentFact(pair.name, pair.value, notSentByJar.take(k)));
        continue;
      }
      // The value the jar held before a response still in flight replaced it: sent as it was, not a new cookie.
      const replacedInFlight = this.indexReplacedInFlight(remaining, pair.name, entry);
      if (replacedInFlight !== -1) {
        sent.push(this.sentFact(pair.name, pair.value, takeAt(remaining, replacedInFlight)));
        continue;
      }
      const inferred = this.jar.observeSent(pair.name, pair.value, entry.request.url, time);
      sent.push(this.sentFact(pair.name, pair.value, inferred ?? { domain: parsed.host, path: '/' }));
    }
    this.addNotSentFacts(undecided, entry, browserBlocked, notSent);
    this.addNotSentFacts(notSentByJar, entry, browserBlocked, notSent);
    for (let i = 0; i < remaining.length; i++) {
      const c = remaining[i]!;
      if (this.inFlight(c, entry)) continue;
      // The model says it must go, the browser did not send it: say why if the browser said, else Unknown.
      const reported = browserBlocked.length === 0 ? undefined : blockedByName(browserBlocked, c.name)?.reasons;
      const reason = reported?.find(isBrowserNotSentReason) ?? 'Unknown';
      notSent.push(this.notSentFact(c, reason, browserBlocked));
    }
    // (A cookie the jar learned from the request, observeSent, changed its site: nothing kept is recalled for it.)
    return sentByJar;
  }

  /** The facts of the jar's verdicts, leaving out cookies whose response had not arrived yet (inFlight). */
  private addNotSentFacts(
    verdicts: CookieVerdicts,
    entry: TraceEntry,
    browserBlocked: BrowserBlocked,
    into: RefilledList<NotSentCookieFact>,
  ): void {
    for (let i = 0; i < verdicts.length; i++) {
      const c = verdicts.cookie(i);
      if (!this.inFlight(c, entry)) into.push(this.notSentFact(c, verdicts.reason(i), browserBlocked));
    }
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
  private notSentFact(cookie: StoredCookie, reason: NotSentReason, browserBlocked: BrowserBlocked): NotSentCookieFact {
    const reported = browserBlocked.length === 0 ? undefined : reportedBlock(browserBlocked, cookie);
    // What the browser reported is rare and per request: such facts are not shared.
    if (reported) return this.makeNotSentFact(cookie, reason, reported.reasons);
    const last = this.notSentFactOf.get(cookie);
    if (last !== undefined && last.reason === reason) return last;
    const fact = this.sharedNotSentFact(cookie, reason);
    this.notSentFactOf.set(cookie, fact);
    return fact;
  }

  private sharedNotSentFact(cookie: StoredCookie, reason: NotSentReason): NotSentCookieFact {
    return this.notSentFacts.get([cookie.name, cookie.domain, cookie.path, reason, cookie.value], () =>
      this.makeNotSentFact(cookie, reason, undefined),
    );
  }

  private makeNotSentFact(
    cookie: StoredCookie,
    reason: NotSentReason,
    browserReasons: readonly string[] | undefined,
  ): NotSentCookieFact {
    return {
      name: cookie.name,
      value: cookie.value,
      domain: cookie.domain,
      path: cookie.path,
      reason,
      session: this.isSession(cookie.name),
      ...(browserReasons ? { browserReasons } : {}),
    };
  }

  private startId(lane: SessionLane, value: string, entry: number, source: LaneId['source']): LaneId {
    const previous = currentId(lane);
    if (previous && !previous.end) previous.end = { kind: 'replaced-unseen', entry };
    const { route } = splitRouteSuffix(lane.cookie, value);
    const id: LaneId = {
      id: value,
      firstEntry: entry,
      lastEntry: entry,
      source,
      carriedCount: 0,
      incidents: [],
      ...(route ? { route } : {}),
    };
    lane.ids.push(id);
    return id;
  }

  /** Finds the lane a Set-Cookie line speaks to: its exact slot, else a live lane of that name for this host. */
  private laneForSetCookie(name: string, domain: string | undefined, path: string | undefined, parsed: ParsedUrl) {
    const host = parsed.host;
    const exact = this.lanes.get(laneKey(domain ?? host, path ?? defaultPath(parsed.url), name));
    if (exact) return exact;
    let best: SessionLane | undefined;
    for (const lane of this.lanes.values()) {
      if (lane.cookie !== name || !domainMatch(host, lane.domain)) continue;
      if (!pathMatch(parsed.url.pathname, lane.path)) continue;
      if (!best || lane.path.length > best.path.length) best = lane;
    }
    return best;
  }

  private applySetCookies(entry: TraceEntry, parsed: ParsedUrl, ctx: LaneChangeContext): SetCookieFact[] {
    const lines = responseSetCookieLines(entry);
    if (lines.length === 0) {
      // Nothing set: no lane changes; only a backend switch the request's own cookies show.
      this.noteBackendSwitchWithoutReset(entry, ctx.carried, ctx.sent, NOTHING_SET);
      return [];
    }
    const facts: SetCookieFact[] = [];
    /** Per lane, what this response did to it: issued a new value, deleted it. Decided once per lane. */
    const effects = new Map<SessionLane, { issued?: string; stored?: StoredCookie; deleted: boolean }>();
    const affinitySet = new Map<string, string>();
    for (const line of lines) {
      const outcome = this.storeSetCookie(entry, line);
      if (outcome.kind === 'stored' && entry.duration !== undefined && entry.duration > 0) {
        const arrival = entry.startedAt + entry.duration;
        this.arrivedAt.set(outcome.cookie, arrival);
        // The site's bucket of the jar, which a request's comparison reads (CookieJar.replayShape's site).
        const site = registrableDomain(outcome.cookie.domain);
        if (arrival > (this.lastArrival.get(site) ?? Number.NEGATIVE_INFINITY)) this.lastArrival.set(site, arrival);
      }
      const parsedLine = outcome.kind === 'rejected' ? (outcome.parsed ?? tryParse(line)) : undefined;
      const cookie =
        outcome.kind === 'stored' ? outcome.cookie : outcome.kind === 'deleted' ? outcome.parsed : parsedLine;
      // A line the parser refused still names its cookie: `sid=<5000 bytes>` is a rejected *session* cookie.
      const rough = cookie ? undefined : setCookieNameValue(line);
      const name = cookie?.name ?? rough?.name ?? '';
      const value = cookie?.value ?? rough?.value ?? '';
      const session = name !== '' && this.isSession(name);
      // Attribute rules need the attributes of stored session cookies too; other stored lines skip a re-parse.
      const attributes =
        outcome.kind === 'deleted' ? outcome.parsed : (parsedLine ?? (session ? tryParse(line) : undefined));
      facts.push({ line, outcome, name, value, session, ...(attributes ? { parsed: attributes } : {}) });
      if (cookie && classifyCookieName(name).kind === 'affinity') affinitySet.set(name, value);
      if (!session || !cookie) continue;
      if (outcome.kind === 'stored') {
        const lane = this.laneFor(outcome.cookie, parsed.origin);
        const effect = effects.get(lane) ?? { deleted: false };
        effect.issued = outcome.cookie.value;
        effect.stored = outcome.cookie;
        effects.set(lane, effect);
      } else if (outcome.kind === 'deleted') {
        const removed = outcome.removed;
        const lane = removed
          ? this.lanes.get(laneKey(removed.domain, removed.path, removed.name))
          : this.laneForSetCookie(name, outcome.parsed.domain, outcome.parsed.path, parsed);
        if (!lane || !removed) continue;
        const effect = effects.get(lane) ?? { deleted: false };
        effect.deleted = true;
        effects.set(lane, effect);
      } else if (parsedLine && value !== '') {
        // Rejected by the browser, yet the server issued a new ID: that is what tells a reset.
        const lane = this.laneForSetCookie(name, parsedLine.domain, parsedLine.path, parsed);
        if (!lane) continue;
        const effect = effects.get(lane) ?? { deleted: false };
        effect.issued = value;
        effects.set(lane, effect);
      }
    }
    for (const [lane, effect] of effects) this.decideLaneChange(lane, effect, entry, parsed, ctx, affinitySet);
    this.noteBackendSwitchWithoutReset(entry, ctx.carried, ctx.sent, affinitySet);
    return facts;
  }

  /**
   * One Set-Cookie line into the jar, in the response's site context; a line the browser reported refusing
   * is not stored, and gets the browser's reason unless the model's own is among those it gave.
   */
  private storeSetCookie(entry: TraceEntry, line: string): StoreOutcome {
    const context = {
      ...(entry.request.siteContext !== undefined ? { siteContext: entry.request.siteContext.kind } : {}),
      isTopLevelNavigation: entry.request.resourceType === 'document',
      ...(this.laxByDefault ? {} : { laxByDefault: false }),
    };
    const refused = browserRejectionOf(entry, line);
    if (refused === undefined || refused.length === 0) {
      return this.jar.setCookie(line, entry.request.url, entry.startedAt, { entry: entry.index, context });
    }
    const model = this.jar.probeSetCookie(line, entry.request.url, entry.startedAt, { entry: entry.index, context });
    if (model.kind === 'rejected' && refused.includes(model.reason)) return model;
    const parsed = model.kind === 'rejected' ? model.parsed : (tryParse(line) ?? undefined);
    return {
      kind: 'rejected',
      reason: refused[0]!,
      detail: 'The browser reported not storing it.',
      raw: line,
      ...(parsed ? { parsed } : {}),
    };
  }

  private decideLaneChange(
    lane: SessionLane,
    effect: { issued?: string; stored?: StoredCookie; deleted: boolean },
    entry: TraceEntry,
    parsed: ParsedUrl,
    ctx: LaneChangeContext,
    affinitySet: Map<string, string>,
  ): void {
    const current = currentId(lane);
    const live = current && !current.end ? current : undefined;
    const issued = effect.issued;
    if (issued === undefined || issued === '') {
      if (effect.deleted && live) live.end = idEndOf(this.idChange(lane, live, undefined, entry, ctx, affinitySet));
      return;
    }
    if (live && live.id === issued) return; // the same ID re-sent (expiry refreshed): no change
    // How the held ID ended is the lifecycle rules' decision (sessionReset.ts idEndOf); a rotation that also moved
    // back-end is recorded on the lane as a switch within the session (sessionBackendSwitch.ts).
    const change = live && this.idChange(lane, live, issued, entry, ctx, affinitySet);
    const end = change && idEndOf(change);
    const laneSwitch = change && end && switchBesideEnd(end, change);
    if (laneSwitch) lane.backendSwitches.push(laneSwitch);
    if (!effect.stored) {
      // The browser rejected the new cookie: the server moved on, the client keeps its old ID.
      if (live && end) live.incidents.push(end);
      return;
    }
    if (live && end) live.end = end;
    // Only the stored cookie's own slot gets the new ID (it may differ from the lane matched by name).
    const target = this.laneFor(effect.stored, parsed.origin);
    this.startId(target, issued, entry.index, 'set-cookie');
  }

  /** What this response did to the lane's live ID, as the facts the lifecycle rules decide from. */
  private idChange(
    lane: SessionLane,
    live: LaneId,
    issued: string | undefined,
    entry: TraceEntry,
    ctx: LaneChangeContext,
    affinitySet: Map<string, string>,
  ): IdChange {
    const notSent = ctx.notSent.find((n) => n.name === lane.cookie && n.value === live.id);
    return {
      entry: entry.index,
      cookie: lane.cookie,
      held: live,
      ...(issued !== undefined ? { issued } : {}),
      carried: ctx.carried.get(lane.key) === live.id,
      ...(notSent ? { notSent } : {}),
      ...(ctx.login !== undefined && ctx.loginEntry !== undefined
        ? { login: { signal: ctx.login, entry: ctx.loginEntry } }
        : {}),
      logout: ctx.logout,
      sent: ctx.sent,
      affinitySet,
    };
  }

  private noteBackendSwitchWithoutReset(
    entry: TraceEntry,
    carried: Map<string, string>,
    sent: readonly SentCookieFact[],
    affinitySet: Map<string, string>,
  ): void {
    const found = switchWithoutResetOf(entry.index, sent, affinitySet);
    if (!found) return;
    for (const key of carried.keys()) {
      const lane = this.lanes.get(key);
      const current = lane && currentId(lane);
      // A lane whose ID this response replaced is told by the reset (with its backend switch), not here.
      if (!lane || !current || current.end || current.id !== carried.get(key)) continue;
      if (isFirstSwitchOf(current, lane.backendSwitches)) lane.backendSwitches.push({ ...found });
    }
  }
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** What a request carried and what it did not, as compareCookies finds it (lists reused request after request). */
interface ComparedCookies {
  readonly sent: RefilledList<SentCookieFact>;
  readonly notSent: RefilledList<NotSentCookieFact>;
}

/** The cookies the browser reported not sending on the request (empty when it reported none). */
type BrowserBlocked = NonNullable<BrowserCookieReport['blockedRequestCookies']>;

/** What applySetCookies knows of the request, for deciding what its response did to each lane. */
interface LaneChangeContext {
  readonly carried: Map<string, string>;
  readonly notSent: readonly NotSentCookieFact[];
  readonly sent: readonly SentCookieFact[];
  readonly login: LoginSignal | undefined;
  /** The entry of the open login, while its redirect chain is followed. */
  readonly loginEntry: number | undefined;
  readonly logout: boolean;
}

/** What a request's facts start from, before the cookies are compared. */
interface RequestShape {
  readonly entry: number;
  readonly time: number;
  readonly method: string;
  readonly url: string;
  readonly resourceType: ResourceType;
  readonly status: number | undefined;
  referer: string | undefined;
}

/** A lane opened for a cookie the identification did not name (cannot happen for session facts; kept total). */
const UNKNOWN_IDENTITY: SessionIdentity = { confidence: 'possible', evidence: ['session cookie'], against: [] };

const NO_SENT: readonly SentCookieFact[] = Object.freeze([]);
/** Shared by the requests that carried no session cookie, and the responses that set no affinity cookie: never written. */
const NOTHING_CARRIED: Map<string, string> = new Map();
const NOTHING_SET: Map<string, string> = new Map();
const NO_NOT_SENT: readonly NotSentCookieFact[] = Object.freeze([]);
const NO_SET_COOKIES: readonly SetCookieFact[] = Object.freeze([]);

/** One request's facts, kept for every request of the trace: a small record over a shared place (requestRecord.ts). */
function requestFacts(
  records: RequestRecords,
  r: RequestShape,
  origin: string,
  host: string,
  sent: readonly SentCookieFact[],
  notSent: readonly NotSentCookieFact[],
  setCookies: readonly SetCookieFact[],
  login: LoginSignal | undefined,
  logout: boolean,
): RequestFacts {
  const { method, resourceType, status, referer } = r;
  const place = { method, resourceType, status, origin, host, login, logout };
  return records.record(r.entry, r.time, r.url, referer, place, sent, notSent, setCookies);
}

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

/** An array grown by push keeps spare room (half again its length, plus 16): kept for every request, trim it. */
function exactly<T>(items: readonly T[], empty: readonly T[]): readonly T[] {
  return items.length === 0 ? empty : items.slice();
}

/** Each lane the login carried: the ID it holds once the login (and its redirect chain) is over. */
function noteLanesAfterLogin(login: LoginFact, lanes: ReadonlyMap<string, SessionLane>): void {
  for (const l of login.lanes) {
    const lane = lanes.get(l.laneKey);
    const current = lane && currentId(lane);
    if (current) {
      l.after = current.id;
      l.afterEntry = current.firstEntry;
    }
  }
}

function copyLogin(login: LoginFact): LoginFact {
  return { ...login, chain: login.chain.slice(), lanes: login.lanes.map((l) => ({ ...l })) };
}

/** A copy of the login still open, closed as the end of the trace would close it. */
function closedLogin(login: LoginFact, lanes: ReadonlyMap<string, SessionLane>): LoginFact {
  const copy = copyLogin(login);
  noteLanesAfterLogin(copy, lanes);
  return copy;
}

function sameKeys(a: ReadonlyMap<string, unknown>, b: ReadonlyMap<string, unknown>): boolean {
  if (a.size !== b.size) return false;
  for (const key of a.keys()) if (!b.has(key)) return false;
  return true;
}

/** The lane's latest ID; it may have ended (`end` set) with no successor yet. */
function currentId(lane: SessionLane): LaneId | undefined {
  return lane.ids[lane.ids.length - 1];
}

function tryParse(line: string) {
  const r = parseSetCookie(line);
  return r.ok ? r.cookie : undefined;
}

function sameUrl(a: string, b: string): boolean {
  try {
    return new URL(a).href === new URL(b).href;
  } catch {
    return a === b;
  }
}
