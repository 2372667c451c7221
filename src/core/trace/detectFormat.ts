// Decides what a trace file is, HAR or a native Sessionscope trace, and imports it; anything else is a
// TraceInputError that says what the file was expected to look like.
import { NATIVE_FORMAT, NATIVE_VERSION, parseNativeTrace } from '../formats/native.ts';
import { harToTrace } from './har.ts';
import { isObject, kindOf, ownField } from './harFields.ts';
import { inFile, parseJsonText } from './jsonText.ts';
import { type Trace, TraceInputError } from './types.ts';

/** The native trace format's marker (`"format": "sessionscope-trace"` at the top level). */
export const NATIVE_TRACE_FORMAT = NATIVE_FORMAT;
/** The newest native trace version this build reads. */
export const NATIVE_TRACE_VERSION = NATIVE_VERSION;

export type TraceFileKind = 'har' | 'sessionscope-trace' | 'unknown';

/** What a parsed JSON document is, judged by its top-level fields only. */
export function detectTraceFormat(document: unknown): TraceFileKind {
  if (!isObject(document)) return 'unknown';
  if (ownField(document, 'format') === NATIVE_TRACE_FORMAT) return 'sessionscope-trace';
  if (ownField(document, 'log') !== undefined) return 'har';
  return 'unknown';
}

/** Reads a trace file's text, whichever format it is in. Throws TraceInputError, and nothing else. */
export function parseTraceFile(text: string, file?: string): Trace {
  const document = parseJsonText(text, file);
  switch (detectTraceFormat(document)) {
    case 'har':
      return harToTrace(document, file);
    case 'sessionscope-trace':
      return nativeTraceToTrace(document as object, file);
    case 'unknown':
      throw new TraceInputError(
        inFile(
          file,
          isObject(document)
            ? 'neither a HAR file (no "log" field) nor a Sessionscope trace (no "format": "sessionscope-trace")'
            : `neither a HAR file nor a Sessionscope trace: the top level is ${kindOf(document)}, expected an object`,
        ),
      );
  }
}

/** A native trace as a Trace (its saved settings and analysis: `parseNativeTrace` in core/formats). */
function nativeTraceToTrace(document: object, file: string | undefined): Trace {
  return parseNativeTrace(document, file).trace;
}
