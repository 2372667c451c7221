import { isMaskedValue } from '../session/valueShape.ts';

/**
 * Redaction: session values become short stable hashes (`h:1a2b3c4d`), so equal IDs still look equal and
 * rotations stay visible, but no value leaves in a report or export unless the user asks (CLI.md).
 * FNV-1a 32-bit: pure, fast, deterministic across runs and platforms; 32 bits of a 64+-bit secret reveal
 * nothing usable, and collisions among the handful of IDs of one trace are negligible.
 * A value the recording itself masked (`[REDACTED]`, `****`) is no secret and no ID: it is shown as the file has it,
 * where its hash read as an ID the server had set (`credential: set ID h:a7b459d9` for `credential=[REDACTED]`).
 */
export function redactValue(value: string): string {
  if (isMaskedValue(value)) return value;
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
