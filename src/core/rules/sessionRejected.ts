/**
 * session-rejected (RULES.md): the request carried a session ID the server had accepted, and the server answered
 * as logged out — 401, 403, Laravel's 419, a redirect to a login page, with content a login form or a page that no
 * longer names the user — without issuing a new ID. Stateless and token apps, Spring Security and stores that forget
 * sessions fail this way; no Set-Cookie ever says so, so no reset shows it.
 *
 * Only a session shown to be logged in counts (issued at a recognised login, or accepted by the same method and
 * path before): an anonymous session sent to a members' page is answered with the login page by design. A 403
 * counts only after the same request was allowed with that session, as 403 also means "not allowed". Nor does a
 * session after its logout, or after the user opened the login page with it (opensLoginPage). A status that says the
 * session itself is gone (Laravel's 419 Page Expired, IIS's 440) needs none of this: it is said of a visitor's session
 * too, and a login form posted with a session the server no longer had is refused for it.
 */
import type {
  AnalysisFacts,
  LoggedOutAnswer,
  OtherAppSetter,
  RequestFacts,
  SentCookieFact,
} from '../analysis/facts.ts';
import { isLoginPagePath } from '../session/loginPage.ts';
import { readClientSideData } from '../session/tokenData.ts';
import { LOGGED_OUT_STATUSES, statusSaysSessionGone } from '../trace/loggedOutStatus.ts';
import { STATIC_RESOURCE_TYPES } from '../trace/resourceType.ts';
import {
  loggedOutAnswerEvidence,
  loggedOutAnswers,
  OTHER_APP_FIX,
  SHARED_COOKIE,
  setByOtherApp,
  WHERE_OTHER_APP,
} from './helpers.ts';
import { memo } from './memo.ts';
import { defineRule, type FindingDraft, type RuleContext } from './rule.ts';
import {
  copiesBeside,
  copiesBesideEvidence,
  copiesBesideText,
  SHADOWED_FIX,
  sessionCopies,
} from './sessionShadowed.ts';

export function rejectedKey(cookie: string, entry: number): string {
  return `rejected\u0000${cookie}\u0000${entry}`;
}

/** How the server answered, in words: `HTTP 401 Unauthorized`, `a 302 redirect to the login page /login`. */
export function answerText(answer: LoggedOutAnswer): string {
  const status = LOGGED_OUT_STATUSES.get(answer.status);
  if (status !== undefined) return status.text;
  if (answer.loginForm) return `a ${answer.status} page with a login form`;
  if (answer.userNamedAt !== undefined && answer.userNamedAt < answer.entry)
    return `a ${answer.status} page that no longer names the user (it did at entry ${answer.userNamedAt}, same address and ID)`;
  if (answer.userNamedAt !== undefined)
    return `a ${answer.status} page that did not name the user, where the same address named them at entry ${answer.userNamedAt} with the same ID (servers that do not share the session?)`;
  return `a ${answer.status} redirect to the login page ${answer.loginPage ? pathOf(answer.loginPage) : ''}`.trim();
}

export function pathOf(url: string): string {
  try {
    const u = new URL(url);
    return u.pathname + u.search;
  } catch {
    return url;
  }
}

/** Session values the logins issued (on their response or redirect chain): value → login entry. */
export function issuedAtLogins(ctx: RuleContext): Map<string, number> {
  const issued = new Map<string, number>();
  for (const login of ctx.facts.logins) {
    for (const entry of [login.entry, ...login.chain]) {
      const request = ctx.request(entry);
      for (const c of request?.setCookies ?? []) {
        if (!c.session || c.outcome.kind !== 'stored' || c.value === '' || issued.has(c.value)) continue;
        // A hop that went without the login's cookie (a Path that leaves out the landing page) was answered as a
        // visitor is: what it set is a visitor's ID, not the login's.
        if (entry !== login.entry && request!.notSent.some((n) => n.session && n.name === c.name)) continue;
        issued.set(c.value, login.entry);
      }
    }
  }
  return issued;
}

const FIX =
  'Find why the server no longer accepts the session: its idle or absolute timeout (compare it with the time since the ID was last accepted), a restart with an in-memory store, back-end servers that do not share sessions, or a token that expired or no longer verifies (its exp, the signing key). If the session should end, say so to the user and clear the cookie.';

/** The rejected ID was set by another app sharing the cookie (helpers.ts setByOtherApp). */
const OTHER_APP = (other: OtherAppSetter, domain: string) =>
  ` It had been set by ${other.setBy}, another app ${WHERE_OTHER_APP[other.sharedBy](domain)}, whose sessions this one does not share. ${SHARED_COOKIE[other.sharedBy]}.`;

export const sessionRejected = defineRule({
  id: 'session-rejected',
  severity: 'high',
  title: 'Session rejected by the server',
  docs: {
    explanation:
      'The request carried a session ID the server had accepted (issued at a login, or answered before on the same path), and the server now answered as if the user were logged out — 401, 403 or a redirect to a login page — without issuing a new ID. The user is logged out with no cookie change the browser could show: the server-side session expired or was lost (restart, another back-end that does not share sessions), or the token expired or no longer verifies.',
    fix: FIX,
  },
  check(ctx) {
    return [...rejections(ctx).values()].map(({ draft, count }) =>
      count > 1
        ? {
            ...draft,
            message: `${draft.message} (${count} requests)`,
            evidence: { ...draft.evidence, occurrences: count },
          }
        : draft,
    );
  },
});

/** Each rejected session ID's first rejection and how many requests were rejected, by origin, cookie and value. */
type Rejections = ReadonlyMap<string, { readonly draft: FindingDraft; readonly count: number }>;

/** The rule's decisions, listed once per analysis: session-reset reads them too (rejectedBefore). */
const REJECTIONS = memo<AnalysisFacts, Rejections>('session rejections', 'analysis');

function rejections(ctx: RuleContext): Rejections {
  return ctx.memos.recall(REJECTIONS, ctx.facts, [], () => listRejections(ctx));
}

/**
 * The entry where the server first answered this session ID of the origin as logged out (a session-rejected
 * finding), if before `entry`: a later deletion of its cookie only clears what the server no longer accepted.
 */
export function rejectedBefore(
  ctx: RuleContext,
  origin: string,
  cookie: string,
  value: string,
  entry: number,
): number | undefined {
  const first = rejections(ctx).get(rejectionKey(origin, cookie, value))?.draft.entry;
  return first !== undefined && first < entry ? first : undefined;
}

function listRejections(ctx: RuleContext): Rejections {
  const answers = loggedOutAnswers(ctx);
  const first = new Map<string, { draft: FindingDraft; count: number }>();
  if (answers.size === 0) return first;
  const issued = issuedAtLogins(ctx);
  const okOnPath = new Map<string, number>();
  const lastOk = new Map<string, RequestFacts>();
  const afterLogout = new Set<string>();
  /** Values a logout request carried: a status saying the session is gone (sessionGone) says nothing new after it. */
  const loggedOut = new Set<string>();
  /**
   * Each rejection's address (method, origin, path, value) → its key and entry: the same address answered as logged in
   * later, with no login carrying the ID since (lastLogin), withdraws it.
   */
  const rejectedAt = new Map<string, { readonly key: string; readonly entry: number }>();
  const lastLogin = new Map<string, number>();
  const withdrawn = new Set<string>();
  for (const r of ctx.facts.requests) {
    const answer = answers.get(r.entry);
    const path = pathOf(r.url).split('?')[0] ?? '';
    // A stylesheet or script answered 200 says nothing of a session (Adminer serves its own under `/?file=`).
    const page = !STATIC_RESOURCE_TYPES.has(r.resourceType);
    // Several cookies of one session name (session-shadowed): the request's refusal is told once, of its newest ID.
    const copiesByName = answer ? sessionCopies(r.sent) : undefined;
    for (const s of r.sent) {
      if (!s.session) continue;
      const onPath = `${r.method} ${r.origin}\u0000${path}\u0000${s.value}`;
      if (r.logout || opensLoginPage(r, path)) afterLogout.add(s.value);
      if (r.logout) loggedOut.add(s.value);
      // A login with the ID (kept through it: a fixation) makes it a logged-in one again after a logout before it.
      if (r.login !== undefined) {
        lastLogin.set(s.value, r.entry);
        afterLogout.delete(s.value);
      }
      if (!answer) {
        if (page && r.status !== undefined && r.status >= 200 && r.status < 400) {
          if (!okOnPath.has(onPath)) okOnPath.set(onPath, r.entry);
          lastOk.set(`${r.origin}\u0000${s.value}`, r);
          // The address it was rejected at, answered as to a client logged in with the same ID and no login between:
          // the server still knew the session (Adminer's `/` shows its login form to everyone, `/?username=` the
          // logged-in pages).
          const rejection = rejectedAt.get(onPath);
          if (rejection !== undefined && r.status < 300 && (lastLogin.get(s.value) ?? -1) < rejection.entry)
            withdrawn.add(rejection.key);
        }
        continue;
      }
      const copies = copiesByName?.get(s.name);
      if (copies !== undefined && s !== newestCopy(copies, issued, r.entry)) continue;
      // A status that says the session itself is gone (Laravel's 419) says so of any session, a visitor's too, and on
      // the login page (its form posted with a session the server no longer had): no login or acceptance needed.
      const gone = statusSaysSessionGone(answer.status);
      if (
        gone
          ? !isGoneRejection(r, s.name)
          : !isRejection(r, s.name, path, answer.userNamedAt !== undefined ? s.value : undefined)
      )
        continue;
      if (gone ? loggedOut.has(s.value) : afterLogout.has(s.value)) continue;
      // Only a login before this request made the ID a logged-in one: the same value written again at a later
      // login (djangosaml2's `saml_session`, set before the sign-on and again at its end) says nothing of it here.
      const issuedAt = issued.get(s.value);
      const loginEntry = issuedAt !== undefined && issuedAt < r.entry ? issuedAt : undefined;
      const acceptedEntry = okOnPath.get(onPath);
      if (loginEntry === undefined && acceptedEntry === undefined && !gone) continue;
      // 403 is also "logged in, not allowed" (an admin page, a failed CSRF check): only a 403 where the same
      // request was allowed with this session before says the session itself is no longer accepted.
      if (LOGGED_OUT_STATUSES.get(answer.status)?.alsoLoggedIn && acceptedEntry === undefined) continue;
      const key = rejectionKey(r.origin, s.name, s.value);
      const seen = first.get(key);
      if (seen) {
        seen.count++;
        continue;
      }
      // A page that named the user and no longer does is no page shown to everyone alike: the same address naming
      // the user again later (another node that has the session) withdraws nothing.
      if (answer.userNamedAt === undefined) rejectedAt.set(onPath, { key, entry: r.entry });
      // Accepted by this origin: another server on the host (an identity provider on another port) gets the cookie
      // too, and its answers say nothing of this session.
      const last = lastOk.get(`${r.origin}\u0000${s.value}`);
      const accepted =
        loginEntry !== undefined
          ? `it was issued at the login at entry ${loginEntry}`
          : acceptedEntry !== undefined
            ? `the same path answered ${ctx.request(acceptedEntry)?.status ?? ''} to it at entry ${acceptedEntry}`
            : `the status says the server no longer had the session it names${ctx.facts.loginAttempts?.includes(r.entry) ? ', so the login posted with it was refused' : ''}`;
      const gap = last ? ` It was last accepted ${seconds(r.time - last.time)} earlier (entry ${last.entry}).` : '';
      const expired = jwtExpiredBy(s.value, r.time);
      const token = expired === undefined ? '' : ` The token's exp had passed ${seconds(expired)} before this request.`;
      const other = setByOtherApp(ctx, s, r.origin);
      const beside = copies === undefined ? undefined : copiesBeside(copies, s);
      first.set(key, {
        count: 1,
        draft: {
          key: rejectedKey(s.name, r.entry),
          origin: r.origin,
          cookie: s.name,
          entry: r.entry,
          url: r.url,
          message: `${s.name} ${ctx.show(s.value)} was sent and the server answered as logged out, with ${answerText(answer)}, without issuing a new ID; ${accepted}.${gap}${token}${other !== undefined ? OTHER_APP(other, s.domain ?? r.host) : ''}${beside ? copiesBesideText(beside, ctx.show) : ''}`,
          ...(other !== undefined ? { fix: OTHER_APP_FIX[other.sharedBy] } : beside ? { fix: SHADOWED_FIX } : {}),
          evidence: {
            sessionId: { secret: s.value },
            status: answer.status,
            ...loggedOutAnswerEvidence(answer),
            newSessionCookie: 'none',
            ...(loginEntry !== undefined ? { issuedAtLogin: loginEntry } : {}),
            ...(acceptedEntry !== undefined ? { acceptedOnSamePath: acceptedEntry } : {}),
            ...(last ? { lastAccepted: last.entry, secondsSinceLastAccepted: round(r.time - last.time) } : {}),
            ...(expired !== undefined ? { secondsPastTokenExpiry: round(expired) } : {}),
            ...(other !== undefined ? { setBy: other.setBy, sharedBy: other.sharedBy } : {}),
            ...(beside ? copiesBesideEvidence(beside) : {}),
          },
        },
      });
    }
  }
  for (const key of withdrawn) first.delete(key);
  return first;
}

/**
 * Of several cookies of one session name a request carried, the one issued at the latest login before it (the session
 * the user last logged in to), else the last sent.
 */
function newestCopy(
  copies: readonly SentCookieFact[],
  issued: ReadonlyMap<string, number>,
  entry: number,
): SentCookieFact | undefined {
  let newest: SentCookieFact | undefined;
  let newestAt = -1;
  for (const c of copies) {
    const at = issued.get(c.value) ?? -1;
    if (at < entry && at >= newestAt) {
      newest = c;
      newestAt = at;
    }
  }
  return newest;
}

/** A rejected session ID by its origin, cookie and value (Rejections' key). */
function rejectionKey(origin: string, cookie: string, value: string): string {
  return `${origin}\u0000${cookie}\u0000${value}`;
}

/**
 * The user opened the login page with the session: some applications end the session there (PostfixAdmin's Logout
 * is a link to its `login.php`), so answers as to a logged-out client after it are no rejection. A page reached by
 * the user (a GET of a document), not a script's call.
 */
function opensLoginPage(r: RequestFacts, path: string): boolean {
  return r.method === 'GET' && r.resourceType === 'document' && isLoginPagePath(path);
}

/**
 * Whether a logged-out answer to this request says the session was refused: not a login attempt, a logout or
 * the login page itself (they answer so by design), and no Set-Cookie for the cookie (a new or cleared ID is a
 * session-reset, told with its cause). A page that no longer names its user may write the ID it was sent again
 * (`kept`): Flask-Session writes its cookie on every answer, also for the empty session it made of an ID it lost.
 */
function isRejection(r: RequestFacts, cookie: string, path: string, kept?: string): boolean {
  if (r.login !== undefined || r.logout || isLoginPagePath(path)) return false;
  return !r.setCookies.some((c) => c.name === cookie && c.value !== kept);
}

/**
 * Whether an answer saying the session is gone (statusSaysSessionGone) refused this session: any request but a logout
 * (a logout answered so ended nothing more) with no Set-Cookie for the cookie (a new or cleared ID is a reset).
 */
function isGoneRejection(r: RequestFacts, cookie: string): boolean {
  return !r.logout && !r.setCookies.some((c) => c.name === cookie);
}

/** How long before `time` a JWT session value's `exp` (RFC 7519 4.1.4, seconds) passed; undefined if it had not. */
function jwtExpiredBy(value: string, time: number): number | undefined {
  const data = readClientSideData(value);
  const exp = data?.kind === 'jwt' ? data.payload.exp : undefined;
  if (typeof exp !== 'number' || !Number.isFinite(time)) return undefined;
  const past = time - exp * 1000;
  return past >= 0 ? past : undefined;
}

function round(ms: number): number {
  return Math.round(ms / 100) / 10;
}

function seconds(ms: number): string {
  return `${round(ms)} s`;
}
