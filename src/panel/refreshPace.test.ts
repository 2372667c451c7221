// The live view's pace: every 250 ms while requests come at a readable rate, every 500 ms during a burst, never
// sooner than twice the last analysis took; and the controller keeping that pace on a recording whose events
// arrive in the background's 50 ms batches (the real store and page analyser, time on a manual clock).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseTraceFile } from '../core/open/readTrace.ts';
import type { RecordedEvent } from '../protocol/messages.ts';
import { PanelController } from './controller.ts';
import { ArrivalRate, BURST_EVENTS_PER_SECOND, BURST_REFRESH_MS, REFRESH_MS, refreshInterval } from './refreshPace.ts';
import { PanelStore } from './store.ts';
import { manualClock } from './testing/manualClock.ts';
import { type LiveAnalyser, pageAnalyser } from './workerProtocol.ts';

describe('refreshInterval', () => {
  it('refreshes every 250 ms up to about a screenful of rows a refresh, every 500 ms past it', () => {
    expect(refreshInterval({ analysisMs: 5, eventsPerSecond: 0 })).toBe(REFRESH_MS);
    expect(refreshInterval({ analysisMs: 5, eventsPerSecond: BURST_EVENTS_PER_SECOND })).toBe(REFRESH_MS);
    expect(refreshInterval({ analysisMs: 5, eventsPerSecond: BURST_EVENTS_PER_SECOND + 1 })).toBe(BURST_REFRESH_MS);
    expect(refreshInterval({ analysisMs: 5, eventsPerSecond: 10_000 })).toBe(BURST_REFRESH_MS);
  });

  it('waits at least twice as long as the last analysis took, whatever the rate', () => {
    expect(refreshInterval({ analysisMs: 400, eventsPerSecond: 0 })).toBe(800);
    expect(refreshInterval({ analysisMs: 400, eventsPerSecond: 10_000 })).toBe(800);
  });
});

describe('ArrivalRate', () => {
  it('says how fast events came since it was last asked, and starts counting again', () => {
    const rate = new ArrivalRate(1_000);
    rate.add(30);
    rate.add(20);
    expect(rate.perSecond(1_250)).toBe(200);
    expect(rate.perSecond(1_500)).toBe(0);
    rate.add(5);
    expect(rate.perSecond(1_500)).toBe(0);
  });
});

/** The demo's logout recording's events, numbered on from `seq` as long as asked (its entries over and over). */
function eventSource(): (count: number) => RecordedEvent[] {
  const text = readFileSync('test/fixtures/demo-har/logout.har', 'utf8');
  const events = parseTraceFile(text, 'logout.har').events;
  let seq = 0;
  return (count) => Array.from({ length: count }, () => ({ seq, event: events[seq++ % events.length]! }));
}

/**
 * The times (on the manual clock) at which the live view was analysed while events arrived at each given rate for
 * the given seconds, in 50 ms batches. The page's own analysis, reported as taking `analysisMs` of the clock.
 */
function liveAnalysisTimes(phases: readonly { perSecond: number; seconds: number }[], analysisMs = 5): number[] {
  const clock = manualClock();
  const store = new PanelStore({ keepEvents: false });
  const own = pageAnalyser();
  const timed: LiveAnalyser = {
    ...own,
    analyse: (overrides) => ({
      ...(own.analyse(overrides) as Awaited<ReturnType<LiveAnalyser['analyse']>>),
      analysisMs,
    }),
  };
  const controller = new PanelController(
    store,
    {
      send: () => undefined,
      storage: { get: async () => ({}), set: async () => undefined },
      download: () => undefined,
    },
    clock.scheduler,
    timed,
  );
  const times: number[] = [];
  controller.live.subscribe(() => times.push(clock.scheduler.now()));
  const next = eventSource();
  for (const { perSecond, seconds } of phases) {
    for (let t = 0; t < seconds * 1000; t += 50) {
      store.addEvents(next((perSecond * 50) / 1000));
      clock.advance(50);
    }
  }
  return times;
}

const gapsFrom = (times: readonly number[], from: number, to = Number.POSITIVE_INFINITY) => {
  const within = times.filter((t) => t >= from && t <= to);
  return within.slice(1).map((t, i) => t - within[i]!);
};

describe("the live view's pace on a recording that grows", () => {
  it('is every 250 ms while requests come at a readable rate', () => {
    const times = liveAnalysisTimes([{ perSecond: 100, seconds: 3 }]);
    expect(new Set(gapsFrom(times, 500))).toEqual(new Set([250]));
  });

  it('is every 500 ms during a burst of 1,000 requests a second, and 250 ms again once it is over', () => {
    const times = liveAnalysisTimes([
      { perSecond: 1_000, seconds: 2 },
      { perSecond: 20, seconds: 2 },
    ]);
    expect(new Set(gapsFrom(times, 500, 2_000))).toEqual(new Set([500]));
    expect(new Set(gapsFrom(times, 3_000))).toEqual(new Set([250]));
  });

  it('is at least twice the last analysis when that took longer', () => {
    const times = liveAnalysisTimes([{ perSecond: 1_000, seconds: 3 }], 400);
    expect(new Set(gapsFrom(times, 1_000))).toEqual(new Set([800]));
  });
});
