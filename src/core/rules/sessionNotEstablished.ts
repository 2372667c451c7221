/**
 * session-not-established (RULES.md): a login was recognised, yet no session cookie reached the browser — none
 * was set on the login's response or redirect chain, or the browser refused it — and the next request carried
 * none. The cookie may never appear in the trace at all (express-session with `cookie.secure` over http:// sends
 * no Set-Cookie), so the evidence is the traffic around the login:
 * - a password POST the server accepted (it redirected away from the login page, or answered a script's POST
 *   with a success), and
 * - either a session Set-Cookie of its chain the browser rejected, or the next request carrying no session
 *   cookie and being answered as logged out (401, 403, a redirect to the login page).
 * A POST answered with the login page again is a refused login as likely as a lost cookie: not reported.
 */
import {
  LOGIN_SIGNAL_TEXT,
  type LoggedOutAnswer,
  type LoginFact,
  type RequestFacts,
  type SetCookieFact,
} from '../analysis/facts.ts';
import { SET_COOKIE_REJECTED_REASONS } from '../cookie/reasons.ts';
import { isLoginPagePath } from '../session/loginPage.ts';
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

function isSuccess(status: number | undefined): boolean {
  return status !== undefined && status >= 200 && status < 300;
}

export const sessionNotEstablished = defineRule({
  id: 'session-not-established',
  severity: 'high',
  title: 'Login did not establish a session',
  docs: {
    explanation:
      'A login was recognised (a POST carrying a password field that the server accepted), but no session cookie reached the browser: the login response and its redirect chain set none, or the browser rejected the one they set, and the next request carried no session cookie. The user is sent back to the login page however often they log in.',
    fix: FIX_NOT_SET,
  },
  check(ctx) {
    const answers = loggedOutAnswers(ctx);
    // A login attempt's 401 or login page answers its own credentials (a wrong password tried next), not the session.
    const attempts = new Set(ctx.facts.loginAttempts);
    return ctx.facts.logins.flatMap((login) => {
      const draft = notEstablished(ctx, login, answers, attempts);
      return draft ? [draft] : [];
    });
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
  const rejected: SetCookieFact[] = [];
  for (const r of chain) {
    for (const c of r.setCookies) {
      if (c.value === '') continue;
      if (c.outcome.kind === 'stored') stored.push(c);
      else if (c.outcome.kind === 'rejected' && c.session) rejected.push(c);
    }
  }
  // A session cookie stored: a session exists (what became of it is for the other rules).
  if (stored.some((c) => c.session)) return undefined;
  const last = chain[chain.length - 1]!;
  const next = ctx.facts.requests.find((r) => r.entry > last.entry && r.origin === post.origin);
  const follower = firstHop ?? next;
  // The request after the login carried a session (or a cookie the login set, maybe an unrecognised session).
  if (follower?.sent.some((s) => s.session || stored.some((c) => c.name === s.name && c.value === s.value)))
    return undefined;
  const loggedOut = [...chain.slice(1), ...(next ? [next] : [])].find(
    (r) => answers.has(r.entry) && !attempts.has(r.entry),
  );
  const refused = rejected[0];
  if (!refused && (!loggedOut || !follower)) return undefined;

  const accepted = redirectedAway ? `redirected to ${pathOf(firstHop!.url)}` : `answered ${post.status}`;
  const answer = loggedOut ? answers.get(loggedOut.entry) : undefined;
  const after = answer
    ? ` The next request${follower ? ` (${pathOf(follower.url)})` : ''} carried no session cookie and ${pathOf(loggedOut!.url)} was answered with ${answerText(answer)}.`
    : ' The next request carried no session cookie.';
  const head = `A login (recognised from ${LOGIN_SIGNAL_TEXT[login.signal]}) was accepted — the server ${accepted} — but no session cookie reached the browser:`;
  const evidence = {
    login: `entry ${post.entry}: ${post.method} ${pathOf(post.url)} → ${post.status ?? 'no response'}`,
    ...(answer ? { loggedOutAt: loggedOut!.entry, status: answer.status } : {}),
    ...(answer?.loginPage ? { loginPage: answer.loginPage } : {}),
    ...(follower ? { nextRequest: follower.url, nextRequestSessionCookie: 'none' } : {}),
  };
  if (refused && refused.outcome.kind === 'rejected') {
    const reason = refused.outcome.reason;
    return {
      origin: post.origin,
      cookie: refused.name,
      entry: post.entry,
      url: post.url,
      reason,
      message: `${head} the browser rejected its ${refused.name} cookie (${reason}: ${SET_COOKIE_REJECTED_REASONS[reason].replace(/\.$/, '')}).${after}`,
      fix: reason === 'SecureOnly' ? FIX_SECURE_ONLY : FIX_REJECTED,
      evidence: { ...evidence, setCookie: redactLine(refused.outcome.raw, refused.value), reason },
    };
  }
  return {
    origin: post.origin,
    entry: post.entry,
    url: post.url,
    message: `${head} neither its response nor its redirect chain set one.${after} If the login succeeded on the server, the session never got to the browser.`,
    evidence: { ...evidence, setCookie: 'none on the login response or its redirect chain' },
  };
}
