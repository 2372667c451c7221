// Messages between the panel page and its analysis worker (analysisWorker.ts), and the page-side client
// that keeps the worker's copy of the events in step and turns its answers back into TraceViews.
//
// The worker keeps one long-lived AnalysisSession (core/analysis/session.ts), fed the events the page appends.
// An analysis replays only the new events, and the session names the requests whose rows changed (new ones,
// and earlier ones whose findings or lane ends the new events decided): only those rows travel. Of the summary
// only the parts and list items that differ from the ones last sent travel (compared as data, not as text).
// A request's facts (the detail's full cookie values, Set-Cookie lines and outcomes: more than half of a
// row's bytes) stay in the worker: the page asks for the one request the detail shows (`facts` request).
// Rows and summaries travel as JSON text: the page parses text in a fraction of the time a structured clone
// of the same objects takes to arrive.
// The page keeps no events (the worker holds them): the detail's raw headers and redirect chain come with the
// request's facts, and an export of the live recording is written here and handed over as text.

import type { AnalysisResult, Finding } from '../core/analysis/analyze.ts';
import type { AnalysisFacts, RequestFacts } from '../core/analysis/facts.ts';
import { sameData } from '../core/analysis/sameData.ts';
import { AnalysisSession } from '../core/analysis/session.ts';
import type { RecordingBrowser } from '../core/trace/recordingBrowser.ts';
import type { Trace, TraceEntry } from '../core/trace/types.ts';
import type { RecordedEvent } from '../protocol/messages.ts';
import { type RequestExchange, requestExchange } from './exchange.ts';
import { type ExportFormat, type ExportValues, exportText } from './liveExport.ts';
import {
  laneEndMarkers,
  liveBrowser,
  panelView,
  type RequestRow,
  requestRow,
  type SeenCookie,
  SeenCookies,
  type SessionOverrides,
  type TraceView,
  traceEvents,
} from './model.ts';
import { type BatchBudget, batchEnds } from './rowBatches.ts';
import { RowSharing } from './rowSharing.ts';
import { ShownRows } from './shownRows.ts';
import { nextTaskScheduler, SlicedQueue } from './slicedQueue.ts';
import type { Scheduler } from './throttle.ts';

export type WorkerRequest =
  | { readonly type: 'reset'; readonly events: readonly RecordedEvent[] }
  | { readonly type: 'append'; readonly events: readonly RecordedEvent[] }
  | { readonly type: 'analyse'; readonly id: number; readonly overrides: SessionOverrides }
  /** One request's facts from the last analysis and its recorded exchange, for the detail. */
  | { readonly type: 'facts'; readonly entry: number }
  /** The events of the last analysis as an export file. */
  | {
      readonly type: 'export';
      readonly id: number;
      readonly format: ExportFormat;
      readonly values: ExportValues;
    };

export type WorkerReply = RowsPart | ViewReply | FactsReply | ExportReply;

/**
 * A request's facts and exchange (raw headers, redirect chain) as JSON text (null when the last analysis has
 * none for it). The worker answers in order with its analyses, so facts that changed since come with the rows
 * part that says so, after this.
 */
export interface FactsReply {
  readonly type: 'facts';
  readonly entry: number;
  readonly facts: string | null;
  readonly exchange: string | null;
}

export interface ExportReply {
  readonly type: 'export';
  readonly id: number;
  readonly text: string;
}

/**
 * Rows of an answer sent ahead of it, a few hundred at a time: each arrives as its own task on the page, so
 * a large batch of changed rows (the first analysis of a long recording) is taken in small steps the page can
 * paint between.
 */
export interface RowsPart extends ChangedRows {
  readonly type: 'rows';
  readonly id: number;
  /** The analysis started over: the page drops the request facts it fetched (the rows that differ are sent). */
  readonly restarted: boolean;
}

export interface ChangedRows {
  /** `[[position, row], …]`: the new and changed rows, as JSON text. */
  readonly rows: string;
}

export interface ViewReply extends ChangedRows {
  readonly type: 'view';
  readonly id: number;
  /** How many events the analysis covered (the first `count` the page sent). */
  readonly count: number;
  readonly restarted: boolean;
  /** How many rows the view has; rows past it are dropped. */
  readonly rowCount: number;
  /** The summary parts that changed, as JSON text (list parts as `{length, changed: [[i, item]…]}`). */
  readonly summary: string;
  readonly analysisMs: number;
}

/**
 * Events per message to the worker: the page clones what it posts on its own thread (~2 kB per recorded
 * request), so a large batch from the background goes over in steps, one task each, the page painting between.
 */
export const EVENTS_PER_MESSAGE = 250;

/** Rows per message: a few hundred rows are parsed on the page in a millisecond or two. */
export const ROWS_PER_MESSAGE = 250;

/**
 * How much of an answer's rows one message carries: also bounded in characters, since rows with many cookies
 * run to several kB each (an imported HAR's: ~2 kB), and the page reads, parses and applies a message in one
 * task (~3 ms for 128,000 characters).
 */
export const ROW_BATCH: BatchBudget = { maxRows: ROWS_PER_MESSAGE, maxChars: 128_000 };

/** The parts of an analysis besides its rows. */
interface SummaryJson {
  readonly findings: AnalysisResult['findings'];
  readonly sessions: AnalysisResult['sessions'];
  readonly jar: AnalysisResult['jar'];
  readonly cookiesRecorded: boolean;
  readonly settings: AnalysisResult['settings'];
  readonly lanes: AnalysisFacts['lanes'];
  readonly logins: AnalysisFacts['logins'];
  readonly sessionCookieNames: readonly (readonly [string, string])[];
  /** The Cookies view's "seen" list, so the page need not read every request's facts for it. */
  readonly seen: readonly SeenCookie[];
  /** "What happened" (core/story): the banner above the request list. */
  readonly story: NonNullable<AnalysisResult['story']>;
}

type SummaryPart = keyof SummaryJson;

interface ListDelta<T> {
  readonly length: number;
  readonly changed: readonly (readonly [number, T])[];
}

function summaryParts(analysis: AnalysisResult, seen: SeenCookies): { readonly [K in SummaryPart]: SummaryJson[K] } {
  return {
    findings: analysis.findings,
    sessions: analysis.sessions,
    jar: analysis.jar,
    cookiesRecorded: analysis.cookiesRecorded,
    settings: analysis.settings,
    lanes: analysis.facts.lanes,
    logins: analysis.facts.logins,
    sessionCookieNames: [...analysis.facts.sessionCookieNames],
    seen: seen.of(analysis),
    story: analysis.story ?? [],
  };
}

/** The live recording's analysis in the worker: one session, and where each of its rows sits. */
interface LiveSession {
  readonly session: AnalysisSession;
  readonly overrides: SessionOverrides;
  /** The browser whose cookie defaults the session applies. */
  readonly browser: RecordingBrowser | undefined;
  /** How many of the worker's events the session was fed. */
  fed: number;
  /** Each row's request and sequence number, by position. */
  readonly rows: { readonly seq: number; readonly entry: TraceEntry }[];
  /** A row's position by its entry. */
  readonly positionOf: Map<number, number>;
  /** The summary parts as last sent, to send only what changed. */
  sent: Partial<Record<SummaryPart, unknown>>;
  /** The Cookies view's list, folded as requests arrive. */
  readonly seen: SeenCookies;
  /** The last analysis, for exports. */
  result?: AnalysisResult;
}

/** The worker's memory: its copy of the events, the session analysing them and what the page holds of them. */
export interface WorkerState {
  readonly events: RecordedEvent[];
  live: LiveSession | undefined;
  /** The rows the page holds (sent and not dropped), to send only those that differ. */
  readonly shown: ShownRows;
  /**
   * A file imported in this worker (workerImport.ts): its source (whose browser's cookie defaults apply, not
   * the panel's) and, once read, the whole trace (exports write it as read, with its warnings).
   */
  imported?: { readonly source: Trace['source']; readonly trace?: Trace };
}

export function newWorkerState(): WorkerState {
  return { events: [], live: undefined, shown: new ShownRows() };
}

function sameOverrides(a: SessionOverrides, b: SessionOverrides): boolean {
  const same = (x: readonly string[], y: readonly string[]) => x.length === y.length && x.every((v, i) => v === y[i]);
  return same(a.sessionCookies, b.sessionCookies) && same(a.notSessionCookies, b.notSessionCookies);
}

/**
 * The session for these overrides and this browser: the one running, or a new one (an override changes every
 * verdict; the browser, its cookie defaults).
 */
function liveSession(state: WorkerState, overrides: SessionOverrides): LiveSession {
  const browser = state.imported ? state.imported.source.browser : liveBrowser();
  const live = state.live;
  if (live && sameOverrides(live.overrides, overrides) && sameData(live.browser, browser)) return live;
  // The panel may show session values (they are the user's own), so the engine renders them raw.
  const session = new AnalysisSession({ values: 'raw', settings: overrides, ...(browser ? { browser } : {}) });
  state.live = {
    session,
    overrides,
    browser,
    fed: 0,
    rows: [],
    positionOf: new Map(),
    sent: {},
    seen: new SeenCookies(),
  };
  return state.live;
}

/** Summary parts that are lists, sent as a delta: they grow with the recording. */
const ARRAY_PARTS: ReadonlySet<SummaryPart> = new Set([
  'findings',
  'sessions',
  'jar',
  'lanes',
  'logins',
  'seen',
  'story',
]);

/**
 * The summary parts that differ from the ones last sent, as JSON text; lists as their length and the items
 * that differ. Compared as data (sameData), so only what changed is serialised.
 */
function changedSummary(
  parts: { readonly [K in SummaryPart]: SummaryJson[K] },
  sent: Partial<Record<SummaryPart, unknown>>,
) {
  const changedParts: string[] = [];
  for (const [part, value] of Object.entries(parts) as [SummaryPart, unknown][]) {
    const before = sent[part];
    sent[part] = value;
    if (ARRAY_PARTS.has(part)) {
      const items = value as readonly unknown[];
      const was = (before ?? []) as readonly unknown[];
      const changed: string[] = [];
      items.forEach((item, i) => {
        if (i >= was.length || !sameData(was[i], item)) changed.push(`[${i},${JSON.stringify(item)}]`);
      });
      if (before !== undefined && changed.length === 0 && items.length === was.length) continue;
      changedParts.push(`${JSON.stringify(part)}:{"length":${items.length},"changed":[${changed.join(',')}]}`);
      continue;
    }
    if (before !== undefined && sameData(before, value)) continue;
    changedParts.push(`${JSON.stringify(part)}:${JSON.stringify(value)}`);
  }
  return `{${changedParts.join(',')}}`;
}

/** A request's raw headers and redirect chain, read from the entries in recording order (the rows' order). */
function exchangeOf(live: LiveSession, entry: number): RequestExchange | undefined {
  const position = live.positionOf.get(entry);
  if (position === undefined) return undefined;
  // Only the hops around it matter to the redirect reader, but it walks by position: a window of the entries
  // would shift them, and a click is rare enough for the whole list.
  return requestExchange(
    live.rows.map((r) => r.entry),
    entry,
  );
}

/**
 * The export file of what the page shows: the events the last analysis covered, with that analysis (the trace
 * as the page built it before, its source `live`).
 */
function exportOf(state: WorkerState, request: Extract<WorkerRequest, { type: 'export' }>): string {
  const live = state.live;
  const events = traceEvents(state.events.slice(0, live?.fed ?? state.events.length));
  let entryCount = 0;
  for (const event of events) if (event.kind === 'entry') entryCount++;
  const trace: Trace = state.imported?.trace ?? { source: { format: 'live' }, events, entryCount };
  let analysis = live?.result;
  if (!analysis) {
    const session = new AnalysisSession({ values: 'raw' });
    session.feed(events);
    analysis = session.snapshot().result;
  }
  return exportText(request.format, trace, analysis, request.values);
}

/** The worker's side: its copy of the events, and the session fed them and asked for what changed. */
export function handleWorkerRequest(state: WorkerState, request: WorkerRequest): WorkerReply[] {
  if (request.type === 'reset') {
    state.events.length = 0;
    state.live = undefined;
    state.shown.clear();
    delete state.imported;
  }
  if (request.type === 'reset' || request.type === 'append') {
    for (const ev of request.events) state.events.push(ev);
    return [];
  }
  if (request.type === 'facts') {
    const live = state.live;
    const facts = live?.session.facts(request.entry);
    const exchange = live && exchangeOf(live, request.entry);
    return [
      {
        type: 'facts',
        entry: request.entry,
        facts: facts ? JSON.stringify(facts) : null,
        exchange: exchange ? JSON.stringify(exchange) : null,
      },
    ];
  }
  if (request.type === 'export') return [{ type: 'export', id: request.id, text: exportOf(state, request) }];
  const started = performance.now();
  const live = liveSession(state, request.overrides);
  const fresh = state.events.slice(live.fed);
  for (const recorded of fresh) {
    if (recorded.event.kind !== 'entry') continue;
    live.positionOf.set(recorded.event.entry.index, live.rows.length);
    live.rows.push({ seq: recorded.seq, entry: recorded.event.entry });
  }
  live.session.feed(traceEvents(fresh));
  live.fed = state.events.length;
  const { result, changed } = live.session.snapshot();
  live.result = result;

  const positions = changed.all
    ? live.rows.map((_, position) => position)
    : changed.entries.map((entry) => live.positionOf.get(entry)).filter((p): p is number => p !== undefined);
  const findingsAt = new Map<number, Finding[]>();
  for (const f of result.findings) {
    const list = findingsAt.get(f.entry);
    if (list) list.push(f);
    else findingsAt.set(f.entry, [f]);
  }
  const laneEnds = laneEndMarkers(result);
  const rowTexts: string[] = [];
  for (const position of positions) {
    const { seq, entry } = live.rows[position]!;
    const row = requestRow(
      seq,
      entry,
      live.session.facts(entry.index),
      findingsAt.get(entry.index) ?? [],
      laneEnds.get(entry.index) ?? [],
    );
    const text = JSON.stringify(row);
    // After a restart every row is laid out again; most read as before, and the page keeps those.
    if (state.shown.differs(position, text)) rowTexts.push(`[${position},${text}]`);
  }
  state.shown.truncate(live.rows.length);
  const rowsOf = (from: number, to: number): ChangedRows => ({ rows: `[${rowTexts.slice(from, to).join(',')}]` });
  // Every batch but the last goes ahead in a part of its own; the last comes with the view.
  const ends = batchEnds(rowTexts, ROW_BATCH);
  const lastAt = ends.length > 1 ? ends.at(-2)! : 0;

  // The same events give the same analysis: with none new and no restart, nothing to compare.
  if (changed.all) live.sent = {};
  const summary = changed.all || fresh.length > 0 ? changedSummary(summaryParts(result, live.seen), live.sent) : '{}';
  const restarted = changed.all;
  const parts: WorkerReply[] = [];
  ends.slice(0, -1).forEach((end, i) => {
    parts.push({ type: 'rows', id: request.id, restarted, ...rowsOf(i === 0 ? 0 : ends[i - 1]!, end) });
  });
  parts.push({
    type: 'view',
    id: request.id,
    count: state.events.length,
    restarted,
    rowCount: live.rows.length,
    ...rowsOf(lastAt, rowTexts.length),
    summary,
    analysisMs: performance.now() - started,
  });
  return parts;
}

/** Analyses the live recording: on this thread, or in a worker. */
export interface LiveAnalyser {
  /** Where the analysis runs now: in a worker, or on the page (no worker, or it died). */
  readonly where: 'worker' | 'page';
  /**
   * Hands over the events recorded since the last call (`restart`: the recording started over with these).
   * The analyser keeps them: the page need not.
   */
  feed(events: readonly RecordedEvent[], restart: boolean): void;
  /** The analysis of every event handed over so far. */
  analyse(overrides: SessionOverrides): TraceView | Promise<TraceView>;
  /** The events of the last analysis (the view on display) with that analysis, as an export file. */
  exportFile(format: ExportFormat, values: ExportValues): string | Promise<string>;
  /**
   * Registers who shows a new view of the analysis already given when it gains something between answers
   * (a request's facts arrived from the worker for the detail, or the worker died and the page took over).
   */
  onRefresh?(listener: (view: TraceView) => void): void;
  /** Registers who hands the whole recording over again when the events given were lost (the worker died). */
  onEventsLost?(listener: () => void): void;
}

/** The analysis on this thread (no worker could start, or it died): the events are kept here. */
export function pageAnalyser(): LiveAnalyser {
  let events: RecordedEvent[] = [];
  let last: TraceView | undefined;
  return {
    where: 'page',
    feed(batch, restart) {
      if (restart) events = [];
      for (const recorded of batch) events.push(recorded);
    },
    analyse(overrides) {
      last = panelView(events, overrides);
      return last;
    },
    exportFile(format, values) {
      const view = last ?? panelView(events);
      return exportText(format, view.trace, view.analysis, values);
    },
  };
}

/** What the client may be told besides the worker itself. */
export interface WorkerAnalyserOptions {
  /** Paces the handling of the worker's messages (slicedQueue.ts): a new task per slice unless a test's. */
  readonly scheduler?: Scheduler;
  /**
   * Hears the worker's messages this protocol does not know (an import's `imported`), in order with the
   * rest. Whoever else listened to the worker's messages would read each one's data as it arrives, which is
   * the costly part (the structured clone is read then) and must wait for the queue's slices.
   */
  readonly onOtherMessage?: (data: unknown) => void;
}

/** The worker's replies this client handles. */
const REPLY_TYPES: ReadonlySet<string> = new Set<WorkerReply['type']>(['rows', 'view', 'facts', 'export']);

/** The slice of Worker the client uses (a fake in tests). */
export interface WorkerLike {
  postMessage(message: WorkerRequest): void;
  addEventListener(type: 'message', listener: (e: MessageEvent<WorkerReply>) => void): void;
  addEventListener(type: 'error', listener: () => void): void;
}

/**
 * The live view's facts and recorded exchanges by entry, fetched from the worker one request at a time: `get`
 * of a request not fetched yet asks the worker and gives undefined until the answer (`awaiting` says so); an
 * answer is kept until that row is sent again (its facts changed). Only `has`, `size` and `keys` cover every
 * request: the page never holds them all (reading them all throws).
 */
class FetchedFacts implements ReadonlyMap<number, RequestFacts> {
  /** Entries the engine has facts for. */
  readonly #known = new Map<number, true>();
  readonly #fetched = new Map<number, { readonly facts: string; readonly exchange: string | null }>();
  /** Fetched exchanges that later requests may have extended (a redirect's next hop): asked for again. */
  readonly #stale = new Set<number>();
  readonly #asked = new Set<number>();
  readonly #ask: (entry: number) => void;

  constructor(ask: (entry: number) => void) {
    this.#ask = ask;
  }

  /** A row of this entry arrived (new or changed): what was fetched for it is stale. (Every row has facts.) */
  mark(entry: number): void {
    this.#fetched.delete(entry);
    this.#known.set(entry, true);
  }
  /** New requests were recorded: a fetched exchange's redirect chain may have grown; it is asked for again. */
  markExchangesStale(): void {
    for (const entry of this.#fetched.keys()) this.#stale.add(entry);
  }
  delete(entry: number): void {
    this.#known.delete(entry);
    this.#fetched.delete(entry);
  }
  /** The analysis started over: what was fetched may have changed (every request stays known). */
  forgetFetched(): void {
    this.#fetched.clear();
    this.#stale.clear();
    this.#asked.clear();
  }
  received(entry: number, facts: string | null, exchange: string | null): void {
    this.#asked.delete(entry);
    this.#stale.delete(entry);
    if (facts !== null && this.#known.has(entry)) this.#fetched.set(entry, { facts, exchange });
  }
  #askOnce(entry: number): void {
    if (this.#asked.has(entry)) return;
    this.#asked.add(entry);
    this.#ask(entry);
  }
  /** True while the request's facts are on their way (asking for them if nobody has yet). */
  awaiting(entry: number): boolean {
    if (!this.#known.has(entry) || this.#fetched.has(entry)) return false;
    this.#askOnce(entry);
    return true;
  }
  get(entry: number): RequestFacts | undefined {
    const fetched = this.#fetched.get(entry);
    if (fetched !== undefined) return JSON.parse(fetched.facts) as RequestFacts;
    this.awaiting(entry);
    return undefined;
  }
  /** The request's raw headers and redirect chain, fetched with its facts (the last one while asked again). */
  exchange(entry: number): RequestExchange | undefined {
    const fetched = this.#fetched.get(entry);
    if (fetched === undefined) {
      this.awaiting(entry);
      return undefined;
    }
    if (this.#stale.has(entry)) this.#askOnce(entry);
    return fetched.exchange === null ? undefined : (JSON.parse(fetched.exchange) as RequestExchange);
  }
  has(entry: number): boolean {
    return this.#known.has(entry);
  }
  get size(): number {
    return this.#known.size;
  }
  keys() {
    return this.#known.keys();
  }
  #all(): never {
    throw new Error('the live view fetches facts one request at a time (get), not all at once');
  }
  values(): MapIterator<RequestFacts> {
    return this.#all();
  }
  entries(): MapIterator<[number, RequestFacts]> {
    return this.#all();
  }
  [Symbol.iterator](): MapIterator<[number, RequestFacts]> {
    return this.#all();
  }
  forEach(): void {
    this.#all();
  }
}

/** The live worker view holds no entries: the detail reads a request's exchange through `exchangeOf`. */
const NO_ENTRIES: ReadonlyMap<number, TraceEntry> = new Map();

/** The page's copy of the live view, patched by each answer: rows (their repeated parts shared) and summary. */
class PageView {
  readonly rows: RequestRow[] = [];
  readonly factsByEntry: FetchedFacts;
  readonly #sharing = new RowSharing();
  #lastReply: ViewReply | undefined;

  constructor(askFacts: (entry: number) => void) {
    this.factsByEntry = new FetchedFacts(askFacts);
  }
  findingsByEntry = new Map<number, Finding[]>();
  summary: SummaryJson = {
    findings: [],
    sessions: [],
    jar: [],
    cookiesRecorded: false,
    settings: {} as AnalysisResult['settings'],
    lanes: [],
    logins: [],
    sessionCookieNames: [],
    seen: [],
    story: [],
  };
  #sessionCookieNames = new Map<string, string>();

  #resetFor = -1;

  /**
   * Patches rows from an answer's part. The first part of an answer that started over drops the facts fetched
   * (the rows it does not send read as before, but a request's facts hold more than its row).
   */
  applyRows(reply: RowsPart | ViewReply): void {
    if (reply.restarted && this.#resetFor !== reply.id) {
      this.#resetFor = reply.id;
      this.factsByEntry.forgetFetched();
    }
    for (const [position, row] of JSON.parse(reply.rows) as [number, RequestRow][]) {
      const before = this.rows[position];
      if (before && before.entryIndex !== row.entryIndex) this.factsByEntry.delete(before.entryIndex);
      this.rows[position] = this.#sharing.share(row);
      this.factsByEntry.mark(row.entryIndex);
    }
  }

  apply(reply: ViewReply): TraceView {
    const before = this.rows.length;
    this.applyRows(reply);
    for (let position = reply.rowCount; position < this.rows.length; position++)
      this.factsByEntry.delete(this.rows[position]!.entryIndex);
    this.rows.length = reply.rowCount;
    if (reply.rowCount === 0) this.#sharing.clear();
    if (this.rows.length > before) this.factsByEntry.markExchangesStale();
    const changed = JSON.parse(reply.summary) as Partial<Record<SummaryPart, unknown>>;
    const next: Record<string, unknown> = { ...this.summary };
    for (const [part, value] of Object.entries(changed) as [SummaryPart, unknown][]) {
      if (!ARRAY_PARTS.has(part)) next[part] = value;
      else {
        const { length, changed: items } = value as ListDelta<unknown>;
        const list = (this.summary[part] as readonly unknown[]).slice(0, length);
        for (const [i, item] of items) list[i] = item;
        next[part] = list;
      }
    }
    this.summary = next as unknown as SummaryJson;
    if (changed.sessionCookieNames) this.#sessionCookieNames = new Map(this.summary.sessionCookieNames);
    if (changed.findings) {
      this.findingsByEntry = new Map();
      for (const f of this.summary.findings) {
        const list = this.findingsByEntry.get(f.entry);
        if (list) list.push(f);
        else this.findingsByEntry.set(f.entry, [f]);
      }
    }
    return this.#view(reply);
  }

  /** A view object per answer (views re-render on a new one); the heavy parts are built only when read. */
  #view(reply: ViewReply): TraceView {
    this.#lastReply = reply;
    const { rows, factsByEntry, summary } = this;
    const facts: AnalysisFacts = {
      // The page holds no request's facts but the ones the detail fetched (`factsByEntry`); the Cookies view
      // reads `seenCookies` instead of walking them all.
      get requests(): never {
        throw new Error("the live view has no list of every request's facts: read factsByEntry.get(entry)");
      },
      lanes: summary.lanes,
      logins: summary.logins,
      sessionCookieNames: this.#sessionCookieNames,
    };
    // `requests` (the engine's per-request summary for reports) stays empty: exports are written in the worker.
    const analysis: AnalysisResult = {
      findings: summary.findings,
      sessions: summary.sessions,
      requests: [],
      jar: summary.jar,
      facts,
      cookiesRecorded: summary.cookiesRecorded,
      settings: summary.settings,
      story: summary.story,
    };
    const trace: Trace = {
      source: { format: 'live' },
      // The events stay in the worker (exports are written there).
      get events(): never {
        throw new Error('the live view holds no events: the worker does');
      },
      entryCount: rows.length,
    };
    return {
      trace,
      rows,
      analysis,
      findingsByEntry: this.findingsByEntry,
      entries: NO_ENTRIES,
      factsByEntry,
      awaitingFacts: (entry) => factsByEntry.awaiting(entry),
      exchangeOf: (entry) => factsByEntry.exchange(entry),
      analysisMs: reply.analysisMs,
      seenCookies: summary.seen,
    };
  }

  /** A new view object of the last answer (views re-render on a new one): a request's facts arrived. */
  refreshed(): TraceView | undefined {
    return this.#lastReply && this.#view(this.#lastReply);
  }
}

/**
 * Hands the events to the worker as they arrive (EVENTS_PER_MESSAGE at a time, the rest in tasks of their own)
 * and forgets them once posted: the worker holds them. An analysis is asked for once they are all posted: posting
 * a backlog at once would hold the page for the clone of every event in it (~40 µs each). If the worker fails
 * to start or dies, the analysis moves to this thread and whoever listens hands the recording over again.
 * The worker's messages are handled in order, a few per task (SlicedQueue): an answer of 100,000 rows comes
 * in hundreds of messages at once, and the page paints between them.
 */
export function workerAnalyser(worker: WorkerLike, options: WorkerAnalyserOptions = {}): LiveAnalyser {
  /** Set once the worker died: the page's own analysis. */
  let fallback: LiveAnalyser | undefined;
  /** Events handed over and not yet posted, from `posted` on. */
  let queue: RecordedEvent[] = [];
  let posted = 0;
  let moreScheduled = false;
  /** Messages that wait for every event handed over to be posted (analyses). */
  let afterSent: (() => void)[] = [];
  /** Posts up to `limit` more events; the rest follow in later tasks. */
  const sendMore = (limit: number) => {
    if (fallback) return;
    const to = Math.min(queue.length, posted + limit);
    if (to > posted) worker.postMessage({ type: 'append', events: queue.slice(posted, to) });
    posted = to;
    if (posted === queue.length) {
      queue = [];
      posted = 0;
      const waitingForEvents = afterSent;
      afterSent = [];
      for (const post of waitingForEvents) post();
      return;
    }
    if (!moreScheduled) {
      moreScheduled = true;
      setTimeout(() => {
        moreScheduled = false;
        sendMore(EVENTS_PER_MESSAGE);
      }, 0);
    }
  };
  let nextId = 0;
  const refreshListeners: ((view: TraceView) => void)[] = [];
  const lostListeners: (() => void)[] = [];
  const refresh = (view: TraceView | undefined) => {
    if (view) for (const listener of refreshListeners) listener(view);
  };
  const page = new PageView((entry) => {
    if (!fallback) worker.postMessage({ type: 'facts', entry });
  });
  const waiting = new Map<number, { resolve: (v: TraceView) => void; overrides: SessionOverrides }>();
  const exports = new Map<number, { resolve: (text: string) => void; reject: (error: Error) => void }>();
  const handle = (e: MessageEvent<WorkerReply>) => {
    // Read here, in the queue's slice: reading `data` is what copies the message onto this thread.
    const reply = e.data;
    if (!REPLY_TYPES.has(reply.type)) return options.onOtherMessage?.(reply);
    if (reply.type === 'facts') {
      page.factsByEntry.received(reply.entry, reply.facts, reply.exchange);
      return refresh(page.refreshed());
    }
    if (reply.type === 'export') {
      exports.get(reply.id)?.resolve(reply.text);
      exports.delete(reply.id);
      return;
    }
    const job = waiting.get(reply.id);
    if (!job) return;
    if (reply.type === 'rows') return page.applyRows(reply);
    waiting.delete(reply.id);
    job.resolve(page.apply(reply));
  };
  const inbox = new SlicedQueue(handle, options.scheduler ?? nextTaskScheduler);
  worker.addEventListener('message', (e: MessageEvent<WorkerReply>) => inbox.push(e));
  worker.addEventListener('error', () => {
    if (fallback) return;
    // What the dead worker said and the page has not read yet belongs to answers now given by the page.
    inbox.clear();
    const own = pageAnalyser();
    fallback = own;
    queue = [];
    posted = 0;
    afterSent = [];
    // The worker took the events with it: answers still awaited get the page's (empty) view, and whoever
    // listens hands the recording over again, which the page then analyses.
    for (const [id, job] of waiting) {
      waiting.delete(id);
      job.resolve(own.analyse(job.overrides) as TraceView);
    }
    for (const [id, job] of exports) {
      exports.delete(id);
      job.reject(new Error('the analysis worker stopped before the export was written'));
    }
    for (const listener of lostListeners) listener();
  });
  return {
    get where() {
      return fallback ? 'page' : 'worker';
    },
    feed(events, restart) {
      if (fallback) return fallback.feed(events, restart);
      if (restart) {
        queue = [...events];
        posted = Math.min(queue.length, EVENTS_PER_MESSAGE);
        worker.postMessage({ type: 'reset', events: queue.slice(0, posted) });
        sendMore(0);
        return;
      }
      for (const recorded of events) queue.push(recorded);
      sendMore(EVENTS_PER_MESSAGE);
    },
    analyse(overrides) {
      if (fallback) return fallback.analyse(overrides);
      const id = nextId++;
      return new Promise<TraceView>((resolve) => {
        waiting.set(id, { resolve, overrides });
        const post = () => worker.postMessage({ type: 'analyse', id, overrides });
        if (queue.length === 0) post();
        else afterSent.push(post);
      });
    },
    exportFile(format, values) {
      if (fallback) return fallback.exportFile(format, values);
      const id = nextId++;
      return new Promise<string>((resolve, reject) => {
        exports.set(id, { resolve, reject });
        worker.postMessage({ type: 'export', id, format, values });
      });
    },
    onRefresh(listener) {
      refreshListeners.push(listener);
    },
    onEventsLost(listener) {
      lostListeners.push(listener);
    },
  };
}
