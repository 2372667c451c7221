// Decides how to open a trace file from its first bytes and its size, for the CLI (src/cli/input.ts) and the
// panel (src/panel/importStream.ts) alike: what kind of file it is, and whether to stream it. Pure: the callers
// read the bytes; the readers are readTrace.ts (whole text) and the HAR stream readers (core/har).
import { NATIVE_FORMAT } from '../native/native.ts';
import { startsPadded } from '../trace/jsonPadding.ts';
import { inFile } from '../trace/jsonText.ts';
import { TraceInputError } from '../trace/types.ts';
import { otherFormatOf } from './otherFormats.ts';

/**
 * Files of this size or more are streamed (a HAR entry by entry). Why 8 MiB: below it, reading the text and
 * JSON.parse (~100 MB/s) take well under a tenth of a second, and the text and its parsed document (several
 * times the file's size) are small; above it, the whole-file path holds hundreds of megabytes long before a file
 * stops fitting in one string (~512 MiB in V8), while the streamed one holds only the entries the analysis keeps
 * and lets the panel show the first rows before the file is read (bench/RESULTS.md, row 5). Both give the same
 * Trace, so where the line lies changes memory and time only.
 */
export const STREAM_FROM_BYTES = 8 * 1024 * 1024;

/** How much of the start of a file the sniffing reads: a native trace names its format in its first field. */
export const SNIFF_BYTES = 4096;

/**
 * What a file's first bytes say it is: `har` is any JSON object that is not a native trace (the HAR reader words
 * what it lacks); `other` a format no reader takes (otherFormats.ts: gzip, a ZIP archive, mitmproxy's flows…).
 */
export type SniffedKind = 'har' | 'sessionscope-trace' | 'other' | 'unknown';

export interface TraceOpening {
  readonly kind: Exclude<SniffedKind, 'other'>;
  /** Read as a stream of chunks (a HAR, or a file that is not JSON, refused at its first bytes), not as one text. */
  readonly stream: boolean;
}

const BYTE_ORDER_MARK = [0xef, 0xbb, 0xbf];
const OPEN_BRACE = 0x7b;
/** A top-level object whose first key is one of a HAR `log` object's own (HAR 1.2): the log without its wrapper. */
const UNWRAPPED_LOG_START = /^\s*\{\s*"(?:version|creator|browser|pages|entries)"\s*:/;
const NATIVE_MARK = new RegExp(`"format"\\s*:\\s*"${NATIVE_FORMAT}"`);

function isSpace(b: number | undefined): boolean {
  return b === 0x20 || b === 0x0a || b === 0x0d || b === 0x09;
}

/** The first bytes after a byte-order mark as text, for sniffing ASCII marks (Latin-1 is exact on ASCII). */
function latin1(head: Uint8Array): string {
  const start = BYTE_ORDER_MARK.every((b, i) => head[i] === b) ? BYTE_ORDER_MARK.length : 0;
  return String.fromCharCode(...head.subarray(start, start + SNIFF_BYTES));
}

/** The kind of file the first bytes announce (a leading byte-order mark and white space are skipped). */
export function sniffTraceKind(head: Uint8Array): SniffedKind {
  return otherFormatOf(latin1(head)) !== undefined ? 'other' : jsonKindOf(head);
}

/** The kind of a file that is none of the other formats: JSON, a native trace's or not, or anything else. */
function jsonKindOf(head: Uint8Array): TraceOpening['kind'] {
  let start = BYTE_ORDER_MARK.every((b, i) => head[i] === b) ? BYTE_ORDER_MARK.length : 0;
  while (isSpace(head[start])) start++;
  if (head[start] !== OPEN_BRACE) return 'unknown';
  // The exporter writes `format` first (docs/TRACE-FORMAT.md). Inside a JSON string its quotes would be escaped,
  // so the mark is never found in a HAR's text. ASCII: reading the bytes as Latin-1 is exact here.
  const text = String.fromCharCode(...head.subarray(start, start + SNIFF_BYTES));
  return NATIVE_MARK.test(text) ? 'sessionscope-trace' : 'har';
}

/**
 * How to open a file of `size` bytes (undefined: unknown, e.g. standard input, read whole) that starts with
 * `head` (its first SNIFF_BYTES or all of it). A native trace is always read whole: its reader needs the
 * document. Throws TraceInputError for a file of a format no reader takes (otherFormats.ts), saying what it is.
 */
export function openTrace(
  head: Uint8Array,
  size: number | undefined,
  options: { readonly file?: string; readonly streamFromBytes?: number } = {},
): TraceOpening {
  const text = latin1(head);
  const other = otherFormatOf(text);
  if (other !== undefined) throw new TraceInputError(inFile(options.file, other));
  const kind = jsonKindOf(head);
  // A padded HAR (`onInputData({…})`, jsonPadding.ts) is read whole: the entry scanner reads JSON from its first byte.
  if (kind === 'unknown' && startsPadded(text)) return { kind: 'har', stream: false };
  // A HAR's log object without its `{"log": …}` wrapper is read whole too: the entry scanner looks for log.entries
  // (readTrace.ts reads the log as it is).
  if (kind === 'har' && UNWRAPPED_LOG_START.test(text)) return { kind, stream: false };
  const streamFrom = options.streamFromBytes ?? STREAM_FROM_BYTES;
  return { kind, stream: kind !== 'sessionscope-trace' && size !== undefined && size >= streamFrom };
}
