// Opens a large HAR progressively: the picked or dropped file is read as a stream (`File.stream()`) through
// the core's HarStreamReader, so the panel never holds the file's text or its parsed document, and the first
// entries read are handed to the caller at once as a preview (importPreview.ts) to draw while the rest of the
// file is read and the whole trace analysed. Small files keep the whole-file path (importTrace.ts): it is
// already fast for them and it also reads native traces.
//
// A file the stream reader refuses is read again by the whole-file importer, so the panel refuses it with
// exactly the message it always gave (and a large native trace, which has no `log`, is read the usual way).
import { HarEntryScanner } from '../core/formats/harEntryScanner.ts';
import { HarStreamReader, importHarEntry, isSkipped, notAHarThrower } from '../core/formats/harStream.ts';
import type { Trace, TraceEntry } from '../core/trace/types.ts';
import { previewView } from './importPreview.ts';
import { type ImportOutcome, importNotice, importTraceFile } from './importTrace.ts';
import type { TraceView } from './model.ts';

/** Files from this size up are streamed: below it, reading the whole text takes well under a second. */
export const STREAM_FROM_BYTES = 8 * 1024 * 1024;
/** Entries in the preview: more than a screenful of rows. */
export const PREVIEW_ENTRIES = 100;
/** The preview is shown after this long even with fewer entries (a file of few, huge entries). */
const PREVIEW_AFTER_MS = 300;
/** The page gets a turn (to paint, scroll, type) at least this often while the file is read. */
const YIELD_EVERY_MS = 50;

export type ImportFile = Blob & { readonly name: string };

export interface StreamImportOptions {
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
  if (file.size < (options.streamFromBytes ?? STREAM_FROM_BYTES) || typeof file.stream !== 'function') {
    return importTraceFile(file);
  }
  if (!(await startsLikeHar(file))) return importTraceFile(file);
  try {
    const trace = await streamHar(file, onPreview, options);
    const notice = importNotice(trace);
    return { ok: true, trace, ...(notice ? { notice } : {}) };
  } catch {
    // Whatever the stream reader found, the whole-file importer words the refusal as the panel always did.
    return importTraceFile(file);
  }
}

/**
 * Whether the document's first key is `log`, as in every HAR writer's output. Anything else (a native trace,
 * whose `log`-less root the stream reader would only notice at its very end) is read whole instead.
 */
async function startsLikeHar(file: ImportFile): Promise<boolean> {
  try {
    const head = await file.slice(0, 1024).text();
    return /^\uFEFF?\s*\{\s*"log"\s*:/.test(head);
  } catch {
    return false;
  }
}

async function streamHar(file: ImportFile, onPreview: (view: TraceView) => void, options: StreamImportOptions) {
  const wanted = options.previewEntries ?? PREVIEW_ENTRIES;
  const yieldToPage = options.yieldToPage ?? nextTask;
  const reader = new HarStreamReader(file.name);
  const firstEntries: TraceEntry[] = [];
  // A second scanner over the first chunks only: HarStreamReader keeps its entries to itself until the end.
  // It sees the bytes after the reader, which throws first on anything wrong.
  let previewScanner: HarEntryScanner | undefined = new HarEntryScanner(file.name, {
    entry: (raw, index) => {
      if (firstEntries.length >= wanted) return;
      const imported = importHarEntry(raw, index, file.name);
      // An unreadable entry is left out of the preview too; the finished import names it.
      if (!isSkipped(imported)) firstEntries.push(imported.entry);
    },
    notAHar: notAHarThrower(file.name),
  });
  const started = performance.now();
  let lastYield = started;
  const stream = file.stream().getReader();
  try {
    for (;;) {
      const { done, value } = await stream.read();
      if (done) break;
      reader.write(value);
      if (previewScanner) {
        previewScanner.write(value);
        const waited = performance.now() - started;
        if (firstEntries.length >= wanted || (firstEntries.length > 0 && waited >= PREVIEW_AFTER_MS)) {
          previewScanner = undefined;
          onPreview(previewView(file.name, firstEntries));
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
  const trace: Trace = reader.end();
  return trace;
}
