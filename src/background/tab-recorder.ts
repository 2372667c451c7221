// The record of one tab: an append-only list of events, each with its sequence number, plus what the
// tab has talked to (its sites) so cookie changes can be routed to it. Serialisable for storage.session.
import type { TraceEntry, TraceEvent } from '../core/trace/types.ts';
import type { RecordedEvent } from './messages.ts';
import { siteOfUrl } from './site.ts';

/** The JSON form kept in storage.session; restoring it gives back the same recorder. */
export interface TabRecorderState {
  readonly tabId: number;
  readonly events: readonly RecordedEvent[];
  readonly nextEntryIndex: number;
  readonly topUrl?: string;
  readonly sites: readonly string[];
}

export class TabRecorder {
  readonly #events: RecordedEvent[];
  readonly #sites: Set<string>;
  #nextEntryIndex: number;
  #topUrl: string | undefined;

  constructor(
    readonly tabId: number,
    state?: TabRecorderState,
  ) {
    this.#events = [...(state?.events ?? [])];
    this.#sites = new Set(state?.sites ?? []);
    this.#nextEntryIndex = state?.nextEntryIndex ?? 0;
    this.#topUrl = state?.topUrl;
  }

  get topUrl(): string | undefined {
    return this.#topUrl;
  }

  /** The sequence number the next event gets: one more than the last. */
  get nextSeq(): number {
    return (this.#events.at(-1)?.seq ?? -1) + 1;
  }

  get size(): number {
    return this.#events.length;
  }

  /** Notes that the tab talked to this URL's site (called when a request starts). */
  noteUrl(url: string): void {
    const site = siteOfUrl(url);
    if (site) this.#sites.add(site);
  }

  setTopUrl(url: string): void {
    this.#topUrl = url;
    this.noteUrl(url);
  }

  /** Whether a cookie of this site may matter to the tab: the tab has requested something from it. */
  relatesToSite(site: string): boolean {
    return this.#sites.has(site);
  }

  /** Records a finished hop; entries are numbered 0, 1, 2… in the order they finish. */
  appendEntry(entry: Omit<TraceEntry, 'index'>): RecordedEvent {
    const numbered: TraceEntry = { index: this.#nextEntryIndex++, ...entry };
    return this.append({ kind: 'entry', entry: numbered });
  }

  append(event: TraceEvent): RecordedEvent {
    const recorded: RecordedEvent = { seq: this.nextSeq, event };
    this.#events.push(recorded);
    return recorded;
  }

  /** Every event after sequence number `since` (-1: all), in order. */
  eventsSince(since: number): RecordedEvent[] {
    // Sequence numbers are dense from the first kept event, so the position is arithmetic.
    const first = this.#events[0]?.seq ?? 0;
    return this.#events.slice(Math.max(0, since + 1 - first));
  }

  toState(): TabRecorderState {
    return {
      tabId: this.tabId,
      events: this.#events,
      nextEntryIndex: this.#nextEntryIndex,
      sites: [...this.#sites],
      ...(this.#topUrl ? { topUrl: this.#topUrl } : {}),
    };
  }
}
