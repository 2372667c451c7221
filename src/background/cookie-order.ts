// Puts each cookie change after the requests to its site that were already on their way when it happened.
// A request's Cookie header is fixed when its headers leave (onSendHeaders), but its entry is recorded only
// when its response arrives (onHeadersReceived): a cookie change in between, recorded at once, comes before
// the entry in the trace, and the engine, replaying in trace order, thinks the cookie was in the jar when
// the request left and reports it "not sent: Unknown". Firefox does this to every response that sets a
// cookie: it reports cookies.onChanged for the response's Set-Cookie before webRequest.onHeadersReceived of
// that same response (Firefox ESR 153, load-balancer demo: JSESSIONID and SERVERID "not sent" on the very
// request that set them). Chrome reports them after, but a parallel request's cookie can land in between.
//
// So a change is held until every hop to the cookie's site that was in flight when it arrived has been
// recorded (or has failed); changes leave in the order they came. Holding a change back is safe where
// recording it early is not: the engine applies each entry's own Set-Cookie lines, so the change mostly
// confirms what the jar already has. A hop that never ends (a long poll, a request the browser dropped
// without an event) holds nothing back longer than `maxHoldMs`.
import { siteOfHost, siteOfUrl } from './site.ts';

/** Hops in flight at once before stale ones are looked for (a page rarely has more than a few hundred). */
const MAX_TRACKED_HOPS = 1000;

export interface Timers {
  setTimeout(work: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

interface HopInFlight {
  readonly site: string | undefined;
  readonly startedAt: number;
}

interface HeldChange {
  /** Hops (request ids) to the cookie's site, in flight when the change arrived and not recorded yet. */
  readonly waitingFor: Set<string>;
  readonly heldSince: number;
  readonly deliver: () => void;
}

export class CookieChangeOrder {
  /** Hops whose headers have left and whose response is not recorded yet, by request id. */
  readonly #inFlight = new Map<string, HopInFlight>();
  readonly #held: HeldChange[] = [];
  #timer: unknown;

  constructor(
    private readonly maxHoldMs = 2000,
    private readonly clock: () => number = Date.now,
    private readonly timers: Timers = globalThis,
  ) {}

  /** A hop's request headers have left (onSendHeaders). A request has one hop in flight at a time. */
  hopStarted(requestId: string, url: string): void {
    const now = this.clock();
    // Hops the browser never reported the end of would pile up here; past a bound, the stale ones go.
    if (this.#inFlight.size >= MAX_TRACKED_HOPS) this.#forgetStaleHops(now);
    this.#inFlight.set(requestId, { site: siteOfUrl(url), startedAt: now });
  }

  /**
   * A hop's response is recorded (onHeadersReceived, onBeforeRedirect, onCompleted) or the request failed
   * (onErrorOccurred). Call it after the hop was handed to the recorder, so that changes delivered now
   * follow the hop.
   */
  hopEnded(requestId: string): void {
    if (!this.#inFlight.delete(requestId)) return;
    for (const change of this.#held) change.waitingFor.delete(requestId);
    this.#release();
  }

  /** A cookie of `cookieDomain` changed: `deliver` records it now, or once those hops have been recorded. */
  cookieChanged(cookieDomain: string, deliver: () => void): void {
    const site = siteOfHost(cookieDomain);
    const now = this.clock();
    this.#forgetStaleHops(now);
    const waitingFor = new Set<string>();
    for (const [requestId, hop] of this.#inFlight) if (hop.site === site) waitingFor.add(requestId);
    if (waitingFor.size === 0 && this.#held.length === 0) {
      deliver();
      return;
    }
    this.#held.push({ waitingFor, heldSince: now, deliver });
    this.#release();
  }

  /** Changes waiting, and hops in flight (for tests and leak checks). */
  get heldCount(): number {
    return this.#held.length;
  }
  get inFlightCount(): number {
    return this.#inFlight.size;
  }

  /** Hops older than the longest hold are taken as lost (no event will end them): nothing waits for them. */
  #forgetStaleHops(now: number): void {
    for (const [requestId, hop] of this.#inFlight) {
      if (now - hop.startedAt >= this.maxHoldMs) this.#inFlight.delete(requestId);
    }
  }

  /** Delivers from the front while the first change waits for nothing more, or has waited `maxHoldMs`. */
  #release(): void {
    const now = this.clock();
    for (;;) {
      const first = this.#held[0];
      if (first === undefined) break;
      if (first.waitingFor.size > 0 && now - first.heldSince < this.maxHoldMs) break;
      this.#held.shift();
      first.deliver();
    }
    this.#schedule();
  }

  /** One timer, for the first held change's deadline. */
  #schedule(): void {
    if (this.#timer !== undefined) this.timers.clearTimeout(this.#timer);
    this.#timer = undefined;
    const first = this.#held[0];
    if (first === undefined) return;
    this.#timer = this.timers.setTimeout(
      () => {
        this.#timer = undefined;
        this.#release();
      },
      Math.max(0, first.heldSince + this.maxHoldMs - this.clock()),
    );
  }
}
