/**
 * session-reset: the client's session was lost and (usually) a new ID issued, with its cause told apart
 * (RULES.md): not-sent, server-rejected, cleared-by-server, expired, cleared-by-script, evicted, overwritten.
 * The decision is here: how a held ID ends when a response changes it (idEndOf: an update or a rotation as
 * sessionRotated.ts decides, else a reset, its cause from RESET_CAUSES), when the browser's own removal of the
 * cookie is a reset (resetAtRemoval), and when client-side expiry is (expiryResetOf). The replay gathers the
 * facts, records the ends these return; the rule reports them.
 */
import type {
  IdChange,
  IdEnd,
  LaneId,
  LoggedOutAnswer,
  NotSentCookieFact,
  OtherAppSetter,
  RequestFacts,
  ResetCause,
  ResetEnd,
} from '../analysis/facts.ts';
import type { ParsedSetCookie } from '../cookie/types.ts';
import { readClientSideData } from '../session/tokenData.ts';
import { embeddedIdOf, valueShape } from '../session/valueShape.ts';
import { statusSaysSessionGone } from '../trace/loggedOutStatus.ts';
import type { CookieChangeCause } from '../trace/types.ts';
import {
  expirySlid,
  isQuietLoss,
  loggedOutAnswerEvidence,
  OTHER_APP_FIX,
  quietReadings,
  SCRIPT_DELETION_FIX,
  SHARED_COOKIE,
  SLID_EXPIRY_FIX,
  WHERE_OTHER_APP,
} from './helpers.ts';
import { memo } from './memo.ts';
import { defineRule, type FindingDraft, type RuleContext } from './rule.ts';
import { backendSwitchOf } from './sessionBackendSwitch.ts';
import { answerText, issuedAtLogins, rejectedBefore } from './sessionRejected.ts';
import { logoutOf, rewriteOf, rotationOf, updateOf } from './sessionRotated.ts';
import {
  type CopiesBeside,
  copiesBeside,
  copiesBesideEvidence,
  copiesBesideText,
  SHADOWED_FIX,
  sessionCopies,
} from './sessionShadowed.ts';
import { type IdTransition, idTransitions, notSentKey, resetKey } from './transitions.ts';

/**
 * server-rejected, said of a session kept in the cookie itself (a client-side store): no server-side session can
 * expire or be missing, so what the server could not do is read the cookie.
 */
const STORE_NOT_READ =
  'the session (or its ID) is kept signed or encrypted in the cookie itself, so the server could no longer read it: its signing or encryption key changed (a key made at start-up and a restart, a key rotated without keeping the old one, or servers with different keys)';
const STORE_FIX =
  'Give every server the same signing and encryption keys, from configuration rather than made at start-up, and keep old keys readable while rotating them.';
/**
 * The same, said of a store sealed past reading (encrypted: Laravel's, Rails', iron-session's) or one that names a
 * session ID (Zabbix's `sessionid`): it may hold the session or only the ID of one kept on the server (Laravel's file
 * sessions, Redmine's session token), so a server that lost that session writes it anew just the same.
 */
const SEALED_NOT_READ =
  'the cookie holds the session, or the ID of a session kept on the server, and the server wrote it anew as for a new session: either it could no longer read the cookie (its signing or encryption key changed: a key made at start-up and a restart, a key rotated without keeping the old one, or servers with different keys) or it no longer knew the session the cookie names (server-side expiry, a restart, or sessions not shared between servers)';
/** An embedded ID (embeddedIdOf) that names a session, not a user: the store holds the key of a server-side session. */
const SESSION_ID_FIELD = /^(?:sid|session_id|sessionId|sessionid|session|id)=/;
const SEALED_FIX =
  'If the key changed: give every server the same signing and encryption keys, from configuration rather than made at start-up, and keep old keys readable while rotating them. If the cookie names a session kept on the server: check its lifetime, its persistence across restarts, and that every server shares it.';

/**
 * overwritten, when the response that did it answered a request in flight with the ID the held one replaced: two
 * requests raced, and the one with the old ID got a new ID of its own (often the server had ended the old ID at
 * the rotation while requests still carried it: a login's regeneration beside the page's other requests).
 */
const RACED =
  'a request that went out with the ID it had replaced, still in flight beside the response that set it, got yet another ID from the server, and that answer, arriving later, replaced it (two requests raced)';
/** overwritten's text for a new ID replaced before any request used it (IdChange.freshRace). */
const FRESH_RACE =
  'the request of this response went out before that ID arrived, carrying none, and the server gave it a new session of its own; the browser kept the later one. No request ever carried the replaced ID, so no session was lost';
/** FRESH_RACE's text where the request carried the ID the replaced one had replaced in turn (IdChange.carriedReplaced). */
const FRESH_RACE_CARRYING_OLD =
  'the request of this response went out before that ID arrived, carrying the ID it had replaced, and the server gave it a new session of its own; the browser kept the later one. No request ever carried the replaced ID, so no more was lost';
const FRESH_RACE_FIX =
  'Nothing was lost. To spare the server sessions nobody uses, start one only when there is something to keep in it (express-session `saveUninitialized: false`), not for static files.';
const RACED_FIX =
  'If the server ended the old ID when it issued the new one, rotate it where no other request of the page runs beside it (the login request itself), or keep the replaced ID valid for a few seconds so that requests already in flight with it are still recognised.';

/**
 * A server-rejected reset whose response renewed a persistent cookie the request carried with a value a login issued
 * (a remember-me token: MediaWiki's `<wiki>Token`, Spring's and Joomla's remember-me, phpBB's key), and answered as to a client
 * logged in: the server no longer knew the session and logged the user back in from that cookie. The user was not
 * logged out; what the session held beyond the login was lost. That cookie's name, or undefined.
 */
function restoredFrom(
  request: RequestFacts | undefined,
  cookie: string,
  ctx: RuleContext,
  loginValues: () => ReadonlyMap<string, number>,
): string | undefined {
  if (request === undefined || ctx.facts.loggedOut?.some((a) => a.entry === request.entry)) return undefined;
  // Or the request signed in by itself: HTTP Basic credentials the server accepted (Syncthing's GUI, Monit's, whose
  // browser sends them on every request): the cookie was replaced, the user stayed signed in.
  if (ctx.facts.basicAuthEntries?.has(request.entry) && (request.status ?? 400) < 400) return BASIC_CREDENTIALS;
  for (const set of request.setCookies) {
    if (!set.session || set.name === cookie || set.value === '' || set.outcome.kind !== 'stored') continue;
    if (!isPersistent(set.parsed, request.time)) continue;
    // The value carried is one a login issued: a login cookie, not another session the same answer replaced.
    if (request.sent.some((s) => s.name === set.name && loginValues().has(s.value))) return set.name;
  }
  return undefined;
}

/** The Set-Cookie keeps the cookie past the browser session: a Max-Age or an Expires ahead of the response. */
function isPersistent(parsed: ParsedSetCookie | undefined, time: number): boolean {
  if (parsed?.maxAge !== undefined) return parsed.maxAge > 0;
  return parsed?.expires !== undefined && parsed.expires > time;
}

/** Where the session went on after its cookie was deleted (wentOnIn). */
interface WentOn {
  /** The other session cookie the same login issued. */
  readonly cookie: string;
  readonly login: number;
  /** A later request that carried that cookie's ID, answered as to a client logged in. */
  readonly entry: number;
  readonly status: number;
}

/**
 * A cookie the server deleted outside a logout, while the login that issued its ID had issued another session cookie
 * beside it (an app that keeps its login in a token cookie and drops the server session it no longer needs: Spring's
 * `SESSION` beside `ACCESS_TOKEN`), which the request carried and a later request of the origin carried again,
 * answered neither as logged out nor with an error: the user stayed logged in. That cookie and the later request, or
 * undefined.
 */
function wentOnIn(ctx: RuleContext, t: IdTransition): WentOn | undefined {
  const login = t.id.sessionLogin;
  const request = t.request;
  if (login === undefined || request === undefined || t.end.kind !== 'reset') return undefined;
  if (t.end.loggedOutAnswer !== undefined || ctx.facts.loggedOut?.some((a) => a.entry === request.entry))
    return undefined;
  for (const lane of ctx.facts.lanes) {
    if (lane.origin !== t.lane.origin || lane.cookie === t.lane.cookie) continue;
    for (const id of lane.ids) {
      if (id.sessionLogin !== login || id.lastEntry === request.entry) continue;
      if (!request.sent.some((s) => s.name === lane.cookie && s.value === id.id)) continue;
      const later = ctx.request(id.lastEntry);
      const status = later?.status;
      if (later === undefined || status === undefined || status < 200 || status >= 400) continue;
      if (later.time < request.time || ctx.facts.loggedOut?.some((a) => a.entry === later.entry)) continue;
      return { cookie: lane.cookie, login, entry: later.entry, status };
    }
  }
  return undefined;
}

const WENT_ON = (w: WentOn) =>
  `the server deleted the cookie with a Set-Cookie outside any logout, but the user stayed logged in: the login at entry ${w.login} had issued \`${w.cookie}\` beside it, which this request carried and the request at entry ${w.entry} carried again, answered ${w.status}. The session goes on in that cookie, so at most what this one held was lost`;
const WENT_ON_FIX = (w: WentOn) =>
  `If the app keeps its login in \`${w.cookie}\`, stop issuing this cookie at the login (or let it live as long); otherwise find the code that deletes it.`;

/** restoredFrom's answer (the finding's `restoredFrom` evidence) when the request's own HTTP credentials kept the user signed in. */
export const BASIC_CREDENTIALS = 'Authorization: Basic';

const RESTORED = (from: string) =>
  from === BASIC_CREDENTIALS
    ? " The request carried the user's HTTP Basic credentials and the server accepted them: the user stayed signed in, so only what the session held beyond the login was lost."
    : ` The same answer renewed \`${from}\`, a persistent login cookie the request carried: the server most likely logged the user back in from it (remember me), so only what the session held beyond the login was lost.`;

/**
 * What in the traffic shows the jar's own eviction was the browser's too: a new ID for the lane (the server saw none),
 * or a later request to the session's origin without the cookie, answered as to a client not logged in. (A request
 * that carried the ID undid the eviction: SessionLanes.noteCarried.)
 */
function evictionShown(ctx: RuleContext, t: IdTransition): boolean {
  if (t.next !== undefined) return true;
  return (ctx.facts.loggedOut ?? []).some((answer) => {
    const request = answer.entry > t.end.entry ? ctx.request(answer.entry) : undefined;
    return request?.origin === t.lane.origin && !request.sent.some((s) => s.name === t.lane.cookie);
  });
}

/** An eviction only the jar's count of the site's cookies shows (ResetEnd.byModel), no later request confirming it. */
const UNCONFIRMED_EVICTION =
  " Only the model's count of the site's cookies says so (a recording reports no eviction), and no later request shows it: none carried the ID again, and the server issued no new one.";

/** A reset that only followed another (lossOnlyFollowed): the ID was a visitor's, issued by that loss's own answer. */
const FOLLOWED = (entry: number) =>
  ` It had been issued at entry ${entry}, in answer to the request that went without the session (that loss is told there), and no request ever carried it: no more was lost.`;

/** A visitor's ID issued at a login's hop by a server without the session, unknown to the next (lossAtHopFollowed). */
const FOLLOWED_AT_HOP = (entry: number) =>
  ` It was a visitor's ID, issued at entry ${entry} on the login's redirects by a server that did not know the login's session (that loss is told there), and the next server did not know it either: no more of the login was lost.`;

/** A visitor's ID lost the way an earlier one of the lane was (lossRepeated): the same cause again, told there. */
const REPEATED = (entry: number) =>
  ` It was a visitor's ID (no login issued it), lost the way the one at entry ${entry} was: the same cause again, told there.`;

/** A visitor's ID lost the way the session a later login issued was (lossForeshadowed): told there, as the user's. */
const FORESHADOWED = (entry: number, refusedLogin: boolean) =>
  refusedLogin
    ? ` It was a visitor's ID (no login issued it), lost the way the next one was at entry ${entry}, where that loss made the login fail: the same cause, told there.`
    : ` It was a visitor's ID (no login issued it), lost the way the logged-in session was at entry ${entry}: the same cause, told there.`;

/** Held back, the new ID refused, the held ID carried again later (heldOnAfterRefusal). */
const KEPT_AFTER_REFUSAL =
  ' Only this request went without it: the browser kept the ID it held, which later requests carried again, so the session went on.';

/** A visitor's ID held back from the login request itself, whose answer issued the session (ResetEnd.replacedByLogin). */
const REPLACED_BY_LOGIN =
  " It was a visitor's ID (no login issued it), and this request was the login, whose answer started the user's session: nothing of a login was lost.";

/** expired's text when the cookie's expiry had slid forward with the answers (expirySlid). */
const EXPIRED_THOUGH_SLID =
  'the cookie expired on the client (its Expires/Max-Age passed), although answers since it was issued had moved its expiry forward: the user was idle longer than its lifetime';

/** overwritten's text for an ID another app sharing the cookie had set (ResetEnd.setByOtherApp, appNeighbours.ts). */
const OTHER_APP = (other: OtherAppSetter, domain: string, answeredBy: string | undefined, replaced: boolean) =>
  `another app ${WHERE_OTHER_APP[other.sharedBy](domain)} ${replaced ? 'replaced it with its own' : 'deleted it'}: ${other.setBy} had set it, and this answer came from ${answeredBy ?? 'another origin'}, which did not share that session. ${SHARED_COOKIE[other.sharedBy]}`;

/** cleared-by-server's text when the header did it (clearSiteData.ts). */
const CLEARED_BY_SITE_DATA = "the server cleared the site's cookies with a Clear-Site-Data header";

/**
 * cleared-by-server outside any logout: a server deletes the cookie of a session it no longer knows (Django's, Total.js's,
 * Tiny Tiny RSS's answer to an expired or lost server-side session) as well as by code that ends it.
 */
const CLEARED_OUTSIDE_LOGOUT =
  'the server deleted the cookie with a Set-Cookie outside any logout: most likely it no longer knew the session (server-side expiry, a restart, or sessions not shared between servers) and cleared the stale cookie, or code ended the session';
const CLEARED_OUTSIDE_LOGOUT_FIX =
  'Expected at logout. Elsewhere, if the server no longer knew the session, find why: its idle or absolute timeout, a restart with an in-memory store, back-end servers that do not share sessions; otherwise find the code that deletes the session cookie.';
/** The same, after the server had answered the ID as logged out (session-rejected): the clearing of what it refused. */
const CLEARED_AFTER_REJECTION = (entry: number) =>
  `the server deleted the cookie with a Set-Cookie after it had answered the request at entry ${entry} as logged out (session-rejected there): it cleared the cookie of a session it no longer accepted`;

/**
 * not-sent by a client that is no browser (RequestFacts.fromNonBrowser: an HTTP library, a test harness, a scanner): it
 * sends the cookies its code keeps, so no browser rule held this one back.
 */
const NOT_SENT_BY_CLIENT =
  'the client (no browser: its User-Agent names an HTTP library, a test harness or an app) did not send the session cookie, so the server started a new session';
const NOT_SENT_BY_CLIENT_FIX =
  "Keep the client's cookies between its requests (a cookie store or session object in the HTTP library, the scanner's session handling), or send the session cookie it was given.";

const CAUSE_TEXT: Record<ResetCause, string> = {
  'not-sent': 'the browser did not send the session cookie, so the server started a new session',
  'server-rejected':
    'the request carried a valid ID and the server answered with a new one, though no login or logout on that request asked for one: server-side expiry, a restart, or sessions not shared between servers',
  'cleared-by-server': 'the server deleted the cookie with a Set-Cookie (logout or code)',
  expired: 'the cookie expired on the client (its Expires/Max-Age passed)',
  'cleared-by-script': 'the cookie was removed by page script or another extension',
  evicted: 'the browser evicted the cookie (too many cookies for the domain)',
  overwritten: 'another Set-Cookie with the same name, domain and path replaced it',
};

const CAUSE_FIX: Record<ResetCause, string> = {
  'not-sent': 'Fix why the cookie was not sent (see the linked session-not-sent finding).',
  'server-rejected':
    'Check the server-side session lifetime, persistence across restarts, and that every server behind the balancer shares sessions (or the balancer keeps affinity).',
  'cleared-by-server': 'Expected at logout; elsewhere, find the code that deletes the session cookie.',
  expired:
    "The cookie's lifetime ran out: if the session should have lasted, renew the cookie's expiry as the user goes on (a sliding expiry) or give it a lifetime at least as long as the server-side session, or none (browser session); if it is the intended idle timeout, tell the user their session ended.",
  'cleared-by-script':
    'Find the script that removes the cookie (document.cookie with a past expiry, cookieStore.delete).',
  evicted: 'Set fewer cookies on this domain; browsers keep about 180 per domain.',
  overwritten: 'Find which response overwrote the session cookie and give the two cookies different names.',
};

/**
 * Why a held ID the response replaced or deleted was lost, when neither an update nor a rotation: the first
 * cause whose condition holds (RULES.md, session-reset).
 */
const RESET_CAUSES: readonly (readonly [ResetCause, (change: IdChange) => boolean])[] = [
  // A Set-Cookie that deletes it, issuing nothing.
  ['cleared-by-server', (c) => c.issued === undefined],
  // The request carried it and got a new one, no login or logout asking for one (rotationOf said no).
  ['server-rejected', (c) => c.carried],
  // It was not sent, because it had expired on the client.
  ['expired', (c) => c.notSent?.reason === 'Expired'],
  // It was not sent, for another reason: the server saw no session.
  ['not-sent', (c) => c.notSent !== undefined],
  // Neither carried nor missing from the request for a reason: another Set-Cookie of its slot replaced it.
  ['overwritten', () => true],
];

/** The causes whose reset tells how the server answered the request that lost the ID (ResetEnd.loggedOutAnswer). */
const ANSWERED_CAUSES: ReadonlySet<ResetCause> = new Set(['server-rejected', 'expired', 'not-sent']);

/** How the held ID ends: the first of these decisions that claims the change; a reset when none does. */
const END_DECISIONS: readonly ((change: IdChange) => IdEnd | undefined)[] = [rewriteOf, updateOf, rotationOf];

export function idEndOf(change: IdChange): IdEnd {
  const other = change.setByOtherApp;
  if (other !== undefined && change.appsApart) return otherAppResetOf(change, other);
  for (const decide of END_DECISIONS) {
    const end = decide(change);
    if (end) return end;
  }
  const reset = resetOf(change);
  // Another app sharing the cookie set the ID, and this answer did not know it: the two do not share sessions, and it
  // was that app's cookie this one replaced (appNeighbours.ts).
  return other !== undefined && refusesTheId(reset) ? otherAppResetOf(change, other) : reset;
}

/** A reset that shows the server did not know the ID: a new one for it with no login asking, or its deletion outside a logout. */
function refusesTheId(reset: ResetEnd): boolean {
  if (reset.cause === 'server-rejected') return true;
  return reset.cause === 'cleared-by-server' && !reset.atLogout && reset.clearSiteData !== true;
}

/** The held ID, set by another app sharing the cookie (`other`), replaced or deleted by this one's answer. */
function otherAppResetOf(change: IdChange, other: OtherAppSetter): ResetEnd {
  return { kind: 'reset', entry: change.entry, cause: 'overwritten', ...logoutOf(change), setByOtherApp: other };
}

/**
 * The reset of a held ID that updateOf and rotationOf did not claim, with its cause. Asked only after them
 * (idEndOf): a carried ID replaced at a logout is a rotation, so a server-rejected reset is never at a logout.
 */
export function resetOf(change: IdChange): ResetEnd {
  const cause = RESET_CAUSES.find(([, holds]) => holds(change))?.[0] ?? 'overwritten';
  const notSentReason = cause === 'expired' || cause === 'not-sent' ? change.notSent?.reason : undefined;
  const backendSwitch = cause === 'server-rejected' ? backendSwitchOf(change) : undefined;
  const logout = logoutOf(change);
  return {
    kind: 'reset',
    entry: change.entry,
    cause,
    ...(notSentReason ? { notSentReason } : {}),
    ...logout,
    ...(cause === 'cleared-by-server' && change.clearSiteData ? { clearSiteData: true } : {}),
    ...(backendSwitch ? { backendSwitch } : {}),
    // Still inside the login's chain: the ID was one the login or its chain had just issued (rotatesAtLogin).
    // Not an ID a server answering a hop as a visitor's issued (LaneId.visitorAtHopOf): no login's.
    ...(cause === 'server-rejected' && change.login && change.held.visitorAtHopOf === undefined
      ? { loginEntry: change.login.entry }
      : {}),
    // The server answered as to a client not logged in: to the ID it no longer knew, or to a request the cookie did not
    // reach (the user saw the login page then).
    ...(ANSWERED_CAUSES.has(cause) && change.loggedOutAnswer ? { loggedOutAnswer: change.loggedOutAnswer } : {}),
    // A deletion outside a logout answered as to a client logged out: the server no longer knew the session.
    ...(cause === 'cleared-by-server' && !logout.atLogout && change.loggedOutAnswer
      ? { loggedOutAnswer: change.loggedOutAnswer }
      : {}),
    ...(cause === 'server-rejected' && change.sessionLogin === undefined && !change.login ? { anonymous: true } : {}),
    ...((cause === 'not-sent' || cause === 'expired') &&
    change.login?.entry === change.entry &&
    change.sessionLogin === undefined
      ? { replacedByLogin: true }
      : {}),
    ...(cause === 'overwritten' && change.carriedReplaced !== undefined
      ? { inFlightWith: change.carriedReplaced }
      : {}),
    ...(cause === 'overwritten' && change.freshRace ? { freshRace: true } : {}),
  };
}

/**
 * The browser removed the cookie itself (cookies.onChanged, `removed`, with its cause) while the client held the
 * ID, and no Set-Cookie line explains it. An overwrite is told by the Set-Cookie that made it, not here. A deletion
 * (`expired_overwrite`: the cookie written again already expired) that the jar did not make from a response's
 * Set-Cookie was a page script's (`document.cookie = 'sid=; Max-Age=0'`: Chrome reports it so, not as `explicit`) or
 * an extension's: the recorder delivers each cookie change after the responses to its site that were in flight
 * (background/cookie-order.ts), so a response that deleted it would have been applied first.
 */
const RESET_BY_REMOVAL: Readonly<Record<CookieChangeCause, ResetCause | undefined>> = {
  explicit: 'cleared-by-script',
  evicted: 'evicted',
  expired: 'expired',
  overwrite: undefined,
  expired_overwrite: 'cleared-by-script',
};

/** The reset a browser-reported removal means, at the last request that carried the ID; undefined for none. */
export function resetAtRemoval(cause: CookieChangeCause, lastEntry: number): ResetEnd | undefined {
  const reset = RESET_BY_REMOVAL[cause];
  return reset === undefined ? undefined : { kind: 'reset', entry: lastEntry, cause: reset, atLogout: false };
}

/**
 * The jar evicted the cookie to keep its site within a browser's limits while it stored the cookies of `entry` (a HAR
 * reports no eviction; the live panel hears the browser's): a reset there, the model's reading (byModel).
 */
export function resetAtModelEviction(entry: number): ResetEnd {
  return { kind: 'reset', entry, cause: 'evicted', atLogout: false, byModel: true };
}

/** Client-side expiry ends an ID at the first request that would have carried it (the cookie not sent: Expired). */
export function expiryResetOf(
  notSent: NotSentCookieFact,
  entry: number,
  loggedOutAnswer?: LoggedOutAnswer,
): ResetEnd | undefined {
  if (notSent.reason !== 'Expired') return undefined;
  return {
    kind: 'reset',
    entry,
    cause: 'expired',
    notSentReason: 'Expired',
    atLogout: false,
    // How the server answered the request that went without it (the login page: the user saw the loss).
    ...(loggedOutAnswer ? { loggedOutAnswer } : {}),
  };
}

export const sessionReset = defineRule({
  id: 'session-reset',
  severity: 'high',
  title: 'Session lost (reset)',
  docs: {
    explanation:
      "The client's session was lost: the ID it held stopped being used and (usually) a new one was issued. The cause says why: " +
      Object.entries(CAUSE_TEXT)
        .map(([c, t]) => `${c}: ${t}`)
        .join('; ') +
      '.',
    fix: 'Depends on the cause; each finding carries the fix for its cause.',
  },
  check(ctx) {
    let issued: ReadonlyMap<string, number> | undefined;
    const loginValues = () => {
      issued ??= issuedAtLogins(ctx);
      return issued;
    };
    return idTransitions(ctx).flatMap((t) => {
      if (t.end.kind !== 'reset') return [];
      const end = t.end;
      // Deleted by the server outside a logout the user asked for, by no Clear-Site-Data, of no failed attempt.
      const clearedOutside =
        end.cause === 'cleared-by-server' && !end.atLogout && !end.clearSiteData && end.failedAttempt === undefined;
      const rejectedAt = clearedOutside
        ? rejectedBefore(ctx, t.lane.origin, t.lane.cookie, t.id.id, end.entry)
        : undefined;
      const wentOn = clearedOutside && rejectedAt === undefined ? wentOnIn(ctx, t) : undefined;
      // Decisions that read what came after the end (later carries, later ends of the lane): they change as a live
      // trace grows, so the remembered draft is keyed by them.
      const readings = quietReadings(ctx, t);
      const { followed, followedAtHop, repeated, foreshadowed, foreshadowedByRefusal, keptAfterRefusal } = readings;
      const unconfirmed = end.byModel === true && !evictionShown(ctx, t);
      const inputs = [
        unconfirmed,
        followed,
        followedAtHop,
        repeated,
        foreshadowed,
        foreshadowedByRefusal,
        keptAfterRefusal,
        rejectedAt,
        wentOn?.cookie,
        wentOn?.entry,
        t.lane.key,
        t.lane.origin,
        t.lane.cookie,
        t.id.id,
        t.next?.id,
        t.incident,
        t.request?.url,
        ctx.show,
      ];
      return [
        ctx.memos.recall(RESET_DRAFTS, end, inputs, (): FindingDraft => {
          const where =
            end.logoutEntry !== undefined
              ? ` after the logout at entry ${end.logoutEntry} had ended it on the server`
              : end.atLogout
                ? ' at a logout request'
                : '';
          // A deletion's next ID may come much later (the next login after a logout): told as when it came.
          const after = t.next
            ? t.next.firstEntry === end.entry
              ? ` New ID: ${ctx.show(t.next.id)}.`
              : ` The next ID, ${ctx.show(t.next.id)}, came at entry ${t.next.firstEntry}.`
            : t.incident
              ? ' The server issued a new ID, but the browser rejected that cookie and keeps the old one.'
              : '';
          const attempt =
            end.failedAttempt !== undefined
              ? ` It had been issued in answer to the login attempt at entry ${end.failedAttempt}, which failed: no session of the user's was lost.`
              : '';
          const answered = end.loggedOutAnswer ? answeredText(end.loggedOutAnswer, ctx.facts.loginAttempts) : '';
          const chain =
            end.loginEntry !== undefined
              ? ` The login at entry ${end.loginEntry} had issued it one hop earlier in its redirect chain: the login did not survive its own redirects.`
              : '';
          const related =
            end.cause === 'not-sent' || end.cause === 'expired' ? [notSentKey(t.lane.key, end.entry)] : [];
          const restored =
            end.cause === 'server-rejected' && !t.incident
              ? restoredFrom(t.request, t.lane.cookie, ctx, loginValues)
              : undefined;
          const store = end.cause === 'server-rejected' && valueShape(t.id.id) === 'client-side-store';
          // Its data unreadable to us, or naming a session ID (Zabbix's `sessionid`): the key, or a server-side session
          // it names (SEALED_NOT_READ).
          const mayNameSession =
            store && (readClientSideData(t.id.id) === undefined || SESSION_ID_FIELD.test(embeddedIdOf(t.id.id) ?? ''));
          // A new ID no request used, replaced by its twin: told as that (freshRace), whatever the request carried.
          const raced = end.inFlightWith !== undefined && !end.freshRace;
          const slid = end.cause === 'expired' && expirySlid(t.lane, t.id, end.entry, ctx.request);
          // The request carried other copies of the name (session-shadowed): the server may have read one of those.
          const beside = readAmongCopies(end) ? besideHeld(t.request, t.lane.cookie, t.id.id) : undefined;
          const explained = explanationOf({
            end,
            store,
            mayNameSession,
            raced,
            clearedOutside,
            rejectedAt,
            wentOn,
            slid,
            readableByScript:
              end.cause === 'cleared-by-script' && issuedWithoutHttpOnly(t.id, t.lane.cookie, ctx.request),
            byClient: t.request?.fromNonBrowser === true,
            answeredBy: t.request?.origin,
            domain: t.lane.domain,
            replaced: t.next?.firstEntry === end.entry,
          });
          const { cause } = explained;
          const fix = beside ? SHADOWED_FIX : explained.fix;
          return {
            key: resetKey(t.lane.key, end.entry),
            relatedKeys: related,
            origin: t.lane.origin,
            cookie: t.lane.cookie,
            entry: end.entry,
            url: t.request?.url ?? '',
            cause: end.cause,
            // The behaviour we recommend, at a logout the user asked for (or after one that had ended the ID on the
            // server): told, not alarmed (RULES.md).
            ...(end.atLogout && end.cause === 'cleared-by-server' ? { severity: 'info' as const } : {}),
            // An ID a failed login attempt issued (its error message kept in a session): no session of the user's.
            ...(end.failedAttempt !== undefined ? { severity: 'info' as const } : {}),
            // A new ID no request used, replaced by its twin from a request in flight beside it: nothing lost.
            ...(end.freshRace ? { severity: 'info' as const } : {}),
            // The session-rejected finding before it raised the alarm for this loss: the clearing is told, not raised again.
            ...(rejectedAt !== undefined ? { severity: 'info' as const } : {}),
            // The user stayed logged in (restoredFrom, wentOnIn): told, as the loss of what the session held, not alarmed.
            ...(restored !== undefined || wentOn !== undefined ? { severity: 'low' as const } : {}),
            // The jar's own eviction that nothing after it confirms (evictionShown): only the model's count says so.
            ...(unconfirmed ? { severity: 'low' as const } : {}),
            // The loss it followed or repeats raised the alarm, the login replaced a visitor's ID, or the held ID went
            // on (quietReadings).
            ...(isQuietLoss(end, readings) ? { severity: 'info' as const } : {}),
            ...(end.notSentReason ? { reason: end.notSentReason } : {}),
            message: `${t.lane.cookie} ${ctx.show(t.id.id)} was lost${where}: ${cause}.${after}${attempt}${answered}${chain}${restored !== undefined ? RESTORED(restored) : ''}${followed !== undefined ? FOLLOWED(followed) : ''}${followedAtHop !== undefined ? FOLLOWED_AT_HOP(followedAtHop) : ''}${repeated !== undefined ? REPEATED(repeated) : ''}${foreshadowed !== undefined ? FORESHADOWED(foreshadowed, foreshadowedByRefusal === true) : ''}${end.replacedByLogin ? REPLACED_BY_LOGIN : ''}${keptAfterRefusal ? KEPT_AFTER_REFUSAL : ''}${unconfirmed ? UNCONFIRMED_EVICTION : ''}${beside ? copiesBesideText(beside, ctx.show) : ''}`,
            fix,
            evidence: {
              lostId: { secret: t.id.id },
              ...(t.next ? { newId: { secret: t.next.id } } : {}),
              cause: end.cause,
              ...(store ? { clientSideStore: true } : {}),
              ...(mayNameSession ? { storeMayNameSession: true } : {}),
              ...(end.backendSwitch ? { backendChanges: end.backendSwitch.changes } : {}),
              ...(end.loginEntry !== undefined ? { issuedByLoginAt: end.loginEntry } : {}),
              ...(end.loggedOutAnswer
                ? { answeredStatus: end.loggedOutAnswer.status, ...loggedOutAnswerEvidence(end.loggedOutAnswer) }
                : {}),
              ...(end.loggedOutAnswer && refusedLogin(end.loggedOutAnswer, ctx.facts.loginAttempts)
                ? { loginRefused: true }
                : {}),
              ...(raced ? { inFlightWith: { secret: end.inFlightWith } } : {}),
              ...(end.freshRace ? { freshRace: true } : {}),
              ...(restored !== undefined ? { restoredFrom: restored } : {}),
              ...(wentOn !== undefined ? { wentOnIn: wentOn.cookie, wentOnAt: wentOn.entry } : {}),
              ...(end.failedAttempt !== undefined ? { issuedAtFailedAttempt: end.failedAttempt } : {}),
              ...(end.setByOtherApp !== undefined
                ? {
                    setBy: end.setByOtherApp.setBy,
                    sharedBy: end.setByOtherApp.sharedBy,
                    ...(t.request ? { answeredBy: t.request.origin } : {}),
                  }
                : {}),
              ...(rejectedAt !== undefined ? { rejectedAt } : {}),
              ...(followed !== undefined ? { followedLossAt: followed } : {}),
              ...(beside ? copiesBesideEvidence(beside) : {}),
            },
          };
        }),
      ];
    });
  },
});

/**
 * How the server answered the request that lost the ID. A status that says the session itself was gone (Laravel's
 * 419) says it of a visitor's session too: a login posted with it was refused for that, not for its password.
 */
function answeredText(answer: LoggedOutAnswer, loginAttempts: readonly number[] | undefined): string {
  if (!statusSaysSessionGone(answer.status))
    return ` The server answered as to a client not logged in, with ${answerText(answer)}.`;
  const login = refusedLogin(answer, loginAttempts) ? ', so the login posted with it was refused' : '';
  return ` The server answered with ${answerText(answer)}: it no longer had the session the request carried${login}.`;
}

/** The answer refused a login attempt because the session it carried was gone (the finding's `loginRefused`). */
function refusedLogin(answer: LoggedOutAnswer, loginAttempts: readonly number[] | undefined): boolean {
  return statusSaysSessionGone(answer.status) && loginAttempts?.includes(answer.entry) === true;
}

/** What a reset's words are chosen by, beyond its end. */
interface ResetCase {
  readonly end: ResetEnd;
  /** The origin of the request whose answer ended the ID. */
  readonly answeredBy: string | undefined;
  /** The lane's cookie domain. */
  readonly domain: string;
  /** The answer issued a new ID in its place (else it deleted the cookie). */
  readonly replaced: boolean;
  /** A session kept in the cookie (a client-side store) the server could not read. */
  readonly store: boolean;
  /** …one sealed past reading or naming a session ID: its key, or a server-side session it names (SEALED_NOT_READ). */
  readonly mayNameSession: boolean;
  /** Overwritten by the answer to a request in flight with the ID the held one replaced (RACED). */
  readonly raced: boolean;
  /** Deleted by the server outside a logout the user asked for (CLEARED_OUTSIDE_LOGOUT). */
  readonly clearedOutside: boolean;
  /** Expired on the client although every answer had moved its expiry forward (expirySlid). */
  readonly slid: boolean;
  /** …after the server had answered the ID as logged out there (CLEARED_AFTER_REJECTION). */
  readonly rejectedAt: number | undefined;
  /** …while the login's other session cookie went on (wentOnIn). */
  readonly wentOn: WentOn | undefined;
  /** The Set-Cookie that issued the lost ID left out HttpOnly: page scripts could delete it (SCRIPT_DELETION_FIX). */
  readonly readableByScript: boolean;
  /** The request that lost it came from a client that is no browser (NOT_SENT_BY_CLIENT). */
  readonly byClient: boolean;
}

/** Why the ID was lost and what to change, by the first case that holds; else its cause's own (CAUSE_TEXT, CAUSE_FIX). */
const EXPLANATIONS: readonly {
  readonly holds: (c: ResetCase) => boolean;
  readonly cause: (c: ResetCase) => string;
  readonly fix: (c: ResetCase) => string;
}[] = [
  {
    holds: (c) => c.end.setByOtherApp !== undefined,
    cause: (c) => (c.end.setByOtherApp ? OTHER_APP(c.end.setByOtherApp, c.domain, c.answeredBy, c.replaced) : ''),
    fix: (c) => OTHER_APP_FIX[c.end.setByOtherApp?.sharedBy ?? 'port'],
  },
  { holds: (c) => c.end.clearSiteData === true, cause: () => CLEARED_BY_SITE_DATA, fix: (c) => CAUSE_FIX[c.end.cause] },
  { holds: (c) => c.mayNameSession, cause: () => SEALED_NOT_READ, fix: () => SEALED_FIX },
  { holds: (c) => c.store, cause: () => STORE_NOT_READ, fix: () => STORE_FIX },
  { holds: (c) => c.raced, cause: () => RACED, fix: () => RACED_FIX },
  {
    holds: (c) => c.end.freshRace === true && c.end.inFlightWith !== undefined,
    cause: () => FRESH_RACE_CARRYING_OLD,
    fix: () => FRESH_RACE_FIX,
  },
  { holds: (c) => c.end.freshRace === true, cause: () => FRESH_RACE, fix: () => FRESH_RACE_FIX },
  {
    holds: (c) => c.rejectedAt !== undefined,
    cause: (c) => CLEARED_AFTER_REJECTION(c.rejectedAt ?? c.end.entry),
    fix: () => CLEARED_OUTSIDE_LOGOUT_FIX,
  },
  { holds: (c) => c.wentOn !== undefined, cause: (c) => WENT_ON(c.wentOn!), fix: (c) => WENT_ON_FIX(c.wentOn!) },
  { holds: (c) => c.clearedOutside, cause: () => CLEARED_OUTSIDE_LOGOUT, fix: () => CLEARED_OUTSIDE_LOGOUT_FIX },
  { holds: (c) => c.slid, cause: () => EXPIRED_THOUGH_SLID, fix: () => SLID_EXPIRY_FIX },
  {
    holds: (c) => c.end.cause === 'not-sent' && c.byClient,
    cause: () => NOT_SENT_BY_CLIENT,
    fix: () => NOT_SENT_BY_CLIENT_FIX,
  },
  {
    holds: (c) => c.end.cause === 'cleared-by-script' && c.readableByScript,
    cause: () => CAUSE_TEXT['cleared-by-script'],
    fix: () => SCRIPT_DELETION_FIX,
  },
];

function explanationOf(c: ResetCase): { readonly cause: string; readonly fix: string } {
  const chosen = EXPLANATIONS.find((e) => e.holds(c));
  return chosen
    ? { cause: chosen.cause(c), fix: chosen.fix(c) }
    : { cause: CAUSE_TEXT[c.end.cause], fix: CAUSE_FIX[c.end.cause] };
}

/**
 * A reset that the server decided from the session it read (it did not know it, or deleted it outside a logout): where
 * the request carried several copies of the cookie's name, it may have read another copy than the lost ID.
 */
function readAmongCopies(end: ResetEnd): boolean {
  return (end.cause === 'server-rejected' || end.cause === 'cleared-by-server') && !end.atLogout;
}

/** The copies of `cookie` with other values than `held` that the request carried beside it (sessionShadowed.ts). */
function besideHeld(request: RequestFacts | undefined, cookie: string, held: string): CopiesBeside | undefined {
  const copies = request ? sessionCopies(request.sent)?.get(cookie) : undefined;
  const sent = copies?.find((c) => c.value === held);
  return copies && sent ? copiesBeside(copies, sent) : undefined;
}

/** The Set-Cookie that issued the ID (from its first response) left out HttpOnly. */
function issuedWithoutHttpOnly(
  id: LaneId,
  cookie: string,
  requestAt: (entry: number) => RequestFacts | undefined,
): boolean {
  if (id.source !== 'set-cookie') return false;
  const line = requestAt(id.firstEntry)?.setCookies.find((c) => c.name === cookie && c.value === id.id);
  return line?.parsed !== undefined && !line.parsed.httpOnly;
}

/** Each end's finding, the same object while nothing it is worded from changed (memo.ts). */
const RESET_DRAFTS = memo<ResetEnd, FindingDraft>('session-reset drafts', 'snapshots');
