import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axisTicks, clockLabel, precisionFor } from './timeAxis.ts';

// The labels are local time, as the timeline's; fix the zone so the expected strings hold on every machine.
const zone = process.env.TZ;
beforeAll(() => {
  process.env.TZ = 'UTC';
});
afterAll(() => {
  process.env.TZ = zone;
});

const T0 = Date.UTC(2026, 11, 2, 10, 23, 1, 120);
const entries = (times: readonly number[], first = 0) => times.map((t, i) => ({ entry: first + i, startedAt: T0 + t }));

describe('precisionFor', () => {
  it('shows milliseconds under 10 s, seconds under a day, the date beyond', () => {
    expect([0, 9_999, 10_000, 86_399_999, 86_400_000].map(precisionFor)).toEqual(['ms', 'ms', 's', 's', 'day']);
  });
});

describe('clockLabel', () => {
  it('writes the time to the precision asked', () => {
    expect(clockLabel(T0, 'ms')).toBe('10:23:01.120');
    expect(clockLabel(T0, 's')).toBe('10:23:01');
    expect(clockLabel(T0, 'day')).toBe('2026-12-02 10:23');
  });
});

describe('axisTicks', () => {
  it('spreads ticks over the requests, at each request’s start, with ms labels for a short recording', () => {
    const ticks = axisTicks(entries([0, 5, 40, 300, 1200]), { first: 0, end: 5 }, 3);
    expect(ticks).toEqual([
      { entry: 0, at: 0, label: '10:23:01.120', minor: false },
      { entry: 2, at: 0.4, label: '10:23:01.160', minor: false },
      { entry: 4, at: 0.8, label: '10:23:02.320', minor: false },
    ]);
  });

  it('uses seconds for a long recording and leaves out a tick that repeats the previous label', () => {
    const ticks = axisTicks(entries([0, 100, 200, 60_000]), { first: 0, end: 4 }, 4);
    expect(ticks.map((t) => [t.entry, t.label])).toEqual([
      [0, '10:23:01'],
      [3, '10:24:01'],
    ]);
  });

  it('makes no tick minor when a narrow panel fits them all', () => {
    const ticks = axisTicks(entries([0, 1000, 2000, 3000]), { first: 0, end: 4 }, 8);
    expect(ticks.map((t) => t.minor)).toEqual([false, false, false, false]);
  });

  it('positions ticks from the first entry held (a live recording after Clear) and never more than asked', () => {
    const times = Array.from({ length: 50 }, (_, i) => i * 1000);
    const ticks = axisTicks(entries(times, 100), { first: 100, end: 150 }, 8);
    expect(ticks).toHaveLength(8);
    expect(ticks[0]).toMatchObject({ entry: 100, at: 0 });
    expect(ticks.at(-1)).toMatchObject({ entry: 149, at: 0.98 });
    expect(ticks.map((t) => t.minor)).toEqual([false, true, false, true, false, true, false, true]);
  });

  it('draws one tick for one request and none for an empty recording', () => {
    expect(axisTicks(entries([0]), { first: 0, end: 1 }, 8)).toEqual([
      { entry: 0, at: 0, label: '10:23:01.120', minor: false },
    ]);
    expect(axisTicks([], { first: 0, end: 0 }, 8)).toEqual([]);
  });
});
