/**
 * session-not-established (RULES.md): a login was recognised, yet no session cookie reached the browser — none
 * was set on the login's response or redirect chain, or the browser refused it — and the next request carried
 * none. The cookie may never appear in the trace at all (express-session with `cookie.secure` over http:// sends
 * no Set-Cookie), so the evidence is the traffic around the login:
 * - a password POST the server accepted (it redirected away from the login page, or answered a script's POST
 *   with a success), and
 * - either a session Set-Cookie of its chain the browser rejected, or the next request carrying no session
 *   cookie and being answered as logged out (401, 403, a redirect to the login page). Where the browser rejected
 *   the login's cookie it keeps the one it held: the visitor's session going on (keptFromBefore) is no session of
 *   the login's.
 * A POST answered with the login page again is a refused login as likely as a lost cookie: not reported.
 */
import {
  LOGIN_SIGNAL_TEXT,
  type LoggedOutAnswer,
  type LoginFact,
  type RequestFacts,
  type SetCookieFact,
} from '../analysis/facts.ts';
import { SET_COOKIE_REJECTED_REASONS, type SetCookieRejectedReason } from '../cookie/reasons.ts';
import { isLoginPagePath } from '../session/loginPage.ts';
import { statusSaysSessionGone } from '../trace/loggedOutStatus.ts';
import { redactLine } from './attributeRule.ts';
import { loggedOutAnswers } from './helpers.ts';
import { defineRule, type FindingDraft, type RuleContext } from './rule.ts';
import { answerText, pathOf } from './sessionRejected.ts';

const FIX_NOT_SET =
  'Make the server send the session cookie at login: a framework that marks it Secure sends none over http:// (express-session `cookie.secure`, Django `SESSION_COOKIE_SECURE`, Spring `server.servlet.session.cookie.secure`) — serve the login over HTTPS, or behind a TLS proxy tell the framework so (Express `app.set("trust proxy", 1)`); check that the session is saved before the redirect is sent.';
const FIX_REJECTED =
  'Set the session cookie so the browser accepts it (see the reason; the cookie-rejected finding says more).';
const FIX_SECURE_ONLY =
  'Serve the login, and the whole site, over HTTPS: a browser stores a Secure cookie only from an https:// response (or drop Secure only where HTTPS is impossible, e.g. local development).';

const FIX_TOO_LARGE =
  'Keep the session cookie small: a browser stores no cookie whose name and value pass 4096 bytes, and keeps the one it had. Keep the session data on the server (a server-side session store) with only its ID in the cookie, or put less in a cookie-kept session.';

/** The fix of a login whose session cookie the browser refused, where the reason calls for its own. */
const FIX_BY_REASON: Partial<Record<SetCookieRejectedReason, string>> = {
  SecureOnly: FIX_SECURE_ONLY,
  NameValuePairExceedsMaxSize: FIX_TOO_LARGE,
};

function isSuccess(status: number | undefined): boolean {
  return status !== undefined && status >= 200 && status < 300;
}

export const sessionNotEstablished = defineRule({
  id: 'session-not-established',
  severity: 'high',
  title: 'Login did not establish a session',
  docs: {
    explanation:
      'A login was recognised (a POST carrying a password field that the server accepted), but no session cookie reached the browser: the login response and its redirect chain set none, or the browser rejected the one they set, and the next request carried no session cookie (or only the one the browser held before the login, which it keeps when it refuses the new one). The user is sent back to the login page however often they log in.',
    fix: FIX_NOT_SET,
  },
  check(ctx) {
    const answers = loggedOutAnswers(ctx);
    // A login attempt's 401 or login page answers its own credentials (a wrong password tried next), not the session.
    const attempts = new Set(ctx.facts.loginAttempts);
    const drafts = ctx.facts.logins.flatMap((login) => {
      const draft = notEstablished(ctx, login, answers, attempts);
      return draft ? [draft] : [];
    });
    const refused = refusedForLackOfSession(ctx, drafts);
    return refused ? [...drafts, refused] : drafts;
  },
});

function notEstablished(
  ctx: RuleContext,
  login: LoginFact,
  answers: ReadonlyMap<number, LoggedOutAnswer>,
  attempts: ReadonlySet<number>,
): FindingDraft | undefined {
  // Only a password POST says "this is where the session should start"; the other signals need a cookie or a header.
  if (login.signal !== 'password-post') return undefined;
  const post = ctx.request(login.entry);
  if (!post || answers.has(login.entry)) return undefined;
  const chain = [post, ...login.chain.map((e) => ctx.request(e)).filter((r): r is RequestFacts => r !== undefined)];
  const firstHop = chain[1];
  const redirectedAway = firstHop !== undefined && !isLoginPagePath(pathOf(firstHop.url).split('?')[0] ?? '');
  const scriptSuccess = isSuccess(post.status) && post.resourceType !== 'document';
  if (!redirectedAway && !scriptSuccess) return undefined;

  const stored: SetCookieFact[] = [];
  const rejected: RejectedSetCookie[] = [];
  for (const r of chain) {
    for (const c of r.setCookies) {
      if (c.value === '') continue;
      if (c.outcome.kind === 'stored') stored.push(c);
      else if (isRejected(c) && c.session) rejected.push(c);
    }
  }
  const refused = rejected[0];
  // A sign-up or reset that chose a password signs the user in only where the application does (many send an e-mail
  // first): without a session cookie it set and the browser refused, a visitor's answer after it says nothing.
  if (!refused && ctx.facts.passwordChosen?.has(login.entry)) return undefined;
  const kept = refused ? keptFromBefore(ctx, login, refused.name) : NOTHING_KEPT;
  const ownSession = (name: string, value: string, session: boolean) => session && !kept(name, value);
  // A session cookie stored: a session exists (what became of it is for the other rules) — unless it is the session
  // the client held before the login, written again after the browser refused the login's.
  if (stored.some((c) => ownSession(c.name, c.value, c.session))) return undefined;
  const last = chain[chain.length - 1]!;
  const next = ctx.facts.requests.find((r) => r.entry > last.entry && r.origin === post.origin);
  const follower = firstHop ?? next;
  // The request after the login carried a session (or a cookie the login set, maybe an unrecognised session — unless
  // the browser refused the session cookie the login set: Django's CSRF token, renewed at login, is no session).
  if (
    follower?.sent.some(
      (s) =>
        ownSession(s.name, s.value, s.session) ||
        (!refused && stored.some((c) => c.name === s.name && c.value === s.value)),
    )
  )
    return undefined;
  const early = [...chain.slice(1), ...(next ? [next] : [])].find(
    (r) => answers.has(r.entry) && !attempts.has(r.entry),
  );
  const late =
    early === undefined && next ? laterLoggedOut(ctx, next, stored, answers, attempts, ownSession) : undefined;
  const loggedOut = early ?? late;
  if (!refused && (!loggedOut || !follower)) return undefined;

  const accepted = redirectedAway ? `redirected to ${pathOf(firstHop!.url)}` : `answered ${post.status}`;
  const answer = loggedOut ? answers.get(loggedOut.entry) : undefined;
  // The browser kept the visitor's cookie it held before the login, and sent that.
  const carriedKept = follower?.sent.some((s) => s.session && kept(s.name, s.value)) === true;
  const carried = carriedKept
    ? `carried only the ${refused!.name} cookie the browser held before the login (it kept that one when it refused the login's)`
    : 'carried no session cookie';
  const after = !answer
    ? ` The next request ${carried}.`
    : late !== undefined
      ? ` No request after it carried ${carriedKept ? `a session cookie but the ${refused!.name} cookie the browser held before the login` : 'a session cookie'}, and ${pathOf(loggedOut!.url)} was answered with ${answerText(answer)}.`
      : ` The next request${follower ? ` (${pathOf(follower.url)})` : ''} ${carried} and ${pathOf(loggedOut!.url)} was answered with ${answerText(answer)}.`;
  const head = `A login (recognised from ${LOGIN_SIGNAL_TEXT[login.signal]}) was accepted — the server ${accepted} — but no session cookie reached the browser:`;
  const evidence = {
    login: `entry ${post.entry}: ${post.method} ${pathOf(post.url)} → ${post.status ?? 'no response'}`,
    ...(answer ? { loggedOutAt: loggedOut!.entry, status: answer.status } : {}),
    ...(answer?.loginPage ? { loginPage: answer.loginPage } : {}),
    ...(follower
      ? { nextRequest: follower.url, nextRequestSessionCookie: carriedKept ? 'the one held before the login' : 'none' }
      : {}),
  };
  if (refused) {
    return rejectedDraft(
      post,
      refused,
      evidence,
      (cookie, why) => `${head} the browser rejected its ${cookie} cookie (${why}).${after}`,
    );
  }
  return {
    origin: post.origin,
    entry: post.entry,
    url: post.url,
    message: `${head} neither its response nor its redirect chain set one.${after} If the login succeeded on the server, the session never got to the browser.`,
    evidence: { ...evidence, setCookie: 'none on the login response or its redirect chain' },
  };
}

/**
 * The first page answered as logged out from `next` on, on the login's origin, while still no request carried a session cookie
 * (or a cookie the login set) and no session cookie was stored, before a logout or another login: the pages right after
 * a login may answer as to anyone (a 304 of the home page), and the first that needs the session tells it is absent
 * (express-session and Rails' cookie store, `secure` over http://, send no cookie at all).
 */
function laterLoggedOut(
  ctx: RuleContext,
  next: RequestFacts,
  stored: readonly SetCookieFact[],
  answers: ReadonlyMap<number, LoggedOutAnswer>,
  attempts: ReadonlySet<number>,
  ownSession: (name: string, value: string, session: boolean) => boolean,
): RequestFacts | undefined {
  const requests = ctx.facts.requests;
  for (let i = requests.indexOf(next); i < requests.length; i++) {
    const r = requests[i]!;
    if (r.origin !== next.origin) continue;
    // A logout, a login of another kind or another attempt: what follows answers for that, not for this login.
    if (r.logout || r.login !== undefined || attempts.has(r.entry)) return undefined;
    const carriedSession = r.sent.some(
      (s) =>
        ownSession(s.name, s.value, s.session) ||
        stored.some((c) => c.name === s.name && c.value === s.value && ownSession(c.name, c.value, true)),
    );
    if (carriedSession) return undefined;
    // A page the user opened: a script's call may carry its session in a header (Node-RED's Bearer token).
    if (answers.has(r.entry) && r.resourceType === 'document') return r;
    if (r.setCookies.some((c) => c.outcome.kind === 'stored' && ownSession(c.name, c.value, c.session)))
      return undefined;
  }
  return undefined;
}

/** No value is the session held before the login (no session cookie of the login was refused). */
const NOTHING_KEPT = (_name: string, _value: string) => false;

/**
 * The values of `cookie` that are the session the client held before the login: where the browser refused the login's
 * session cookie it keeps the one it had, and the server goes on with that visitor's session — the same ID, or a
 * client-side store written again from what each request carried (Flask's, whose login outgrew the 4096 bytes a
 * browser stores). Read from the lanes: the ID the login request carried, and the IDs that only updated it since.
 */
function keptFromBefore(ctx: RuleContext, login: LoginFact, cookie: string): (name: string, value: string) => boolean {
  const values = new Set<string>();
  for (const carried of login.lanes) {
    const lane = ctx.facts.lanes.find((l) => l.key === carried.laneKey);
    if (lane?.cookie !== cookie) continue;
    let at = lane.ids.findIndex((id) => id.id === carried.before);
    while (at >= 0 && at < lane.ids.length) {
      const id = lane.ids[at]!;
      values.add(id.id);
      at = id.end?.kind === 'updated' ? at + 1 : -1;
    }
  }
  return (name, value) => name === cookie && values.has(value);
}

/**
 * A login refused because the server had no session for the client — answered 419 or 440, a session gone (Laravel's
 * CSRF token lives in the session) — where the browser had rejected the session cookie the site set before it and
 * the POST carried none: the session was never established, so no login can succeed (Laravel with
 * `SESSION_SECURE_COOKIE` over http://). Told once, at the first such attempt, unless a login of the same origin is
 * already told as not established.
 */
function refusedForLackOfSession(ctx: RuleContext, told: readonly FindingDraft[]): FindingDraft | undefined {
  for (const entry of ctx.facts.loginAttempts ?? []) {
    const post = ctx.request(entry);
    if (post?.status === undefined || !statusSaysSessionGone(post.status)) continue;
    if (post.sent.some((s) => s.session) || told.some((d) => d.origin === post.origin)) continue;
    const refused = rejectedBefore(ctx, post);
    if (!refused) continue;
    return rejectedDraft(
      post,
      refused,
      { login: `entry ${post.entry}: ${post.method} ${pathOf(post.url)} → ${post.status}` },
      (cookie, why) =>
        `A login (recognised from ${LOGIN_SIGNAL_TEXT['password-post']}) was refused with ${post.status}, as by a server that has no session for the client: the browser had rejected the ${cookie} cookie the site set before it (${why}), and the login carried none.`,
    );
  }
  return undefined;
}

/**
 * The finding of a login whose session cookie the browser rejected: `message` is given the cookie's name and why
 * ("SecureOnly: A Secure cookie was set…"); the fix follows the reason.
 */
function rejectedDraft(
  post: RequestFacts,
  refused: RejectedSetCookie,
  evidence: Readonly<Record<string, string | number>>,
  message: (cookie: string, why: string) => string,
): FindingDraft {
  const { reason, raw } = refused.outcome;
  return {
    origin: post.origin,
    cookie: refused.name,
    entry: post.entry,
    url: post.url,
    reason,
    message: message(refused.name, `${reason}: ${SET_COOKIE_REJECTED_REASONS[reason].replace(/\.$/, '')}`),
    fix: FIX_BY_REASON[reason] ?? FIX_REJECTED,
    evidence: { ...evidence, setCookie: redactLine(raw, refused.value), reason },
  };
}

/** A session Set-Cookie the browser rejected. */
type RejectedSetCookie = SetCookieFact & { readonly outcome: Extract<SetCookieFact['outcome'], { kind: 'rejected' }> };

function isRejected(c: SetCookieFact): c is RejectedSetCookie {
  return c.outcome.kind === 'rejected';
}

/** The latest session Set-Cookie of the post's origin the browser rejected before it, none stored since. */
function rejectedBefore(ctx: RuleContext, post: RequestFacts): RejectedSetCookie | undefined {
  const requests = ctx.facts.requests;
  for (let i = requests.indexOf(post) - 1; i >= 0; i--) {
    const r = requests[i]!;
    if (r.origin !== post.origin) continue;
    for (const c of r.setCookies) {
      if (!c.session || c.value === '') continue;
      if (c.outcome.kind === 'stored') return undefined;
      if (isRejected(c)) return c;
    }
  }
  return undefined;
}
