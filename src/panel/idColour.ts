// A stable colour per session ID, so a changed ID is visible at a glance in the timeline and the lanes. The
// colour comes from the ID's short stable name (`h:e73bb72e`, the one the CLI and HTML reports print), so the
// same ID gets the same colour in Chrome, in Firefox and in an import of a redacted trace (which holds only
// that name). Hues come from a palette without red: red means a lost session in the lanes, nothing else.
// The lightness comes from the theme's CSS.
import { idName } from '../core/story/story.ts';

/** FNV-1a over UTF-16 code units: cheap, stable across runs and browsers. */
export function hashString(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/**
 * The ID hues, in degrees. Red (hue 0, and 330–30 around it) is left out on purpose: the lanes draw a lost
 * session in red. Neighbours differ by at least 20°, so two IDs next to each other on a lane stay apart.
 */
export const ID_HUES: readonly number[] = [45, 70, 100, 135, 160, 185, 205, 225, 250, 275, 300];

/** Hue in degrees for an ID, from its short stable name; equal IDs get equal hues. */
export function idHue(id: string): number {
  const name = idName(id);
  // The name is the FNV-1a hash in hex: its own digits pick the palette entry.
  const hash = Number.parseInt(name.slice(2), 16);
  return ID_HUES[hash % ID_HUES.length]!;
}

/** Keeps the start and end of a long ID so two IDs can be told apart without showing either whole. */
export function shortId(id: string): string {
  return id.length <= 12 ? id : `${id.slice(0, 6)}…${id.slice(-4)}`;
}
