// Messages between the panel page and its analysis worker (analysisWorker.ts), and the page-side client
// that keeps the worker's copy of the events in step and turns its answers back into TraceViews.
//
// The worker re-analyses the recording, but the page's work per answer is proportional to what changed:
// the worker remembers the last rows it sent (their JSON text) and sends only new rows and rows whose
// verdict changed, and each part of the summary (findings, lanes, jar…) only when it changed. The page
// patches its rows in place; the things only some views need (the trace's event list, the per-request
// facts as a list) are built when a view asks for them.
//
// A row travels as two pieces of JSON text: its head (the fields the page reads on every row: filter,
// counts, lookups by entry) and its lists (cookies sent, set and not sent, findings, markers). The page
// parses only the heads on arrival; a row's lists are parsed when a view first reads them (the windowed
// timeline shows a few dozen rows). A request's facts (the detail's full cookie values, Set-Cookie lines
// and outcomes: more than half of a row's bytes) stay in the worker: the page asks for the one request the
// detail shows (`facts` request) and keeps it until that row changes. Parsing every row whole with its
// facts on arrival — ~4 kB of JSON per request — was what made the page's long frames.
import type { RecordedEvent } from '../background/messages.ts';
import type { AnalysisResult, Finding } from '../core/analysis/analyze.ts';
import type { AnalysisFacts, RequestFacts } from '../core/analysis/facts.ts';
import type { SiteContext, Trace, TraceEntry } from '../core/trace/types.ts';
import {
  cookiesSeen,
  panelView,
  type RequestRow,
  type SeenCookie,
  type SessionOverrides,
  type TraceView,
  traceEvents,
} from './model.ts';

export type WorkerRequest =
  | { readonly type: 'reset'; readonly events: readonly RecordedEvent[] }
  | { readonly type: 'append'; readonly events: readonly RecordedEvent[] }
  | { readonly type: 'analyse'; readonly id: number; readonly overrides: SessionOverrides }
  /** One request's facts from the last analysis, for the detail. */
  | { readonly type: 'facts'; readonly entry: number };

export type WorkerReply = RowsPart | ViewReply | FactsReply;

/**
 * A request's facts as JSON text (null when the last analysis has none for it). The worker answers in
 * order with its analyses, so facts that changed since come with the rows part that says so, after this.
 */
export interface FactsReply {
  readonly type: 'facts';
  readonly entry: number;
  readonly facts: string | null;
}

/**
 * Rows of an answer sent ahead of it, a few hundred at a time: each arrives as its own task on the page, so
 * a large batch of changed rows (after a long analysis) is taken in small steps the page can paint between.
 */
export interface RowsPart extends ChangedRows {
  readonly type: 'rows';
  readonly id: number;
  /** The worker started from nothing (after a reset): the page drops what it held. */
  readonly full: boolean;
}

/**
 * New and changed rows, as JSON text (the page parses text in a fraction of the time a structured clone of
 * the same objects takes to arrive), the three arrays in the same order.
 */
export interface ChangedRows {
  /** `[[position, head], …]`: each row without its lists (RowHead). */
  readonly heads: string;
  /** Each row's lists (RowLists), parsed on the page when a view first reads them. */
  readonly lists: readonly string[];
  /** Whether the engine has facts for each row's request (the page asks for them when the detail shows it). */
  readonly withFacts: readonly boolean[];
}

export interface ViewReply extends ChangedRows {
  readonly type: 'view';
  readonly id: number;
  /** How many events the analysis covered (the first `count` the page sent). */
  readonly count: number;
  readonly full: boolean;
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

/** Rows per message: a few hundred heads are parsed on the page in a millisecond or two. */
export const ROWS_PER_MESSAGE = 250;

/** The row fields that are lists: the bulk of a row, read only for the rows a view shows. */
const LIST_FIELDS = ['cookiesSent', 'cookiesSet', 'notSent', 'findings', 'markers'] as const;
export type RowLists = Pick<RequestRow, (typeof LIST_FIELDS)[number]>;
export type RowHead = Omit<RequestRow, keyof RowLists>;

function splitRow(row: RequestRow): [RowHead, RowLists] {
  const { cookiesSent, cookiesSet, notSent, findings, markers, ...head } = row;
  return [head, { cookiesSent, cookiesSet, notSent, findings, markers }];
}

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
  /** The Cookies view's "seen" list, so the page need not read every request's facts for it. */
  readonly seen: readonly SeenCookie[];
  /** "What happened" (core/story): the banner above the request list. */
  readonly story: NonNullable<AnalysisResult['story']>;
}

type SummaryPart = keyof SummaryJson;

/** Summary parts that are lists sent as a delta: their new length and the items that changed, by index. */
const ARRAY_PARTS: ReadonlySet<SummaryPart> = new Set(['findings', 'sessions', 'jar', 'lanes', 'logins', 'seen']);

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
    seen: cookiesSeen(analysis),
    story: analysis.story ?? [],
  };
}

/** The worker's memory: its copy of the events and what it last told the page. */
export interface WorkerState {
  readonly events: RecordedEvent[];
  /** JSON text of each row (head, lists and facts) as last sent, by position. */
  rowTexts: string[];
  summaryTexts: Partial<Record<SummaryPart, string>>;
  /** The last analysis's facts by entry, for `facts` requests. */
  facts: ReadonlyMap<number, RequestFacts>;
  /** Each item's JSON text of the list parts, as last sent. */
  arrayTexts: Partial<Record<SummaryPart, string[]>>;
}

export function newWorkerState(): WorkerState {
  return { events: [], rowTexts: [], summaryTexts: {}, arrayTexts: {}, facts: new Map() };
}

/** The worker's side: its copy of the events, changed and analysed by each request. */
export function handleWorkerRequest(state: WorkerState, request: WorkerRequest): WorkerReply[] {
  if (request.type === 'reset') {
    state.events.length = 0;
    state.rowTexts = [];
    state.summaryTexts = {};
    state.arrayTexts = {};
    state.facts = new Map();
  }
  if (request.type === 'reset' || request.type === 'append') {
    for (const ev of request.events) state.events.push(ev);
    return [];
  }
  if (request.type === 'facts') {
    const facts = state.facts.get(request.entry);
    return [{ type: 'facts', entry: request.entry, facts: facts ? JSON.stringify(facts) : null }];
  }
  const view = panelView(state.events, request.overrides);
  state.facts = view.factsByEntry;
  const started = performance.now();
  const full = state.rowTexts.length === 0 && Object.keys(state.summaryTexts).length === 0;
  const changedRows: { head: string; lists: string; withFacts: boolean }[] = [];
  view.rows.forEach((row, position) => {
    const [head, lists] = splitRow(row);
    const headText = JSON.stringify(head);
    const listsText = JSON.stringify(lists);
    const facts = view.factsByEntry.get(row.entryIndex);
    const factsText = facts ? JSON.stringify(facts) : null;
    // JSON text has no raw line breaks: the three joined by one are this row's fingerprint (facts included,
    // so a row whose facts changed is sent again and the page drops the facts it fetched for it).
    const text = `${headText}\n${listsText}\n${factsText}`;
    if (state.rowTexts[position] === text) return;
    state.rowTexts[position] = text;
    changedRows.push({ head: `[${position},${headText}]`, lists: listsText, withFacts: facts !== undefined });
  });
  const rowsOf = (from: number, to: number): ChangedRows => {
    const slice = changedRows.slice(from, to);
    return {
      heads: `[${slice.map((r) => r.head).join(',')}]`,
      lists: slice.map((r) => r.lists),
      withFacts: slice.map((r) => r.withFacts),
    };
  };
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
    parts.push({ type: 'rows', id: request.id, full, ...rowsOf(at, at + ROWS_PER_MESSAGE) });
  const lastAt = parts.length * ROWS_PER_MESSAGE;
  parts.push({
    type: 'view',
    id: request.id,
    count: state.events.length,
    full,
    rowCount: view.rows.length,
    ...rowsOf(lastAt, changedRows.length),
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
  /**
   * Registers who shows a new view of the analysis already given when it gains something between answers
   * (a request's facts arrived from the worker for the detail, or the worker died and the page took over).
   */
  onRefresh?(listener: (view: TraceView) => void): void;
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

/** A row from the worker: its head read on arrival, its lists parsed from their text when first read. */
class LiveRow implements RequestRow {
  readonly seq: number;
  readonly entryIndex: number;
  readonly startedAt: number;
  readonly method: string;
  readonly url: string;
  readonly origin: string;
  // Optional fields are declared, not initialised: an absent one stays absent, as on a row made on the page.
  declare readonly status?: number;
  declare readonly redirectUrl?: string;
  declare readonly resourceType?: string;
  declare readonly siteContext?: SiteContext;
  readonly sessionRelevant: boolean;
  readonly cookies: readonly string[];
  readonly rules: readonly string[];
  readonly severities: readonly string[];
  #listsText: string | undefined;
  #lists: RowLists | undefined;

  constructor(head: RowHead, listsText: string) {
    this.seq = head.seq;
    this.entryIndex = head.entryIndex;
    this.startedAt = head.startedAt;
    this.method = head.method;
    this.url = head.url;
    this.origin = head.origin;
    if (head.status !== undefined) this.status = head.status;
    if (head.redirectUrl !== undefined) this.redirectUrl = head.redirectUrl;
    if (head.resourceType !== undefined) this.resourceType = head.resourceType;
    if (head.siteContext !== undefined) this.siteContext = head.siteContext;
    this.sessionRelevant = head.sessionRelevant;
    this.cookies = head.cookies;
    this.rules = head.rules;
    this.severities = head.severities;
    this.#listsText = listsText;
  }

  #read(): RowLists {
    if (this.#lists === undefined) {
      this.#lists = JSON.parse(this.#listsText as string) as RowLists;
      this.#listsText = undefined;
    }
    return this.#lists;
  }

  get cookiesSent(): RowLists['cookiesSent'] {
    return this.#read().cookiesSent;
  }
  get cookiesSet(): RowLists['cookiesSet'] {
    return this.#read().cookiesSet;
  }
  get notSent(): RowLists['notSent'] {
    return this.#read().notSent;
  }
  get findings(): RowLists['findings'] {
    return this.#read().findings;
  }
  get markers(): RowLists['markers'] {
    return this.#read().markers;
  }
}

/**
 * The live view's facts by entry, fetched from the worker one request at a time: `get` of a request not
 * fetched yet asks the worker and gives undefined until the answer (`awaiting` says so); an answer is kept
 * until that row is sent again (its facts changed). Only `has`, `size` and `keys` cover every request: the
 * page never holds them all (reading them all throws).
 */
class FetchedFacts implements ReadonlyMap<number, RequestFacts> {
  /** Entries the engine has facts for. */
  readonly #known = new Map<number, true>();
  readonly #fetched = new Map<number, string>();
  readonly #asked = new Set<number>();
  readonly #ask: (entry: number) => void;

  constructor(ask: (entry: number) => void) {
    this.#ask = ask;
  }

  /** A row of this entry arrived (new or changed): what was fetched for it is stale. */
  mark(entry: number, withFacts: boolean): void {
    this.#fetched.delete(entry);
    if (withFacts) this.#known.set(entry, true);
    else this.#known.delete(entry);
  }
  delete(entry: number): void {
    this.#known.delete(entry);
    this.#fetched.delete(entry);
  }
  clear(): void {
    this.#known.clear();
    this.#fetched.clear();
    this.#asked.clear();
  }
  received(entry: number, text: string | null): void {
    this.#asked.delete(entry);
    if (text !== null && this.#known.has(entry)) this.#fetched.set(entry, text);
  }
  /** True while the request's facts are on their way (asking for them if nobody has yet). */
  awaiting(entry: number): boolean {
    if (!this.#known.has(entry) || this.#fetched.has(entry)) return false;
    if (!this.#asked.has(entry)) {
      this.#asked.add(entry);
      this.#ask(entry);
    }
    return true;
  }
  get(entry: number): RequestFacts | undefined {
    const text = this.#fetched.get(entry);
    if (text !== undefined) return JSON.parse(text) as RequestFacts;
    this.awaiting(entry);
    return undefined;
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

/** The page's copy of the live view, patched by each answer. */
class PageView {
  events: readonly RecordedEvent[] = [];
  readonly rows: RequestRow[] = [];
  readonly factsByEntry: FetchedFacts;
  #lastReply: ViewReply | undefined;

  constructor(askFacts: (entry: number) => void) {
    this.factsByEntry = new FetchedFacts(askFacts);
  }
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
    seen: [],
    story: [],
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
    const heads = JSON.parse(reply.heads) as [number, RowHead][];
    heads.forEach(([position, head], i) => {
      const before = this.rows[position];
      if (before && before.entryIndex !== head.entryIndex) this.factsByEntry.delete(before.entryIndex);
      this.rows[position] = new LiveRow(head, reply.lists[i] as string);
      this.factsByEntry.mark(head.entryIndex, reply.withFacts[i] === true);
    });
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
    this.#lastReply = reply;
    const { rows, factsByEntry, summary } = this;
    const covered = this.events;
    const count = reply.count;
    let trace: Trace | undefined;
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
    // `requests` (the engine's per-request summary for reports) stays empty: exports re-analyse the trace.
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
      awaitingFacts: (entry) => factsByEntry.awaiting(entry),
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
 * Sends only the events the worker has not seen (Clear or a reset snapshot, which give the store a new
 * array, send them all again), EVENTS_PER_MESSAGE at a time in tasks of their own (an analysis sends what is
 * left at once), and falls back to analysing on this thread if the worker fails to start or dies.
 */
export function workerAnalyser(worker: WorkerLike): LiveAnalyser {
  let sentArray: readonly RecordedEvent[] | undefined;
  let sentCount = 0;
  let broken = false;
  let moreScheduled = false;
  /** Sends up to `limit` more events; the rest follow in later tasks. */
  const sendMore = (limit: number) => {
    if (broken || !sentArray) return;
    const to = Math.min(sentArray.length, sentCount + limit);
    if (to > sentCount) worker.postMessage({ type: 'append', events: sentArray.slice(sentCount, to) });
    sentCount = to;
    if (sentCount < sentArray.length && !moreScheduled) {
      moreScheduled = true;
      setTimeout(() => {
        moreScheduled = false;
        sendMore(EVENTS_PER_MESSAGE);
      }, 0);
    }
  };
  let nextId = 0;
  let lastAsked: { events: readonly RecordedEvent[]; overrides: SessionOverrides } | undefined;
  const refreshListeners: ((view: TraceView) => void)[] = [];
  const refresh = (view: TraceView | undefined) => {
    if (view) for (const listener of refreshListeners) listener(view);
  };
  const page = new PageView((entry) => {
    if (!broken) worker.postMessage({ type: 'facts', entry });
  });
  const waiting = new Map<
    number,
    { events: readonly RecordedEvent[]; resolve: (v: TraceView) => void; overrides: SessionOverrides }
  >();
  worker.addEventListener('message', (e: MessageEvent<WorkerReply>) => {
    const reply = e.data;
    if (reply.type === 'facts') {
      page.factsByEntry.received(reply.entry, reply.facts);
      return refresh(page.refreshed());
    }
    const job = waiting.get(reply.id);
    if (!job) return;
    if (reply.type === 'rows') return page.applyRows(reply, job.events);
    waiting.delete(reply.id);
    job.resolve(page.apply(reply, job.events));
  });
  worker.addEventListener('error', () => {
    broken = true;
    const answered = waiting.size > 0;
    for (const [id, job] of waiting) {
      waiting.delete(id);
      job.resolve(panelView(job.events, job.overrides));
    }
    // A detail waiting for facts the dead worker will never send gets the page's own analysis.
    if (!answered && lastAsked) refresh(panelView(lastAsked.events, lastAsked.overrides));
  });
  return {
    get where() {
      return broken ? 'page' : 'worker';
    },
    sync(events) {
      if (broken) return;
      if (events !== sentArray || events.length < sentCount) {
        sentArray = events;
        sentCount = Math.min(events.length, EVENTS_PER_MESSAGE);
        worker.postMessage({ type: 'reset', events: events.slice(0, sentCount) });
        sendMore(0);
      } else sendMore(EVENTS_PER_MESSAGE);
    },
    analyse(events, overrides) {
      if (broken) return panelView(events, overrides);
      lastAsked = { events, overrides };
      this.sync?.(events);
      sendMore(Number.POSITIVE_INFINITY);
      const id = nextId++;
      return new Promise<TraceView>((resolve) => {
        waiting.set(id, { events, resolve, overrides });
        worker.postMessage({ type: 'analyse', id, overrides });
      });
    },
    onRefresh(listener) {
      refreshListeners.push(listener);
    },
  };
}
