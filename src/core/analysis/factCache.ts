/**
 * Hands out one shared object per distinct fact. The replay keeps, for every request, what it sent and what it
 * did not send and why; on a long trace the same cookie with the same value is sent (or not sent, for the same
 * reason) on thousands of requests, and facts are read-only, so one object can stand for all of them. On the
 * benchmark's 100,000-entry HAR that is 1.5 million fact objects reduced to a few thousand (bench/RESULTS.md
 * row 3): the difference between memory that grows with the cookies and memory that grows with the requests.
 */
export class FactCache<T> {
  // One Map per distinct prefix of the parts: callers put the part with the most distinct values (a cookie's
  // value) last, so it adds an entry to its slot's map rather than a chain of maps of its own. Value first, the
  // 1 GiB benchmark HAR's replay held 28,000 maps (11 MB) at its peak.

  private readonly root = new Map<string, unknown>();

  /** The fact already made for these key parts, or a new one from `make` (kept for next time). */
  get(parts: readonly string[], make: () => T): T {
    let level = this.root;
    const last = parts.length - 1;
    for (let i = 0; i < last; i++) {
      let next = level.get(parts[i]!) as Map<string, unknown> | undefined;
      if (!next) {
        next = new Map();
        level.set(parts[i]!, next);
      }
      level = next;
    }
    const key = parts[last]!;
    let fact = level.get(key) as T | undefined;
    if (fact === undefined) {
      fact = make();
      level.set(key, fact);
    }
    return fact;
  }
}

/** One copy of each distinct string (hosts, origins, Referers repeat on most requests of a trace). */
export class StringPool {
  private readonly pool = new Map<string, string>();

  intern(text: string): string {
    const known = this.pool.get(text);
    if (known !== undefined) return known;
    this.pool.set(text, text);
    return text;
  }
}

/**
 * One shared array per distinct list of shared facts: consecutive requests to a host mostly send (and do not
 * send) the very same cookies, so their lists are equal item for item. Items are compared by identity, which
 * is what FactCache makes meaningful.
 */
export class ListPool<T extends object> {
  private readonly ids = new Map<T, number>();
  private readonly lists = new Map<string, readonly T[]>();
  /** The list last handed out per first item: the next request's list is most often that very one. */
  private readonly lastByFirst = new Map<T, readonly T[]>();

  constructor(private readonly empty: readonly T[]) {}

  /** The shared list equal to the first `count` items (all of them by default). */
  share(items: readonly T[], count: number = items.length): readonly T[] {
    if (count === 0) return this.empty;
    const first = items[0]!;
    const last = this.lastByFirst.get(first);
    // Equal item for item: it is the list the key below would find (each key has one list), without the key.
    if (last !== undefined && sameItems(last, items, count)) return last;
    const list = this.shareByKey(items, count);
    this.lastByFirst.set(first, list);
    return list;
  }

  /** share() for a list refilled request after request. */
  shareRefilled(list: RefilledList<T>): readonly T[] {
    return this.share(list.items, list.length);
  }

  private shareByKey(items: readonly T[], count: number): readonly T[] {
    const ids: number[] = [];
    for (let i = 0; i < count; i++) {
      const item = items[i]!;
      let id = this.ids.get(item);
      if (id === undefined) {
        id = this.ids.size;
        this.ids.set(item, id);
      }
      ids.push(id);
    }
    // Joined, not built with `+=`: the key is kept for every distinct list, and a string grown piece by piece
    // stays a tree of its pieces in V8 (about 56 bytes an item against 1 to 8 flat; bench/RESULTS.md row 3).
    const key = ids.join(',');
    const known = this.lists.get(key);
    if (known) return known;
    // A copy: the caller's array was grown by push and keeps spare room (and may hold more than `count`).
    const list = items.slice(0, count);
    this.lists.set(key, list);
    return list;
  }
}

/** Whether `a` is the first `count` items of `b`, item for item. */
function sameItems<T>(a: readonly T[], b: readonly T[], count: number): boolean {
  if (a.length !== count) return false;
  for (let i = 0; i < count; i++) if (a[i] !== b[i]) return false;
  return true;
}

/**
 * A list filled anew for every request and read before the next: emptied by forgetting its length, not by
 * `length = 0`, which gives a V8 array new storage on its next push — request after request, for every list the
 * replay refills (what is past `length` is stale and never read).
 */
export class RefilledList<T> {
  readonly items: T[] = [];
  length = 0;

  push(item: T): void {
    this.items[this.length++] = item;
  }

  clear(): void {
    this.length = 0;
  }
}
