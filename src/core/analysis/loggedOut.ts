/**
 * How a server answers a client it does not take as logged in (RULES.md, session-rejected and the evidence
 * for a session cookie): a status that says so (401, 403, 419, 440), a redirect to a login page, or a page with a
 * login form.
 */
import { isLoginPagePath } from '../session/loginPage.ts';
import { headerValue } from '../trace/headers.ts';
import type { TraceEntry } from '../trace/types.ts';
import type { LoggedOutAnswer } from './facts.ts';

/** A status that answers "not logged in": its words, and whether a logged-in user meets it too. */
export interface LoggedOutStatus {
  readonly text: string;
  /** Also "logged in, not allowed": only where the same request was allowed with the session does it say more. */
  readonly alsoLoggedIn: boolean;
}

export const LOGGED_OUT_STATUSES: ReadonlyMap<number, LoggedOutStatus> = new Map([
  // RFC 9110 15.5.2: not authenticated.
  [401, { text: 'HTTP 401 Unauthorized', alsoLoggedIn: false }],
  // RFC 9110 15.5.4: not allowed, which a logged-in user meets too (an admin page, a failed CSRF check).
  [403, { text: 'HTTP 403 Forbidden', alsoLoggedIn: true }],
  // Laravel's "Page Expired": the form's CSRF token is not in the session the request carried, because the session
  // that held it is gone (expired, lost at a restart, kept by another node); a user who never had one is sent no form.
  [419, { text: 'HTTP 419 Page Expired', alsoLoggedIn: false }],
  // Microsoft IIS and Exchange (Outlook on the web): "Login Time-out", the session expired.
  [440, { text: 'HTTP 440 Login Time-out', alsoLoggedIn: false }],
]);

/** The status says "not logged in" and nothing else (401, 419, 440; not 403). */
export function statusSaysLoggedOut(status: number): boolean {
  return LOGGED_OUT_STATUSES.get(status)?.alsoLoggedIn === false;
}

/** The logged-out answer of one response, if it is one (the request URL is `base` for a relative Location). */
export function loggedOutAnswer(entry: TraceEntry, base: URL): LoggedOutAnswer | undefined {
  const status = entry.response?.status;
  if (status === undefined) return undefined;
  if (LOGGED_OUT_STATUSES.has(status)) return { entry: entry.index, status };
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
