// Work that arrives in a burst, done in order in slices the page can paint between. The analysis worker posts
// an answer's rows as many messages at once; the page's event loop would run every one of them before the
// next frame (they were queued first), freezing the panel for seconds on a 100,000-row import. Here each
// message only joins a queue; the queue is worked through for at most `sliceMs` per task, and the next slice
// is a new task queued after the frame that became due meanwhile.
import type { Scheduler } from './throttle.ts';

/** A slice's length: with the frame's own work, a slice per frame keeps it under ~30 ms. */
export const SLICE_MS = 8;

/**
 * Runs the next slice in a new task at once: a chain of timers is held back 4 ms per link after the fifth
 * (the HTML spec's clamp), which left the page idle a third of the time while 100,000 rows waited. A
 * message on a channel of its own is not clamped, and is still queued behind a frame that fell due.
 */
export const nextTaskScheduler: Scheduler = {
  now: () => performance.now(),
  later: (task) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      task();
    };
    channel.port2.postMessage(null);
  },
};

export class SlicedQueue<T> {
  readonly #handle: (item: T) => void;
  readonly #scheduler: Scheduler;
  readonly #sliceMs: number;
  #items: T[] = [];
  /** Where the next item to handle is in `#items` (the handled ones are dropped a slice at a time). */
  #next = 0;
  #scheduled = false;

  constructor(handle: (item: T) => void, scheduler: Scheduler, sliceMs = SLICE_MS) {
    this.#handle = handle;
    this.#scheduler = scheduler;
    this.#sliceMs = sliceMs;
  }

  /** Queues `item` after those already queued; it is handled in a later task, never in this one. */
  push(item: T): void {
    this.#items.push(item);
    this.#schedule();
  }

  /** Drops what is queued and not handled yet. */
  clear(): void {
    this.#items = [];
    this.#next = 0;
  }

  #schedule(): void {
    if (this.#scheduled) return;
    this.#scheduled = true;
    this.#scheduler.later(() => this.#slice(), 0);
  }

  /** Handles items in order until the slice's time is up (at least one, so the queue always moves). */
  #slice(): void {
    this.#scheduled = false;
    const started = this.#scheduler.now();
    try {
      while (this.#next < this.#items.length) {
        this.#handle(this.#items[this.#next++]!);
        if (this.#scheduler.now() - started >= this.#sliceMs) break;
      }
    } finally {
      // An item that threw is dropped like a handled one: the rest still arrive.
      this.#items = this.#items.slice(this.#next);
      this.#next = 0;
      if (this.#items.length > 0) this.#schedule();
    }
  }
}
