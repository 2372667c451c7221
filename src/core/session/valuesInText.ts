/**
 * Finds known session values inside a URL or header text — anywhere in it, also percent-encoded — in time
 * linear in the text: values are indexed by a hash of their first 8 characters (every value looked for is at
 * least that long) and the text is probed once per position, the hash rolled along. A loop over every known ID per URL would make analysis
 * quadratic on traces where IDs rotate often.
 */

/** The shortest value looked for: shorter ones would match by chance. */
export const MIN_VALUE_LENGTH = 8;

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/** A polynomial hash of the MIN_VALUE_LENGTH characters of `text` from `at`, in 32 bits. */
function windowHash(text: string, at: number): number {
  let h = 0;
  for (let k = 0; k < MIN_VALUE_LENGTH; k++) h = (Math.imul(h, HASH_BASE) + text.charCodeAt(at + k)) | 0;
  return h;
}

const HASH_BASE = 31;
/** HASH_BASE to the power MIN_VALUE_LENGTH - 1: the weight of the character leaving the window. */
const HASH_LEAVING = (() => {
  let w = 1;
  for (let k = 1; k < MIN_VALUE_LENGTH; k++) w = Math.imul(w, HASH_BASE);
  return w;
})();

export class ValueFinder {
  /**
   * The values by the hash of their first MIN_VALUE_LENGTH characters (a rolling hash): the text is probed
   * at every position without cutting a string out of it each time. A hash hit is only a candidate; the
   * value is found when the text really starts with it there. Within a bucket, values keep their order.
   */
  private readonly byPrefixHash = new Map<number, string[]>();
  /**
   * Whether any value's prefix hash has these low 16 bits: most positions of most texts start no value, and this
   * answers them without a Map lookup per character (the scan runs over every URL and Referer of a trace).
   */
  private readonly lowBitsSeen = new Uint8Array(1 << 16);

  constructor(values: Iterable<string>) {
    for (const v of values) {
      if (v.length < MIN_VALUE_LENGTH) continue;
      const key = windowHash(v, 0);
      this.lowBitsSeen[key & 0xffff] = 1;
      const list = this.byPrefixHash.get(key) ?? [];
      if (!list.includes(v)) list.push(v);
      this.byPrefixHash.set(key, list);
    }
  }

  /** Whether any value is looked for. */
  get size(): number {
    return this.byPrefixHash.size;
  }

  /** The known values that occur in `text` or in its percent-decoded form, longest first. */
  find(text: string): string[] {
    if (this.byPrefixHash.size === 0) return [];
    const found = new Set<string>();
    this.eachIn(text, (value) => found.add(value));
    return [...found].sort((a, b) => b.length - a.length);
  }

  /**
   * find(text)[0] (the longest value found, the first found of equal ones), without collecting the others: a
   * rule that reports one value per text asks this of every URL of a trace, and most hold none.
   */
  longest(text: string): string | undefined {
    if (this.byPrefixHash.size === 0) return undefined;
    let best: string | undefined;
    this.eachIn(text, (value) => {
      if (best === undefined || value.length > best.length) best = value;
    });
    return best;
  }

  /** Each occurrence of a known value in `text`, then in its percent-decoded form when that differs. */
  private eachIn(text: string, found: (value: string) => void): void {
    this.scan(text, found);
    // Without "%" the decoded text is the text itself (decodeURIComponent only rewrites escapes).
    const decoded = text.indexOf('%') === -1 ? text : safeDecode(text);
    if (decoded !== text) this.scan(decoded, found);
  }

  private scan(text: string, found: (value: string) => void): void {
    const last = text.length - MIN_VALUE_LENGTH;
    if (last < 0) return;
    const seen = this.lowBitsSeen;
    let h = windowHash(text, 0);
    for (let i = 0; ; i++) {
      if (seen[h & 0xffff] !== 0) {
        const candidates = this.byPrefixHash.get(h);
        if (candidates !== undefined) for (const v of candidates) if (text.startsWith(v, i)) found(v);
      }
      if (i === last) return;
      h =
        (Math.imul(h - Math.imul(text.charCodeAt(i), HASH_LEAVING), HASH_BASE) +
          text.charCodeAt(i + MIN_VALUE_LENGTH)) |
        0;
    }
  }
}
