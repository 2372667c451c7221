/**
 * session-kept-at-logout: a logout left the session's ID in the browser — its response neither deleted the cookie
 * nor issued a new ID — and no later response replaced it, so the browser went on holding and sending the ID the
 * user logged in with. Whether that ID still opens the session depends on the server alone (OWASP WSTG-SESS-06 asks
 * for exactly this check): PHP's manual warns that session_destroy() without deleting the cookie does not end the
 * session altogether, a signed or sealed client-side token stays valid until it expires, and Spring Security keeps
 * JSESSIONID unless told to delete it.
 *
 * What the trace shows decides the severity: a later request carrying the ID answered as logged out (401, 403, a
 * redirect to the login page, a login form) shows the server ended the session on its side — `info`; none —
 * `low`, the check left to the user. Only a session known by more than its value's shape (certain or likely)
 * counts: a `possible` one kept at a logout is most likely no session at all.
 */
import type { LaneId, LoggedOutAnswer, RequestFacts, SessionLane } from '../analysis/facts.ts';
import { loggedOutAnswers } from './helpers.ts';
import { defineRule, type FindingDraft, type RuleContext } from './rule.ts';
import { answerText, pathOf } from './sessionRejected.ts';

const FIX =
  'At logout, end the session on the server and delete its cookie (a Set-Cookie of the same name, domain and path with Max-Age=0), or issue a new ID: PHP session_destroy() plus setcookie(session_name(), "", time() - 42000, …), as its manual shows; Spring Security logout().deleteCookies("JSESSIONID"); a client-side or token store cannot end a copy someone else holds, so keep its lifetime short or keep a server-side revocation list. Then check that a request replaying the old ID is answered as logged out.';

export const sessionKeptAtLogout = defineRule({
  id: 'session-kept-at-logout',
  severity: 'low',
  title: 'Session ID kept at logout',
  docs: {
    explanation:
      'A logout left the session ID in the browser: its response neither deleted the cookie nor issued a new ID, and the browser went on sending the ID the user had logged in with. If the server did not end that session on its side, whoever holds the ID (a shared computer, a leaked log, malware) is still logged in after the user logged out. Info when a later request carrying the ID was answered as logged out, which shows the server ended the session.',
    fix: FIX,
  },
  check(ctx) {
    const answers = loggedOutAnswers(ctx);
    return ctx.facts.lanes.flatMap((lane) =>
      lane.thirdParty || lane.confidence === 'possible'
        ? []
        : lane.ids.flatMap((id) => {
            const draft = keptAtLogout(ctx, lane, id, answers);
            return draft ? [draft] : [];
          }),
    );
  },
});

function keptAtLogout(
  ctx: RuleContext,
  lane: SessionLane,
  id: LaneId,
  answers: ReadonlyMap<number, LoggedOutAnswer>,
): FindingDraft | undefined {
  const logoutEntry = id.loggedOutAt;
  if (logoutEntry === undefined || replacedAfterLogout(id)) return undefined;
  const logout = ctx.request(logoutEntry);
  // A logout on another origin is another server's (cookies ignore ports: a SAML identity provider beside its
  // service provider on one host gets the provider's cookie too); it cannot end this server's session.
  if (!logout || logout.origin !== lane.origin || !loggedIn(ctx, lane, id)) return undefined;
  const later = laterCarriers(ctx, lane, id, logoutEntry);
  const relogin = later.length > 0 ? nextLoginAt(ctx, lane.origin, logoutEntry) : undefined;
  const refused = later.find((r) => answers.has(r.entry));
  const answer = refused ? answers.get(refused.entry) : undefined;
  const missed = missedDeletion(logout, lane);
  const head = `The logout at entry ${logoutEntry} (${logout.method} ${pathOf(logout.url)}) left ${lane.cookie} ${ctx.show(id.id)} in the browser: ${missed === undefined ? 'its response neither deleted the cookie nor issued a new ID' : `its response's Set-Cookie deleting ${lane.cookie} named ${missed}, not this copy of the cookie (domain ${lane.domain}, path ${lane.path}), which the browser therefore kept`}`;
  const sentOn =
    later.length === 0
      ? ', and no later request carried it in this trace.'
      : `, and the browser sent it on ${later.length === 1 ? `at entry ${later[0]!.entry}` : `${later.length} later requests (entries ${later[0]!.entry}–${later[later.length - 1]!.entry})`}${relogin !== undefined ? `, up to the login at entry ${relogin}` : ''}.`;
  const verdict = answer
    ? ` The server answered it as logged out at entry ${refused!.entry}, with ${answerText(answer)}: it ended the session on its side, though the old ID lives on in the browser.`
    : later.length === 0
      ? ' Whether the server still accepts it cannot be seen: replay it after logging out to check.'
      : ' No answer to it was a logged-out one: unless the server ended the session on its side, that ID still opens it — replay it after logging out to check.';
  return {
    origin: lane.origin,
    cookie: lane.cookie,
    entry: logoutEntry,
    url: logout.url,
    message: head + sentOn + verdict,
    evidence: {
      sessionId: { secret: id.id },
      logout: `entry ${logoutEntry}: ${logout.method} ${pathOf(logout.url)} → ${logout.status ?? 'no response'}`,
      carriedAfterLogout: later.length,
      ...(missed !== undefined ? { deletionMissed: missed } : {}),
      ...(refused && answer
        ? {
            answeredAsLoggedOut: refused.entry,
            status: answer.status,
            ...(answer.loginPage ? { loginPage: answer.loginPage } : {}),
          }
        : {}),
    },
    ...(answer ? { severity: 'info' as const } : {}),
    ...(missed !== undefined ? { fix: MISSED_DELETION_FIX(lane) } : {}),
  };
}

/**
 * The Domain and Path a logout's Set-Cookie deleting the lane's cookie named, where it removed no cookie or another
 * copy of the name: a deletion applies only to the cookie of its own name, Domain and Path (RFC 6265 5.3 step 11), so
 * one that names another (a Domain deployed since the cookie was set, another Path) leaves this one in place.
 * Undefined where none missed.
 */
function missedDeletion(logout: RequestFacts, lane: SessionLane): string | undefined {
  const line = logout.setCookies.find(
    (c) =>
      c.name === lane.cookie &&
      c.outcome.kind === 'deleted' &&
      (c.outcome.removed === undefined ||
        c.outcome.removed.domain !== lane.domain ||
        c.outcome.removed.path !== lane.path),
  );
  if (line === undefined || line.outcome.kind !== 'deleted') return undefined;
  const { domain, path } = line.outcome.parsed;
  return `${domain !== undefined ? `Domain=${domain}` : 'no Domain (host-only)'}, ${path !== undefined ? `Path=${path}` : 'the default Path'}`;
}

/** The fix where the logout's deletion named another Domain or Path than the cookie's (missedDeletion). */
const MISSED_DELETION_FIX = (lane: SessionLane) =>
  `Delete the cookie with the Domain and Path it was set with (here domain ${lane.domain}, path ${lane.path}): a deletion naming another Domain or Path is another cookie's. After changing the session cookie's Domain or Path, delete the copies set under the old ones too, and end the session on the server.`;

/**
 * A later answer replaced, rewrote or deleted the ID, other than a later login: the server ended or renewed the
 * session itself, which the rotation or reset at that entry tells. A login that renews it (the user signing in again)
 * shows the ID outlived the logout until then; so does the end of a browser run.
 */
function replacedAfterLogout(id: LaneId): boolean {
  const end = id.end;
  if (end === undefined || end.kind === 'run-ended') return false;
  return !(end.kind === 'rotated' && (end.afterLogin !== undefined || end.failedAttempt !== undefined));
}

/**
 * The ID was a logged-in session's: a login issued it (or the session it updates), or a login carried it and kept it
 * (the fixation rule's case). An anonymous ID kept at a logout (the one a logout's redirect had just issued) opens
 * nothing.
 */
function loggedIn(ctx: RuleContext, lane: SessionLane, id: LaneId): boolean {
  if (id.sessionLogin !== undefined) return true;
  return ctx.facts.logins.some((login) =>
    login.lanes.some((l) => l.laneKey === lane.key && l.before === id.id && (l.after ?? l.before) === id.id),
  );
}

/**
 * The requests after the logout that carried this ID (its own redirect chain too: the browser sent it on there), up
 * to the last that did: a lane's IDs do not overlap, so a trace of many logouts reads each request once per lane.
 */
function laterCarriers(ctx: RuleContext, lane: SessionLane, id: LaneId, logoutEntry: number): RequestFacts[] {
  const carriers: RequestFacts[] = [];
  // Up to the next login at the origin, which carried the ID in again: after it the ID is a logged-in one anew.
  const last = Math.min(id.lastEntry, nextLoginAt(ctx, lane.origin, logoutEntry) ?? Number.POSITIVE_INFINITY);
  for (let entry = logoutEntry + 1; entry <= last; entry++) {
    const r = ctx.request(entry);
    if (r?.sent.some((s) => s.name === lane.cookie && s.value === id.id)) carriers.push(r);
  }
  return carriers;
}

/** The first login at the origin after the logout (a later one carried the kept ID in again), if any. */
function nextLoginAt(ctx: RuleContext, origin: string, logoutEntry: number): number | undefined {
  return ctx.facts.logins.find((l) => l.entry > logoutEntry && l.origin === origin)?.entry;
}
