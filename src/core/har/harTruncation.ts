// What a HAR cut short (a download or an export that stopped part-way) still gives: the entries read whole before
// its end are analysed, and one warning says where the file ends and what is missing. Only a file that ends before
// its first entry is whole is refused: there is nothing to analyse. The whole-file and streamed readers word it
// here, once, so both give the same warning.
import { inFile } from '../trace/jsonText.ts';
import { TraceInputError, type TraceInputWarning } from '../trace/types.ts';
import type { EarlyEnd } from './harEntryScanner.ts';

/** The warning for a file that ended early; throws TraceInputError when no entry was read whole. */
export function earlyEndWarning(end: EarlyEnd, file: string | undefined): TraceInputWarning {
  const where = `byte ${end.byteLength}, the end of the file`;
  const read = end.entriesRead;
  if (read === 0) {
    throw new TraceInputError(
      inFile(file, 'not JSON: the file ends early (truncated?), before its first entry ends: nothing to analyse'),
      where,
    );
  }
  const entries = read === 1 ? 'the entry' : `the ${read} entries`;
  const message = end.insideEntry
    ? `the file ends early (truncated?) inside entry ${read}: ${entries} before it were read and analysed; entry ${read} and anything after it are missing`
    : `the file ends early (truncated?) after entry ${read - 1}: ${entries} before the end were read and analysed; anything after them is missing`;
  return { where, message, truncatedAfter: read };
}
