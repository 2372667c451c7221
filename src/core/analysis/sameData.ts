/**
 * Whether two pieces of an analysis result say the same: a structural comparison that serialises nothing, so
 * telling what changed between two snapshots costs a walk of them, not a JSON text of each.
 */
/** Equal as data: plain objects, arrays and scalars (what an analysis result is made of), compared in place. */
export function sameData(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const keysA = Object.keys(a);
  if (keysA.length !== Object.keys(b).length) return false;
  for (const k of keysA) {
    if (!Object.hasOwn(b, k)) return false;
    if (!sameData((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k])) return false;
  }
  return true;
}
