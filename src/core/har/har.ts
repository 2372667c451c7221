// Reads HAR 1.2 files (http://www.softwareishard.com/blog/har-12-spec/) as Traces. Bends like the files real
// writers produce, as DevTools and HAR viewers do: a field the analysis can do without is repaired or dropped and
// noted (harEntry.ts); an entry the analysis cannot use is skipped and named in a warning; only a file that is
// not JSON, not a HAR, or has entries of which none can be read is refused. HarTraceBuilder is the one assembly
// of a Trace from entries fed in file order: the whole-file reader feeds it from the parsed array, the streamed
// reader (harStream.ts) from the entry scanner, so both give the same Trace.

import { inFile, parseJsonText } from '../trace/jsonText.ts';
import { FirstUserAgent, type RecordingBrowser } from '../trace/recordingBrowser.ts';
import { type Trace, type TraceEntry, TraceInputError, type TraceInputWarning } from '../trace/types.ts';
import { type EntryDraft, importHarEntry, isSkipped } from './harEntry.ts';
import { HarFields, ownField } from './harFields.ts';
import { entryAlone, InitiatorResolver } from './harInitiators.ts';
import { creatorLine, type HarLogSource, listedPagesBeforeEntries, readHarLog } from './harLog.ts';
import { StartTimeRepair } from './harStartTimes.ts';

/** Parses a HAR file's text (a leading byte-order mark is allowed). Throws TraceInputError. */
export function parseHar(text: string, file?: string): Trace {
  return harToTrace(parseJsonText(text, file), file);
}

/**
 * Converts an already-parsed HAR document. Throws TraceInputError, and nothing else: for what is not a HAR, and
 * for a HAR whose entries are all unreadable.
 */
export function harToTrace(har: unknown, file?: string): Trace {
  const builder = new HarTraceBuilder(file);
  const { log, entries } = readHarLog(builder.fields, har);
  builder.logSource({ creator: ownField(log, 'creator'), browser: ownField(log, 'browser') });
  builder.fields.listedPages = listedPagesBeforeEntries(log);
  for (let index = 0; index < entries.length; index++) builder.add(entries[index]);
  return builder.finish();
}

/**
 * Assembles a Trace from a HAR's entries fed one at a time in file order: each is read on its own (harEntry.ts),
 * then what needs the others: start times repaired, time order, initiators. Almost every HAR is written in the
 * order its requests started, and then the trace's order is file order: each entry is finished (its initiator
 * decided by the same walk) as soon as its time is known, and `finish` sorts and walks nothing again. An entry
 * out of order ends that: `finish` sorts all of them and walks them once more, as it must.
 */
export class HarTraceBuilder {
  readonly fields: HarFields;
  /** Readable entries by file position (undefined where an entry was skipped). */
  private readonly drafts: (EntryDraft | undefined)[] = [];
  private readonly repair: StartTimeRepair;
  private source: HarLogSource = {};
  private skippedCount = 0;
  private firstSkipped: TraceInputWarning | undefined;
  /** The file ended early (harTruncation.ts): told first among the warnings. */
  private earlyEnd: TraceInputWarning | undefined;
  /** The first User-Agent in file order: the browser, when the log does not name it. */
  private readonly userAgent = new FirstUserAgent();
  /** `browser` as last worked out, and from what. */
  private browserAnswer:
    | {
        readonly source: HarLogSource;
        readonly userAgent: string | undefined;
        readonly browser: RecordingBrowser | undefined;
      }
    | undefined;
  /** The entries finished so far while the file is in trace order; undefined once an entry came out of it. */
  private inOrder: { readonly walk: InitiatorResolver; readonly entries: TraceEntry[]; last?: EntryDraft } | undefined =
    { walk: new InitiatorResolver(), entries: [] };

  /**
   * `onEntry` sees each readable entry as soon as it can be told: the trace's own entry while the file is in
   * trace order, else (after the first entry out of order) the entry as it reads alone (entryAlone), to be
   * replaced by the trace's when the file is read.
   */
  constructor(
    private readonly file: string | undefined,
    private readonly onEntry?: (entry: TraceEntry) => void,
  ) {
    this.fields = new HarFields(file);
    this.repair = new StartTimeRepair((index, startedAt) => {
      const draft = this.drafts[index];
      if (!draft) return;
      draft.startedAt = startedAt;
      this.placed(draft);
    });
  }

  /** Entries fed so far. */
  get entryCount(): number {
    return this.drafts.length;
  }

  /** The recording's browser as far as the file has been read (`log.browser`, a browser creator, a User-Agent). */
  get browser(): RecordingBrowser | undefined {
    // Asked after every entry of a streamed import; the answer changes only with the log's fields or the first
    // User-Agent, so the regexes behind it run once for each of those.
    const known = this.browserAnswer;
    if (known?.source === this.source && known.userAgent === this.userAgent.value) return known.browser;
    const browser = this.userAgent.browserOf(this.source);
    this.browserAnswer = { source: this.source, userAgent: this.userAgent.value, browser };
    return browser;
  }

  /** `log.creator` and `log.browser`: a new object whenever they change (`browser` is kept by its identity). */
  logSource(source: HarLogSource): void {
    this.source = source;
  }

  /** The next element of `log.entries`, as parsed. */
  add(raw: unknown): void {
    const imported = importHarEntry(this.fields, raw, this.drafts.length);
    if (isSkipped(imported)) {
      this.drafts.push(undefined);
      this.skippedCount++;
      this.firstSkipped ??= imported.skipped;
    } else {
      this.drafts.push(imported);
      this.userAgent.note(imported.request.headers);
    }
    this.repair.add(imported);
  }

  /** The file ended early, after the entries fed so far. */
  endedEarly(warning: TraceInputWarning): void {
    this.earlyEnd = warning;
  }

  /** A readable entry's start time is known (in file order): finished now if the file is still in trace order. */
  private placed(draft: EntryDraft): void {
    const inOrder = this.inOrder;
    if (inOrder && (inOrder.last === undefined || traceOrder(inOrder.last, draft) <= 0)) {
      const entry = inOrder.walk.resolve(draft);
      inOrder.entries.push(entry);
      inOrder.last = draft;
      this.onEntry?.(entry);
      return;
    }
    this.inOrder = undefined;
    this.onEntry?.(entryAlone(draft));
  }

  /** All entries were fed: the Trace. Throws TraceInputError when none of them could be read. */
  finish(): Trace {
    this.repair.end();
    const count = this.drafts.length;
    requireReadableEntry(count, this.skippedCount, this.firstSkipped, this.file);
    const readable = this.drafts.filter((draft): draft is EntryDraft => draft !== undefined);
    const creator = creatorLine(this.source);
    const browser = this.browser;
    const runs = runCount(readable);
    const warnings = this.earlyEnd ? [this.earlyEnd, ...this.repair.warnings] : this.repair.warnings;
    return {
      source: {
        format: 'har',
        ...(creator ? { creator } : {}),
        ...(browser ? { browser } : {}),
        ...(this.file !== undefined ? { file: this.file } : {}),
      },
      events: (this.inOrder?.entries ?? resolvedInTraceOrder(readable)).map((entry) => ({ kind: 'entry', entry })),
      entryCount: count,
      ...(runs !== undefined ? { runs } : {}),
      ...(warnings.length > 0 ? { warnings } : {}),
    };
  }
}

/** Events in the order they happened, run by run; entries that started together keep their file order. */
function resolvedInTraceOrder(drafts: EntryDraft[]): TraceEntry[] {
  const initiators = new InitiatorResolver();
  return drafts.sort(traceOrder).map((draft) => initiators.resolve(draft));
}

/**
 * Refuses a file with entries of which none could be read: there is nothing to analyse, and a warning per
 * entry would hide that. A HAR with no entries at all is read (an empty recording is not a broken file).
 */
export function requireReadableEntry(
  entryCount: number,
  skippedCount: number,
  firstSkipped: TraceInputWarning | undefined,
  file: string | undefined,
): void {
  if (entryCount === 0 || skippedCount < entryCount || !firstSkipped) return;
  const problem = `no readable entry: all ${entryCount} entries are unreadable; the first: ${firstSkipped.message}`;
  throw new TraceInputError(inFile(file, problem), firstSkipped.where, problem);
}

/**
 * The trace's order: run by run (several runs of a browser in one file are separate profiles, and WebPageTest
 * gives them overlapping clocks), then by start time, then file order.
 */
export function traceOrder(
  a: { readonly run?: number; readonly startedAt: number; readonly index: number },
  b: { readonly run?: number; readonly startedAt: number; readonly index: number },
): number {
  return (a.run ?? 0) - (b.run ?? 0) || a.startedAt - b.startedAt || a.index - b.index;
}

/**
 * How many browser runs the entries name, when more than one (RULES.md: each run is its own jar). Entries without a
 * run, beside others with one, are a run of their own (browsertime's first run), as the replay takes them.
 */
export function runCount(entries: Iterable<{ readonly run?: number }>): number | undefined {
  const runs = new Set<number>();
  for (const entry of entries) runs.add(entry.run ?? -1);
  return runs.size > 1 ? runs.size : undefined;
}
