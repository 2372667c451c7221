/**
 * A HAR too large to hold, read as a sequence of trace events instead of a Trace, in two passes over its bytes.
 * The first (HarIndexer) imports every entry to learn what only the whole file tells — each entry's repaired
 * start time, hence the trace order; the import warnings; the creator — and keeps just those (a few bytes per
 * entry). The second (harEvents) imports the entries again and hands them over one at a time, in trace order,
 * times repaired, initiators decided, headers slimmed: the same events the in-memory importer's Trace has,
 * apart from the headers the engine never reads. An entry that arrives before its turn (a file not in time
 * order) waits; in a time-ordered file, the usual case, none does, so nothing accumulates.
 */

import { firstUserAgent, requireReadableEntry } from '../trace/har.ts';
import { browserFromLog, browserFromUserAgent, type RecordingBrowser } from '../trace/recordingBrowser.ts';
import { slimEntry } from '../trace/slimEntry.ts';
import type { Trace, TraceEntry, TraceEvent, TraceInputWarning } from '../trace/types.ts';
import { HarEntryScanner } from './harEntryScanner.ts';
import {
  creatorLine,
  InitiatorResolver,
  importHarEntry,
  isSkipped,
  notAHarThrower,
  undatedMessage,
} from './harStream.ts';

export interface HarStreamIndex {
  readonly entryCount: number;
  readonly creator?: string;
  /** The recording browser, as the in-memory importer decides it. */
  readonly browser?: RecordingBrowser;
  /** The in-memory importer's warnings, in its order. */
  readonly warnings: readonly TraceInputWarning[];
  /** Start time of each entry, by file position, after the importer's repair of missing times. */
  readonly startedAt: Float64Array;
  /** File positions in trace order; absent when that is the file's own order. */
  readonly order?: Uint32Array;
  /** Browser runs in the file, when more than one (the trace's `runs`). */
  readonly runs?: number;
}

/** What a reader of the file reports, for progress lines. */
export interface StreamProgress {
  readonly bytesRead: number;
  readonly entryCount: number;
}

/** The first pass: feed it the file's chunks, then `end()` gives the index. */
export class HarIndexer implements StreamProgress {
  private readonly scanner: HarEntryScanner;
  private times = new Float64Array(1024);
  /** Each entry's browser run + 1, by file position; 0 for none (trace order is run by run). */
  private runs = new Uint32Array(1024);
  private readonly runIds = new Set<number>();
  /** Undated, skipped (unreadable) and repaired entries (few): by file position. */
  private readonly notes = new Map<
    number,
    { undated?: string; skipped?: boolean; warnings: readonly TraceInputWarning[] }
  >();
  private skippedCount = 0;
  /** The first User-Agent header in file order: the browser when the log does not name it. */
  private userAgent: string | undefined;
  private firstSkipped: TraceInputWarning | undefined;
  private readonly creatorSource: { creator?: unknown; browser?: unknown } = {};

  /** `onEntry` sees each imported (slimmed) entry in file order, before times are repaired. */
  constructor(
    private readonly file: string | undefined,
    onEntry?: (entry: TraceEntry) => void,
  ) {
    this.scanner = new HarEntryScanner(file, {
      entry: (raw, index) => {
        const imported = importHarEntry(raw, index, file);
        if (index >= this.times.length) {
          const grown = new Float64Array(this.times.length * 2);
          grown.set(this.times);
          this.times = grown;
          const grownRuns = new Uint32Array(this.runs.length * 2);
          grownRuns.set(this.runs);
          this.runs = grownRuns;
        }
        if (isSkipped(imported)) {
          this.times[index] = Number.NaN;
          this.notes.set(index, { skipped: true, warnings: [imported.skipped] });
          this.skippedCount++;
          this.firstSkipped ??= imported.skipped;
          return;
        }
        this.userAgent ??= firstUserAgent([imported.entry]);
        const run = imported.entry.run;
        if (run !== undefined) {
          this.runs[index] = run + 1;
          this.runIds.add(run);
        }
        this.times[index] = imported.undated === undefined ? imported.entry.startedAt : Number.NaN;
        if (imported.undated !== undefined || imported.warnings.length > 0) {
          this.notes.set(index, {
            ...(imported.undated !== undefined ? { undated: imported.undated } : {}),
            warnings: imported.warnings,
          });
        }
        onEntry?.(slimEntry(imported.entry));
      },
      logField: (key, value) => {
        if (key === 'creator' || key === 'browser') this.creatorSource[key] = value;
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
    this.scanner.end();
    const count = this.scanner.entryCount;
    requireReadableEntry(count, this.skippedCount, this.firstSkipped, this.file);
    const startedAt = this.times.slice(0, count);
    const runs = this.runs.subarray(0, count);
    const warnings: TraceInputWarning[] = [];
    // The in-memory importer's repair: an undated entry takes the time of the entry before it in the file.
    let firstDated: number | undefined;
    for (let i = 0; i < count && firstDated === undefined; i++)
      if (!Number.isNaN(startedAt[i]!)) firstDated = startedAt[i];
    let previous: number | undefined;
    let inFileOrder = true;
    let previousRun = 0;
    for (let i = 0; i < count; i++) {
      const note = this.notes.get(i);
      if (note?.skipped) {
        // Never emitted (the second pass skips it again); a time keeps the order array whole.
        startedAt[i] = previous ?? firstDated ?? 0;
        runs[i] = previousRun;
        warnings.push(...note.warnings);
        continue;
      }
      if (note?.undated !== undefined) {
        startedAt[i] = previous ?? firstDated ?? 0;
        warnings.push({
          where: `log.entries[${i}].startedDateTime`,
          message: undatedMessage(note.undated, previous, firstDated),
        });
      }
      if (note) warnings.push(...note.warnings);
      if (previous !== undefined && (runs[i]! < previousRun || (runs[i] === previousRun && startedAt[i]! < previous)))
        inFileOrder = false;
      previous = startedAt[i];
      previousRun = runs[i]!;
    }
    const creator = creatorLine(this.creatorSource);
    const browser = browserFromLog(this.creatorSource) ?? browserFromUserAgent(this.userAgent);
    let order: Uint32Array | undefined;
    if (!inFileOrder) {
      // Entries that started together keep their file order (the importer's stable sort).
      order = Uint32Array.from({ length: count }, (_, i) => i).sort(
        (a, b) => runs[a]! - runs[b]! || startedAt[a]! - startedAt[b]! || a - b,
      );
    }
    return {
      entryCount: count,
      ...(creator ? { creator } : {}),
      ...(browser ? { browser } : {}),
      warnings,
      startedAt,
      ...(this.runIds.size > 1 ? { runs: this.runIds.size } : {}),
      ...(order ? { order } : {}),
    };
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
  /** Entries read before their turn; null for an unreadable entry, which takes its turn and emits nothing. */
  private readonly waiting = new Map<number, TraceEntry | null>();
  private readonly initiators = new InitiatorResolver();
  /** How many entries were emitted: the next to emit is the trace's entry at this position. */
  private emitted = 0;

  constructor(
    private readonly index: HarStreamIndex,
    file: string | undefined,
    private readonly emit: (event: TraceEvent) => void,
  ) {
    this.scanner = new HarEntryScanner(file, {
      entry: (raw, position) => {
        const imported = importHarEntry(raw, position, file);
        let slim: TraceEntry | null = null;
        if (!isSkipped(imported)) {
          const entry = imported.entry;
          const startedAt = index.startedAt[position] ?? entry.startedAt;
          slim = slimEntry(startedAt === entry.startedAt ? entry : { ...entry, startedAt });
        }
        if (this.nextPosition() === position) {
          this.send(slim);
          for (let next = this.nextPosition(); this.waiting.has(next); next = this.nextPosition()) {
            const ready = this.waiting.get(next)!;
            this.waiting.delete(next);
            this.send(ready);
          }
        } else this.waiting.set(position, slim);
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

  end(): void {
    this.scanner.end();
    if (this.emitted !== this.index.entryCount) {
      throw new Error(
        `the file changed between its two readings (${this.emitted} of ${this.index.entryCount} entries)`,
      );
    }
  }

  private nextPosition(): number {
    return this.index.order ? (this.index.order[this.emitted] ?? -1) : this.emitted;
  }

  private send(entry: TraceEntry | null): void {
    this.emitted++;
    if (entry) this.emit({ kind: 'entry', entry: this.initiators.resolve(entry) });
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
