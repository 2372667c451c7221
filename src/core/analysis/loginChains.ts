/**
 * The logins of a replay, each followed through its redirect chain (POST /login → 302 → GET /home): a rotation
 * anywhere in the chain counts as "at login" (RULES.md, session-fixation), and the ID each carried lane holds when
 * the chain ends is the one the login left (LoginFact.lanes' `after`).
 */

import { redirectTargetOf } from '../trace/redirects.ts';
import type { TraceEntry } from '../trace/types.ts';
import type { LoginFact, LoginSignal, SessionLane } from './facts.ts';
import { exchangesLoginToken, mayExchangeToken } from './loginSignals.ts';
import { currentId } from './sessionLanes.ts';

/** Where lanes are found by key: the replay's own, or a snapshot of them. */
interface LanesByKey {
  get(key: string): SessionLane | undefined;
}

/** A login whose redirect chain is still being followed. */
interface OpenLogin {
  readonly fact: LoginFact;
  nextUrl?: string;
  /** The next request may exchange the login's token for the session (loginSignals.ts mayExchangeToken). */
  exchange?: true;
}

export class LoginChains {
  private readonly logins: LoginFact[] = [];
  private open: OpenLogin | undefined;

  /** The open login's signal and entry, while its chain is followed (what a response's lane change is told). */
  get openSignal(): LoginSignal | undefined {
    return this.open?.fact.signal;
  }
  get openEntry(): number | undefined {
    return this.open?.fact.entry;
  }

  /**
   * The next request (at `origin`, the replay's own for its URL): a hop of the open login's chain extends it, a
   * redirect's target or the exchange of the login's token; any other request ends it.
   */
  follow(entry: TraceEntry, lanes: LanesByKey, origin: string): void {
    const open = this.open;
    if (!open) return;
    const hop =
      open.nextUrl !== undefined
        ? sameUrl(open.nextUrl, entry.request.url)
        : open.exchange === true && exchangesLoginToken(entry, open.fact.origin, origin);
    if (hop) {
      open.fact.chain.push(entry.index);
      delete open.exchange;
      const next = redirectTargetOf(entry);
      if (next) open.nextUrl = next;
      else delete open.nextUrl;
      return;
    }
    this.close(lanes);
  }

  /** A login request (its fact, lanes carried noted): open until its redirect chain, if any, ends. */
  start(fact: LoginFact, entry: TraceEntry, lanes: LanesByKey): void {
    this.close(lanes);
    this.logins.push(fact);
    const next = redirectTargetOf(entry);
    this.open = next
      ? { fact, nextUrl: next }
      : mayExchangeToken(entry, fact.signal)
        ? { fact, exchange: true }
        : { fact };
  }

  /** Closes the open login when its chain is already over (it did not redirect, and exchanges no token next). */
  closeIfNoChain(lanes: LanesByKey): void {
    if (this.open && !this.open.nextUrl && !this.open.exchange) this.close(lanes);
  }

  /** Closes the open login: each lane it carried holds the ID the login left. */
  close(lanes: LanesByKey): void {
    const open = this.open;
    if (!open) return;
    this.open = undefined;
    noteLanesAfterLogin(open.fact, lanes);
  }

  /** Copies of the logins so far, the open one closed as the end of the trace would close it (on `lanes`). */
  snapshot(lanes: LanesByKey): LoginFact[] {
    return this.logins.map((login) => {
      const copy = copyLogin(login);
      if (login === this.open?.fact) noteLanesAfterLogin(copy, lanes);
      return copy;
    });
  }
}

/**
 * Each lane the login carried: the ID it holds once the login (and its redirect chain) is over. None when the login
 * ended the ID with no successor (deleted it, or moved the value under another name): the old ID is not kept.
 */
function noteLanesAfterLogin(login: LoginFact, lanes: LanesByKey): void {
  for (const l of login.lanes) {
    const lane = lanes.get(l.laneKey);
    const current = lane && currentId(lane);
    if (current && !current.end) {
      l.after = current.id;
      l.afterEntry = current.firstEntry;
    }
  }
}

function copyLogin(login: LoginFact): LoginFact {
  return { ...login, chain: login.chain.slice(), lanes: login.lanes.map((l) => ({ ...l })) };
}

function sameUrl(a: string, b: string): boolean {
  try {
    return new URL(a).href === new URL(b).href;
  } catch {
    return a === b;
  }
}
