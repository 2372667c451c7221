/**
 * Reads a HAR file of any size, chunk by chunk, without ever holding its text or its parsed document: the entry
 * scanner (harEntryScanner.ts) hands over one parsed `log.entries[i]` at a time, and the same HarTraceBuilder
 * the whole-file reader uses (har.ts) reads it and forgets the rest, so response bodies and all the fields the
 * engine does not read are dropped as soon as they are parsed. The result is the Trace the whole-file reader
 * gives. Memory is bounded by the compact entries the engine needs anyway, not by the file.
 */
import type { RecordingBrowser } from '../trace/recordingBrowser.ts';
import type { Trace, TraceEntry } from '../trace/types.ts';
import { HarTraceBuilder } from './har.ts';
import { HarEntryScanner } from './harEntryScanner.ts';
import { cookieEventsOfLogField, listedPagesOf, notAHarThrower } from './harLog.ts';
import { earlyEndWarning } from './harTruncation.ts';

export class HarStreamReader {
  private readonly scanner: HarEntryScanner;
  private readonly builder: HarTraceBuilder;
  private failure: unknown;
  private exportedEvents: unknown;

  /**
   * `onEntry` sees each readable entry as soon as it can be told (HarTraceBuilder): in a file in time order, the
   * very entries of the Trace `end` gives.
   */
  constructor(
    private readonly file?: string,
    onEntry?: (entry: TraceEntry) => void,
  ) {
    const builder = new HarTraceBuilder(file, onEntry);
    let source: { readonly creator?: unknown; readonly browser?: unknown } = {};
    builder.logSource(source);
    this.builder = builder;
    this.scanner = new HarEntryScanner(file, {
      entry: (raw) => builder.add(raw),
      // A new source object each time (twice a file at most): the builder tells a changed source by identity.
      logField: (key, value) => {
        if (key === '_sessionscope') this.exportedEvents = cookieEventsOfLogField(value);
        // Only before the entries, as the whole-file reader takes them (harLog.ts listedPagesBeforeEntries).
        if (key === 'pages' && builder.entryCount === 0) builder.fields.listedPages = listedPagesOf(value);
        if (key !== 'creator' && key !== 'browser') return;
        source = { ...source, [key]: value };
        builder.logSource(source);
      },
      notAHar: notAHarThrower(file),
    });
  }

  /** `log._sessionscope.cookieEvents` as read (our own HAR export's), undefined for any other HAR. */
  get cookieEvents(): unknown {
    return this.exportedEvents;
  }

  /** Bytes written so far: for progress lines. */
  get bytesRead(): number {
    return this.scanner.bytesRead;
  }

  /** The recording's browser as far as the file has been read. */
  get browser(): RecordingBrowser | undefined {
    return this.builder.browser;
  }

  /** Entries read so far. */
  get entryCount(): number {
    return this.builder.entryCount;
  }

  /** Feeds the next piece of the file (bytes, or text). Throws TraceInputError as soon as the file is wrong. */
  write(chunk: Uint8Array | string): void {
    if (this.failure) throw this.failure;
    try {
      this.scanner.write(chunk);
    } catch (error) {
      this.failure = error;
      throw error;
    }
  }

  /**
   * The whole file was written: the Trace, exactly as the whole-file reader would give it. A file cut short
   * after its first entry gives the entries read whole, with a warning that says where it ends.
   */
  end(): Trace {
    if (this.failure) throw this.failure;
    const early = this.scanner.end();
    if (early) this.builder.endedEarly(earlyEndWarning(early, this.file));
    return this.builder.finish();
  }
}

/** Reads a whole HAR from an async sequence of chunks (a Node stream, a `File.stream()` reader). */
export async function readHarStream(
  chunks: AsyncIterable<Uint8Array | string>,
  file?: string,
  onProgress?: (reader: HarStreamReader) => void,
): Promise<Trace> {
  const reader = new HarStreamReader(file);
  for await (const chunk of chunks) {
    reader.write(chunk);
    onProgress?.(reader);
  }
  return reader.end();
}
