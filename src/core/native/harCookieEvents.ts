/**
 * The cookie and navigation events our own HAR export keeps in `log._sessionscope.cookieEvents` (HAR has no place for
 * them: formats/harExport.ts), put back among the entries where the recording had them. Without them a raw export
 * of a live recording re-imports to another story: a session a page's script removed reads as a cookie the browser
 * did not send, and an alarm (session-not-sent, a reset "not-sent") stands where the recording told "cleared by
 * script". Any other HAR has none, and is returned as it was.
 */
import { isObject, ownField } from '../har/harFields.ts';
import type { Trace, TraceEvent, TraceInputWarning } from '../trace/types.ts';
import { NativeFields } from './nativeFields.ts';
import { readEvent } from './nativeRead.ts';

const WHERE = 'log._sessionscope.cookieEvents';

/** An event read back, with the entry it followed in the recording when the export said so. */
interface PlacedEvent {
  readonly event: TraceEvent;
  readonly afterEntry: number | undefined;
}

/**
 * The trace with the export's events in it. Each goes after the entry it followed (`afterEntry`); one without that
 * (an export older than the field), or whose entry was not read, goes after the last entry that started by its time.
 * An event that cannot be read is left out and named in a warning; the others are still read.
 */
export function withExportedEvents(document: unknown, trace: Trace, file?: string): Trace {
  const log = isObject(document) ? ownField(document, 'log') : undefined;
  const ours = isObject(log) ? ownField(log, '_sessionscope') : undefined;
  const raw = isObject(ours) ? ownField(ours, 'cookieEvents') : undefined;
  if (raw === undefined) return trace;
  const warnings: TraceInputWarning[] = [];
  if (!Array.isArray(raw)) {
    warnings.push({ where: WHERE, message: 'cookieEvents is not an array: the cookie events were left out' });
    return withWarnings(trace, warnings);
  }
  const placed: PlacedEvent[] = [];
  const f = new NativeFields(file);
  raw.forEach((item: unknown, i) => {
    const at = `${WHERE}[${i}]`;
    try {
      placed.push(readPlacedEvent(f, item, at));
    } catch (thrown) {
      const error = f.asInputError(thrown, at, `event ${i}`);
      warnings.push({ where: error.where ?? at, message: `cookie event ${i} left out: ${error.problem}` });
    }
  });
  return withWarnings({ ...trace, events: merged(trace.events, placed) }, warnings);
}

function readPlacedEvent(f: NativeFields, item: unknown, at: string): PlacedEvent {
  if (!isObject(item)) f.fail(at, 'an event must be an object');
  // Entries live in log.entries; one here would be analysed twice.
  if (ownField(item, 'kind') === 'entry')
    f.fail(`${at}.kind`, 'an entry belongs in log.entries, not among the cookie events');
  const event = readEvent(f, item, at);
  const afterEntry = ownField(item, 'afterEntry');
  if (afterEntry === undefined) return { event, afterEntry: undefined };
  return { event, afterEntry: f.requiredCount(item, 'afterEntry', at) };
}

/** The entries in their order, each followed by the events placed after it; the events before any entry first. */
function merged(events: readonly TraceEvent[], placed: readonly PlacedEvent[]): TraceEvent[] {
  if (placed.length === 0) return [...events];
  const positionOfEntry = new Map<number, number>();
  events.forEach((e, position) => {
    if (e.kind === 'entry') positionOfEntry.set(e.entry.index, position);
  });
  const byTime = new StartedBy(events);
  const after = new Map<number, TraceEvent[]>();
  const leading: TraceEvent[] = [];
  for (const { event, afterEntry } of placed) {
    const anchored = afterEntry !== undefined ? positionOfEntry.get(afterEntry) : undefined;
    const position = anchored ?? (event.kind === 'entry' ? undefined : byTime.lastAt(event.time));
    if (position === undefined) leading.push(event);
    else {
      const list = after.get(position) ?? [];
      list.push(event);
      after.set(position, list);
    }
  }
  const result = [...leading];
  events.forEach((e, position) => {
    result.push(e);
    const following = after.get(position);
    if (following) result.push(...following);
  });
  return result;
}

/** The last entry (by position in the trace) that started by a given time, for events placed by time alone. */
class StartedBy {
  /** Entries' start times, ascending, and the latest position among the entries up to each. */
  private readonly times: number[] = [];
  private readonly latest: number[] = [];

  constructor(events: readonly TraceEvent[]) {
    const starts: [number, number][] = [];
    events.forEach((e, position) => {
      if (e.kind === 'entry') starts.push([e.entry.startedAt, position]);
    });
    starts.sort((a, b) => a[0] - b[0]);
    for (const [time, position] of starts) {
      this.times.push(time);
      this.latest.push(Math.max(position, this.latest.at(-1) ?? -1));
    }
  }

  /** undefined when no entry started by `time`. */
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

function withWarnings(trace: Trace, warnings: readonly TraceInputWarning[]): Trace {
  return warnings.length === 0 ? trace : { ...trace, warnings: [...(trace.warnings ?? []), ...warnings] };
}
