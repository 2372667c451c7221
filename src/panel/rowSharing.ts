// The page's rows share their repeated parts. A recording repeats itself: the same cookies are sent on request
// after request, the same finding (title and message) sits on every row it concerns, the same Set-Cookie
// attributes recur. Parsed from JSON, each row would hold its own copy of all of it (~2 kB a row, 230 MB for
// 100,000 rows); here a part equal to one seen before is replaced by that one object, so the page holds each
// distinct part once. Rows are read-only, so sharing is invisible to the views.
import type { RequestRow } from './model.ts';

/** The row's parts that recur from row to row (lists and small objects, compared as JSON). */
const SHARED_PARTS = [
  'cookiesSent',
  'cookiesSet',
  'notSent',
  'findings',
  'markers',
  'cookies',
  'rules',
  'severities',
  'siteContext',
] as const satisfies readonly (keyof RequestRow)[];

/**
 * Distinct parts remembered before the table starts over: a recording whose parts never repeat (a new
 * token on every request) would otherwise keep every part's JSON as a key besides the part itself.
 */
export const MAX_SHARED_PARTS = 50_000;

export class RowSharing {
  #parts = new Map<string, unknown>();

  /** The row with each recurring part replaced by the equal one already held, if any. */
  share(row: RequestRow): RequestRow {
    const out = row as unknown as Record<string, unknown>;
    for (const part of SHARED_PARTS) {
      const value = out[part];
      if (value === undefined) continue;
      // The part's name is in the key: an empty list of cookies and of findings are the same JSON.
      const key = `${part}${JSON.stringify(value)}`;
      const held = this.#parts.get(key);
      if (held !== undefined) out[part] = held;
      else {
        if (this.#parts.size >= MAX_SHARED_PARTS) this.#parts = new Map();
        this.#parts.set(key, value);
      }
    }
    return row;
  }

  /** A new recording: nothing of the old one need stay held. */
  clear(): void {
    this.#parts = new Map();
  }
}
