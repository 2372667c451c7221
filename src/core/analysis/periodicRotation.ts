/**
 * Some servers rotate the session ID on most responses (PHP session_regenerate_id on every request,
 * rolling tokens). On the wire that looks like a "server-rejected" reset each time; when it happens on at
 * least half of the requests that carried an ID of the lane (and three times or more), it is a policy, not a
 * loss: those ends become periodic rotations. Affinity changes keep a reset a reset.
 */
import type { SessionLane } from './facts.ts';

const MIN_ROTATIONS = 3;
const MIN_SHARE = 0.5;

export function classifyPeriodicRotation(lanes: readonly SessionLane[]): void {
  for (const lane of lanes) {
    const rejected = lane.ids.filter(
      (id) => id.end?.kind === 'reset' && id.end.cause === 'server-rejected' && !id.end.backendSwitch,
    );
    const carrying = lane.ids.reduce((n, id) => n + id.carriedCount, 0);
    if (rejected.length < MIN_ROTATIONS || rejected.length < carrying * MIN_SHARE) continue;
    for (const id of rejected) {
      if (id.end?.kind !== 'reset') continue;
      id.end = { kind: 'rotated', entry: id.end.entry, atLogout: false, periodic: true };
    }
  }
}
