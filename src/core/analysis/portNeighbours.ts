/**
 * Apps on one host at different ports share their cookies: cookies do not isolate ports (RFC 6265 8.5), so two apps
 * at 127.0.0.1:3000 and 127.0.0.1:8000 whose session cookies have the same name share one cookie, each replacing the
 * other's session ("logging in to one logs me out of the other"). This keeps, for the session lanes, the origin whose
 * answer set each ID, and the pairs of such origins seen not to share sessions: one of them answered a logged-in
 * session the other had set as logged out, or replaced an ID the other had set as a server does one it does not know
 * (sessionReset.ts idEndOf). An ID's end read before its pair was seen so is decided again once it is: a login at the
 * second app replacing the first's ID reads as that login's rotation until the first app refuses the new ID.
 */

import { otherPortOfHost } from '../cookie/ports.ts';
import type { IdChange, IdEnd, LaneId } from './facts.ts';

function pairKey(a: string, b: string): string {
  return a < b ? `${a}\u0000${b}` : `${b}\u0000${a}`;
}

/** An ID's end at another port than the one that set it, read while the two were not yet seen apart. */
export interface PendingEnd {
  readonly id: LaneId;
  readonly change: IdChange;
  readonly end: IdEnd;
}

export class PortNeighbours {
  /** The origin whose answer set each ID (source `set-cookie`). */
  private readonly setBy = new WeakMap<LaneId, string>();
  /** Pairs of origins (pairKey) seen not to share sessions. */
  private readonly apart = new Set<string>();
  /** Ends read before their pair was seen apart, by pair. */
  private readonly pending = new Map<string, PendingEnd[]>();

  noteSetBy(id: LaneId, origin: string): void {
    this.setBy.set(id, origin);
  }

  /** The origin that set `id`, where it is another port of `origin`'s host; undefined otherwise. */
  otherPortSetter(id: LaneId, origin: string): string | undefined {
    const setter = this.setBy.get(id);
    return setter !== undefined && otherPortOfHost(setter, origin) ? setter : undefined;
  }

  isApart(a: string, b: string): boolean {
    return this.apart.has(pairKey(a, b));
  }

  /** An end of an ID another port set, read while the two were not seen apart: kept to be decided again. */
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
