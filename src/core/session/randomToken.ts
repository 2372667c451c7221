/** Whether a piece of an address is a random token (an ID a server made), not a word, a number or a date. */
import { estimateSingle } from './entropy.ts';

const TOKEN_TEXT = /^[A-Za-z0-9_-]{16,256}$/;
/**
 * Letters and digits alternate in a random token (32 random hex characters change between them 16 times on
 * average); words with a number in them (`step-2-verify`, `2026-12-05-report`) change a few times.
 */
const MIN_CLASS_CHANGES = 4;

/** A path segment or query value of 16 to 256 token characters, letters and digits mixed, of 64 bits or more. */
export function isRandomToken(text: string): boolean {
  return TOKEN_TEXT.test(text) && classChanges(text) >= MIN_CLASS_CHANGES && estimateSingle(text).bits >= 64;
}

/** How often the text changes from a letter to a digit or back (`-` and `_` are skipped). */
function classChanges(text: string): number {
  let changes = 0;
  let last: boolean | undefined;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x2d || c === 0x5f) continue;
    const digit = c >= 0x30 && c <= 0x39;
    if (last !== undefined && digit !== last) changes++;
    last = digit;
  }
  return changes;
}

/**
 * A path holds a random token in a segment after the word `match` found (a login page's address holds none: one that
 * does is a logged-in client's, SqWebMail's `/login/alice/<32 hex>/<time>`).
 */
export function tokenFollows(path: string, match: RegExpExecArray): boolean {
  return path
    .slice(match.index + match[0].length)
    .split('/')
    .some(isRandomToken);
}
