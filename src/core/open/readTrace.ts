// Reads a whole trace file's text, HAR or a native Sessionscope trace, decided by the parsed document's top-level
// fields; anything else is a TraceInputError that says what the file was expected to look like. The one
// whole-file reader of the CLI and the panel (openTrace.ts decides when a file is read whole).
import { harToTrace } from '../har/har.ts';
import { isObject, kindOf, ownField } from '../har/harFields.ts';
import { HarStreamReader } from '../har/harStream.ts';
import { endHarStream, withExportedEvents } from '../native/harCookieEvents.ts';
import { savedHarAnalysis } from '../native/harSavedAnalysis.ts';
import { NATIVE_FORMAT, type NativeTrace, parseNativeTrace } from '../native/native.ts';
import { paddingWarning, unpadJson } from '../trace/jsonPadding.ts';
import { inFile, parseJsonText, TruncatedJsonError } from '../trace/jsonText.ts';
import { type Trace, TraceInputError } from '../trace/types.ts';
import { SNIFF_BYTES } from './openTrace.ts';
import { otherFormatOf } from './otherFormats.ts';

export type TraceFileKind = 'har' | 'sessionscope-trace' | 'unknown';

/** What a parsed JSON document is, judged by its top-level fields only. */
export function detectTraceFormat(document: unknown): TraceFileKind {
  if (!isObject(document)) return 'unknown';
  if (ownField(document, 'format') === NATIVE_FORMAT) return 'sessionscope-trace';
  if (ownField(document, 'log') !== undefined) return 'har';
  return 'unknown';
}

/**
 * A file as read: its Trace, and for a native trace everything else it saved (settings, analysis); also for our own
 * redacted HAR export, which saves them too (native/harSavedAnalysis.ts).
 */
export interface ReadTrace {
  readonly trace: Trace;
  readonly native?: NativeTrace;
}

/** Reads a trace file's text, whichever format it is in. Throws TraceInputError, and nothing else. */
export function readTraceText(text: string, file?: string): ReadTrace {
  const padded = unpadJson(text);
  if (padded === undefined) return readJsonTrace(text, file);
  const read = readJsonTrace(padded.inner, file);
  if (read.native !== undefined) return read;
  const warnings = [paddingWarning(padded.callback), ...(read.trace.warnings ?? [])];
  return { trace: { ...read.trace, warnings } };
}

function readJsonTrace(text: string, file: string | undefined): ReadTrace {
  let document: unknown;
  try {
    document = parseJsonText(text, file);
  } catch (error) {
    if (error instanceof TruncatedJsonError) return { trace: truncatedHar(text, file, error) };
    // Text the sniffing never saw (standard input, a file the panel read whole): said as openTrace says it.
    const other = otherFormatOf(text.slice(0, SNIFF_BYTES));
    if (other !== undefined) throw new TraceInputError(inFile(file, other));
    throw error;
  }
  switch (detectTraceFormat(document)) {
    case 'har': {
      // Our own HAR export keeps the recording's cookie and navigation events: they go back among its entries.
      const trace = withExportedEvents(document, harToTrace(document, file), file);
      // Our own redacted HAR export opens as its exporter saw it, as a redacted native trace does.
      const saved = savedHarAnalysis(document, trace, file);
      if (saved === undefined) return { trace };
      return 'saved' in saved ? { trace: saved.saved.trace, native: saved.saved } : { trace: saved.trace };
    }
    case 'sessionscope-trace': {
      const native = parseNativeTrace(document, file);
      return { trace: native.trace, native };
    }
    case 'unknown': {
      // A HAR's `log` object saved without its `{"log": …}` wrapper (Chrome's DevTools' own log read from a script):
      // the entries are all there, so it is read, and the warning says what was assumed.
      if (isHarLogObject(document)) {
        const trace = harToTrace({ log: document }, file);
        return { trace: { ...trace, warnings: [UNWRAPPED_LOG_WARNING, ...(trace.warnings ?? [])] } };
      }
      throw new TraceInputError(inFile(file, otherFormatOf(text.slice(0, SNIFF_BYTES)) ?? neitherFormat(document)));
    }
  }
}

/** A HAR `log` object by its own fields: an `entries` list beside a `creator` or a `version`. */
function isHarLogObject(document: unknown): document is Record<string, unknown> {
  return (
    isObject(document) &&
    Array.isArray(ownField(document, 'entries')) &&
    (ownField(document, 'creator') !== undefined || ownField(document, 'version') !== undefined)
  );
}

const UNWRAPPED_LOG_WARNING = {
  where: 'the top level',
  message:
    'the file holds a HAR\'s "log" object without its {"log": …} wrapper (an "entries" list beside "creator" or "version"): read as that log',
};

/** What a JSON document that is neither a HAR nor a trace lacks. */
function neitherFormat(document: unknown): string {
  return isObject(document)
    ? 'neither a HAR file (no "log" field) nor a Sessionscope trace (no "format": "sessionscope-trace")'
    : `neither a HAR file nor a Sessionscope trace: the top level is ${kindOf(document)}, expected an object`;
}

/**
 * A text cut short: read as a HAR by the entry scanner, which keeps the entries whole before the end and says
 * where the file ends (harTruncation.ts). When that gives nothing (not a HAR's start, no entry whole), the
 * parser's own error stands: it names the line and column.
 */
function truncatedHar(text: string, file: string | undefined, parseError: TruncatedJsonError): Trace {
  const reader = new HarStreamReader(file);
  try {
    reader.write(text);
    return endHarStream(reader, file);
  } catch {
    throw parseError;
  }
}

/** The Trace of a trace file's text, whichever format it is in. Throws TraceInputError, and nothing else. */
export function parseTraceFile(text: string, file?: string): Trace {
  return readTraceText(text, file).trace;
}
