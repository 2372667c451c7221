// Messages between the panel page and its analysis worker (analysisWorker.ts), and the page-side client
// that keeps the worker's copy of the events in step and turns its answers back into TraceViews.
import type { RecordedEvent } from '../background/messages.ts';
import type { AnalysisResult, Finding } from '../core/analysis/analyze.ts';
import type { AnalysisFacts, RequestFacts } from '../core/analysis/facts.ts';
import type { TraceEntry } from '../core/trace/types.ts';
import { liveTrace, panelView, type SessionOverrides, type TraceView } from './model.ts';

export type WorkerRequest =
  | { readonly type: 'reset'; readonly events: readonly RecordedEvent[] }
  | { readonly type: 'append'; readonly events: readonly RecordedEvent[] }
  | { readonly type: 'analyse'; readonly id: number; readonly overrides: SessionOverrides };

export type WorkerReply = {
  readonly type: 'view';
  readonly id: number;
  /** How many events the analysis covered (the first `count` the page sent). */
  readonly count: number;
  /**
   * The rows and the analysis as JSON text: the page parses 100,000 rows in about a tenth of the time a
   * structured clone of the same objects takes to arrive (measured by bench/analysisTiming.ts).
   */
  readonly json: string;
  readonly analysisMs: number;
};

/**
 * What the JSON carries; Maps travel as entry lists. `analysis.requests` (the engine's per-request summary for
 * reports) stays behind: the panel reads the fuller `facts.requests`, and exports re-analyse the trace.
 */
interface ViewJson {
  readonly rows: TraceView['rows'];
  readonly analysis: Omit<AnalysisResult, 'facts' | 'requests'> & {
    readonly facts: Omit<AnalysisFacts, 'sessionCookieNames'> & {
      readonly sessionCookieNames: readonly (readonly [string, string])[];
    };
  };
}

function viewToJson(view: TraceView): string {
  const { facts } = view.analysis;
  const payload: ViewJson = {
    rows: view.rows,
    analysis: {
      findings: view.analysis.findings,
      sessions: view.analysis.sessions,
      jar: view.analysis.jar,
      cookiesRecorded: view.analysis.cookiesRecorded,
      settings: view.analysis.settings,
      facts: { ...facts, sessionCookieNames: [...facts.sessionCookieNames] },
    },
  };
  return JSON.stringify(payload);
}

function viewFromJson(json: string, covered: readonly RecordedEvent[], analysisMs: number): TraceView {
  const parsed = JSON.parse(json) as ViewJson;
  const facts: AnalysisFacts = {
    ...parsed.analysis.facts,
    sessionCookieNames: new Map(parsed.analysis.facts.sessionCookieNames),
  };
  const analysis: AnalysisResult = { ...parsed.analysis, requests: [], facts };
  const trace = liveTrace(covered);
  const entries = new Map<number, TraceEntry>();
  for (const ev of trace.events) if (ev.kind === 'entry') entries.set(ev.entry.index, ev.entry);
  const findingsByEntry = new Map<number, Finding[]>();
  for (const f of analysis.findings) {
    const list = findingsByEntry.get(f.entry);
    if (list) list.push(f);
    else findingsByEntry.set(f.entry, [f]);
  }
  const factsByEntry = new Map<number, RequestFacts>(facts.requests.map((r) => [r.entry, r]));
  return { trace, rows: parsed.rows, analysis, findingsByEntry, entries, factsByEntry, analysisMs };
}

/** The worker's side: its copy of the events, changed and analysed by each request. */
export function handleWorkerRequest(events: RecordedEvent[], request: WorkerRequest): WorkerReply | undefined {
  if (request.type === 'reset') events.length = 0;
  if (request.type === 'reset' || request.type === 'append') {
    for (const ev of request.events) events.push(ev);
    return undefined;
  }
  const view = panelView(events, request.overrides);
  return { type: 'view', id: request.id, count: events.length, json: viewToJson(view), analysisMs: view.analysisMs };
}

/** Analyses the live recording: on this thread, or in a worker. */
export interface LiveAnalyser {
  /** Where the analysis runs now: in a worker, or on the page (no worker, or it died). */
  readonly where: 'worker' | 'page';
  analyse(events: readonly RecordedEvent[], overrides: SessionOverrides): TraceView | Promise<TraceView>;
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

/**
 * Sends only the events the worker has not seen (Clear or a reset snapshot sends them all again) and falls
 * back to analysing on this thread if the worker fails to start or dies.
 */
export function workerAnalyser(worker: WorkerLike): LiveAnalyser {
  let sent: readonly RecordedEvent[] = [];
  let broken = false;
  let nextId = 0;
  const waiting = new Map<
    number,
    { events: readonly RecordedEvent[]; resolve: (v: TraceView) => void; overrides: SessionOverrides }
  >();
  worker.addEventListener('message', (e: MessageEvent<WorkerReply>) => {
    const reply = e.data;
    const job = waiting.get(reply.id);
    if (!job) return;
    waiting.delete(reply.id);
    job.resolve(viewFromJson(reply.json, job.events.slice(0, reply.count), reply.analysisMs));
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
    analyse(events, overrides) {
      if (broken) return panelView(events, overrides);
      const continues =
        sent.length <= events.length && (sent.length === 0 || events[sent.length - 1] === sent[sent.length - 1]);
      if (continues && sent.length > 0) {
        if (events.length > sent.length) worker.postMessage({ type: 'append', events: events.slice(sent.length) });
      } else worker.postMessage({ type: 'reset', events });
      sent = events;
      const id = nextId++;
      return new Promise<TraceView>((resolve) => {
        waiting.set(id, { events, resolve, overrides });
        worker.postMessage({ type: 'analyse', id, overrides });
      });
    },
  };
}
