/**
 * session-fixation: the ID the client held before a successful login is still the one after it (RULES.md). A login
 * that failed is no login: one answered with an error or sent back to the form is never a login fact
 * (loginSignals.ts), and one answered with a page is a failed attempt when the user posts the same form again.
 */
import {
  type AnalysisFacts,
  LOGIN_SIGNAL_TEXT,
  type LoginFact,
  type RequestFacts,
  type SessionLane,
} from '../analysis/facts.ts';
import { domainMatch } from '../cookie/domain.ts';
import { sharedBy } from '../cookie/sharedCookie.ts';
import { signedSessionIdOf } from '../session/tokenData.ts';
import { isContentOnlyStore } from '../session/valueShape.ts';
import { failedAttempts } from './failedLogins.ts';
import { laneByKey, loginEntries } from './helpers.ts';
import { defineRule, type EvidenceValue } from './rule.ts';

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
    // Which logins were failed attempts is asked only where a login kept an ID (most traces have none).
    let failed: ReadonlySet<number> | undefined;
    // One finding per ID kept: a later login that keeps it again (OCS Inventory's page script posts the login's fields
    // again with each table it loads; NagVis's logout keeps the ID, and the next login keeps it again) is the same
    // fixation, told at its first login, which names the later ones.
    const byId = new Map<string, { login: LoginFact; lane: SessionLane; id: string; later: number[] }>();
    for (const login of logins) {
      const kept = loginsOwn(
        login,
        keptIds(login, lanes, ctx.request(login.entry)?.host).filter(
          (l) => !otherPortsCookie(lanes.get(l.laneKey), login.origin),
        ),
        lanes,
        ctx.request,
      );
      if (kept.length === 0) continue;
      failed ??= failedAttempts(logins, ctx.request, ctx.facts.loginAttempts);
      if (failed.has(login.entry)) continue;
      for (const l of kept) {
        const lane = lanes.get(l.laneKey);
        const key = `${l.laneKey}\u0000${l.before}`;
        const first = byId.get(key);
        if (first) first.later.push(login.entry);
        else if (lane) byId.set(key, { login, lane, id: l.before, later: [] });
      }
    }
    return [...byId.values()].map(({ login, lane, id, later }) => {
      const doubts = doubtsOf(login, lane, id, later, lanes, ctx.facts);
      return {
        origin: lane.origin,
        cookie: lane.cookie,
        entry: login.entry,
        url: ctx.request(login.entry)?.url ?? '',
        message: `Login recognised from ${LOGIN_SIGNAL_TEXT[login.signal]}, but ${lane.cookie} kept the same ID ${ctx.show(id)} before and after it.${laterText(later)}${doubts.map((d) => d.text).join('')}`,
        evidence: Object.assign(
          {
            id: { secret: id },
            loginSignal: login.signal,
            ...(later.length > 0 ? { keptAtLaterLogins: later.length } : {}),
          },
          ...doubts.map((d) => d.evidence),
        ),
        ...(doubts.length > 0 ? { severity: 'low' as const } : {}),
      };
    });
  },
});

/** A reason the kept ID may be no fixation: told in the message and the evidence, and any one makes the finding low. */
interface Doubt {
  readonly text: string;
  readonly evidence: Readonly<Record<string, EvidenceValue>>;
}

/** The evidence a doubt adds to the finding (doubtsOf): one of them and the finding only suspects a fixation. */
const DOUBT_EVIDENCE = ['sentWithCredentials', 'choosesPassword', 'unseenAfterLogin', 'issuedBeside'] as const;

/** Whether a session-fixation finding's evidence holds a doubt: what tells it must word it as a suspicion. */
export function fixationDoubted(evidence: Readonly<Record<string, unknown>>): boolean {
  return DOUBT_EVIDENCE.some((key) => evidence[key] !== undefined);
}

/** The doubts on one kept ID, in the order the finding tells them. */
function doubtsOf(
  login: LoginFact,
  lane: SessionLane,
  id: string,
  later: readonly number[],
  lanes: ReadonlyMap<string, SessionLane>,
  facts: AnalysisFacts,
): Doubt[] {
  const doubts: Doubt[] = [];
  if (signedInByHeader(login, lane.cookie, id, facts))
    doubts.push({ text: SIGNED_IN_BY_HEADER, evidence: { sentWithCredentials: true } });
  // A sign-up or a reset that chose a password, with nothing after it showing the user signed in with the ID.
  if (choseWithoutSignIn(login, later, lane.cookie, id, facts))
    doubts.push({ text: PASSWORD_CHOSEN, evidence: { choosesPassword: true } });
  if (!carriedAfter(login, lane, id)) doubts.push({ text: UNSEEN_AFTER, evidence: { unseenAfterLogin: true } });
  const beside = issuedBeside(login, lane, lanes);
  if (beside !== undefined) doubts.push({ text: besideText(lane.cookie, beside), evidence: { issuedBeside: beside } });
  return doubts;
}

/** The later logins that kept the same ID, in words. */
function laterText(later: readonly number[]): string {
  if (later.length === 0) return '';
  if (later.length === 1) return ` The later login at entry ${later[0]} kept it too.`;
  return ` ${later.length} later logins kept it too (entries ${later[0]}–${later[later.length - 1]}).`;
}

const SIGNED_IN_BY_HEADER =
  " The login is HTTP authentication, and every later request that carried this ID also carried the user's Basic credentials: a server that signs the user in by those does not make the kept cookie a logged-in session. It is a fixation only if the server also trusts the cookie without them (send it alone to see).";

const PASSWORD_CHOSEN =
  ' The POST chose a password (its form confirms it): a sign-up or a password reset, which signs the user in only where the application does so (many send a confirmation e-mail first), and nothing after it shows the user signed in with this ID. If it did sign the user in, renew the ID there as at a login.';

function besideText(kept: string, issued: string): string {
  return ` The login issued a new session cookie beside it, ${issued}: if ${issued} is what signs the user in, the kept ${kept} is no fixation; it is one if the server keeps the sign-in in ${kept} too (send ${kept} without ${issued} to see).`;
}

const UNSEEN_AFTER =
  ' No request after the login carried this ID: the server did not replace it, but the recording shows it in no use after the sign-in (another application of the host, or a recording that ends at the login). Record a page after signing in to tell.';

/**
 * A request after the login carried the kept ID on its lane (the same value, or a signed value written again around
 * it): the recording shows the signed-in browser going on with it. Without one, the cookie may be no part of this
 * login at all: a browser sends every cookie of the host with the login's POST, those of the applications on its other
 * ports too (localhost's Jenkins `JSESSIONID.<hash>` cookies beside a JSP application's `JSESSIONID`), or an identity
 * provider's own `JSESSIONID` its sign-in page left.
 */
function carriedAfter(login: LoginFact, lane: SessionLane, id: string): boolean {
  // The lane's IDs know the last request that carried each (LaneId.lastEntry): no walk over the trace's requests, which
  // a trace of many logins would make once for each. The kept ID's signed form is read once, not once per ID.
  const signed = signedSessionIdOf(id);
  for (const held of lane.ids) {
    if (held.lastEntry <= login.entry) continue;
    if (held.id === id || (signed !== undefined && signedSessionIdOf(held.id) === signed)) return true;
  }
  return false;
}

/**
 * The login, and every later one that kept the ID, chose a password (AnalysisFacts.passwordChosen: a sign-up, a reset),
 * and nothing after it shows the user was ever signed in with the ID. A logout that carried it shows they were (the
 * application signed them in at the sign-up without renewing the ID: a fixation), and so does a later page, carrying
 * it, that names the user (AnalysisFacts.pagesNamingUser: "Signed in as alice"). Not the sign-up's own answer nor its
 * redirects, which may name the user only to say an e-mail went to confirm the address.
 */
function choseWithoutSignIn(
  login: LoginFact,
  later: readonly number[],
  cookie: string,
  id: string,
  facts: AnalysisFacts,
): boolean {
  const chosen = facts.passwordChosen;
  if (chosen === undefined || !chosen.has(login.entry) || later.some((entry) => !chosen.has(entry))) return false;
  const naming = facts.pagesNamingUser;
  const signedIn = (r: RequestFacts) =>
    r.logout || (naming !== undefined && naming.has(r.entry) && !login.chain.includes(r.entry));
  return !facts.requests.some(
    (r) => r.entry > login.entry && signedIn(r) && r.sent.some((s) => s.name === cookie && s.value === id),
  );
}

/**
 * The login was HTTP authentication (a 401 answered by the browser's credentials, or an Authorization header
 * appearing), and every later request that carried the kept ID also carried Basic credentials (the browser sends
 * them on each request to the realm): the user is signed in by the header, so an attacker who fixed the cookie
 * gains nothing unless the server also accepts the cookie alone, which the traffic does not show. CUPS's
 * `org.cups.sid` is a CSRF token of that kind. A cookie the user goes on with, without the header, is the session
 * the login made (Cockpit sends Basic credentials once, to its login, then only its cookie).
 */
function signedInByHeader(login: LoginFact, cookie: string, id: string, facts: AnalysisFacts): boolean {
  const withBasic = facts.basicAuthEntries;
  if (withBasic === undefined || (login.signal !== 'after-401' && login.signal !== 'authorization-header'))
    return false;
  let later = 0;
  for (const request of facts.requests) {
    if (request.entry <= login.entry || !request.sent.some((s) => s.name === cookie && s.value === id)) continue;
    if (!withBasic.has(request.entry)) return false;
    later++;
  }
  return later > 0;
}

/**
 * The lanes the login carried and kept. Kept beside a session cookie the login renewed or newly issued, two are not
 * the session's ID, for the login renewed the session or bound it to the new cookie:
 * - one only possibly a session (an opaque token sent back, no more): Adminer renews `adminer_sid` and keeps
 *   `adminer_key`, a key it holds for the browser; SimpleSAMLphp keeps `SimpleSAML` and issues
 *   `SimpleSAMLAuthToken`, which it checks against the session's copy;
 * - at an identity provider's sign-in response, an ID written by the response that sent the browser to that
 *   provider: the handshake's state (djangosaml2 keeps pysaml2's `saml_session`, written as it sends the SAML
 *   request, and issues Django's `sessionid` at the assertion consumer service).
 * Any other kept beside it is fixation (a PHPSESSID kept beside a new remember-me cookie).
 */
function keptIds(
  login: LoginFact,
  lanes: ReadonlyMap<string, SessionLane>,
  loginHost: string | undefined,
): LoginFact['lanes'] {
  const carried = login.lanes;
  const renewed = carried.some((l) => l.after !== undefined && l.after !== l.before) || issuesSession(login, lanes);
  return carried.filter(
    (l) =>
      l.after !== undefined &&
      sameId(l.before, l.after) &&
      !(renewed && bindsNoSession(login, l, lanes)) &&
      !issuedInAnotherSlot(login, l, lanes, loginHost) &&
      !renewalRefused(login, l, lanes),
  );
}

/**
 * The login's response or redirect chain did issue a new ID for the kept one, and the browser refused that cookie
 * (SameSite=None without Secure, a Secure cookie over http://, one past 4096 bytes: LaneId.incidents) and kept the ID it
 * had: the server renewed the session, so the ID kept is no fixation but a login that never reached the browser
 * (session-not-established).
 */
function renewalRefused(
  login: LoginFact,
  kept: LoginFact['lanes'][number],
  lanes: ReadonlyMap<string, SessionLane>,
): boolean {
  const held = lanes.get(kept.laneKey)?.ids.find((id) => id.id === kept.before);
  if (held === undefined || held.incidents.length === 0) return false;
  const atLogin = loginEntries(login);
  return held.incidents.some((incident) => atLogin.has(incident.entry));
}

/**
 * The login's response or redirect chain set a new ID under the kept cookie's name in another slot (another Domain
 * or Path) that the login's host is sent as well: the login did renew the session, and the kept cookie is a stale
 * copy the browser still holds beside the new one (a Domain deployed under logged-in users: the old host-only cookie
 * outlives the change). Sent together, the two are told as shadowed (session-shadowed), not as a fixation. A cookie
 * of that name on another host (an identity provider's and its application's `sessionid`) is another server's.
 */
function issuedInAnotherSlot(
  login: LoginFact,
  kept: LoginFact['lanes'][number],
  lanes: ReadonlyMap<string, SessionLane>,
  loginHost: string | undefined,
): boolean {
  const cookie = lanes.get(kept.laneKey)?.cookie;
  if (loginHost === undefined) return false;
  const atLogin = loginEntries(login);
  for (const lane of lanes.values()) {
    if (lane.key === kept.laneKey || lane.cookie !== cookie || !domainMatch(loginHost, lane.domain)) continue;
    if (lane.ids.some((id) => id.source === 'set-cookie' && atLogin.has(id.firstEntry) && id.id !== kept.before))
      return true;
  }
  return false;
}

/**
 * The same ID: the same value, or a signed server-side ID written again around it (tokenData.ts signedSessionIdOf).
 * A store that holds content and no ID is no ID kept, whatever its value (isContentOnlyStore).
 */
function sameId(before: string, after: string): boolean {
  if (after === before) return !isContentOnlyStore(before);
  const signed = signedSessionIdOf(before);
  return signed !== undefined && signed === signedSessionIdOf(after);
}

function bindsNoSession(
  login: LoginFact,
  kept: LoginFact['lanes'][number],
  lanes: ReadonlyMap<string, SessionLane>,
): boolean {
  const lane = lanes.get(kept.laneKey);
  if (lane === undefined) return false;
  if (lane.confidence === 'possible') return true;
  return login.signal === 'sign-in-response' && lane.ids.some((id) => id.id === kept.before && id.startsSignIn);
}

/**
 * Of several kept IDs, the ones the login's answer (or its redirect chain) wrote back unchanged, where it wrote back
 * some and not all: the session the login saved the user in, the others carried along untouched (EverShop's admin
 * login saves its `asid` session and sets it again; the storefront's `sid` rides along with every request to the
 * host). Otherwise those that do not ride along beside a surer session (ridesAlong), else all of them.
 */
function loginsOwn(
  login: LoginFact,
  kept: LoginFact['lanes'],
  lanes: ReadonlyMap<string, SessionLane>,
  request: (entry: number) => RequestFacts | undefined,
): LoginFact['lanes'] {
  if (kept.length < 2) return kept;
  const written = kept.filter((l) => {
    const cookie = lanes.get(l.laneKey)?.cookie;
    return [login.entry, ...login.chain].some((entry) =>
      request(entry)?.setCookies.some((c) => c.session && c.name === cookie && c.value === l.before),
    );
  });
  if (written.length > 0) return written;
  const own = kept.filter((l) => !ridesAlong(lanes.get(l.laneKey)));
  return own.length > 0 ? own : kept;
}

/**
 * A kept cookie only possibly a session that no response of the trace ever set: beside a surer session the login kept,
 * it is a cookie the browser sends to the host with every request, the login's among them, not the login's session.
 * Browsers send the cookies of every application on a host whatever the port (RFC 6265 8.5): a JSP login on
 * localhost carries the `JSESSIONID.<hash>` cookies of the Jenkins beside it, which the login's server never issued.
 * Told alone (no surer session kept), it stays a finding, its doubts making it low.
 */
function ridesAlong(lane: SessionLane | undefined): boolean {
  return lane !== undefined && lane.confidence === 'possible' && lane.ids.every((id) => id.source === 'carried');
}

/** The login's response or redirect chain set the first ID of a lane it did not carry, surer than a possible one. */
function issuesSession(login: LoginFact, lanes: ReadonlyMap<string, SessionLane>): boolean {
  return issuedSessions(login, lanes).length > 0;
}

/** The session lanes the login (or its redirect chain) issued a first ID to, of cookies it did not carry. */
function issuedSessions(login: LoginFact, lanes: ReadonlyMap<string, SessionLane>): SessionLane[] {
  const carried = carriedKeys(login);
  const atLogin = loginEntries(login);
  return [...lanes.values()].filter((lane) => !carried.has(lane.key) && issuedAt(lane, atLogin));
}

/** The lane, surer than a possible one, has an ID that a response of the login (or its chain) set. */
function issuedAt(lane: SessionLane, atLogin: ReadonlySet<number>): boolean {
  return (
    lane.confidence !== 'possible' && lane.ids.some((id) => id.source === 'set-cookie' && atLogin.has(id.firstEntry))
  );
}

function carriedKeys(login: LoginFact): Set<string> {
  return new Set(login.lanes.map((l) => l.laneKey));
}

/**
 * A session cookie of the kept one's origin that the login issued anew beside it (Spring Session's `SESSION` kept
 * while the login sets `Jwt-Token`; ASP.NET's `ASP.NET_SessionId` kept beside a new `.ASPXAUTH`): the sign-in may live
 * in the new cookie, which no one could have planted, and then the kept ID is no fixation. Its name, else undefined.
 * One the login carried and wrote again (a user signing in again: the note app's `Jwt-Token` re-issued for the same
 * user) is such a cookie too, told only where no cookie it did not carry was issued.
 */
function issuedBeside(
  login: LoginFact,
  kept: SessionLane,
  lanes: ReadonlyMap<string, SessionLane>,
): string | undefined {
  const atLogin = loginEntries(login);
  const issued = [...lanes.values()].filter(
    (lane) => lane.origin === kept.origin && lane.cookie !== kept.cookie && issuedAt(lane, atLogin),
  );
  const carried = carriedKeys(login);
  return (issued.find((lane) => !carried.has(lane.key)) ?? issued[0])?.cookie;
}

/**
 * A cookie of the server on another port of the login's host (cookie/sharedCookie.ts): browsers send cookies whatever
 * the port (RFC 6265 8.5), so an identity provider's session reaches the application on the same machine (both on
 * localhost while a developer runs them), yet it is the other server's to rotate, not this login's.
 */
function otherPortsCookie(lane: SessionLane | undefined, loginOrigin: string): boolean {
  return lane !== undefined && sharedBy(lane.origin, loginOrigin, lane.domain) === 'port';
}
