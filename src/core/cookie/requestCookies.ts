/**
 * The jar's verdicts for one request as a replay reads them (CookieJar.cookiesForReplay): lists the replay owns
 * and hands to the jar again for each request. A replay asks about every request of a trace, and the new lists
 * and the {cookie, reason} pair for each cookie not sent made on each of them were a tenth of what an analysis
 * allocated (issue #16: garbage collection was a quarter of its time).
 */
import type { NotSentReason } from './reasons.ts';
import type { StoredCookie } from './types.ts';

/**
 * Cookies, each with the one reason it is not sent: two lists kept in step (no pair object per cookie). Emptied
 * by forgetting how many there are, not by truncating the lists (`length = 0` gives an array new storage on its
 * next push, request after request).
 */
export class CookieVerdicts {
  private readonly cookieList: StoredCookie[] = [];
  private readonly reasonList: NotSentReason[] = [];
  private count = 0;

  get length(): number {
    return this.count;
  }

  cookie(i: number): StoredCookie {
    return this.cookieList[i]!;
  }

  reason(i: number): NotSentReason {
    return this.reasonList[i]!;
  }

  push(cookie: StoredCookie, reason: NotSentReason): void {
    this.cookieList[this.count] = cookie;
    this.reasonList[this.count] = reason;
    this.count++;
  }

  /** The position of the cookie with this name and value; -1 when none. */
  indexOf(name: string, value: string): number {
    const cookies = this.cookieList;
    for (let i = 0; i < this.count; i++) {
      const c = cookies[i]!;
      if (c.name === name && c.value === value) return i;
    }
    return -1;
  }

  /** Removes the cookie at `i` (which must exist) and its reason, keeping the others' order; returns it. */
  take(i: number): StoredCookie {
    const cookies = this.cookieList;
    const reasons = this.reasonList;
    const cookie = cookies[i]!;
    for (let j = i + 1; j < this.count; j++) {
      cookies[j - 1] = cookies[j]!;
      reasons[j - 1] = reasons[j]!;
    }
    this.count--;
    return cookie;
  }

  clear(): void {
    this.count = 0;
  }
}

export class RequestCookies {
  /** The cookies the request carries, in Cookie-header order (longer path first, then earlier creation). */
  readonly sent: StoredCookie[] = [];
  /** Cookies of the request's site that must not be sent, with the reason for each. */
  readonly notSent = new CookieVerdicts();
  /**
   * With an unknown site for cookies: cookies that go if the request is same-site and not if it is cross-site,
   * each with the reason it would not.
   */
  readonly undecided = new CookieVerdicts();

  clear(): void {
    this.sent.length = 0;
    this.notSent.clear();
    this.undecided.clear();
  }
}

/**
 * Removes and returns the item at `index` (which must exist), keeping the others' order: splice(index, 1)
 * without the one-item array it returns (this runs for every cookie of every request of a replay).
 */
export function takeAt<T>(items: T[], index: number): T {
  const item = items[index]!;
  for (let i = index + 1; i < items.length; i++) items[i - 1] = items[i]!;
  items.pop();
  return item;
}
