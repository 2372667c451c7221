/**
 * Redaction: session values become short stable hashes (`h:1a2b3c4d`), so equal IDs still look equal and
 * rotations stay visible, but no value leaves in a report or export unless the user asks (CLI.md).
 * FNV-1a 32-bit: pure, fast, deterministic across runs and platforms; 32 bits of a 64+-bit secret reveal
 * nothing usable, and collisions among the handful of IDs of one trace are negligible.
 */
export function redactValue(value: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < value.length; i++) {
    hash ^= value.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return `h:${(hash >>> 0).toString(16).padStart(8, '0')}`;
}

export type ValueView = 'redacted' | 'raw';

export function valueRenderer(view: ValueView): (value: string) => string {
  return view === 'raw' ? (v) => v : redactValue;
}
