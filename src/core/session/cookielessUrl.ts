/**
 * ASP.NET's cookieless mode keeps its IDs in a path segment instead of cookies: `/(S(lit3py55t21z5v55vlm25s55))/`,
 * with other letters beside (`/(X(1)S(…)F(…))/`): S holds the session state's ID (what the `ASP.NET_SessionId`
 * cookie would), F the forms authentication ticket (`.ASPXAUTH`'s), A an anonymous visitor's ID and X(1) the mark of a
 * browser tested for cookies (`AspxAutoDetectCookieSupport`). RULES.md names the form for session-id-in-url; the
 * redactor hides the values as it hides `;jsessionid=`.
 */

/** A session ID or ticket a cookieless segment holds, where its value stands in the address. */
export interface CookielessId {
  /** The cookie that holds the same value when cookies are on. */
  readonly cookie: string;
  readonly value: string;
  readonly start: number;
  readonly end: number;
}

/** The letters that hold a session's secret, and the cookie each stands for. */
const SECRET_LETTERS: Readonly<Record<string, string>> = { S: 'ASP.NET_SessionId', F: '.ASPXAUTH' };

/** `/(` letters with their values `)/`; a value holds no parenthesis, so each step moves on: linear. */
const SEGMENT = /\/\(((?:[A-Z]\([^()/?#\s]*\))+)\)(?=\/)/g;
const PART = /([A-Z])\(([^()]*)\)/g;

/** Shorter values are no ID (`X(1)`). */
const MIN_ID_LENGTH = 8;

/** The session IDs and tickets of an address's cookieless segments (none in most addresses: one indexOf). */
export function cookielessIds(url: string): CookielessId[] {
  if (url.indexOf('/(') === -1) return [];
  const found: CookielessId[] = [];
  for (const segment of url.matchAll(SEGMENT)) {
    const partsStart = segment.index + 2;
    for (const part of segment[1]!.matchAll(PART)) {
      const cookie = SECRET_LETTERS[part[1]!];
      const value = part[2]!;
      if (cookie === undefined || value.length < MIN_ID_LENGTH) continue;
      const start = partsStart + part.index + 2;
      found.push({ cookie, value, start, end: start + value.length });
    }
  }
  return found;
}
