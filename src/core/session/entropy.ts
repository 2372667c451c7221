/**
 * Entropy estimates for session IDs (rules session-id-low-entropy and session-id-predictable).
 *
 * Method, as documented in docs/ENTROPY.md:
 * 1. One ID: bits = length × log2(|alphabet|), where the alphabet is the smallest standard alphabet
 *    containing every character (digits 10, hex 16, lower/upper alnum 36, alnum 62, base64/base64url 64,
 *    printable ASCII 95). This is an upper bound: it assumes every character is uniformly random.
 * 2. Several IDs of one cookie (character-level analysis in the manner of Burp Sequencer): IDs are aligned
 *    by position; a position whose character never changes across the samples carries no entropy.
 *    With N ≥ 20 samples the per-position Shannon entropy of the observed characters (Miller–Madow
 *    bias-corrected, capped at log2 |alphabet|) is summed; with fewer samples a position counts its full
 *    alphabet bits only if it varied. The multi-sample estimate can only lower the single-ID bound.
 */

interface Alphabet {
  readonly name: string;
  readonly size: number;
  readonly test: RegExp;
}

/** Smallest first: the first alphabet that contains every character wins. */
const ALPHABETS: readonly Alphabet[] = [
  { name: 'digits', size: 10, test: /^[0-9]+$/ },
  { name: 'hex', size: 16, test: /^[0-9a-f]+$/ },
  { name: 'HEX', size: 16, test: /^[0-9A-F]+$/ },
  { name: 'lowercase alphanumeric', size: 36, test: /^[0-9a-z]+$/ },
  { name: 'uppercase alphanumeric', size: 36, test: /^[0-9A-Z]+$/ },
  { name: 'alphanumeric', size: 62, test: /^[0-9A-Za-z]+$/ },
  { name: 'base64url', size: 64, test: /^[0-9A-Za-z_-]+=*$/ },
  { name: 'base64', size: 64, test: /^[0-9A-Za-z+/]+=*$/ },
  { name: 'printable ASCII', size: 95, test: /^[\x20-\x7e]+$/ },
];

const FALLBACK: Alphabet = { name: 'any character', size: 256, test: /^/ };

export function alphabetOf(value: string): Alphabet {
  return ALPHABETS.find((a) => a.test.test(value)) ?? FALLBACK;
}

export interface EntropyEstimate {
  readonly bits: number;
  readonly method: 'single-id' | 'positions' | 'shannon';
  readonly alphabet: string;
  readonly length: number;
  readonly samples: number;
  /** Positions that never changed across the samples (multi-sample methods only). */
  readonly constantPositions?: number;
}

/** Padding carries no entropy: `abc==` has the bits of `abc`. */
function significant(value: string): string {
  return value.replace(/=+$/, '');
}

export function estimateSingle(value: string): EntropyEstimate {
  const v = significant(value);
  const alphabet = alphabetOf(v);
  return {
    bits: round(v.length * Math.log2(alphabet.size)),
    method: 'single-id',
    alphabet: alphabet.name,
    length: v.length,
    samples: 1,
  };
}

/** Estimates from several IDs of one cookie; falls back to the single-ID bound when it is lower. */
export function estimateFromSamples(values: readonly string[]): EntropyEstimate {
  const distinct = [...new Set(values.map(significant))].filter((v) => v.length > 0);
  const first = distinct[0];
  if (first === undefined) return { bits: 0, method: 'single-id', alphabet: 'none', length: 0, samples: 0 };
  const single = distinct.map(estimateSingle).reduce((a, b) => (b.bits < a.bits ? b : a));
  if (distinct.length < 3) return { ...single, samples: distinct.length };
  const alphabet = alphabetOf(distinct.join(''));
  const perChar = Math.log2(alphabet.size);
  const length = Math.min(...distinct.map((v) => v.length));
  let bits = 0;
  let constant = 0;
  for (let pos = 0; pos < length; pos++) {
    const counts = new Map<string, number>();
    for (const v of distinct) counts.set(v[pos]!, (counts.get(v[pos]!) ?? 0) + 1);
    if (counts.size === 1) {
      constant++;
      continue;
    }
    bits += distinct.length >= 20 ? Math.min(perChar, shannonMillerMadow(counts, distinct.length)) : perChar;
  }
  const estimate: EntropyEstimate = {
    bits: round(bits),
    method: distinct.length >= 20 ? 'shannon' : 'positions',
    alphabet: alphabet.name,
    length,
    samples: distinct.length,
    constantPositions: constant,
  };
  return estimate.bits < single.bits ? estimate : { ...single, samples: distinct.length, constantPositions: constant };
}

function shannonMillerMadow(counts: Map<string, number>, n: number): number {
  let h = 0;
  for (const c of counts.values()) {
    const p = c / n;
    h -= p * Math.log2(p);
  }
  // Miller–Madow correction: the plug-in estimate is biased low by (K−1)/(2N) nats.
  return h + (counts.size - 1) / (2 * n * Math.LN2);
}

function round(bits: number): number {
  return Math.round(bits * 10) / 10;
}

export type Predictability =
  | { readonly kind: 'common-prefix'; readonly prefixLength: number; readonly length: number }
  | { readonly kind: 'sequential'; readonly step: number }
  | { readonly kind: 'few-differences'; readonly maxDifferingChars: number; readonly length: number };

/**
 * Tells whether several IDs of one cookie are predictable: they share a long prefix, count up, or differ
 * in only a few characters. Random IDs do none of these except by a chance far below 1e-6 at the
 * thresholds used (half the length shared; ≤ 25 % of characters differing).
 */
/** How many characters all the values share from their start. */
export function commonPrefixLength(values: readonly string[]): number {
  const first = values[0] ?? '';
  const length = Math.min(...values.map((v) => v.length));
  let prefix = 0;
  while (prefix < length && values.every((v) => v.charCodeAt(prefix) === first.charCodeAt(prefix))) prefix++;
  return prefix;
}

export function findPredictability(values: readonly string[]): Predictability | undefined {
  const ids = [...new Set(values)].filter((v) => v.length >= 4);
  if (ids.length < 2) return undefined;
  const numeric = ids.every((v) => /^[0-9]{1,15}$/.test(v));
  if (numeric) {
    const nums = ids.map(Number);
    const steps = nums.slice(1).map((n, i) => n - nums[i]!);
    if (steps.every((s) => s > 0 && s <= 1000)) return { kind: 'sequential', step: Math.max(...steps) };
  }
  const hex = ids.every((v) => /^[0-9a-fA-F]{1,12}$/.test(v));
  if (hex && !numeric) {
    const nums = ids.map((v) => Number.parseInt(v, 16));
    const steps = nums.slice(1).map((n, i) => n - nums[i]!);
    if (steps.every((s) => s > 0 && s <= 1000)) return { kind: 'sequential', step: Math.max(...steps) };
  }
  const length = Math.min(...ids.map((v) => v.length));
  const prefix = commonPrefixLength(ids);
  if (length >= 8 && prefix >= length / 2) return { kind: 'common-prefix', prefixLength: prefix, length };
  if (ids.every((v) => v.length === length) && length >= 8) {
    let maxDiff = 0;
    for (let i = 1; i < ids.length; i++) {
      let diff = 0;
      for (let p = 0; p < length; p++) if (ids[i]![p] !== ids[i - 1]![p]) diff++;
      maxDiff = Math.max(maxDiff, diff);
    }
    if (maxDiff <= length / 4) return { kind: 'few-differences', maxDifferingChars: maxDiff, length };
  }
  return undefined;
}
