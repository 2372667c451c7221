// The record of one tab: a bounded list of events, each with its sequence number (held compactly, see
// event-log.ts), plus what the tab
// has talked to (its sites) so cookie changes can be routed to it. Past the per-tab cap the oldest
// events are dropped and counted; `clear` starts a new page of the recording. Sequence numbers never
// go back (not even after a clear), so a panel resuming from its last number can never mistake a new
// event for one it already holds.
import type { TraceEntry, TraceEvent } from '../core/trace/types.ts';
import type { RecordedEvent } from '../protocol/messages.ts';
import { EventLog } from './event-log.ts';
import { siteOfUrl } from './site.ts';

/** What the recorder keeps besides its events (the events are stored in chunks, see recorder-store.ts). */
export interface TabRecorderMeta {
  readonly tabId: number;
  readonly nextSeq: number;
  /** The first sequence number after the last clear: events before it are gone on purpose. */
  readonly clearedBeforeSeq: number;
  /** Sequence number of the oldest event held; stored chunks may still hold older ones (cut by the cap). */
  readonly firstSeq?: number;
  readonly nextEntryIndex: number;
  readonly topUrl?: string;
  readonly sites: readonly string[];
  /** A panel asked for this tab (used when recording starts only with a panel). */
  readonly panelOpened: boolean;
}

/**
 * Recorded hops remembered to spot a repeat: far more than a stopped worker's queue of undelivered
 * events can span. The keys travel with the stored events, so a restart rebuilds the set from them.
 */
const MAX_RECENT_HOPS = 20_000;

/** A short key for one hop: the request id and a hash of its URL (redirect hops share the id). */
export function hopKey(requestId: string, url: string): string {
  // FNV-1a, 32 bits: only tells this request's hops apart, no security role.
  let hash = 0x811c9dc5;
  for (let i = 0; i < url.length; i++) hash = Math.imul(hash ^ url.charCodeAt(i), 0x01000193);
  return `${requestId}:${(hash >>> 0).toString(36)}`;
}

export class TabRecorder {
  /** The held events: the newest live, older ones packed. */
  readonly #log: EventLog;
  readonly #sites: Set<string>;
  #nextSeq: number;
  #clearedBeforeSeq: number;
  #nextEntryIndex: number;
  #topUrl: string | undefined;
  #panelOpened: boolean;
  readonly #recentHops: Set<string>;

  constructor(
    readonly tabId: number,
    meta?: TabRecorderMeta,
    events: readonly RecordedEvent[] = [],
  ) {
    this.#log = new EventLog();
    for (const recorded of events) this.#log.push(recorded);
    this.#sites = new Set(meta?.sites ?? []);
    this.#nextSeq = Math.max(meta?.nextSeq ?? 0, (events.at(-1)?.seq ?? -1) + 1);
    this.#clearedBeforeSeq = meta?.clearedBeforeSeq ?? 0;
    this.#nextEntryIndex = meta?.nextEntryIndex ?? 0;
    this.#topUrl = meta?.topUrl;
    this.#panelOpened = meta?.panelOpened ?? false;
    this.#recentHops = new Set();
    for (const recorded of events.slice(-MAX_RECENT_HOPS)) if (recorded.hop) this.#recentHops.add(recorded.hop);
  }

  /** packEvents' bytes of a whole block of held events, made for storage: the log keeps them instead of deflating again. */
  offerPacked(firstSeq: number, bytes: Uint8Array): void {
    this.#log.offerPacked(firstSeq, bytes);
  }

  /**
   * Whether this hop is recorded already: a restarted worker that sees a hop end without having seen
   * it start (or is handed again an event its killed predecessor had handled) must not record it twice.
   */
  hasRecordedHop(key: string): boolean {
    return this.#recentHops.has(key);
  }

  get topUrl(): string | undefined {
    return this.#topUrl;
  }

  /** The sequence number the next event gets: one more than the last ever given. */
  get nextSeq(): number {
    return this.#nextSeq;
  }

  /** Sequence number of the oldest event still held (nextSeq when none is). */
  get firstSeq(): number {
    return this.#log.size > 0 ? this.#log.firstSeq : this.#nextSeq;
  }

  get clearedBeforeSeq(): number {
    return this.#clearedBeforeSeq;
  }

  /** Events of the current page of the recording that are no longer held (cap reached, storage lost). */
  get droppedCount(): number {
    return this.firstSeq - this.#clearedBeforeSeq;
  }

  get size(): number {
    return this.#log.size;
  }

  get panelOpened(): boolean {
    return this.#panelOpened;
  }

  set panelOpened(value: boolean) {
    this.#panelOpened = value;
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
  appendEntry(entry: Omit<TraceEntry, 'index'>, hop?: string): RecordedEvent {
    const numbered: TraceEntry = { index: this.#nextEntryIndex++, ...entry };
    return this.append({ kind: 'entry', entry: numbered }, hop);
  }

  append(event: TraceEvent, hop?: string): RecordedEvent {
    const recorded: RecordedEvent = { seq: this.#nextSeq++, event, ...(hop ? { hop } : {}) };
    this.#log.push(recorded);
    if (hop) {
      this.#recentHops.add(hop);
      if (this.#recentHops.size > MAX_RECENT_HOPS) {
        this.#recentHops.delete(this.#recentHops.values().next().value as string);
      }
    }
    return recorded;
  }

  /** Drops the oldest events until at most `max` are held; returns how many went. */
  trimTo(max: number): number {
    const excess = this.size - Math.max(0, max);
    if (excess <= 0) return 0;
    this.#log.dropOldest(excess);
    return excess;
  }

  /** Forgets every event (the user cleared, or a navigation without "Preserve log"); numbering goes on. */
  clear(): void {
    this.#log.clear(this.#nextSeq);
    this.#clearedBeforeSeq = this.#nextSeq;
    // A fresh page of the recording: entry indexes restart, as in a new trace.
    this.#nextEntryIndex = 0;
  }

  /** Every event held after sequence number `since` (-1: all), in order. */
  eventsSince(since: number): RecordedEvent[] {
    return this.#log.between(since + 1, this.#nextSeq);
  }

  /** Events with seq in [from, to), held ones only. */
  eventsBetween(from: number, to: number): RecordedEvent[] {
    return this.#log.between(from, to);
  }

  meta(): TabRecorderMeta {
    return {
      tabId: this.tabId,
      nextSeq: this.#nextSeq,
      clearedBeforeSeq: this.#clearedBeforeSeq,
      firstSeq: this.firstSeq,
      nextEntryIndex: this.#nextEntryIndex,
      sites: [...this.#sites],
      panelOpened: this.#panelOpened,
      ...(this.#topUrl ? { topUrl: this.#topUrl } : {}),
    };
  }
}
