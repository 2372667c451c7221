/**
 * session-backend-switch: an affinity cookie or a JSESSIONID route suffix changed between two requests of
 * one session; beside a server-rejected reset it names the likely cause, sessions not replicated (RULES.md).
 */
import { defineRule } from './rule.ts';
import { idTransitions, resetKey } from './transitions.ts';

export const sessionBackendSwitch = defineRule({
  id: 'session-backend-switch',
  severity: 'medium',
  title: 'Request moved to another back-end server',
  docs: {
    explanation:
      'The load balancer sent a request of this session to another back-end (its affinity cookie or the route suffix of the session ID changed). If the new server does not know the session, the user is logged out.',
    fix: 'Share sessions between servers (a central store such as Redis or database, or replication), or make the balancer keep affinity (sticky sessions) and check why it did not.',
  },
  check(ctx) {
    const withReset = idTransitions(ctx).flatMap((t) => {
      if (t.end.kind !== 'reset' || !t.end.backendSwitch) return [];
      return [
        {
          relatedKeys: [resetKey(t.lane.key, t.end.entry)],
          origin: t.lane.origin,
          cookie: t.lane.cookie,
          entry: t.end.entry,
          url: t.request?.url ?? '',
          message: `The session moved to another back-end (${t.end.backendSwitch.changes.join('; ')}) and that server did not accept the session ID: sessions are likely not shared between servers.`,
          evidence: { changes: t.end.backendSwitch.changes },
        },
      ];
    });
    const alone = ctx.facts.lanes.flatMap((lane) =>
      lane.backendSwitches.map((b) => ({
        origin: lane.origin,
        cookie: lane.cookie,
        entry: b.entry,
        url: ctx.request(b.entry)?.url ?? '',
        message: `The session moved to another back-end (${b.changes.join('; ')}); the server kept the session this time.`,
        evidence: { changes: b.changes },
      })),
    );
    return [...withReset, ...alone];
  },
});
