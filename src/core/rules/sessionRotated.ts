/** session-rotated: the server replaced the ID the request carried; good after a login (RULES.md). */
import { LOGIN_SIGNAL_TEXT } from '../analysis/facts.ts';
import { defineRule } from './rule.ts';
import { idTransitions } from './transitions.ts';

export const sessionRotated = defineRule({
  id: 'session-rotated',
  severity: 'info',
  title: 'Session ID rotated',
  docs: {
    explanation:
      'The server replaced the session ID the request carried with a new one. Rotation at login and privilege changes is what OWASP recommends; rotation elsewhere is harmless when the server does it on purpose. A login rotates an ID once: an ID the login or its redirect chain had just issued and that the next hop replaces was rejected (a session-reset, cause server-rejected), not rotated.',
    fix: 'Nothing to fix when it follows a login. If it was not intended, check what regenerates the session.',
  },
  check(ctx) {
    return idTransitions(ctx)
      .filter((t) => t.end.kind === 'rotated')
      .map((t) => {
        const end = t.end.kind === 'rotated' ? t.end : undefined;
        const why = end?.afterLogin
          ? `at login (recognised from ${LOGIN_SIGNAL_TEXT[end.afterLogin]}) — good practice`
          : end?.atLogout
            ? 'at logout — good practice'
            : end?.periodic
              ? 'on most requests: the server rotates the ID continually'
              : 'without a login';
        return {
          origin: t.lane.origin,
          cookie: t.lane.cookie,
          entry: t.end.entry,
          url: t.request?.url ?? '',
          message: `${t.lane.cookie} rotated from ${ctx.show(t.id.id)} to ${t.next ? ctx.show(t.next.id) : 'a new ID'} ${why}.`,
          evidence: {
            before: { secret: t.id.id },
            ...(t.next ? { after: { secret: t.next.id } } : {}),
            afterLogin: end?.afterLogin !== undefined,
          },
        };
      });
  },
});
