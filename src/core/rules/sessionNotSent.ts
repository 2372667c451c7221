/**
 * session-not-sent: a session cookie in the jar matched the request's origin but was not sent, with the one
 * reason why (RULES.md). Reasons that always matter are reported once per cookie and reason until the ID
 * changes; reasons that are often benign (another path, another host, unknown) only when the request then
 * lost the session or was refused (a status that says "not logged in": 401, 403, 419, 440), or was answered as a
 * visitor is: a new session under the same name there (a cookie of that host or path) or the login page.
 */

import {
  type LaneId,
  type LoggedOutAnswer,
  laneKey,
  type NotSentCookieFact,
  type RequestFacts,
  type SessionLane,
} from '../analysis/facts.ts';
import { COOKIE_LIMITS } from '../cookie/jar.ts';
import { pathMatch } from '../cookie/path.ts';
import type { NotSentReason } from '../cookie/reasons.ts';
import { NOT_SENT_REASONS } from '../cookie/reasons.ts';
import { onOtherPorts } from '../cookie/sharedCookie.ts';
import { isLoginPagePath } from '../session/loginPage.ts';
import { MIN_VALUE_LENGTH } from '../session/valuesInText.ts';
import { LOGGED_OUT_STATUSES } from '../trace/loggedOutStatus.ts';
import {
  expirySlid,
  idHeld,
  isQuietLoss,
  laneByKey,
  loggedOutAnswerEvidence,
  loginOrigins,
  lossForeshadowed,
  lossOnlyFollowed,
  lossRepeated,
  quietReadings,
  SCRIPT_DELETION_FIX,
  SLID_EXPIRY_FIX,
} from './helpers.ts';
import { memo } from './memo.ts';
import { defineRule, type FindingDraft, type RuleContext } from './rule.ts';
import { answerText } from './sessionRejected.ts';
import { idTransitions, notSentKey } from './transitions.ts';

/** How each reason is reported: always (once per ID), when it caused a loss, or never (told elsewhere). */
const REPORTING: Record<NotSentReason, 'always' | 'when-consequential' | 'never'> = {
  SecureOnly: 'always',
  NotOnPath: 'when-consequential',
  DomainMismatch: 'when-consequential',
  SameSiteStrict: 'always',
  SameSiteLax: 'always',
  SameSiteUnspecifiedTreatedAsLax: 'always',
  SameSiteNoneInsecure: 'always',
  SchemeMismatch: 'always',
  PortMismatch: 'always',
  NameValuePairExceedsMaxSize: 'always',
  ThirdPartyBlocked: 'always',
  UserPreferences: 'always',
  Expired: 'always',
  // The deletion itself is the finding (session-reset cleared-by-…); every later request would repeat it.
  Deleted: 'never',
  Unknown: 'when-consequential',
};

const REASON_FIX: Record<NotSentReason, string> = {
  SecureOnly:
    'Serve every page over https (redirect http:// and send HSTS) so the Secure session cookie is always sent.',
  NotOnPath: 'Set Path=/ on the session cookie (without Path it defaults to the directory of the URL that set it).',
  DomainMismatch:
    'Set the cookie for the host that needs it, or a Domain covering both hosts (mind cookie-domain-broad).',
  SameSiteStrict: 'Use SameSite=Lax so top-level navigations from other sites keep the session.',
  SameSiteLax:
    'Cross-site POSTs and subresources do not carry Lax cookies: use SameSite=None; Secure for flows that must (with CSRF protection), or keep the flow same-site.',
  SameSiteUnspecifiedTreatedAsLax:
    'Set SameSite explicitly: Lax is now the default; use SameSite=None; Secure where cross-site requests need the session.',
  SameSiteNoneInsecure: 'Add Secure to the SameSite=None cookie.',
  SchemeMismatch: 'Serve the site over https only: a cookie set over https is not sent to http://.',
  PortMismatch: 'Serve the session on one port or set the cookie from the port that uses it.',
  NameValuePairExceedsMaxSize: 'Keep the session cookie small: an opaque ID, not data.',
  ThirdPartyBlocked:
    'The browser blocks third-party cookies here: use a first-party flow, CHIPS (Partitioned) or the Storage Access API.',
  UserPreferences: 'The user’s settings block this cookie: detect it and explain, or avoid needing it.',
  Expired:
    "The cookie's lifetime ran out: if the session should have lasted, renew the cookie's expiry as the user goes on (a sliding expiry) or give it a lifetime at least as long as the server-side session, or none (browser session); if it is the intended idle timeout, tell the user their session ended.",
  Deleted: 'Find what deleted the cookie.',
  Unknown: 'Compare with the browser’s own report (DevTools Network → Cookies, "show filtered out request cookies").',
};

export const sessionNotSent = defineRule({
  id: 'session-not-sent',
  severity: 'high',
  title: 'Session cookie not sent',
  docs: {
    explanation:
      'The browser held a session cookie for this origin but did not send it with the request, so the server could not recognise the session. The reason names the browser rule that kept it back.',
    fix: 'Follow the reason: serve every page over https (SecureOnly), widen Path (NotOnPath), set SameSite=Lax or None; Secure for cross-site flows (SameSite*), lengthen the cookie lifetime (Expired).',
  },
  check(ctx) {
    const consequential = new Set<string>();
    /** The entries of `consequential`: a request with none needs no key to tell. */
    const consequentialEntries = new Set<number>();
    for (const t of idTransitions(ctx)) {
      // A loss session-reset tells as info (quietReadings: followed, repeated, at the login, the held ID went on) is
      // no consequence to raise the not-sent for.
      if (
        t.end.kind === 'reset' &&
        (t.end.cause === 'not-sent' || t.end.cause === 'expired') &&
        !isQuietLoss(t.end, quietReadings(ctx, t))
      ) {
        consequential.add(notSentKey(t.lane.key, t.end.entry));
        consequentialEntries.add(t.end.entry);
      }
    }
    const reported = new Set<string>();
    const lanes = laneByKey(ctx);
    const loggedOut = new Map((ctx.facts.loggedOut ?? []).map((a) => [a.entry, a]));
    // Not-sent facts are shared across requests (factCache.ts): each one's lane and report key made once.
    const keysOf = new Map<NotSentCookieFact, { readonly lane: string; readonly once: string }>();
    /** The origins where a login of the trace was (anotherAppsHost). */
    const logins = loginOrigins(ctx.facts.logins);
    const drafts: FindingDraft[] = [];
    // Indexed loops: this runs over every request of the trace on every snapshot, and a for-of here allocated
    // an iterator result per step (~4 % of what an analysis allocated).
    const requests = ctx.facts.requests;
    for (let r = 0; r < requests.length; r++) {
      const request = requests[r]!;
      const notSent = request.notSent;
      for (let i = 0; i < notSent.length; i++) {
        const n = notSent[i]!;
        if (!n.session) continue;
        let keys = keysOf.get(n);
        if (keys === undefined) {
          const lane = laneKey(n.domain, n.path, n.name);
          keys = { lane, once: `${lane}\u0000${n.reason}\u0000${n.value}` };
          keysOf.set(n, keys);
        }
        const { lane, once } = keys;
        // Refused: a logged-out status in an answer to the user, which loggedOut.ts decides (a beacon's is none: a real
        // github.com recording's collector answered its pings 403, once told as the session held back).
        const refused =
          request.status !== undefined && LOGGED_OUT_STATUSES.has(request.status) && loggedOut.has(request.entry);
        const lost = consequentialEntries.has(request.entry) && consequential.has(notSentKey(lane, request.entry));
        // A DomainMismatch's exemptions parse the address: asked only of a fact that could be reported but for them (it
        // is reported when consequential: lost, or not told before and refused or answered as visitorAnswer reads).
        const exempt =
          n.reason === 'DomainMismatch' &&
          !lost &&
          !reported.has(once) &&
          (refused || request.setCookies.length > 0 || loggedOut.has(request.entry)) &&
          (anotherAppsHost(logins, request, lanes.get(lane)?.origin) ||
            offPathToo(n, request) ||
            sendsBackTo(request, lanes.get(lane)?.origin));
        const mode = exempt ? 'never' : REPORTING[n.reason];
        // How the request was answered, where no loss of its lane tells it (the reset does); only an answer that set
        // a cookie or answered as logged out can say (most set none: asked of 200,000 facts of the benchmark HAR).
        const visitor =
          !lost &&
          mode !== 'never' &&
          (request.setCookies.length > 0 || loggedOut.has(request.entry)) &&
          !reported.has(once)
            ? visitorAnswer(request, n, lane, loggedOut.get(request.entry))
            : undefined;
        const report =
          lost ||
          (mode === 'always' && !reported.has(once)) ||
          (mode === 'when-consequential' && (refused || visitor !== undefined) && !reported.has(once));
        if (!report) continue;
        // The same ID went on the request under another session cookie: the server had the session (a SameSite=Strict
        // companion of the Lax session cookie, held back on a navigation from another site by design: GitHub's
        // __Host-user_session_same_site beside user_session).
        if (!lost && carriedUnderAnotherName(request, n)) continue;
        reported.add(once);
        const sessionLane = lanes.get(lane);
        // The visitor ID the answer to the request that lost the session issued, held back on the next hop of the same
        // navigation before any request carried it: that loss was told, this one adds nothing (lossOnlyFollowed).
        const held = sessionLane && idHeld(sessionLane, n.value, request.entry);
        if (held && lossOnlyFollowed(sessionLane, held) !== undefined) continue;
        // A visitor's ID lost again as an earlier one was (lossRepeated), or at the login that replaced it: told there.
        if (held?.end?.kind === 'reset' && held.end.entry === request.entry) {
          if (
            held.end.replacedByLogin ||
            lossForeshadowed(ctx, sessionLane!, held) !== undefined ||
            lossRepeated(ctx, sessionLane!, held) !== undefined
          )
            continue;
        }
        // An expiry that slid with the answers calls for another fix than one set once (expirySlid: rare, read here).
        const slid =
          n.reason === 'Expired' &&
          sessionLane !== undefined &&
          held !== undefined &&
          expirySlid(sessionLane, held, request.entry, ctx.request);
        const answer = visitor === 'logged-out' ? loggedOut.get(request.entry) : undefined;
        const gone = visitor === 'logged-out' && held !== undefined && notCarriedAgain(n, held, request.entry);
        drafts.push(recalledDraft(ctx, request, n, lane, sessionLane, slid, visitor, answer, gone));
      }
    }
    return drafts;
  },
});

/** The request carried the held-back cookie's value under another session cookie's name. */
function carriedUnderAnotherName(request: RequestFacts, n: NotSentCookieFact): boolean {
  // Shorter values occur in two cookies by chance (`1`, `yes`): no ID shared.
  if (n.value.length < MIN_VALUE_LENGTH) return false;
  const sent = request.sent;
  for (let i = 0; i < sent.length; i++) {
    const c = sent[i]!;
    if (c.session && c.name !== n.name && c.value === n.value) return true;
  }
  return false;
}

/**
 * For a host-only cookie held back from another host (DomainMismatch): that host is a server on another port than
 * the cookie's own, where the user signs in of its own (a login of the trace at its origin): another application, with
 * its own session and its own login (a second Django project on admin.app.test:8001 beside the site on www.app.test:8000), whose
 * visitor's answer is no loss of this session. The same application under a second name (app.test beside
 * www.app.test, one server) is raised whether or not the user signed in there again: having to is the symptom.
 */
function anotherAppsHost(
  logins: ReadonlySet<string>,
  request: RequestFacts,
  cookieOrigin: string | undefined,
): boolean {
  return logins.has(request.origin) && cookieOrigin !== undefined && onOtherPorts(cookieOrigin, request.origin);
}

/**
 * For a host-only cookie held back from another host (DomainMismatch): its Path does not cover this request's path
 * either, so even at its own host it would not go there. Such a cookie is its own host's part of a site, not this
 * page's session, and the session of the same name this host starts is its own application's (a real alipay.com
 * page: auth.alipay.com's JSESSIONID of /login, beside the captcha service's own on omeo.alipay.com).
 */
function offPathToo(n: NotSentCookieFact, request: RequestFacts): boolean {
  return !pathMatch(pathOf(request.url), n.path);
}

/**
 * For a host-only cookie held back from another host (DomainMismatch): the request's address gives the cookie's own
 * origin as where to come back to (`?refer=`, CAS's `?service=`, OAuth's `redirect_uri`, `?returnTo=`): the
 * cookie's host sent the browser to that host to sign in there (a single sign-on's login host) and return, with the
 * session the cookie keeps. That host's login page is what it was sent for, no visitor's answer to this session (a
 * real recording: office.chaoxing.com's JSESSIONID held back from passport2.chaoxing.com/wlogin?refer=https://office…).
 */
function sendsBackTo(request: RequestFacts, cookieOrigin: string | undefined): boolean {
  if (cookieOrigin === undefined || request.url.indexOf('?') === -1) return false;
  let params: URLSearchParams;
  try {
    params = new URL(request.url).searchParams;
  } catch {
    return false;
  }
  for (const value of params.values()) {
    if (!value.startsWith('http')) continue;
    try {
      if (new URL(value).origin === cookieOrigin) return true;
    } catch {
      // Not an address.
    }
  }
  return false;
}

function pathOf(url: string): string {
  try {
    return new URL(url).pathname;
  } catch {
    return '/';
  }
}

/** Each request's findings, the same objects while nothing they are worded from changed (memo.ts). */
const NOT_SENT_DRAFTS = memo<RequestFacts, FindingDraft>('session-not-sent drafts', 'snapshots');

/**
 * The draft for a reported fact, remembered. A function of its own, not a closure written in check's loop: the
 * variables a closure captures live in a context that V8 allocates on every pass through the loop's body,
 * reported or not (a tenth of what an analysis allocated, for 200,000 not-sent facts of the benchmark HAR).
 */
function recalledDraft(
  ctx: RuleContext,
  request: RequestFacts,
  n: NotSentCookieFact,
  lane: string,
  sessionLane: SessionLane | undefined,
  slid: boolean,
  visitor: VisitorAnswer | undefined,
  answer: LoggedOutAnswer | undefined,
  gone: boolean,
): FindingDraft {
  const origin = sessionLane?.origin;
  const thirdParty = sessionLane?.thirdParty === true;
  return ctx.memos.recall(
    NOT_SENT_DRAFTS,
    request,
    [n, origin, thirdParty, ctx.show, slid, visitor, answer, gone],
    () => draftOf(request, n, lane, origin, thirdParty, ctx.show, slid, visitor, answer, gone),
  );
}

/**
 * A cookie held back for no reason a browser rule gives (Unknown), whose ID no request carried again and which
 * nothing else ended (no new ID, no deletion seen): the browser no longer had it, and the recording could not show
 * what removed it (a page script, an extension, the user: a HAR records no cookie changes). With the answer as to a
 * client not logged in, that is the session lost, where a cookie held back by a rule (another host, SameSite) is
 * still in the browser for the requests that rule lets it go with. Most likely, not certainly: the recording may have
 * left it out, which the finding's reason (Unknown) already says. It reads what came after: a live trace that grows
 * may carry the ID again.
 */
function notCarriedAgain(n: NotSentCookieFact, held: LaneId, entry: number): boolean {
  return n.reason === 'Unknown' && held.end === undefined && held.lastEntry < entry;
}

/** How a request without the session cookie was answered as a visitor is (visitorAnswer). */
type VisitorAnswer = 'new-session' | 'new-session-refused' | 'logged-out';

/** The visitor's answer in words: the logged-out answer itself where the facts have it (answerText). */
function visitorText(visitor: VisitorAnswer, answer: LoggedOutAnswer | undefined): string {
  return visitor === 'logged-out' && answer
    ? ` The server answered as to a visitor, with ${answerText(answer)}.`
    : VISITOR_TEXT[visitor];
}

const VISITOR_TEXT: Record<VisitorAnswer, string> = {
  'new-session': ' The server answered as to a visitor: it started a new session under the same name here.',
  'new-session-refused':
    ' The server answered as to a visitor: it started a new session, whose cookie the browser refused (it keeps the one it held, which later requests can carry).',
  'logged-out': ' The server answered as to a visitor: the login page, or a page for a client not logged in.',
};

/**
 * A cookie held back for a reason that is often by design (another path, another host: NotOnPath, DomainMismatch)
 * matters where the request carried no cookie of that name and its answer treated the user as a visitor: it stored a
 * session cookie of the same name for this host or path (another lane: a host-only cookie of www.app.test is not
 * app.test's), or it answered as logged out (a redirect to the login page, a login form, a page that no longer names
 * the user); the latter also for a cookie held back for no reason the model knows (Unknown).
 */
function visitorAnswer(
  request: RequestFacts,
  n: NotSentCookieFact,
  lane: string,
  answer: LoggedOutAnswer | undefined,
): VisitorAnswer | undefined {
  // A request that carried a cookie of that name (WordPress's auth cookie of /wp-admin, beside the one of
  // /wp-content/plugins) took a session there: its answer is about that one.
  if (request.sent.some((s) => s.name === n.name)) return undefined;
  // A cookie of another host or path under the same name (Unknown: one that matched, whose own lane tells a reset).
  if (n.reason !== 'Unknown') {
    for (const set of request.setCookies) {
      if (!set.session || set.name !== n.name || set.value === '') continue;
      // Refused by the browser (Secure over http://, SameSite in another site's frame): the held cookie stays.
      if (set.outcome.kind === 'rejected') return 'new-session-refused';
      const stored = set.outcome.kind === 'stored' ? set.outcome.cookie : undefined;
      if (stored && laneKey(stored.domain, stored.path, stored.name) !== lane) return 'new-session';
    }
  }
  // The login page asked for by its address (WordPress's wp-login.php, outside its auth cookie's /wp-admin) is
  // what the user opened, not a visitor's answer to a page that needed the session.
  return answer !== undefined && !asksLoginPage(request.url) ? 'logged-out' : undefined;
}

function asksLoginPage(url: string): boolean {
  try {
    return isLoginPagePath(new URL(url).pathname);
  } catch {
    return false;
  }
}

function draftOf(
  request: RequestFacts,
  n: NotSentCookieFact,
  lane: string,
  laneOrigin: string | undefined,
  thirdParty: boolean,
  show: (value: string) => string,
  slid: boolean,
  visitor?: VisitorAnswer,
  answer?: LoggedOutAnswer,
  gone = false,
): FindingDraft {
  const browser = n.browserReasons?.length ? ` Chrome reported: ${n.browserReasons.join(', ')}.` : '';
  const withoutCredentials = n.reason === 'Unknown' ? crossOriginWithoutCredentials(request) : undefined;
  const hint = withoutCredentials
    ? ` The page's script asked another origin (from ${withoutCredentials}) and the request carried no cookie at all: fetch() sends cookies to another origin only with credentials: 'include' (XMLHttpRequest: withCredentials).`
    : notSentHint(n, request, thirdParty);
  const reading = withoutCredentials ? undefined : unknownReading(n, request, thirdParty);
  const unknownFix = reading ? UNKNOWN_FIX[reading] : undefined;
  return {
    key: notSentKey(lane, request.entry),
    // The session's origin (where the lane began), as in CLI.md's example: the URL shows where it failed.
    origin: laneOrigin ?? request.origin,
    fix: withoutCredentials ? CREDENTIALS_FIX : slid ? SLID_EXPIRY_FIX : (unknownFix ?? REASON_FIX[n.reason]),
    cookie: n.name,
    entry: request.entry,
    url: request.url,
    reason: n.reason,
    message: `${n.name} (${show(n.value)}, domain ${n.domain}, path ${n.path}) was not sent: ${n.reason} — ${NOT_SENT_REASONS[n.reason]}${browser}${hint}${visitor ? visitorText(visitor, answer) : ''}${gone ? GONE_TEXT : ''}`,
    evidence: {
      id: { secret: n.value },
      domain: n.domain,
      path: n.path,
      method: request.method,
      ...(request.status !== undefined ? { status: request.status } : {}),
      ...(n.browserReasons ? { browserReasons: n.browserReasons } : {}),
      ...(visitor ? { answeredAsVisitor: visitor } : {}),
      ...(answer ? loggedOutAnswerEvidence(answer) : {}),
      ...(gone ? { notCarriedAgain: true } : {}),
    },
  };
}

/** notCarriedAgain, in the finding's words. */
const GONE_TEXT = ' No later request carried that ID again: the cookie was most likely gone from the browser.';

/** What the model can say of a cookie held back for no reason a browser rule gives (Unknown), first that holds. */
type UnknownReading = 'client' | 'crowded' | 'script' | 'httpOnly';

/**
 * The request carried as many cookies as a browser keeps for a site after purging it (Chrome keeps 180 and purges
 * down to 150, Firefox keeps 180: COOKIE_LIMITS): past the limit the browser evicted the least recently used, which a
 * recording does not report (a script setting cookies of its own by the hundred, an A/B-testing or analytics tool).
 */
function crowded(request: RequestFacts): boolean {
  return request.sent.length >= COOKIE_LIMITS.perDomainPurgeTo;
}

function unknownReading(n: NotSentCookieFact, request: RequestFacts, thirdParty: boolean): UnknownReading | undefined {
  if (n.reason !== 'Unknown') return undefined;
  // No browser sent it: no browser rule, script or extension is in the picture.
  if (request.fromNonBrowser) return 'client';
  if (crowded(request)) return 'crowded';
  // A third party's cookie: the page's own scripts cannot reach it, and nothing else says more.
  if (thirdParty) return undefined;
  return n.readableByScript ? 'script' : 'httpOnly';
}

const UNKNOWN_HINT: Readonly<Record<UnknownReading, (request: RequestFacts) => string>> = {
  client: () =>
    " The request's User-Agent is no browser's but an HTTP library's (curl, python-requests, Apache HttpClient, okhttp, an app's own): such a client sends the cookies its code keeps, and without a cookie store it sends none it was given.",
  crowded: (request) =>
    ` The request carried ${request.sent.length} cookies, as many as a browser keeps for one site (Chrome and Firefox keep 180; Chrome then purges down to 150): past that it evicts the least recently used, and reports no eviction to a recording. This one was most likely evicted.`,
  // What no browser rule reports: a page script deleted it (document.cookie with a past expiry).
  script: () =>
    ' It is not HttpOnly, so a page script can delete it (document.cookie with a past expiry: a consent manager removing the cookies its list does not name, a client-side logout), as can an extension or the user; the browser reports none of these.',
  // No page script can touch an HttpOnly cookie.
  httpOnly: () =>
    ' It is HttpOnly, so no page script removed it: an extension, the user (DevTools, the site settings) or the browser (its cookie settings, site data cleared) did, or the recording left it out.',
};

const CROWDED_FIX =
  "Set fewer cookies on this site: find what fills the browser's 180 (a script setting cookies of its own by the hundred, an A/B-testing or analytics tool) and have it keep its data in one cookie or in localStorage. A session cookie in use every few requests is evicted last, but not never.";

/** The fix of an Unknown, where its reading calls for one of its own. */
const CLIENT_FIX =
  'Give the client a cookie store that sends back what the server set (a requests.Session, a BasicCookieStore in the HttpClient context, an okhttp CookieJar, curl -b/-c with a cookie file), or record the flow in a browser.';

const UNKNOWN_FIX: Partial<Record<UnknownReading, string>> = {
  client: CLIENT_FIX,
  crowded: CROWDED_FIX,
  script: SCRIPT_DELETION_FIX,
};

/**
 * What may have removed a cookie held back for no reason the model knows: a crowded cookie jar, a page script (the
 * cookie is not HttpOnly), or what else can (it is); '' for another reason, and for a third party's cookie in a jar
 * not crowded.
 */
/** What a finding adds to a cookie's reason: that its site was deduced (siteDeduced), or what may explain an Unknown. */
export function notSentHint(n: NotSentCookieFact, request: RequestFacts, thirdParty = false): string {
  return n.siteDeduced ? SITE_DEDUCED_HINT : unknownHint(n, request, thirdParty);
}

const SITE_DEDUCED_HINT =
  ' The recording does not say where the request came from (no Sec-Fetch-Site, Referer or page to compare): that the browser held the cookie back, which only this rule explains, is what says it was cross-site.';

function unknownHint(n: NotSentCookieFact, request: RequestFacts, thirdParty = false): string {
  const reading = unknownReading(n, request, thirdParty);
  return reading ? UNKNOWN_HINT[reading](request) : '';
}

const CREDENTIALS_FIX =
  "Call the API with credentials: 'include' (XMLHttpRequest: withCredentials = true), and have it answer Access-Control-Allow-Credentials: true with the page's origin, not *, in Access-Control-Allow-Origin.";

/**
 * What the model can say of an unexplained cookie held back (Unknown: no browser rule kept it): the request was a
 * script's fetch or XHR to another origin than its page's (the Referer's) and carried no cookie at all, the mark of
 * a request made without credentials (fetch's default, credentials: 'same-origin', sends none to another origin).
 * The page's origin when so; the reason stays Unknown, as the browser did not name one (RULES.md: never guess).
 */
function crossOriginWithoutCredentials(request: RequestFacts): string | undefined {
  if (request.resourceType !== 'fetch' && request.resourceType !== 'xhr') return undefined;
  if (request.sent.length > 0 || request.referer === undefined) return undefined;
  let page: string;
  try {
    page = new URL(request.referer).origin;
  } catch {
    return undefined;
  }
  return page !== request.origin ? page : undefined;
}
