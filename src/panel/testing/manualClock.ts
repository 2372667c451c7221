// A Scheduler whose time moves only when a test says: tasks run, in time order, as `advance` passes them.
import type { Scheduler } from '../throttle.ts';

export interface ManualClock {
  readonly scheduler: Scheduler;
  /** Time spent by the code under test (a run that took `ms`), without running what is due. */
  cost(ms: number): void;
  /** Moves time on by `ms`, running each task as its time comes. */
  advance(ms: number): void;
}

export function manualClock(): ManualClock {
  let time = 0;
  const tasks: { at: number; task: () => void }[] = [];
  return {
    scheduler: { now: () => time, later: (task, ms) => void tasks.push({ at: time + ms, task }) },
    cost(ms) {
      time += ms;
    },
    advance(ms) {
      const until = time + ms;
      for (;;) {
        tasks.sort((a, b) => a.at - b.at);
        const next = tasks[0];
        if (!next || next.at > until) break;
        tasks.shift();
        time = next.at;
        next.task();
      }
      time = until;
    },
  };
}
