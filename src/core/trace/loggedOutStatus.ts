/**
 * HTTP statuses that answer a client "you are not logged in" (RULES.md, session-rejected): read by the engine
 * (analysis/loggedOut.ts) and by the rules, so kept with the trace's vocabulary, below both.
 */

/** A status that answers "not logged in": its words, and whether a logged-in user meets it too. */
export interface LoggedOutStatus {
  readonly text: string;
  /** Also "logged in, not allowed": only where the same request was allowed with the session does it say more. */
  readonly alsoLoggedIn: boolean;
  /**
   * Says the session the request carried is gone (expired, or unknown to the server that answered), not only that
   * the client is not logged in: a visitor's session too (the one a login form was issued in), so it needs no login
   * before it to mean a loss.
   */
  readonly sessionGone: boolean;
}

export const LOGGED_OUT_STATUSES: ReadonlyMap<number, LoggedOutStatus> = new Map([
  // RFC 9110 15.5.2: not authenticated.
  [401, { text: 'HTTP 401 Unauthorized', alsoLoggedIn: false, sessionGone: false }],
  // RFC 9110 15.5.4: not allowed, which a logged-in user meets too (an admin page, a failed CSRF check).
  [403, { text: 'HTTP 403 Forbidden', alsoLoggedIn: true, sessionGone: false }],
  // Laravel's "Page Expired": the form's CSRF token is not in the session the request carried, because the session
  // that held it is gone (expired, lost at a restart, kept by another node); a user who never had one is sent no form.
  // A visitor's too: the login form's POST answered 419 is a login refused because its session was lost.
  [419, { text: 'HTTP 419 Page Expired', alsoLoggedIn: false, sessionGone: true }],
  // Microsoft IIS and Exchange (Outlook on the web): "Login Time-out", the session expired.
  [440, { text: 'HTTP 440 Login Time-out', alsoLoggedIn: false, sessionGone: true }],
]);

/** The status says "not logged in" and nothing else (401, 419, 440; not 403). */
export function statusSaysLoggedOut(status: number): boolean {
  return LOGGED_OUT_STATUSES.get(status)?.alsoLoggedIn === false;
}

/** The status says the session the request carried is gone, whoever held it (419, 440). */
export function statusSaysSessionGone(status: number): boolean {
  return LOGGED_OUT_STATUSES.get(status)?.sessionGone === true;
}
