/**
 * Two apps that share a cookie: on one host at different ports (cookies do not isolate ports), or on two hosts within
 * a session cookie's Domain (cookie/sharedCookie.ts). Whose session cookies have the same name share one cookie, each
 * replacing the other's session ("logging in to one logs me out of the other"). This keeps, for the session lanes,
 * the origin whose answer set each ID, and the pairs of such origins seen not to share sessions: one of them answered
 * a logged-in session the other had set as logged out, or replaced an ID the other had set as a server does one it
 * does not know (sessionReset.ts idEndOf). An ID's end read before its pair was seen so is decided again once it is:
 * a login at the second app replacing the first's ID reads as that login's rotation until the first app refuses the
 * new ID. Two origins that do share sessions (a login service on another port, one store) are never seen apart.
 */

import { sharedBy } from '../cookie/sharedCookie.ts';
import type { IdChange, IdEnd, LaneId, OtherAppSetter, SessionLane } from './facts.ts';

function pairKey(a: string, b: string): string {
  return a < b ? `${a}\u0000${b}` : `${b}\u0000${a}`;
}

/** An ID's end at another origin than the one that set it, read while the two were not yet seen apart. */
export interface PendingEnd {
  readonly lane: SessionLane;
  readonly id: LaneId;
  readonly change: IdChange;
  readonly end: IdEnd;
}

export class AppNeighbours {
  /** The origin whose answer set each ID (source `set-cookie`). */
  private readonly setBy = new WeakMap<LaneId, string>();
  /** Pairs of origins (pairKey) seen not to share sessions. */
  private readonly apart = new Set<string>();
  /** Ends read before their pair was seen apart, by pair. */
  private readonly pending = new Map<string, PendingEnd[]>();

  noteSetBy(id: LaneId, origin: string): void {
    this.setBy.set(id, origin);
  }

  /**
   * The origin that set `id`, a cookie of `domain`, where it is another origin sharing that cookie with `origin`
   * (another port of its host, another host within the Domain); undefined otherwise.
   */
  otherAppOf(id: LaneId, origin: string, domain: string): OtherAppSetter | undefined {
    const setter = this.setBy.get(id);
    const shared = setter === undefined ? undefined : sharedBy(setter, origin, domain);
    return setter !== undefined && shared !== undefined ? { setBy: setter, sharedBy: shared } : undefined;
  }

  isApart(a: string, b: string): boolean {
    return this.apart.has(pairKey(a, b));
  }

  /** An end of an ID another origin set, read while the two were not seen apart: kept to be decided again. */
  remember(setter: string, origin: string, pending: PendingEnd): void {
    const key = pairKey(setter, origin);
    const list = this.pending.get(key);
    if (list) list.push(pending);
    else this.pending.set(key, [pending]);
  }

  /** The two are seen not to share sessions: gives back the ends read before, to be decided again (once). */
  markApart(a: string, b: string): readonly PendingEnd[] {
    const key = pairKey(a, b);
    this.apart.add(key);
    const list = this.pending.get(key) ?? [];
    this.pending.delete(key);
    return list;
  }
}
