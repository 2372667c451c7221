// The panel's state and actions, outside any component: the live recording's latest analysis (re-run on the
// newest events at the pace refreshPace.ts sets: every 250 ms, every 500 ms during a burst), imported traces
// (each analysed once, in its own tab), what the user is looking at (view, selection, detail, filter) and the
// per-site session-cookie overrides. The live recording's events go straight from the store to the analyser (the
// worker keeps them, the page does not).

import { registrableDomain } from '../core/cookie/domain.ts';
import type { Severity } from '../core/rules/rule.ts';
import type { PanelMessage, RecordedEvent } from '../protocol/messages.ts';
import { type ColumnId, type ColumnWidths, DEFAULT_SORT, nextSort, resizeColumn, type SortOrder } from './columns.ts';
import { importTraceFileProgressively, isStreamed, previewOfFile, type StreamImportOptions } from './importStream.ts';
import { importedView } from './importTrace.ts';
import { type ExportFormat, exportText } from './liveExport.ts';
import type { SessionOverrides, TraceView } from './model.ts';
import { ArrivalRate, refreshInterval } from './refreshPace.ts';
import {
  type KeyValueStorage,
  loadOverrides,
  NO_OVERRIDES,
  saveOverrides,
  toggleSessionCookie,
} from './sessionOverrides.ts';
import { Observable } from './state.ts';
import type { EventsArrival, PanelStore } from './store.ts';
import { browserScheduler, type Scheduler, throttledRunner } from './throttle.ts';
import { type ImportWorker, importWithWorker } from './workerImportClient.ts';
import { type LiveAnalyser, pageAnalyser } from './workerProtocol.ts';

export type { ExportFormat } from './liveExport.ts';

export type ViewName = 'timeline' | 'lanes' | 'findings' | 'cookies';

export interface ImportedTrace {
  readonly id: string;
  readonly file: string;
  readonly view: TraceView;
  /** A large file's first rows, shown while the rest is read and analysed: no verdicts yet. */
  readonly analysing?: boolean;
  /** The import notice: entries skipped and fields repaired while reading the file. */
  readonly notice?: string;
  /** Writes the export file where the trace is held (a large file read in a worker); on the page when absent. */
  readonly exportFile?: (format: ExportFormat, values: 'raw' | 'redacted') => Promise<string>;
  /** Lets go of what holds the trace (its worker) when the tab closes. */
  readonly close?: () => void;
}

export interface UiState {
  readonly view: ViewName;
  /** `live` or an imported trace's id. */
  readonly source: string;
  /** Entry index of the selected request. */
  readonly selected?: number;
  /** The selected request's detail is open beside the list. */
  readonly detail: boolean;
  /** The detail pane's width in px, once its handle was dragged (split.ts keeps it within the room there is). */
  readonly detailWidth?: number;
  /** The request list's order (a header click) and the widths its columns were dragged to. */
  readonly sort: SortOrder;
  readonly columnWidths: ColumnWidths;
  /** The severity the toolbar's count buttons filter the list and the findings to, if one is pressed. */
  readonly severity?: Severity;
  readonly filterText: string;
  readonly sessionOnly: boolean;
  readonly imports: readonly ImportedTrace[];
  /** The last import's problem, shown until the next import or dismissal. */
  readonly importError?: string;
  readonly preserveLog: boolean;
  /** The inspected site (registrable domain) the overrides belong to. */
  readonly site?: string;
  readonly overrides: SessionOverrides;
  /** Exports keep raw cookie values and session IDs (the user opted in, past a warning). */
  readonly exportRawValues: boolean;
}

/** What the panel needs from the browser; main.tsx wires the real ones, tests pass fakes. */
export interface PanelServices {
  send(message: PanelMessage): void;
  readonly storage: KeyValueStorage;
  download(fileName: string, text: string, mimeType: string): void;
  /** Asks the browser for host access (Firefox MV3 makes it opt-in); absent where not needed. */
  requestHostAccess?(): void;
  /** Asks the background for the whole recording again (the analysis worker died with the events it held). */
  refetchRecording?(): void;
  /** A worker to read and analyse a large imported file in (the page then holds only its rows). */
  startImportWorker?(): ImportWorker | undefined;
}

export const LIVE = 'live';

const INITIAL_UI: UiState = {
  view: 'timeline',
  source: LIVE,
  detail: false,
  sort: DEFAULT_SORT,
  columnWidths: {},
  filterText: '',
  sessionOnly: false,
  imports: [],
  preserveLog: false,
  overrides: NO_OVERRIDES,
  exportRawValues: false,
};

/** The URL of the last page navigated to or document loaded in these events, if any (newest first). */
function lastPageUrl(events: readonly RecordedEvent[]): string | undefined {
  for (let i = events.length - 1; i >= 0; i--) {
    const event = events[i]!.event;
    if (event.kind === 'navigation') return event.url;
    if (event.kind === 'entry' && event.entry.request.resourceType === 'document') return event.entry.request.url;
  }
  return undefined;
}

/** The requests among these events (a row each; cookie changes and navigations are not rows). */
function requestsIn(events: readonly RecordedEvent[]): number {
  let requests = 0;
  for (const recorded of events) if (recorded.event.kind === 'entry') requests++;
  return requests;
}

function siteOfUrl(url: string): string | undefined {
  try {
    return registrableDomain(new URL(url).hostname);
  } catch {
    return undefined;
  }
}

/**
 * The inspected site: the registrable domain of the last page navigated to or document loaded (noted as the
 * events went by: the page does not keep them), else of the first request.
 */
function siteOfView(view: TraceView, pageUrl: string | undefined): string | undefined {
  const ofPage = pageUrl === undefined ? undefined : siteOfUrl(pageUrl);
  if (ofPage !== undefined) return ofPage;
  const first = view.rows[0];
  return first ? siteOfUrl(first.url) : undefined;
}

function exportBaseName(ui: UiState, view: TraceView): string {
  if (ui.source !== LIVE) {
    const file = ui.imports.find((i) => i.id === ui.source)?.file ?? 'imported';
    return file.replace(/\.(har|json)$/i, '');
  }
  const first = view.rows[0]?.startedAt;
  const stamp = first === undefined ? 'empty' : new Date(first).toISOString().slice(0, 19).replaceAll(':', '-');
  return `sessionscope-${ui.site ?? 'recording'}-${stamp}`;
}

export class PanelController {
  readonly ui = new Observable<UiState>(INITIAL_UI);
  readonly live = new Observable<TraceView | undefined>(undefined);
  readonly #store: PanelStore;
  readonly #services: PanelServices;
  readonly #runner;
  #importCount = 0;
  /** How large files are streamed (tests lower the size from which they are). */
  importOptions: StreamImportOptions = {};

  readonly #analyser: LiveAnalyser;
  /** The last page URL of the live recording (see siteOfView). */
  #pageUrl: string | undefined;
  /** The requests recorded as they happen, counted between live analyses: how fast they come sets the pace. */
  readonly #arrivals: ArrivalRate;
  #requestsPerSecond = 0;
  readonly #scheduler: Scheduler;

  constructor(
    store: PanelStore,
    services: PanelServices,
    scheduler: Scheduler = browserScheduler,
    analyser: LiveAnalyser = pageAnalyser(),
  ) {
    this.#store = store;
    this.#services = services;
    this.#analyser = analyser;
    this.#scheduler = scheduler;
    this.#arrivals = new ArrivalRate(scheduler.now());
    this.#runner = throttledRunner<undefined>(
      () => this.#analyseLive(),
      () =>
        refreshInterval({ analysisMs: this.live.value?.analysisMs ?? 0, requestsPerSecond: this.#requestsPerSecond }),
      scheduler,
    );
    // A request's facts fetched for the detail: the same analysis, shown again.
    this.#analyser.onRefresh?.((view) => this.live.set(view));
    // The worker died with the events: the background still has the recording and sends it all again.
    this.#analyser.onEventsLost?.(() => services.refetchRecording?.());
    // The events held so far (none when the store hands them on), then each batch as it arrives.
    this.#feed(store.state.events, 'restart');
    store.onEvents((events, arrival) => this.#feed(events, arrival));
    store.subscribe(() => this.#runner.request(undefined));
    this.#runner.request(undefined);
  }

  #feed(events: readonly RecordedEvent[], arrival: EventsArrival): void {
    const restart = arrival === 'restart';
    const pageUrl = lastPageUrl(events);
    if (restart || pageUrl !== undefined) this.#pageUrl = pageUrl;
    // The pace follows the requests recorded as they happen: a backlog arriving at once (the panel opened on a long
    // recording, a reconnect) is no burst, and a recording that starts over starts the count over.
    if (restart) this.#arrivals.restart(this.#scheduler.now());
    else if (arrival === 'new') this.#arrivals.add(requestsIn(events));
    this.#analyser.feed(events, restart);
  }

  /** Where the live analysis runs ('worker' or 'page'), for the status tooltip and the tests. */
  get analysisRunsIn(): 'worker' | 'page' {
    return this.#analyser.where;
  }

  get store(): PanelStore {
    return this.#store;
  }

  /** Re-analyses the live recording now (tests; the throttle does it on its own otherwise). */
  analyseNow(): Promise<void> | undefined {
    return this.#analyseLive();
  }

  #analyseLive(): Promise<void> | undefined {
    this.#requestsPerSecond = this.#arrivals.perSecond(this.#scheduler.now());
    const result = this.#analyser.analyse(this.ui.value.overrides);
    if (result instanceof Promise) return result.then((view) => this.#showLive(view));
    this.#showLive(result);
    return undefined;
  }

  #showLive(view: TraceView): void {
    this.live.set(view);
    const site = siteOfView(view, this.#pageUrl);
    if (site !== undefined && site !== this.ui.value.site) {
      this.#patch({ site });
      void loadOverrides(this.#services.storage, site).then((overrides) => {
        if (this.ui.value.site !== site) return;
        this.#patch({ overrides });
        this.#runner.request(undefined);
      });
    }
  }

  #patch(change: Partial<UiState>): void {
    this.ui.set({ ...this.ui.value, ...change });
  }

  /** The trace view the user is looking at: live, or the imported one selected. */
  currentView(ui: UiState = this.ui.value, live: TraceView | undefined = this.live.value): TraceView | undefined {
    if (ui.source === LIVE) return live;
    return ui.imports.find((i) => i.id === ui.source)?.view;
  }

  showView(view: ViewName): void {
    this.#patch({ view, detail: false });
  }

  showSource(source: string): void {
    if (source !== this.ui.value.source) this.#patch({ source, selected: undefined, detail: false });
  }

  select(entry: number | undefined): void {
    this.#patch({ selected: entry });
  }

  /** Jumps to a request from the lanes or the findings: the timeline, that row selected. */
  reveal(entry: number): void {
    this.#patch({ view: 'timeline', selected: entry, detail: false });
  }

  openDetail(entry?: number): void {
    const selected = entry ?? this.ui.value.selected;
    if (selected !== undefined) this.#patch({ view: 'timeline', selected, detail: true });
  }

  closeDetail(): void {
    if (this.ui.value.detail) this.#patch({ detail: false });
  }

  /** A click on a column's header: sorts by it, or flips its direction. */
  sortBy(column: ColumnId): void {
    this.#patch({ sort: nextSort(this.ui.value.sort, column) });
  }

  resizeColumn(column: ColumnId, width: number): void {
    this.#patch({ columnWidths: resizeColumn(this.ui.value.columnWidths, column, width) });
  }

  setDetailWidth(detailWidth: number): void {
    if (detailWidth !== this.ui.value.detailWidth) this.#patch({ detailWidth });
  }

  /** A severity count in the toolbar: shows only that severity; pressed again, everything. */
  toggleSeverity(severity: Severity): void {
    if (this.ui.value.severity === severity) {
      const { severity: _dropped, ...rest } = this.ui.value;
      this.ui.set(rest);
    } else this.#patch({ severity });
  }

  setFilter(filterText: string): void {
    this.#patch({ filterText });
  }

  setSessionOnly(sessionOnly: boolean): void {
    this.#patch({ sessionOnly });
  }

  clear(): void {
    this.#services.send({ type: 'clear' });
    this.#store.clear();
    this.#patch({ selected: undefined, detail: false });
  }

  setPreserveLog(value: boolean): void {
    this.#services.send({ type: 'setPreserveLog', value });
    this.#patch({ preserveLog: value });
  }

  /** The background answers with a settings message, which the checkbox shows. */
  setRecordFromStart(value: boolean): void {
    this.#services.send({ type: 'setRecordFromStart', value });
  }

  async toggleSessionCookie(name: string, isSessionNow: boolean): Promise<void> {
    const overrides = toggleSessionCookie(this.ui.value.overrides, name, isSessionNow);
    this.#patch({ overrides });
    this.#runner.request(undefined);
    const site = this.ui.value.site;
    if (site !== undefined) await saveOverrides(this.#services.storage, site, overrides);
  }

  /**
   * Imports a file into its own tab; a bad file leaves everything as it was and says why. A large HAR's tab
   * opens with its first rows as soon as they are read (marked as analysing) and gets the analysed view when
   * the whole file is read; if the file turns out broken, that tab is taken down again and the error shown.
   */
  async importFile(file: Blob & { readonly name: string }): Promise<void> {
    const worker = (await isStreamed(file, this.importOptions)) ? this.#services.startImportWorker?.() : undefined;
    // A file the worker's reader refuses is imported again below, which words the refusal as it always did.
    if (worker && (await this.#importInWorker(file, worker))) return;
    let id: string | undefined;
    const newId = () => {
      id ??= `import-${++this.#importCount}`;
      return id;
    };
    let previewed = false;
    let before: Pick<UiState, 'source' | 'selected' | 'detail'> | undefined;
    const outcome = await importTraceFileProgressively(
      file,
      (preview) => {
        previewed = true;
        before = this.#openImport({ id: newId(), file: file.name, view: preview, analysing: true });
      },
      this.importOptions,
    );
    if (!outcome.ok) {
      if (previewed) this.#withdrawImport(newId(), before);
      this.#patch({ importError: outcome.message });
      return;
    }
    const imported: ImportedTrace = {
      id: newId(),
      file: file.name,
      view: importedView(outcome),
      ...(outcome.notice ? { notice: outcome.notice } : {}),
    };
    // The user may have closed the preview's tab meanwhile: then there is nothing to fill in.
    if (previewed) this.#replaceImport(imported);
    else this.#openImport(imported);
  }

  /** Opens an import's tab and shows it (any import error dropped); returns what was on view before it. */
  #openImport(imported: ImportedTrace): Pick<UiState, 'source' | 'selected' | 'detail'> {
    const { importError: _dropped, ...rest } = this.ui.value;
    this.ui.set({
      ...rest,
      imports: [...rest.imports, imported],
      source: imported.id,
      selected: undefined,
      detail: false,
    });
    return { source: rest.source, selected: rest.selected, detail: rest.detail };
  }

  /** Puts new content in an import's tab; false when the user has closed that tab meanwhile. */
  #replaceImport(imported: ImportedTrace): boolean {
    if (!this.ui.value.imports.some((i) => i.id === imported.id)) return false;
    this.#patch({ imports: this.ui.value.imports.map((i) => (i.id === imported.id ? imported : i)) });
    return true;
  }

  /**
   * A large HAR read and analysed in a worker: its tab opens with the first analysed rows and fills in as the
   * file is read (marked as analysing until the whole file's analysis is in). False when the file was refused
   * (its tab taken down again, the worker stopped).
   */
  async #importInWorker(file: Blob & { readonly name: string }, worker: ImportWorker): Promise<boolean> {
    const id = `import-${++this.#importCount}`;
    let before: Pick<UiState, 'source' | 'selected' | 'detail'> | undefined;
    const close = () => worker.terminate();
    let analysedRows = false;
    // The first entries straight from the file, while the worker starts and analyses the first ones.
    void previewOfFile(file, this.importOptions).then((preview) => {
      if (preview && !analysedRows) show(preview);
    });
    const show = (view: TraceView) => {
      const imported: ImportedTrace = { id, file: file.name, view, analysing: true, close };
      if (before === undefined) before = this.#openImport(imported);
      else this.#replaceImport(imported);
    };
    const outcome = await importWithWorker(worker, file, (view) => {
      analysedRows = true;
      show(view);
    });
    analysedRows = true;
    if (!outcome.ok) {
      worker.terminate();
      if (before !== undefined) this.#withdrawImport(id, before);
      return false;
    }
    const imported: ImportedTrace = {
      id,
      file: file.name,
      view: outcome.view,
      ...(outcome.notice ? { notice: outcome.notice } : {}),
      exportFile: outcome.exportFile,
      close,
    };
    if (before === undefined) this.#openImport(imported);
    // The user closed the tab meanwhile: nothing to fill in.
    else if (!this.#replaceImport(imported)) worker.terminate();
    return true;
  }

  /** Takes a refused file's preview tab down, back to what was on view before it if the user is still on it. */
  #withdrawImport(id: string, before: Pick<UiState, 'source' | 'selected' | 'detail'> | undefined): void {
    const ui = this.ui.value;
    const imports = ui.imports.filter((i) => i.id !== id);
    const stillThere = (source: string | undefined) => source === LIVE || imports.some((i) => i.id === source);
    if (ui.source !== id) {
      this.#patch({ imports });
      return;
    }
    const back = before && stillThere(before.source) ? before : { source: LIVE, selected: undefined, detail: false };
    this.#patch({ imports, ...back });
  }

  dismissImportError(): void {
    const { importError: _dropped, ...rest } = this.ui.value;
    this.ui.set(rest);
  }

  closeImport(id: string): void {
    this.ui.value.imports.find((i) => i.id === id)?.close?.();
    const imports = this.ui.value.imports.filter((i) => i.id !== id);
    const source = this.ui.value.source === id ? LIVE : this.ui.value.source;
    this.#patch({
      imports,
      source,
      ...(source === LIVE && this.ui.value.source === id ? { selected: undefined, detail: false } : {}),
    });
  }

  requestHostAccess(): void {
    this.#services.requestHostAccess?.();
  }

  setExportRawValues(exportRawValues: boolean): void {
    this.#patch({ exportRawValues });
  }

  /**
   * Writes the trace in view as a native trace or a HAR 1.2 file, redacted unless the user opted in to raw
   * values, and hands it to the browser's download. The live recording's file is written where its events
   * are (the worker); an imported one's here.
   */
  exportView(format: ExportFormat): void {
    const ui = this.ui.value;
    const view = this.currentView();
    // A file still being read has only its first entries here: exporting them would lose the rest.
    if (!view || ui.imports.find((i) => i.id === ui.source)?.analysing) return;
    const values = ui.exportRawValues ? ('raw' as const) : ('redacted' as const);
    const fileName = `${exportBaseName(ui, view)}${ui.exportRawValues ? '-RAW' : ''}${format === 'trace' ? '.sessionscope.json' : '.har'}`;
    const imported = ui.imports.find((i) => i.id === ui.source);
    const text =
      ui.source === LIVE
        ? this.#analyser.exportFile(format, values)
        : imported?.exportFile
          ? imported.exportFile(format, values)
          : exportText(format, view.trace, view.analysis, values);
    const download = (file: string) => this.#services.download(fileName, file, 'application/json');
    // The worker's file arrives later; if the worker died meanwhile there is none (the user may export again).
    if (typeof text === 'string') download(text);
    else void text.then(download, () => undefined);
  }
}
