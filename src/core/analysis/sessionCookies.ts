/**
 * Decides which cookie names of a trace are session IDs, by evidence, with a confidence (RULES.md "What is a
 * session cookie"): behaviour at a login or logout (`certain`), a known session or authentication name whose values
 * can be IDs (`likely`), an opaque token the server set once and the browser sent back on most later requests
 * (`possible` on its own), a user's mark (`certain`). Evidence against — a cookie the Open Cookie Database lists as
 * tracking, analytics, bot-protection, consent, geolocation or preference, a CSRF name, values that cannot be IDs or
 * are readable structured data — keeps a cookie out. A pre-pass over the whole trace: linear in its size, and fed
 * one event at a time it keeps only counters and a few values per name (so a streamed trace can be identified too).
 */

import { registrableDomain } from '../cookie/domain.ts';
import { plainAuthorityEnd } from '../cookie/urlAuthority.ts';
import { isRetriedAttempt, type LoginAttempt } from '../rules/failedLogins.ts';
import { type ChunkName, chunkNameOf, FULL_CHUNK_LENGTH, isChunkCountMarker } from '../session/chunkedCookie.ts';
import { headerTokenOf, holdsHeaderToken } from '../session/credentialsInCookie.ts';
import { estimateSingle } from '../session/entropy.ts';
import {
  classifyCookieName,
  hasAuthNameShape,
  hasDiagnosticNameShape,
  hasPreferenceNameShape,
  isAuthCookieName,
  isTimeUnderTimeName,
  type NameClass,
  nameClassOffPlatform,
} from '../session/identify.ts';
import { isRandomToken } from '../session/randomToken.ts';
import { readClientSideData, valueHolds } from '../session/tokenData.ts';
import {
  isFieldsValue,
  isMaskedValue,
  isPlaceholderValue,
  isRedactedValue,
  isWordValue,
  type ValueShape,
  valueShape,
} from '../session/valueShape.ts';
import { type CookiePair, headerValue, setCookieDeletes } from '../trace/headers.ts';
import { redirectTargetOf } from '../trace/redirects.ts';
import type { ResourceType, TraceEntry, TraceEvent } from '../trace/types.ts';
import { responseSetCookieLines, SentCookieReader, setCookieNameValue } from './entryCookies.ts';
import { LOGIN_SIGNAL_TEXT, type LoginSignal, type MaskedCookie, type SessionIdentity } from './facts.ts';
import { isFirstParty } from './firstParty.ts';
import {
  bodyAsksLogout,
  dropsSignInResponse,
  exchangesLoginToken,
  isDeleteRequest,
  isLogoutAt,
  issuesSignInRequest,
  issuesSignInResponse,
  LOGOUT_WORD,
  LoginDetector,
  loginFailed,
  mayExchangeToken,
  postedFields,
  redirectedToItself,
  redirectedToLoginPage,
  sendsOnward,
  userNamesPosted,
} from './loginSignals.ts';
import type { AnalysisSettings } from './settings.ts';

/** A value shorter than this, or with fewer bits, is not "long enough and random enough" to be a token. */
const TOKEN_MIN_LENGTH = 16;
const TOKEN_MIN_BITS = 64;
/** "Sent back on most requests": the share of later requests to the setting host that carried it. */
const TOKEN_MIN_RETURN_SHARE = 0.5;
/** "Sets it once": a cookie rewritten with new values this many times is state, not a session ID. */
const TOKEN_MAX_DISTINCT_SET_VALUES = 3;
/** Distinct values per name whose shape is read: enough to judge, bounded for hostile traces. */
const MAX_SHAPED_VALUES = 8;

interface TokenStats {
  setValues: Set<string>;
  host: string;
  firstSetEntryOrder: number;
  /** Entries to `host` up to and including the one that first set it. */
  hostCountAtFirstSet: number;
  tokenLike: boolean;
  carriedAfter: number;
  /**
   * Every response that set it answered an image or a beacon (PIXEL_TYPES): a tracking pixel's visitor ID, issued
   * where no page, script or API call of the application ever set it.
   */
  setOnlyByPixels: boolean;
  /**
   * Every value set was hex holding the time it was set (holdsIssueTime): an ID built from a clock, an address and a
   * counter (Apache's mod_unique_id, a visitor ID such as nytimes.com's `RMID`), not a random one.
   */
  holdsIssueTime: boolean;
}

/**
 * Requests a tracking pixel or a beacon answers: an image (`<img src=…/dcs.gif>`), `navigator.sendBeacon`, a ping.
 * A cookie only they ever set is a collector's, not the session an application keeps for its pages and calls.
 */
const PIXEL_TYPES: ReadonlySet<ResourceType | undefined> = new Set(['image', 'ping']);

/** One piece of evidence of behaviour, and the login it was seen at: a login found later to have failed gives none. */
interface Behaviour {
  readonly text: string;
  readonly login?: number;
  /** Where the login was sent (carriedAtLogins): only a login to a server that set the cookie is bound to it. */
  readonly origin?: string;
  /**
   * The host it was seen at (whose response set or cleared it, or that the login carrying it was sent to): a lane of
   * the same name that host never receives (an identity provider's `sessionid` beside the application's) is not told
   * it (SessionIdentity.perHost).
   */
  readonly host?: string;
}

/** Logins carrying a cookie that are kept: the first successful one is named, failed attempts before it aside. */
const MAX_CARRIED_LOGINS = 4;

/** What the pre-pass learns of one cookie name. */
interface NameStats {
  readonly cls: NameClass;
  /** Shapes of the first distinct values seen (set or sent). */
  readonly shapes: Map<string, ValueShape>;
  token?: TokenStats;
  /** Behaviour, in words (issued at a login, cleared at a logout), with the login it was seen at. */
  readonly behaviour: Behaviour[];
  /** The successful login requests that carried it (the first few): the cookie the server bound the login to. */
  readonly carriedAtLogins: Behaviour[];
  /**
   * The lengths of the values the server set (a few), while every one was long base64; undefined once one was not
   * (isSealedValue): several lengths mark a payload encrypted into the cookie (SessionIdentity.sealedStore).
   */
  sealedLengths?: Set<number> | null;
  /**
   * A request carried it and posted its value back in a form field of another name (CodeIgniter's `<prefix>ck`
   * cookie and `<prefix>tk` field): a double-submit anti-forgery token, which the page reads to post it. A session ID
   * is kept from the page's forms.
   */
  postedBack?: true;
  /**
   * A value of it, no random token, stood as a whole segment of the path of a request it went on (GitHub's
   * `dotcom_user` holds the user's login, and `github.com/<login>/<repo>` is the user's own page): the user's public
   * handle, readable in the site's own addresses, not a secret that identifies a session.
   */
  inOwnAddress?: true;
  /**
   * The origins whose responses set a value for it (the first few). Cookies ignore ports, so an identity provider on
   * another port of the host is sent the application's cookies: its login carrying one binds nothing to it.
   */
  setOrigins?: Set<string>;
  /**
   * Every value the server set was the time it set it (Unix seconds or milliseconds, within a day of the response:
   * Icinga Web 2's `icingaweb2-session` holds the login's time): a timestamp, no ID. Undefined before any value set;
   * false once one was not.
   */
  setTimestamps?: boolean;
  /**
   * Every value the server set was scoped to a Path that names the value itself (oidc-provider's
   * `_interaction=<uid>; path=/interaction/<uid>`): the handle of one URL's flow, which that URL already carries, no
   * session ID. Undefined before any value set; false once one was not.
   */
  setOnOwnPath?: boolean;
  /**
   * Every time the server set it, the cookie's name held a value that the same exchange's URL or redirect carried
   * in its query (mod_auth_openidc's `mod_auth_openidc_state_<state>`, set as it redirects with `state=<state>`):
   * one flow's handle, named for that flow, no session. Undefined before any value set; false once one was not.
   */
  namedForFlow?: boolean;
  /**
   * Every value the server set, it set on a response that sends the browser to an identity provider with a sign-in
   * request (issuesSignInRequest): what it keeps is that sign-in's state (Spring Security's `oauth2_auth_request`, the
   * authorization request serialized). Undefined before any value set; false once one was not.
   */
  setAsSignInBegins?: boolean;
  /** A login's answer, or its redirect chain, deleted it: consumed there. */
  deletedAtLogin?: true;
  /**
   * A value a sanitiser masked was seen under the name (isMaskedValue): what it stood for is unknown, so it speaks
   * neither for nor against the name holding an ID.
   */
  masked?: true;
  /**
   * The hosts that set or were sent it, up to two: a name seen at one host has one identity for all its lanes; at two,
   * each host's is worked out (withPerHost).
   */
  seenHosts?: Set<string>;
  /** The last entry (feed order) whose carrying was counted: a request with two cookies of one name counts once. */
  lastCarriedOrder?: number;
  /**
   * For a name the dataset's row gives to a platform of a named site (Adform's `token` on adform.net): the
   * platform's registrable domain, and whether the cookie was seen on a request to that site at all.
   */
  platform?: { readonly site: string; seen: boolean };
  /**
   * The first entry that carried it and sent its value as a token in a header of its own (holdsHeaderToken):
   * `Authorization`, or an app's `access-token`, `X-Auth-Token`; the page keeps its login token in the cookie and
   * sends it from script. Anti-forgery headers are no such header: a double-submit token is echoed so by design.
   */
  sentAsHeader?: { readonly entry: number; readonly header: string };
}

/** The login at `entry` carried the cookie, and that is no evidence: forgotten (NameStats.carriedAtLogins). */
function dropCarriedAt(stats: NameStats, entry: number): void {
  const kept = stats.carriedAtLogins.filter((b) => b.login !== entry);
  if (kept.length < stats.carriedAtLogins.length) stats.carriedAtLogins.splice(0, Infinity, ...kept);
}

function hostOf(url: string): string {
  try {
    return new URL(url).hostname;
  } catch {
    return '';
  }
}
/**
 * hostOf and originOf, with each distinct "scheme://authority" parsed once: a trace has a handful of origins and
 * one URL per request, and parsing every URL was a third of this pre-pass. Keyed by the URL's text up to the end
 * of its authority, so the answer is the one the whole URL would give (both depend on nothing after it).
 */
export class HostCache {
  private readonly parts = new Map<string, { readonly host: string; readonly origin: string }>();

  hostOf(url: string): string {
    return this.partsOf(url)?.host ?? hostOf(url);
  }

  originOf(url: string): string {
    return this.partsOf(url)?.origin ?? originOf(url);
  }

  /** hostOf and originOf at once: one lookup of the URL's authority for a caller that needs both. */
  hostAndOrigin(url: string): { readonly host: string; readonly origin: string } {
    return this.partsOf(url) ?? { host: hostOf(url), origin: originOf(url) };
  }

  /** The cached parts of a plainly written http(s) URL; undefined for any other, which is parsed whole. */
  private partsOf(url: string): { readonly host: string; readonly origin: string } | undefined {
    const end = plainAuthorityEnd(url);
    if (end === -1) return undefined;
    const prefix = url.slice(0, end);
    let parts = this.parts.get(prefix);
    if (parts === undefined) {
      parts = { host: hostOf(prefix), origin: originOf(prefix) };
      this.parts.set(prefix, parts);
    }
    return parts;
  }
}

/** A login whose response (or the next hop of its redirect) may issue the session. */
interface PendingLogin {
  readonly entry: number;
  readonly text: string;
  readonly nextUrl?: string;
  /**
   * Set when the attempt was redirected to a login page: the URL it was posted to. It worked only if that page sends
   * the user on (sendsOnward).
   */
  readonly attemptUrl?: string;
  /** Set when the next request may exchange the login's token for the session (mayExchangeToken): the login's origin. */
  readonly exchangeAt?: string;
}

/**
 * The same decision fed one event at a time, in trace order (for a trace read as a stream). It keeps per
 * cookie name and per host only counters and a few values, never the entries: "later requests to the setting
 * host" is the host's final count minus its count when the cookie was first set.
 */
export class SessionCookieIdentifier {
  private readonly forced: ReadonlySet<string>;
  private readonly refused: ReadonlySet<string>;
  /** Judge third-party cookies as the site's own (AnalysisSettings.thirdPartySessions). */
  private readonly thirdPartyAsked: boolean;
  /** The sites being inspected, while `finish` decides (FirstPartySiteFinder); undefined: every site is. */
  private firstPartySites: ReadonlySet<string> | undefined;
  private readonly names = new Map<string, NameStats | null>();
  /** Entries seen per host so far. */
  private readonly hostCounts = new Map<string, number>();
  private readonly hosts = new HostCache();
  private readonly logins = new LoginDetector();
  /** Each entry's login signal, where it has one (PrepassResult.loginSignals). */
  readonly loginSignals = new Map<number, LoginSignal>();
  /** The first cookie seen with a masked value (PrepassResult.maskedCookie); else, placeholders.found. */
  private masked: MaskedCookie | undefined;
  get maskedCookie(): MaskedCookie | undefined {
    return this.masked ?? this.placeholders.found;
  }
  private readonly placeholders = new PlaceholderScheme();
  /** The Basic credentials of each request that sent them (PrepassResult.basicCredentials). */
  get basicCredentials(): ReadonlyMap<number, string> {
    return this.logins.basicCredentials;
  }
  private readonly sentCookies = new SentCookieReader();
  private pendingLogin: PendingLogin | undefined;
  /** Each origin's last login since the last logout, to tell a failed attempt when the same form is posted again. */
  private readonly lastLogins = new Map<
    string,
    { readonly entry: number; readonly attempt: LoginAttempt; otherPageSince: boolean }
  >();
  /** The user names password POSTs sent (userNamesPosted), as asName reads them: a cookie holding one is no ID. */
  private readonly postedUserNames = new Set<string>();
  /** Logins found to be failed attempts (isRetriedAttempt): the behaviour seen at them is no evidence. */
  private readonly failedLogins = new Set<number>();
  /** Each origin's last attempt that only redirected to itself (redirectedToItself), until a logout or another. */
  private readonly landedOnItself = new Map<string, { readonly entry: number; readonly address: string }>();
  /** The addresses a password POST was sent to and answered with a page, not a redirect. */
  private readonly answeredWithPage = new Set<string>();
  /** The addresses where an attempt that redirected to itself was confirmed by a logout. */
  private readonly confirmedLanding = new Set<string>();
  /**
   * Each origin's last password POST answered with its form again (a login form in the body) that set a cookie: a
   * failed attempt, unless the next page the user opens carries what it set and is answered as to a client logged in
   * (confirmByNextPage).
   */
  private readonly formShownAgain = new Map<string, { readonly entry: number; readonly values: ReadonlySet<string> }>();
  /** The pages where an attempt that redirected to itself landed and was answered with an error (Adminer's 403). */
  private readonly failedLandingPages = new Set<string>();
  /** Attempts that redirected to themselves and that a logout then showed worked (PrepassResult.confirmedLogins). */
  readonly confirmedLogins = new Set<number>();
  /** The names each login's answer issued (NameStats.behaviour's "issued in answer to the login"), by login entry. */
  private readonly issuedAtLogin = new Map<number, Set<string>>();
  private order = 0;

  constructor(settings: AnalysisSettings) {
    this.forced = new Set(settings.sessionCookies.map((n) => n.toLowerCase()));
    this.refused = new Set(settings.notSessionCookies.map((n) => n.toLowerCase()));
    this.thirdPartyAsked = settings.thirdPartySessions;
  }

  feed(event: TraceEvent): void {
    if (event.kind !== 'entry') return;
    const entry = event.entry;
    const { host, origin } = this.hosts.hostAndOrigin(entry.request.url);
    const order = ++this.order;
    // An answer from the cache or a service worker never reached the server and could carry no cookie (RULES.md,
    // "What is a request"): it is no later request a token was not sent back on.
    const hostCount = (this.hostCounts.get(host) ?? 0) + (entry.offNetwork === undefined ? 1 : 0);
    this.hostCounts.set(host, hostCount);
    const login = this.loginAt(entry, host, origin);
    const carryingLogin = login?.entry === entry.index ? login : undefined;
    const sent = this.sentCookies.pairs(entry);
    for (let i = 0; i < sent.length; i++) this.placeholders.note(sent[i]!.name, sent[i]!.value);
    if (this.formShownAgain.size > 0 && login?.entry !== entry.index) this.confirmByNextPage(entry, origin, sent);
    for (let i = 0; i < sent.length; i++)
      this.noteSent(sent[i]!.name, sent[i]!.value, entry.request.url, host, origin, order, carryingLogin);
    if (sent.length > 0) this.noteTokenHeaderCookies(entry, sent);
    if (sent.length > 0 && entry.request.postData !== undefined) this.notePostedBack(entry, sent);
    const logout = isLogoutEntry(entry);
    if (logout) {
      this.lastLogins.clear();
      this.confirmAtLogout(origin);
      this.logins.noteLogout(origin);
    }
    if (entry.request.resourceType === 'document') this.noteOtherPage(entry.request.url);
    for (const line of responseSetCookieLines(entry)) {
      const pair = setCookieNameValue(line);
      if (!pair) continue;
      this.placeholders.note(pair.name, pair.value);
      const stats = this.statsOf(pair.name);
      if (!stats) continue;
      notePlatformSighting(stats, host);
      noteHost(stats, host);
      if (pair.value === '' || setCookieDeletes(line)) {
        if (logout)
          stats.behaviour.push({ text: `cleared at the logout at entry ${entry.index}`, ...hostOfBehaviour(host) });
        // Deleted by the login's own answer (or its redirect chain): not the session the login binds, which outlives
        // it; its carrying there is no evidence.
        if (login) {
          dropCarriedAt(stats, login.entry);
          stats.deletedAtLogin = true;
        }
        continue;
      }
      this.noteValue(pair.name, stats, pair.value);
      noteSetOrigin(stats, origin);
      noteSealedLength(stats, pair.value);
      noteTimestamp(stats, pair.value, entry.startedAt);
      noteOwnPath(stats, line, pair.value);
      noteNamedForFlow(stats, pair.name, entry);
      if (stats.setAsSignInBegins !== false) stats.setAsSignInBegins = issuesSignInRequest(entry);
      // The login's own request may carry the cookie: the value written back unchanged (web.py's on every answer) was
      // not issued there.
      if (login && (carryingLogin ? !carriesValue(sent, pair.name, pair.value) : !carries(sent, pair.name))) {
        stats.behaviour.push({
          text: `issued in answer to the login at entry ${login.entry} (${login.text})`,
          login: login.entry,
          ...hostOfBehaviour(host),
        });
        const issued = this.issuedAtLogin.get(login.entry);
        if (issued) issued.add(pair.name);
        else this.issuedAtLogin.set(login.entry, new Set([pair.name]));
      }
      this.noteToken(stats, pair.value, host, order, hostCount, entry);
    }
  }

  /**
   * A password POST: the origin's last attempt, kept when it failed only by landing on the page it was posted to
   * (redirectedToItself), and counted as failed until a logout confirms it. Another attempt after it leaves it
   * failed.
   */
  private noteLandedOnItself(entry: TraceEntry, origin: string, landed: boolean): void {
    const address = entry.request.url;
    if (!landed) {
      this.landedOnItself.delete(origin);
      const status = entry.response?.status ?? 0;
      // A page or an error (Adminer answers a wrong password 403), not a redirect, nor no answer at all.
      if (status >= 200 && (status < 300 || status >= 400)) this.answeredWithPage.add(address);
      return;
    }
    // Where the trace showed both how this form fails (a page, its error in place) and that landing on its own page
    // is a login that worked (a logout confirmed one), another such landing is a login too (NagVis, phpMyAdmin
    // logging in again after a logout: no later logout confirms them).
    if (this.answeredWithPage.has(address) && this.confirmedLanding.has(address)) {
      this.confirmedLogins.add(entry.index);
      return;
    }
    this.landedOnItself.set(origin, { entry: entry.index, address });
    this.failedLogins.add(entry.index);
  }

  /**
   * The page an attempt that redirected to itself landed on, answering (`hop`). Where a landing there was answered
   * with an error (Adminer answers a wrong password's landing 403), the form's failure is that error: a landing there
   * answered with a page is a login that worked, without waiting for a logout to confirm it (Adminer's second login,
   * posted from the page the logout left, after which no logout comes).
   */
  private noteLandingAnswer(attempt: number, origin: string, hop: TraceEntry): void {
    const landed = this.landedOnItself.get(origin);
    if (landed?.entry !== attempt) return;
    const status = hop.response?.status ?? 0;
    if (status >= 400) this.failedLandingPages.add(hop.request.url);
    else if (status >= 200 && status < 300 && this.failedLandingPages.has(hop.request.url)) {
      this.confirm(attempt);
      this.landedOnItself.delete(origin);
    }
  }

  /** A password POST answered with its form again that set cookies: failed until the next page says otherwise. */
  private waitForNextPage(entry: TraceEntry, origin: string): void {
    const values = new Set<string>();
    for (const line of responseSetCookieLines(entry)) {
      const pair = setCookieNameValue(line);
      if (pair && pair.value !== '' && !setCookieDeletes(line)) values.add(pair.value);
    }
    this.formShownAgain.set(origin, { entry: entry.index, values });
    this.failedLogins.add(entry.index);
  }

  /**
   * The first page opened at the origin after a password POST answered with its form again: where it carries a value
   * that answer set and is answered with a page that holds no login form, the POST was a login that worked (Request
   * Tracker answers the right password with its login page, the user named in it, then opens the home page logged
   * in). Another attempt first, or any other answer, leaves it failed.
   */
  private confirmByNextPage(entry: TraceEntry, origin: string, sent: readonly { readonly value: string }[]): void {
    const attempt = this.formShownAgain.get(origin);
    if (attempt === undefined || entry.request.resourceType !== 'document') return;
    this.formShownAgain.delete(origin);
    const status = entry.response?.status ?? 0;
    if (status < 200 || status >= 300 || entry.response?.loginForm === true) return;
    if (!sent.some((c) => attempt.values.has(c.value))) return;
    this.confirm(attempt.entry);
  }

  /** An attempt counted as failed until now was a login that worked: its evidence counts (failedLogins). */
  private confirm(attempt: number): void {
    this.confirmedLogins.add(attempt);
    this.failedLogins.delete(attempt);
  }

  /** A logout at the origin: its last attempt that landed on itself, with no attempt since, was a login that worked. */
  private confirmAtLogout(origin: string): void {
    const attempt = this.landedOnItself.get(origin);
    if (attempt === undefined) return;
    this.confirm(attempt.entry);
    this.confirmedLanding.add(attempt.address);
    this.landedOnItself.delete(origin);
  }

  /** A page opened: for each last login, another page than the one its redirect led to (isRetriedAttempt). */
  private noteOtherPage(url: string): void {
    for (const last of this.lastLogins.values()) {
      if (last.attempt.redirectedTo !== url && last.attempt.url !== url) last.otherPageSince = true;
    }
  }

  /** One cookie the entry carried (`login`: the successful login that is this very request). */
  private noteSent(
    name: string,
    value: string,
    url: string,
    host: string,
    origin: string,
    order: number,
    login: PendingLogin | undefined,
  ): void {
    const stats = this.statsOf(name);
    if (!stats) return;
    notePlatformSighting(stats, host);
    noteHost(stats, host);
    this.noteValue(name, stats, value);
    // Asked only of a dataset's label (the weak name evidence): a listed session name's value is an ID by RULES.md.
    if (stats.cls.kind === 'documented-session' && stats.inOwnAddress === undefined && inPathOf(url, value))
      stats.inOwnAddress = true;
    if (login && stats.carriedAtLogins.length < MAX_CARRIED_LOGINS)
      stats.carriedAtLogins.push({
        text: `carried by the login at entry ${login.entry} (${login.text})`,
        login: login.entry,
        origin,
        ...hostOfBehaviour(host),
      });
    const token = stats.token;
    if (token && token.host === host && order > token.firstSetEntryOrder && stats.lastCarriedOrder !== order) {
      token.carriedAfter++;
      stats.lastCarriedOrder = order;
    }
  }

  /** The cookies the request carried that hold a token one of its headers sent (NameStats.sentAsHeader). */
  private noteTokenHeaderCookies(entry: TraceEntry, sent: readonly CookiePair[]): void {
    const headers = entry.request.headers;
    for (let h = 0; h < headers.length; h++) {
      const { name: header, value } = headers[h]!;
      if (value.length < MIN_HEADER_TOKEN || header.toLowerCase() === 'cookie' || ANTI_FORGERY_HEADER.test(header))
        continue;
      const token = headerTokenOf(value);
      if (token === undefined) continue;
      for (const cookie of sent) {
        if (!holdsHeaderToken(cookie.value, token)) continue;
        const stats = this.statsOf(cookie.name);
        if (stats) stats.sentAsHeader ??= { entry: entry.index, header };
      }
    }
  }

  /** The cookies the request carried whose value its form posted back under another field name (NameStats.postedBack). */
  private notePostedBack(entry: TraceEntry, sent: readonly CookiePair[]): void {
    const fields = postedFields(entry);
    if (fields === undefined || fields.size === 0) return;
    for (const { name, value } of sent) {
      if (value.length < MIN_POSTED_BACK_LENGTH) continue;
      for (const [field, posted] of fields) {
        if (posted !== value || field === name || classifyCookieName(field).kind === 'session') continue;
        const stats = this.statsOf(name);
        if (stats) stats.postedBack = true;
        break;
      }
    }
  }

  /**
   * Session cookie names and their identity, in the order they were first seen. `firstPartySites`: the registrable
   * domains of the pages being inspected; a cookie of another site is evidence against (RULES.md).
   */
  finish(firstPartySites?: ReadonlySet<string>): Map<string, SessionIdentity> {
    this.firstPartySites = firstPartySites;
    const result = new Map<string, SessionIdentity>();
    for (const [name, stats] of this.names) {
      if (!stats) continue;
      const chunk = this.chunkOf(name);
      // A later chunk is part of the value the first chunk stands for: not a session of its own. The user's "not a
      // session" for the chunked cookie's name holds for its chunks.
      if (chunk && (chunk.position > 1 || this.names.get(chunk.base) === null)) continue;
      const decided = chunk ? this.decideFirstChunk(name, stats, chunk) : this.decide(name, stats);
      const identity = decided && !chunk ? this.withPerHost(name, stats, decided) : decided;
      if (identity) result.set(name, isSealedByBehaviour(stats) ? { ...identity, sealedStore: true } : identity);
    }
    for (const name of [...result.keys()]) if (this.isNamedByAnotherSession(name, result)) result.delete(name);
    for (const name of [...result.keys()]) if (this.isDataBesideSession(name, result)) result.delete(name);
    return result;
  }

  /**
   * The identity of the name's lanes at each host where behaviour was seen (a login, a logout) or that set the token:
   * each judged with what was seen at that host only; a lane no such host receives, with none of it. The pre-pass
   * keeps one record per name, and the identity decided from all of it gave an identity provider's `sessionid` the
   * application's login and logout, and a tracker's `JSESSIONID` the site's token. What the values showed (their
   * shapes) stays the name's. A host that judged so is no session keeps the name's identity; a lane with nothing of
   * its own is followed as `possible`, for its name alone.
   */
  private withPerHost(name: string, stats: NameStats, identity: SessionIdentity): SessionIdentity {
    // Seen at one host only, every lane of it is that host's.
    if ((stats.seenHosts?.size ?? 0) < 2) return identity;
    const { token, ...withoutToken } = stats;
    const hosts = new Set<string>();
    for (const b of [...stats.behaviour, ...stats.carriedAtLogins]) if (b.host !== undefined) hosts.add(b.host);
    if (token) hosts.add(token.host);
    if (hosts.size === 0) return identity;
    const at = (host: string | undefined) => {
      const seenThere = (b: Behaviour) => b.host === undefined || b.host === host;
      const view: NameStats = {
        ...withoutToken,
        behaviour: stats.behaviour.filter(seenThere),
        carriedAtLogins: stats.carriedAtLogins.filter(seenThere),
      };
      return this.decide(name, token && host === token.host ? { ...view, token } : view);
    };
    const byHost = new Map<string, SessionIdentity>();
    for (const host of hosts) byHost.set(host, at(host) ?? identity);
    const named = [...hosts];
    const where = named.length > 3 ? `${named.slice(0, 3).join(', ')} and ${named.length - 3} more` : named.join(', ');
    const elsewhere = at(undefined) ?? {
      confidence: 'possible' as const,
      evidence: [`its name is a session cookie's at ${where}`],
      against: [],
    };
    return { ...identity, perHost: { hosts: byHost, elsewhere } };
  }

  /**
   * Unsigned readable data a login issued beside its session: a cookie whose every value is base64 JSON holding no
   * random token (Blitz's `sPublicDataToken`: `{"userId":1,"role":"user"}`, for its pages' scripts), issued at a
   * login that also issued a cookie with an opaque value. Anyone could write such a value, so no server trusts it as
   * the session: the other cookie is the login's session. Alone, it is still taken for the session (a store no one
   * signed: session-client-side-data says so).
   */
  private isDataBesideSession(name: string, sessions: ReadonlyMap<string, SessionIdentity>): boolean {
    const stats = this.names.get(name);
    if (!stats || stats.shapes.size === 0) return false;
    for (const value of stats.shapes.keys()) if (!isUnsignedDataWithoutId(value)) return false;
    const logins = new Set(stats.behaviour.flatMap((b) => (b.login === undefined ? [] : [b.login])));
    if (logins.size === 0) return false;
    for (const other of sessions.keys()) {
      if (other === name) continue;
      const otherStats = this.names.get(other);
      if (!otherStats || ![...otherStats.shapes.values()].includes('opaque')) continue;
      if (otherStats.behaviour.some((b) => b.login !== undefined && logins.has(b.login))) return true;
    }
    return false;
  }

  /**
   * A cookie whose name is a token that another session cookie's value holds (AdonisJS keeps a session's data in a
   * cookie named by its ID, the ID in `adonis-session`) is that session's data, not a session of its own: its new
   * name at a login is the other cookie's rotation, told there.
   */
  private isNamedByAnotherSession(name: string, sessions: ReadonlyMap<string, SessionIdentity>): boolean {
    if (!RANDOM_NAME.test(name) || estimateSingle(name).bits < TOKEN_MIN_BITS) return false;
    for (const other of sessions.keys()) {
      if (other === name) continue;
      const values = this.names.get(other)?.shapes.keys() ?? [];
      for (const value of values) if (valueHolds(value, name)) return true;
    }
    return false;
  }

  /** The name as a chunk of a cookie the trace shows written in chunks (its marker seen set or sent). */
  private chunkOf(name: string): ChunkName | undefined {
    const chunk = chunkNameOf(name);
    if (!chunk) return undefined;
    if (chunk.scheme === 'numbered') {
      const first = this.names.get(chunk.first);
      // A redacted export hashed the value, and its length with it: there the two names seen together decide.
      const full = first ? longestValue(first) >= FULL_CHUNK_LENGTH || hasRedactedValue(first) : false;
      return full && this.names.has(chunk.second) ? chunk : undefined;
    }
    const base = this.names.get(chunk.base);
    if (base) for (const value of base.shapes.keys()) if (isChunkCountMarker(value)) return chunk;
    return undefined;
  }

  /** The first chunk is judged as the chunked cookie: by that cookie's name, and by its own values and behaviour. */
  private decideFirstChunk(name: string, stats: NameStats, chunk: ChunkName): SessionIdentity | undefined {
    const identity = this.decide(name, stats, chunk.base);
    if (!identity) return identity;
    const written = `the first chunk of ${chunk.base}, whose value is written in chunks`;
    return { ...identity, evidence: [...identity.evidence, written] };
  }

  /** The login this entry belongs to: a successful login request, or the next hop of its redirect. */
  private loginAt(entry: TraceEntry, host: string, origin: string): PendingLogin | undefined {
    const pending = this.pendingLogin;
    this.pendingLogin = undefined;
    const signal = this.logins.detect(entry, origin);
    if (signal) this.loginSignals.set(entry.index, signal);
    if (signal === 'password-post') {
      for (const name of userNamesPosted(entry)) this.postedUserNames.add(asName(name));
      // Another attempt before the next page leaves one answered with its form failed (confirmByNextPage): Sympa's
      // right password after the wrong one, whose redirect opens the page that would otherwise have confirmed it.
      this.formShownAgain.delete(origin);
    }
    // An attempt that only landed on its own page is read as a login whose evidence waits for a logout to confirm
    // it (confirmAtLogout): until then it counts as a failed attempt.
    const landed = signal === 'password-post' && redirectedToItself(entry);
    // One that sends the user on with a ticket or code worked: the identity provider recognised the user. A sign-in
    // response that drops its ticket from its own URL lands the sign-in there, whatever that page is called.
    const worked =
      signal !== undefined &&
      (issuesSignInResponse(entry) || (signal === 'sign-in-response' && dropsSignInResponse(entry)));
    if (worked) this.confirmedLogins.add(entry.index);
    // One redirected to a login page waits for that page's answer the same way (confirmAtLoginPage).
    const toLoginPage = signal !== undefined && !landed && !worked ? redirectedToLoginPage(entry) : undefined;
    // One answered with its form again, setting a cookie, waits for the next page it opens (confirmByNextPage).
    const formAgain = signal === 'password-post' && !worked && !landed && answeredWithFormSettingCookies(entry);
    const failed =
      signal !== undefined && !worked && loginFailed(entry) && !landed && toLoginPage === undefined && !formAgain;
    if (formAgain) this.waitForNextPage(entry, origin);
    if (signal) this.noteAttempt(entry, signal, origin, failed || toLoginPage !== undefined);
    if (signal === 'password-post') this.noteLandedOnItself(entry, origin, landed);
    if (toLoginPage !== undefined) this.failedLogins.add(entry.index);
    if (signal && !failed) {
      const next = redirectTargetOf(entry);
      const exchange = !next && mayExchangeToken(entry, signal);
      const login: PendingLogin = {
        entry: entry.index,
        text: LOGIN_SIGNAL_TEXT[signal],
        ...(next ? { nextUrl: next } : {}),
        ...(toLoginPage !== undefined ? { attemptUrl: entry.request.url } : {}),
        ...(exchange ? { exchangeAt: origin } : {}),
      };
      if (next || exchange) this.pendingLogin = login;
      return toLoginPage === undefined ? login : undefined;
    }
    if (pending?.exchangeAt !== undefined && exchangesLoginToken(entry, pending.exchangeAt, origin)) {
      return { entry: pending.entry, text: pending.text };
    }
    if (pending?.nextUrl !== entry.request.url || host === '') return undefined;
    this.noteLandingAnswer(pending.entry, origin, entry);
    return pending.attemptUrl === undefined ? pending : this.confirmAtLoginPage(pending, pending.attemptUrl, entry);
  }

  /**
   * The login page an attempt was redirected to, answering: a login that worked when it sends the user on
   * (sendsOnward), then the login this hop belongs to; a failed attempt otherwise (the form again).
   */
  private confirmAtLoginPage(pending: PendingLogin, attemptUrl: string, hop: TraceEntry): PendingLogin | undefined {
    if (!sendsOnward(hop, attemptUrl)) return undefined;
    this.confirm(pending.entry);
    const next = redirectTargetOf(hop);
    const login: PendingLogin = { entry: pending.entry, text: pending.text, ...(next ? { nextUrl: next } : {}) };
    if (next) this.pendingLogin = login;
    return login;
  }

  /**
   * A login attempt, `failed` visibly (failedLogins.ts): the login before it at its origin was a failed attempt if
   * this posts its form again, whatever this one's answer. Only a successful-looking one is the origin's last login.
   */
  private noteAttempt(entry: TraceEntry, signal: LoginSignal, origin: string, failed: boolean): void {
    const redirectedTo = redirectTargetOf(entry);
    const referer = headerValue(entry.request.headers, 'referer');
    const attempt: LoginAttempt = {
      signal,
      status: entry.response?.status,
      url: entry.request.url,
      ...(redirectedTo !== undefined ? { redirectedTo } : {}),
      ...(referer !== undefined ? { referer } : {}),
    };
    const previous = this.lastLogins.get(origin);
    if (previous && isRetriedAttempt(previous.attempt, attempt, false, previous.otherPageSince))
      this.failedLogins.add(previous.entry);
    if (!failed) this.lastLogins.set(origin, { entry: entry.index, attempt, otherPageSince: false });
  }

  /**
   * A session kept in the cookie as readable fields (`a=b&c=d`): Apache httpd's mod_session without its crypto
   * module (`private-user=…&private-pw=…`). Readable data is evidence against an ID, but under a session's name and
   * issued in answer to a login that worked, the cookie is the session, its data in the clear.
   */
  private readableSessionStore(stats: NameStats, cls: NameClass): SessionIdentity | undefined {
    if (cls.kind !== 'session') return undefined;
    const values = [...stats.shapes.keys()];
    // Its values all readable (the logout may leave only `expiry=…`), fields among them.
    const readable = values.every((v) => stats.shapes.get(v) === 'structured' || stats.shapes.get(v) === 'not-an-id');
    if (!readable || !values.some(isFieldsValue)) return undefined;
    const atLogin = this.succeeded(stats.behaviour.filter((b) => b.login !== undefined));
    if (atLogin.length === 0) return undefined;
    const evidence = [
      ...atLogin.slice(0, 2),
      `name matches ${cls.pattern}`,
      'its value is readable fields: the session itself',
    ];
    return { confidence: 'certain', evidence, against: [] };
  }

  private holdsOnlyUserNames(stats: NameStats): boolean {
    if (this.postedUserNames.size === 0 || stats.shapes.size === 0) return false;
    for (const value of stats.shapes.keys()) if (!this.postedUserNames.has(asName(value))) return false;
    return true;
  }

  /** The texts of the behaviour not seen at a login that failed. */
  private succeeded(behaviour: readonly Behaviour[]): string[] {
    return behaviour.filter((b) => b.login === undefined || !this.failedLogins.has(b.login)).map((b) => b.text);
  }

  private statsOf(name: string): NameStats | undefined {
    let stats = this.names.get(name);
    if (stats === undefined) {
      const lower = name.toLowerCase();
      stats = name === '' || this.refused.has(lower) ? null : newNameStats(name);
      this.names.set(name, stats);
    }
    return stats ?? undefined;
  }

  private noteValue(name: string, stats: NameStats, value: string): void {
    if (stats.shapes.size >= MAX_SHAPED_VALUES || stats.shapes.has(value)) return;
    // A value a sanitiser masked says nothing of the ID it stood for: not a shape the cookie is judged by.
    if (isMaskedValue(value)) {
      this.masked ??= { name, value };
      stats.masked = true;
      return;
    }
    stats.shapes.set(value, valueShape(value));
  }

  private noteToken(
    stats: NameStats,
    value: string,
    host: string,
    order: number,
    hostCount: number,
    setBy: TraceEntry,
  ): void {
    let token = stats.token;
    // More distinct values than the limit decide "not a token" (tokenEvidence), whatever comes after: nothing more
    // to note. A session set on every answer gets here on most entries of a long trace.
    if (token !== undefined && token.setValues.size > TOKEN_MAX_DISTINCT_SET_VALUES) return;
    // A value set before was judged then (no placeholder, its length and bits counted); only where and when it is
    // set again is news.
    const judged = token?.setValues.has(value) === true;
    // A placeholder the server writes in place of the ID (LedgerSMB's `Login` at its logout, PHP's `deleted`) is no
    // value the token's shape is judged by.
    if (!judged && isPlaceholderValue(value)) return;
    if (!token) {
      token = {
        setValues: new Set(),
        host,
        firstSetEntryOrder: order,
        hostCountAtFirstSet: hostCount,
        tokenLike: true,
        carriedAfter: 0,
        setOnlyByPixels: true,
        holdsIssueTime: true,
      };
      stats.token = token;
    }
    if (!PIXEL_TYPES.has(setBy.request.resourceType)) token.setOnlyByPixels = false;
    const bare = value.replace(/^"|"$/g, '');
    if (token.holdsIssueTime && !holdsIssueTime(bare, setBy.startedAt)) token.holdsIssueTime = false;
    if (judged) return;
    token.setValues.add(value);
    if (bare.length < TOKEN_MIN_LENGTH || estimateSingle(bare).bits < TOKEN_MIN_BITS) token.tokenLike = false;
  }

  /** `className`: the name whose class counts (for a first chunk, the chunked cookie's). */
  private decide(name: string, stats: NameStats, className = name): SessionIdentity | undefined {
    if (this.forced.has(name.toLowerCase()))
      return { confidence: 'certain', evidence: ['marked by the user'], against: [] };
    // For an authentication name or a documented session, the dataset's row speaks for its platform's cookies
    // (newNameStats): a cookie of that name seen only on other sites is not the platform's.
    const classStats = className === name ? stats : (this.names.get(className) ?? newNameStats(className));
    const cls =
      (classStats.platform && !classStats.platform.seen) || this.onOwnTrackingPlatform(classStats.cls, className)
        ? nameClassOffPlatform(className)
        : classStats.cls;
    if (cls.kind === 'affinity' || cls.kind === 'not-session') return undefined;
    // The name the user logged in with, kept in a cookie (MediaWiki's `<wiki>UserName`): readable data, no ID.
    if (this.holdsOnlyUserNames(stats)) return undefined;
    // The user's public handle, seen in the site's own addresses, under a name only the dataset calls a session's.
    if (cls.kind === 'documented-session' && stats.inOwnAddress === true && [...stats.shapes.keys()].every(isHandle))
      return undefined;
    // The time it was set, each time (alone, or leading other numbers): a timestamp, whatever its name says.
    if (stats.setTimestamps === true) return undefined;
    // A number under a name that says it is a time (Amazon's `session-id-time`): a time too, set or not.
    const values = [...stats.shapes.keys()];
    if (values.length > 0 && values.every((value) => isTimeUnderTimeName(className, value))) return undefined;
    // Scoped to a path that names it, each time: one flow's handle, the value in that flow's URLs by design.
    if (stats.setOnOwnPath === true) return undefined;
    // Named for one flow, by the value that flow's URLs carry: a handle of that flow, the name new in each.
    if (stats.namedForFlow === true) return undefined;
    // Set as a sign-in began, deleted as it ended: that sign-in's state (an OAuth authorization request kept in a
    // cookie), which its callback consumes. A session set there is kept past the login (renewed, not deleted).
    if (stats.setAsSignInBegins === true && stats.deletedAtLogin === true) return undefined;
    const shapes = [...stats.shapes.values()];
    const sessionStore = this.readableSessionStore(stats, cls);
    if (sessionStore) return sessionStore;
    // RULES.md: a name match counts "provided the value can be an ID"; readable structured data is evidence against.
    if (shapes.length > 0 && shapes.every((s) => s === 'not-an-id' || s === 'structured')) return undefined;
    // Nor can a word or a placeholder be one, under any name: a failed login's `sid=bad` (the lanes follow no such
    // value, sessionLanes.ts, so a session of it would be named in findings and listed nowhere). What a sanitiser
    // masked stood for a value: below.
    if (values.length > 0 && values.every((v) => isPlaceholderValue(v) && !isMaskedValue(v))) return undefined;
    // A signed or encoded list is data even beside values that cannot be read (Django's messages: a signed list,
    // then the same compressed); a store cleared to `{}` at a logout is still the store.
    if (!shapes.includes('opaque') && values.some(isReadableList)) return undefined;
    // Only masked values seen: the sanitiser hid what the value was, not what the server did with the cookie (issued
    // it at a login, cleared it at a logout), so behaviour and the name still tell, as of an ID (RULES.md: evidence by
    // behaviour first). The IDs themselves are not followed (sessionLanes.ts, isPlaceholderValue).
    const idShaped =
      shapes.some((s) => s === 'opaque' || s === 'client-side-store') || (stats.masked === true && shapes.length === 0);
    const knownName =
      cls.kind === 'session'
        ? `name matches ${cls.pattern}`
        : cls.kind === 'documented-session'
          ? `documented as a session cookie: ${cls.pattern}`
          : undefined;
    // Words in a cookie no known name calls a session (`theme=dark`, `tz=Europe/Paris`, set at a login as often as
    // not): a preference, whatever the server did with it.
    if (knownName === undefined && values.length > 0 && values.every(isWordValue)) return undefined;
    // Nor is a cookie whose name says it holds settings (`GOsa_Filter_Settings`: base64 JSON of the user's filters,
    // written after the login, kept across the logout), unless its name also says authentication or session.
    if (knownName === undefined && hasPreferenceNameShape(className) && !hasAuthNameShape(className)) return undefined;
    // Nor one whose name says it is a request's diagnostic ID (a correlation or trace ID), whatever its token does.
    if (knownName === undefined && hasDiagnosticNameShape(className) && !hasAuthNameShape(className)) return undefined;
    // A name that only has the shape of one (`MS_AUTH`, `leo_auth_token`) is weaker than a known name.
    const nameShape =
      knownName === undefined && hasAuthNameShape(className) && idShaped && longestValue(stats) >= TOKEN_MIN_LENGTH
        ? 'its name says authentication or session and its value is a token'
        : undefined;
    const libraryFormat = knownName === undefined && nameShape === undefined ? sessionIdFormatOf(values) : undefined;
    // A token the server signs in a companion cookie (`<name>.sig`: the cookies module's HMAC, as Koa, ThinkJS,
    // cookie-session and oidc-provider sign their session cookies): a value the server must trust, as an ID is. Only
    // with behaviour does it make a session: signing alone is no more than a name's shape.
    const companionSigned =
      knownName === undefined &&
      nameShape === undefined &&
      libraryFormat === undefined &&
      idShaped &&
      this.names.has(`${name}.sig`)
        ? `its token is signed in the companion cookie ${name}.sig`
        : undefined;
    const tokenEvidence = this.tokenEvidence(stats);
    // The page sends the cookie's value as its login token: whatever its name, the cookie holds the credential.
    const headerToken =
      stats.sentAsHeader !== undefined && idShaped
        ? `its value is the token entry ${stats.sentAsHeader.entry} sent in its ${stats.sentAsHeader.header} header`
        : undefined;
    const clientSideToken = shapes.includes('client-side-store');
    const behaviour = [...new Set(this.succeeded(stats.behaviour))].slice(0, 3);
    const carriedAtLogin = this.succeeded(
      stats.carriedAtLogins.filter((b) => loginOfSetter(stats, b) && !this.issuedAnotherToken(b.login, name)),
    )[0];
    const named = [knownName ?? nameShape ?? libraryFormat ?? companionSigned ?? headerToken].filter(
      (e): e is string => e !== undefined,
    );
    if (behaviour.length > 0 && (named.length > 0 || tokenEvidence || idShaped)) {
      return { confidence: 'certain', evidence: [...behaviour, ...named], against: [] };
    }
    // A session cookie by name that a successful login carried is what the server bound the login to (kept or
    // replaced later, it is the session): behaviour, with the name to say which cookie.
    if (carriedAtLogin && named.length > 0 && idShaped) {
      return { confidence: 'certain', evidence: [carriedAtLogin, ...named], against: [] };
    }
    // With no behaviour for it, a name made for one flow is that flow's handle (a listed name's family aside).
    if (cls.kind !== 'session' && this.namedForOneFlow(name, stats)) return undefined;
    const token = tokenEvidence ? [tokenEvidence] : [];
    // A listed name is `likely` on its own, as is a session library's format for its ID (SESSION_ID_FORMATS); a
    // dataset's "session" label or a name's shape needs the value's behaviour (set once, sent back) or a token format
    // (a JWT, a session store) to agree.
    if (
      cls.kind === 'session' ||
      libraryFormat ||
      headerToken ||
      (named.length > 0 && (tokenEvidence || clientSideToken))
    ) {
      return { confidence: 'likely', evidence: [...named, ...token], against: [] };
    }
    if (named.length > 0) return { confidence: 'possible', evidence: [...named, ...token], against: [] };
    // The token's behaviour alone is the weakest evidence (RULES.md: on its own at most `possible`), and a cookie of
    // a third-party host is evidence against: together they make no session. On real page loads these were the ad
    // and identity-sync servers' visitor IDs (a DoubleClick probe, a data broker's segment cookies), never a session.
    if (tokenEvidence && !this.tokenOnlyRefuted(stats)) return { confidence: 'possible', evidence: token, against: [] };
    return undefined;
  }

  /**
   * The login's answer issued a token under another name that nothing speaks against (a note app's `Jwt-Token`, set
   * at the login beside the `SESSION` the anonymous page had set): the login may be bound to that one, so carrying
   * this cookie to it shows nothing (RULES.md: behaviour is the server issuing, replacing or clearing the cookie). A
   * login that issued nothing else can only be bound to what it carried.
   */
  private issuedAnotherToken(login: number | undefined, name: string): boolean {
    if (login === undefined) return false;
    for (const other of this.issuedAtLogin.get(login) ?? []) {
      if (other === name) continue;
      const stats = this.names.get(other);
      if (!stats || stats.cls.kind === 'not-session' || stats.cls.kind === 'affinity') continue;
      for (const shape of stats.shapes.values()) if (shape === 'opaque' || shape === 'client-side-store') return true;
    }
    return false;
  }

  /**
   * What speaks against a cookie with nothing but its token's behaviour for it: a third party's host; only images
   * and beacons ever setting it, as a tracking pixel sets its visitor ID (Webtrends' `ACOOKIE`, from the site's own
   * `dcs.gif` collector), which no page or call of the application issued; a value built around the time it was set.
   */
  private tokenOnlyRefuted(stats: NameStats): boolean {
    return (
      this.setByThirdParty(stats) ||
      stats.token?.setOnlyByPixels === true ||
      stats.token?.holdsIssueTime === true ||
      stats.postedBack === true
    );
  }

  /**
   * The name ends in a random suffix that another cookie of the trace has in place of it (Microsoft sign-in's
   * `esctx-VsNC1fMVb9c`, `esctx-UaSDEl3gsc`, each set once and deleted a few requests later), and the server set it one
   * value: a handle a flow made for itself, named anew for each, not the session an application keeps under one name.
   * A session store under a name with a hash in it (one per shop or per back office) is written many values. Asked of
   * names no list of session names holds (a dataset's row of such a family, `esctx-`, describes the flow's handles).
   */
  private namedForOneFlow(name: string, stats: NameStats): boolean {
    if ((stats.token?.setValues.size ?? 0) > 1) return false;
    const prefix = flowPrefixOf(name);
    if (prefix === undefined) return false;
    for (const other of this.names.keys())
      if (other !== name && other.startsWith(prefix) && flowPrefixOf(other) === prefix) return true;
    return false;
  }

  /**
   * A dataset row that calls a platform's cookie advertising or analytics, under a name that says authentication or
   * session, where the platform's own site is the one inspected: the row tells how the platform follows its users on
   * other sites (X's `auth_token` and `_twitter_sess`, sent to twitter.com from every page with its button); on
   * twitter.com they are its login, judged by their names and behaviour as any site's. A tracker's cookie on its
   * customers' sites (`taboola_session_id`) is no platform's own site, and the row holds there.
   */
  private onOwnTrackingPlatform(cls: NameClass, name: string): boolean {
    if (cls.kind !== 'not-session' || cls.platformDomain === undefined) return false;
    if (cls.purpose !== 'advertising' && cls.purpose !== 'analytics') return false;
    const sites = this.firstPartySites;
    return sites !== undefined && isFirstParty(cls.platformDomain, sites) && hasAuthNameShape(name);
  }

  /** The token was set by a host outside the sites being inspected, and the user did not ask for those. */
  private setByThirdParty(stats: NameStats): boolean {
    const sites = this.firstPartySites;
    const host = stats.token?.host;
    if (this.thirdPartyAsked || sites === undefined || sites.size === 0 || !host) return false;
    return !isFirstParty(host, sites);
  }

  private tokenEvidence(stats: NameStats): string | undefined {
    const token = stats.token;
    if (!token?.tokenLike || token.setValues.size > TOKEN_MAX_DISTINCT_SET_VALUES) return undefined;
    const later = (this.hostCounts.get(token.host) ?? 0) - token.hostCountAtFirstSet;
    if (later < 2 || token.carriedAfter / later < TOKEN_MIN_RETURN_SHARE) return undefined;
    return `opaque token set by ${token.host} and sent back on ${token.carriedAfter} of ${later} later requests`;
  }
}

/**
 * Unix time in seconds or milliseconds, alone or first among numbers (a beacon's `<first visit>:<last>:<count>`):
 * nothing but numbers, led by a time.
 */
const UNIX_TIME_FIRST = /^(\d{10}|\d{13})(?:[:|._-]\d{1,13})*$/;
const DAY_MS = 86_400_000;

const MAX_SET_ORIGINS = 8;

/**
 * The value stands as a whole segment of the address's path (`/<value>/…`, `/…/<value>`): read only up to the
 * query, in a plainly written http(s) address (plainAuthorityEnd). Values of fewer than 3 characters match a segment
 * by chance.
 */
function inPathOf(url: string, value: string): boolean {
  if (value.length < 3 || !isHandle(value)) return false;
  const pathStart = plainAuthorityEnd(url);
  if (pathStart === -1) return false;
  const queryAt = url.slice(pathStart).search(/[?#]/);
  const path = queryAt === -1 ? url.slice(pathStart) : url.slice(pathStart, pathStart + queryAt);
  return path.split('/').includes(value);
}

/** A user's handle: letters, digits, `.`, `_`, `-`, and no random token (randomToken.ts). */
function isHandle(value: string): boolean {
  return HANDLE.test(value) && !isRandomToken(value);
}

const HANDLE = /^[A-Za-z0-9._-]{1,64}$/;

/**
 * A name made of a prefix and a random suffix after a `-`, `_` or `.`: eight or more letters and digits, mixed (from
 * letters to digits or back twice at least: `esctx-VsNC1fMVb9c`), as no name written in words is
 * (`blitzauth_sSessionToken`, `my_wikiUserID`) (namedForOneFlow).
 */
const FLOW_NAMED = /^(.{1,64}?[-_.])([A-Za-z0-9]{8,64})$/;

function flowPrefixOf(name: string): string | undefined {
  const match = FLOW_NAMED.exec(name);
  return match && letterDigitChanges(match[2]!) >= 2 ? match[1] : undefined;
}

function letterDigitChanges(text: string): number {
  let changes = 0;
  for (let i = 1; i < text.length; i++)
    if (isDigitCode(text.charCodeAt(i)) !== isDigitCode(text.charCodeAt(i - 1))) changes++;
  return changes;
}

function isDigitCode(code: number): boolean {
  return code >= 0x30 && code <= 0x39;
}

/** A header shorter than this holds no token (credentialsInCookie.ts headerTokenOf: 16 characters). */
const MIN_HEADER_TOKEN = 16;
/** Headers that echo an anti-forgery cookie by design (double submit: Angular's `X-XSRF-TOKEN`), no login token. */
const ANTI_FORGERY_HEADER = /csrf|xsrf|forgery|verification/i;

/** Shorter values posted back are counts and flags that match by chance, no token (NameStats.postedBack). */
const MIN_POSTED_BACK_LENGTH = 16;

function noteSetOrigin(stats: NameStats, origin: string): void {
  stats.setOrigins ??= new Set();
  if (stats.setOrigins.size < MAX_SET_ORIGINS) stats.setOrigins.add(origin);
}

/**
 * A login that carried the cookie was sent to a server that set it (or the trace never shows it set: the recording
 * began with it in the jar). Another origin's login is another server's, whatever cookies the host's jar sent it.
 */
/** The name was set or sent at `host` (NameStats.seenHosts: two are all it needs to know). */
function noteHost(stats: NameStats, host: string): void {
  const seen = stats.seenHosts;
  if (host === '' || (seen !== undefined && (seen.size > 1 || seen.has(host)))) return;
  stats.seenHosts ??= new Set();
  stats.seenHosts.add(host);
}

/** `{ host }` for a Behaviour; nothing for an unreadable URL's empty host. */
function hostOfBehaviour(host: string): { readonly host?: string } {
  return host === '' ? {} : { host };
}

/**
 * The login that carried the cookie went to a server the trace shows setting it. A cookie the trace never shows set
 * (a Jenkins `JSESSIONID.<hash>` of another port on localhost, carried to every port's login) binds the login to
 * nothing the recording can show: its name is all the evidence there is (RULES.md evidence 1 is the server's own
 * issuing or clearing).
 */
function loginOfSetter(stats: NameStats, carried: Behaviour): boolean {
  const setters = stats.setOrigins;
  return setters !== undefined && (carried.origin === undefined || setters.has(carried.origin));
}

/**
 * Cookie values a sanitiser replaced each by one label and a short hash (`sessionToken=COOKIE_6f5c89a0`,
 * `SID=COOKIE_e846df63`: the cable-modem recordings of solentlabs/cable_modem_monitor): every value seen, sent or set,
 * of two names or more, is the same label and hex. No application writes all its cookies so. The first one seen, once
 * the scheme holds.
 */
class PlaceholderScheme {
  private label: string | undefined;
  private broken = false;
  private first: MaskedCookie | undefined;
  private otherName = false;

  note(name: string, value: string): void {
    if (this.broken || value === '') return;
    const label = PLACEHOLDER.exec(value)?.[1];
    if (label === undefined || (this.label !== undefined && label !== this.label)) {
      this.broken = true;
      return;
    }
    this.label = label;
    if (this.first === undefined) this.first = { name, value, placeholders: true };
    else if (name !== this.first.name) this.otherName = true;
  }

  get found(): MaskedCookie | undefined {
    return !this.broken && this.otherName ? this.first : undefined;
  }
}

const PLACEHOLDER = /^([A-Za-z]{3,16})[_-][0-9a-fA-F]{6,16}$/;

/** A value of hex digits only, as long as an ID's: where a clock's seconds may sit as eight of them. */
const HEX_ID = /^[0-9a-f]{16,64}$/i;
/** A value of decimal digits and dots, as long as an ID's: where a clock's seconds may sit as ten digits. */
const DECIMAL_ID = /^[0-9.]{16,64}$/;

/**
 * The value (unquoted) holds the Unix time in seconds within a day of its response: hex, as four bytes somewhere in
 * it; or digits and dots, as ten digits in a row once the dots are left out (Apache's mod_usertrack writes the client's
 * address and the time, `10.1.2.3.1603084616559`, as Akamai's `AnalysisUserId` does). A random 128-bit hex ID does so
 * about once in two thousand, a random 20-digit number once in five thousand; an ID made of a clock, an address and a
 * counter always.
 */
function holdsIssueTime(value: string, at: number): boolean {
  if (!Number.isFinite(at)) return false;
  const seconds = at / 1000;
  const near = (found: number) => Math.abs(found - seconds) <= DAY_MS / 1000;
  if (HEX_ID.test(value)) {
    for (let i = 0; i + 8 <= value.length; i += 2) if (near(Number.parseInt(value.slice(i, i + 8), 16))) return true;
    return false;
  }
  if (!DECIMAL_ID.test(value)) return false;
  const digits = value.replace(/\./g, '');
  for (let i = 0; i + 10 <= digits.length; i++) if (near(Number(digits.slice(i, i + 10)))) return true;
  return false;
}

function noteTimestamp(stats: NameStats, raw: string, at: number): void {
  if (stats.setTimestamps === false) return;
  const time = UNIX_TIME_FIRST.exec(raw.replace(/^"|"$/g, ''))?.[1];
  const ms = time === undefined ? Number.NaN : time.length === 10 ? Number(time) * 1000 : Number(time);
  stats.setTimestamps = Number.isFinite(at) && Math.abs(ms - at) <= DAY_MS;
}

/**
 * express-session's (connect's) session ID as its cookie holds it, under whatever name the application gave it
 * (AdminJS's `adminjs`): `s:` + the ID (uid-safe: 24 base64url characters or more) + `.` + the base64 HMAC-SHA256
 * of it without padding (43 characters), percent-encoded in the header. A library's format for a session ID speaks
 * as a known name does.
 */
const SIGNED_SESSION_ID = /^s(?::|%3A)[A-Za-z0-9_-]{24,}\.(?:[A-Za-z0-9]|%2B|%2F|\+|\/){43}$/;

/**
 * Session libraries' formats for their IDs, each of which speaks as a known name does, whatever name the application
 * gave the cookie:
 * - express-session's signed ID (SIGNED_SESSION_ID);
 * - PHP's session ID as php.ini (development and production, PHP 7.1 and later) makes it: 26 characters of 0-9a-v
 *   (`session.sid_length = 26`, `session.sid_bits_per_character = 5`). Applications rename the cookie with
 *   session_name(): ZenTao's `zentaosid`, Roundcube's `roundcube_sessid`, DokuWiki's, Horde's, Cacti's, Icinga Web's.
 *   In this project's corpora every cookie with such a value was a PHP session, none a tracker's; a random token of 26
 *   lowercase letters and digits avoids w–z one time in twenty.
 */
const SESSION_ID_FORMATS: readonly { readonly format: RegExp; readonly text: string }[] = [
  {
    format: SIGNED_SESSION_ID,
    text: "its value is a session ID in express-session's signed format (s:<ID>.<signature>)",
  },
  { format: /^[0-9a-v]{26}$/, text: "its value is a session ID in PHP's format (26 characters of 0-9a-v)" },
];

/** The evidence of the first session library's format one of the values is in (SESSION_ID_FORMATS). */
function sessionIdFormatOf(values: readonly string[]): string | undefined {
  for (const { format, text } of SESSION_ID_FORMATS) if (values.some((v) => format.test(v))) return text;
  return undefined;
}

/** A value short enough to be a word of a path (`path=/admin`) proves nothing. */
const OWN_PATH_MIN_VALUE = 16;
const PATH_ATTRIBUTE = /;\s*path\s*=\s*([^;]*)/i;

function noteOwnPath(stats: NameStats, line: string, value: string): void {
  if (stats.setOnOwnPath === false) return;
  // Most lines hold their value once: the attribute is read only when the value appears again after it.
  const again = value.length >= OWN_PATH_MIN_VALUE && line.indexOf(value, line.indexOf(value) + value.length) !== -1;
  stats.setOnOwnPath = again && (PATH_ATTRIBUTE.exec(line)?.[1] ?? '').split('/').includes(value);
}

function noteNamedForFlow(stats: NameStats, name: string, entry: TraceEntry): void {
  if (stats.namedForFlow === false) return;
  // A name shorter than such a value cannot hold one: the URLs are read only for the few names that can.
  if (name.length <= OWN_PATH_MIN_VALUE) {
    stats.namedForFlow = false;
    return;
  }
  const location = entry.response?.redirectUrl || headerValue(entry.response?.headers ?? [], 'location');
  const urls = location ? [entry.request.url, location] : [entry.request.url];
  stats.namedForFlow = urls.some((url) =>
    queryValues(url).some((v) => v.length >= OWN_PATH_MIN_VALUE && name.includes(v)),
  );
}

/** The values of a URL's query parameters, as written (a flow's handle is URL-safe: no decoding needed). */
function queryValues(url: string): string[] {
  const query = url.indexOf('?');
  if (query === -1) return [];
  const hash = url.indexOf('#', query);
  return url
    .slice(query + 1, hash === -1 ? undefined : hash)
    .split('&')
    .map((param) => param.slice(param.indexOf('=') + 1));
}

/** A value long enough to hold an encrypted payload, in base64 (standard or URL-safe, percent-encoded or not). */
const SEALED_VALUE = /^[A-Za-z0-9+/_-]{100,}={0,2}$/;
/** Distinct lengths kept: two already tell a payload from an ID of fixed length. */
const MAX_SEALED_LENGTHS = 4;

function noteSealedLength(stats: NameStats, raw: string): void {
  if (stats.sealedLengths === null) return;
  let value = raw.replace(/^"|"$/g, '');
  if (value.includes('%')) {
    try {
      value = decodeURIComponent(value);
    } catch {
      // kept as written
    }
  }
  if (!SEALED_VALUE.test(value)) {
    stats.sealedLengths = null;
    return;
  }
  stats.sealedLengths ??= new Set();
  if (stats.sealedLengths.size < MAX_SEALED_LENGTHS) stats.sealedLengths.add(value.length);
}

/**
 * Values that behave as a session encrypted into the cookie with no format to show it: every value set long base64,
 * of more than one length (an ID keeps its length; a payload grows and shrinks with what the session holds), none
 * of a known format.
 */
function isSealedByBehaviour(stats: NameStats): boolean {
  if ((stats.sealedLengths?.size ?? 0) < 2) return false;
  // A store whose format shows it (readable, or sealed in a known envelope) is told by its values already.
  for (const shape of stats.shapes.values()) if (shape !== 'opaque') return false;
  return true;
}

function newNameStats(name: string): NameStats {
  const cls = classifyCookieName(name);
  // Evidence against only for a name of the authentication list (`token`, `auth_token`: what apps call their own
  // login cookies). A generic name (`GeoIP`, `ab`) means the same on every site, and trackers set theirs on their
  // customers' sites from scripts (`taboola_session_id`): there the dataset's word holds wherever the cookie is seen.
  // Evidence for always: a platform's session cookie is set by the platform's servers, and a short name of its row
  // elsewhere is someone else's (Salesforce's `rsid` on an ad exchange, Tripadvisor's `RT` on a retargeting pixel).
  const platformBound = cls.kind === 'documented-session' || (cls.kind === 'not-session' && isAuthCookieName(name));
  const platform =
    platformBound && cls.platformDomain !== undefined
      ? { site: registrableDomain(cls.platformDomain), seen: false }
      : undefined;
  const stats = { cls, shapes: new Map<string, ValueShape>(), behaviour: [], carriedAtLogins: [] };
  return platform ? { ...stats, platform } : stats;
}

/** The cookie was seen on a request to `host`: on its dataset platform's site, or not. */
function notePlatformSighting(stats: NameStats, host: string): void {
  const platform = stats.platform;
  if (platform && !platform.seen && host !== '' && registrableDomain(host) === platform.site) platform.seen = true;
}

function hasRedactedValue(stats: NameStats): boolean {
  for (const v of stats.shapes.keys()) if (isRedactedValue(v)) return true;
  return false;
}

function longestValue(stats: NameStats): number {
  let longest = 0;
  for (const v of stats.shapes.keys()) longest = Math.max(longest, v.length);
  return longest;
}

function originOf(url: string): string {
  try {
    return new URL(url).origin;
  } catch {
    return '';
  }
}

/**
 * isLogoutAt the URL. The parser makes the path and query from the URL's own text (it only percent-encodes, turns
 * "\\" into "/" and drops dot segments, tabs and line breaks), so a URL without tabs or line breaks whose text has no
 * logout word has none in its path or query either: most requests are decided without their URL being parsed (a
 * DELETE may still be a logout by its path, and is parsed).
 */
function isLogoutEntry(entry: TraceEntry): boolean {
  const url = entry.request.url;
  if (!LOGOUT_WORD.test(url) && !TAB_OR_LINE_BREAK.test(url) && !isDeleteRequest(entry) && !bodyAsksLogout(entry))
    return false;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  return isLogoutAt(entry, parsed);
}

const TAB_OR_LINE_BREAK = /[\t\n\r]/;

/**
 * Whether the request carried a cookie of this name. The page a login redirects to answers for the login only with
 * what it issues anew: a cookie the browser already held and that page writes again (a counter or a signed value
 * written on every page) is written there as on any other page, login or not.
 */
/** A 2xx answer to a login POST whose body shows the login form again (loginForm.ts), and that sets a cookie. */
function answeredWithFormSettingCookies(entry: TraceEntry): boolean {
  const status = entry.response?.status ?? 0;
  return (
    status >= 200 && status < 300 && entry.response?.loginForm === true && responseSetCookieLines(entry).length > 0
  );
}

function carries(sent: readonly { readonly name: string }[], name: string): boolean {
  for (let i = 0; i < sent.length; i++) if (sent[i]!.name === name) return true;
  return false;
}

function carriesValue(sent: readonly { readonly name: string; readonly value: string }[], name: string, value: string) {
  for (let i = 0; i < sent.length; i++) if (sent[i]!.name === name && sent[i]!.value === value) return true;
  return false;
}

/**
 * A user name as a cookie or a form field may write it: percent-decoded, quotes off, `+` and `_` as spaces, case
 * folded (MediaWiki stores `alice` as `Alice`).
 */
function asName(value: string): string {
  let text = value.replace(/^"|"$/g, '');
  try {
    text = decodeURIComponent(text.replace(/\+/g, ' '));
  } catch {
    // kept as written
  }
  return text.replace(/_/g, ' ').trim().toLowerCase();
}

/** A name that is a random token (letters and digits, both, no words parted by separators): an ID as a name. */
const RANDOM_NAME = /^(?=[a-z]*\d)(?=\d*[a-z])[a-z\d]{16,}$/i;

/** A value that reads as a list (a signed or encoded JSON array), not a store of named fields. */
function isReadableList(value: string): boolean {
  return Array.isArray(readClientSideData(value)?.payload);
}

/** Base64 JSON, signed by nothing, whose fields hold no random token: data anyone could write, no session's ID. */
function isUnsignedDataWithoutId(value: string): boolean {
  const data = readClientSideData(value);
  if (data?.kind !== 'base64-json') return false;
  const payload = data.payload;
  if (typeof payload !== 'object' || payload === null) return false;
  return Object.values(payload).every(
    (field) =>
      typeof field !== 'string' || field.length < TOKEN_MIN_LENGTH || estimateSingle(field).bits < TOKEN_MIN_BITS,
  );
}
