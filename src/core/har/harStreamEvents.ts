/**
 * A HAR too large to hold, read as a sequence of trace events instead of a Trace, in two passes over its bytes.
 * The first (HarIndexer) reads every entry to learn what only the whole file tells — each entry's repaired
 * start time, hence the trace order; the reading warnings; the creator — and keeps just those (a few bytes per
 * entry). The second (harEvents) reads the entries again and hands them over one at a time, in trace order,
 * times repaired, initiators decided: the same events the whole-file reader's Trace has. An entry that
 * arrives before its turn (a file not in time order) waits, with only the headers the engine reads (slimEntry.ts);
 * in a time-ordered file, the usual case, none does, so nothing accumulates. Both passes read
 * entries with the one entry reader (harEntry.ts) and the first repairs times with the one repair
 * (harStartTimes.ts).
 */

import { FirstUserAgent, type RecordingBrowser } from '../trace/recordingBrowser.ts';
import { slimEntry } from '../trace/slimEntry.ts';
import type { Trace, TraceEntry, TraceEvent, TraceInputWarning } from '../trace/types.ts';
import { requireReadableEntry } from './har.ts';
import { type EntryDraft, importHarEntry, isSkipped } from './harEntry.ts';
import { HarEntryScanner } from './harEntryScanner.ts';
import { HarFields } from './harFields.ts';
import { entryAlone, InitiatorResolver } from './harInitiators.ts';
import { cookieEventsOfLogField, creatorLine, type HarLogSource, listedPagesOf, notAHarThrower } from './harLog.ts';
import { StartTimeRepair } from './harStartTimes.ts';
import { earlyEndWarning } from './harTruncation.ts';

export interface HarStreamIndex {
  readonly entryCount: number;
  readonly creator?: string;
  /** The recording browser, as the whole-file reader decides it. */
  readonly browser?: RecordingBrowser;
  /** The whole-file reader's warnings, in its order. */
  readonly warnings: readonly TraceInputWarning[];
  /** Start time of each entry, by file position, after the importer's repair of missing times. */
  readonly startedAt: Float64Array;
  /** File positions in trace order; absent when that is the file's own order. */
  readonly order?: Uint32Array;
  /** Browser runs in the file, when more than one (the trace's `runs`). */
  readonly runs?: number;
  /** File positions of the entries that could not be read (skipped), when there are any. */
  readonly skipped?: readonly number[];
  /** `log._sessionscope.cookieEvents` as read (our own HAR export's): placed by native/harCookieEvents.ts. */
  readonly cookieEvents?: unknown;
  /** The page ids `log.pages` lists before the entries (HarFields.listedPages), for the second pass. */
  readonly listedPages?: ReadonlySet<string>;
}

/** What a reader of the file reports, for progress lines. */
export interface StreamProgress {
  readonly bytesRead: number;
  readonly entryCount: number;
}

/** The first pass: feed it the file's chunks, then `end()` gives the index. */
export class HarIndexer implements StreamProgress {
  private readonly scanner: HarEntryScanner;
  private readonly fields: HarFields;
  private readonly repair: StartTimeRepair;
  private times = new Float64Array(1024);
  /** Each entry's browser run + 1, by file position; 0 for none (trace order is run by run). */
  private runs = new Uint32Array(1024);
  private readonly runIds = new Set<number>();
  private readonly skipped: number[] = [];
  private firstSkipped: TraceInputWarning | undefined;
  private cookieEvents: unknown;
  /** The first User-Agent header in file order: the browser when the log does not name it. */
  private readonly userAgent = new FirstUserAgent();
  private readonly source: HarLogSource = {};
  /** Whether the repaired times, run by run, never go back in file order (then no order array is needed). */
  private inFileOrder = true;
  private previousTime: number | undefined;
  private previousRun = 0;

  /**
   * `onEntry` sees each entry in file order as it reads alone (harInitiators.ts, entryAlone), before times are
   * repaired: the session-cookie pre-pass, which keeps names and sites, never the entry (so it is not slimmed).
   */
  constructor(
    private readonly file: string | undefined,
    private readonly onEntry?: (entry: TraceEntry) => void,
  ) {
    this.fields = new HarFields(file);
    this.repair = new StartTimeRepair((index, startedAt, skipped) => this.place(index, startedAt, skipped));
    this.scanner = new HarEntryScanner(file, {
      entry: (raw, index) => this.read(raw, index),
      logField: (key, value) => {
        if (key === 'creator' || key === 'browser') this.source[key] = value;
        if (key === '_sessionscope') this.cookieEvents = cookieEventsOfLogField(value);
        // Only before the entries, as the whole-file reader takes them (harLog.ts listedPagesBeforeEntries).
        if (key === 'pages' && this.scanner.entryCount === 0) this.fields.listedPages = listedPagesOf(value);
      },
      notAHar: notAHarThrower(file),
    });
  }

  get bytesRead(): number {
    return this.scanner.bytesRead;
  }

  get entryCount(): number {
    return this.scanner.entryCount;
  }

  write(chunk: Uint8Array | string): void {
    this.scanner.write(chunk);
  }

  end(): HarStreamIndex {
    const early = this.scanner.end();
    this.repair.end();
    const count = this.scanner.entryCount;
    requireReadableEntry(count, this.skipped.length, this.firstSkipped, this.file);
    const startedAt = this.times.slice(0, count);
    const runs = this.runs.subarray(0, count);
    const creator = creatorLine(this.source);
    const browser = this.userAgent.browserOf(this.source);
    let order: Uint32Array | undefined;
    if (!this.inFileOrder) {
      // Entries that started together keep their file order (the whole-file reader's stable sort).
      order = Uint32Array.from({ length: count }, (_, i) => i).sort(
        (a, b) => runs[a]! - runs[b]! || startedAt[a]! - startedAt[b]! || a - b,
      );
    }
    return {
      entryCount: count,
      ...(creator ? { creator } : {}),
      ...(browser ? { browser } : {}),
      warnings: early ? [earlyEndWarning(early, this.file), ...this.repair.warnings] : this.repair.warnings,
      startedAt,
      ...(this.runIds.size > 1 ? { runs: this.runIds.size } : {}),
      ...(order ? { order } : {}),
      ...(this.skipped.length > 0 ? { skipped: this.skipped } : {}),
      ...(this.cookieEvents !== undefined ? { cookieEvents: this.cookieEvents } : {}),
      ...(this.fields.listedPages !== undefined ? { listedPages: this.fields.listedPages } : {}),
    };
  }

  private read(raw: unknown, index: number): void {
    const imported = importHarEntry(this.fields, raw, index);
    if (index >= this.times.length) this.grow();
    if (isSkipped(imported)) {
      this.skipped.push(index);
      this.firstSkipped ??= imported.skipped;
      this.repair.add(imported);
      return;
    }
    this.userAgent.note(imported.request.headers);
    // As runCount counts them: entries without a run, beside others with one, are a run of their own.
    this.runIds.add(imported.run ?? -1);
    if (imported.run !== undefined) this.runs[index] = imported.run + 1;
    // Only what the repair needs: an undated entry may wait for the first dated one, its draft need not.
    const { parsedStart, startProblem, notes } = imported;
    this.repair.add({ index, parsedStart, startProblem, notes });
    this.onEntry?.(entryAlone(imported));
  }

  /** A repaired time, in file order. A skipped entry is never emitted; its time and run keep the order whole. */
  private place(index: number, startedAt: number, skipped: boolean): void {
    this.times[index] = startedAt;
    if (skipped) {
      this.runs[index] = this.previousRun;
      return;
    }
    const run = this.runs[index]!;
    const previous = this.previousTime;
    if (previous !== undefined && (run < this.previousRun || (run === this.previousRun && startedAt < previous)))
      this.inFileOrder = false;
    this.previousTime = startedAt;
    this.previousRun = run;
  }

  private grow(): void {
    const times = new Float64Array(this.times.length * 2);
    times.set(this.times);
    this.times = times;
    const runs = new Uint32Array(this.runs.length * 2);
    runs.set(this.runs);
    this.runs = runs;
  }
}

/** The Trace a report needs of a streamed file: its source, entry count and warnings, but no events. */
export function streamedTraceSummary(index: HarStreamIndex, file?: string): Trace {
  return {
    source: {
      format: 'har',
      ...(index.creator ? { creator: index.creator } : {}),
      ...(index.browser ? { browser: index.browser } : {}),
      ...(file !== undefined ? { file } : {}),
    },
    events: [],
    entryCount: index.entryCount,
    ...(index.runs !== undefined ? { runs: index.runs } : {}),
    ...(index.warnings.length > 0 ? { warnings: index.warnings } : {}),
  };
}

/** The second pass, push-style: each written chunk emits the events it completes, in trace order. */
export class HarEventReader implements StreamProgress {
  private readonly scanner: HarEntryScanner;
  private readonly fields: HarFields;
  /** Entries read before their turn; null for an unreadable entry, which takes its turn and emits nothing. */
  private readonly waiting = new Map<number, EntryDraft | null>();
  private readonly initiators = new InitiatorResolver();
  /** How many entries were emitted: the next to emit is the trace's entry at this position. */
  private emitted = 0;

  constructor(
    private readonly index: HarStreamIndex,
    file: string | undefined,
    private readonly emit: (event: TraceEvent) => void,
  ) {
    this.fields = new HarFields(file);
    this.fields.listedPages = index.listedPages;
    this.scanner = new HarEntryScanner(file, {
      entry: (raw, position) => this.read(raw, position),
      notAHar: notAHarThrower(file),
    });
  }

  private read(raw: unknown, position: number): void {
    const imported = importHarEntry(this.fields, raw, position);
    let draft: EntryDraft | null = null;
    if (!isSkipped(imported)) {
      imported.startedAt = this.index.startedAt[position] ?? imported.startedAt;
      draft = imported;
    }
    if (this.nextPosition() !== position) {
      // Only an entry that waits is slimmed, so that waiting entries stay small; one handed over at once is
      // forgotten as soon as it is analysed, and the engine reads only headers slimming keeps either way.
      this.waiting.set(position, draft && slimEntry(draft));
      return;
    }
    this.send(draft);
    for (let next = this.nextPosition(); this.waiting.has(next); next = this.nextPosition()) {
      const ready = this.waiting.get(next)!;
      this.waiting.delete(next);
      this.send(ready);
    }
  }

  get bytesRead(): number {
    return this.scanner.bytesRead;
  }

  get entryCount(): number {
    return this.scanner.entryCount;
  }

  write(chunk: Uint8Array | string): void {
    this.scanner.write(chunk);
  }

  end(): void {
    this.scanner.end(); // a file cut short: the index counted only the entries read whole, as this pass does
    if (this.emitted !== this.index.entryCount) {
      throw new Error(
        `the file changed between its two readings (${this.emitted} of ${this.index.entryCount} entries)`,
      );
    }
  }

  private nextPosition(): number {
    return this.index.order ? (this.index.order[this.emitted] ?? -1) : this.emitted;
  }

  private send(draft: EntryDraft | null): void {
    this.emitted++;
    if (draft) this.emit({ kind: 'entry', entry: this.initiators.resolve(draft) });
  }
}

/** The second pass over an async sequence of chunks (a Node stream, `File.stream()`), as an event sequence. */
export async function* harEvents(
  chunks: AsyncIterable<Uint8Array | string>,
  index: HarStreamIndex,
  file?: string,
  onProgress?: (reader: StreamProgress) => void,
): AsyncGenerator<TraceEvent> {
  let ready: TraceEvent[] = [];
  const reader = new HarEventReader(index, file, (event) => ready.push(event));
  for await (const chunk of chunks) {
    reader.write(chunk);
    onProgress?.(reader);
    const batch = ready;
    ready = [];
    yield* batch;
  }
  reader.end();
  yield* ready;
}

/** The first pass over an async sequence of chunks. */
export async function indexHarStream(
  chunks: AsyncIterable<Uint8Array | string>,
  file?: string,
  onEntry?: (entry: TraceEntry) => void,
  onProgress?: (reader: StreamProgress) => void,
): Promise<HarStreamIndex> {
  const indexer = new HarIndexer(file, onEntry);
  for await (const chunk of chunks) {
    indexer.write(chunk);
    onProgress?.(indexer);
  }
  return indexer.end();
}
