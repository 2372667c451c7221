/** session-fixation: the ID the client held before a login is still the one after it (RULES.md). */
import { LOGIN_SIGNAL_TEXT } from '../analysis/facts.ts';
import { laneByKey } from './helpers.ts';
import { defineRule } from './rule.ts';

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
    return ctx.facts.logins.flatMap((login) =>
      login.lanes.flatMap((l) => {
        if (l.after === undefined || l.after !== l.before) return [];
        const lane = lanes.get(l.laneKey);
        if (!lane) return [];
        const request = ctx.request(login.entry);
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
      }),
    );
  },
});
