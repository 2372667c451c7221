/**
 * The replay's last comparison of each kind of request (cookieComparison.ts), kept while it still holds.
 * A trace asks the same question again and again: consecutive requests to a host, with the jar unchanged,
 * carrying the very same Cookie header. The jar's answer then is the same (CookieJar.replayShape says when), and
 * so is what the replay makes of it: the same shared lists of sent and not-sent facts. Deciding each cookie and
 * comparing it with the header again was a third of the replay (bench/RESULTS.md, row 2).
 */
import type { ReplayShape } from '../cookie/jar.ts';
import type { StoredCookie } from '../cookie/types.ts';
import type { NotSentCookieFact, SentCookieFact } from './facts.ts';

/** What a request carried and what it did not, as shared lists (factCache.ts ListPool): read, never change. */
export interface Comparison {
  readonly sent: readonly SentCookieFact[];
  readonly notSent: readonly NotSentCookieFact[];
}

/** A comparison kept, with what it was made from besides its shape. */
interface RememberedComparison extends Comparison {
  /** The request's Cookie header ('' for none). */
  readonly carried: string;
  /** The cookies the jar sent, whose last access a recall updates as the jar's answer would (CookieJar.touch). */
  readonly sentByJar: readonly StoredCookie[];
}

export class ComparisonMemo {
  // By shape: a change to a site's cookies makes new shapes, and the comparisons kept for the old ones go with them.
  private readonly byShape = new WeakMap<ReplayShape, RememberedComparison>();

  /**
   * The comparison kept for a request of this shape carrying the same header, with the cookies the jar sent for
   * it. (The replay keeps and recalls only comparisons of requests that no cookie of their site was in flight
   * for: CookieComparison.settled.)
   */
  recall(shape: ReplayShape, carried: string): RememberedComparison | undefined {
    const kept = this.byShape.get(shape);
    return kept !== undefined && kept.carried === carried ? kept : undefined;
  }

  remember(shape: ReplayShape, carried: string, comparison: Comparison, sentByJar: readonly StoredCookie[]): void {
    const { sent, notSent } = comparison;
    this.byShape.set(shape, { sent, notSent, carried, sentByJar });
  }
}
