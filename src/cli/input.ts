/**
 * Reads one input file for the CLI: a HAR or a native trace, whole when it is small, and a HAR streamed entry by
 * entry from STREAM_FROM_BYTES (core/open/openTrace.ts decides, for the panel too), so files bigger than the
 * biggest string the JS engine can hold still load. For `analyze`, a streamed HAR is never held: a first pass indexes it (times,
 * order, warnings, and the session-cookie pre-pass), and its events are read again when the analysis asks
 * (harStreamEvents.ts), so memory is bounded by the analysis's facts, not by the file. For `export`, which
 * needs every entry, the streamed file becomes a whole Trace. Both paths give the same analysis. A progress
 * line goes to standard error while streaming, only when it is a terminal.
 */
import { closeSync, openSync, readSync, statSync } from 'node:fs';
import { setFlagsFromString } from 'node:v8';
import { type PrepassResult, TracePrepass } from '../core/analysis/prepass.ts';
import type { AnalysisSettings } from '../core/analysis/settings.ts';
import { EventPlacement, endHarStream, indexedEntries, readExportedEvents } from '../core/native/harCookieEvents.ts';
import type { NativeTrace } from '../core/native/native.ts';
import {
  type HarStreamIndex,
  HarStreamReader,
  harEvents,
  indexHarStream,
  openTrace,
  readTraceText,
  SNIFF_BYTES,
  STREAM_FROM_BYTES,
  type StreamProgress,
  streamedTraceSummary,
} from '../core/open/index.ts';
import { type Trace, type TraceEvent, TraceInputError } from '../core/trace/types.ts';
import { fileChunks } from './fileChunks.ts';

export interface InputIo {
  /** The whole file as text ("-" is standard input). */
  readonly readFile: (path: string) => string;
  /** The file's size in bytes, or undefined when unknown (standard input, or an Io without files). */
  readonly fileSize?: (path: string) => number | undefined;
  /** The file as a stream of byte chunks. */
  readonly openStream?: (path: string) => AsyncIterable<Uint8Array>;
  /** The first bytes of the file, to tell a native trace from a HAR before choosing how to read it. */
  readonly readHead?: (path: string, bytes: number) => Uint8Array;
  /** Files of this many bytes or more are streamed (default STREAM_FROM_BYTES). */
  readonly streamFromBytes?: number;
  /** Where progress lines go (a terminal's standard error), or undefined to stay quiet. */
  readonly progress?: (line: string) => void;
}

export class InputError extends Error {}

export interface LoadedInput {
  /** For a streamed HAR read for analysis: its source, entry count and warnings, but no events (see `events`). */
  readonly trace: Trace;
  /** Present when the file is a native trace: its saved settings and analysis. */
  readonly native?: NativeTrace;
  readonly streamed: boolean;
  /** A streamed HAR read for analysis: its events, read again from the file each time this is opened. */
  readonly events?: StreamedEvents;
}

export interface StreamedEvents {
  readonly index: HarStreamIndex;
  readonly open: () => AsyncIterable<TraceEvent>;
  /** The session-cookie pre-pass made during indexing; absent when file order is not trace order. */
  readonly prepass?: PrepassResult;
}

export interface LoadOptions {
  /**
   * The caller only analyses (it needs no Trace): a large HAR is then indexed, not held. With settings, the
   * indexing pass also makes the analysis's pre-pass, saving one more reading of the file.
   */
  readonly analyseOnly?: { readonly settings: AnalysisSettings };
}

export const nodeInputIo: Omit<InputIo, 'readFile'> = {
  fileSize: (path) => {
    if (path === '-') return undefined;
    try {
      return statSync(path).size;
    } catch {
      return undefined;
    }
  },
  openStream: fileChunks,
  readHead: (path, bytes) => {
    const fd = openSync(path, 'r');
    try {
      const buffer = Buffer.alloc(bytes);
      const read = readSync(fd, buffer, 0, bytes, 0);
      return buffer.subarray(0, read);
    } finally {
      closeSync(fd);
    }
  },
  // SESSIONSCOPE_STREAM_ABOVE moves the line (tests stream small files with it); files of that size or more stream.
  streamFromBytes: Number(process.env.SESSIONSCOPE_STREAM_ABOVE) || STREAM_FROM_BYTES,
  ...(process.stderr.isTTY ? { progress: (line: string) => process.stderr.write(line) } : {}),
};

function cannotRead(file: string, e: unknown): InputError {
  const err = e as NodeJS.ErrnoException;
  const why =
    err.code === 'ENOENT'
      ? 'no such file'
      : err.code === 'EISDIR'
        ? 'is a directory'
        : err.code === 'EACCES'
          ? 'permission denied'
          : err.code === 'ERR_STRING_TOO_LONG' || /string longer than/i.test(err.message)
            ? 'the file is larger than the biggest string this JavaScript engine can hold (only HAR files are streamed)'
            : err.message;
  return new InputError(`${file}: cannot read: ${why}`);
}

function inputError(file: string, e: unknown): InputError {
  if (e instanceof TraceInputError) {
    // Importer messages already begin with the file name; make sure one is there.
    return new InputError(e.message.startsWith(file) ? e.message : `${file}: ${e.message}`);
  }
  return new InputError(`${file}: could not be read as a HAR or trace: ${(e as Error).message}`);
}

export async function loadInput(file: string, io: InputIo, options: LoadOptions = {}): Promise<LoadedInput> {
  const size = io.fileSize?.(file);
  // Standard input and in-memory inputs have no size: they are read whole.
  if (size !== undefined && io.readHead && io.openStream) {
    let head: Uint8Array;
    try {
      head = io.readHead(file, SNIFF_BYTES);
    } catch (e) {
      throw cannotRead(file, e);
    }
    let stream: boolean;
    try {
      stream = openTrace(head, size, { file, streamFromBytes: io.streamFromBytes ?? STREAM_FROM_BYTES }).stream;
    } catch (e) {
      throw inputError(file, e);
    }
    if (stream) {
      if (options.analyseOnly) return indexHar(file, size, io, options.analyseOnly.settings);
      return { trace: await streamHar(file, size, io), streamed: true };
    }
  }
  let text: string;
  try {
    text = io.readFile(file);
  } catch (e) {
    throw cannotRead(file, e);
  }
  try {
    const { trace, native } = readTraceText(text, file);
    return { trace, ...(native ? { native } : {}), streamed: false };
  } catch (e) {
    throw inputError(file, e);
  }
}

const MB = 1024 * 1024;
const PROGRESS_EVERY_MS = 200;

/** A progress line on the terminal while a file is read, at most every PROGRESS_EVERY_MS; a clean line after. */
function progressLine(file: string, size: number, io: InputIo, label: string) {
  const progress = io.progress;
  let shown = 0;
  return {
    update(reader: StreamProgress): void {
      if (!progress || Date.now() - shown < PROGRESS_EVERY_MS) return;
      shown = Date.now();
      const line = `sessionscope: ${label} ${file}: ${(reader.bytesRead / MB).toFixed(1)} / ${(size / MB).toFixed(1)} MB, ${reader.entryCount} entries`;
      progress(`\r${line}\u001b[K`);
    },
    // Leave the terminal line clean for what comes next.
    done: () => progress?.('\r\u001b[K'),
  };
}

/** Reading errors as the CLI reports them: the importer's words, or why the file cannot be read. */
function asInputError(file: string, e: unknown): InputError {
  if (e instanceof TraceInputError) return inputError(file, e);
  return cannotRead(file, e);
}

/**
 * How much V8 lets the old generation grow past what its last full collection kept, in percent (its default is
 * a factor of 1.1 to 4, chosen from GC and mutator speed). A streamed analysis's live heap only grows (the
 * facts of every request), so what lies above it is garbage awaiting collection: at the peak of the 1 GiB
 * benchmark file the old space was 192 MB at the default and 112 MB at 20 %, in the same time (~64 s,
 * bench/RESULTS.md row 3).
 */
const STREAMED_HEAP_GROWING_PERCENT = 20;

/**
 * V8 flags for a streamed analysis, read by V8 at each collection, so setting them now takes effect:
 * - the old generation grows by STREAMED_HEAP_GROWING_PERCENT past what its last full collection kept;
 * - no allocation-site pretenuring. V8 samples which allocation sites' objects survive a scavenge and from then
 *   on allocates theirs straight in the old generation. Sampled while a chunk's entries are alive, a site whose
 *   objects die with the next chunk was pretenured in about half the runs of the 1 GiB benchmark file (10 of
 *   18): those runs did 30 full collections instead of 6 and peaked at 200–216 MB of RSS instead of 175–186 MB.
 *   Without pretenuring, 23 of 23 runs peaked at 175–186 MB in the same time (bench/RESULTS.md row 3).
 */
const STREAMED_V8_FLAGS = [
  `--heap-growing-percent=${STREAMED_HEAP_GROWING_PERCENT}`,
  '--no-allocation-site-pretenuring',
];

async function indexHar(file: string, size: number, io: InputIo, settings: AnalysisSettings): Promise<LoadedInput> {
  for (const flag of STREAMED_V8_FLAGS) setFlagsFromString(flag);
  const prepass = new TracePrepass(settings);
  const shown = progressLine(file, size, io, 'reading (pass 1)');
  let index: HarStreamIndex;
  try {
    index = await indexHarStream(
      io.openStream!(file),
      file,
      (entry) => prepass.feed({ kind: 'entry', entry }),
      shown.update,
    );
  } catch (e) {
    throw asInputError(file, e);
  } finally {
    shown.done();
  }
  // Our own HAR export's cookie and navigation events, read at the end of the first pass, go back where they were.
  const exported = readExportedEvents(index.cookieEvents, file);
  const placement = exported.events.length > 0 ? new EventPlacement(indexedEntries(index), exported.events) : undefined;
  for (const { event } of exported.events) prepass.feed(event);
  let readings = 0;
  async function* open(): AsyncGenerator<TraceEvent> {
    const shownAgain = progressLine(file, size, io, `reading (pass ${++readings + 1})`);
    try {
      const entries = harEvents(io.openStream!(file), index, file, shownAgain.update);
      yield* placement ? placement.placedInStream(entries) : entries;
    } catch (e) {
      throw asInputError(file, e);
    } finally {
      shownAgain.done();
    }
  }
  const warnings = [...index.warnings, ...exported.warnings];
  return {
    trace: streamedTraceSummary({ ...index, warnings }, file),
    streamed: true,
    // Fed in file order, the pre-pass is the trace-order one only when the two orders are the same.
    events: { index, open, ...(index.order ? {} : { prepass: prepass.finish() }) },
  };
}

async function streamHar(file: string, size: number, io: InputIo): Promise<Trace> {
  const reader = new HarStreamReader(file);
  const shown = progressLine(file, size, io, 'reading');
  try {
    for await (const chunk of io.openStream!(file)) {
      reader.write(chunk);
      shown.update(reader);
    }
    return endHarStream(reader, file);
  } catch (e) {
    throw asInputError(file, e);
  } finally {
    shown.done();
  }
}
