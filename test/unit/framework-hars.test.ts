// Real web frameworks, recorded in Chromium by scripts/record-framework-hars.ts (the apps are in test/frameworks/):
// each browse – wrong password – login – logout (or login, then the server loses the session) reads as what the
// framework did, with the alarms its configuration deserves and no other. Each of these recordings once raised false alarms (a402391, 169bfda, 7c3671c).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { type AnalysisResult, analyzeTrace } from '../../src/core/analysis/analyze.ts';
import type { IdEnd } from '../../src/core/analysis/facts.ts';
import { parseTraceFile } from '../../src/core/open/readTrace.ts';

const FIXTURES = new URL('../fixtures/framework-har/', import.meta.url);

function analyse(id: string): AnalysisResult {
  return analyzeTrace(parseTraceFile(readFileSync(new URL(`${id}.har`, FIXTURES), 'utf8'), `${id}.har`));
}

/** An ID's end in a word: `rotated@login`, `rotated@logout`, `reset:cleared-by-server@logout`, `updated`. */
function endOf(end: IdEnd | undefined): string {
  if (end === undefined) return 'live';
  if (end.kind === 'rotated') return `rotated@${end.afterLogin ? 'login' : end.atLogout ? 'logout' : 'none'}`;
  if (end.kind === 'reset') return `reset:${end.cause}${end.atLogout ? '@logout' : ''}`;
  return end.kind;
}

interface Expected {
  /** The session cookie's name. */
  readonly cookie: string;
  /** Its IDs' ends in order, updates of one client-side store folded into one `updated`. */
  readonly ends: readonly string[];
  /** Every finding at medium or above, as `rule cookie`. */
  readonly alarms: readonly string[];
}

const EXPECTED: Readonly<Record<string, Expected>> = {
  // session_regenerate_id(true) at login; session_destroy() and an expired cookie at logout.
  'php-native': {
    cookie: 'PHPSESSID',
    ends: ['rotated@login', 'reset:cleared-by-server@logout', 'live'],
    alarms: ['cookie-no-httponly PHPSESSID'],
  },
  // The same without session_regenerate_id: the pre-login ID is kept, a fixation.
  'php-no-regenerate': {
    cookie: 'PHPSESSID',
    ends: ['reset:cleared-by-server@logout', 'live'],
    alarms: ['session-fixation PHPSESSID', 'cookie-no-httponly PHPSESSID'],
  },
  // login() cycles the key; logout() flushes the session and deletes the cookie.
  'django-db': {
    cookie: 'sessionid',
    ends: ['rotated@login', 'reset:cleared-by-server@logout', 'live'],
    alarms: [],
  },
  // The whole session signed into the cookie, saved again at every change: updates, a new value at login.
  'django-signed-cookies': {
    cookie: 'sessionid',
    ends: ['updated', 'rotated@login', 'updated', 'reset:cleared-by-server@logout', 'updated', 'live'],
    alarms: ['session-client-side-data sessionid'],
  },
  flask: {
    cookie: 'session',
    ends: ['updated', 'rotated@login', 'updated', 'reset:cleared-by-server@logout', 'updated', 'live'],
    alarms: ['session-client-side-data session'],
  },
  // URL rewriting until the cookie comes back; request.changeSessionId() at login; session.invalidate() at logout
  // leaves the cookie, and the logout's redirect target gets a new ID.
  tomcat: {
    cookie: 'JSESSIONID',
    ends: ['rotated@login', 'rotated@logout', 'live'],
    alarms: ['session-id-in-url JSESSIONID', 'session-id-in-url JSESSIONID'],
  },
  // Two Tomcat nodes that do not share sessions, behind nginx's round robin: the session is lost each time a
  // request lands on the other node, first on the login's own redirect; every move is a back-end switch.
  'tomcat-cluster-no-affinity': {
    cookie: 'JSESSIONID',
    ends: [
      'rotated@login',
      'rotated@login',
      'reset:server-rejected',
      'reset:server-rejected',
      'rotated@logout',
      'reset:server-rejected',
      'reset:server-rejected',
      'live',
    ],
    alarms: [
      ...Array<string>(2).fill('session-id-in-url JSESSIONID'),
      ...Array<string>(4).fill('session-reset JSESSIONID'),
      ...Array<string>(7).fill('session-backend-switch JSESSIONID'),
    ],
  },
  // Passport on express-session: req.login() regenerates the session; the logout destroys it and clears the cookie.
  'express-passport': {
    cookie: 'connect.sid',
    ends: ['rotated@login', 'reset:cleared-by-server@logout', 'live'],
    alarms: [],
  },
  // Mozilla's client-sessions: the session encrypted into the cookie again at every save; reset() at login and logout.
  'client-sessions': {
    cookie: 'session',
    ends: ['updated', 'rotated@login', 'updated', 'rotated@logout', 'updated', 'live'],
    alarms: [],
  },
  // Lost on the server after the login: PHP's session files expired. Without strict mode PHP starts an empty
  // session under the ID it was sent, so nothing changes on the wire but the answer: the account page sends the
  // user to the login form (session-rejected). With strict mode it issues a new ID (a server-rejected reset).
  'php-session-expired': {
    cookie: 'PHPSESSID',
    ends: ['rotated@login', 'live'],
    alarms: ['session-rejected PHPSESSID', 'cookie-no-httponly PHPSESSID'],
  },
  'php-session-expired-strict': {
    cookie: 'PHPSESSID',
    ends: ['rotated@login', 'reset:server-rejected', 'live'],
    alarms: ['session-reset PHPSESSID', 'cookie-no-httponly PHPSESSID'],
  },
  // A memory store restarted after the login: the next page gets a new ID.
  'fastify-session-restart': {
    cookie: 'sessionId',
    ends: ['rotated@login', 'reset:server-rejected', 'live'],
    alarms: ['session-reset sessionId'],
  },
  // An encrypted cookie store, re-encrypted at every request; reset_session at login and at logout. The wrong
  // password's form (its CSRF token kept in the session) is an update: the same form posted again says it failed.
  'rails-cookie-store': {
    cookie: '_demo_session',
    ends: ['updated', 'rotated@login', 'updated', 'rotated@logout', 'updated', 'live'],
    alarms: [],
  },
  // aiohttp-session's encrypted storage: the session as a Fernet token, new at every save (quoted, as aiohttp writes it).
  'aiohttp-encrypted-cookie': {
    cookie: 'AIOHTTP_SESSION',
    ends: ['updated', 'rotated@login', 'updated', 'reset:cleared-by-server@logout', 'updated', 'live'],
    alarms: [],
  },
  // The session encrypted into the cookie with a new nonce at every save; regenerate() at login, delete() at logout.
  'fastify-secure-session': {
    cookie: 'session',
    ends: ['updated', 'rotated@login', 'updated', 'reset:cleared-by-server@logout', 'updated', 'live'],
    alarms: [],
  },
  // A server-side session: regenerate() at login; destroy() at logout leaves the cookie, the next page gets a new ID.
  'fastify-session': {
    cookie: 'sessionId',
    ends: ['rotated@login', 'rotated@logout', 'live'],
    alarms: [],
  },
  // Base64 JSON signed in a second cookie: readable; a new object at login, null at logout.
  'koa-session': {
    cookie: 'koa.sess',
    ends: ['updated', 'rotated@login', 'updated', 'reset:cleared-by-server@logout', 'updated', 'live'],
    alarms: ['session-client-side-data koa.sess'],
  },
};

describe.each(Object.entries(EXPECTED))('%s.har', (id, expected) => {
  const result = analyse(id);

  it('follows the session through the login and the logout as the framework did', () => {
    const lanes = result.facts.lanes.filter((l) => l.cookie === expected.cookie);
    expect(lanes).toHaveLength(1);
    const ends = lanes[0]!.ids
      .map((i) => endOf(i.end))
      .filter((end, i, all) => end !== 'updated' || all[i - 1] !== end);
    expect(ends).toEqual(expected.ends);
    expect(result.sessions.map((s) => s.cookie)).toEqual([expected.cookie]);
  });

  it('raises the alarms its configuration deserves, and no other', () => {
    const alarms = result.findings
      .filter((f) => f.severity === 'medium' || f.severity === 'high')
      .map((f) => `${f.rule} ${f.cookie ?? ''}`);
    expect(alarms.sort()).toEqual([...expected.alarms].sort());
  });
});

describe('tomcat-cluster-no-affinity.har', () => {
  it("names the login's redirect as where the session was lost, and the node it moved to", () => {
    const result = analyse('tomcat-cluster-no-affinity');
    const login = result.facts.logins.at(-1)!;
    const first = result.findings.find((f) => f.rule === 'session-reset')!;
    expect(first.evidence.issuedByLoginAt).toBe(login.entry);
    expect(first.message).toContain('the login did not survive its own redirects');
    const moved = result.findings.find((f) => f.rule === 'session-backend-switch' && f.entry === first.entry);
    expect(moved?.message).toMatch(/JSESSIONID route: node\d → node\d/);
  });
});
