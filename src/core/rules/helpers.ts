/** Small shared readers for rules: a request's session Set-Cookie facts, lanes by key, the once-per-cookie key. */
import {
  type AnalysisFacts,
  type IdEnd,
  type LaneId,
  type LoggedOutAnswer,
  type LoginFact,
  laneKey,
  type OtherAppSetter,
  type RequestFacts,
  type SentCookieFact,
  type SessionLane,
  type SetCookieFact,
} from '../analysis/facts.ts';
import { isLoopbackHost } from '../cookie/domain.ts';
import { type SharedBy, sharedBy } from '../cookie/sharedCookie.ts';
import type { ParsedSetCookie, StoredCookie } from '../cookie/types.ts';
import { isMaskedValue, isPlaceholderValue } from '../session/valueShape.ts';
import { statusSaysSessionGone } from '../trace/loggedOutStatus.ts';
import { memo } from './memo.ts';
import type { RuleContext } from './rule.ts';

export interface SessionSetCookie {
  readonly request: RequestFacts;
  readonly fact: SetCookieFact;
  readonly parsed: ParsedSetCookie;
}

/**
 * The request's Set-Cookies of a session cookie that parsed and set a value (deletions excluded). Rejected lines,
 * lines whose cookie a later line of the same response deleted or replaced, and placeholders, only on request
 * (`onTheWire`): none held an ID in the jar.
 */
export function sessionSetCookiesOf(request: RequestFacts, onTheWire = false): SessionSetCookie[] {
  const out: SessionSetCookie[] = [];
  const facts = request.setCookies;
  for (let i = 0; i < facts.length; i++) {
    const fact = facts[i]!;
    if (!fact.session || fact.outcome.kind === 'deleted' || fact.value === '' || !fact.parsed) continue;
    // A cookie the browser refused never existed on the client, and one the same response removed again (phpLDAPadmin
    // sets its credentials cookies and deletes them in answer to a wrong password) was never readable by a page nor
    // sent: their attributes describe nothing the client held.
    if (!onTheWire && (fact.outcome.kind === 'rejected' || supersededInResponse(facts, i))) continue;
    // A placeholder (`deleted`; mod_auth_mellon's `cookietest`, set to see that cookies work) holds no ID: its
    // attributes protect nothing. A value a sanitiser masked (`REDACTED`) stood for an ID: its attributes are the ID's.
    if (!onTheWire && isPlaceholderValue(fact.value) && !isMaskedValue(fact.value)) continue;
    out.push({ request, fact, parsed: fact.parsed });
  }
  return out;
}

/** A later line of the same response deleted or replaced the cookie the line at `index` stored. */
function supersededInResponse(facts: readonly SetCookieFact[], index: number): boolean {
  const own = facts[index]!.outcome;
  if (own.kind !== 'stored') return false;
  for (let j = index + 1; j < facts.length; j++) {
    const later = facts[j]!.outcome;
    const gone = later.kind === 'stored' ? later.replaced : later.kind === 'deleted' ? later.removed : undefined;
    if (gone && sameSlot(gone, own.cookie)) return true;
  }
  return false;
}

function sameSlot(a: StoredCookie, b: StoredCookie): boolean {
  return a.name === b.name && a.domain === b.domain && a.path === b.path;
}

/**
 * Attribute rules report each problem once per cookie of the jar, at its first occurrence, with the count: a session
 * cookie re-set on every response must not flood the report, nor a `Domain=` cookie that several of a site's hosts
 * set (twitter.com and api.twitter.com each set `_twitter_sess; domain=.twitter.com`) be told once per host. A cookie
 * of the jar is its name and the domain it is held for: the Domain attribute's, or the host that set a host-only one.
 */
export function perJarCookie(item: { readonly request: RequestFacts; readonly fact: SetCookieFact }): string {
  return jarCookieKey(item.fact.name, heldFor(item.fact.parsed?.domain, item.request.host));
}

/** The key of a cookie of the jar: its name and the domain it is held for (perJarCookie). */
export function jarCookieKey(name: string, domain: string): string {
  return `${domain}\u0000${name}`;
}

/** The domain a Set-Cookie's cookie is held for: its Domain attribute, or (absent or empty: host-only) the host. */
export function heldFor(domainAttribute: string | undefined, host: string): string {
  return domainAttribute ? domainAttribute : host;
}

/**
 * The scheme of a request that crossed the network unencrypted (`http` or a WebSocket's `ws`), or undefined. A loopback
 * host (http://localhost, 127.0.0.1, *.localhost) never leaves the machine, and browsers hold such an origin
 * potentially trustworthy (W3C Secure Contexts 3.2), Secure cookies included: a developer's local server is not a
 * site in clear text.
 */
export function clearTextScheme(request: Pick<RequestFacts, 'url' | 'host'>): 'http' | 'ws' | undefined {
  const scheme = request.url.startsWith('http:') ? 'http' : request.url.startsWith('ws:') ? 'ws' : undefined;
  return scheme && !isLoopbackHost(request.host) ? scheme : undefined;
}

/** A URL without its query and fragment: its address up to the `?` (or `#`). */
export function addressWithoutQuery(url: string): string {
  const end = url.search(/[?#]/);
  return end === -1 ? url : url.slice(0, end);
}

export function laneByKey(ctx: RuleContext): Map<string, SessionLane> {
  return new Map(ctx.facts.lanes.map((l) => [l.key, l]));
}

export function times(count: number): string {
  return count > 1 ? ` (${count} times)` : '';
}

const NO_ANSWERS: readonly LoggedOutAnswer[] = [];
const LOGGED_OUT_ANSWERS = memo<readonly LoggedOutAnswer[], ReadonlyMap<number, LoggedOutAnswer>>(
  'logged-out answers by entry',
  'analysis',
);

/** The responses that answered as logged out, by entry: made once per analysis for the rules that read them. */
export function loggedOutAnswers(ctx: RuleContext): ReadonlyMap<number, LoggedOutAnswer> {
  const answers = ctx.facts.loggedOut ?? NO_ANSWERS;
  return ctx.memos.recall(LOGGED_OUT_ANSWERS, answers, [], () => new Map(answers.map((a) => [a.entry, a])));
}

/**
 * Whether the session's cookie had its expiry moved forward before entry `before`: written again, with an expiry, by an
 * answer after the one that issued it — the same ID re-sent (CherryPy's persistent cookie), or a store sealed anew (the
 * updates that ended in `id`: Rails', Laravel's). A user idle past its lifetime then lost it although it slid: renewing
 * it as the user goes on is already done (SLID_EXPIRY_FIX). Read only for an expiry told, never per request.
 */
export function expirySlid(
  lane: SessionLane,
  id: LaneId,
  before: number,
  request: (entry: number) => RequestFacts | undefined,
): boolean {
  let at = lane.ids.indexOf(id);
  if (at === -1) return false;
  const run = new Set([id.id]);
  while (at > 0 && lane.ids[at - 1]!.end?.kind === 'updated') run.add(lane.ids[--at]!.id);
  let writes = 0;
  for (let entry = lane.ids[at]!.firstEntry; entry < before; entry++) {
    for (const s of request(entry)?.setCookies ?? []) {
      if (s.name !== lane.cookie || s.outcome.kind !== 'stored' || !run.has(s.value)) continue;
      if (s.parsed?.maxAge !== undefined || s.parsed?.expires !== undefined) writes++;
    }
    if (writes >= 2) return true;
  }
  return false;
}

/** The lane's ID of this value that the jar held at `entry`: the last one issued before it. */
export function idHeld(lane: SessionLane, value: string, entry: number): LaneId | undefined {
  for (let i = lane.ids.length - 1; i >= 0; i--) {
    const id = lane.ids[i]!;
    if (id.id === value && id.firstEntry < entry) return id;
  }
  return undefined;
}

/**
 * The origin whose answer set the session value `sent` carried, where it is another origin that shares the cookie with
 * `origin` (another port of its host, another host within the cookie's Domain: cookie/sharedCookie.ts): another app.
 * Undefined when this origin set it, or no answer seen did.
 */
export function setByOtherApp(ctx: RuleContext, sent: SentCookieFact, origin: string): OtherAppSetter | undefined {
  if (sent.domain === undefined || sent.path === undefined) return undefined;
  const key = laneKey(sent.domain, sent.path, sent.name);
  const lane = ctx.facts.lanes.find((l) => l.key === key);
  const id = lane?.ids.find((i) => i.id === sent.value && i.source === 'set-cookie');
  const setter = id && ctx.request(id.firstEntry)?.origin;
  const shared = setter === undefined ? undefined : sharedBy(setter, origin, sent.domain);
  return setter !== undefined && shared !== undefined ? { setBy: setter, sharedBy: shared } : undefined;
}

/** Where the other app is, in a finding's words, by how it shares the cookie (the cookie's domain given). */
export const WHERE_OTHER_APP: Readonly<Record<SharedBy, (domain: string) => string>> = {
  port: () => 'on this host',
  domain: (domain) => `within the cookie's domain ${domain}`,
};

/** The entries where a login's answers arrive: its own request and the hops of its redirect chain. */
export function loginEntries(login: LoginFact): ReadonlySet<number> {
  return new Set([login.entry, ...login.chain]);
}

const LOGIN_ORIGINS = new WeakMap<readonly LoginFact[], ReadonlySet<string>>();

/**
 * The origins where the replay recognised a login (AnalysisFacts.logins): the periodic-rotation count, session-not-sent
 * (another application's host) and the story (which possible sessions are told) each ask it of one analysis. Made
 * once per list of logins: a replay's facts hand the same list to all three.
 */
export function loginOrigins(logins: readonly LoginFact[]): ReadonlySet<string> {
  let origins = LOGIN_ORIGINS.get(logins);
  if (origins === undefined) {
    origins = new Set(logins.map((login) => login.origin));
    LOGIN_ORIGINS.set(logins, origins);
  }
  return origins;
}

/** Why a cookie reaches the other app, by how they share it, as a clause (the story's words read it too). */
export const SHARED_BECAUSE: Readonly<Record<SharedBy, string>> = {
  port: 'cookies do not isolate ports',
  domain: 'a cookie with a Domain attribute is sent to every host within that domain',
};

/** Why two apps share one session cookie, by how they share it. */
export const SHARED_COOKIE: Readonly<Record<SharedBy, string>> = {
  port: `${upperFirst(SHARED_BECAUSE.port)}, so apps on one host whose session cookies have the same name share one cookie, and each replaces the other's session`,
  domain: `${upperFirst(SHARED_BECAUSE.domain)}, so apps on those hosts whose session cookies have the same name and Domain share one cookie, and each replaces the other's session`,
};

function upperFirst(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** The fix where two apps share a session cookie (session-reset's setByOtherApp, session-rejected's setBy). */
export const OTHER_APP_FIX: Readonly<Record<SharedBy, string>> = {
  port: 'Give each app on this host a session cookie name of its own, or open the apps under different host names (app1.localhost and app2.localhost, say): browsers keep cookies per host name, not per port.',
  domain:
    'Give each app a session cookie name of its own, or leave the Domain attribute out of each so that every host keeps its own cookie: a cookie with a Domain is shared by every host within it.',
};

/**
 * The fix where a page script most likely deleted the session cookie (one without HttpOnly, gone for no reason a
 * browser rule gives, or reported removed with no response that did it): session-not-sent's and session-reset's.
 */
export const SCRIPT_DELETION_FIX =
  "Find the script that deletes it: search the pages' scripts for document.cookie and this cookie's name (a consent manager's list of essential cookies must name it). Mark the session cookie HttpOnly, so that no script can read or delete it.";

/** The fix for a cookie that expired on the client although its expiry slid (expirySlid). */
export const SLID_EXPIRY_FIX =
  "The cookie's expiry already moves forward as the user goes on (answers renew it): the user was idle longer than its lifetime. If the session should outlast such a pause, give the cookie a lifetime at least as long as the server-side session's idle timeout, or none (a browser-session cookie); if it is the intended idle timeout, tell the user their session ended.";

/** Causes of a loss whose request went without the session cookie. */
const WENT_WITHOUT: ReadonlySet<string> = new Set(['not-sent', 'expired']);

/**
 * Causes of the loss of an ID that can only follow another (lossOnlyFollowed): held back again, or removed by the
 * browser (evicted from a crowded jar, deleted by a script). An overwrite of an ID no request carried says so itself
 * (session-reset's fresh race).
 */
const FOLLOWING: ReadonlySet<string> = new Set([...WENT_WITHOUT, 'evicted', 'cleared-by-script']);

/**
 * The entry of the loss an ID only followed, if it did: the ID was issued by the very response whose request had gone
 * without the session (its lane's previous ID lost there, not sent or expired: that loss is told), and no request ever
 * carried it before it too was lost (held back again, or removed by the browser: FOLLOWING). A navigation from another
 * site with a SameSite=Strict cookie loses the session on its first hop and the visitor ID that hop issued on the next
 * (PHP's, Laravel's redirect to the login page): one loss. A crowded jar evicts the visitor ID the loss's answer
 * issued.
 */
export function lossOnlyFollowed(lane: SessionLane, id: LaneId): number | undefined {
  if (id.source !== 'set-cookie' || id.carriedCount > 0 || id.sessionLogin !== undefined) return undefined;
  if (refusedLoginAt(id)) return undefined;
  const at = lane.ids.indexOf(id);
  const before = at > 0 ? lane.ids[at - 1]!.end : undefined;
  return before?.kind === 'reset' && WENT_WITHOUT.has(before.cause) && before.entry === id.firstEntry
    ? before.entry
    : undefined;
}

/**
 * The entry of the login's loss a visitor's ID issued inside the login's redirect chain only followed: a server that
 * did not know the login's session answered a hop as a visitor's and issued this ID (LaneId.visitorAtHopOf), and the
 * next hop's server did not know it either (server-rejected). Servers that do not share sessions lose the login once;
 * each hop after renews a visitor's ID. The first loss of the chain (where the first such ID was issued) is told.
 */
export function lossAtHopFollowed(lane: SessionLane, id: LaneId): number | undefined {
  const login = id.visitorAtHopOf;
  if (login === undefined || id.end?.kind !== 'reset' || id.end.cause !== 'server-rejected') return undefined;
  if (refusedLoginAt(id)) return undefined;
  let at = lane.ids.indexOf(id);
  let first = id.firstEntry;
  while (at > 0 && lane.ids[at - 1]!.visitorAtHopOf === login) first = lane.ids[--at]!.firstEntry;
  return first;
}

/**
 * The entry of an earlier loss this one repeats: the ID was a visitor's (no login issued it), lost for want of the
 * cookie (not sent, expired) or to a move to a server that did not know it (server-rejected with a back-end switch),
 * as an earlier ID of the lane was the same way, and that earlier loss was told (no login's new session replaced it:
 * ResetEnd.replacedByLogin). A session cookie whose Path leaves out the home page loses a new visitor session on
 * every visit there; servers that do not share sessions, behind a balancer that moves the client, renew a visitor's
 * ID at every move: the first loss tells it.
 */
export function lossRepeated(ctx: RuleContext, lane: SessionLane, id: LaneId): number | undefined {
  const end = id.end;
  if (end?.kind !== 'reset' || !repeatable(end) || id.sessionLogin !== undefined) return undefined;
  if (refusedLoginAt(id)) return undefined;
  for (const earlier of lane.ids) {
    if (earlier === id) return undefined;
    const before = earlier.end;
    if (
      before?.kind === 'reset' &&
      before.cause === end.cause &&
      before.notSentReason === end.notSentReason &&
      repeatable(before) &&
      !before.replacedByLogin
    )
      // An earlier visitor's loss a logged-in one tells (lossForeshadowed), or the login's loss an ID at its hop only
      // followed (lossAtHopFollowed), is told there.
      return lossForeshadowed(ctx, lane, earlier)?.entry ?? lossAtHopFollowed(lane, earlier) ?? before.entry;
  }
  return undefined;
}

/** A loss a visitor's ID can repeat (lossRepeated): for want of the cookie, or to a move to another back-end. */
function repeatable(end: Extract<IdEnd, { kind: 'reset' }>): boolean {
  return WENT_WITHOUT.has(end.cause) || (end.cause === 'server-rejected' && end.backendSwitch !== undefined);
}

/**
 * What made an answer one to a client not logged in, as evidence (session-rejected's names): the login page a redirect
 * pointed to, a login form, a page that did not name the user. The story tells it beside the request's status.
 */
export function loggedOutAnswerEvidence(answer: LoggedOutAnswer): Record<string, number | string | boolean> {
  return {
    ...(answer.loginPage ? { loginPage: answer.loginPage } : {}),
    ...(answer.loginForm ? { loginForm: true } : {}),
    ...(answer.userNamedAt !== undefined ? { userNamedAt: answer.userNamedAt } : {}),
  };
}

/**
 * The later loss that tells this one's cause: the ID was a visitor's (no login issued it), lost for want of the cookie
 * (not sent, expired), and a later ID of the lane was lost the same way (cause and reason), one the user felt: issued
 * by a login and not carried again after, or lost at a login it made fail (Laravel's 419: refusedLoginAt). A consent
 * script that deletes the session cookie on the home page takes the visitor's ID before the login and the user's after
 * it; a Path that leaves out the login form loses the visitor's ID there and makes the login fail: the story must lead
 * with the loss the user felt. A visitor's loss with no such later loss stays told (a visitor's cart, a site without
 * logins).
 */
export function lossForeshadowed(ctx: RuleContext, lane: SessionLane, id: LaneId): FeltLoss | undefined {
  const end = id.end;
  if (end?.kind !== 'reset' || !WENT_WITHOUT.has(end.cause) || id.sessionLogin !== undefined) return undefined;
  // Held back from the login itself: told as the login's (ResetEnd.replacedByLogin).
  if (end.replacedByLogin || refusedLoginAt(id)) return undefined;
  return feltLosses(ctx)
    .get(lane)
    ?.find(
      (loss) => loss.firstEntry > id.firstEntry && loss.cause === end.cause && loss.notSentReason === end.notSentReason,
    );
}

/** A loss for want of the cookie the user felt (lossForeshadowed): a logged-in session's, or a refused login's. */
export interface FeltLoss {
  readonly firstEntry: number;
  readonly entry: number;
  readonly cause: string;
  readonly notSentReason: string | undefined;
  /** Lost at a login it made fail, not a logged-in session. */
  readonly refusedLogin: boolean;
}

/** Read once per analysis: a lane of a long recording holds thousands of visitor IDs, each asking. */
const FELT_LOSSES = memo<AnalysisFacts, ReadonlyMap<SessionLane, readonly FeltLoss[]>>('felt losses', 'analysis');

/**
 * Each lane's losses for want of the cookie the user felt: of IDs a login issued, not carried again after (no
 * incident's), and those that made a login fail.
 */
function feltLosses(ctx: RuleContext): ReadonlyMap<SessionLane, readonly FeltLoss[]> {
  return ctx.memos.recall(FELT_LOSSES, ctx.facts, [], () => {
    const byLane = new Map<SessionLane, FeltLoss[]>();
    for (const lane of ctx.facts.lanes) {
      for (const id of lane.ids) {
        const end = id.end;
        if (end?.kind !== 'reset' || !WENT_WITHOUT.has(end.cause)) continue;
        const refusedLogin = refusedLoginAt(id);
        if (id.sessionLogin === undefined && !refusedLogin) continue;
        if (id.lastEntry > end.entry) continue;
        const loss = {
          firstEntry: id.firstEntry,
          entry: end.entry,
          cause: end.cause,
          notSentReason: end.notSentReason,
          refusedLogin,
        };
        const losses = byLane.get(lane);
        if (losses === undefined) byLane.set(lane, [loss]);
        else losses.push(loss);
      }
    }
    return byLane;
  });
}

/**
 * The ID's loss was answered as by a server without the session (419, 440): a login posted with it was refused
 * (Laravel keeps its CSRF token in the session), a consequence of its own, never one that only followed or repeated.
 */
function refusedLoginAt(id: LaneId): boolean {
  const end = id.end;
  return (
    end?.kind === 'reset' && end.loggedOutAnswer !== undefined && statusSaysSessionGone(end.loggedOutAnswer.status)
  );
}

/**
 * A request went without the held ID and its answer's new ID was refused by the browser (an incident: a visitor's
 * cookie set in another site's frame, a non-Secure one over http://), and a later request carried the held ID again:
 * the session went on, only that request was answered without it. Without a later request the loss stands: the user
 * was answered as a visitor, and nothing shows the session came back.
 */
export function heldOnAfterRefusal(id: LaneId, end: IdEnd, incident: boolean): boolean {
  return incident && end.kind === 'reset' && end.cause === 'not-sent' && id.lastEntry > end.entry;
}

/**
 * What makes a reset no loss to raise (session-reset tells it as info, session-not-sent raises nothing for it): the
 * loss it only followed or repeats (told there), the login that replaced a visitor's ID, or a held ID carried again
 * after its request's new ID was refused. Each read from what came after the end: it changes as a live trace grows.
 */
export interface QuietReadings {
  /** lossOnlyFollowed's entry. */
  readonly followed?: number;
  /** lossRepeated's entry. */
  readonly repeated?: number;
  /** lossForeshadowed's entry, and whether that loss made a login fail (else a logged-in session's). */
  readonly foreshadowed?: number;
  readonly foreshadowedByRefusal?: true;
  /** lossAtHopFollowed's entry. */
  readonly followedAtHop?: number;
  /** heldOnAfterRefusal. */
  readonly keptAfterRefusal: boolean;
}

/** The end of a lane's ID quietReadings reads: an ID transition (transitions.ts), the same object for every rule. */
interface QuietEnd {
  readonly lane: SessionLane;
  readonly id: LaneId;
  readonly end: IdEnd;
  readonly incident: boolean;
}

/** Read once per analysis for each transition: session-reset, session-not-sent and session-backend-switch ask. */
const QUIET_READINGS = memo<QuietEnd, QuietReadings>('quiet readings', 'analysis');

export function quietReadings(ctx: RuleContext, t: QuietEnd): QuietReadings {
  return ctx.memos.recall(QUIET_READINGS, t, [], () => readQuiet(ctx, t));
}

function readQuiet(ctx: RuleContext, t: QuietEnd): QuietReadings {
  const { lane, id, end, incident } = t;
  const followed =
    !incident && end.kind === 'reset' && FOLLOWING.has(end.cause) ? lossOnlyFollowed(lane, id) : undefined;
  const followedAtHop = followed === undefined && !incident ? lossAtHopFollowed(lane, id) : undefined;
  const before = followed ?? followedAtHop;
  const felt = before === undefined && !incident ? lossForeshadowed(ctx, lane, id) : undefined;
  const foreshadowed = felt?.entry;
  const repeated =
    before === undefined && foreshadowed === undefined && !incident ? lossRepeated(ctx, lane, id) : undefined;
  return {
    ...(followed !== undefined ? { followed } : {}),
    ...(followedAtHop !== undefined ? { followedAtHop } : {}),
    ...(foreshadowed !== undefined ? { foreshadowed } : {}),
    ...(felt?.refusedLogin ? { foreshadowedByRefusal: true as const } : {}),
    ...(repeated !== undefined ? { repeated } : {}),
    keptAfterRefusal: heldOnAfterRefusal(id, end, incident),
  };
}

/** The reset is no loss to raise (quietReadings, or the login's own request: ResetEnd.replacedByLogin). */
export function isQuietLoss(end: IdEnd, readings: QuietReadings): boolean {
  return (
    (end.kind === 'reset' && end.replacedByLogin === true) ||
    readings.followed !== undefined ||
    readings.repeated !== undefined ||
    readings.foreshadowed !== undefined ||
    readings.followedAtHop !== undefined ||
    readings.keptAfterRefusal
  );
}
