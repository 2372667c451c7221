// session-rotated's decisions, as tables of facts → end: when a new value is an update in place (no new ID),
// when a replaced ID was rotated (a login that rotates it, a logout), which IDs a login rotates, and when a
// lane's resets are a rotation policy. The scenarios through the whole engine are in sessionRotated.test.ts.
import { describe, expect, it } from 'vitest';
import { AT, heldId, idChange } from '../../../test/helpers/idChange.ts';
import type { LaneId, ResetEnd, SessionLane } from '../analysis/facts.ts';
import { classifyPeriodicRotation, rotatesAtLogin, rotationOf, updateOf } from './sessionRotated.ts';

const STRUCTURED = { held: heldId({ id: 'uid=42&cart=1' }), issued: 'uid=42&cart=2' };
const TO_LOGIN = { entry: AT, status: 302, loginPage: 'https://shop.test/login' };

describe('updateOf', () => {
  it.each([
    ['a structured value keeping its uid', idChange(STRUCTURED), true],
    ['an opaque value replaced', idChange(), false],
    ['a structured value naming another uid', idChange({ ...STRUCTURED, issued: 'uid=43&cart=1' }), false],
    ['not carried (the server never saw it)', idChange({ ...STRUCTURED, carried: false }), false],
    ['at a logout', idChange({ ...STRUCTURED, logout: true }), false],
    ['on the login request itself', idChange({ ...STRUCTURED, login: { signal: 'password-post', entry: AT } }), false],
    ['on a hop of a login chain', idChange({ ...STRUCTURED, login: { signal: 'password-post', entry: 3 } }), true],
    // A request in flight beside the response that set the held value, carrying the value it replaced.
    [
      'in flight with the replaced value',
      idChange({ ...STRUCTURED, carried: false, carriedReplaced: 'uid=42&cart=0' }),
      true,
    ],
    [
      'in flight with a replaced value of another uid',
      idChange({ ...STRUCTURED, carried: false, carriedReplaced: 'uid=41&cart=0' }),
      false,
    ],
    // Written anew with an answer as to a client not logged in, on a session a login issued (savedUnreadable).
    [
      'sent to the login page, a login session',
      idChange({ ...STRUCTURED, sessionLogin: 2, loggedOutAnswer: TO_LOGIN }),
      false,
    ],
    [
      'a 401, a login session',
      idChange({ ...STRUCTURED, sessionLogin: 2, loggedOutAnswer: { entry: AT, status: 401 } }),
      false,
    ],
    ['sent to the login page, no login seen', idChange({ ...STRUCTURED, loggedOutAnswer: TO_LOGIN }), true],
    [
      'a 403, a login session',
      idChange({ ...STRUCTURED, sessionLogin: 2, loggedOutAnswer: { entry: AT, status: 403 } }),
      true,
    ],
    [
      'a password form shown, a login session',
      idChange({ ...STRUCTURED, sessionLogin: 2, loggedOutAnswer: { entry: AT, status: 200, loginForm: true } }),
      true,
    ],
    [
      'the login page sending to itself, a login session',
      idChange({ ...STRUCTURED, path: '/login', sessionLogin: 2, loggedOutAnswer: TO_LOGIN }),
      true,
    ],
  ])('%s → update: %s', (_, change, expected) => {
    expect(updateOf(change)).toEqual(expected ? { kind: 'updated', entry: AT } : undefined);
  });
});

describe('rotationOf', () => {
  it.each([
    ['no login, no logout', idChange(), undefined],
    [
      'a login (password POST) open, the ID held before it',
      idChange({ login: { signal: 'password-post', entry: 2 } }),
      { kind: 'rotated', entry: AT, afterLogin: 'password-post', atLogout: false, periodic: false },
    ],
    ['a logout', idChange({ logout: true }), { kind: 'rotated', entry: AT, atLogout: true, periodic: false }],
    [
      'a login whose chain issued the ID',
      idChange({ held: heldId({ firstEntry: 3 }), login: { signal: 'auth-cookie', entry: 3 } }),
      undefined,
    ],
    ['a logout, the ID not carried', idChange({ logout: true, carried: false }), undefined],
  ])('%s → %o', (_, change, expected) => {
    expect(rotationOf(change)).toEqual(expected);
  });
});

describe('rotatesAtLogin', () => {
  it.each([
    [2, 'set-cookie', true], // held before the login
    [5, 'carried', true], // carried on the login request itself: held before it
    [5, 'set-cookie', false], // issued by the login
    [6, 'carried', false], // first seen on the login's chain
  ] as const)('first seen at %i (%s), login at 5 → %s', (firstEntry, source, expected) => {
    expect(rotatesAtLogin({ firstEntry, source }, 5)).toBe(expected);
  });
});

describe('classifyPeriodicRotation', () => {
  const rejected = (entry: number, extra: Partial<ResetEnd> = {}): LaneId =>
    heldId({
      firstEntry: entry - 1,
      carriedCount: 1,
      end: { kind: 'reset', entry, cause: 'server-rejected', atLogout: false, ...extra },
    });
  const lane = (ids: LaneId[]): SessionLane => ({
    key: 'k',
    cookie: 'sid',
    domain: 'shop.test',
    path: '/',
    origin: 'https://shop.test',
    identifiedBy: 'name',
    confidence: 'likely',
    evidence: [],
    thirdParty: false,
    ids,
    backendSwitches: [],
  });
  const kinds = (l: SessionLane) =>
    l.ids.map((id) => (id.end?.kind === 'rotated' && id.end.periodic ? 'periodic' : id.end?.kind));

  it.each([
    [
      'three rejections on three carrying requests',
      [rejected(1), rejected(2), rejected(3)],
      ['periodic', 'periodic', 'periodic'],
    ],
    [
      'two rejections of IDs each replaced at the one request that carried it: the policy shows from the second',
      [rejected(1), rejected(2), heldId({ carriedCount: 1 })],
      ['periodic', 'periodic', undefined],
    ],
    [
      'two rejections, one of an ID carried by two pages: too few',
      [rejected(1), heldId({ ...rejected(3), carriedCount: 2, pagesCarried: 2 })],
      ['reset', 'reset'],
    ],
    [
      'two rejections, one of an ID carried by one page and the favicon beside it: each replaced at its one page',
      [rejected(1), heldId({ ...rejected(3), carriedCount: 2, pagesCarried: 1 }), heldId({ carriedCount: 1 })],
      ['periodic', 'periodic', undefined],
    ],
    [
      "two single-use rejections, one of an ID the login's chain had just issued: too few (that one stays a reset)",
      [rejected(1, { loginEntry: 0 }), rejected(2), heldId({ carriedCount: 1 })],
      ['reset', 'reset', undefined],
    ],
    [
      'two single-use rejections, one answered as to a client logged out: too few',
      [rejected(1), rejected(2, { loggedOutAnswer: { entry: 2, status: 401 } })],
      ['reset', 'reset'],
    ],
    [
      'three rejections among many carrying requests',
      [rejected(1), rejected(2), rejected(3), heldId({ carriedCount: 10 })],
      ['reset', 'reset', 'reset', undefined],
    ],
    [
      'a rejection with a back-end switch stays a reset',
      [rejected(1), rejected(2), rejected(3), rejected(4, { backendSwitch: { entry: 4, changes: ['x'] } })],
      ['periodic', 'periodic', 'periodic', 'reset'],
    ],
  ])('%s', (_, ids, expected) => {
    const l = lane(ids);
    classifyPeriodicRotation([l], new Set());
    expect(kinds(l)).toEqual(expected);
  });

  describe('a client not logged in, its ID renewed once (a site whose login the trace shows)', () => {
    const answer = (entry: number, loginForm: boolean) => ({ entry, status: 200, ...(loginForm ? { loginForm } : {}) });
    const visitor = (entry: number, extra: Partial<ResetEnd> = {}, id: Partial<LaneId> = {}) =>
      heldId({ ...rejected(entry, { anonymous: true, ...extra }), source: 'set-cookie', carriedCount: 4, ...id });
    it.each([
      [
        "with the login page, asked for by a page request: the page's policy",
        visitor(4, { loggedOutAnswer: answer(4, true) }),
        [],
        'periodic',
      ],
      ['with a page without a login form: a reset', visitor(4, { loggedOutAnswer: answer(4, false) }), [], 'reset'],
      ['with no answer read: a reset', visitor(4), [], 'reset'],
      [
        'with the login form again at a login attempt: a reset (the refused login tells it)',
        visitor(4, { loggedOutAnswer: answer(4, true) }),
        [4],
        'reset',
      ],
      [
        'an ID held before the trace began, answered with the login page: a reset (it may have been logged in)',
        visitor(4, { loggedOutAnswer: answer(4, true) }, { source: 'carried' }),
        [],
        'reset',
      ],
    ] as const)('%s', (_, id, attempts, expected) => {
      const l = lane([id, heldId({ carriedCount: 5 })]);
      classifyPeriodicRotation([l], new Set([l.origin]), new Set(attempts));
      expect(kinds(l)[0]).toBe(expected);
    });
  });
});
