import { describe, expect, it } from 'vitest';
import type { Finding, SessionView } from '../core/analysis/analyze.ts';
import { idHue } from './idColour.ts';
import { layoutLanes } from './lanes.ts';

const lane = (origin: string, cookie: string, ids: SessionView['ids']): SessionView => ({
  origin,
  cookie,
  domain: new URL(origin).hostname,
  path: '/',
  identifiedBy: 'name',
  confidence: 'likely',
  evidence: ['name'],
  thirdParty: false,
  ids,
});

const resetFinding: Finding = {
  rule: 'session-reset',
  severity: 'high',
  title: 'Session reset',
  origin: 'https://shop.test',
  cookie: 'sid',
  entry: 6,
  url: 'http://shop.test/',
  cause: 'not-sent',
  message: 'sid was reset',
  fix: 'keep it',
  evidence: {},
};

describe('layoutLanes', () => {
  const sessions = [
    lane('https://shop.test', 'sid', [
      { id: 'aaaaaaaaaaaaaaaa', firstEntry: 0, lastEntry: 2, endedBy: 'session-rotated', endEntry: 3 },
      { id: 'bbbbbbbbbbbbbbbb', firstEntry: 3, lastEntry: 5, endedBy: 'session-reset', cause: 'not-sent', endEntry: 6 },
      { id: 'cccc', firstEntry: 6, lastEntry: 7, endedBy: 'session-reset', cause: 'cleared-by-server', endEntry: 8 },
      { id: 'dddd', firstEntry: 8, lastEntry: 9 },
    ]),
    lane('https://lb.test', 'JSESSIONID', [{ id: 'x', firstEntry: 1, lastEntry: 1 }]),
    lane('https://shop.test', 'PHPSESSID', [
      { id: 'y', firstEntry: 4, lastEntry: 4, endedBy: 'session-reset', cause: 'expired', endEntry: 5 },
    ]),
  ];
  const [shop, lb] = layoutLanes(sessions, [resetFinding], { first: 0, end: 10 });

  it('groups lanes by origin, in the engine’s order', () => {
    expect(shop?.origin).toBe('https://shop.test');
    expect(shop?.lanes.map((l) => l.cookie)).toEqual(['sid', 'PHPSESSID']);
    expect(lb?.lanes.map((l) => l.cookie)).toEqual(['JSESSIONID']);
  });

  it('places each ID by entry index, up to the entry that ended it', () => {
    const segments = shop!.lanes[0]!.segments;
    // Each ID stops where the next starts (the request that ended it set the next one).
    expect(segments.map((s) => [s.left, s.width])).toEqual([
      [0, 0.3],
      [0.3, 0.3],
      [0.6, 0.2],
      [0.8, 0.2],
    ]);
    expect(segments[0]?.shortId).toBe('aaaaaa…aaaa');
    expect(segments[0]?.hue).toBe(idHue('aaaaaaaaaaaaaaaa'));
    expect(segments[0]?.hue).not.toBe(segments[1]?.hue);
  });

  it('marks what ended each ID, with the reset cause and the finding that reports it', () => {
    const ends = shop!.lanes[0]!.segments.map((s) => s.end);
    expect(ends.map((e) => e?.label)).toEqual(['rotated', 'reset: not-sent', 'cleared (cleared-by-server)', undefined]);
    expect(ends.map((e) => e?.tone)).toEqual(['rotated', 'loss', 'ended', undefined]);
    expect(ends[1]?.words).toBe('lost: the cookie was not sent, so the server started a new session');
    expect(ends[1]?.finding).toBe(resetFinding);
    expect(ends[0]?.finding).toBeUndefined();
    expect(shop!.lanes[1]!.segments[0]?.end).toMatchObject({ kind: 'expired', entry: 5 });
  });

  it('marks an ID that ended with its browser run (a file of several runs) as ended, not as a change', () => {
    const [only] = layoutLanes(
      [
        lane('https://a.test', 's', [
          { id: 'run1', firstEntry: 0, lastEntry: 1, endedBy: 'browser-run-ended', endEntry: 2 },
          { id: 'run2', firstEntry: 2, lastEntry: 3 },
        ]),
      ],
      [],
      { first: 0, end: 4 },
    );
    expect(only!.lanes[0]!.segments[0]?.end).toMatchObject({ kind: 'run-ended', tone: 'ended' });
    expect(only!.lanes[0]!.segments[0]?.end?.words).toContain('browser run');
  });

  it('widens the span when an ID reaches past the recorded entry count', () => {
    const [only] = layoutLanes([lane('https://a.test', 's', [{ id: 'z', firstEntry: 0, lastEntry: 19 }])], [], {
      first: 0,
      end: 10,
    });
    expect(only?.lanes[0]?.segments[0]?.width).toBe(1);
  });

  it('keeps half a request for an ID replaced on the request that first carried it', () => {
    const [only] = layoutLanes(
      [
        lane('https://lb.test', 'JSESSIONID', [
          { id: 'node1', firstEntry: 0, lastEntry: 0, endedBy: 'session-reset', cause: 'server-rejected', endEntry: 0 },
          { id: 'node2', firstEntry: 0, lastEntry: 1 },
        ]),
      ],
      [],
      { first: 0, end: 2 },
    );
    expect(only?.lanes[0]?.segments.map((s) => [s.left, s.width])).toEqual([
      [0, 0.25],
      [0, 1],
    ]);
  });

  it('starts the picture at the first entry held (a live recording after Clear)', () => {
    const [only] = layoutLanes([lane('https://a.test', 's', [{ id: 'z', firstEntry: 15, lastEntry: 19 }])], [], {
      first: 10,
      end: 20,
    });
    expect(only?.lanes[0]?.segments[0]).toMatchObject({ left: 0.5, width: 0.5 });
  });

  it('puts a reset that kept the ID (the new one was refused) and a not-sent on the lane, from the findings', () => {
    const kept = layoutLanes(
      [lane('https://shop.test', 'sid', [{ id: 'aaaa', firstEntry: 1, lastEntry: 2 }])],
      // The not-sent comes first in the findings; the loss (the reset) is listed first on the lane.
      [{ ...resetFinding, rule: 'session-not-sent', reason: 'SecureOnly', cause: undefined }, resetFinding],
      { first: 0, end: 8 },
    );
    expect(kept[0]?.lanes[0]?.incidents.map((i) => [i.kind, i.label, i.entry])).toEqual([
      ['reset', 'reset: not-sent (ID kept)', 6],
      ['not-sent', 'not sent: SecureOnly', 6],
    ]);
  });

  it('marks a backend switch, a server rejection and a refused Set-Cookie at their request, in words', () => {
    const at = (rule: Finding['rule'], entry: number, extra: Partial<Finding> = {}): Finding => ({
      ...resetFinding,
      rule,
      entry,
      cause: undefined,
      ...extra,
    });
    const [only] = layoutLanes(
      [lane('https://shop.test', 'sid', [{ id: 'aaaa', firstEntry: 0, lastEntry: 7 }])],
      [
        at('session-backend-switch', 2),
        at('session-rejected', 3),
        at('cookie-rejected', 4, { reason: 'SecureOnly' }),
        at('cookie-no-httponly', 5),
        at('session-backend-switch', 6, { cookie: 'other' }),
      ],
      { first: 0, end: 8 },
    );
    expect(only?.lanes[0]?.incidents.map((i) => [i.kind, i.entry, i.label, i.tone, i.words])).toEqual([
      ['backend-switch', 2, 'backend-switch', 'switch', 'moved to another back-end server'],
      ['rejected', 3, 'session-rejected', 'loss', 'lost: the server answered as logged out'],
      [
        'set-cookie-rejected',
        4,
        'cookie-rejected: SecureOnly',
        'warning',
        'Set-Cookie refused by the browser (SecureOnly)',
      ],
    ]);
  });
});
