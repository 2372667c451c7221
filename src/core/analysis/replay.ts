/**
 * Replays a trace through the cookie jar model and the session lanes, in order, once: the single linear
 * pass every analysis rests on. For each request it compares what the jar says the request must carry with what
 * it really carried (cookieComparison.ts), tells the session lanes what was carried and what its response set
 * (sessionLanes.ts), follows logins through their redirects (loginChains.ts), and applies the response's
 * Set-Cookie lines to the jar. It gathers facts; how an ID ends is decided by the rule that owns the decision
 * (sessionReset.ts, sessionRotated.ts, sessionBackendSwitch.ts), and the rules decide findings.
 */

import { cookieDefaultsFor, type JarDefaults, lifetimeCapMs, TODAYS_JAR_DEFAULTS } from '../cookie/browserDefaults.ts';
import { CookieJar } from '../cookie/jar.ts';
import { parseSetCookie } from '../cookie/parseSetCookie.ts';
import { cookieUrl } from '../cookie/storageModel.ts';
import type { StoredCookie, StoreOutcome } from '../cookie/types.ts';
import { basicCredentialTexts, holdsBasicCredentials } from '../session/credentialsInCookie.ts';
import { classifyCookieName } from '../session/identify.ts';
import { responseArrivedAt } from '../trace/arrival.ts';
import { headerValue } from '../trace/headers.ts';
import type { ResourceType, Trace, TraceEntry, TraceEvent } from '../trace/types.ts';
import { browserRejectionOf } from './browserVerdicts.ts';
import { clearsSiteCookies } from './clearSiteData.ts';
import { CookieComparison, NO_NOT_SENT, NO_SENT } from './cookieComparison.ts';
import { carriedCookieText, responseSetCookieLines, setCookieNameValue } from './entryCookies.ts';
import { StringPool } from './factCache.ts';
import {
  type AnalysisFacts,
  type CredentialCookieFact,
  type LoggedOutAnswer,
  type LoginFact,
  type LoginSignal,
  laneKey,
  type MaskedCookie,
  type NotSentCookieFact,
  type RequestFacts,
  type SentCookieFact,
  type SessionIdentity,
  type SetCookieFact,
} from './facts.ts';
import { loggedOutAnswer } from './loggedOut.ts';
import { LoginChains } from './loginChains.ts';
import { choosesPassword, isLogoutAt, loginFailed } from './loginSignals.ts';
import { PageNames } from './pageNames.ts';
import { type PrepassResult, TracePrepass } from './prepass.ts';
import { RequestRecords } from './requestRecord.ts';
import { HostCache } from './sessionCookies.ts';
import { type LaneUrl, SessionLanes } from './sessionLanes.ts';
import type { AnalysisSettings } from './settings.ts';

/** What one replay establishes: the facts, whether the input had Cookie data, the jar left at the end. */
export type ReplayedFacts = AnalysisFacts & {
  readonly cookiesRecorded: boolean;
  /** The pages where a new browser was read from the traffic (startsAfresh); absent when none. */
  readonly freshBrowsers?: readonly number[];
  readonly maskedCookie?: MaskedCookie;
  readonly jar: readonly StoredCookie[];
};

/** An empty jar that stores as the recording browser did: its lifetime cap, Strict Secure Cookies and SameSite or not. */
function jarFor(defaults: JarDefaults): CookieJar {
  return new CookieJar(lifetimeCapMs(defaults), {
    strictSecure: defaults.acceptsSecureFromHttp !== true,
    knowsSameSite: defaults.ignoresSameSite !== true,
  });
}

/** Without a request this long, the next may come from another browser (a proxy's history of several days). */
const NEW_BROWSER_GAP_MS = 60 * 60 * 1000;

/** Replays a whole in-memory trace: the pre-passes over it, then one EventReplay pass. */
export class Replay {
  constructor(
    private readonly trace: Trace,
    private readonly settings: AnalysisSettings,
  ) {}

  run(): ReplayedFacts {
    const prepass = new TracePrepass(this.settings);
    for (const event of this.trace.events) prepass.feed(event);
    const replay = new EventReplay(this.settings, prepass.finish(), cookieDefaultsFor(this.trace.source.browser));
    for (const event of this.trace.events) replay.feed(event);
    const facts = replay.facts();
    // Hashes for values (a redacted export read again): said to the rules that would judge them.
    return this.trace.source.valuesRedacted ? { ...facts, valuesRedacted: true } : facts;
  }
}

/**
 * The replay proper, fed one event at a time in trace order, so a caller can analyse a trace it never holds
 * whole (a streamed file). It needs the two answers only the whole trace gives, found beforehand by a first
 * pass (TracePrepass): the session cookie names, and whether the input recorded Cookie headers at all.
 */
export class EventReplay {
  /** The browser profile's jar; a new one for each browser run of the file (startRun). */
  private jar: CookieJar;
  /** The browser run being replayed (TraceEntry.run); entries come run by run. */
  private run: number | undefined;
  private readonly comparison: CookieComparison;
  private readonly lanes: SessionLanes;
  private readonly logins = new LoginChains();
  private readonly requests: RequestFacts[] = [];
  private readonly loggedOut: LoggedOutAnswer[] = [];
  /** The pages where a new browser was read from the traffic (startsAfresh). */
  private readonly freshBrowsers: number[] = [];
  /** The pages that offer a logout to a request that carried a session cookie, with their origins. */
  private readonly logoutPages = new Map<number, string>();
  /**
   * By origin, whether a visitor's page (a login form, or a page to a request without a session cookie) offered a
   * logout: where one did, the site shows its logout link to anyone (a demo's menu), and it tells nobody signed in.
   */
  private readonly visitorsOfferedLogout = new Map<string, boolean>();
  private readonly pageNames = new PageNames();
  private readonly credentialCookies: CredentialCookieFact[] = [];
  private readonly loginAttempts: number[] = [];
  private readonly passwordChosen = new Set<number>();
  private readonly strings = new StringPool();
  private readonly records = new RequestRecords();
  private readonly origins = new HostCache();
  /** The clock at the last event: what "now" is for the jar left at the end of the recording. */
  private lastTime: number | undefined;

  /** The identity of each session cookie name; the names are fixed for a replay, the identities may grow. */
  private sessionNames: ReadonlyMap<string, SessionIdentity>;
  private readonly cookiesRecorded: boolean;
  private readonly maskedCookie: MaskedCookie | undefined;
  private readonly firstPartySites: ReadonlySet<string>;
  private readonly loginSignals: ReadonlyMap<number, LoginSignal>;
  private readonly basicCredentials: ReadonlyMap<number, string>;
  private readonly confirmedLogins: ReadonlySet<number>;

  constructor(
    private readonly settings: AnalysisSettings,
    prepass: PrepassResult,
    /**
     * The recording browser's cookie defaults: Lax by default, the lifetime cap, third parties' cookies
     * (cookie/browserDefaults.ts).
     */
    private readonly cookieDefaults: JarDefaults = TODAYS_JAR_DEFAULTS,
    /**
     * 'pooled' when the entries are read and dropped (a streamed file): the facts are all that is left of them,
     * and a long recording asks for the same URLs again and again (polling, a page's assets on every load: a
     * third of the 1 GiB benchmark's URLs). 'as-read' when the trace holds its entries anyway: pooling would
     * only cost (~3 % of the 100k benchmark's analysis).
     */
    private readonly urls: 'pooled' | 'as-read' = 'as-read',
  ) {
    this.jar = jarFor(cookieDefaults);
    this.sessionNames = prepass.sessionNames;
    this.cookiesRecorded = prepass.cookiesRecorded;
    this.maskedCookie = prepass.maskedCookie;
    this.firstPartySites = prepass.firstPartySites;
    this.loginSignals = prepass.loginSignals;
    this.basicCredentials = prepass.basicCredentials;
    this.confirmedLogins = prepass.confirmedLogins;
    this.comparison = new CookieComparison(
      (name) => this.isSession(name),
      this.cookiesRecorded,
      cookieDefaults.laxByDefault,
    );
    this.lanes = new SessionLanes((name) => this.sessionNames.get(name), this.firstPartySites);
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
   * A page the source kept: a visitor's (a login form, or no session cookie on its request) calibrates what its
   * origin's logout links say; one offering a logout to a request with a session cookie is kept for signedInLogoutPages.
   */
  private notePage(entry: TraceEntry, origin: string, sent: readonly SentCookieFact[], loggedOut: boolean): void {
    const response = entry.response;
    if (response === undefined || (!response.offersLogout && !response.loginForm && response.pageText === undefined))
      return;
    if (response.loginForm || !sent.some((c) => c.session)) {
      this.visitorsOfferedLogout.set(
        origin,
        this.visitorsOfferedLogout.get(origin) === true || response.offersLogout === true,
      );
    } else if (response.offersLogout && !loggedOut) this.logoutPages.set(entry.index, origin);
  }

  /**
   * The pages that offer a logout where that tells a user signed in: at an origin whose visitors' pages (one at least)
   * offered none (AnalysisFacts.pagesOfferingLogout).
   */
  private signedInLogoutPages(): { pagesOfferingLogout?: ReadonlySet<number> } {
    const pages = new Set<number>();
    for (const [entry, origin] of this.logoutPages)
      if (this.visitorsOfferedLogout.get(origin) === false) pages.add(entry);
    return pages.size > 0 ? { pagesOfferingLogout: pages } : {};
  }

  /**
   * The facts of the events fed so far, as if the trace ended here; the replay may go on being fed. What the
   * replay goes on changing (lanes, logins) is copied, so the facts handed over stay as they were.
   */
  facts(): ReplayedFacts {
    const end = this.settings.now ?? this.lastTime;
    const lanes = this.lanes.snapshot();
    const logins = this.logins.snapshot(new Map(lanes.map((lane) => [lane.key, lane])));
    return {
      // The cookies the browser held when the recording ended, expired ones left out (the panel's jar view).
      jar: this.jar.all(end),
      requests: this.requests.slice(),
      lanes,
      logins,
      loggedOut: this.loggedOut.slice(),
      ...(this.credentialCookies.length > 0 ? { credentialCookies: this.credentialCookies.slice() } : {}),
      ...(this.basicCredentials.size > 0 ? { basicAuthEntries: new Set(this.basicCredentials.keys()) } : {}),
      loginAttempts: this.loginAttempts.slice(),
      ...(this.passwordChosen.size > 0 ? { passwordChosen: new Set(this.passwordChosen) } : {}),
      ...(this.pageNames.namingPages().size > 0 ? { pagesNamingUser: new Set(this.pageNames.namingPages()) } : {}),
      ...this.signedInLogoutPages(),
      sessionCookieNames: new Map([...this.sessionNames].map(([name, identity]) => [name, identity.evidence[0] ?? ''])),
      sessionIdentities: this.sessionNames,
      firstPartySites: this.firstPartySites,
      cookiesRecorded: this.cookiesRecorded,
      ...(this.freshBrowsers.length > 0 ? { freshBrowsers: this.freshBrowsers.slice() } : {}),
      ...(this.maskedCookie ? { maskedCookie: this.maskedCookie } : {}),
      // A sanitiser's placeholders for values: what a value-judging rule would read is the placeholder's.
      ...(this.maskedCookie?.placeholders ? { valuesRedacted: true as const } : {}),
    };
  }

  /**
   * The request URL, parsed by the jar's cookieUrl(): http(s) and ws(s) URLs (which always have a host) are the
   * ones cookies apply to, and the jar, asked next about the same URL, gets its last answer instead of a
   * second parse. Its origin is `${protocol}//${host}` of that parse, which is the URL's origin for these
   * schemes: HostCache gives it without building it again for each request.
   */
  private parseUrl(text: string): LaneUrl | undefined {
    const target = cookieUrl(text);
    if (target === undefined) return undefined;
    return { url: target.url, host: target.host, origin: this.origins.originOf(text) };
  }

  private isSession(name: string): boolean {
    return this.sessionNames.has(name);
  }

  /** The cookies of this request that hold the Basic credentials it sent (session/credentialsInCookie.ts). */
  private noteCredentialCookies(entry: number, origin: string, credentials: string, sent: readonly SentCookieFact[]) {
    const texts = basicCredentialTexts(credentials);
    for (const cookie of sent) {
      if (holdsBasicCredentials(cookie.value, texts))
        this.credentialCookies.push({ entry, origin, cookie: cookie.name, value: cookie.value });
    }
  }

  private apply(event: TraceEvent): void {
    const time = event.kind === 'entry' ? event.entry.startedAt : event.time;
    const before = this.lastTime;
    if (Number.isFinite(time)) this.lastTime = Math.max(this.lastTime ?? time, time);
    // A run the file names (WebPageTest's, browsertime's) starts its own jar in applyEntry.
    const sameRun = event.kind === 'entry' && event.entry.run === this.run;
    if (sameRun && before !== undefined && this.startsAfresh(event.entry, before)) {
      this.freshBrowsers.push(event.entry.index);
      this.newJar(event.entry);
    }
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
    if (event.removed) {
      // A removal the Set-Cookie lines did not explain: script, another extension, eviction or expiry.
      this.lanes.noteRemoval(
        laneKey(domain, c.path, c.name),
        c.value,
        event.cause,
        () => this.jar.get(c.name, domain, c.path) !== undefined,
      );
    }
    this.jar.upsertFromEvent(c, event.time, event.removed, event.cause);
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
      fromNonBrowser: entry.request.siteContext?.from === 'client',
    };
    if (request.referer !== undefined) request.referer = this.strings.intern(request.referer);
    if (!parsed) {
      // Not an http(s) URL (data:, blob:, chrome-extension:…): cookies do not apply.
      this.requests.push(
        requestFacts(this.records, request, '', '', NO_SENT, NO_NOT_SENT, NO_SET_COOKIES, undefined, false),
      );
      return;
    }
    this.logins.follow(entry, this.lanes, parsed.origin);
    let answer = loggedOutAnswer(entry, parsed.url);
    // A login that visibly failed (an error status, the login form again) is no login (RULES.md, session-fixation).
    const signal = this.loginSignals.get(entry.index);
    if (signal === 'password-post') {
      this.loginAttempts.push(entry.index);
      if (choosesPassword(entry)) this.passwordChosen.add(entry.index);
      this.pageNames.notePasswordPost(entry);
    }
    const failed = signal !== undefined && loginFailed(entry) && !this.confirmedLogins.has(entry.index);
    const login = signal !== undefined && !failed ? signal : undefined;
    const logout = isLogoutAt(entry, parsed.url);
    const { sent, notSent } = this.comparison.compare(this.jar, entry, parsed, time);
    // A page's text tells its own answer, or that of an earlier page at its address (pageNames.ts).
    for (const told of this.pageNames.answers(entry, sent, (s) => this.lanes.sessionOf(s))) {
      if (told.entry === entry.index) answer ??= told;
      else this.loggedOut.push(told);
    }
    if (answer) this.loggedOut.push(answer);
    this.notePage(entry, parsed.origin, sent, answer !== undefined);
    if (sent.length > 0 && this.basicCredentials.size > 0) {
      const credentials = this.basicCredentials.get(entry.index);
      if (credentials !== undefined) this.noteCredentialCookies(entry.index, parsed.origin, credentials, sent);
    }

    // Lanes whose current ID this request carried (and their affinity, for backend switches).
    const type = entry.request.resourceType;
    const page = type === undefined || type === 'document';
    const carried = this.lanes.noteCarried(sent, entry.index, parsed.origin, entry.startedAt, page);
    this.lanes.noteNotSent(notSent, entry.index, answer);

    if (login) {
      this.pageNames.noteLogin();
      const fact: LoginFact = {
        entry: entry.index,
        signal: login,
        origin: parsed.origin,
        chain: [],
        lanes: [...carried].map(([laneKey, before]) => ({ laneKey, before })),
      };
      this.logins.start(fact, entry, this.lanes);
    }

    const setCookies = this.applySetCookies(entry);
    this.noteEvictions(entry.index);
    // After the response's own Set-Cookie lines, as Chromium stores those before it acts on the header.
    const cleared = clearsSiteCookies(entry, parsed.url) ? this.jar.clearSite(parsed.host, entry.startedAt) : [];
    this.lanes.applyResponse(entry.index, parsed, setCookies.facts, setCookies.affinitySet, cleared, {
      carried,
      notSent,
      sent,
      login: this.logins.openSignal,
      loginEntry: this.logins.openEntry,
      loggedOut: answer,
      entry,
      logout,
      arrivedAt: responseArrivedAt(entry),
    });
    this.requests.push(
      requestFacts(
        this.records,
        request,
        this.strings.intern(parsed.origin),
        this.strings.intern(parsed.host),
        sent,
        notSent,
        exactly(setCookies.facts, NO_SET_COOKIES),
        login,
        logout,
      ),
    );
    this.logins.closeIfNoChain(this.lanes);
  }

  /**
   * The cookies the jar evicted to keep a site within the browser's limits while it stored this entry's cookies (the
   * ones it carried that the jar learnt, the ones its response set): a session ID among them ends there, evicted, as
   * the browser reports an eviction to the live panel. A HAR never reports one; the jar's limits are the browser's.
   */
  private noteEvictions(entry: number): void {
    for (const { cookie, cause } of this.jar.drainEvictions()) {
      if (cause !== 'evicted') continue;
      this.lanes.noteEviction(laneKey(cookie.domain, cookie.path, cookie.name), cookie.value, entry);
    }
  }

  /**
   * A new browser run (RULES.md: a file holding several runs is several jars): a fresh jar, and the IDs the last
   * run left open end unseen (no finding: the next run's browser never had them).
   */
  private startRun(entry: TraceEntry): void {
    const first = this.run === undefined && this.requests.length === 0;
    this.run = entry.run;
    if (!first) this.newJar(entry);
  }

  private newJar(entry: TraceEntry): void {
    this.logins.close(this.lanes);
    this.jar = jarFor(this.cookieDefaults);
    this.lanes.endRun(entry.index);
  }

  /**
   * A page asked for after a long gap (NEW_BROWSER_GAP_MS since the last event, `before`), carrying no cookie at all,
   * where the jar holds unexpired cookies that would have gone on it: the browser that asked no longer had any of
   * them (another profile or browser, the cookies cleared: a proxy's history of several days). A new run of the file
   * (RULES.md: several runs are several jars), not each of those cookies "not sent". Only a page (a navigation starts
   * a browser's visit; or a request whose type the recording does not give) that reached the server, in a file that
   * records Cookie headers, is read so.
   */
  private startsAfresh(entry: TraceEntry, before: number): boolean {
    if (!this.cookiesRecorded || entry.startedAt - before < NEW_BROWSER_GAP_MS) return false;
    const type = entry.request.resourceType;
    if (entry.offNetwork !== undefined || (type !== 'document' && type !== 'other')) return false;
    return carriedCookieText(entry) === '' && this.jar.holdsFor(entry.request.url, entry.startedAt);
  }

  /**
   * The response's Set-Cookie lines into the jar, in order: a fact for each, and the affinity cookies it set (name →
   * value; sessionBackendSwitch.ts reads them).
   */
  private applySetCookies(entry: TraceEntry): SetCookiesApplied {
    const lines = responseSetCookieLines(entry);
    // Most responses set nothing: they share one answer rather than each making an empty list and map.
    if (lines.length === 0) return NOTHING_APPLIED;
    const facts: SetCookieFact[] = [];
    const affinitySet = new Map<string, string>();
    for (const line of lines) {
      const outcome = this.storeSetCookie(entry, line);
      const keptEarlier = outcome.kind === 'stored' && this.crossedInFlight(outcome, entry);
      if (keptEarlier && outcome.replaced !== undefined) this.jar.restore(outcome.replaced, entry.startedAt);
      else if (outcome.kind === 'stored') this.comparison.noteStored(outcome.cookie, entry);
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
      facts.push({
        line,
        outcome,
        name,
        value,
        session,
        ...(attributes ? { parsed: attributes } : {}),
        ...(keptEarlier ? { keptEarlierAnswer: true as const } : {}),
      });
      if (cookie && classifyCookieName(name).kind === 'affinity') affinitySet.set(name, value);
    }
    return { facts, affinitySet };
  }

  /**
   * The cookie this response replaced came from a response that started before it and arrived after it: the two
   * crossed in flight, and the browser, storing each as it arrived, kept that one (a favicon's slow answer landing
   * after the page's). Not for a value set again unchanged: the browser held that value from the first arrival on, and
   * the cookie put back would read as still in flight to a request that started between the two. Not within a login's
   * chain: a login's ID replaced so is a loss the replay does not yet tell.
   */
  private crossedInFlight(outcome: StoreOutcome & { kind: 'stored' }, entry: TraceEntry): boolean {
    return (
      outcome.replaced !== undefined &&
      outcome.replaced.value !== outcome.cookie.value &&
      this.logins.openEntry === undefined &&
      this.comparison.arrivedAfter(outcome.replaced, entry)
    );
  }

  /**
   * One Set-Cookie line into the jar, in the response's site context; a line the browser reported refusing
   * is not stored, and gets the browser's reason unless the model's own is among those it gave.
   */
  private storeSetCookie(entry: TraceEntry, line: string): StoreOutcome {
    const context = {
      ...(entry.request.siteContext !== undefined ? { siteContext: entry.request.siteContext.kind } : {}),
      isTopLevelNavigation: entry.request.resourceType === 'document',
      ...(entry.request.resourceType === 'other' ? { requestKindUnknown: true as const } : {}),
      ...(this.cookieDefaults.laxByDefault ? {} : { laxByDefault: false }),
      ...(this.cookieDefaults.thirdPartyCookies ? { thirdPartyCookies: this.cookieDefaults.thirdPartyCookies } : {}),
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
  readonly fromNonBrowser: boolean;
}

const NO_SET_COOKIES: readonly SetCookieFact[] = Object.freeze([]);

/** What a response's Set-Cookie lines did: a fact per line, and the affinity cookies set (name → value). */
interface SetCookiesApplied {
  readonly facts: readonly SetCookieFact[];
  readonly affinitySet: Map<string, string>;
}

/** The answer of every response that sets nothing: never written. */
const NOTHING_APPLIED: SetCookiesApplied = { facts: NO_SET_COOKIES, affinitySet: new Map() };

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
  const { method, resourceType, status, referer, fromNonBrowser } = r;
  const place = { method, resourceType, status, origin, host, login, logout, fromNonBrowser };
  return records.record(r.entry, r.time, r.url, referer, place, sent, notSent, setCookies);
}

/** An array grown by push keeps spare room (half again its length, plus 16): kept for every request, trim it. */
function exactly<T>(items: readonly T[], empty: readonly T[]): readonly T[] {
  return items.length === 0 ? empty : items.slice();
}

function sameKeys(a: ReadonlyMap<string, unknown>, b: ReadonlyMap<string, unknown>): boolean {
  if (a.size !== b.size) return false;
  for (const key of a.keys()) if (!b.has(key)) return false;
  return true;
}

function tryParse(line: string) {
  const r = parseSetCookie(line);
  return r.ok ? r.cookie : undefined;
}
