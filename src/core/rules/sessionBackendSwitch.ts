/**
 * session-backend-switch: an affinity cookie or a JSESSIONID route suffix changed between two requests of
 * one session, also inside a login's redirect chain; beside a server-rejected reset or a logged-out answer it
 * names the likely cause, sessions not replicated (RULES.md).
 */
import { defineRule } from './rule.ts';
import { rejectedKey } from './sessionRejected.ts';
import { idTransitions, resetKey } from './transitions.ts';

export const sessionBackendSwitch = defineRule({
  id: 'session-backend-switch',
  severity: 'medium',
  title: 'Request moved to another back-end server',
  docs: {
    explanation:
      'The load balancer sent a request of this session to another back-end (its affinity cookie or the route suffix of the session ID changed), wherever that happens — also on the hops of a login’s redirect chain. If the new server does not know the session, the user is logged out: beside a server-rejected reset or a session-rejected finding it names the likely cause, sessions not shared between servers.',
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
    const rotatedAt = new Set(
      idTransitions(ctx).flatMap((t) => (t.end.kind === 'rotated' ? [`${t.lane.key}\u0000${t.end.entry}`] : [])),
    );
    const loggedOut = new Set((ctx.facts.loggedOut ?? []).map((a) => a.entry));
    const alone = ctx.facts.lanes.flatMap((lane) =>
      lane.backendSwitches.map((b) => {
        // What the server did with the session on the switched request decides what the switch means.
        const outcome = rotatedAt.has(`${lane.key}\u0000${b.entry}`)
          ? 'the server issued a new ID there anyway (a rotation)'
          : loggedOut.has(b.entry)
            ? 'that server answered as logged out: sessions are likely not shared between servers'
            : 'the server kept the session this time';
        return {
          ...(loggedOut.has(b.entry) ? { relatedKeys: [rejectedKey(lane.cookie, b.entry)] } : {}),
          origin: lane.origin,
          cookie: lane.cookie,
          entry: b.entry,
          url: ctx.request(b.entry)?.url ?? '',
          message: `The session moved to another back-end (${b.changes.join('; ')}); ${outcome}.`,
          evidence: { changes: b.changes },
        };
      }),
    );
    return [...withReset, ...alone];
  },
});
