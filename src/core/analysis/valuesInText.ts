/**
 * Finds known session values inside a URL or header text — anywhere in it, also percent-encoded — in time
 * linear in the text: values are indexed by their first 8 characters (every value looked for is at least that
 * long) and the text is probed once per position. A loop over every known ID per URL would make analysis
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

export class ValueFinder {
  private readonly byPrefix = new Map<string, string[]>();

  constructor(values: Iterable<string>) {
    for (const v of values) {
      if (v.length < MIN_VALUE_LENGTH) continue;
      const key = v.slice(0, MIN_VALUE_LENGTH);
      const list = this.byPrefix.get(key) ?? [];
      if (!list.includes(v)) list.push(v);
      this.byPrefix.set(key, list);
    }
  }

  get size(): number {
    return this.byPrefix.size;
  }

  /** The known values that occur in `text` or in its percent-decoded form, longest first. */
  find(text: string): string[] {
    if (this.byPrefix.size === 0) return [];
    const found = new Set<string>();
    this.scan(text, found);
    const decoded = safeDecode(text);
    if (decoded !== text) this.scan(decoded, found);
    return [...found].sort((a, b) => b.length - a.length);
  }

  private scan(text: string, found: Set<string>): void {
    for (let i = 0; i + MIN_VALUE_LENGTH <= text.length; i++) {
      const candidates = this.byPrefix.get(text.slice(i, i + MIN_VALUE_LENGTH));
      if (!candidates) continue;
      for (const v of candidates) if (text.startsWith(v, i)) found.add(v);
    }
  }
}
