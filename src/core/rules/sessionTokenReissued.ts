/**
 * session-token-reissued: a logout ended a session token (deleted its cookie, or wrote a placeholder over it), and a
 * later login issued the very same value again. A token the server draws at random is new at each login; one that
 * comes back is derived from what does not change between logins — the user, the password, the address (Shaarli's
 * stay-signed-in token hashes the password and the client's address; Flask-Login's remember-me token signs the user's
 * ID; JupyterHub's login cookie signs the user's permanent `cookie_id`, with a new time). No logout can end such a
 * token: a copy taken before it (a log, a shared computer) signs in again until the password or the server's secret
 * changes. Only opaque tokens count: a session store kept in the cookie (Flask's
 * signed `session`) may be written again byte for byte when its data and time of signing are the same, and its
 * readable data is session-client-side-data's to tell.
 */
import type { LaneId, SessionLane } from '../analysis/facts.ts';
import { isRandomToken } from '../session/randomToken.ts';
import { readClientSideData, signedSessionIdOf } from '../session/tokenData.ts';
import { valueShape } from '../session/valueShape.ts';
import { defineRule, type FindingDraft, type RuleContext } from './rule.ts';

export const sessionTokenReissued = defineRule({
  id: 'session-token-reissued',
  severity: 'medium',
  title: 'Session token issued again after a logout',
  docs: {
    explanation:
      'A logout ended the session token (its cookie deleted or overwritten), and a later login issued the very same value again. A random token is new at each login; one that comes back is derived from what stays the same between logins (the user, the password, the address) or kept for the user, so no logout can revoke it: a copy taken before the logout signs in again, until the password, the server secret or the stored token changes.',
    fix: 'Issue a random token at each login and keep it on the server (or a random series in it, as persistent-login schemes do), so that the logout can delete it; for a remember-me token, store a random token per login and delete it at logout.',
  },
  check(ctx) {
    return ctx.facts.lanes.flatMap((lane) =>
      reissuedIds(lane).map(({ ended, again }) => draft(ctx, lane, ended, again)),
    );
  },
});

/** The IDs of the lane issued again by a login after a logout had ended the same token: the earlier and the later. */
function reissuedIds(lane: SessionLane): { ended: LaneId; again: LaneId }[] {
  const found: { ended: LaneId; again: LaneId }[] = [];
  // Each ID's token read once, in lane order: the IDs a logout ended so far, by token.
  const endedByToken = new Map<string, LaneId>();
  for (const id of lane.ids) {
    const issuedAtLogin = id.source === 'set-cookie' && id.sessionLogin !== undefined;
    const ends = endedAtLogout(id);
    if (!issuedAtLogin && !ends) continue;
    const token = tokenOf(id.id);
    if (token === undefined) continue;
    const ended = issuedAtLogin ? endedByToken.get(token) : undefined;
    if (ended) found.push({ ended, again: id });
    if (ends && !endedByToken.has(token)) endedByToken.set(token, id);
  }
  return found;
}

/**
 * The token a value is: an opaque value itself, or the random token a signed value wraps (JupyterHub's Tornado
 * cookie signs the user's `cookie_id` with a new time at each login; gorilla's FilesystemStore signs its ID).
 * A session store's data is none.
 */
function tokenOf(value: string): string | undefined {
  if (valueShape(value) === 'opaque') return value;
  const signedId = signedSessionIdOf(value);
  if (signedId !== undefined) return signedId;
  const data = readClientSideData(value);
  return data?.kind === 'signed-json' && typeof data.payload === 'string' && isRandomToken(data.payload)
    ? data.payload
    : undefined;
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
    message: `The login at entry ${again.sessionLogin} issued ${lane.cookie} ${ctx.show(again.id)} again: ${again.id === ended.id ? 'the very value' : `the token, signed anew, that ${ctx.show(ended.id)} held, which`} the logout at entry ${logout} had ended (first issued at entry ${ended.firstEntry}). The token does not change from one login to the next (derived from the user, or kept for the user), so no logout can revoke it: a copy taken before the logout signs in again.`,
    evidence: {
      id: { secret: again.id },
      endedAtLogout: logout ?? -1,
      firstIssuedAt: ended.firstEntry,
      ...(again.id !== ended.id ? { signedAnew: true } : {}),
    },
  };
}
