// A stable colour per session ID, so a changed ID is visible at a glance in the timeline and the lanes:
// the hue comes from a hash of the ID (FNV-1a, 32 bit), the lightness from the theme's CSS.

/** FNV-1a over UTF-16 code units: cheap, stable across runs and browsers. */
export function hashString(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** Hue in degrees (0–359) for an ID; equal IDs get equal hues. */
export function idHue(id: string): number {
  return hashString(id) % 360;
}

/** Keeps the start and end of a long ID so two IDs can be told apart without showing either whole. */
export function shortId(id: string): string {
  return id.length <= 12 ? id : `${id.slice(0, 6)}…${id.slice(-4)}`;
}
