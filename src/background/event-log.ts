// One tab's recorded events in a compact form: the newest events stay as live objects (the ones panels
// and the storage mirror read again and again), older ones are packed in blocks of BLOCK_SIZE events,
// each block one deflated JSON text. A live event costs ~2.4 KB of service-worker heap (every header a
// separate object and strings); packed, a recorded request costs ~145 bytes (blocks of 25), because neighbouring
// events repeat the same header names, user agent, cookies and Set-Cookie attributes. Nothing is dropped: a
// packed block decodes to exactly the events that went in (they are JSON already: the storage mirror
// and the panel port both carry them as JSON). Packing is synchronous (fflate), so the order of events
// and what a stopped worker loses are the same as with plain arrays.
import { deflateSync, inflateSync, strFromU8, strToU8 } from 'fflate';
import type { RecordedEvent } from '../protocol/messages.ts';

/**
 * Events per packed block: the storage mirror's chunk (recorder-store.ts), whose deflated bytes, made for storage,
 * become the block — each event is deflated once. (Larger blocks compress better, 200: ~70 B/event, 25: ~115.)
 */
export const BLOCK_SIZE = 25;
/**
 * The newest events kept live: panels are sent the last few dozen at a time and the storage mirror
 * rewrites the open chunk, so reads of packed blocks happen only for a panel that (re)subscribes late.
 */
export const HOT_EVENTS = 500;
/** Deflate level 6: 15 % smaller than level 1 on recorded traffic for about the same time. */
const DEFLATE_LEVEL = 6;

/** A run of BLOCK_SIZE events with consecutive sequence numbers, stored as deflated UTF-8 JSON. */
interface PackedBlock {
  readonly firstSeq: number;
  readonly count: number;
  readonly bytes: Uint8Array;
}

export function packEvents(events: readonly RecordedEvent[]): Uint8Array {
  return deflateSync(strToU8(JSON.stringify(events)), { level: DEFLATE_LEVEL });
}

export function unpackEvents(bytes: Uint8Array): RecordedEvent[] {
  return JSON.parse(strFromU8(inflateSync(bytes))) as RecordedEvent[];
}

/** What starts a stored chunk held as deflated JSON in base64 (storage.session takes JSON values, not bytes). */
export const PACKED_TEXT_PREFIX = 'deflate;base64,';

/**
 * Packed events (packEvents' bytes) as text for storage.session: a recorded request is ~2.4 KB of JSON, ~140 bytes
 * so. Storage is charged for what it is handed (the worker copies every value it sets, and the browser process
 * again), so a full chunk costs its deflate (which the log keeps as its block) instead of copying its whole JSON
 * twice, and 10 MB of storage holds about seventeen times as many events.
 */
export function packedText(bytes: Uint8Array): string {
  return PACKED_TEXT_PREFIX + btoa(strFromU8(bytes, true));
}

/** The events of a packedText text; throws when it is not one (bad base64, bad deflate, bad JSON). */
export function unpackEventsText(text: string): unknown {
  return JSON.parse(strFromU8(inflateSync(strToU8(atob(text.slice(PACKED_TEXT_PREFIX.length)), true))));
}

/**
 * Events with dense sequence numbers from `firstSeq` to `endSeq - 1`: packed blocks first (oldest),
 * then the live tail. Dropping the oldest (the per-tab cap) moves `firstSeq`; a block goes once all
 * its events are dropped, so a partly dropped block is still read from its first held event.
 */
export class EventLog {
  #blocks: PackedBlock[] = [];
  /** Live events are #live[#liveHead…]; the dropped prefix is cut off in bulk, not one by one. */
  #live: RecordedEvent[] = [];
  #liveHead = 0;
  #firstSeq: number;
  #endSeq: number;
  /** Whole blocks deflated elsewhere before they were packed here (offerPacked), by their first seq. */
  readonly #packedAhead = new Map<number, Uint8Array>();

  constructor(
    /** Sequence number the log starts at when it holds nothing. */
    emptyFirstSeq = 0,
    private readonly hotEvents = HOT_EVENTS,
    private readonly blockSize = BLOCK_SIZE,
    private readonly pack: (events: readonly RecordedEvent[]) => Uint8Array = packEvents,
  ) {
    this.#firstSeq = emptyFirstSeq;
    this.#endSeq = emptyFirstSeq;
  }

  /** Sequence number of the oldest event held (endSeq when none is). */
  get firstSeq(): number {
    return this.#firstSeq;
  }

  /** One more than the newest event's sequence number. */
  get endSeq(): number {
    return this.#endSeq;
  }

  get size(): number {
    return this.#endSeq - this.#firstSeq;
  }

  /** How many events are held packed (for tests and the benchmark). */
  get packedBlocks(): number {
    return this.#blocks.length;
  }

  /** Adds the newest event; its seq must be endSeq (sequence numbers are dense). */
  push(recorded: RecordedEvent): void {
    if (this.size === 0) this.#firstSeq = recorded.seq;
    else if (recorded.seq !== this.#endSeq)
      throw new Error(`event ${recorded.seq} out of order (expected ${this.#endSeq})`);
    this.#live.push(recorded);
    this.#endSeq = recorded.seq + 1;
    if (this.#live.length - this.#liveHead >= this.hotEvents + this.blockSize) this.#packOldestLive();
  }

  /**
   * packEvents' bytes of the `blockSize` held events from `firstSeq` (a multiple of blockSize), made elsewhere: the
   * block is packed with these instead of being deflated again. Ignored once those events are packed or dropped.
   */
  offerPacked(firstSeq: number, bytes: Uint8Array): void {
    const liveFirst = this.#live[this.#liveHead]?.seq;
    if (liveFirst === undefined || firstSeq < liveFirst || firstSeq % this.blockSize !== 0) return;
    this.#packedAhead.set(firstSeq, bytes);
  }

  /** Drops the oldest `count` events (fewer if fewer are held). */
  dropOldest(count: number): void {
    const drop = Math.min(Math.max(0, count), this.size);
    if (drop === 0) return;
    this.#firstSeq += drop;
    while (this.#blocks.length > 0 && this.#blocks[0]!.firstSeq + this.#blocks[0]!.count <= this.#firstSeq) {
      this.#blocks.shift();
    }
    if (this.#blocks.length === 0) {
      const liveFirst = this.#live[this.#liveHead]?.seq;
      if (liveFirst !== undefined && liveFirst < this.#firstSeq) this.#liveHead += this.#firstSeq - liveFirst;
    }
    // Cutting the array only now and then keeps a long burst past the cap linear, not quadratic.
    if (this.#liveHead > 1024 && this.#liveHead * 2 > this.#live.length) {
      this.#live = this.#live.slice(this.#liveHead);
      this.#liveHead = 0;
    }
    if (this.size === 0) this.clear(this.#firstSeq);
  }

  /** Forgets every event; the next one pushed may start anywhere. */
  clear(emptyFirstSeq: number): void {
    this.#packedAhead.clear();
    this.#blocks = [];
    this.#live = [];
    this.#liveHead = 0;
    this.#firstSeq = emptyFirstSeq;
    this.#endSeq = emptyFirstSeq;
  }

  /** Held events with seq in [from, to), in order; packed ones are decoded afresh. */
  between(from: number, to: number): RecordedEvent[] {
    const start = Math.max(from, this.#firstSeq);
    const end = Math.min(to, this.endSeq);
    if (start >= end) return [];
    const out: RecordedEvent[] = [];
    for (const block of this.#blocks) {
      const blockEnd = block.firstSeq + block.count;
      if (blockEnd <= start) continue;
      if (block.firstSeq >= end) break;
      const events = unpackEvents(block.bytes);
      const lo = Math.max(start, block.firstSeq) - block.firstSeq;
      const hi = Math.min(end, blockEnd) - block.firstSeq;
      for (let i = lo; i < hi; i++) out.push(events[i]!);
    }
    const liveFirst = this.#live[this.#liveHead]?.seq;
    if (liveFirst !== undefined && end > liveFirst) {
      const lo = this.#liveHead + Math.max(0, start - liveFirst);
      const hi = this.#liveHead + (end - liveFirst);
      for (let i = lo; i < hi; i++) out.push(this.#live[i]!);
    }
    return out;
  }

  /**
   * Packs the oldest live block: called when the live tail holds a whole block beyond the hot events. Blocks end at
   * multiples of blockSize, as the storage mirror's chunks do (the first one held may be shorter), so a chunk
   * deflated for storage is a block here.
   */
  #packOldestLive(): void {
    const first = this.#live[this.#liveHead]!.seq;
    const count = this.blockSize - (first % this.blockSize);
    const events = this.#live.slice(this.#liveHead, this.#liveHead + count);
    // Dropped events (the cap) never reach here packed: the live head is past them.
    const offered = this.#packedAhead.get(first);
    for (const seq of this.#packedAhead.keys()) if (seq <= first) this.#packedAhead.delete(seq);
    const bytes = offered !== undefined && events.length === this.blockSize ? offered : this.pack(events);
    this.#blocks.push({ firstSeq: first, count: events.length, bytes });
    this.#liveHead += events.length;
    if (this.#liveHead * 2 > this.#live.length) {
      this.#live = this.#live.slice(this.#liveHead);
      this.#liveHead = 0;
    }
  }
}
