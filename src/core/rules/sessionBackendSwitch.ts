/**
 * session-backend-switch: an affinity cookie or a JSESSIONID route suffix changed between two requests of
 * one session, also inside a login's redirect chain; beside a server-rejected reset or a logged-out answer it
 * names the likely cause, sessions not replicated (RULES.md). The replay asks this module whether a request
 * switched back-end (backendSwitchOf, switchWithoutResetOf) and whether a switch is new for an ID; the rule
 * reports what the replay recorded.
 */
import type { BackendSwitch, IdChange, IdEnd, LaneId, SentCookieFact } from '../analysis/facts.ts';
import { splitRouteSuffix } from '../session/identify.ts';
import { isQuietLoss, loggedOutAnswers, quietReadings } from './helpers.ts';
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
    /** Each lane's first move that cost a session and is raised (not a repeat): it tells the lane's rotations at moves. */
    const lossAtMove = new Map<string, number>();
    const withReset = idTransitions(ctx).flatMap((t) => {
      if (t.end.kind !== 'reset' || !t.end.backendSwitch) return [];
      // A visitor's ID renewed again at a move, whose reset session-reset tells as a repeat of the session's loss
      // (quietReadings): the move that cost the session was raised there.
      const readings = quietReadings(ctx, t);
      const quiet = isQuietLoss(t.end, readings);
      const toldAt = readings.followedAtHop ?? readings.repeated;
      if (!quiet && !lossAtMove.has(t.lane.key)) lossAtMove.set(t.lane.key, t.end.entry);
      return [
        {
          relatedKeys: [resetKey(t.lane.key, t.end.entry)],
          origin: t.lane.origin,
          cookie: t.lane.cookie,
          entry: t.end.entry,
          url: t.request?.url ?? '',
          ...(quiet ? { severity: 'info' as const } : {}),
          message: `The session moved to another back-end (${t.end.backendSwitch.changes.join('; ')}) and that server did not accept the session ID: sessions are likely not shared between servers.${toldAt !== undefined ? ` The ID was a visitor's, renewed at this move as at the move that lost the session (entry ${toldAt}), told there.` : ''}`,
          evidence: { changes: t.end.backendSwitch.changes },
        },
      ];
    });
    const rotatedAt = new Set(
      idTransitions(ctx).flatMap((t) => (t.end.kind === 'rotated' ? [`${t.lane.key}\u0000${t.end.entry}`] : [])),
    );
    const loggedOut = loggedOutAnswers(ctx);
    const alone = ctx.facts.lanes.flatMap((lane) =>
      lane.backendSwitches.map((b) => {
        // What the server did with the session on the switched request decides what the switch means.
        const rotated = rotatedAt.has(`${lane.key}\u0000${b.entry}`);
        const outcome = rotated
          ? 'the server issued a new ID there anyway (a rotation)'
          : loggedOut.has(b.entry)
            ? 'that server answered as logged out: sessions are likely not shared between servers'
            : 'the server kept the session this time';
        // A move where the server issued a new ID anyway cost nothing by itself; where a move of the lane did cost
        // the session (raised above), that one tells the risk this one only showed.
        const toldAt = rotated ? lossAtMove.get(lane.key) : undefined;
        return {
          ...(loggedOut.has(b.entry) ? { relatedKeys: [rejectedKey(lane.cookie, b.entry)] } : {}),
          origin: lane.origin,
          cookie: lane.cookie,
          entry: b.entry,
          url: ctx.request(b.entry)?.url ?? '',
          ...(toldAt !== undefined ? { severity: 'info' as const } : {}),
          message: `The session moved to another back-end (${b.changes.join('; ')}); ${outcome}.${toldAt !== undefined ? ` The move at entry ${toldAt} lost the session: told there.` : ''}`,
          evidence: { changes: b.changes },
        };
      }),
    );
    return [...withReset, ...alone];
  },
});

/**
 * `NAME: before → after` for each affinity cookie the request carried and the response set to another value.
 * A deleted one ('' after) counts only when `cleared` says so (see the two callers).
 */
function affinityChanges(
  sent: readonly SentCookieFact[],
  affinitySet: ReadonlyMap<string, string>,
  cleared: 'counts' | 'ignored',
): string[] {
  const changes: string[] = [];
  if (affinitySet.size === 0) return changes;
  for (const s of sent) {
    const after = affinitySet.get(s.name);
    if (after === undefined || after === s.value || (after === '' && cleared === 'ignored')) continue;
    changes.push(`${s.name}: ${s.value} → ${after}`);
  }
  return changes;
}

/**
 * The switch on a request whose response replaced the held ID: an affinity cookie the response changed, or the
 * route suffix of the ID (`JSESSIONID=….node1` → `….node2`). A deleted affinity cookie counts here: beside a
 * new ID, the balancer dropping the affinity is part of what moved the session.
 */
export function backendSwitchOf(change: IdChange): BackendSwitch | undefined {
  const changes = affinityChanges(change.sent, change.affinitySet, 'counts');
  const oldRoute = change.held.route;
  const newRoute = change.issued === undefined ? undefined : splitRouteSuffix(change.cookie, change.issued).route;
  if (oldRoute && newRoute && oldRoute !== newRoute) changes.push(`${change.cookie} route: ${oldRoute} → ${newRoute}`);
  return changes.length > 0 ? { entry: change.entry, changes } : undefined;
}

/**
 * The switch to record on the lane itself for an ID's end: a rotation that also moved back-end is still a
 * switch within the session (RULES.md). A reset carries its switch in its end (sessionReset.ts); an update in
 * place is not judged.
 */
export function switchBesideEnd(end: IdEnd, change: IdChange): BackendSwitch | undefined {
  return end.kind === 'rotated' ? backendSwitchOf(change) : undefined;
}

/**
 * The switch on a request whose session IDs all survived: affinity cookies the response set to other values.
 * A deleted affinity cookie alone is no move to another server.
 */
export function switchWithoutResetOf(
  entry: number,
  sent: readonly SentCookieFact[],
  affinitySet: ReadonlyMap<string, string>,
): BackendSwitch | undefined {
  const changes = affinityChanges(sent, affinitySet, 'ignored');
  return changes.length > 0 ? { entry, changes } : undefined;
}

/**
 * One switch per ID: whether `id` has none recorded yet. A switch at the entry whose Set-Cookie issued the ID
 * (a login's rotation) belongs to the ID before it: that request did not carry this one.
 */
export function isFirstSwitchOf(id: LaneId, recorded: readonly BackendSwitch[]): boolean {
  const issuedAt = id.source === 'set-cookie' ? id.firstEntry : -1;
  return !recorded.some((b) => b.entry >= id.firstEntry && b.entry !== issuedAt);
}
