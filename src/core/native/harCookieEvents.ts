/**
 * The cookie and navigation events our own HAR export keeps in `log._sessionscope.cookieEvents` (HAR has no place for
 * them: formats/harExport.ts), put back among the entries where the recording had them. Without them a raw export
 * of a live recording re-imports to another story: a session a page's script removed reads as a cookie the browser
 * did not send, and an alarm (session-not-sent, a reset "not-sent") stands where the recording told "cleared by
 * script". Any other HAR has none, and is read as it was. The whole-file reader, the streamed one and the two-pass
 * one (harStreamEvents.ts) place them the same way (EventPlacement).
 */
import { isObject, ownField } from '../har/harFields.ts';
import { cookieEventsOfLogField, sessionscopeLogField } from '../har/harLog.ts';
import type { HarStreamReader } from '../har/harStream.ts';
import type { HarStreamIndex } from '../har/harStreamEvents.ts';
import { withWarnings } from '../trace/traceWarnings.ts';
import type { Trace, TraceEvent, TraceInputWarning } from '../trace/types.ts';
import { NativeFields } from './nativeFields.ts';
import { readEvent } from './nativeRead.ts';

const WHERE = 'log._sessionscope.cookieEvents';

/** An event read back, with the entry it followed in the recording when the export said so. */
interface PlacedEvent {
  readonly event: Exclude<TraceEvent, { kind: 'entry' }>;
  readonly afterEntry: number | undefined;
}

/** What `log._sessionscope.cookieEvents` holds, read: the events, and a warning for each one left out. */
export interface ExportedEvents {
  readonly events: readonly PlacedEvent[];
  readonly warnings: readonly TraceInputWarning[];
}

/**
 * Reads the events, each with the entry it followed (`afterEntry`). An event that cannot be read is left out and
 * named in a warning; the others are still read.
 */
export function readExportedEvents(raw: unknown, file?: string): ExportedEvents {
  if (raw === undefined) return { events: [], warnings: [] };
  if (!Array.isArray(raw))
    return {
      events: [],
      warnings: [{ where: WHERE, message: 'cookieEvents is not an array: the cookie events were left out' }],
    };
  const events: PlacedEvent[] = [];
  const warnings: TraceInputWarning[] = [];
  const f = new NativeFields(file);
  raw.forEach((item: unknown, i) => {
    const at = `${WHERE}[${i}]`;
    try {
      events.push(readPlacedEvent(f, item, at));
    } catch (thrown) {
      const error = f.asInputError(thrown, at, `event ${i}`);
      warnings.push({ where: error.where ?? at, message: `cookie event ${i} left out: ${error.problem}` });
    }
  });
  return { events, warnings };
}

function readPlacedEvent(f: NativeFields, item: unknown, at: string): PlacedEvent {
  if (!isObject(item)) f.fail(at, 'an event must be an object');
  // Entries live in log.entries; one here would be analysed twice.
  if (ownField(item, 'kind') === 'entry')
    f.fail(`${at}.kind`, 'an entry belongs in log.entries, not among the cookie events');
  const event = readEvent(f, item, at) as PlacedEvent['event'];
  const afterEntry = ownField(item, 'afterEntry');
  if (afterEntry === undefined) return { event, afterEntry: undefined };
  return { event, afterEntry: f.requiredCount(item, 'afterEntry', at) };
}

/** A readable entry of the trace, in trace order: its index (file position) and start time. */
interface EntryPlace {
  readonly index: number;
  readonly startedAt: number;
}

/**
 * Where each event goes: after the entry it followed (`afterEntry`), or, for one without that (an export older than
 * the field) or whose entry was not read, after the last entry that started by its time; before every entry when
 * none did.
 */
export class EventPlacement {
  readonly leading: readonly TraceEvent[];
  private readonly after = new Map<number, TraceEvent[]>();

  /** `entries`: the trace's readable entries in trace order. */
  constructor(entries: readonly EntryPlace[], events: readonly PlacedEvent[]) {
    const readable = new Set(entries.map((e) => e.index));
    const byTime = new StartedBy(entries);
    const leading: TraceEvent[] = [];
    for (const { event, afterEntry } of events) {
      const anchor = afterEntry !== undefined && readable.has(afterEntry) ? afterEntry : byTime.lastAt(event.time);
      if (anchor === undefined) leading.push(event);
      else {
        const list = this.after.get(anchor) ?? [];
        list.push(event);
        this.after.set(anchor, list);
      }
    }
    this.leading = leading;
  }

  /** The events that follow the entry of this index. */
  following(index: number): readonly TraceEvent[] {
    return this.after.get(index) ?? [];
  }

  /** `events` (entries in trace order) with the placed events among them. */
  placedIn(events: readonly TraceEvent[]): TraceEvent[] {
    const result = [...this.leading];
    for (const e of events) {
      result.push(e);
      // One at a time: a hostile file may put a million events after one entry, past what a spread call takes.
      if (e.kind === 'entry') for (const following of this.following(e.entry.index)) result.push(following);
    }
    return result;
  }

  /** The same, for events read one at a time (the second pass over a streamed file). */
  async *placedInStream(events: AsyncIterable<TraceEvent>): AsyncGenerator<TraceEvent> {
    yield* this.leading;
    for await (const e of events) {
      yield e;
      if (e.kind === 'entry') yield* this.following(e.entry.index);
    }
  }
}

/** The last entry (in trace order) that started by a given time, for events placed by time alone. */
class StartedBy {
  /** Entries' start times, ascending, and the latest in trace order among the entries up to each. */
  private readonly times: number[] = [];
  private readonly latest: number[] = [];

  constructor(entries: readonly EntryPlace[]) {
    const starts = entries.map((e, position) => ({ ...e, position })).sort((a, b) => a.startedAt - b.startedAt);
    let latest: { position: number; index: number } | undefined;
    for (const s of starts) {
      if (latest === undefined || s.position > latest.position) latest = s;
      this.times.push(s.startedAt);
      this.latest.push(latest.index);
    }
  }

  /** The entry's index; undefined when no entry started by `time`. */
  lastAt(time: number): number | undefined {
    let low = 0;
    let high = this.times.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (this.times[mid]! <= time) low = mid + 1;
      else high = mid;
    }
    return low === 0 ? undefined : this.latest[low - 1];
  }
}

/** The trace (a whole file's, read into memory) with the export's events placed among its entries. */
export function withEventsPlaced(trace: Trace, raw: unknown, file?: string): Trace {
  if (raw === undefined) return trace;
  const { events, warnings } = readExportedEvents(raw, file);
  const entries = trace.events.flatMap((e) =>
    e.kind === 'entry' ? [{ index: e.entry.index, startedAt: e.entry.startedAt }] : [],
  );
  const placed = events.length > 0 ? new EventPlacement(entries, events).placedIn(trace.events) : trace.events;
  return withWarnings({ ...trace, events: placed }, warnings);
}

/** A parsed HAR document's Trace with the events its `log._sessionscope.cookieEvents` holds. */
export function withExportedEvents(document: unknown, trace: Trace, file?: string): Trace {
  return withEventsPlaced(trace, cookieEventsOfLogField(sessionscopeLogField(document)), file);
}

/** The readable entries of a streamed file, in trace order, as its first pass indexed them. */
export function indexedEntries(index: HarStreamIndex): EntryPlace[] {
  const skipped = new Set(index.skipped ?? []);
  const places: EntryPlace[] = [];
  for (let k = 0; k < index.entryCount; k++) {
    const position = index.order ? index.order[k]! : k;
    if (!skipped.has(position)) places.push({ index: position, startedAt: index.startedAt[position]! });
  }
  return places;
}

/** A streamed HAR read to its end: its Trace with the events the export kept (HarStreamReader.end, then those). */
export function endHarStream(reader: HarStreamReader, file?: string): Trace {
  const trace = reader.end();
  return withEventsPlaced(trace, reader.cookieEvents, file);
}
