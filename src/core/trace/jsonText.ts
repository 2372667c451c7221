// Turns a trace file's text into a JSON value, or a TraceInputError that names the file and says where
// and why the text is not JSON (or that it ends early, as a truncated download does).
import { findJsonSyntaxError, lineColumnAt } from './jsonSyntax.ts';
import { TraceInputError } from './types.ts';

const BYTE_ORDER_MARK = '\uFEFF';

/** "file: message" when the file is known, so every error printed by the CLI or panel names it. */
export function inFile(file: string | undefined, message: string): string {
  return file ? `${file}: ${message}` : message;
}

/** Strips a UTF-8 byte-order mark (some Windows tools write one; JSON.parse rejects it). */
export function stripByteOrderMark(text: string): string {
  return text.startsWith(BYTE_ORDER_MARK) ? text.slice(1) : text;
}

/** The text is JSON cut short: a HAR reader may still read the entries before its end (harTruncation.ts). */
export class TruncatedJsonError extends TraceInputError {}

export function parseJsonText(text: string, file?: string): unknown {
  if (typeof text !== 'string') {
    throw new TraceInputError(inFile(file, `expected the file's text, got ${typeof text}`));
  }
  const body = stripByteOrderMark(text);
  try {
    return JSON.parse(body);
  } catch (parseError) {
    throw syntaxErrorFor(body, file, parseError);
  }
}

function syntaxErrorFor(body: string, file: string | undefined, parseError: unknown): TraceInputError {
  const found = findJsonSyntaxError(body);
  if (!found) {
    // The engine refused what our scanner accepts (e.g. a string too long for it): pass its words on.
    const detail = parseError instanceof Error ? parseError.message : 'JSON.parse failed';
    return new TraceInputError(inFile(file, `not JSON: ${detail}`));
  }
  if (found.problem === 'the file is empty') return new TraceInputError(inFile(file, 'not JSON: the file is empty'));
  const { line, column } = lineColumnAt(body, found.offset);
  const where = `line ${line} column ${column}`;
  if (found.endsEarly) return new TruncatedJsonError(inFile(file, 'not JSON: the file ends early (truncated?)'), where);
  return new TraceInputError(inFile(file, `not JSON: ${found.problem}`), where);
}
