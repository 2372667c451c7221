// The live view's pace: every 250 ms while requests come at a readable rate, every 500 ms during a burst, never
// sooner than twice the last analysis took; and the controller keeping that pace on a recording whose events
// arrive in the background's 50 ms batches (the real store and page analyser, on the page or answering as a worker
// does, later; time on a manual clock).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseTraceFile } from '../core/open/readTrace.ts';
import type { TraceEvent } from '../core/trace/types.ts';
import type { RecordedEvent } from '../protocol/messages.ts';
import { PanelController } from './controller.ts';
import type { TraceView } from './model.ts';
import {
  ArrivalRate,
  BURST_REFRESH_MS,
  BURST_REQUESTS_PER_SECOND,
  REFRESH_MS,
  refreshInterval,
} from './refreshPace.ts';
import { type EventsArrival, PanelStore } from './store.ts';
import { manualClock } from './testing/manualClock.ts';
import { type LiveAnalyser, pageAnalyser } from './workerProtocol.ts';

describe('refreshInterval', () => {
  it('refreshes every 250 ms up to about a screenful of rows a refresh, every 500 ms past it', () => {
    expect(refreshInterval({ analysisMs: 5, requestsPerSecond: 0 })).toBe(REFRESH_MS);
    expect(refreshInterval({ analysisMs: 5, requestsPerSecond: BURST_REQUESTS_PER_SECOND })).toBe(REFRESH_MS);
    expect(refreshInterval({ analysisMs: 5, requestsPerSecond: BURST_REQUESTS_PER_SECOND + 1 })).toBe(BURST_REFRESH_MS);
    expect(refreshInterval({ analysisMs: 5, requestsPerSecond: 10_000 })).toBe(BURST_REFRESH_MS);
  });

  it('waits at least twice as long as the last analysis took, whatever the rate', () => {
    expect(refreshInterval({ analysisMs: 400, requestsPerSecond: 0 })).toBe(800);
    expect(refreshInterval({ analysisMs: 400, requestsPerSecond: 10_000 })).toBe(800);
  });
});

describe('ArrivalRate', () => {
  it('says how fast requests came since it was last asked, and starts counting again', () => {
    const rate = new ArrivalRate(1_000);
    rate.add(30);
    rate.add(20);
    expect(rate.perSecond(1_250)).toBe(200);
    expect(rate.perSecond(1_500)).toBe(0);
  });

  it('carries what came when asked again at once, and forgets it all when the recording restarts', () => {
    const rate = new ArrivalRate(0);
    rate.add(50);
    expect(rate.perSecond(0)).toBe(0);
    expect(rate.perSecond(250)).toBe(200);
    rate.add(50);
    rate.restart(300);
    rate.add(10);
    expect(rate.perSecond(400)).toBe(100);
  });
});

/** The demo's logout recording's requests, over and over: the `n`th event asked for. */
const DEMO_EVENTS = parseTraceFile(readFileSync('test/fixtures/demo-har/logout.har', 'utf8'), 'logout.har').events;
const requestEvent = (n: number): TraceEvent => DEMO_EVENTS[n % DEMO_EVENTS.length]!;

/** A cookie change recorded by the extension (no request: no row), the `n`th. */
function cookieChange(n: number): TraceEvent {
  return {
    kind: 'cookie-changed',
    time: 1_767_603_600_000 + n,
    cookie: {
      name: 'theme',
      value: String(n),
      domain: 'demo.test',
      path: '/',
      hostOnly: true,
      secure: false,
      httpOnly: false,
      sameSite: 'lax',
    },
    removed: false,
    cause: 'explicit',
  };
}

interface Phase {
  readonly perSecond: number;
  readonly seconds: number;
  /** How the batches come: recorded as they happen unless said (a backlog arrives all in the first batch). */
  readonly arrival?: Exclude<EventsArrival, 'restart'>;
  /** Cookie changes instead of requests. */
  readonly cookieChanges?: boolean;
}

/** Lets the promises an analysis answered with settle (a worker's answer comes in a later task). */
const settle = async () => {
  for (let i = 0; i < 10; i++) await Promise.resolve();
};

/**
 * The times (on the manual clock) at which the live view was analysed while events arrived in 50 ms batches, phase
 * after phase. The page's own analysis, reported as taking `analysisMs` of the clock; `worker`: answered as a
 * promise, as the worker's analysis is.
 */
async function liveAnalysisTimes(
  phases: readonly Phase[],
  options: { analysisMs?: number; worker?: boolean } = {},
): Promise<number[]> {
  const clock = manualClock();
  const store = new PanelStore({ keepEvents: false });
  const own = pageAnalyser();
  const timed = (overrides: Parameters<LiveAnalyser['analyse']>[0]): TraceView => ({
    ...(own.analyse(overrides) as TraceView),
    analysisMs: options.analysisMs ?? 5,
  });
  const analyser: LiveAnalyser = {
    ...own,
    analyse: options.worker ? async (overrides) => timed(overrides) : timed,
  };
  const controller = new PanelController(
    store,
    {
      send: () => undefined,
      storage: { get: async () => ({}), set: async () => undefined },
      download: () => undefined,
    },
    clock.scheduler,
    analyser,
  );
  const times: number[] = [];
  controller.live.subscribe(() => times.push(clock.scheduler.now()));
  let seq = 0;
  for (const phase of phases) {
    const batches = (phase.seconds * 1000) / 50;
    for (let b = 0; b < batches; b++) {
      const count =
        phase.arrival === 'backlog' ? (b === 0 ? phase.perSecond * phase.seconds : 0) : phase.perSecond / 20;
      const eventAt = phase.cookieChanges ? cookieChange : requestEvent;
      const batch: RecordedEvent[] = Array.from({ length: count }, () => ({ seq, event: eventAt(seq++) }));
      if (batch.length > 0) store.addEvents(batch, phase.arrival ?? 'new');
      clock.advance(50);
      await settle();
    }
  }
  return times;
}

/** The time from each analysis to the next. */
const gaps = (times: readonly number[]) => times.slice(1).map((t, i) => t - times[i]!);
const times250 = (n: number) => Array.from({ length: n }, () => 250);

describe("the live view's pace on a recording that grows", () => {
  it('is every 250 ms while requests come at a readable rate', async () => {
    const times = await liveAnalysisTimes([{ perSecond: 100, seconds: 3 }]);
    expect(gaps(times)).toEqual(times250(12));
  });

  it('is every 500 ms during a burst of 1,000 requests a second, and 250 ms again once it is over', async () => {
    const times = await liveAnalysisTimes([
      { perSecond: 1_000, seconds: 2 },
      { perSecond: 20, seconds: 2 },
    ]);
    // The first gap is before any rate is known; the analysis at 2,250 ms still saw the burst's last 250 ms.
    expect(gaps(times)).toEqual([250, 500, 500, 500, 500, 500, ...times250(5)]);
  });

  it('keeps the pace when the analysis answers later, as the worker does', async () => {
    const times = await liveAnalysisTimes(
      [
        { perSecond: 1_000, seconds: 2 },
        { perSecond: 20, seconds: 2 },
      ],
      { worker: true },
    );
    // Each answer is heard at the next batch, 50 ms on: the same pace, shifted.
    expect(times[0]).toBe(50);
    expect(gaps(times)).toEqual([250, 500, 500, 500, 500, 500, ...times250(4)]);
  });

  it('is no burst for a backlog handed over at once (the panel opened on a long recording)', async () => {
    const times = await liveAnalysisTimes([
      { perSecond: 40_000, seconds: 0.05, arrival: 'backlog' },
      { perSecond: 20, seconds: 2 },
    ]);
    expect(gaps(times)).toEqual(times250(8));
  });

  it('counts requests only: a burst of cookie changes is no screenful of rows', async () => {
    const times = await liveAnalysisTimes([{ perSecond: 1_000, seconds: 2, cookieChanges: true }]);
    expect(gaps(times)).toEqual(times250(8));
  });

  it('is at least twice the last analysis when that took longer', async () => {
    const times = await liveAnalysisTimes([{ perSecond: 20, seconds: 3 }], { analysisMs: 400 });
    expect(gaps(times)).toEqual([800, 800, 800]);
  });
});
