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

/** The login and the next attempt at its origin, as isRetriedAttempt reads them; the logouts between looked for last. */
function triedAgain(
  request: (entry: number) => RequestFacts | undefined,
  login: LoginFact,
  next: LoginAttemptAt | undefined,
): boolean {
  if (!next || !isRetriedAttempt(attemptAt(login, request), attemptAt(next, request), false)) return false;
  for (let entry = login.entry + 1; entry < next.entry; entry++) if (request(entry)?.logout) return false;
  return true;
}

/** A login attempt: a login fact, or a POST that carried a password field and was no login (its answer failed). */
interface LoginAttemptAt {
  readonly entry: number;
  readonly signal: LoginSignal;
}

function attemptAt(at: LoginAttemptAt, request: (entry: number) => RequestFacts | undefined): LoginAttempt {
  const answered = request(at.entry);
  return { signal: at.signal, status: answered?.status, url: answered?.url ?? '' };
}

/**
 * The entries of the logins that were failed attempts: each judged by the next attempt at its origin, a login or a
 * password POST that visibly failed (`attempts`, AnalysisFacts.loginAttempts; the logins alone without it).
 */
export function failedAttempts(
  logins: readonly LoginFact[],
  request: (entry: number) => RequestFacts | undefined,
  attempts?: readonly number[],
): ReadonlySet<number> {
  const failed = new Set<number>();
  // In replay order (a file's entries may be out of time order): the attempts after this login's own place.
  const tries: readonly LoginAttemptAt[] = attempts
    ? attempts.map((entry) => ({ entry, signal: 'password-post' as const }))
    : logins;
  logins.forEach((login) => {
    const at = tries.findIndex((t) => t.entry === login.entry);
    if (at === -1) return;
    const next = tries.find((t, i) => i > at && request(t.entry)?.origin === login.origin);
    if (triedAgain(request, login, next)) failed.add(login.entry);
  });
  return failed;
}
