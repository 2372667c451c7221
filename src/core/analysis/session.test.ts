// An AnalysisSession fed a trace a piece at a time answers exactly what the whole-file analysis answers: for
// every HAR fixture, fed 1, 7 and all events at a time with a snapshot after each piece, the last snapshot
// deep-equals the whole-trace replay's result — findings decided by later entries included — and every
// snapshot on the way equals the analysis of the events fed so far, also across the snapshots where the set
// of session cookies changed and the session replayed from the start.
import { describe, expect, it } from 'vitest';
import { fixtureTraces } from '../../../test/helpers/fixtureTraces.ts';
import { trace } from '../../../test/helpers/traceBuilder.ts';
import type { Trace, TraceEvent } from '../trace/types.ts';
import { NoMemory } from './analysisMemory.ts';
import { analysisOf } from './analysisResult.ts';
import { type AnalysisResult, analyzeTrace } from './analyze.ts';
import { Replay } from './replay.ts';
import { AnalysisSession, type SessionSnapshot } from './session.ts';
import { withDefaults } from './settings.ts';

/** Every fixture that reads as a trace (a few corpus files are broken on purpose: they test the reader). */
const TRACES = fixtureTraces();

/** The whole-file analysis as it was made before sessions: the first pass over every event, then one replay. */
function wholeFileAnalysis(trace: Trace): AnalysisResult {
  const settings = withDefaults({});
  return analysisOf(new Replay(trace, settings).run(), settings, 'redacted');
}

function sessionOf(trace: Trace): AnalysisSession {
  const browser = trace.source.browser;
  return new AnalysisSession(browser ? { browser } : {});
}

type Fed = { prefix: TraceEvent[]; snapshot: SessionSnapshot }[];
/** The 7-at-a-time feeding of each trace, which three tests read (made once: the machine is shared). */
const fedBySeven = new WeakMap<Trace, Fed>();

/** Feeds the trace `size` events at a time, a snapshot after each piece. */
function fedInPieces(trace: Trace, size: number): Fed {
  const known = size === 7 ? fedBySeven.get(trace) : undefined;
  if (known) return known;
  const fed = feedInPieces(trace, size);
  if (size === 7) fedBySeven.set(trace, fed);
  return fed;
}

function feedInPieces(trace: Trace, size: number): Fed {
  const session = sessionOf(trace);
  const snapshots: { prefix: TraceEvent[]; snapshot: SessionSnapshot }[] = [];
  for (let at = 0; at < trace.events.length; at += size) {
    session.feed(trace.events.slice(at, at + size));
    snapshots.push({ prefix: trace.events.slice(0, at + size), snapshot: session.snapshot() });
  }
  return snapshots;
}

function prefixTrace(trace: Trace, events: TraceEvent[]): Trace {
  return { ...trace, events, entryCount: events.filter((e) => e.kind === 'entry').length };
}

it('reads the fixtures', () => {
  expect(TRACES.length).toBeGreaterThan(50);
});

/**
 * Whether the 7-at-a-time feeding replays from the start after its first snapshot (a session cookie set that
 * changes).
 */
function restarts(trace: Trace): boolean {
  return fedInPieces(trace, 7)
    .slice(1)
    .some(({ snapshot }) => snapshot.changed.all);
}

/**
 * Snapshots beyond this many are compared at and after each restart, every fourth and the last (the machine is
 * shared).
 */
const LONG_FEEDING = 30;

describe.each(TRACES)('%s', (_name, trace) => {
  const whole = wholeFileAnalysis(trace);

  it('analyzeTrace is the whole-file analysis', () => {
    expect(analyzeTrace(trace)).toEqual(whole);
  });

  // One at a time, a restarting trace is fed by the restart test below, which ends with this same assertion.
  it.each(restarts(trace) ? [7, Number.MAX_SAFE_INTEGER] : [1, 7, Number.MAX_SAFE_INTEGER])(
    'fed %i events at a time: the last snapshot is the whole-file analysis',
    (size) => {
      const snapshots = fedInPieces(trace, size);
      expect(snapshots.at(-1)?.snapshot.result ?? analyzeTrace(trace)).toEqual(whole);
    },
  );

  // Each comparison analyses the prefix afresh, so a long trace costs the square of its length: its snapshots are
  // compared where a fold could part from a fresh analysis (at and right after a restart), every fourth, and the last.
  it('fed 7 events at a time: each snapshot is the analysis of the events so far', () => {
    const snapshots = fedInPieces(trace, 7);
    const restartedAt = (i: number) => snapshots[i]?.snapshot.changed.all === true;
    const last = snapshots.length - 1;
    snapshots.forEach(({ prefix, snapshot }, i) => {
      const compared =
        snapshots.length <= LONG_FEEDING || restartedAt(i) || restartedAt(i - 1) || i % 4 === 0 || i === last;
      if (compared) expect(snapshot.result).toEqual(analyzeTrace(prefixTrace(trace, prefix)));
    });
  });
});

describe('rows changed between snapshots', () => {
  it.each(TRACES)('%s: every row whose findings or lane ends changed is named', (_name, trace) => {
    let before: AnalysisResult | undefined;
    for (const { snapshot } of fedInPieces(trace, 7)) {
      const { result, changed } = snapshot;
      if (before && !changed.all) {
        const named = new Set(changed.entries);
        for (const r of result.facts.requests) {
          const was = before.facts.requests.find((b) => b.entry === r.entry);
          const differs =
            was === undefined ||
            JSON.stringify(findingsAt(before, r.entry)) !== JSON.stringify(findingsAt(result, r.entry)) ||
            JSON.stringify(endsAt(before, r.entry)) !== JSON.stringify(endsAt(result, r.entry));
          if (differs) expect(named, `entry ${r.entry}`).toContain(r.entry);
        }
      }
      before = result;
    }
  });

  it('the first snapshot changes every row', () => {
    const [, trace] = TRACES[0]!;
    const session = sessionOf(trace);
    session.feed(trace.events);
    expect(session.snapshot().changed).toEqual({ all: true });
    expect(session.snapshot().changed).toEqual({ all: false, entries: [] });
  });

  it('facts(entry) is the request facts of the last snapshot', () => {
    const [, trace] = TRACES.find(([, t]) => t.entryCount > 3)!;
    const session = sessionOf(trace);
    session.feed(trace.events);
    const { result } = session.snapshot();
    for (const r of result.facts.requests) expect(session.facts(r.entry)).toBe(r);
    expect(session.facts(-1)).toBeUndefined();
  });

  it('facts(entry) follows the snapshots, asked after some of them only, across restarts', () => {
    const [, trace] = TRACES.find(([, t]) =>
      fedInPieces(t, 7)
        .slice(1)
        .some(({ snapshot }) => snapshot.changed.all),
    )!;
    const session = sessionOf(trace);
    let asked = 0;
    for (let at = 0; at < trace.events.length; at += 7) {
      session.feed(trace.events.slice(at, at + 7));
      const { result } = session.snapshot();
      if ((at / 7) % 3 === 1) continue;
      for (const r of result.facts.requests) expect(session.facts(r.entry)).toBe(r);
      asked++;
    }
    expect(asked).toBeGreaterThan(1);
  });
});

describe('what a session keeps between snapshots', () => {
  // A session's memory is chosen when it is made: the default remembers what a snapshot made, so a finding that did
  // not change is the very same object in the next snapshot (what rowChanges.ts compares at a glance); NoMemory,
  // for an analysis that answers once, keeps nothing, so each snapshot is made anew, and says the same.
  const [name, trace] = TRACES.find(([, t]) => {
    const result = analyzeTrace(t);
    return (result.story ?? []).length > 0 && result.findings.some((f) => f.rule === 'session-reset');
  })!;
  const twoSnapshots = (session: AnalysisSession) => {
    session.feed(trace.events);
    return [session.snapshot().result, session.snapshot().result] as const;
  };

  it(`${name}: remembered, the next snapshot hands back the findings that did not change`, () => {
    const [first, second] = twoSnapshots(sessionOf(trace));
    const resets = second.findings.filter((f) => f.rule === 'session-reset');
    expect(resets.length).toBeGreaterThan(0);
    for (const f of resets) expect(first.findings).toContain(f);
  });

  it(`${name}: with NoMemory, the next snapshot is made anew and equals the first`, () => {
    const browser = trace.source.browser;
    const [first, second] = twoSnapshots(new AnalysisSession(browser ? { browser } : {}, new NoMemory()));
    expect(second).toEqual(first);
    for (const [i, f] of second.findings.entries()) expect(f).not.toBe(first.findings[i]);
    for (const [i, story] of (second.story ?? []).entries()) expect(story).not.toBe(first.story?.[i]);
  });
});

describe('a session cookie set that changes mid-stream', () => {
  // A fixture where a later entry makes a cookie a session cookie (or another site the inspected one): the
  // session replays from the start at that snapshot, and says every row changed.
  const restarting = TRACES.filter(([, trace]) => restarts(trace));

  it('happens in several fixtures', () => {
    expect(restarting.length).toBeGreaterThan(3);
  });

  // A snapshot keeps what the last one made (the rules' folds, findings, stories: analysisResult.ts) while the
  // replay goes on, and drops it when the replay starts over: fed one event at a time, the snapshots at each
  // restart and the two after it (and every tenth, all of them in a small trace) must still be what a fresh
  // analysis of the same events makes, and the last one the whole-file analysis. (One test, one feeding: feeding
  // these fixtures an event at a time is most of this file's time.)
  it.each(restarting)(
    '%s: fed one at a time, each restart is a fresh analysis and the last the whole file',
    (_n, trace) => {
      const snapshots = fedInPieces(trace, 1);
      const restartedAt = (i: number) => snapshots[i]?.snapshot.changed.all === true;
      expect(snapshots.slice(1).some(({ snapshot }) => snapshot.changed.all)).toBe(true);
      snapshots.forEach(({ prefix, snapshot }, i) => {
        const near = restartedAt(i) || restartedAt(i - 1) || restartedAt(i - 2);
        if (!near && i % 10 !== 0 && snapshots.length > 60) return;
        expect(snapshot.result).toEqual(analyzeTrace(prefixTrace(trace, prefix)));
      });
      expect(snapshots.at(-1)!.snapshot.result).toEqual(wholeFileAnalysis(trace));
    },
  );
});

describe('a login that a later logout shows to have worked', () => {
  // Cacti's login lands on the page it was posted to (read as the form sent back) until its logout shows it worked:
  // the logout changes the verdict on an entry already replayed, so the session replays from the start there.
  const GOOD = 'Path=/; Secure; HttpOnly; SameSite=Lax';
  const ID = 'f3a91c07d2b84e6a9c51e0b7a4d2f886';
  const cacti = trace()
    .get('https://box.test/index.php', { cookie: '', setCookie: [`sid=${ID}; ${GOOD}`] })
    .post('https://box.test/index.php', {
      cookie: `sid=${ID}`,
      form: { login_username: 'ann', login_password: 'pw' },
      location: '/index.php',
    })
    .get('https://box.test/index.php', { cookie: `sid=${ID}` })
    .get('https://box.test/logout.php', { cookie: `sid=${ID}`, setCookie: ['sid=deleted; Path=/; Max-Age=0'] })
    .build();

  it('fed one at a time: replayed again at the logout, the last snapshot is the whole-file analysis', () => {
    const snapshots = fedInPieces(cacti, 1);
    expect(snapshots.map(({ snapshot }) => snapshot.changed.all)).toEqual([true, false, false, true]);
    const last = snapshots.at(-1)!.snapshot.result;
    expect(last).toEqual(wholeFileAnalysis(cacti));
    expect(last.findings.filter((f) => f.rule === 'session-fixation').map((f) => f.entry)).toEqual([1]);
  });
});

describe('values shown raw', () => {
  // The raw view words findings and stories with the values themselves: what a snapshot keeps is worded so too.
  it.each(TRACES.filter(([, trace]) => trace.entryCount <= 200))(
    '%s: fed 7 at a time, each snapshot is a fresh raw analysis',
    (_n, trace) => {
      const browser = trace.source.browser;
      const session = new AnalysisSession({ values: 'raw', ...(browser ? { browser } : {}) });
      for (let at = 0; at < trace.events.length; at += 7) {
        session.feed(trace.events.slice(at, at + 7));
        const prefix = prefixTrace(trace, trace.events.slice(0, at + 7));
        expect(session.snapshot().result).toEqual(analyzeTrace(prefix, { values: 'raw' }));
      }
    },
  );
});

function findingsAt(result: AnalysisResult, entry: number) {
  return result.findings.filter((f) => f.entry === entry).map(({ related: _, ...f }) => f);
}

function endsAt(result: AnalysisResult, entry: number) {
  return result.sessions.flatMap((s) =>
    s.ids.filter((id) => id.endEntry === entry).map((id) => [s.cookie, id.endedBy, id.cause]),
  );
}
