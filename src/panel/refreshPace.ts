// How often the live view is analysed again and redrawn. Four times a second keeps a new request's row within a
// quarter of a second of its arrival. When requests come faster than anyone reads them — more than a screenful of
// rows between two refreshes, so each refresh replaces every row in view — refreshing that often only costs: each
// refresh is a ~20 ms task on the page's thread (the answer read, the rows in view diffed, a forced layout of a
// screenful of new rows: bench/panel-trace.ts), and on a 2-core machine beside a busy program those tasks were what
// made frames late (bench/panel-load.ts at 1,000 requests a second: 1.9–3.5 % of frames late refreshing every
// 250 ms, 0.4–1.2 % every 500 ms). And never sooner than twice as long as the last analysis took, so a long
// recording is analysed less often instead of queuing work.

/** The pace while requests arrive at a readable rate. */
export const REFRESH_MS = 250;
/** The pace during a burst. */
export const BURST_REFRESH_MS = 500;
/** About a screenful of rows (22 px each in a ~900 px list) every REFRESH_MS: past it, a burst. */
export const BURST_REQUESTS_PER_SECOND = 160;

export interface RefreshLoad {
  /** How long the last analysis took (in the worker, or on the page when it runs there). */
  readonly analysisMs: number;
  /** How fast requests were recorded between the last two analyses. */
  readonly requestsPerSecond: number;
}

/**
 * The least time from one live analysis to the next: from its start when it runs on the page, from its answer
 * when it runs in a worker (throttle.ts never overlaps a run that returns a promise).
 */
export function refreshInterval(load: RefreshLoad): number {
  const pace = load.requestsPerSecond > BURST_REQUESTS_PER_SECOND ? BURST_REFRESH_MS : REFRESH_MS;
  return Math.max(pace, 2 * load.analysisMs);
}

/** Counts the requests recorded and says how fast they came since it was last asked. */
export class ArrivalRate {
  #count = 0;
  #since: number;

  /** `now`: milliseconds on the clock `perSecond` is later given. */
  constructor(now: number) {
    this.#since = now;
  }

  add(requests: number): void {
    this.#count += requests;
  }

  /** The recording started over: what came before it says nothing of the pace now. */
  restart(now: number): void {
    this.#count = 0;
    this.#since = now;
  }

  /** Requests per second since the last call (or restart); starts counting again unless no time has passed. */
  perSecond(now: number): number {
    const elapsed = now - this.#since;
    if (elapsed <= 0) return 0;
    const rate = (1000 * this.#count) / elapsed;
    this.restart(now);
    return rate;
  }
}
