// Opens a trace file the user picked or dropped: HAR (any flavour the importer reads) or a native trace,
// through the core's `parseTraceFile`. A bad file becomes a message naming the problem and where; the caller
// changes nothing then.
import { parseTraceFile } from '../core/trace/detectFormat.ts';
import { type Trace, TraceInputError } from '../core/trace/types.ts';

export type ImportOutcome =
  | { readonly ok: true; readonly trace: Trace }
  | { readonly ok: false; readonly message: string };

export function importTraceText(text: string, fileName: string): ImportOutcome {
  try {
    return { ok: true, trace: parseTraceFile(text, fileName) };
  } catch (error) {
    // TraceInputError's message already names the file and the place (`… (at log.entries[3])`).
    if (error instanceof TraceInputError) return { ok: false, message: error.message };
    return {
      ok: false,
      message: `${fileName}: could not be read (${error instanceof Error ? error.message : String(error)})`,
    };
  }
}

/** Reads a File (picker or drop) and imports it. */
export async function importTraceFile(file: Blob & { readonly name: string }): Promise<ImportOutcome> {
  let text: string;
  try {
    text = await file.text();
  } catch (error) {
    return {
      ok: false,
      message: `${file.name}: could not be read (${error instanceof Error ? error.message : String(error)})`,
    };
  }
  return importTraceText(text, file.name);
}
