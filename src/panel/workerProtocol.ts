// Messages between the panel page and its analysis worker (analysisWorker.ts), and the page-side client
// that keeps the worker's copy of the events in step and turns its answers back into TraceViews.
//
// The worker re-analyses the recording, but the page's work per answer is proportional to what changed:
// the worker remembers the last rows it sent (their JSON text) and sends only new rows and rows whose
// verdict changed, and each part of the summary (findings, lanes, jar…) only when it changed. The page
// patches its rows in place; the things only some views need (the trace's event list, the per-request
// facts as a list) are built when a view asks for them.
import type { RecordedEvent } from '../background/messages.ts';
import type { AnalysisResult, Finding } from '../core/analysis/analyze.ts';
import type { AnalysisFacts, RequestFacts } from '../core/analysis/facts.ts';
import type { Trace, TraceEntry } from '../core/trace/types.ts';
import { panelView, type RequestRow, type SessionOverrides, type TraceView, traceEvents } from './model.ts';

export type WorkerRequest =
  | { readonly type: 'reset'; readonly events: readonly RecordedEvent[] }
  | { readonly type: 'append'; readonly events: readonly RecordedEvent[] }
  | { readonly type: 'analyse'; readonly id: number; readonly overrides: SessionOverrides };

export type WorkerReply = RowsPart | ViewReply;

/**
 * Rows of an answer sent ahead of it, a few hundred at a time: each arrives as its own task on the page, so
 * a large batch of changed rows (after a long analysis) is taken in small steps the page can paint between.
 */
export interface RowsPart {
  readonly type: 'rows';
  readonly id: number;
  /** The worker started from nothing (after a reset): the page drops what it held. */
  readonly full: boolean;
  /** New and changed rows as JSON text, `[[position, row, facts | null], …]`. */
  readonly rows: string;
}

export interface ViewReply {
  readonly type: 'view';
  readonly id: number;
  /** How many events the analysis covered (the first `count` the page sent). */
  readonly count: number;
  readonly full: boolean;
  /** How many rows the view has; rows past it are dropped. */
  readonly rowCount: number;
  /**
   * The last new and changed rows, as in RowsPart: JSON text because the page parses it in a fraction of the
   * time a structured clone of the same objects takes to arrive.
   */
  readonly rows: string;
  /** The summary parts that changed, as JSON text (list parts as `{length, changed: [[i, item]…]}`). */
  readonly summary: string;
  readonly analysisMs: number;
}

/** Rows per message: parsing a few hundred rows on the page takes a few milliseconds. */
export const ROWS_PER_MESSAGE = 250;

/** The parts of an analysis besides its rows, each sent only when its JSON differs from the last sent. */
interface SummaryJson {
  readonly findings: AnalysisResult['findings'];
  readonly sessions: AnalysisResult['sessions'];
  readonly jar: AnalysisResult['jar'];
  readonly cookiesRecorded: boolean;
  readonly settings: AnalysisResult['settings'];
  readonly lanes: AnalysisFacts['lanes'];
  readonly logins: AnalysisFacts['logins'];
  readonly sessionCookieNames: readonly (readonly [string, string])[];
}

type SummaryPart = keyof SummaryJson;

/** Summary parts that are lists sent as a delta: their new length and the items that changed, by index. */
const ARRAY_PARTS: ReadonlySet<SummaryPart> = new Set(['findings', 'sessions', 'jar', 'lanes', 'logins']);

interface ListDelta<T> {
  readonly length: number;
  readonly changed: readonly (readonly [number, T])[];
}

function summaryParts(view: TraceView): { readonly [K in SummaryPart]: SummaryJson[K] } {
  const { analysis } = view;
  return {
    findings: analysis.findings,
    sessions: analysis.sessions,
    jar: analysis.jar,
    cookiesRecorded: analysis.cookiesRecorded,
    settings: analysis.settings,
    lanes: analysis.facts.lanes,
    logins: analysis.facts.logins,
    sessionCookieNames: [...analysis.facts.sessionCookieNames],
  };
}

/** The worker's memory: its copy of the events and what it last told the page. */
export interface WorkerState {
  readonly events: RecordedEvent[];
  /** JSON text of each row (with its facts) as last sent, by position. */
  rowTexts: string[];
  summaryTexts: Partial<Record<SummaryPart, string>>;
  /** Each item's JSON text of the list parts, as last sent. */
  arrayTexts: Partial<Record<SummaryPart, string[]>>;
}

export function newWorkerState(): WorkerState {
  return { events: [], rowTexts: [], summaryTexts: {}, arrayTexts: {} };
}

/** The worker's side: its copy of the events, changed and analysed by each request. */
export function handleWorkerRequest(state: WorkerState, request: WorkerRequest): WorkerReply[] {
  if (request.type === 'reset') {
    state.events.length = 0;
    state.rowTexts = [];
    state.summaryTexts = {};
    state.arrayTexts = {};
  }
  if (request.type === 'reset' || request.type === 'append') {
    for (const ev of request.events) state.events.push(ev);
    return [];
  }
  const view = panelView(state.events, request.overrides);
  const started = performance.now();
  const full = state.rowTexts.length === 0 && Object.keys(state.summaryTexts).length === 0;
  const changedRows: string[] = [];
  view.rows.forEach((row, position) => {
    const text = JSON.stringify([row, view.factsByEntry.get(row.entryIndex) ?? null]);
    if (state.rowTexts[position] === text) return;
    state.rowTexts[position] = text;
    changedRows.push(`[${position},${text.slice(1)}`);
  });
  state.rowTexts.length = view.rows.length;
  const changedParts: string[] = [];
  for (const [part, value] of Object.entries(summaryParts(view)) as [SummaryPart, unknown][]) {
    if (ARRAY_PARTS.has(part)) {
      // Long lists (findings grow with the recording) travel as their length and the items that changed.
      const texts = (value as unknown[]).map((item) => JSON.stringify(item));
      const before = state.arrayTexts[part] ?? [];
      const changed: string[] = [];
      texts.forEach((text, i) => {
        if (before[i] !== text) changed.push(`[${i},${text}]`);
      });
      state.arrayTexts[part] = texts;
      if (changed.length === 0 && texts.length === before.length && part in state.summaryTexts) continue;
      state.summaryTexts[part] = '';
      changedParts.push(`${JSON.stringify(part)}:{"length":${texts.length},"changed":[${changed.join(',')}]}`);
      continue;
    }
    const text = JSON.stringify(value);
    if (state.summaryTexts[part] === text) continue;
    state.summaryTexts[part] = text;
    changedParts.push(`${JSON.stringify(part)}:${text}`);
  }
  const parts: WorkerReply[] = [];
  for (let at = 0; at + ROWS_PER_MESSAGE < changedRows.length; at += ROWS_PER_MESSAGE)
    parts.push({
      type: 'rows',
      id: request.id,
      full,
      rows: `[${changedRows.slice(at, at + ROWS_PER_MESSAGE).join(',')}]`,
    });
  const lastAt = parts.length * ROWS_PER_MESSAGE;
  parts.push({
    type: 'view',
    id: request.id,
    count: state.events.length,
    full,
    rowCount: view.rows.length,
    rows: `[${changedRows.slice(lastAt).join(',')}]`,
    summary: `{${changedParts.join(',')}}`,
    analysisMs: view.analysisMs + (performance.now() - started),
  });
  return parts;
}

/** Analyses the live recording: on this thread, or in a worker. */
export interface LiveAnalyser {
  /** Where the analysis runs now: in a worker, or on the page (no worker, or it died). */
  readonly where: 'worker' | 'page';
  analyse(events: readonly RecordedEvent[], overrides: SessionOverrides): TraceView | Promise<TraceView>;
  /**
   * Hands the events recorded so far to where the analysis runs, as they arrive (a batch at a time, so the
   * page never copies a large backlog at once); `analyse` sends whatever is still missing.
   */
  sync?(events: readonly RecordedEvent[]): void;
}

export const inThreadAnalyser: LiveAnalyser = {
  where: 'page',
  analyse: (events, overrides) => panelView(events, overrides),
};

/** The slice of Worker the client uses (a fake in tests). */
export interface WorkerLike {
  postMessage(message: WorkerRequest): void;
  addEventListener(type: 'message', listener: (e: MessageEvent<WorkerReply>) => void): void;
  addEventListener(type: 'error', listener: () => void): void;
}

/** The page's copy of the live view, patched by each answer. */
class PageView {
  events: readonly RecordedEvent[] = [];
  readonly rows: RequestRow[] = [];
  readonly factsByEntry = new Map<number, RequestFacts>();
  findingsByEntry = new Map<number, Finding[]>();
  readonly entries = new Map<number, TraceEntry>();
  #entriesScanned = 0;
  summary: SummaryJson = {
    findings: [],
    sessions: [],
    jar: [],
    cookiesRecorded: false,
    settings: {} as AnalysisResult['settings'],
    lanes: [],
    logins: [],
    sessionCookieNames: [],
  };
  #sessionCookieNames = new Map<string, string>();

  #resetFor = -1;

  /** Patches rows from an answer's part; the first part of an answer after a reset drops what was held. */
  applyRows(reply: RowsPart | ViewReply, events: readonly RecordedEvent[]): void {
    if ((reply.full || events !== this.events) && this.#resetFor !== reply.id) {
      this.#resetFor = reply.id;
      this.rows.length = 0;
      this.factsByEntry.clear();
      this.entries.clear();
      this.#entriesScanned = 0;
    }
    this.events = events;
    for (const [position, row, facts] of JSON.parse(reply.rows) as [number, RequestRow, RequestFacts | null][]) {
      const before = this.rows[position];
      if (before && before.entryIndex !== row.entryIndex) this.factsByEntry.delete(before.entryIndex);
      this.rows[position] = row;
      if (facts) this.factsByEntry.set(row.entryIndex, facts);
      else this.factsByEntry.delete(row.entryIndex);
    }
  }

  apply(reply: ViewReply, events: readonly RecordedEvent[]): TraceView {
    this.applyRows(reply, events);
    this.rows.length = reply.rowCount;
    for (; this.#entriesScanned < reply.count; this.#entriesScanned++) {
      const event = events[this.#entriesScanned]?.event;
      if (event?.kind === 'entry') this.entries.set(event.entry.index, event.entry);
    }
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
    const { rows, factsByEntry, summary } = this;
    const covered = this.events;
    const count = reply.count;
    let trace: Trace | undefined;
    let requests: RequestFacts[] | undefined;
    const facts: AnalysisFacts = {
      get requests() {
        requests ??= rows.flatMap((r) => factsByEntry.get(r.entryIndex) ?? []);
        return requests;
      },
      lanes: summary.lanes,
      logins: summary.logins,
      sessionCookieNames: this.#sessionCookieNames,
    };
    // `requests` (the engine's per-request summary for reports) stays empty: exports re-analyse the trace.
    const analysis: AnalysisResult = {
      findings: summary.findings,
      sessions: summary.sessions,
      requests: [],
      jar: summary.jar,
      facts,
      cookiesRecorded: summary.cookiesRecorded,
      settings: summary.settings,
    };
    return {
      get trace() {
        trace ??= { source: { format: 'live' }, events: traceEvents(covered.slice(0, count)), entryCount: rows.length };
        return trace;
      },
      rows,
      analysis,
      findingsByEntry: this.findingsByEntry,
      entries: this.entries,
      factsByEntry,
      analysisMs: reply.analysisMs,
    };
  }
}

/**
 * Sends only the events the worker has not seen (Clear or a reset snapshot, which give the store a new
 * array, send them all again) and falls back to analysing on this thread if the worker fails to start or
 * dies.
 */
export function workerAnalyser(worker: WorkerLike): LiveAnalyser {
  let sentArray: readonly RecordedEvent[] | undefined;
  let sentCount = 0;
  let broken = false;
  let nextId = 0;
  const page = new PageView();
  const waiting = new Map<
    number,
    { events: readonly RecordedEvent[]; resolve: (v: TraceView) => void; overrides: SessionOverrides }
  >();
  worker.addEventListener('message', (e: MessageEvent<WorkerReply>) => {
    const reply = e.data;
    const job = waiting.get(reply.id);
    if (!job) return;
    if (reply.type === 'rows') return page.applyRows(reply, job.events);
    waiting.delete(reply.id);
    job.resolve(page.apply(reply, job.events));
  });
  worker.addEventListener('error', () => {
    broken = true;
    for (const [id, job] of waiting) {
      waiting.delete(id);
      job.resolve(panelView(job.events, job.overrides));
    }
  });
  return {
    get where() {
      return broken ? 'page' : 'worker';
    },
    sync(events) {
      if (broken) return;
      if (events === sentArray && events.length >= sentCount) {
        if (events.length > sentCount) worker.postMessage({ type: 'append', events: events.slice(sentCount) });
      } else worker.postMessage({ type: 'reset', events });
      sentArray = events;
      sentCount = events.length;
    },
    analyse(events, overrides) {
      if (broken) return panelView(events, overrides);
      this.sync?.(events);
      const id = nextId++;
      return new Promise<TraceView>((resolve) => {
        waiting.set(id, { events, resolve, overrides });
        worker.postMessage({ type: 'analyse', id, overrides });
      });
    },
  };
}
