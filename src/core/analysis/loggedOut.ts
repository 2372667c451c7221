/**
 * How a server answers a client it does not take as logged in (RULES.md, session-rejected and the evidence
 * for a session cookie): 401 or 403, a redirect to a login page, or a page with a login form. And where a login's redirect chain ends
 * its rotation: a login rotates an ID once, so an ID the login or its chain issued is not "rotated" again.
 */
import { isLoginPagePath } from '../session/loginPage.ts';
import { headerValue } from '../trace/headers.ts';
import type { TraceEntry } from '../trace/types.ts';
import type { LaneId, LoggedOutAnswer } from './facts.ts';

/** The logged-out answer of one response, if it is one (the request URL is `base` for a relative Location). */
export function loggedOutAnswer(entry: TraceEntry, base: URL): LoggedOutAnswer | undefined {
  const status = entry.response?.status;
  if (status === undefined) return undefined;
  // RFC 9110 15.5.2 and 15.5.4: not authenticated, or not allowed.
  if (status === 401 || status === 403) return { entry: entry.index, status };
  if (status >= 200 && status < 300 && entry.response?.loginForm)
    return { entry: entry.index, status, loginForm: true };
  if (status < 300 || status > 399) return undefined;
  const location = entry.response?.redirectUrl || headerValue(entry.response?.headers ?? [], 'location');
  if (!location) return undefined;
  let target: URL;
  try {
    target = new URL(location, base);
  } catch {
    return undefined;
  }
  // Same site only: a redirect to an identity provider is the start of a login, not an answer about this session.
  if (target.host !== base.host || !isLoginPagePath(target.pathname)) return undefined;
  return { entry: entry.index, status, loginPage: target.href };
}

/**
 * Whether replacing this ID at a login (or on a hop of its redirect chain) is the login's rotation: only an ID
 * the client held before the login. One that the login or its chain had just issued and that the next hop
 * replaces was not accepted there: the server rejected it (e.g. the hop reached a node that does not know it).
 */
export function rotatesAtLogin(id: LaneId, loginEntry: number): boolean {
  if (id.firstEntry < loginEntry) return true;
  // First seen carried on the login request itself: held before it, the trace only started there.
  return id.firstEntry === loginEntry && id.source === 'carried';
}
