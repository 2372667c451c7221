/**
 * session-rotated: the server replaced the ID the request carried; good after a login (RULES.md). The decision
 * is here: when a new value is no new ID at all (updateOf), when a replaced ID was rotated (rotationOf: at a
 * login that rotates it, or at a logout), and when a lane's resets are a rotation policy (classifyPeriodicRotation).
 * What is neither is a reset (sessionReset.ts).
 */
import {
  type IdChange,
  type LaneId,
  LOGIN_SIGNAL_TEXT,
  type RequestFacts,
  type RotatedEnd,
  type SessionIdentity,
  type SessionLane,
  type UpdatedEnd,
} from '../analysis/facts.ts';
import { isLoginPagePath } from '../session/loginPage.ts';
import { readClientSideData, signedSessionIdOf } from '../session/tokenData.ts';
import { embeddedIdOf, isRedactedValue, isUpdateOf, valueShape } from '../session/valueShape.ts';
import { statusSaysLoggedOut, statusSaysSessionGone } from '../trace/loggedOutStatus.ts';
import { defineRule } from './rule.ts';
import { idTransitions } from './transitions.ts';

/**
 * A session encrypted into the cookie (Rails, Sinatra, Laravel, iron): every save seals it again with a new IV, so a
 * new value at login does not show whether the session inside was renewed (Rack's cookie keeps its session_id).
 * A redacted value hides its kind: nothing is claimed for it.
 */
function isSealedStore(value: string): boolean {
  return (
    valueShape(value) === 'client-side-store' && !isRedactedValue(value) && readClientSideData(value) === undefined
  );
}

/**
 * A session kept readable in the cookie (a JWT, Flask's or Django's signed cookie, base64 JSON): a logout can only
 * write another value over it. The one it replaced stays valid wherever a copy of it is, unless the server keeps a
 * list of the tokens it ended, which the traffic does not show.
 */
function isReadableStore(value: string): boolean {
  return valueShape(value) === 'client-side-store' && readClientSideData(value) !== undefined;
}

/** A rotation whose new cookie the browser refused (LaneId.incidents): the server moved on, the client did not. */
const REFUSED_BY_BROWSER =
  ' The browser refused the cookie of the new ID and kept the one it held, which later requests carry (the cookie-rejected finding says why).';

export const sessionRotated = defineRule({
  id: 'session-rotated',
  severity: 'info',
  title: 'Session ID rotated',
  docs: {
    explanation:
      'The server replaced the session ID the request carried with a new one. Rotation at login and privilege changes is what OWASP recommends; rotation elsewhere is harmless when the server does it on purpose. A login rotates an ID once: an ID the login or its redirect chain had just issued and that the next hop replaces was rejected (a session-reset, cause server-rejected), not rotated.',
    fix: 'Nothing to fix at a login, a logout or a token refresh, where a new ID is good practice. Elsewhere, if it was not intended, check what regenerates the session.',
  },
  check(ctx) {
    return idTransitions(ctx)
      .filter((t) => t.end.kind === 'rotated')
      .map((t) => {
        const end = t.end.kind === 'rotated' ? t.end : undefined;
        const sealed = isSealedStore(t.id.id) || ctx.facts.sessionIdentities?.get(t.lane.cookie)?.sealedStore === true;
        const sealedAtLogin = end?.afterLogin !== undefined && sealed;
        const atLogout = end?.afterLogin === undefined && end?.atLogout === true;
        const sealedAtLogout = atLogout && sealed;
        const readableAtLogout = atLogout && !sealed && isReadableStore(t.id.id);
        const keptAtLogin = end?.afterLogin !== undefined && t.next ? fieldsKept(t.id.id, t.next.id) : undefined;
        const login =
          end?.afterLogin !== undefined ? `at login (recognised from ${LOGIN_SIGNAL_TEXT[end.afterLogin]})` : '';
        // The first that holds says why; 'without a login' when none does.
        const reasons: readonly (readonly [boolean, () => string])[] = [
          [
            sealedAtLogin,
            () =>
              `${login}: the session (or its ID) is sealed in the cookie, so whether the login renewed it or only sealed it again cannot be seen`,
          ],
          [
            keptAtLogin !== undefined,
            () =>
              `${login}: the session is kept readable in the cookie, and the login wrote it again with its earlier fields kept (${keptAtLogin!.join(', ')}): the same session, not a new one`,
          ],
          [
            end?.handedTo !== undefined && login !== '',
            () => `${login}: the login deleted it and issued a new ${end!.handedTo} in its place — good practice`,
          ],
          [login !== '', () => `${login} — good practice`],
          [
            end?.failedAttempt === 'posted-again',
            () => 'at a login attempt that failed (the same form was posted again): no login asked for it',
          ],
          [
            end?.failedAttempt === 'answered',
            () => 'at a login attempt that failed (answered with an error or its form again): no login asked for it',
          ],
          [
            end?.logoutEntry !== undefined,
            () => `after the logout at entry ${end!.logoutEntry} ended the old ID on the server — good practice`,
          ],
          [
            sealedAtLogout,
            () =>
              'at logout: the session (or its ID) is sealed in the cookie, so whether the logout ended it or only sealed it again cannot be seen',
          ],
          [
            readableAtLogout,
            () =>
              'at logout: the session is kept readable in the cookie itself, not on the server, so the logout could only write another value over it; whether the server still accepts the old one cannot be seen',
          ],
          [end?.atLogout === true, () => 'at logout — good practice'],
          [end?.atRefresh === true, () => 'at a token refresh: the request asked the server for a new one'],
          [
            end?.atSignInCompletion !== undefined,
            () =>
              `as the identity provider finished the sign-in begun by the login at entry ${end!.atSignInCompletion}, sending the application its authorization code — good practice`,
          ],
          [
            end?.anonymous === true,
            () =>
              'for a client not logged in: the server starts a new session on each page it shows such a client (or each page reaches a server that does not know the last one)',
          ],
          [
            end?.stillSignedInAt !== undefined,
            () =>
              `without a login, and the server went on answering as to the user signed in (the page at entry ${end!.stillSignedInAt} offers a logout or names the user): a renewal of the ID, not a session lost`,
          ],
          [
            end?.periodic === true,
            () =>
              'on most requests: the server rotates the ID continually, or each request reaches a server that does not know the last one (sessions not shared, no affinity)',
          ],
        ];
        const why = reasons.find(([holds]) => holds)?.[1]() ?? 'without a login';
        return {
          origin: t.lane.origin,
          cookie: t.lane.cookie,
          entry: t.end.entry,
          url: t.request?.url ?? '',
          // A handover's next ID of the lane is a later session's: the login's new ID is the other cookie's.
          message:
            end?.handedTo !== undefined
              ? `${t.lane.cookie} ${ctx.show(t.id.id)} ended ${why}.`
              : `${t.lane.cookie} ${sealedAtLogin || sealedAtLogout || readableAtLogout || keptAtLogin ? 'changed' : 'rotated'} from ${ctx.show(t.id.id)} to ${t.next && !t.incident ? ctx.show(t.next.id) : 'a new ID'} ${why}.${t.incident ? REFUSED_BY_BROWSER : ''}`,
          evidence: {
            before: { secret: t.id.id },
            ...(t.next && end?.handedTo === undefined ? { after: { secret: t.next.id } } : {}),
            ...(end?.handedTo !== undefined ? { handedTo: end.handedTo } : {}),
            afterLogin: end?.afterLogin !== undefined,
          },
        };
      });
  },
});

/**
 * The fields of a readable store that a new value keeps with the same values (React Router's and express's
 * cookie sessions add the user beside what the session held): none kept, or a store that cannot be read, is
 * undefined. Such a login does not renew the session, though the value changes.
 */
function fieldsKept(before: string, after: string): string[] | undefined {
  const a = readClientSideData(before)?.payload;
  const b = readClientSideData(after)?.payload;
  if (!isRecord(a) || !isRecord(b)) return undefined;
  // A store that names its session's ID and names a new one was renewed, its data carried over (Rack's `renew`, as
  // Warden asks at login): the rotation it looks like.
  const id = embeddedIdOf(before);
  if (id !== undefined && id !== embeddedIdOf(after)) return undefined;
  // `_`-prefixed fields are the library's own (koa-session's `_maxAge`): the same in every new session. A JWT's
  // registered claims describe the token (its issuer, audience, times), not what the session holds: two tokens
  // issued in the same second share their `exp`.
  const kept = Object.keys(a).filter(
    (k) => !k.startsWith('_') && !TOKEN_CLAIMS.has(k) && k in b && JSON.stringify(a[k]) === JSON.stringify(b[k]),
  );
  return kept.length > 0 ? kept : undefined;
}

/** RFC 7519's registered claims (section 4.1), and OpenID Connect's time of authentication. */
const TOKEN_CLAIMS = new Set(['iss', 'sub', 'aud', 'exp', 'nbf', 'iat', 'jti', 'auth_time']);

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * A cookie deleted while the same response wrote its value under another name of its chunked cookie (the value grew
 * past one cookie into chunks, or shrank back into one: Auth.js, ASP.NET Core) is the session going on under that
 * name, not a session lost.
 */
export function rewriteOf(change: IdChange): UpdatedEnd | undefined {
  if (change.issued !== undefined || change.rewrittenAs === undefined || change.logout) return undefined;
  return { kind: 'updated', entry: change.entry };
}

/**
 * A new value that keeps the session (a client-side store re-encoded, a structured value keeping its embedded ID,
 * a JWT re-issued for the same subject) is an update, not a new ID (RULES.md). The login request itself may
 * rotate even a client-side store, and a logout ends the session: neither is an update. Nor is a new value that
 * came with an answer as to a client not logged in, on a session a login issued (savedUnreadable).
 *
 * The request may also have carried the value the held one replaced, in flight beside the response that set it:
 * two requests saving the same store at once (a page and its favicon), the later answer written last. That is
 * an update of both, not the session lost.
 */
export function updateOf(change: IdChange): UpdatedEnd | undefined {
  const issued = change.issued;
  if (issued === undefined || change.logout) return undefined;
  // A signed server-side ID written again around the same ID (gorilla's FilesystemStore stamps a new time) is that
  // ID kept, at a login too: whether that is a fixation is session-fixation's to tell.
  const signed = signedSessionIdOf(change.held.id);
  if (signed !== undefined && change.carried && signed === signedSessionIdOf(issued))
    return { kind: 'updated', entry: change.entry };
  if (change.login !== undefined && change.login.entry === change.entry) return undefined;
  // The answer wrote back the ID of another session cookie the request carried: the server knew the session, and
  // wrote this one anew beside it (phpMyAdmin encrypts its credentials cookies again on every answer). A server
  // that had lost the session would not have confirmed its ID.
  const carriedLane = change.carried || change.carriedReplaced !== undefined;
  if (carriedLane && change.reissuedBeside !== undefined && !savedUnreadable(change)) {
    return { kind: 'updated', entry: change.entry };
  }
  const sameSession = (a: string) => change.sealedStore === true || isUpdateOf(a, issued);
  const sibling = change.carriedReplaced !== undefined && sameSession(change.carriedReplaced);
  if (!(change.carried || sibling) || !sameSession(change.held.id)) return undefined;
  return savedUnreadable(change) ? undefined : { kind: 'updated', entry: change.entry };
}

/**
 * The server wrote the store anew and answered as to a client not logged in — a redirect to a login page, a status
 * that says only that (401, Laravel's 419), a page that no longer names the user — on a session a login had issued
 * (IdChange.sessionLogin),
 * outside a login, a logout or the login page itself: it could not read the store it got (its key changed at a
 * restart: Sinatra's and Flask's made at start-up) and began an empty one, which an encrypted store cannot show by
 * its content. A 403 or a page that
 * only shows a password form (a "confirm your password" step) is no such answer: a logged-in user meets both.
 */
function savedUnreadable(change: IdChange): boolean {
  const answer = change.loggedOutAnswer;
  if (answer === undefined || change.login !== undefined) return false;
  // A status that says the session itself is gone (Laravel's 419) tells it of any session, a visitor's too, on the
  // login page as anywhere: the login form's POST refused because the session it was issued in was lost.
  if (statusSaysSessionGone(answer.status)) return true;
  if (change.sessionLogin === undefined) return false;
  const saysLoggedOut =
    statusSaysLoggedOut(answer.status) || answer.loginPage !== undefined || answer.userNamedAt !== undefined;
  if (!saysLoggedOut) return false;
  return !isLoginPagePath(change.path);
}

/**
 * A replaced ID the request carried (and that updateOf did not claim) was rotated when a login that rotates it is
 * open, at a logout, or after a logout that ended it on the server without deleting its cookie (the next request
 * that needs a session gets a new one); otherwise it is a reset (sessionReset.ts).
 */
export function rotationOf(change: IdChange): RotatedEnd | undefined {
  // A logout request in flight with the value the held one replaced (phpMyAdmin's logout beside its last XHR, whose
  // answer had written its cookie anew) ends the same session: its new ID is the logout's, as if it had carried it.
  const inFlightLogout = change.logout && change.carriedReplaced !== undefined;
  if (!change.carried && !inFlightLogout) return undefined;
  if (change.issued === undefined) return handoverOf(change);
  const loginRotates = change.login !== undefined && rotatesAtLogin(change.held, change.login.entry);
  const logout = logoutOf(change);
  const refresh = REFRESH_ENDPOINT.test(lastSegmentOf(change.path));
  // An identity provider renewing the session a login issued as it finishes that sign-in (after a consent page:
  // oidc-provider): it recognised the user, since it sent the application an authorization code.
  const signIn = change.completesSignIn === true ? change.sessionLogin : undefined;
  if (!loginRotates && !logout.atLogout && !refresh && signIn === undefined) return undefined;
  return {
    kind: 'rotated',
    entry: change.entry,
    ...(change.login ? { afterLogin: change.login.signal } : {}),
    ...logout,
    periodic: false,
    ...(refresh ? { atRefresh: true } : {}),
    ...(signIn !== undefined ? { atSignInCompletion: signIn } : {}),
  };
}

/**
 * A carried ID deleted by a login that rotates it, whose answer issued a new ID under another session cookie: the
 * session went on under that name, renewed (Blitz's login deletes `sAnonymousSessionToken` and issues
 * `sSessionToken`). The login's rotation, not a session lost.
 */
function handoverOf(change: IdChange): RotatedEnd | undefined {
  const { login, handedTo } = change;
  if (handedTo === undefined || login === undefined || change.logout || !rotatesAtLogin(change.held, login.entry))
    return undefined;
  return { kind: 'rotated', entry: change.entry, afterLogin: login.signal, atLogout: false, periodic: false, handedTo };
}

/**
 * A token refresh endpoint, by its last path segment: Directus's `/auth/refresh`, Simple JWT's `/api/token/refresh/`,
 * `/refresh-token`, `/session/renew`. The client asked it for a new token: the ID it carried is replaced by design.
 */
const REFRESH_ENDPOINT = /^((refresh|renew)([-_]?(token|session))?|(token|session)[-_]?(refresh|renew))$/i;

function lastSegmentOf(path: string): string {
  const trimmed = path.endsWith('/') ? path.slice(0, -1) : path;
  return trimmed.slice(trimmed.lastIndexOf('/') + 1);
}

/**
 * Whether the change is at a logout: the request is one, or an earlier logout carried the held ID and left its
 * cookie in place (LaneId.loggedOutAt), which then names it. Read by rotationOf and by sessionReset.ts's resetOf.
 */
export function logoutOf(change: IdChange): { readonly atLogout: boolean; readonly logoutEntry?: number } {
  // A deletion in answer to a POST that named the session it ended (its ID, or a part of it, in a field: Zabbix's
  // sign-out posts `sid`) or that sent nothing but anti-forgery tokens (a sign-out button's form: Lucia's posts to
  // the page's own address) is that session's logout, whatever its address says.
  const atLogout = change.logout || change.postNamesHeldId === true || change.bareFormPost === true;
  // The request is the logout itself: it is named, not an earlier one that only showed a page (NextAuth's GET of
  // /api/auth/signout shows a form; its POST signs out).
  if (atLogout) return { atLogout };
  const logoutEntry = change.held.loggedOutAt;
  return logoutEntry === undefined ? { atLogout } : { atLogout: true, logoutEntry };
}

/**
 * Whether replacing this ID at a login (or on a hop of its redirect chain) is the login's rotation: only an ID
 * the client held before the login. One that the login or its chain had just issued and that the next hop
 * replaces was not accepted there: the server rejected it (e.g. the hop reached a node that does not know it).
 */
export function rotatesAtLogin(id: Pick<LaneId, 'firstEntry' | 'source'>, loginEntry: number): boolean {
  if (id.firstEntry < loginEntry) return true;
  // First seen carried on the login request itself: held before it, the trace only started there.
  return id.firstEntry === loginEntry && id.source === 'carried';
}

/** A lane's server-rejected resets are a rotation policy when there are at least this many… */
const PERIODIC_MIN_ROTATIONS = 3;
/** …or this many, each of an ID replaced at the one request or page that carried it, none answered as logged out… */
const PERIODIC_MIN_SINGLE_USE = 2;
/** …and they ended at least this share of the requests that carried an ID of the lane. */
const PERIODIC_MIN_SHARE = 0.5;

/**
 * Some servers rotate the session ID on most responses (PHP session_regenerate_id on every request, rolling
 * tokens). On the wire that looks like a server-rejected reset each time; when it happens often enough it is a
 * policy, not a loss: those ends become periodic rotations. Affinity changes keep a reset a reset. Run once the
 * whole trace is replayed (it counts over the lane); it rewrites the ends in place.
 */
export function classifyPeriodicRotation(
  lanes: readonly SessionLane[],
  loginOrigins: ReadonlySet<string>,
  /** The password POSTs (a login attempt's answer tells what the attempt did, not a page's policy). */
  loginAttempts: ReadonlySet<number> = new Set(),
): void {
  for (const lane of lanes) {
    const rejected = lane.ids.filter(
      (id) => id.end?.kind === 'reset' && id.end.cause === 'server-rejected' && !id.end.backendSwitch,
    );
    const carrying = lane.ids.reduce((n, id) => n + id.carriedCount, 0);
    // An ID new on every page, the user still answered as signed in (Monit's `securitytoken`, renewed on each page
    // while the browser's Basic credentials sign the user in; phpMyAdmin's XHRs, each answered with a new value):
    // the server's policy shows from the second. The one request that carried it, or the one page: the favicon a page
    // loads beside it carries the ID too, and is answered with none.
    // Counted without the login's own ID lost on its next hop, which stays a reset (below).
    const singleUse =
      rejected.every((id) => (id.carriedCount === 1 || id.pagesCarried === 1) && !loggedOutAnswerAt(id)) &&
      rejected.filter((id) => !issuedByLoginChain(id)).length >= PERIODIC_MIN_SINGLE_USE;
    const continual =
      (singleUse || rejected.length >= PERIODIC_MIN_ROTATIONS) && rejected.length >= carrying * PERIODIC_MIN_SHARE;
    // Counted after the continual rotation, which it would otherwise thin out.
    if (!continual) {
      if (loginOrigins.has(lane.origin)) classifyAnonymousRenewals(lane, loginAttempts);
      continue;
    }
    for (const id of rejected) {
      // An ID the login or its redirect chain had just issued, replaced on the next hop, stays rejected whatever
      // the lane does elsewhere (RULES.md: a login rotates an ID once): two servers without affinity, round robin,
      // replace every ID too, and there the login's hop is where the user is logged out.
      if (id.end?.kind !== 'reset' || issuedByLoginChain(id)) continue;
      id.end = { kind: 'rotated', entry: id.end.entry, atLogout: false, periodic: true };
    }
  }
}

/** Requests read ahead of a reset for a page that shows the user still signed in: enough for a few pages' assets. */
const SIGNED_IN_LOOKAHEAD = 500;

/**
 * Some servers renew the session ID now and then while the user stays signed in (CodeIgniter's sess_time_to_update,
 * every five minutes by default; an application regenerating at a privilege check): on the wire a server-rejected
 * reset, with nothing to tell it from a server that lost the session but the pages. Where the answer that brought
 * the new ID, or the first page after it that carried the new ID, offers a logout or names the user (a HAR saved
 * with content), the server went on answering as to the user signed in: a renewal, not a loss. A logged-out answer
 * met first keeps the reset, and so does an ID the login or its redirect chain had just issued (RULES.md: a login
 * rotates an ID once) or one replaced beside a back-end switch (the two-node loss). Rewrites the ends in place.
 */
export function classifySignedInRenewals(
  lanes: readonly SessionLane[],
  requests: readonly RequestFacts[],
  signedInPages: ReadonlySet<number>,
  loggedOutAnswers: ReadonlySet<number>,
): void {
  if (signedInPages.size === 0) return;
  let positions: Map<number, number> | undefined;
  for (const lane of lanes) {
    lane.ids.forEach((id, i) => {
      const end = id.end;
      if (end?.kind !== 'reset' || end.cause !== 'server-rejected') return;
      if (end.backendSwitch !== undefined || end.loginEntry !== undefined || end.loggedOutAnswer !== undefined) return;
      const next = lane.ids[i + 1];
      if (next === undefined || next.firstEntry !== end.entry) return;
      positions ??= new Map(requests.map((r, at) => [r.entry, at]));
      const from = positions.get(end.entry);
      if (from === undefined) return;
      // Until the new ID ended (its own end's request is the last that may carry it).
      const until = Math.min(
        requests.length - 1,
        from + SIGNED_IN_LOOKAHEAD,
        next.end === undefined ? Number.POSITIVE_INFINITY : (positions.get(next.end.entry) ?? Number.POSITIVE_INFINITY),
      );
      const shown = firstPageShown(requests, from, until, lane.cookie, next.id, signedInPages, loggedOutAnswers);
      if (shown?.signedIn)
        id.end = { kind: 'rotated', entry: end.entry, atLogout: false, periodic: false, stillSignedInAt: shown.entry };
    });
  }
}

/**
 * The first page from the request at `from` to the one at `until` that tells whether the user was signed in with
 * the new ID: the answer that brought it, then the requests that carried it.
 */
function firstPageShown(
  requests: readonly RequestFacts[],
  from: number,
  until: number,
  cookie: string,
  newId: string,
  signedInPages: ReadonlySet<number>,
  loggedOutAnswers: ReadonlySet<number>,
): { readonly entry: number; readonly signedIn: boolean } | undefined {
  for (let at = from; at <= until; at++) {
    const request = requests[at]!;
    if (at > from && !request.sent.some((c) => c.name === cookie && c.value === newId)) continue;
    if (loggedOutAnswers.has(request.entry)) return { entry: request.entry, signedIn: false };
    if (signedInPages.has(request.entry)) return { entry: request.entry, signedIn: true };
  }
  return undefined;
}

function loggedOutAnswerAt(id: LaneId): boolean {
  return id.end?.kind === 'reset' && id.end.loggedOutAnswer !== undefined;
}

/** A reset of an ID a login or its redirect chain had just issued (ResetEnd.loginEntry). */
function issuedByLoginChain(id: LaneId): boolean {
  return id.end?.kind === 'reset' && id.end.loginEntry !== undefined;
}

/** A site renews the sessions of clients not logged in as a policy when it did so at least this many times. */
const ANONYMOUS_MIN_RENEWALS = 2;

/**
 * On a site whose login the trace shows, some servers start a new session on every page a client not logged in
 * asks for (phpMyAdmin's, Zabbix's and LDAP Account Manager's login pages each issue a new one): every such ID
 * replaced looks like a server-rejected reset, yet no login's session was lost — whether or not the page says so
 * (the login form in its body, kept in a HAR exported with content). Told as that policy when it happened at least twice to
 * IDs no login issued (ResetEnd.anonymous) — not to a first ID the client already held when the trace began, which
 * may have been logged in — or once where the new ID came with the login page itself: a page with a login form
 * answering a request that was no login attempt (Zabbix's `index.php` renews a visitor's session as it shows its form;
 * the user, never logged in, is asked to log in as before). A login's own ID lost on its redirects stays a reset
 * (classifyPeriodicRotation), and so does a visitor's ID lost at a login attempt (a refused login tells that loss).
 */
function classifyAnonymousRenewals(lane: SessionLane, loginAttempts: ReadonlySet<number>): void {
  const renewed = lane.ids.filter(
    (id, i) =>
      id.end?.kind === 'reset' &&
      id.end.anonymous === true &&
      id.end.backendSwitch === undefined &&
      (i > 0 || id.source === 'set-cookie'),
  );
  const policy =
    renewed.length >= ANONYMOUS_MIN_RENEWALS
      ? renewed
      : renewed.filter((id) => renewedWithLoginPage(id, loginAttempts));
  for (const id of policy) {
    if (id.end) id.end = { kind: 'rotated', entry: id.end.entry, atLogout: false, periodic: true, anonymous: true };
  }
}

/** The ID's reset came with a page holding a login form, in answer to a request that was no login attempt. */
function renewedWithLoginPage(id: LaneId, loginAttempts: ReadonlySet<number>): boolean {
  const end = id.end;
  return (
    end?.kind === 'reset' &&
    end.loggedOutAnswer?.loginForm === true &&
    end.loggedOutAnswer.entry === end.entry &&
    !loginAttempts.has(end.entry)
  );
}

/**
 * A client-side store written again at a login attempt that failed (failedLogins.ts: the form posted again, or a
 * password POST that visibly failed; Rails
 * keeps its CSRF token in the session, Laravel re-encrypts its cookie on every response) was updated, not rotated at
 * a login: the next value is the same session re-encoded. Another new ID there was no login's rotation either (a
 * node without the session, an application renewing it at each attempt): told as at a failed attempt, nothing
 * claimed. Told only once the next attempt is seen, so run after the replay, as classifyPeriodicRotation is; it
 * rewrites the ends in place.
 */
export function classifyFailedAttempts(
  lanes: readonly SessionLane[],
  attempts: {
    /** Logins found failed when their form was posted again (failedLogins.ts failedAttempts). */
    readonly postedAgain: ReadonlySet<number>;
    /** Password POSTs answered as failed: an error, the form sent back (visiblyFailedAttempts). */
    readonly answered: ReadonlySet<number>;
  },
  identities?: ReadonlyMap<string, SessionIdentity>,
): void {
  const { postedAgain, answered } = attempts;
  if (postedAgain.size === 0 && answered.size === 0) return;
  const failed = (entry: number) => postedAgain.has(entry) || answered.has(entry);
  for (const lane of lanes) {
    const sealed = identities?.get(lane.cookie)?.sealedStore === true;
    lane.ids.forEach((id, i) => {
      const end = id.end;
      // An ID the failed attempt issued (to carry its error message: tt-rss), deleted later, was no session of the
      // user's: the reset says so (sessionReset.ts).
      if (
        end?.kind === 'reset' &&
        end.cause === 'cleared-by-server' &&
        id.source === 'set-cookie' &&
        failed(id.firstEntry)
      ) {
        id.end = { ...end, failedAttempt: id.firstEntry };
        return;
      }
      // A new ID in answer to a password POST that visibly failed (Adminer renews its session at each attempt), also
      // from another back-end (Tomcat's `.node2` answering the wrong password): the session-backend-switch rule tells
      // the switch, and the ID lost was no logged-in one. Not one answered that the session was gone (Laravel's 419):
      // there the attempt failed because the session was lost, not the password.
      if (
        end?.kind === 'reset' &&
        end.cause === 'server-rejected' &&
        answered.has(end.entry) &&
        !(end.loggedOutAnswer !== undefined && statusSaysSessionGone(end.loggedOutAnswer.status))
      ) {
        id.end = { kind: 'rotated', entry: end.entry, atLogout: false, periodic: false, failedAttempt: 'answered' };
        // A rotation's switch is the lane's (switchBesideEnd), kept in entry order.
        if (end.backendSwitch) {
          const at = lane.backendSwitches.findIndex((b) => b.entry > end.entry);
          lane.backendSwitches.splice(at === -1 ? lane.backendSwitches.length : at, 0, end.backendSwitch);
        }
        return;
      }
      const next = lane.ids[i + 1];
      if (end?.kind !== 'rotated' || end.afterLogin === undefined || !postedAgain.has(end.entry) || !next) return;
      if (sealed || isUpdateOf(id.id, next.id)) id.end = { kind: 'updated', entry: end.entry };
      // A new ID at the wrong password is no login's rotation; what it was, the answer does not tell.
      else
        id.end = { kind: 'rotated', entry: end.entry, atLogout: false, periodic: false, failedAttempt: 'posted-again' };
    });
  }
}
