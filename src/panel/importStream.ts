// Opens a large HAR progressively: the picked or dropped file is read as a stream (`File.stream()`) through
// the core's HarStreamReader, so the panel never holds the file's text or its parsed document, and the first
// entries read are handed to the caller at once as a preview (importPreview.ts) to draw while the rest of the
// file is read and the whole trace analysed. Whether a file is streamed is the core's decision (openTrace, the
// same as the CLI's): small files and native traces keep the whole-file path (importTrace.ts).
//
// A file the stream reader refuses is read again by the whole-file importer, so the panel refuses it with
// exactly the message it always gave.
import { HarStreamReader } from '../core/har/harStream.ts';
import { endHarStream } from '../core/native/harCookieEvents.ts';
import { openTrace, SNIFF_BYTES, type TraceOpening } from '../core/open/openTrace.ts';
import type { Trace, TraceEntry } from '../core/trace/types.ts';
import { previewView } from './importPreview.ts';
import { type ImportOutcome, importNotice, importTraceFile } from './importTrace.ts';
import type { TraceView } from './model.ts';

/** Entries in the preview: more than a screenful of rows. */
export const PREVIEW_ENTRIES = 100;
/** The preview is shown after this long even with fewer entries (a file of few, huge entries). */
const PREVIEW_AFTER_MS = 300;
/** The page gets a turn (to paint, scroll, type) at least this often while the file is read. */
const YIELD_EVERY_MS = 50;

export type ImportFile = Blob & { readonly name: string };

export interface StreamImportOptions {
  /** Files of this many bytes or more are streamed; default the core's STREAM_FROM_BYTES. */
  readonly streamFromBytes?: number;
  readonly previewEntries?: number;
  /** Gives the page a turn; default a macrotask, so a frame can be painted. */
  readonly yieldToPage?: () => Promise<void>;
}

const nextTask = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

/**
 * Imports a file, calling `onPreview` (at most once) with the first rows of a large HAR as soon as they are
 * read. The outcome is the same as importTraceFile's; when it is a refusal after a preview, the caller must
 * take the preview down again.
 */
export async function importTraceFileProgressively(
  file: ImportFile,
  onPreview: (view: TraceView) => void,
  options: StreamImportOptions = {},
): Promise<ImportOutcome> {
  if (typeof file.stream !== 'function') return importTraceFile(file);
  const opening = await openingOf(file, options.streamFromBytes);
  if (!opening?.stream) return importTraceFile(file);
  try {
    const trace = (await streamHar(file, onPreview, options)) as Trace;
    const notice = importNotice(trace);
    return { ok: true, trace, ...(notice ? { notice } : {}) };
  } catch {
    // Whatever the stream reader found, the whole-file importer words the refusal as the panel always did.
    return importTraceFile(file);
  }
}

/** The core streams this file (a large HAR): read progressively, not as one text. */
export async function isStreamed(file: ImportFile, options: StreamImportOptions = {}): Promise<boolean> {
  if (typeof file.stream !== 'function') return false;
  return (await openingOf(file, options.streamFromBytes))?.stream === true;
}

/**
 * How the core opens this file, from its first bytes; undefined when they cannot be read or no reader takes
 * the file (the whole-file importer then says why).
 */
async function openingOf(file: ImportFile, streamFromBytes: number | undefined): Promise<TraceOpening | undefined> {
  try {
    const head = new Uint8Array(await file.slice(0, SNIFF_BYTES).arrayBuffer());
    return openTrace(head, file.size, {
      file: file.name,
      ...(streamFromBytes !== undefined ? { streamFromBytes } : {}),
    });
  } catch {
    return undefined;
  }
}

/**
 * The first rows of a large HAR (no verdicts), read from the start of the file alone: shown while a worker
 * reads and analyses the whole file. Undefined when none could be read.
 */
export async function previewOfFile(
  file: ImportFile,
  options: StreamImportOptions = {},
): Promise<TraceView | undefined> {
  let preview: TraceView | undefined;
  try {
    await streamHar(file, (view) => (preview = view), options, true);
  } catch {
    // A broken file: the worker's import refuses it with the message.
  }
  return preview;
}

async function streamHar(
  file: ImportFile,
  onPreview: (view: TraceView) => void,
  options: StreamImportOptions,
  stopAfterPreview = false,
): Promise<Trace | undefined> {
  const wanted = options.previewEntries ?? PREVIEW_ENTRIES;
  const yieldToPage = options.yieldToPage ?? nextTask;
  const firstEntries: TraceEntry[] = [];
  let previewShown = false;
  // The reader hands over each entry as it is read; the first ones make the preview (an unreadable entry is left
  // out of it too; the finished import names it).
  const reader = new HarStreamReader(file.name, (entry) => {
    if (!previewShown && firstEntries.length < wanted) firstEntries.push(entry);
  });
  const started = performance.now();
  let lastYield = started;
  const stream = file.stream().getReader();
  try {
    for (;;) {
      const { done, value } = await stream.read();
      if (done) break;
      reader.write(value);
      if (!previewShown) {
        const waited = performance.now() - started;
        if (firstEntries.length >= wanted || (firstEntries.length > 0 && waited >= PREVIEW_AFTER_MS)) {
          previewShown = true;
          onPreview(previewView(file.name, firstEntries));
          if (stopAfterPreview) {
            await stream.cancel();
            return undefined;
          }
          await yieldToPage();
          lastYield = performance.now();
        }
      }
      if (performance.now() - lastYield >= YIELD_EVERY_MS) {
        await yieldToPage();
        lastYield = performance.now();
      }
    }
  } finally {
    stream.releaseLock();
  }
  const trace: Trace = endHarStream(reader, file.name);
  return trace;
}
