/**
 * Sessions kept in the address, not in a cookie (SqWebMail's `/cgi-bin/sqwebmail/login/alice/<32 hex>/<time>`, a
 * PHP or Java application with cookies turned off and its ID rewritten into every link). The traffic shows one
 * when a login that set no session cookie sent the browser, by its redirect, to an address holding a random token
 * the login did not carry, and later requests of that origin carry the token in their own addresses: nothing else
 * can tell the server who is logged in. Read by session-id-in-url (which reports them) and by the exports (which
 * hide them as they hide cookie values).
 */
import type { AnalysisFacts, LoginFact, SessionLane } from '../analysis/facts.ts';
import { isRandomToken } from '../session/randomToken.ts';
import { loginEntries } from './helpers.ts';

export interface UrlSession {
  /** The token, as the address holds it. */
  readonly token: string;
  /** The login whose redirect issued it. */
  readonly loginEntry: number;
  /** Later requests of the origin that carried it in their address. */
  readonly carriedBy: number;
}

/** A token carried by fewer later addresses may be a one-time code (an OAuth `code`, a confirmation link's). */
const MIN_LATER_REQUESTS = 2;

export function urlSessions(facts: Pick<AnalysisFacts, 'requests' | 'logins' | 'lanes'>): UrlSession[] {
  // Most logins carry or issue a session cookie: the address is then no session's, and the requests are not read.
  const cookieless = facts.logins.filter((l) => l.chain.length > 0 && !hasSessionCookie(l, facts.lanes));
  if (cookieless.length === 0) return [];
  const byEntry = new Map(facts.requests.map((r) => [r.entry, r]));
  const found: UrlSession[] = [];
  for (const login of cookieless) {
    const loginRequest = byEntry.get(login.entry);
    const hop = byEntry.get(login.chain[0]!);
    if (loginRequest === undefined || hop === undefined) continue;
    for (const token of tokensOf(hop.url)) {
      if (loginRequest.url.includes(token) || loginRequest.referer?.includes(token)) continue;
      const carriedBy = facts.requests.filter(
        (r) => r.entry > hop.entry && r.origin === hop.origin && r.url.includes(token),
      ).length;
      if (carriedBy >= MIN_LATER_REQUESTS) found.push({ token, loginEntry: login.entry, carriedBy });
    }
  }
  return found;
}

/** The login carried a session cookie, or it or its redirect chain issued one: that cookie is the session. */
function hasSessionCookie(login: LoginFact, lanes: readonly SessionLane[]): boolean {
  if (login.lanes.length > 0) return true;
  const atLogin = loginEntries(login);
  return lanes.some((lane) => lane.ids.some((id) => id.source === 'set-cookie' && atLogin.has(id.firstEntry)));
}

/** The random tokens of an address: its path segments and its query's values. */
function tokensOf(url: string): string[] {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return [];
  }
  const pieces = [...parsed.pathname.split('/'), ...[...parsed.searchParams.values()]];
  return [...new Set(pieces.filter(isRandomToken))];
}
