/**
 * session-token-reissued: a logout ended a session token (deleted its cookie, or wrote a placeholder over it), and a
 * later login issued the very same value again. A token the server draws at random is new at each login; one that
 * comes back is derived from what does not change between logins — the user, the password, the address (Shaarli's
 * stay-signed-in token hashes the password and the client's address; Flask-Login's remember-me token signs the user's
 * ID). No logout can end such a token: a copy taken before it (a log, a shared computer) signs in again until the
 * password or the server's secret changes. Only opaque tokens count: a session store kept in the cookie (Flask's
 * signed `session`) may be written again byte for byte when its data and time of signing are the same, and its
 * readable data is session-client-side-data's to tell.
 */
import type { LaneId, SessionLane } from '../analysis/facts.ts';
import { valueShape } from '../session/valueShape.ts';
import { defineRule, type FindingDraft, type RuleContext } from './rule.ts';

export const sessionTokenReissued = defineRule({
  id: 'session-token-reissued',
  severity: 'medium',
  title: 'Session token issued again after a logout',
  docs: {
    explanation:
      'A logout ended the session token (its cookie deleted or overwritten), and a later login issued the very same value again. A random token is new at each login; one that comes back is derived from what stays the same between logins (the user, the password, the address), so no logout can revoke it: a copy taken before the logout signs in again, until the password or the server secret changes.',
    fix: 'Issue a random token at each login and keep it on the server (or a random series in it, as persistent-login schemes do), so that the logout can delete it; for a remember-me token, store a random token per login and delete it at logout.',
  },
  check(ctx) {
    return ctx.facts.lanes.flatMap((lane) =>
      reissuedIds(lane).map(({ ended, again }) => draft(ctx, lane, ended, again)),
    );
  },
});

/** The IDs of the lane issued again by a login after a logout had ended the same value: the earlier and the later. */
function reissuedIds(lane: SessionLane): { ended: LaneId; again: LaneId }[] {
  const found: { ended: LaneId; again: LaneId }[] = [];
  lane.ids.forEach((again, i) => {
    if (again.source !== 'set-cookie' || again.sessionLogin === undefined || valueShape(again.id) !== 'opaque') return;
    const ended = lane.ids.slice(0, i).find((id) => id.id === again.id && endedAtLogout(id));
    if (ended) found.push({ ended, again });
  });
  return found;
}

/** The ID's cookie was deleted (or overwritten) at a logout, or after one that ended it on the server. */
function endedAtLogout(id: LaneId): boolean {
  const end = id.end;
  return end !== undefined && (end.kind === 'reset' || end.kind === 'rotated') && end.atLogout === true;
}

function draft(ctx: RuleContext, lane: SessionLane, ended: LaneId, again: LaneId): FindingDraft {
  const logout = ended.end?.entry;
  return {
    origin: lane.origin,
    cookie: lane.cookie,
    entry: again.firstEntry,
    url: ctx.request(again.firstEntry)?.url ?? '',
    message: `The login at entry ${again.sessionLogin} issued ${lane.cookie} ${ctx.show(again.id)} again: the very value the logout at entry ${logout} had ended (first issued at entry ${ended.firstEntry}). The token is derived, not drawn at random, so no logout can revoke it: a copy taken before the logout signs in again.`,
    evidence: { id: { secret: again.id }, endedAtLogout: logout ?? -1, firstIssuedAt: ended.firstEntry },
  };
}
