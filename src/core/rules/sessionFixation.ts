/**
 * session-fixation: the ID the client held before a successful login is still the one after it (RULES.md). A login
 * that failed is no login: one answered with an error or sent back to the form is never a login fact
 * (loginSignals.ts), and one answered with a page is a failed attempt when the user posts the same form again.
 */
import { LOGIN_SIGNAL_TEXT, type LoginFact } from '../analysis/facts.ts';
import { laneByKey } from './helpers.ts';
import { defineRule, type RuleContext } from './rule.ts';

/**
 * The login was answered with a page, not a redirect, and the next login is the same form posted again with no
 * logout between: the page was the form shown again (a failed password re-renders it with a 200, as PHP, WordPress
 * and Django do), which a HAR without bodies cannot show otherwise. A successful login is not submitted again.
 */
function triedAgain(ctx: RuleContext, login: LoginFact, next: LoginFact | undefined): boolean {
  if (!next || login.signal !== 'password-post' || next.signal !== 'password-post') return false;
  const request = ctx.request(login.entry);
  // A page: a 2xx answer. A redirect is a success (a failure sent back to the form is no login at all), whether or
  // not its target was recorded.
  if (request?.status === undefined || request.status < 200 || request.status >= 300) return false;
  if (addressOf(request.url) !== addressOf(ctx.request(next.entry)?.url ?? '')) return false;
  for (let entry = login.entry + 1; entry < next.entry; entry++) if (ctx.request(entry)?.logout) return false;
  return true;
}

/** A URL without its query and fragment: the form's address, whatever a failed attempt appended to it. */
function addressOf(url: string): string {
  const end = url.search(/[?#]/);
  return end === -1 ? url : url.slice(0, end);
}

export const sessionFixation = defineRule({
  id: 'session-fixation',
  severity: 'high',
  title: 'Session ID not rotated at login (fixation)',
  docs: {
    explanation:
      'The session ID the browser held before logging in is still valid after the login. An attacker who planted or learnt that ID before the login now owns the logged-in session (session fixation, CWE-384).',
    fix: 'Issue a new session ID at login (session_regenerate_id, request.changeSessionId(), req.session.regenerate) and invalidate the old one.',
  },
  check(ctx) {
    const lanes = laneByKey(ctx);
    const { logins } = ctx.facts;
    return logins.flatMap((login, i) => {
      const kept = login.lanes.filter((l) => l.after !== undefined && l.after === l.before);
      if (kept.length === 0) return [];
      // The next login at this origin, if any, tells whether this one was an attempt that failed.
      if (
        triedAgain(
          ctx,
          login,
          logins.find((other, j) => j > i && other.origin === login.origin),
        )
      )
        return [];
      const request = ctx.request(login.entry);
      return kept.flatMap((l) => {
        const lane = lanes.get(l.laneKey);
        if (!lane) return [];
        return [
          {
            origin: lane.origin,
            cookie: lane.cookie,
            entry: login.entry,
            url: request?.url ?? '',
            message: `Login recognised from ${LOGIN_SIGNAL_TEXT[login.signal]}, but ${lane.cookie} kept the same ID ${ctx.show(l.before)} before and after it.`,
            evidence: { id: { secret: l.before }, loginSignal: login.signal },
          },
        ];
      });
    });
  },
});
