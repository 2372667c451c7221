// Runs an expensive computation (re-analysing the whole recording) at most once per interval, always on the
// newest input, and never twice back to back: after a run that blocked the page for d ms, the next waits at
// least max(minIntervalMs, 2·d) so the page keeps at least half of its time for scrolling and input. A run
// that returns a promise (work done in a worker) is never overlapped by the next one.

export interface Scheduler {
  /** Milliseconds on some monotonic clock. */
  now(): number;
  /** Runs `task` after `ms`. */
  later(task: () => void, ms: number): void;
}

export const browserScheduler: Scheduler = {
  now: () => performance.now(),
  later: (task, ms) => void setTimeout(task, ms),
};

export interface ThrottledRunner<I> {
  /** Asks for a run on `input`; runs now if allowed, else once the interval has passed (on the newest input). */
  request(input: I): void;
}

/** `minInterval` may be a function: read after each run (an interval that grows with the work). */
export function throttledRunner<I>(
  run: (input: I) => unknown,
  minInterval: number | (() => number),
  scheduler: Scheduler,
): ThrottledRunner<I> {
  const minIntervalMs = () => (typeof minInterval === 'number' ? minInterval : minInterval());
  let pending: { input: I } | undefined;
  let waiting = false;
  let busy = false;
  let nextAllowed = Number.NEGATIVE_INFINITY;
  const fire = () => {
    waiting = false;
    if (!pending) return;
    const { input } = pending;
    pending = undefined;
    const started = scheduler.now();
    const result = run(input);
    const took = scheduler.now() - started;
    nextAllowed = scheduler.now() + Math.max(minIntervalMs(), 2 * took);
    if (result instanceof Promise) {
      busy = true;
      void result.finally(() => {
        busy = false;
        nextAllowed = Math.max(nextAllowed, scheduler.now() + minIntervalMs());
        if (pending) schedule();
      });
    } else if (pending) schedule();
  };
  const schedule = () => {
    if (waiting || busy) return;
    waiting = true;
    scheduler.later(fire, Math.max(0, nextAllowed - scheduler.now()));
  };
  return {
    request(input) {
      pending = { input };
      schedule();
    },
  };
}
