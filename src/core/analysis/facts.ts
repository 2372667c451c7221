/**
 * The facts the replay establishes about a trace: per request, what was sent, what was not and why, what
 * each Set-Cookie did; per session cookie, its lane of IDs and the events that ended each ID. Rules read
 * these facts and decide findings; they never replay cookies themselves. This module is the floor both the engine
 * (analysis/) and the rules (rules/) stand on: it imports neither (layering.test.ts).
 */
import { domainMatch } from '../cookie/domain.ts';
import type { NotSentReason } from '../cookie/reasons.ts';
import type { SharedBy } from '../cookie/sharedCookie.ts';
import type { ParsedSetCookie, StoreOutcome } from '../cookie/types.ts';
import type { ResourceType } from '../trace/types.ts';

/** How sure the identification is (RULES.md): behaviour or a user's mark, a known name, a token shape alone. */
export type Confidence = 'certain' | 'likely' | 'possible';

/** Why a cookie counts as a session cookie (sessionCookies.ts finds it). */
export interface SessionIdentity {
  readonly confidence: Confidence;
  /** The evidence for, strongest first, in words ("issued in answer to the login at entry 12"). */
  readonly evidence: readonly string[];
  /** Evidence against that was outweighed, in words (kept so a reader sees both sides). */
  readonly against: readonly string[];
  /**
   * Its values behave as a session encrypted into the cookie, though no format shows it (Yesod's clientsession):
   * long, in base64, and of several lengths, as a payload that grows and shrinks is (sessionCookies.ts). A new
   * value is then the store saved again, not a new ID.
   */
  readonly sealedStore?: true;
  /**
   * Where behaviour was seen at some hosts only: the identity of the name's lanes that one of those hosts receives, by
   * host, and of the lanes none does (`elsewhere`), each judged by what was seen there (identityOfLane). Absent, every
   * lane has this one.
   */
  readonly perHost?: {
    readonly hosts: ReadonlyMap<string, SessionIdentity>;
    readonly elsewhere?: SessionIdentity;
  };
}

/**
 * The identity of a lane of the name whose cookie has `domain`: that of the one host of perHost that receives it (the
 * host domain-matches it), or `elsewhere` when none does; the name's own when several do (a cookie shared by hosts).
 */
export function identityOfLane(identity: SessionIdentity, domain: string): SessionIdentity {
  const perHost = identity.perHost;
  if (!perHost) return identity;
  let found: SessionIdentity | undefined;
  for (const [host, own] of perHost.hosts) {
    if (!domainMatch(host, domain)) continue;
    if (found !== undefined) return identity;
    found = own;
  }
  return found ?? perHost.elsewhere ?? identity;
}

export interface SentCookieFact {
  readonly name: string;
  readonly value: string;
  /** Where the jar had it (undefined when the request carried a cookie the jar never saw set). */
  readonly domain?: string;
  readonly path?: string;
  readonly session: boolean;
}

export interface NotSentCookieFact {
  readonly name: string;
  readonly value: string;
  readonly domain: string;
  readonly path: string;
  readonly reason: NotSentReason;
  readonly session: boolean;
  /** Reasons Chrome itself reported for this cookie on this request, when the trace carries them. */
  readonly browserReasons?: readonly string[];
  /**
   * Held back for no reason the model knows (Unknown), and not HttpOnly: a page script could have deleted it
   * (document.cookie), which no browser rule reports. Absent for an HttpOnly cookie and for every other reason.
   */
  readonly readableByScript?: true;
  /**
   * A SameSite reason on a request whose site for cookies the recording does not say (no Fetch Metadata, Referer or
   * page to compare): the browser's holding the cookie back, which only that rule explains, is what says the request
   * was cross-site. Absent where the site was known, and for every other reason.
   */
  readonly siteDeduced?: true;
}

export interface SetCookieFact {
  readonly line: string;
  readonly outcome: StoreOutcome;
  /** The parsed line when it parsed (also for rejected-by-storage lines). */
  readonly parsed?: ParsedSetCookie;
  readonly name: string;
  readonly value: string;
  readonly session: boolean;
  /**
   * Stored, then replaced at once by the cookie it had replaced: that cookie's response, whose request started
   * before this one, arrived after it (two answers crossing in flight), so the browser kept that one.
   */
  readonly keptEarlierAnswer?: true;
}

export type LoginSignal = 'password-post' | 'authorization-header' | 'after-401' | 'auth-cookie' | 'sign-in-response';

export const LOGIN_SIGNAL_TEXT: Record<LoginSignal, string> = {
  'password-post': 'a POST carrying a password field',
  'authorization-header': 'an Authorization header appearing',
  'after-401': 'a success following a 401',
  'auth-cookie': 'a new authentication cookie being set',
  'sign-in-response': "an identity provider's sign-in response (OAuth, OpenID Connect, SAML or CAS)",
};

export interface RequestFacts {
  readonly entry: number;
  readonly time: number;
  readonly method: string;
  readonly url: string;
  /** scheme://host[:port] of the request URL. */
  readonly origin: string;
  readonly host: string;
  readonly resourceType: ResourceType;
  readonly status?: number;
  readonly sent: readonly SentCookieFact[];
  readonly notSent: readonly NotSentCookieFact[];
  readonly setCookies: readonly SetCookieFact[];
  readonly login?: LoginSignal;
  readonly logout: boolean;
  readonly referer?: string;
  /**
   * Sent by a client that is no browser (its User-Agent an HTTP library's, trace/siteContext.ts): it keeps and sends
   * cookies as its code does, and applies no SameSite.
   */
  readonly fromNonBrowser?: true;
}

/** A cookie whose value a sanitiser masked (`sessionid=REDACTED`): the first one seen, for the reports' note. */
export interface MaskedCookie {
  readonly name: string;
  readonly value: string;
  /**
   * The sanitiser wrote each value as one label and a short hash of it (`COOKIE_6f5c89a0`), the same label for every
   * cookie (sessionCookies.ts, PlaceholderScheme): IDs are still told apart and followed, but what a rule would read
   * in a value (its entropy, a pattern, its data) is the placeholder's, not the ID's.
   */
  readonly placeholders?: true;
}

/** Why an ID stopped being the client's session ID. */
export type IdEnd =
  /** The value changed with no Set-Cookie in the trace (page script, or the trace missed it). */
  | { readonly kind: 'replaced-unseen'; readonly entry: number }
  /**
   * The browser run ended (a file of several runs, as WebPageTest writes: each run is a fresh browser and jar), so
   * the next run never had this ID. No finding.
   */
  | { readonly kind: 'run-ended'; readonly entry: number }
  /**
   * The same session, re-encoded or updated in place (a client-side store, a structured value keeping its embedded
   * ID, a JWT re-issued for the same subject): not a new ID (RULES.md), so no reset or rotation.
   */
  | { readonly kind: 'updated'; readonly entry: number }
  | {
      readonly kind: 'rotated';
      readonly entry: number;
      readonly afterLogin?: LoginSignal;
      /** At a logout, or after one that ended this ID on the server (logoutEntry). */
      readonly atLogout: boolean;
      /** The earlier logout that carried the ID and left its cookie in place (LaneId.loggedOutAt). */
      readonly logoutEntry?: number;
      readonly periodic: boolean;
      /** Periodic among the IDs of a client not logged in (classifyPeriodicRotation): a new one on each page. */
      readonly anonymous?: true;
      /** At a request to a token refresh endpoint (`/auth/refresh`), which asks for a new one. */
      readonly atRefresh?: true;
      /**
       * Where an identity provider finished the sign-in that this login (its entry) began: the response sent the
       * browser back to the application with an authorization code (IdChange.completesSignIn).
       */
      readonly atSignInCompletion?: number;
      /**
       * At a login attempt that failed: later found so, its form posted again (failedLogins.ts), or answered so (an
       * error, the form sent back: loginSignals.ts loginFailed). No login rotated it.
       */
      readonly failedAttempt?: 'posted-again' | 'answered';
      /** Deleted at the login, whose answer issued a new ID under this other session cookie (IdChange.handedTo). */
      readonly handedTo?: string;
      /**
       * Outside any login, the server replaced the ID and went on answering as to the user signed in: the page of this
       * entry, its answer or a later one carrying the new ID, offers a logout or names the user
       * (classifySignedInRenewals). A renewal of the ID, not a session lost.
       */
      readonly stillSignedInAt?: number;
    }
  | {
      readonly kind: 'reset';
      readonly entry: number;
      readonly cause: ResetCause;
      readonly notSentReason?: NotSentReason;
      /** At a logout, or after one that ended this ID on the server (logoutEntry). */
      readonly atLogout: boolean;
      /** The earlier logout that carried the ID and left its cookie in place (LaneId.loggedOutAt). */
      readonly logoutEntry?: number;
      /** For cleared-by-server: by Clear-Site-Data, not by a Set-Cookie line. */
      readonly clearSiteData?: true;
      /** For server-rejected: the affinity/route that changed with it (session-backend-switch). */
      readonly backendSwitch?: BackendSwitch;
      /** For server-rejected inside a login's redirect chain: the login's entry (it had just issued the ID). */
      readonly loginEntry?: number;
      /**
       * For server-rejected, expired, not-sent, and cleared-by-server outside a logout: the response answered as to a
       * client not logged in (a redirect to a login page, 401).
       */
      readonly loggedOutAnswer?: LoggedOutAnswer;
      /** For server-rejected: no login was seen to issue the held ID's session (IdChange.sessionLogin), none open. */
      readonly anonymous?: true;
      /**
       * For not-sent and expired: a visitor's ID (no login issued it) held back from the login request itself, whose
       * answer issued the user's session: the login's new session, nothing of a login lost.
       */
      readonly replacedByLogin?: true;
      /** For overwritten: the response answered a request in flight with the ID the held one replaced (a race). */
      readonly inFlightWith?: string;
      /** For overwritten: the held ID was new, never carried, replaced by a request in flight beside it (IdChange.freshRace). */
      readonly freshRace?: true;
      /** For cleared-by-server: the ID was issued in answer to a login attempt that failed (that attempt's entry). */
      readonly failedAttempt?: number;
      /**
       * For overwritten: another app that shares the cookie (another port of the host, another host within its Domain)
       * set the lost ID (IdChange.setByOtherApp), and the two do not share sessions: this answer replaced or deleted
       * that app's session.
       */
      readonly setByOtherApp?: OtherAppSetter;
      /**
       * For evicted: the jar's own limits evicted it (a HAR reports no eviction: SessionLanes.noteEviction), no
       * report of the browser's. A guess a later request that carries the ID proves wrong (the browser still had
       * it): undone there.
       */
      readonly byModel?: true;
    };

/** The ends the lifecycle rules decide (sessionRotated.ts, sessionReset.ts), by kind. */
export type UpdatedEnd = Extract<IdEnd, { readonly kind: 'updated' }>;
export type RotatedEnd = Extract<IdEnd, { readonly kind: 'rotated' }>;
export type ResetEnd = Extract<IdEnd, { readonly kind: 'reset' }>;

export type ResetCause =
  | 'not-sent'
  | 'server-rejected'
  | 'cleared-by-server'
  | 'expired'
  | 'cleared-by-script'
  | 'evicted'
  | 'overwritten';

export interface BackendSwitch {
  readonly entry: number;
  /** e.g. `SERVERID: node1 → node2` or `JSESSIONID route: node1 → node2`. */
  readonly changes: readonly string[];
}

export interface LaneId {
  readonly id: string;
  /** Entry whose response set it, or the first request that carried it. */
  readonly firstEntry: number;
  lastEntry: number;
  /** How the lane learnt of it. */
  readonly source: 'set-cookie' | 'carried' | 'cookie-event';
  /** When the response that set it arrived (start + duration), where the trace says. */
  readonly arrivedAt?: number;
  readonly route?: string;
  end?: IdEnd;
  /**
   * Resets that did not end the ID on the client: the server issued a new ID the browser rejected
   * (e.g. OverwriteSecure on http://), so the client keeps sending this one.
   */
  readonly incidents: IdEnd[];
  /** Requests that carried this ID. */
  carriedCount: number;
  /**
   * Of those, the requests for a page (a document, or a request whose type the recording did not give): not the
   * favicon, scripts and XHRs a page loads beside it (classifyPeriodicRotation's new ID on every page).
   */
  pagesCarried: number;
  /**
   * The first logout request that carried this ID and whose response left the cookie in place: the server ended
   * the session on its side (Java's session.invalidate(), express-session's destroy(), PHP's session_destroy()
   * without deleting the cookie), so the next response that replaces the ID does so because of that logout.
   */
  loggedOutAt?: number;
  /**
   * The login that issued this ID's session: the entry of the login whose response or redirect chain set it, or set
   * an ID this one updates (a client-side store saved again). Undefined for a session no login was seen to issue.
   */
  sessionLogin?: number;
  /**
   * The response that set it sent the browser to an identity provider with a sign-in request (loginSignals.ts
   * issuesSignInRequest): the ID was written as the sign-in began, the state of that handshake.
   */
  startsSignIn?: true;
  /**
   * Issued at a hop of the redirect chain of the login at this entry, whose request the server answered as a visitor's
   * (the login's ID not sent, expired, or unknown to that node: VISITOR_AT_HOP in sessionLanes.ts): a visitor's ID
   * inside the login's chain, not the login's session.
   */
  visitorAtHopOf?: number;
}

/** A SessionLane's key: the cookie slot's domain, path and name (RFC 6265bis 5.7 identity). */
export function laneKey(domain: string, path: string, name: string): string {
  return `${domain}\u0000${path}\u0000${name}`;
}

/**
 * What one response did to the ID a session lane held, as the replay gathered it: the facts session-rotated,
 * session-reset and session-backend-switch decide the ID's end from (their exported decisions).
 */
export interface IdChange {
  /** The entry whose response changed the ID. */
  readonly entry: number;
  /** The session cookie's name (the lane's). */
  readonly cookie: string;
  /** The ID the client held until this response. */
  readonly held: LaneId;
  /** The new value the server issued; absent when the response only deleted the cookie. */
  readonly issued?: string;
  /** The request carried the held ID. */
  readonly carried: boolean;
  /**
   * The request carried the ID the held one replaced instead: it was in flight beside the response that set the held
   * one (sessionLanes.ts, carriesReplacedInFlight). That value.
   */
  readonly carriedReplaced?: string;
  /**
   * The request went out before the held one arrived, carrying no ID of the lane or the one the held ID replaced when
   * that one was lost (a reset), and the held ID, which no login issued, was never carried: two requests in flight together were each given a new
   * session (Zabbix's dashboard widgets, all carrying the session it had just lost), and the later answer replaced the
   * first before any request used it (sessionLanes.ts).
   */
  readonly freshRace?: true;
  /** The request's path (no query). */
  readonly path: string;
  /** The cookie's values behave as an encrypted session store (SessionIdentity.sealedStore). */
  readonly sealedStore?: true;
  /** The response answered as to a client not logged in (loggedOut.ts). */
  readonly loggedOutAnswer?: LoggedOutAnswer;
  /**
   * The login that issued the held ID's session: the entry of the login whose response or redirect chain set the
   * held ID, or set an ID the held one updates (a client-side store saved again). Undefined for a session no login
   * was seen to issue.
   */
  readonly sessionLogin?: number;
  /** The held ID was in the jar for this request and not sent: that fact, with its reason. */
  readonly notSent?: NotSentCookieFact;
  /** The login open on this request: its own, or the one whose redirect chain this request follows. */
  readonly login?: { readonly signal: LoginSignal; readonly entry: number };
  /** The request is a logout. */
  readonly logout: boolean;
  /** The cookies the request carried (its affinity cookies among them). */
  readonly sent: readonly SentCookieFact[];
  /**
   * The response deleted the held ID, and the request was a POST that sent the ID (or a part of it, 16 characters
   * or more, or of the ID a readable store holds) in its query or fields: it named the session it ended.
   */
  readonly postNamesHeldId?: true;
  /** The response deleted the held ID, in answer to a POST that sent no field but anti-forgery tokens. */
  readonly bareFormPost?: true;
  /** The affinity cookies the response set, name → value ('' when it deleted one). */
  readonly affinitySet: ReadonlyMap<string, string>;
  /**
   * The response deleted the cookie and wrote its value under another name of the same chunked cookie (`x.0` for
   * `x`, `x` for `x.0`: the value grew past one cookie, or shrank back into one): that name.
   */
  readonly rewrittenAs?: string;
  /** The response deleted it with Clear-Site-Data (clearSiteData.ts), not with a Set-Cookie line. */
  readonly clearSiteData?: true;
  /**
   * The same response wrote back, unchanged, the ID of another session cookie that the request carried: that
   * cookie's name. The server read the request's session there.
   */
  readonly reissuedBeside?: string;
  /**
   * The response sent the browser back to an application with an authorization response (loginSignals.ts
   * issuesSignInResponse): an identity provider finishing a sign-in.
   */
  readonly completesSignIn?: true;
  /**
   * The response deleted the held ID and stored a new ID under another session cookie, one the request did not
   * carry: that cookie's name (Blitz's login deletes its anonymous session's cookie and issues `sSessionToken`).
   */
  readonly handedTo?: string;
  /**
   * The held ID was set by the answer of another origin that shares the cookie with this request's (another port of
   * its host, another host within the cookie's Domain: cookie/sharedCookie.ts): two apps whose session cookies share a
   * name share one cookie (appNeighbours.ts).
   */
  readonly setByOtherApp?: OtherAppSetter;
  /** …and the two were seen not to share sessions (appNeighbours.ts): whatever this answer did, that session is gone. */
  readonly appsApart?: true;
}

/** The origin that set an ID, and how it shares the ID's cookie with the origin that ended it. */
export interface OtherAppSetter {
  readonly setBy: string;
  readonly sharedBy: SharedBy;
}

export interface SessionLane {
  /** Stable key: domain + path + name of the cookie slot (RFC 6265bis 5.7 identity), from laneKey(). */
  readonly key: string;
  readonly cookie: string;
  /**
   * The cookie's Domain (its host when host-only) and Path. Written once more when a lane first seen in Cookie
   * headers, its scope guessed (host-only, "/"), goes on as the Domain cookie a Set-Cookie showed
   * (SessionLanes.continueGuessedLane).
   */
  domain: string;
  path: string;
  /** scheme://host of the request where the lane started. */
  readonly origin: string;
  /** Why the cookie counts as a session cookie: its evidence, in words, joined. */
  readonly identifiedBy: string;
  /** How sure the identification is (RULES.md "What is a session cookie"). */
  readonly confidence: Confidence;
  readonly evidence: readonly string[];
  /** The cookie belongs to a host outside the inspected site: listed apart, no lifecycle alarm above `low`. */
  readonly thirdParty: boolean;
  readonly ids: LaneId[];
  /** Backend switches seen while one ID stayed valid (no reset). */
  readonly backendSwitches: BackendSwitch[];
}

export interface LoginFact {
  readonly entry: number;
  readonly signal: LoginSignal;
  readonly origin: string;
  /** The entries of the login's redirect chain after the login request, in order (empty when it did not redirect). */
  readonly chain: number[];
  /** Lanes whose ID the login request carried, with the ID before and after the login's redirect chain. */
  readonly lanes: readonly { readonly laneKey: string; readonly before: string; after?: string; afterEntry?: number }[];
}

/**
 * A response that answered as to a client not logged in: 401, 403, 419, 440, a redirect to a login page, a login form
 * (loggedOut.ts), a page that no longer names its user (pageNames.ts).
 */
export interface LoggedOutAnswer {
  readonly entry: number;
  readonly status: number;
  /** The login page a redirect pointed to. */
  readonly loginPage?: string;
  /** A success whose body is a page with a login form. */
  readonly loginForm?: true;
  /**
   * A success whose page does not name the user the same address named with the same IDs at this entry: before it
   * (no longer), or after it since the same login (another node that had the session) (pageNames.ts).
   */
  readonly userNamedAt?: number;
}

/**
 * A cookie a request carried that holds the credentials the same request sent as HTTP Basic authentication: the
 * base64 of `user:password`, or that text itself (RabbitMQ's management UI writes `m=2258:<base64>` from script).
 */
export interface CredentialCookieFact {
  readonly entry: number;
  readonly origin: string;
  readonly cookie: string;
  readonly value: string;
}

export interface AnalysisFacts {
  readonly requests: readonly RequestFacts[];
  /**
   * False when the input holds no cookie at all, no request carrying one and no response setting one: a site without
   * cookies, or a file exported without them (DevTools' default since Chrome 130). Absent where not known.
   */
  readonly cookiesRecorded?: boolean;
  /** The trace's cookie values are hashes (Trace.source.valuesRedacted): the value-judging rules say nothing. */
  readonly valuesRedacted?: true;
  readonly lanes: readonly SessionLane[];
  readonly logins: readonly LoginFact[];
  /**
   * Every POST that carried a password field, in trace order, a failed one too (failedLogins.ts: a login answered
   * with a page is a failed attempt when the same form is posted again, whatever that next post's answer).
   */
  readonly loginAttempts?: readonly number[];
  /** The password POSTs that chose a password (loginSignals.ts choosesPassword: a sign-up, a reset); absent when none. */
  readonly passwordChosen?: ReadonlySet<number>;
  /**
   * The documents whose page named a user a password POST before it had sent (pageNames.ts: "Hello alice"), in a HAR
   * saved with content; absent when none.
   */
  readonly pagesNamingUser?: ReadonlySet<number>;
  /**
   * The pages that offer a logout (a link or form to one, no login form: loginForm.ts) to a request that carried a
   * session cookie, at an origin whose visitors' pages in the trace offered none: pages for a user signed in (a HAR
   * saved with content); absent when none.
   */
  readonly pagesOfferingLogout?: ReadonlySet<number>;
  /** Responses that answered as logged out, in trace order (few: kept apart from the per-request facts). */
  readonly loggedOut?: readonly LoggedOutAnswer[];
  /** Cookies that carried the credentials of their request's Authorization header, in trace order (rare: apart). */
  readonly credentialCookies?: readonly CredentialCookieFact[];
  /** The entries whose request sent HTTP Basic credentials (an Authorization header): none when the trace has none. */
  readonly basicAuthEntries?: ReadonlySet<number>;
  /** Session cookie names and why: name pattern, token-like, or user override. */
  readonly sessionCookieNames: ReadonlyMap<string, string>;
  /** Session cookie names with their confidence and evidence. */
  readonly sessionIdentities?: ReadonlyMap<string, SessionIdentity>;
  /** Registrable domains of the inspected site's top-level pages. */
  readonly firstPartySites?: ReadonlySet<string>;
}
