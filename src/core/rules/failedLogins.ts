/**
 * Logins that were attempts that failed, told afterwards (RULES.md: a login that failed is no login). One answered
 * with an error or sent back to the form is never a login fact (loginSignals.ts); one answered with a page is a
 * failed attempt when the user posts the same form again. Read by session-fixation (no fixation at a failed
 * attempt) and by the lanes (a client-side store written at a failed attempt is updated, not rotated at a login).
 */
import type { LoginFact, LoginSignal, RequestFacts } from '../analysis/facts.ts';

/** What telling a failed login attempt reads of a login: its signal, how it was answered, where it was posted. */
export interface LoginAttempt {
  readonly signal: LoginSignal;
  readonly status: number | undefined;
  readonly url: string;
}

/**
 * The login was answered with a page, not a redirect, and the next login at its origin is the same form posted again
 * with no logout between: the page was the form shown again (a failed password re-renders it with a 200, as PHP,
 * WordPress and Django do), which a HAR without bodies cannot show otherwise. A successful login is not submitted
 * again. Read here over the login facts, and by the pre-pass (sessionCookies.ts) as logins arrive.
 */
export function isRetriedAttempt(login: LoginAttempt, next: LoginAttempt, logoutBetween: boolean): boolean {
  if (login.signal !== 'password-post' || next.signal !== 'password-post' || logoutBetween) return false;
  // A page: a 2xx answer. A redirect is a success (a failure sent back to the form is no login at all), whether or
  // not its target was recorded.
  if (login.status === undefined || login.status < 200 || login.status >= 300) return false;
  return addressOf(login.url) === addressOf(next.url);
}

/** A URL without its query and fragment: the form's address, whatever a failed attempt appended to it. */
function addressOf(url: string): string {
  const end = url.search(/[?#]/);
  return end === -1 ? url : url.slice(0, end);
}

/** The login and the next one at its origin, as isRetriedAttempt reads them; the logouts between looked for last. */
function triedAgain(
  request: (entry: number) => RequestFacts | undefined,
  login: LoginFact,
  next: LoginFact | undefined,
): boolean {
  if (!next || !isRetriedAttempt(attemptOf(login, request), attemptOf(next, request), false)) return false;
  for (let entry = login.entry + 1; entry < next.entry; entry++) if (request(entry)?.logout) return false;
  return true;
}

function attemptOf(login: LoginFact, request: (entry: number) => RequestFacts | undefined): LoginAttempt {
  const answered = request(login.entry);
  return { signal: login.signal, status: answered?.status, url: answered?.url ?? '' };
}

/** The entries of the logins that were failed attempts: each judged by the next login at its origin. */
export function failedAttempts(
  logins: readonly LoginFact[],
  request: (entry: number) => RequestFacts | undefined,
): ReadonlySet<number> {
  const failed = new Set<number>();
  logins.forEach((login, i) => {
    const next = logins.find((other, j) => j > i && other.origin === login.origin);
    if (triedAgain(request, login, next)) failed.add(login.entry);
  });
  return failed;
}
