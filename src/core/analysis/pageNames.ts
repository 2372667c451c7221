/**
 * A page that stopped naming its user: a logged-out answer only a HAR with content shows. A logged-in page names
 * the user who logged in ("Hello alice", "Logged in as alice"); a server that lost the session (a restart, an
 * expiry, a node that does not share sessions) and takes the ID it no longer knows as a new, empty session answers
 * the same address with the same ID and a page that does not ("Hello anon"), with no status, redirect, login form
 * or Set-Cookie to say so (Beaker, Flask-Session).
 *
 * Told only by comparison with the same address: the same method and URL, carrying the same session IDs (or a store
 * sealed anew since, the same session: SessionLanes.sessionOf), answered
 * before with a page naming a user a password POST of the trace had sent (loginSignals.ts userNamesPosted). Or
 * after: since the same login, a page there that did not name the user, then one that does (two nodes behind a
 * load balancer, one without the session: Flask-Session's). A page that never named the user says nothing (its name
 * may sit further down than the text kept, or not at all).
 */

import type { TraceEntry } from '../trace/types.ts';
import type { LoggedOutAnswer, SentCookieFact } from './facts.ts';
import { userNamesPosted } from './loginSignals.ts';

/** Shorter names (`al`) are found inside too many words to say anything. */
export const SHORTEST_NAME = 3;

export class PageNames {
  /** The names password POSTs sent so far, lower-cased. */
  private readonly names = new Set<string>();
  /** The documents whose page named the user (AnalysisFacts.pagesNamingUser). */
  private readonly naming = new Set<number>();
  /** Each address and its session IDs → the last entry whose page there named the user. */
  private readonly namedAt = new Map<string, number>();
  /** Each address and its session IDs → its first page since the last login that did not name the user. */
  private readonly unnamedSinceLogin = new Map<string, { readonly entry: number; readonly status: number }>();

  /** Notes who a password POST (a login or an attempt) named. */
  notePasswordPost(entry: TraceEntry): void {
    for (const name of userNamesPosted(entry)) if (name.length >= SHORTEST_NAME) this.names.add(name.toLowerCase());
  }

  /** The documents so far whose page named a user a password POST before it had sent. */
  namingPages(): ReadonlySet<number> {
    return this.naming;
  }

  /** A login that worked: pages before it that did not name the user were answered to a visitor. */
  noteLogin(): void {
    this.unnamedSinceLogin.clear();
  }

  /**
   * The logged-out answers a document's page tells: its own, where it no longer names the user the same address
   * named with the same session IDs; or, where it names the user, that of the page there since the login that did
   * not. None for any other response.
   */
  answers(
    entry: TraceEntry,
    sent: readonly SentCookieFact[],
    sessionOf: (s: SentCookieFact) => string = (s) => s.value,
  ): LoggedOutAnswer[] {
    const text = entry.response?.pageText;
    const status = entry.response?.status;
    if (text === undefined || this.names.size === 0 || status === undefined || status < 200 || status > 299) return [];
    if (entry.request.resourceType !== 'document') return [];
    // The same session however often its store was sealed anew (SessionLanes.sessionOf).
    const ids = sent.filter((s) => s.session).map((s) => `${s.name}=${sessionOf(s)}`);
    if (ids.length === 0) return [];
    const address = `${entry.request.method} ${entry.request.url}\u0000${ids.join('\u0000')}`;
    const named = this.namesUser(text);
    // A page cut at the text kept may name the user further down: it says nothing (a longer list above the header
    // this time).
    if (!named && entry.response?.pageTextCut) return [];
    if (named) {
      this.naming.add(entry.index);
      this.namedAt.set(address, entry.index);
      const unnamed = this.unnamedSinceLogin.get(address);
      if (unnamed === undefined) return [];
      this.unnamedSinceLogin.delete(address);
      return [{ ...unnamed, userNamedAt: entry.index }];
    }
    if (!this.unnamedSinceLogin.has(address)) this.unnamedSinceLogin.set(address, { entry: entry.index, status });
    const namedAt = this.namedAt.get(address);
    return namedAt === undefined ? [] : [{ entry: entry.index, status, userNamedAt: namedAt }];
  }

  private namesUser(text: string): boolean {
    const lower = text.toLowerCase();
    for (const name of this.names) if (containsWord(lower, name)) return true;
    return false;
  }
}

/** `word` in `text` with no letter or digit either side (`alice` in "Hello alice!", not in "malice"). */
export function containsWord(text: string, word: string): boolean {
  for (let at = text.indexOf(word); at !== -1; at = text.indexOf(word, at + 1)) {
    if (!isWordChar(text[at - 1]) && !isWordChar(text[at + word.length])) return true;
  }
  return false;
}

function isWordChar(char: string | undefined): boolean {
  return char !== undefined && /[\p{L}\p{N}_]/u.test(char);
}
