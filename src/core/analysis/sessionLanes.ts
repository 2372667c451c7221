/**
 * The session lanes of a replay: one per session cookie slot (domain, path, name: RFC 6265bis 5.7), each the IDs
 * the slot held in turn, with what began and ended each (RULES.md, the lifecycle rules). The replay tells the lanes
 * what each request carried, what it was not sent, and what its response set; how an ID ends is decided by the rule
 * that owns the decision (sessionReset.ts idEndOf, sessionBackendSwitch.ts), and recorded here.
 */

import { domainMatch } from '../cookie/domain.ts';
import { defaultPath, pathMatch } from '../cookie/path.ts';
import type { StoredCookie } from '../cookie/types.ts';
import { isFirstSwitchOf, switchBesideEnd, switchWithoutResetOf } from '../rules/sessionBackendSwitch.ts';
import { expiryResetOf, idEndOf, resetAtModelEviction, resetAtRemoval } from '../rules/sessionReset.ts';
import { isChunkCountMarker, sameChunkedCookie } from '../session/chunkedCookie.ts';
import { splitRouteSuffix } from '../session/identify.ts';
import { valueHolds } from '../session/tokenData.ts';
import { holdsNoIdCharacter, isPlaceholderValue, isUpdateOf } from '../session/valueShape.ts';
import type { CookieChangeCause, TraceEntry } from '../trace/types.ts';
import { AppNeighbours } from './appNeighbours.ts';
import {
  type IdChange,
  type IdEnd,
  identityOfLane,
  type LaneId,
  type LoggedOutAnswer,
  type LoginSignal,
  laneKey,
  type NotSentCookieFact,
  type ResetCause,
  type SentCookieFact,
  type SessionIdentity,
  type SessionLane,
  type SetCookieFact,
} from './facts.ts';
import { isFirstParty } from './firstParty.ts';
import { isBareFormPost, issuesSignInRequest, issuesSignInResponse, postedTokens } from './loginSignals.ts';

/** The request URL as the replay parsed it: what a Set-Cookie line's default domain and path come from. */
export interface LaneUrl {
  readonly url: URL;
  /** `url.hostname`, as the jar read it. */
  readonly host: string;
  /** "scheme://host[:port]": where a lane opened by this request starts. */
  readonly origin: string;
}

/** What the replay knows of a request, for deciding what its response did to each lane. */
export interface LaneChangeContext {
  /** Lane key → the ID the request carried (noteCarried). */
  readonly carried: Map<string, string>;
  readonly notSent: readonly NotSentCookieFact[];
  readonly sent: readonly SentCookieFact[];
  readonly login: LoginSignal | undefined;
  /** The entry of the open login, while its redirect chain is followed. */
  readonly loginEntry: number | undefined;
  /** The response answered as to a client not logged in (loggedOut.ts). */
  readonly loggedOut: LoggedOutAnswer | undefined;
  /** The request's entry: what it posted is read of it only when a session is deleted (a logout's signs). */
  readonly entry: TraceEntry;
  readonly logout: boolean;
  /** When the response arrived (start + duration), where the trace says. */
  readonly arrivedAt: number | undefined;
}

/** What one response did to a lane: issued a new value, deleted it. Decided once per lane. */
interface LaneEffect {
  issued?: string;
  stored?: StoredCookie;
  deleted: boolean;
  /** Deleted, with the value written under another name of its chunked cookie (IdChange.rewrittenAs). */
  rewrittenAs?: string;
  /** Deleted by the response's Clear-Site-Data, not by a Set-Cookie line (IdChange.clearSiteData). */
  clearSiteData?: true;
  /** Deleted as the jar guessed the cookie's scope (SessionLanes.deletedOnGuess). */
  onGuessedScope?: true;
  /** The cookie stored, or the one it replaced, outlives the browser session (an expiry). */
  persistent?: boolean;
}

/**
 * The lanes whose ID the request carried and the response wrote back unchanged, as a cookie of the browser session
 * before and after (IdChange.reissuedBeside): the server read the session the request carried. A persistent one does
 * not tell it: a remember-me token is written back when the server, having lost the session, logs the user in again
 * from it.
 */
function reissuedLanes(effects: Map<SessionLane, LaneEffect>, carried: Map<string, string>): SessionLane[] {
  const lanes: SessionLane[] = [];
  for (const [lane, effect] of effects) {
    if (effect.stored && !effect.persistent && effect.issued === carried.get(lane.key)) lanes.push(lane);
  }
  return lanes;
}

/**
 * The lanes to which the response stored a new ID, one the request did not carry: where a session deleted by the
 * same response went on (IdChange.handedTo).
 */
function newlyIssuedLanes(effects: Map<SessionLane, LaneEffect>, carried: Map<string, string>): SessionLane[] {
  const lanes: SessionLane[] = [];
  for (const [lane, effect] of effects) {
    if (effect.stored && effect.issued !== undefined && effect.issued !== carried.get(lane.key)) lanes.push(lane);
  }
  return lanes;
}

/** A lane opened for a cookie the identification did not name (cannot happen for session facts; kept total). */
const UNKNOWN_IDENTITY: SessionIdentity = { confidence: 'possible', evidence: ['session cookie'], against: [] };

/** Shared by the requests that carried no session cookie, and the responses that set no affinity cookie: never written. */
export const NOTHING_CARRIED: Map<string, string> = new Map();
const NOTHING_SET: Map<string, string> = new Map();

/** How the login's ID ended at a hop of its chain when the hop was answered as a visitor: the ID issued there is one. */
const VISITOR_AT_HOP: ReadonlySet<ResetCause> = new Set(['not-sent', 'expired', 'server-rejected']);

export class SessionLanes {
  private readonly lanes = new Map<string, SessionLane>();
  /** IDs a response deleted, and when that response arrived: a request started before then still held the ID. */
  private readonly deletedArrivedAt = new WeakMap<LaneId, number>();
  /**
   * IDs a deletion ended that found the cookie only as the jar guessed its scope (a cookie known from Cookie headers
   * alone, taken host-only): the browser's own cookie may have another Domain or Path, which the deletion missed. A
   * later request that carries the ID shows it did, and undoes the end (noteCarried), as for a guessed eviction.
   */
  private readonly deletedOnGuess = new WeakSet<LaneId>();
  /** The first ID of the run of updates each ID ended (sessionOf), once asked. */
  private readonly sessionRoots = new WeakMap<LaneId, string>();
  /** Who set each ID, and which apps sharing a cookie are seen not to share sessions (appNeighbours.ts). */
  private readonly apps = new AppNeighbours();

  constructor(
    /** The identity of a session cookie name, as the replay knows it now. */
    private readonly identityOf: (name: string) => SessionIdentity | undefined,
    /** Registrable domains of the inspected site: a lane outside them is a third-party session. */
    private readonly firstPartySites: ReadonlySet<string>,
  ) {}

  /** The lane of this key, if one was opened. */
  get(key: string): SessionLane | undefined {
    return this.lanes.get(key);
  }

  /**
   * The session a carried value belongs to, as one name however often it was written anew: the first ID of the run
   * of updates that ended in it (a store sealed anew on every answer: hono-sessions, Rails'), else the value itself.
   */
  sessionOf(s: SentCookieFact): string {
    if (s.domain === undefined || s.path === undefined) return s.value;
    const ids = this.lanes.get(laneKey(s.domain, s.path, s.name))?.ids;
    if (ids === undefined) return s.value;
    let at = ids.length - 1;
    while (at >= 0 && ids[at]!.id !== s.value) at--;
    if (at < 0) return s.value;
    // Walked back to the first of the run or to an ID whose session is known, then remembered for each ID walked: a
    // store sealed anew on every answer makes runs as long as the trace, asked about at every page.
    let first = at;
    while (first > 0 && !this.sessionRoots.has(ids[first]!) && ids[first - 1]!.end?.kind === 'updated') first--;
    const root = this.sessionRoots.get(ids[first]!) ?? ids[first]!.id;
    for (let i = first; i <= at; i++) this.sessionRoots.set(ids[i]!, root);
    return root;
  }

  /** A copy of every lane as it is now, with its cookie's latest identity: the lanes stay the replay's. */
  snapshot(): SessionLane[] {
    return [...new Set(this.lanes.values())].map((lane) => this.laneSoFar(lane));
  }

  /**
   * The session cookies the request carried: each lane's ID is the carried value from now on (a new ID starts when
   * it differs). Gives back lane key → value carried, the request's view for its response (LaneChangeContext).
   */
  noteCarried(
    sent: readonly SentCookieFact[],
    entry: number,
    origin: string,
    startedAt: number,
    /** The request was for a page (LaneId.pagesCarried). */
    page: boolean,
  ): Map<string, string> {
    // Made only for a request that carried a session cookie: most requests share the empty one. (Indexed loops here
    // and below: a for-of over these lists allocated an iterator result per cookie of every request.)
    let carried: Map<string, string> = NOTHING_CARRIED;
    for (let i = 0; i < sent.length; i++) {
      const s = sent[i]!;
      if (!s.session || s.domain === undefined || s.path === undefined) continue;
      // ASP.NET Core's `chunks-N`: the value is in the chunks, the first of which the lanes follow.
      if (isChunkCountMarker(s.value)) continue;
      if (carried === NOTHING_CARRIED) carried = new Map();
      let lane = this.lanes.get(laneKey(s.domain, s.path, s.name));
      if (!lane) {
        // A placeholder carried before any ID (mod_auth_mellon's `cookietest`, sent to its identity provider too)
        // opens no lane: a lane belongs to the origin where its first ID is.
        if (isPlaceholderValue(s.value)) continue;
        lane = this.laneFor({ name: s.name, domain: s.domain, path: s.path }, origin);
      }
      const current = currentId(lane);
      // The jar's own eviction was a guess: a request that carries the ID shows the browser still had it.
      // So was a deletion that matched the cookie only on the jar's guess of its scope (deletedOnGuess).
      if (
        current?.end?.kind === 'reset' &&
        (current.end.byModel || this.deletedOnGuess.has(current)) &&
        current.id === s.value
      )
        delete current.end;
      if (current && current.id !== s.value && carriesReplacedInFlight(lane, current, s.value, startedAt)) {
        carried.set(lane.key, s.value);
        continue;
      }
      if (!current || current.end || current.id !== s.value) {
        // A placeholder the server left in the cookie (`deleted`: Cockpit's, PHP's) is no ID to follow. A value no ID is
        // written with, carried in place of the held ID, is the client's doing (a scanner's payload, `x'||pg_sleep(10)--`):
        // the held ID is no longer what it sends, and a new one the server then issues replaces no ID of the client's.
        if (isPlaceholderValue(s.value)) {
          if (current && !current.end && holdsNoIdCharacter(s.value)) current.end = { kind: 'replaced-unseen', entry };
          continue;
        }
        // The ID a response deleted, carried by a request that started before that response arrived (in flight
        // beside the logout): the jar held it then. It comes back as no new ID.
        if (current?.id === s.value && startedAt < (this.deletedArrivedAt.get(current) ?? Number.NEGATIVE_INFINITY))
          continue;
        this.startId(lane, s.value, entry, 'carried');
      }
      const id = currentId(lane)!;
      id.lastEntry = entry;
      id.carriedCount++;
      if (page) id.pagesCarried++;
      carried.set(lane.key, s.value);
    }
    return carried;
  }

  /** Client-side expiry ends an ID at the first request that would have carried it. */
  noteNotSent(notSent: readonly NotSentCookieFact[], entry: number, answer?: LoggedOutAnswer): void {
    for (let i = 0; i < notSent.length; i++) {
      const n = notSent[i]!;
      const end = n.session ? expiryResetOf(n, entry, answer) : undefined;
      if (!end) continue;
      const lane = this.lanes.get(laneKey(n.domain, n.path, n.name));
      const current = lane && currentId(lane);
      if (current && current.id === n.value) current.end = end;
    }
  }

  /**
   * A cookie was removed other than by a Set-Cookie line (script, another extension, eviction or expiry): its
   * lane's live ID ends there, when it was this value and the jar still `held` the cookie.
   */
  noteRemoval(key: string, value: string, cause: CookieChangeCause, held: () => boolean): void {
    const lane = this.lanes.get(key);
    const current = lane && currentId(lane);
    if (!current || current.id !== value || !held()) return;
    const end = resetAtRemoval(cause, current.lastEntry);
    if (end) current.end = end;
  }

  /**
   * The jar evicted the cookie while it stored the cookies of `entry`: its lane's live ID, when it was this value,
   * ends there (the model's reading, undone in noteCarried if a later request carries the ID).
   */
  noteEviction(key: string, value: string, entry: number): void {
    const lane = this.lanes.get(key);
    const current = lane && currentId(lane);
    if (!current || current.id !== value || current.end) return;
    current.end = resetAtModelEviction(entry);
  }

  /** A new browser run: the IDs the last run left open end unseen (no finding: the next run's browser never had them). */
  endRun(entry: number): void {
    for (const lane of this.lanes.values()) {
      const current = currentId(lane);
      if (current && !current.end) current.end = { kind: 'run-ended', entry };
    }
  }

  /**
   * What the response's Set-Cookie lines (`facts`, in order) did to the session lanes: per lane, a new ID issued
   * (stored, or refused by the browser while the server moved on) or its cookie deleted; and a back-end switch
   * the affinity cookies it set (`affinitySet`, name → value) or the request's own show.
   */
  applyResponse(
    entry: number,
    url: LaneUrl,
    facts: readonly SetCookieFact[],
    affinitySet: Map<string, string>,
    /** The cookies the response's Clear-Site-Data removed (clearSiteData.ts), after its Set-Cookie lines. */
    cleared: readonly StoredCookie[],
    ctx: LaneChangeContext,
  ): void {
    if (ctx.loggedOut) this.noteRefusedByOtherApp(ctx.carried, url.origin);
    if (facts.length === 0 && cleared.length === 0) {
      // Nothing set: no lane changes; only a backend switch the request's own cookies show.
      this.noteBackendSwitchWithoutReset(entry, ctx.carried, ctx.sent, NOTHING_SET);
      if (ctx.logout) this.noteLogout(entry, ctx.carried);
      return;
    }
    const effects = new Map<SessionLane, LaneEffect>();
    for (const fact of facts) {
      const { outcome, name, value } = fact;
      // The browser kept the cookie of an answer that arrived after this one (SetCookieFact.keptEarlierAnswer).
      if (!fact.session || fact.keptEarlierAnswer) continue;
      if (outcome.kind === 'stored' && isChunkCountMarker(outcome.cookie.value)) {
        // The value moved into chunks (a ticket grown past one cookie): the cookie's own ID ends here.
        const lane = this.lanes.get(laneKey(outcome.cookie.domain, outcome.cookie.path, outcome.cookie.name));
        if (lane) effectOn(effects, lane).deleted = true;
      } else if (outcome.kind === 'stored' && isNewPlaceholder(this.lanes, outcome.cookie)) {
        // A placeholder written over the session cookie (`cockpit=deleted`, no expiry) clears it as a deletion does.
        const lane = this.lanes.get(laneKey(outcome.cookie.domain, outcome.cookie.path, outcome.cookie.name));
        if (lane) clearedBy(effectOn(effects, lane));
      } else if (outcome.kind === 'stored') {
        if (outcome.guessedTwin) this.continueGuessedLane(outcome.guessedTwin, outcome.cookie);
        const lane = this.laneFor(outcome.cookie, url.origin);
        const effect = effectOn(effects, lane);
        effect.issued = outcome.cookie.value;
        effect.stored = outcome.cookie;
        effect.persistent = outcome.cookie.expiresAt !== undefined || outcome.replaced?.expiresAt !== undefined;
      } else if (outcome.kind === 'deleted') {
        const removed = outcome.removed;
        const lane = removed
          ? this.lanes.get(laneKey(removed.domain, removed.path, removed.name))
          : this.laneForSetCookie(name, outcome.parsed.domain, outcome.parsed.path, url);
        if (!lane || !removed) continue;
        // The lines apply in order: a value an earlier line of this response stored is what this one removed
        // (phpMyAdmin's logout sets its auth cookie, then deletes it).
        const effect = clearedBy(effectOn(effects, lane));
        if (removed.scopeGuessed) effect.onGuessedScope = true;
      } else if (fact.parsed && value !== '') {
        // Rejected by the browser, yet the server issued a new ID: that is what tells a reset.
        const lane = this.laneForSetCookie(name, fact.parsed.domain, fact.parsed.path, url);
        if (!lane) continue;
        effectOn(effects, lane).issued = value;
      }
    }
    for (const cookie of cleared) {
      const lane = this.lanes.get(laneKey(cookie.domain, cookie.path, cookie.name));
      if (!lane) continue;
      // Whatever the response set for it, the cookie is gone from the jar: its ID ends here, none starts.
      clearedBy(effectOn(effects, lane)).clearSiteData = true;
    }
    const reissued = reissuedLanes(effects, ctx.carried);
    const newlyIssued = newlyIssuedLanes(effects, ctx.carried);
    for (const [lane, effect] of effects) {
      if (effect.deleted && effect.issued === undefined) {
        // A name this response stored a value under (a chunk is no session, yet it carries the session's value).
        const rewritten = facts.find((f) => f.outcome.kind === 'stored' && sameChunkedCookie(f.name, lane.cookie));
        if (rewritten) effect.rewrittenAs = rewritten.name;
      }
      const beside = reissued.find((other) => other !== lane)?.cookie;
      const handedTo = newlyIssued.find((other) => other.cookie !== lane.cookie)?.cookie;
      this.decideLaneChange(lane, effect, entry, url, ctx, affinitySet, beside, handedTo);
    }
    this.noteBackendSwitchWithoutReset(entry, ctx.carried, ctx.sent, affinitySet);
    if (ctx.logout) this.noteLogout(entry, ctx.carried);
  }

  /**
   * How an ID that another app sharing the cookie had set ended here: an end that shows this app did not know it
   * (sessionReset.ts otherAppResetOf) shows the two apart; another is kept, to be decided again if they are seen so.
   */
  private noteEndOfOtherApps(lane: SessionLane, held: LaneId, change: IdChange, end: IdEnd, origin: string): void {
    const setter = change.setByOtherApp?.setBy;
    if (setter === undefined) return;
    if (end.kind === 'reset' && end.setByOtherApp !== undefined) this.markAppsApart(setter, origin);
    else this.apps.remember(setter, origin, { lane, id: held, change, end });
  }

  /**
   * A logged-in session that another app sharing the cookie had set, answered here as logged out: the two apps do not
   * share sessions.
   */
  private noteRefusedByOtherApp(carried: Map<string, string>, origin: string): void {
    for (const [key, value] of carried) {
      const lane = this.lanes.get(key);
      const current = lane && currentId(lane);
      if (!lane || !current || current.end || current.id !== value || current.sessionLogin === undefined) continue;
      const other = this.apps.otherAppOf(current, origin, lane.domain);
      if (other !== undefined) this.markAppsApart(other.setBy, origin);
    }
  }

  /**
   * Two apps sharing a cookie seen not to share sessions: the ends of one's IDs at the other, read before as a rotation
   * or an update, are decided again (a reset); IDs that had taken their session from such an update lose it.
   */
  private markAppsApart(a: string, b: string): void {
    for (const pending of this.apps.markApart(a, b)) {
      const { lane, id, change, end } = pending;
      if (id.end !== end) continue;
      id.end = idEndOf({ ...change, appsApart: true });
      if (end.kind === 'updated') forgetInheritedLogin(lane, id);
    }
  }

  /** A logout whose response left a carried ID live: that ID was logged out on the server (LaneId.loggedOutAt). */
  private noteLogout(entry: number, carried: Map<string, string>): void {
    for (const [key, value] of carried) {
      const lane = this.lanes.get(key);
      const current = lane && currentId(lane);
      if (current && !current.end && current.id === value) current.loggedOutAt ??= entry;
    }
  }

  /**
   * The jar took a cookie it knew only from Cookie headers (its scope guessed host-only) for this Domain cookie, the
   * same cookie whose Domain the guess missed. Written with the same value, or the same session updated (an encrypted
   * store sealed anew), the guessed cookie's lane goes on as this cookie's: a login writing the carried PHPSESSID again
   * with `Domain=` kept it, told in one lane, not a second lane starting with the same ID beside a first that ends
   * with no cause. A new ID is left a lane of its own, as the jar's guess cannot tell the same cookie renewed from a
   * stale host-only copy the browser holds beside the Domain one (session-shadowed): read as one lane, that copy sent
   * with the new ID would be told as a session the server rejected. The lane keeps its key; the Domain cookie's key
   * leads to it too (snapshot lists it once).
   */
  private continueGuessedLane(twin: StoredCookie, cookie: StoredCookie): void {
    if (twin.value !== cookie.value && !isUpdateOf(twin.value, cookie.value)) return;
    const key = laneKey(cookie.domain, cookie.path, cookie.name);
    if (this.lanes.has(key)) return;
    const lane = this.lanes.get(laneKey(twin.domain, twin.path, twin.name));
    if (lane === undefined) return;
    this.lanes.set(key, lane);
    // The lane names the scope the server set, not the one guessed (Google's SID: domain developers.google.com beside
    // the findings' Domain=google.com); a fix that names the cookie's Domain and Path must name these.
    lane.domain = cookie.domain;
    lane.path = cookie.path;
  }

  private laneFor(cookie: { name: string; domain: string; path: string }, origin: string): SessionLane {
    const key = laneKey(cookie.domain, cookie.path, cookie.name);
    let lane = this.lanes.get(key);
    if (!lane) {
      const identity = this.laneIdentity(cookie.name, cookie.domain) ?? UNKNOWN_IDENTITY;
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

  /** The identity of the name's lane whose cookie has `domain` (identityOfLane). */
  private laneIdentity(name: string, domain: string): SessionIdentity | undefined {
    const identity = this.identityOf(name);
    return identity && identityOfLane(identity, domain);
  }

  /** A copy of the lane as it is now, with its cookie's latest identity. */
  private laneSoFar(lane: SessionLane): SessionLane {
    const identity = this.laneIdentity(lane.cookie, lane.domain);
    return {
      ...lane,
      ...(identity
        ? { identifiedBy: identity.evidence.join('; '), confidence: identity.confidence, evidence: identity.evidence }
        : {}),
      ids: lane.ids.map((id) => ({ ...id, incidents: id.incidents.slice() })),
      backendSwitches: lane.backendSwitches.slice(),
    };
  }

  private startId(
    lane: SessionLane,
    value: string,
    entry: number,
    source: LaneId['source'],
    arrivedAt?: number,
  ): LaneId {
    const previous = currentId(lane);
    if (previous && !previous.end) previous.end = { kind: 'replaced-unseen', entry };
    const { route } = splitRouteSuffix(lane.cookie, value);
    const id: LaneId = {
      id: value,
      firstEntry: entry,
      lastEntry: entry,
      source,
      carriedCount: 0,
      pagesCarried: 0,
      incidents: [],
      ...(arrivedAt !== undefined ? { arrivedAt } : {}),
      ...(route ? { route } : {}),
    };
    lane.ids.push(id);
    return id;
  }

  /** Finds the lane a Set-Cookie line speaks to: its exact slot, else a live lane of that name for this host. */
  private laneForSetCookie(name: string, domain: string | undefined, path: string | undefined, url: LaneUrl) {
    const host = url.host;
    const exact = this.lanes.get(laneKey(domain ?? host, path ?? defaultPath(url.url), name));
    if (exact) return exact;
    let best: SessionLane | undefined;
    for (const lane of this.lanes.values()) {
      if (lane.cookie !== name || !domainMatch(host, lane.domain)) continue;
      if (!pathMatch(url.url.pathname, lane.path)) continue;
      if (!best || lane.path.length > best.path.length) best = lane;
    }
    return best;
  }

  private decideLaneChange(
    lane: SessionLane,
    effect: LaneEffect,
    entry: number,
    url: LaneUrl,
    ctx: LaneChangeContext,
    affinitySet: Map<string, string>,
    reissuedBeside: string | undefined,
    handedTo: string | undefined,
  ): void {
    const current = currentId(lane);
    const live = current && !current.end ? current : undefined;
    const issued = effect.issued;
    if (issued === undefined || issued === '') {
      if (effect.deleted && live) {
        if (ctx.arrivedAt !== undefined) this.deletedArrivedAt.set(live, ctx.arrivedAt);
        const change = {
          ...this.idChange(lane, live, undefined, entry, url, ctx, affinitySet),
          ...(effect.rewrittenAs !== undefined ? { rewrittenAs: effect.rewrittenAs } : {}),
          ...(effect.clearSiteData ? { clearSiteData: true as const } : {}),
          ...(handedTo !== undefined ? { handedTo } : {}),
        };
        live.end = idEndOf(change);
        if (effect.onGuessedScope) this.deletedOnGuess.add(live);
        this.noteEndOfOtherApps(lane, live, change, live.end, url.origin);
      }
      return;
    }
    if (live && live.id === issued) return; // the same ID re-sent (expiry refreshed): no change
    // The ID this request went without (held back, or expired by the clock the trace is judged at) written back as it
    // was: the server still knew the session (the ID reached it another way: GitHub's SameSite=Strict companion beside
    // its Lax twin) and the browser keeps it. A loss needs another ID than the one lost.
    if (
      !live &&
      current?.end?.kind === 'reset' &&
      current.end.entry === entry &&
      current.id === issued &&
      effect.stored
    ) {
      delete current.end;
      return;
    }
    // How the held ID ended is the lifecycle rules' decision (sessionReset.ts idEndOf); a rotation that also moved
    // back-end is recorded on the lane as a switch within the session (sessionBackendSwitch.ts).
    const change = live && this.idChange(lane, live, issued, entry, url, ctx, affinitySet, reissuedBeside);
    const end = change && idEndOf(change);
    const laneSwitch = change && end && switchBesideEnd(end, change);
    if (laneSwitch) lane.backendSwitches.push(laneSwitch);
    if (!effect.stored) {
      // The browser rejected the new cookie: the server moved on, the client keeps its old ID.
      if (live && end) live.incidents.push(end);
      return;
    }
    if (live && change && end) {
      live.end = end;
      this.noteEndOfOtherApps(lane, live, change, end, url.origin);
    }
    // Only the stored cookie's own slot gets the new ID (it may differ from the lane matched by name).
    const target = this.laneFor(effect.stored, url.origin);
    const id = this.startId(target, issued, entry, 'set-cookie', ctx.arrivedAt);
    this.apps.noteSetBy(id, url.origin);
    // A hop of the login's chain that went without the login's cookie (not sent, expired), or whose server did not know
    // the login's ID (server-rejected: a node that does not share the login's session), was answered as a visitor is:
    // the ID it issued is a visitor's, not the login's session (a cookie Path that leaves out the landing page).
    const visitorAtHop = end?.kind === 'reset' && VISITOR_AT_HOP.has(end.cause) && ctx.loginEntry !== entry;
    const sessionLogin = visitorAtHop
      ? undefined
      : (ctx.loginEntry ?? (live && end?.kind === 'updated' ? live.sessionLogin : undefined));
    if (sessionLogin !== undefined) id.sessionLogin = sessionLogin;
    if (visitorAtHop && ctx.loginEntry !== undefined) id.visitorAtHopOf = ctx.loginEntry;
    if (issuesSignInRequest(ctx.entry)) id.startsSignIn = true;
  }

  /** What this response did to the lane's live ID, as the facts the lifecycle rules decide from. */
  private idChange(
    lane: SessionLane,
    live: LaneId,
    issued: string | undefined,
    entry: number,
    url: LaneUrl,
    ctx: LaneChangeContext,
    affinitySet: Map<string, string>,
    reissuedBeside?: string,
  ): IdChange {
    const notSent = ctx.notSent.find((n) => n.name === lane.cookie && n.value === live.id);
    // A value carried that is not the live ID was in flight beside the response that set the live one (noteCarried).
    const carried = ctx.carried.get(lane.key);
    const { sessionLogin } = live;
    const setByOtherApp = this.apps.otherAppOf(live, url.origin, lane.domain);
    return {
      entry,
      cookie: lane.cookie,
      held: live,
      ...(setByOtherApp !== undefined ? { setByOtherApp } : {}),
      ...(setByOtherApp !== undefined && this.apps.isApart(setByOtherApp.setBy, url.origin) ? { appsApart: true } : {}),
      ...(issued !== undefined ? { issued } : {}),
      carried: carried === live.id,
      ...(carried !== undefined && carried !== live.id ? { carriedReplaced: carried } : {}),
      ...((carried === undefined || carriedLost(lane, carried)) && isFreshRace(live, ctx.entry.startedAt)
        ? { freshRace: true }
        : {}),
      path: url.url.pathname,
      ...(this.identityOf(lane.cookie)?.sealedStore ? { sealedStore: true } : {}),
      ...(issued === undefined && postedTokens(ctx.entry).some((t) => valueHolds(live.id, t))
        ? { postNamesHeldId: true }
        : {}),
      ...(issued === undefined && isBareFormPost(ctx.entry) ? { bareFormPost: true } : {}),
      ...(ctx.loggedOut ? { loggedOutAnswer: ctx.loggedOut } : {}),
      ...(sessionLogin !== undefined ? { sessionLogin } : {}),
      ...(notSent ? { notSent } : {}),
      ...(ctx.login !== undefined && ctx.loginEntry !== undefined
        ? { login: { signal: ctx.login, entry: ctx.loginEntry } }
        : {}),
      logout: ctx.logout,
      sent: ctx.sent,
      affinitySet,
      ...(reissuedBeside !== undefined ? { reissuedBeside } : {}),
      ...(issued !== undefined && sessionLogin !== undefined && issuesSignInResponse(ctx.entry)
        ? { completesSignIn: true }
        : {}),
    };
  }

  private noteBackendSwitchWithoutReset(
    entry: number,
    carried: Map<string, string>,
    sent: readonly SentCookieFact[],
    affinitySet: Map<string, string>,
  ): void {
    const found = switchWithoutResetOf(entry, sent, affinitySet);
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

/** The effect this response has on the lane so far (a new one, kept, on the lane's first line). */
function effectOn(effects: Map<SessionLane, LaneEffect>, lane: SessionLane): LaneEffect {
  let effect = effects.get(lane);
  if (effect === undefined) {
    effect = { deleted: false };
    effects.set(lane, effect);
  }
  return effect;
}

/**
 * The stored value is a placeholder (isPlaceholderValue), told only of a value its slot does not already hold as its
 * ID: most responses set the ID the lane has, again.
 */
function isNewPlaceholder(lanes: ReadonlyMap<string, SessionLane>, cookie: StoredCookie): boolean {
  const lane = lanes.get(laneKey(cookie.domain, cookie.path, cookie.name));
  const current = lane && currentId(lane);
  if (current && !current.end && current.id === cookie.value) return false;
  return isPlaceholderValue(cookie.value);
}

/** The response removed the cookie: whatever an earlier line of it stored, no ID is issued. */
function clearedBy(effect: LaneEffect): LaneEffect {
  effect.deleted = true;
  effect.issued = undefined;
  effect.stored = undefined;
  return effect;
}

/**
 * The IDs after `id` in its lane that took its session's login by updates (decideLaneChange), once `id`'s update is
 * read as another app's reset (appNeighbours.ts): not that session's any more.
 */
function forgetInheritedLogin(lane: SessionLane, id: LaneId): void {
  const login = id.sessionLogin;
  if (login === undefined) return;
  for (let i = lane.ids.indexOf(id) + 1; i > 0 && i < lane.ids.length; i++) {
    const next = lane.ids[i]!;
    if (next.sessionLogin !== login) break;
    delete next.sessionLogin;
    if (next.end?.kind !== 'updated') break;
  }
}

/** The lane's latest ID; it may have ended (`end` set) with no successor yet. */
export function currentId(lane: SessionLane): LaneId | undefined {
  return lane.ids[lane.ids.length - 1];
}

/**
 * The held ID arrived after this request went out (which carried none of the lane), no request ever carried it and
 * no login issued it: the page's first requests in flight together, each answered with a new session (EverShop's
 * express-session on two scripts of its login page). A login's ID lost so is a real loss, not this.
 */
function isFreshRace(held: LaneId, startedAt: number): boolean {
  return (
    held.carriedCount === 0 &&
    held.sessionLogin === undefined &&
    held.source === 'set-cookie' &&
    held.arrivedAt !== undefined &&
    startedAt < held.arrivedAt
  );
}

/**
 * The value a request in flight carried is an ID the lane's current one replaced (carriesReplacedInFlight: the one
 * before, or several back when several answers were in flight), and that ID was lost (a reset: the server no longer
 * knew it), not rotated: a new ID given to that request loses nothing more (Zabbix's widgets, all sent with the
 * session it had just lost). After a rotation the current ID may be a login's, which the race loses.
 */
function carriedLost(lane: SessionLane, carried: string): boolean {
  for (let i = lane.ids.length - 2; i >= 0; i--) {
    const id = lane.ids[i]!;
    if (id.id === carried) return id.end?.kind === 'reset';
  }
  return false;
}

/**
 * The request carried an earlier ID of the lane, and every ID after it was set by a response that had not arrived
 * when the request started: it went out beside those responses with the cookie the jar held then (RULES.md, "What is
 * a request"), so it neither ends the current ID nor brings the old one back. Several answers can be in flight
 * together, each replacing the last (phpMyAdmin's XHRs, each re-setting its auth cookie): the carried ID may be
 * several back. Reached only for a value that is not the current ID.
 */
function carriesReplacedInFlight(lane: SessionLane, current: LaneId, value: string, startedAt: number): boolean {
  if (current.end) return false;
  for (let i = lane.ids.length - 1; i > 0; i--) {
    const later = lane.ids[i]!;
    const earlier = lane.ids[i - 1]!;
    if (later.arrivedAt === undefined || startedAt >= later.arrivedAt) return false;
    if (earlier.end?.entry !== later.firstEntry) return false;
    if (earlier.id === value) return true;
  }
  return false;
}
