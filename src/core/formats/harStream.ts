/**
 * Reads a HAR file of any size, chunk by chunk, without ever holding its text or its parsed document: the
 * entry scanner (harEntryScanner.ts) hands over one parsed `log.entries[i]` at a time, each is imported by the
 * ordinary HAR importer on its own and then forgotten, so response bodies and all the fields the engine does
 * not read are dropped as soon as they are parsed. The result is the same Trace the in-memory importer gives
 * (same time repairs and warnings, same order, same initiators): what the two importers do across entries is
 * redone here from each entry's single-entry import. Memory is bounded by the compact entries the engine needs
 * anyway, not by the file.
 */
import {
  firstUserAgent,
  harToTrace,
  readHarDocument,
  requireReadableEntry,
  runCount,
  skippedEntryMessage,
  traceOrder,
} from '../trace/har.ts';
import { inFile } from '../trace/jsonText.ts';
import { browserFromLog, browserFromUserAgent } from '../trace/recordingBrowser.ts';
import { SiteContextResolver } from '../trace/siteContext.ts';
import {
  type InitiatorSource,
  type Trace,
  type TraceEntry,
  TraceInputError,
  type TraceInputWarning,
} from '../trace/types.ts';
import { HarEntryScanner, type HarScanHandlers } from './harEntryScanner.ts';

/** Initiators the single-entry import decides for good: our recorder's, and a document's own Referer. */
const FINAL_INITIATORS: ReadonlySet<InitiatorSource | undefined> = new Set([
  'recorder',
  'referer',
  'browser-initiated',
]);

/** What the single-entry import says about an undated entry; the cross-entry repair replaces this ending. */
const UNDATED_SUFFIX = '; no entry has a time; file order is kept';

export interface StreamedEntry {
  readonly entry: TraceEntry;
  /** The single-entry import found no usable start time: repaired from its neighbours in file order. */
  readonly undated?: string;
  readonly warnings: readonly TraceInputWarning[];
}

/** An entry the importer could not read: the warning naming it, with its real position. */
export interface SkippedStreamEntry {
  readonly skipped: TraceInputWarning & { readonly skippedEntry: number };
}

export type ImportedHarEntry = StreamedEntry | SkippedStreamEntry;

export function isSkipped(imported: ImportedHarEntry): imported is SkippedStreamEntry {
  return 'skipped' in imported;
}

/** What a HAR's outer structure lacks, in the in-memory importer's words (it is given a stand-in document). */
export function notAHarThrower(file: string | undefined): HarScanHandlers['notAHar'] {
  return (path, standIn) => {
    const document = path === 'root' ? standIn : path === 'log' ? { log: standIn } : { log: { entries: standIn } };
    harToTrace(document, file);
    throw new TraceInputError(inFile(file, 'not a HAR'), path);
  };
}

/** The HAR's creator line from `log.creator` and `log.browser`, as the in-memory importer writes it. */
export function creatorLine(fields: { creator?: unknown; browser?: unknown }): string | undefined {
  return harToTrace({ log: { ...fields, entries: [] } }).source.creator;
}

export class HarStreamReader {
  private readonly scanner: HarEntryScanner;
  private readonly entries: ImportedHarEntry[] = [];
  private readonly creatorSource: { creator?: unknown; browser?: unknown } = {};
  private failure: unknown;

  constructor(private readonly file?: string) {
    this.scanner = new HarEntryScanner(file, {
      entry: (raw, index) => this.entries.push(importHarEntry(raw, index, file)),
      logField: (key, value) => {
        if (key === 'creator' || key === 'browser') this.creatorSource[key] = value;
      },
      notAHar: notAHarThrower(file),
    });
  }

  /** Bytes written so far: for progress lines. */
  get bytesRead(): number {
    return this.scanner.bytesRead;
  }

  /** Entries read so far. */
  get entryCount(): number {
    return this.entries.length;
  }

  /** Feeds the next piece of the file (bytes, or text). Throws TraceInputError as soon as the file is wrong. */
  write(chunk: Uint8Array | string): void {
    if (this.failure) throw this.failure;
    try {
      this.scanner.write(chunk);
    } catch (error) {
      this.failure = error;
      throw error;
    }
  }

  /** The whole file was written: the Trace, exactly as the in-memory importer would give it. */
  end(): Trace {
    if (this.failure) throw this.failure;
    this.scanner.end();
    return this.assemble();
  }

  private assemble(): Trace {
    const creator = creatorLine(this.creatorSource);
    const browser =
      browserFromLog(this.creatorSource) ??
      browserFromUserAgent(firstUserAgent(this.entries.flatMap((one) => (isSkipped(one) ? [] : [one.entry]))));
    const skipped = this.entries.filter(isSkipped);
    requireReadableEntry(this.entries.length, skipped.length, skipped[0]?.skipped, this.file);
    const warnings: TraceInputWarning[] = [];
    const timed = repairTimes(this.entries, warnings);
    const ordered = timed.sort(traceOrder);
    const runs = runCount(ordered);
    const initiators = new InitiatorResolver();
    return {
      source: {
        format: 'har',
        ...(creator ? { creator } : {}),
        ...(browser ? { browser } : {}),
        ...(this.file !== undefined ? { file: this.file } : {}),
      },
      events: ordered.map((entry) => ({ kind: 'entry', entry: initiators.resolve(entry) })),
      entryCount: this.entries.length,
      ...(runs !== undefined ? { runs } : {}),
      ...(warnings.length > 0 ? { warnings } : {}),
    };
  }
}

/**
 * One raw `log.entries[index]` through the ordinary importer on its own; its warnings and errors name the
 * entry's real position. What needs the other entries (time repair, initiators) is left to the caller.
 */
export function importHarEntry(raw: unknown, index: number, file: string | undefined): ImportedHarEntry {
  let single: Trace;
  try {
    single = readHarDocument({ log: { entries: [raw] } }, file);
  } catch (error) {
    throw renumbered(error, index);
  }
  const only = single.events[0];
  if (only?.kind !== 'entry') {
    const skipped = single.warnings?.find((w) => w.skippedEntry !== undefined);
    const problem = skipped?.message.slice(skippedEntryMessage(0, '').length) ?? 'it could not be read';
    const where = skipped?.where.replace('log.entries[0]', `log.entries[${index}]`) ?? `log.entries[${index}]`;
    return { skipped: { where, message: skippedEntryMessage(index, problem), skippedEntry: index } };
  }
  const warnings: TraceInputWarning[] = [];
  let undated: string | undefined;
  for (const w of single.warnings ?? []) {
    const where = w.where.replace('log.entries[0]', `log.entries[${index}]`);
    if (w.message.endsWith(UNDATED_SUFFIX)) undated = w.message.slice(0, -UNDATED_SUFFIX.length);
    else warnings.push({ where, message: w.message });
  }
  return {
    entry: index === 0 ? only.entry : { ...only.entry, index },
    ...(undated !== undefined ? { undated } : {}),
    warnings,
  };
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

/**
 * The in-memory importer's time repair (har.ts, assignStartTimes): an undated entry takes the time of the
 * entry before it in the file, or of the first dated entry when it comes first; each repair is noted. A skipped
 * entry's warning keeps its place in file order.
 */
function repairTimes(imported: readonly ImportedHarEntry[], warnings: TraceInputWarning[]): TraceEntry[] {
  const entries = imported.filter((one): one is StreamedEntry => !isSkipped(one));
  const firstDated = entries.find((e) => e.undated === undefined)?.entry.startedAt;
  let previous: number | undefined;
  const timed: TraceEntry[] = [];
  for (const one of imported) {
    if (isSkipped(one)) {
      warnings.push(one.skipped);
      continue;
    }
    const { entry, undated, warnings: own } = one;
    const where = `log.entries[${entry.index}].startedDateTime`;
    let startedAt = entry.startedAt;
    if (undated === undefined) {
      warnings.push(...own);
    } else {
      startedAt = previous ?? firstDated ?? 0;
      warnings.push({ where, message: undatedMessage(undated, previous, firstDated) }, ...own);
    }
    previous = startedAt;
    timed.push(startedAt === entry.startedAt ? entry : { ...entry, startedAt });
  }
  return timed;
}

/** The warning for an undated entry, saying which time it was given (har.ts, assignStartTimes). */
export function undatedMessage(undated: string, previous: number | undefined, firstDated: number | undefined): string {
  const from =
    previous !== undefined
      ? "the previous entry's time is used"
      : firstDated !== undefined
        ? "the first dated entry's time is used"
        : 'no entry has a time; file order is kept';
  return `${undated}; ${from}`;
}

/**
 * The in-memory importer's initiator walk (har.ts, resolveInitiators), in time order. The single-entry import
 * already decided recorder and document initiators, and for a subresource found its best hint (Chrome's
 * initiator, Referer, Origin); what needs the other entries is the page's or the trace's latest document.
 */
export class InitiatorResolver {
  private readonly latestDocumentOfPage = new Map<string, string>();
  private latestDocument: string | undefined;
  private readonly siteContexts = new SiteContextResolver();

  /** The next entry in time order, with its initiator and its site context decided. */
  resolve(entry: TraceEntry): TraceEntry {
    const resolved = this.resolveInitiator(entry);
    // The single-entry import kept a context recorded from the browser's frames; the rest needs the walk.
    return this.siteContexts.withSiteContext(resolved, entry.request.siteContext);
  }

  private resolveInitiator(entry: TraceEntry): TraceEntry {
    const request = entry.request;
    let url = request.initiatorUrl;
    let source = request.initiatorSource;
    if (!FINAL_INITIATORS.has(source)) {
      const pageDocument = entry.pageRef !== undefined ? this.latestDocumentOfPage.get(entry.pageRef) : undefined;
      if (pageDocument) [url, source] = [pageDocument, 'page-document'];
      else if ((entry.pageRef === undefined || url === undefined) && this.latestDocument !== undefined) {
        [url, source] = [this.latestDocument, 'latest-document'];
      }
    }
    if (request.resourceType === 'document') {
      this.latestDocument = request.url;
      if (entry.pageRef !== undefined) this.latestDocumentOfPage.set(entry.pageRef, request.url);
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
  }
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
