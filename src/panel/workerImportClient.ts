// The page's side of an import read in the analysis worker (workerImport.ts): asks the worker to read the
// file, asks for an analysis of what is read so far at most every ANALYSIS_INTERVAL_MS (or twice as long as the
// last one took, so reading is not starved) and shows each; when the file is read, the analysis of the whole
// file. The rows arrive as for a live recording (workerProtocol.ts), a few hundred per task.
import type { ExportFormat, ExportValues } from './liveExport.ts';
import type { TraceView } from './model.ts';
import { NO_OVERRIDES } from './sessionOverrides.ts';
import type { ImportedReply, ImportRequest } from './workerImport.ts';
import { type WorkerLike, workerAnalyser } from './workerProtocol.ts';

/** A worker the import can be read in; terminated when its tab closes or the file is refused. */
export interface ImportWorker extends WorkerLike {
  terminate(): void;
}

export type WorkerImportOutcome =
  | {
      readonly ok: true;
      readonly view: TraceView;
      readonly notice?: string;
      /** The imported trace as an export file, written in the worker that holds it. */
      exportFile(format: ExportFormat, values: ExportValues): Promise<string>;
    }
  | { readonly ok: false };

/** Analyses while reading no more often than this. */
const ANALYSIS_INTERVAL_MS = 250;
/** Until the first rows are in, sooner: the first entries are analysed in milliseconds. */
const FIRST_ROWS_INTERVAL_MS = 50;
/**
 * Analyses while reading stop once one takes this long in the worker: each one's snapshot covers every request
 * read so far (the replay goes on from where the last one stopped, in a file in time order), so past this they
 * hold the reading up for longer than the rows they show are worth.
 */
const PROGRESS_ANALYSIS_LIMIT_MS = 1_000;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Reads `file` in `worker`, calling `onRows` with each analysis of the entries read so far that has rows. */
export async function importWithWorker(
  worker: ImportWorker,
  file: Blob & { readonly name: string },
  onRows: (view: TraceView) => void,
): Promise<WorkerImportOutcome> {
  let finished: ImportedReply | undefined;
  let died = false;
  let ended: () => void = () => undefined;
  const end = new Promise<void>((resolve) => {
    ended = resolve;
  });
  // `imported` is heard through the analyser, in order with its answers (and not read as each message arrives).
  const analyser = workerAnalyser(worker, {
    onOtherMessage: (data) => {
      if ((data as ImportedReply).type !== 'imported') return;
      finished = data as ImportedReply;
      ended();
    },
  });
  worker.addEventListener('error', () => {
    died = true;
    ended();
  });
  const request: ImportRequest = { type: 'import', file, name: file.name };
  (worker as unknown as { postMessage(message: ImportRequest): void }).postMessage(request);
  // The worker answers between the pieces of the file it reads, so each answer covers what was read by then.
  while (!finished && !died) {
    const started = performance.now();
    const view = await analyser.analyse(NO_OVERRIDES);
    if (finished || died) break;
    if (view.rows.length > 0) onRows(view);
    if (view.analysisMs > PROGRESS_ANALYSIS_LIMIT_MS) {
      await end;
      break;
    }
    const interval = view.rows.length > 0 ? ANALYSIS_INTERVAL_MS : FIRST_ROWS_INTERVAL_MS;
    // Each analysis of a growing file costs more (the engine's snapshot covers every request so far), and it
    // holds up the worker's reading: at most a quarter of the worker's time goes to them.
    await sleep(Math.max(interval, 3 * (performance.now() - started)));
  }
  if (died || !finished?.ok) return { ok: false };
  // The whole file (started over on the finished trace only if it differed from the entries as read).
  const view = await analyser.analyse(NO_OVERRIDES);
  if (analyser.where !== 'worker') return { ok: false };
  return {
    ok: true,
    view,
    ...(finished.notice ? { notice: finished.notice } : {}),
    exportFile: (format, values) => Promise.resolve(analyser.exportFile(format, values)),
  };
}
