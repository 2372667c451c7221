// What the page holds of the rows, as the worker knows it: one fingerprint of each row's JSON text by
// position. When the analysis starts over (a session cookie appeared, an override changed, an imported file
// was read to its end and replayed in its final order) every row is laid out again, but most come out as they
// were: only those whose text differs need to cross to the page and be parsed there. Fingerprints, not the
// texts themselves: 100,000 rows of ~2 kB each would hold 200 MB in the worker.

/**
 * A 53-bit fingerprint of a string (cyrb53: two 32-bit multiply-xorshift lanes). Two different row texts share
 * one with a chance of about 2⁻⁵³ per pair: never, for any recording a panel holds.
 */
export function fingerprint(text: string): number {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}

export class ShownRows {
  #prints: number[] = [];

  /** True (and remembered) when the page does not hold this text at this position yet. */
  differs(position: number, text: string): boolean {
    const print = fingerprint(text);
    if (this.#prints[position] === print) return false;
    this.#prints[position] = print;
    return true;
  }

  /** The page keeps only the first `count` rows. */
  truncate(count: number): void {
    if (this.#prints.length > count) this.#prints.length = count;
  }

  /** The page holds nothing (a new recording, a new file). */
  clear(): void {
    this.#prints = [];
  }
}
