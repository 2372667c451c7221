import { describe, expect, it } from 'vitest';
import { manualClock } from './testing/manualClock.ts';
import { throttledRunner } from './throttle.ts';

describe('throttledRunner', () => {
  it('runs the first request at once and coalesces a burst into one run on the newest input', () => {
    const clock = manualClock();
    const runs: number[] = [];
    const runner = throttledRunner<number>((n) => runs.push(n), 250, clock.scheduler);
    runner.request(1);
    clock.advance(0);
    for (let n = 2; n <= 10; n++) {
      runner.request(n);
      clock.advance(10);
    }
    expect(runs).toEqual([1]);
    clock.advance(250);
    expect(runs).toEqual([1, 10]);
  });

  it('waits twice as long as a slow run took before the next', () => {
    const clock = manualClock();
    const at: number[] = [];
    const runner = throttledRunner<number>(
      () => {
        at.push(clock.scheduler.now());
        clock.cost(400);
      },
      250,
      clock.scheduler,
    );
    runner.request(1);
    clock.advance(0);
    runner.request(2);
    clock.advance(2000);
    expect(at).toEqual([0, 1200]);
  });
});

describe('throttledRunner with work done elsewhere', () => {
  it('never overlaps a run that has not finished', async () => {
    const clock = manualClock();
    let finish: () => void = () => {};
    const started: number[] = [];
    const runner = throttledRunner<number>(
      (n) => {
        started.push(n);
        return new Promise<void>((resolve) => {
          finish = resolve;
        });
      },
      250,
      clock.scheduler,
    );
    runner.request(1);
    clock.advance(0);
    runner.request(2);
    clock.advance(5000);
    expect(started).toEqual([1]);
    finish();
    await Promise.resolve();
    await Promise.resolve();
    clock.advance(250);
    expect(started).toEqual([1, 2]);
  });

  it('reads an interval given as a function after each run (it grows with the work)', () => {
    const clock = manualClock();
    const at: number[] = [];
    let interval = 250;
    const runner = throttledRunner<number>(
      () => void at.push(clock.scheduler.now()),
      () => interval,
      clock.scheduler,
    );
    runner.request(1);
    clock.advance(0);
    interval = 1_000;
    runner.request(2);
    clock.advance(500);
    expect(at).toEqual([0, 250]);
    runner.request(3);
    clock.advance(749);
    expect(at).toEqual([0, 250]);
    clock.advance(1);
    expect(at).toEqual([0, 250, 1_250]);
  });
});
