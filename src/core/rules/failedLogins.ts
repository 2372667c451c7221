/**
 * Logins that were attempts that failed, told afterwards (RULES.md: a login that failed is no login). One answered
 * with an error or sent back to the form is never a login fact (loginSignals.ts); one answered with a page is a
 * failed attempt when the user posts the same form again. Read by session-fixation (no fixation at a failed
 * attempt) and by the lanes (a client-side store written at a failed attempt is updated, not rotated at a login).
 */
import type { LoginFact, RequestFacts } from '../analysis/facts.ts';

/**
 * The login was answered with a page, not a redirect, and the next login is the same form posted again with no
 * logout between: the page was the form shown again (a failed password re-renders it with a 200, as PHP, WordPress
 * and Django do), which a HAR without bodies cannot show otherwise. A successful login is not submitted again.
 */
function triedAgain(
  request: (entry: number) => RequestFacts | undefined,
  login: LoginFact,
  next: LoginFact | undefined,
): boolean {
  if (!next || login.signal !== 'password-post' || next.signal !== 'password-post') return false;
  const answered = request(login.entry);
  // A page: a 2xx answer. A redirect is a success (a failure sent back to the form is no login at all), whether or
  // not its target was recorded.
  if (answered?.status === undefined || answered.status < 200 || answered.status >= 300) return false;
  if (addressOf(answered.url) !== addressOf(request(next.entry)?.url ?? '')) return false;
  for (let entry = login.entry + 1; entry < next.entry; entry++) if (request(entry)?.logout) return false;
  return true;
}

/** A URL without its query and fragment: the form's address, whatever a failed attempt appended to it. */
function addressOf(url: string): string {
  const end = url.search(/[?#]/);
  return end === -1 ? url : url.slice(0, end);
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
