// SessionLanes on its own: what a request carried, was not sent and was set does to the lanes. The outcomes of
// Set-Cookie lines come from the real jar; identities and facts are written as the replay hands them over.
import { describe, expect, it } from 'vitest';
import { CookieJar } from '../cookie/jar.ts';
import { parseSetCookie } from '../cookie/parseSetCookie.ts';
import type { TraceEntry } from '../trace/types.ts';
import {
  laneKey,
  type NotSentCookieFact,
  type SentCookieFact,
  type SessionIdentity,
  type SetCookieFact,
} from './facts.ts';
import type { LaneChangeContext, LaneUrl } from './sessionLanes.ts';
import { NOTHING_CARRIED, SessionLanes } from './sessionLanes.ts';

const IDENTITY: SessionIdentity = { confidence: 'likely', evidence: ['named like a session ID'], against: [] };
const ID_A = 'a1B2c3D4e5F6g7H8i9J0kLmN';
const ID_B = 'z9Y8x7W6v5U4t3S2r1Q0pOnM';
const KEY = laneKey('shop.test', '/', 'sid');

function lanes(firstParty = ['shop.test']): SessionLanes {
  return new SessionLanes((name) => (name === 'sid' ? IDENTITY : undefined), new Set(firstParty));
}

function url(text: string): LaneUrl {
  const parsed = new URL(text);
  return { url: parsed, host: parsed.hostname, origin: parsed.origin };
}

const sent = (value: string): SentCookieFact => ({ name: 'sid', value, domain: 'shop.test', path: '/', session: true });

function context(over: Partial<LaneChangeContext> = {}): LaneChangeContext {
  return {
    carried: NOTHING_CARRIED,
    notSent: [],
    sent: [],
    login: undefined,
    loginEntry: undefined,
    loggedOut: undefined,
    entry: {
      index: 0,
      startedAt: 0,
      request: { method: 'GET', url: 'https://shop.test/', headers: [] },
    } as unknown as TraceEntry,
    logout: false,
    arrivedAt: undefined,
    ...over,
  };
}

/** The facts of Set-Cookie lines as the replay makes them, stored in a real jar. */
function setCookies(jar: CookieJar, lines: string[], at: string, entry: number): SetCookieFact[] {
  return lines.map((line) => {
    const outcome = jar.setCookie(line, at, 1_000 * entry, { entry });
    const parsed = parseSetCookie(line);
    const cookie = parsed.ok ? parsed.cookie : undefined;
    return {
      line,
      outcome,
      name: cookie?.name ?? '',
      value: cookie?.value ?? '',
      session: cookie?.name === 'sid',
      ...(cookie ? { parsed: cookie } : {}),
    };
  });
}

describe('SessionLanes', () => {
  it('opens a lane at the first carried session cookie and counts the requests that carry each ID, and the pages', () => {
    const l = lanes();
    const other: SentCookieFact = { name: 'theme', value: 'dark', domain: 'shop.test', path: '/', session: false };
    const carried = l.noteCarried([sent(ID_A), other], 0, 'https://shop.test', 0 * 1_000, true);
    expect([...carried]).toEqual([[KEY, ID_A]]);
    // Not a page: the favicon beside it.
    l.noteCarried([sent(ID_A)], 1, 'https://shop.test', 1 * 1_000, false);
    l.noteCarried([sent(ID_B)], 2, 'https://shop.test', 2 * 1_000, true);
    const [lane] = l.snapshot();
    expect(lane).toMatchObject({ key: KEY, cookie: 'sid', origin: 'https://shop.test', thirdParty: false });
    expect(
      lane!.ids.map(({ id, firstEntry, lastEntry, carriedCount, pagesCarried, source, end }) => ({
        id,
        firstEntry,
        lastEntry,
        carriedCount,
        pagesCarried,
        source,
        end,
      })),
    ).toEqual([
      // A value that changed with no Set-Cookie seen: the old ID ended unseen where the new one appeared.
      {
        id: ID_A,
        firstEntry: 0,
        lastEntry: 1,
        carriedCount: 2,
        pagesCarried: 1,
        source: 'carried',
        end: { kind: 'replaced-unseen', entry: 2 },
      },
      { id: ID_B, firstEntry: 2, lastEntry: 2, carriedCount: 1, pagesCarried: 1, source: 'carried', end: undefined },
    ]);
  });

  it('gives the shared empty map to a request that carried no session cookie', () => {
    expect(lanes().noteCarried([], 0, 'https://shop.test', 0 * 1_000, true)).toBe(NOTHING_CARRIED);
  });

  it('marks a lane outside the inspected site third-party', () => {
    const l = lanes(['other.test']);
    l.noteCarried([sent(ID_A)], 0, 'https://shop.test', 0 * 1_000, true);
    expect(l.snapshot()[0]!.thirdParty).toBe(true);
  });

  it('ends the live ID at the first request it was not sent on for expiry, and only that ID', () => {
    const l = lanes();
    l.noteCarried([sent(ID_A)], 0, 'https://shop.test', 0 * 1_000, true);
    const notSent = (value: string, reason: NotSentCookieFact['reason']): NotSentCookieFact => ({
      name: 'sid',
      value,
      domain: 'shop.test',
      path: '/',
      reason,
      session: true,
    });
    l.noteNotSent([notSent(ID_B, 'Expired'), notSent(ID_A, 'NotOnPath')], 3);
    expect(l.get(KEY)!.ids[0]!.end).toBeUndefined();
    l.noteNotSent([notSent(ID_A, 'Expired')], 4);
    expect(l.get(KEY)!.ids[0]!.end).toEqual({
      kind: 'reset',
      entry: 4,
      cause: 'expired',
      notSentReason: 'Expired',
      atLogout: false,
    });
  });

  it('ends the live ID at a removal outside responses only when it is that value and the jar held it', () => {
    const l = lanes();
    l.noteCarried([sent(ID_A)], 5, 'https://shop.test', 5 * 1_000, true);
    l.noteRemoval(KEY, ID_B, 'explicit', () => true);
    l.noteRemoval(KEY, ID_A, 'explicit', () => false);
    expect(l.get(KEY)!.ids[0]!.end).toBeUndefined();
    l.noteRemoval(KEY, ID_A, 'explicit', () => true);
    // At the last request that carried it: the removal happened after it.
    expect(l.get(KEY)!.ids[0]!.end).toEqual({ kind: 'reset', entry: 5, cause: 'cleared-by-script', atLogout: false });
  });

  it('ends the IDs a browser run left open when the next run starts', () => {
    const l = lanes();
    l.noteCarried([sent(ID_A)], 0, 'https://shop.test', 0 * 1_000, true);
    l.endRun(9);
    expect(l.get(KEY)!.ids[0]!.end).toEqual({ kind: 'run-ended', entry: 9 });
  });

  it('starts the ID a response stored, ending the one the request carried as the rules decide', () => {
    const l = lanes();
    const jar = new CookieJar();
    const at = 'https://shop.test/login';
    setCookies(jar, [`sid=${ID_A}; Path=/; Secure; HttpOnly`], at, 0);
    const carried = l.noteCarried([sent(ID_A)], 1, 'https://shop.test', 1 * 1_000, true);
    const facts = setCookies(jar, [`sid=${ID_B}; Path=/; Secure; HttpOnly`], at, 1);
    l.applyResponse(
      1,
      url(at),
      facts,
      new Map(),
      [],
      context({ carried, sent: [sent(ID_A)], login: 'password-post', loginEntry: 1 }),
    );
    const ids = l.get(KEY)!.ids;
    expect(ids.map((id) => [id.id, id.source, id.firstEntry])).toEqual([
      [ID_A, 'carried', 1],
      [ID_B, 'set-cookie', 1],
    ]);
    expect(ids[0]!.end).toMatchObject({ kind: 'rotated', entry: 1, afterLogin: 'password-post' });
  });

  it('keeps the ID a response sends again unchanged (its expiry refreshed)', () => {
    const l = lanes();
    const jar = new CookieJar();
    const at = 'https://shop.test/';
    const carried = l.noteCarried([sent(ID_A)], 0, 'https://shop.test', 0 * 1_000, true);
    l.applyResponse(0, url(at), setCookies(jar, [`sid=${ID_A}; Path=/`], at, 0), new Map(), [], context({ carried }));
    expect(l.get(KEY)!.ids.map((id) => [id.id, id.end])).toEqual([[ID_A, undefined]]);
  });

  it('ends the live ID when a response deletes its cookie', () => {
    const l = lanes();
    const jar = new CookieJar();
    const at = 'https://shop.test/logout';
    setCookies(jar, [`sid=${ID_A}; Path=/`], at, 0);
    const carried = l.noteCarried([sent(ID_A)], 1, 'https://shop.test', 1 * 1_000, true);
    const facts = setCookies(jar, ['sid=; Path=/; Max-Age=0'], at, 1);
    expect(facts[0]!.outcome.kind).toBe('deleted');
    l.applyResponse(1, url(at), facts, new Map(), [], context({ carried, sent: [sent(ID_A)], logout: true }));
    expect(l.get(KEY)!.ids).toHaveLength(1);
    expect(l.get(KEY)!.ids[0]!.end).toMatchObject({ kind: 'reset', entry: 1 });
  });

  it('records a new ID the browser refused as an incident of the ID the client keeps', () => {
    const l = lanes();
    const jar = new CookieJar();
    setCookies(jar, [`sid=${ID_A}; Path=/; Secure`], 'https://shop.test/', 0);
    const carried = l.noteCarried([sent(ID_A)], 1, 'https://shop.test', 1 * 1_000, true);
    // Over http://, a Secure cookie cannot be set nor overwrite the Secure one (RFC 6265bis 5.7 steps 13, 16).
    const at = 'http://shop.test/';
    const facts = setCookies(jar, [`sid=${ID_B}; Path=/`], at, 1);
    expect(facts[0]!.outcome.kind).toBe('rejected');
    l.applyResponse(1, url(at), facts, new Map(), [], context({ carried, sent: [sent(ID_A)] }));
    const [held] = l.get(KEY)!.ids;
    expect(l.get(KEY)!.ids).toHaveLength(1);
    expect(held!.end).toBeUndefined();
    expect(held!.incidents).toHaveLength(1);
  });

  it('hands out copies: a snapshot does not change as the lanes go on', () => {
    const l = lanes();
    l.noteCarried([sent(ID_A)], 0, 'https://shop.test', 0 * 1_000, true);
    const before = l.snapshot();
    l.noteCarried([sent(ID_B)], 1, 'https://shop.test', 1 * 1_000, true);
    expect(before[0]!.ids.map((id) => [id.id, id.end])).toEqual([[ID_A, undefined]]);
    expect(l.snapshot()[0]!.ids).toHaveLength(2);
  });
});
