/**
 * Logins that were attempts that failed, told afterwards (RULES.md: a login that failed is no login). One answered
 * with an error or sent back to the form is never a login fact (loginSignals.ts); one answered with a page is a
 * failed attempt when the user posts the same form again. Read by session-fixation (no fixation at a failed
 * attempt) and by the lanes (a client-side store written at a failed attempt is updated, not rotated at a login).
 */
import type { LoginFact, LoginSignal, RequestFacts } from '../analysis/facts.ts';
import { addressWithoutQuery } from './helpers.ts';

/** What telling a failed login attempt reads of a login: its signal, how it was answered, where it was posted. */
export interface LoginAttempt {
  readonly signal: LoginSignal;
  readonly status: number | undefined;
  readonly url: string;
  /** Where its redirect pointed (its first hop), for an attempt answered with one. */
  readonly redirectedTo?: string;
  /** The page it was posted from (its Referer). */
  readonly referer?: string;
}

/**
 * The login was answered with a page, not a redirect, and the next login at its origin is the same form posted again
 * with no logout between: the page was the form shown again (a failed password re-renders it with a 200, as PHP,
 * WordPress and Django do), which a HAR without bodies cannot show otherwise. A successful login is not submitted
 * again. Read here over the login facts, and by the pre-pass (sessionCookies.ts) as logins arrive.
 */
export function isRetriedAttempt(
  login: LoginAttempt,
  next: LoginAttempt,
  logoutBetween: boolean,
  /** A page other than the one the login's redirect led to was opened between the two. */
  otherPageBetween = false,
): boolean {
  if (login.signal !== 'password-post' || next.signal !== 'password-post' || logoutBetween) return false;
  // The form's address, whatever a failed attempt appended to it.
  if (addressWithoutQuery(login.url) !== addressWithoutQuery(next.url)) return false;
  // A page: a 2xx answer.
  if (login.status !== undefined && login.status >= 200 && login.status < 300) return true;
  // A redirect is a success (a failure sent back to the form is no login at all), unless the same form was posted
  // again from the very page it led to, no other page opened between: the form shown there again (tt-rss sends a
  // wrong password to `/`, which shows the form). The Referer names that page; where the browser sent none (a site's
  // `Referrer-Policy: no-referrer`, helmet's default), no other page opened between says it alone.
  return (
    !otherPageBetween &&
    login.status !== undefined &&
    login.status >= 300 &&
    login.status < 400 &&
    login.redirectedTo !== undefined &&
    (next.referer === undefined || sameAddress(login.redirectedTo, next.referer))
  );
}

/** Two absolute URLs naming the same page (the same href once parsed). */
function sameAddress(a: string, b: string): boolean {
  try {
    return new URL(a).href === new URL(b).href;
  } catch {
    return a === b;
  }
}

/** The login and the next attempt at its origin, as isRetriedAttempt reads them; the logouts between looked for last. */
function triedAgain(
  request: (entry: number) => RequestFacts | undefined,
  login: LoginFact,
  next: LoginAttemptAt | undefined,
): boolean {
  if (!next) return false;
  let otherPage = false;
  for (let entry = login.entry + 1; entry < next.entry; entry++) {
    const between = request(entry);
    if (between?.logout) return false;
    if (between?.resourceType === 'document' && !login.chain.includes(entry)) otherPage = true;
  }
  return isRetriedAttempt(attemptAt(login, request), attemptAt(next, request), false, otherPage);
}

/** A login attempt: a login fact, or a POST that carried a password field and was no login (its answer failed). */
interface LoginAttemptAt {
  readonly entry: number;
  readonly signal: LoginSignal;
}

function attemptAt(
  at: LoginAttemptAt & { readonly chain?: readonly number[] },
  request: (entry: number) => RequestFacts | undefined,
): LoginAttempt {
  const answered = request(at.entry);
  // A login's redirect chain was followed: its first hop is where the redirect pointed.
  const firstHop = at.chain?.[0] !== undefined ? request(at.chain[0])?.url : undefined;
  return {
    signal: at.signal,
    status: answered?.status,
    url: answered?.url ?? '',
    ...(firstHop !== undefined ? { redirectedTo: firstHop } : {}),
    ...(answered?.referer !== undefined ? { referer: answered.referer } : {}),
  };
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

/**
 * The password POSTs that visibly failed (an error status, the form sent back: loginSignals.ts loginFailed) and so
 * made no login fact: `attempts` (AnalysisFacts.loginAttempts) that are no login's entry.
 */
export function visiblyFailedAttempts(logins: readonly LoginFact[], attempts?: readonly number[]): number[] {
  if (!attempts) return [];
  const loginEntries = new Set(logins.map((l) => l.entry));
  return attempts.filter((entry) => !loginEntries.has(entry));
}
