/**
 * Reads a HAR file of any size, chunk by chunk, without ever holding its text or its parsed document: a
 * streaming JSON parser (@streamparser/json) hands over one `log.entries[i]` at a time, each is imported by the
 * ordinary HAR importer on its own and then forgotten, so response bodies and all the fields the engine does
 * not read are dropped as soon as they are parsed. The result is the same Trace the in-memory importer gives
 * (same time repairs and warnings, same order, same initiators): what the two importers do across entries is
 * redone here from each entry's single-entry import. Memory is bounded by the compact entries the engine needs
 * anyway, not by the file.
 */
import { JSONParser } from '@streamparser/json';
import { harToTrace } from '../trace/har.ts';
import { isObject, kindOf } from '../trace/harFields.ts';
import { inFile } from '../trace/jsonText.ts';
import {
  type InitiatorSource,
  type Trace,
  type TraceEntry,
  TraceInputError,
  type TraceInputWarning,
} from '../trace/types.ts';

/** Initiators the single-entry import decides for good: our recorder's, and a document's own Referer. */
const FINAL_INITIATORS: ReadonlySet<InitiatorSource | undefined> = new Set([
  'recorder',
  'referer',
  'browser-initiated',
]);

/** What the single-entry import says about an undated entry; the cross-entry repair replaces this ending. */
const UNDATED_SUFFIX = '; no entry has a time; file order is kept';

interface StreamedEntry {
  readonly entry: TraceEntry;
  /** The single-entry import found no usable start time: repaired from its neighbours in file order. */
  readonly undated?: string;
  readonly warnings: readonly TraceInputWarning[];
}

const BYTE_ORDER_MARK = [0xef, 0xbb, 0xbf];

export class HarStreamReader {
  private readonly parser: JSONParser;
  private readonly entries: StreamedEntry[] = [];
  private creatorSource: { creator?: unknown; browser?: unknown } = {};
  private failure: TraceInputError | undefined;
  /** `log.entries` once parsed (emptied: its elements are taken out one by one); undefined when absent. */
  private entriesField: unknown;
  private rootDone = false;
  private started = false;
  /** Bytes (or string characters) written so far: for progress lines. */
  bytesRead = 0;

  constructor(private readonly file?: string) {
    // `log.entries` itself is asked for too, to tell a missing or non-array `entries` from an empty one; it
    // would then keep every element, so each is taken out of it here as soon as it is handed over.
    const paths = ['$.log.entries', '$.log.entries.*', '$.log.creator', '$.log.browser'];
    this.parser = new JSONParser({ paths, keepStack: false });
    this.parser.onValue = ({ value, key, parent, stack }) => {
      if (stack.length === 2) {
        if (key === 'entries') this.entriesField = value;
        else if (key === 'creator' || key === 'browser') this.creatorSource[key] = value;
        return;
      }
      if (Array.isArray(parent)) parent.length = 0;
      else if (isObject(parent)) delete (parent as Record<string, unknown>)[String(key)];
      if (this.failure) return;
      if (!Array.isArray(parent)) {
        this.failure = new TraceInputError(
          inFile(this.file, `not a HAR: "log.entries" must be an array, not ${kindOf(parent)}`),
          'log.entries',
        );
        return;
      }
      this.addEntry(value, key as number);
    };
    this.parser.onError = (error: Error) => {
      if (this.failure) return;
      this.failure = this.rootDone
        ? new TraceInputError(inFile(this.file, 'not JSON: more text after the end of the document'))
        : syntaxError(this.file, error, this.bytesRead);
    };
    this.parser.onEnd = () => {
      this.rootDone = true;
    };
  }

  /** Entries read so far. */
  get entryCount(): number {
    return this.entries.length;
  }

  /** Feeds the next piece of the file (bytes, or text). Throws TraceInputError as soon as the file is wrong. */
  write(chunk: Uint8Array | string): void {
    if (this.failure) throw this.failure;
    let piece = chunk;
    if (!this.started && piece.length > 0) {
      this.started = true;
      if (typeof piece === 'string') piece = piece.startsWith('\uFEFF') ? piece.slice(1) : piece;
      else if (BYTE_ORDER_MARK.every((b, i) => piece[i] === b)) piece = (piece as Uint8Array).subarray(3);
    }
    this.bytesRead += chunk.length;
    if (this.rootDone) {
      if (typeof piece === 'string' ? piece.trim() !== '' : piece.some((b) => !isJsonSpace(b))) {
        this.failure = new TraceInputError(inFile(this.file, 'not JSON: more text after the end of the document'));
      }
    } else {
      try {
        this.parser.write(piece);
      } catch (error) {
        this.failure ??= syntaxError(this.file, error as Error, this.bytesRead);
      }
    }
    if (this.failure) throw this.failure;
  }

  /** The whole file was written: the Trace, exactly as the in-memory importer would give it. */
  end(): Trace {
    if (!this.failure && !this.rootDone) {
      if (!this.started) this.failure = new TraceInputError(inFile(this.file, 'not JSON: the file is empty'));
      else {
        try {
          this.parser.end();
        } catch (error) {
          this.failure ??= syntaxError(this.file, error as Error, this.bytesRead);
        }
        if (!this.rootDone)
          this.failure ??= new TraceInputError(inFile(this.file, 'not JSON: the file ends early (truncated?)'));
      }
    }
    if (this.failure) throw this.failure;
    const entries = this.entriesField;
    if (entries === undefined) {
      throw new TraceInputError(inFile(this.file, 'not a HAR: the "log.entries" field is missing'), 'log.entries');
    }
    if (!Array.isArray(entries)) {
      const message = `not a HAR: "log.entries" must be an array, not ${kindOf(entries)}`;
      throw new TraceInputError(inFile(this.file, message), 'log.entries');
    }
    return this.assemble();
  }

  private addEntry(raw: unknown, index: number): void {
    let single: Trace;
    try {
      single = harToTrace({ log: { entries: [raw] } }, this.file);
    } catch (error) {
      this.failure = renumbered(error, index);
      return;
    }
    const only = single.events[0];
    if (only?.kind !== 'entry') {
      this.failure = new TraceInputError(
        inFile(this.file, `entry ${index} could not be read`),
        `log.entries[${index}]`,
      );
      return;
    }
    const warnings: TraceInputWarning[] = [];
    let undated: string | undefined;
    for (const w of single.warnings ?? []) {
      const where = w.where.replace('log.entries[0]', `log.entries[${index}]`);
      if (w.message.endsWith(UNDATED_SUFFIX)) undated = w.message.slice(0, -UNDATED_SUFFIX.length);
      else warnings.push({ where, message: w.message });
    }
    this.entries.push({
      entry: { ...only.entry, index },
      ...(undated !== undefined ? { undated } : {}),
      warnings,
    });
  }

  private assemble(): Trace {
    const creator = harToTrace({ log: { ...this.creatorSource, entries: [] } }).source.creator;
    const warnings: TraceInputWarning[] = [];
    const timed = repairTimes(this.entries, warnings);
    const ordered = timed.sort((a, b) => a.startedAt - b.startedAt || a.index - b.index);
    return {
      source: {
        format: 'har',
        ...(creator ? { creator } : {}),
        ...(this.file !== undefined ? { file: this.file } : {}),
      },
      events: resolveInitiators(ordered).map((entry) => ({ kind: 'entry', entry })),
      entryCount: this.entries.length,
      ...(warnings.length > 0 ? { warnings } : {}),
    };
  }
}

function isJsonSpace(byte: number): boolean {
  return byte === 0x20 || byte === 0x0a || byte === 0x0d || byte === 0x09;
}

/** The single-entry import's error, with `log.entries[0]` / "entry 0" naming the entry's real position. */
function renumbered(error: unknown, index: number): TraceInputError {
  if (!(error instanceof TraceInputError)) {
    return new TraceInputError(`entry ${index} could not be read (${String(error)})`, `log.entries[${index}]`);
  }
  const where = error.where?.replace('log.entries[0]', `log.entries[${index}]`);
  const suffix = error.where ? ` (at ${error.where})` : '';
  const base = suffix && error.message.endsWith(suffix) ? error.message.slice(0, -suffix.length) : error.message;
  return new TraceInputError(base.replace(/\bentry 0\b/, `entry ${index}`), where);
}

function syntaxError(file: string | undefined, error: Error, bytes: number): TraceInputError {
  const message = error.message ?? String(error);
  if (/ended in (the )?mid|ended in the middle|Unexpected end/i.test(message)) {
    return new TraceInputError(inFile(file, 'not JSON: the file ends early (truncated?)'));
  }
  const position = /absolute position "(\d+)"/.exec(message)?.[1];
  const found = /^Unexpected "([^"]*)"/.exec(message)?.[1];
  return new TraceInputError(
    inFile(file, found !== undefined ? `not JSON: unexpected ${JSON.stringify(found)}` : `not JSON: ${message}`),
    `byte ${position ?? bytes}`,
  );
}

/**
 * The in-memory importer's time repair (har.ts, assignStartTimes): an undated entry takes the time of the
 * entry before it in the file, or of the first dated entry when it comes first; each repair is noted.
 */
function repairTimes(entries: readonly StreamedEntry[], warnings: TraceInputWarning[]): TraceEntry[] {
  const firstDated = entries.find((e) => e.undated === undefined)?.entry.startedAt;
  let previous: number | undefined;
  return entries.map(({ entry, undated, warnings: own }) => {
    const where = `log.entries[${entry.index}].startedDateTime`;
    let startedAt = entry.startedAt;
    if (undated === undefined) {
      warnings.push(...own);
    } else {
      startedAt = previous ?? firstDated ?? 0;
      const from =
        previous !== undefined
          ? "the previous entry's time is used"
          : firstDated !== undefined
            ? "the first dated entry's time is used"
            : 'no entry has a time; file order is kept';
      warnings.push({ where, message: `${undated}; ${from}` }, ...own);
    }
    previous = startedAt;
    return startedAt === entry.startedAt ? entry : { ...entry, startedAt };
  });
}

/**
 * The in-memory importer's initiator walk (har.ts, resolveInitiators), in time order. The single-entry import
 * already decided recorder and document initiators, and for a subresource found its best hint (Chrome's
 * initiator, Referer, Origin); what needs the other entries is the page's or the trace's latest document.
 */
function resolveInitiators(ordered: readonly TraceEntry[]): TraceEntry[] {
  const latestDocumentOfPage = new Map<string, string>();
  let latestDocument: string | undefined;
  return ordered.map((entry) => {
    const request = entry.request;
    let url = request.initiatorUrl;
    let source = request.initiatorSource;
    if (!FINAL_INITIATORS.has(source)) {
      const pageDocument = entry.pageRef !== undefined ? latestDocumentOfPage.get(entry.pageRef) : undefined;
      if (pageDocument) [url, source] = [pageDocument, 'page-document'];
      else if ((entry.pageRef === undefined || url === undefined) && latestDocument !== undefined) {
        [url, source] = [latestDocument, 'latest-document'];
      }
    }
    if (request.resourceType === 'document') {
      latestDocument = request.url;
      if (entry.pageRef !== undefined) latestDocumentOfPage.set(entry.pageRef, request.url);
    }
    if (url === request.initiatorUrl && source === request.initiatorSource) return entry;
    const { initiatorUrl: _url, initiatorSource: _source, ...rest } = request;
    return {
      ...entry,
      request: {
        ...rest,
        ...(url !== undefined ? { initiatorUrl: url } : {}),
        ...(source ? { initiatorSource: source } : {}),
      },
    };
  });
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
