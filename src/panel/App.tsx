// The Sessions panel: toolbar (with severity counts that filter), source tabs (the live recording and each
// imported trace), view tabs (timeline, lanes, findings, cookies) and the request list with the request detail
// beside it. Reads state from the controller and renders every page-controlled string as text (values come
// from web pages: never as HTML).
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { fileNotes } from '../core/formats/fileNotes.ts';
import type { Severity } from '../core/rules/rule.ts';
import { sortRows } from './columns.ts';
import { LIVE, type PanelController, type UiState, type ViewName } from './controller.ts';
import { isEmptyFilter, matchesFilter, parseFilter } from './filter.ts';
import type { RequestRow, TraceView } from './model.ts';
import { useSelected } from './state.ts';
import type { PanelState, PanelStore } from './store.ts';
import { Cookies } from './views/Cookies.tsx';
import { Findings, SEVERITIES } from './views/Findings.tsx';
import { Lanes } from './views/Lanes.tsx';
import { RecordingHealth } from './views/RecordingHealth.tsx';
import { RequestSplit } from './views/RequestSplit.tsx';
import { StoryBanner } from './views/StoryBanner.tsx';

const STATUS_LABEL: Readonly<Record<PanelState['status'], string>> = {
  connecting: 'Connecting…',
  live: 'Recording',
  reconnecting: 'Reconnecting…',
};

const VIEWS: readonly { readonly name: ViewName; readonly label: string }[] = [
  { name: 'timeline', label: 'Timeline' },
  { name: 'lanes', label: 'Lanes' },
  { name: 'findings', label: 'Findings' },
  { name: 'cookies', label: 'Cookies' },
];

function usePanelState(store: PanelStore): PanelState {
  const [state, setState] = useState(store.state);
  useEffect(() => {
    setState(store.state);
    return store.subscribe(() => setState(store.state));
  }, [store]);
  return state;
}

function visibleRows(
  rows: readonly RequestRow[],
  filterText: string,
  sessionOnly: boolean,
  severity: Severity | undefined,
): readonly RequestRow[] {
  const filter = parseFilter(filterText);
  if (isEmptyFilter(filter) && !sessionOnly && severity === undefined) return rows;
  return rows.filter(
    (r) =>
      (!sessionOnly || r.sessionRelevant) &&
      (severity === undefined || r.severities.includes(severity)) &&
      matchesFilter(r, filter),
  );
}

function Toolbar({
  controller,
  ui,
  panel,
  view,
  tabId,
}: {
  controller: PanelController;
  ui: UiState;
  panel: PanelState;
  view: TraceView | undefined;
  tabId: number;
}) {
  const fileInput = useRef<HTMLInputElement>(null);
  const live = ui.source === LIVE;
  const counts = SEVERITIES.map(
    (sev) => [sev, view?.analysis.findings.filter((f) => f.severity === sev).length ?? 0] as const,
  );
  return (
    <header class="toolbar">
      <span
        data-testid="panel-status"
        class={`record status-${panel.status}`}
        title={view ? `last analysis ${view.analysisMs.toFixed(0)} ms (${controller.analysisRunsIn})` : undefined}
      >
        <span class="dot" aria-hidden="true" /> {STATUS_LABEL[panel.status]}
      </span>
      <button
        type="button"
        data-testid="clear"
        onClick={() => controller.clear()}
        disabled={!live}
        title="Clear the live recording"
      >
        Clear
      </button>
      <SettingBox
        label="Preserve log"
        title="Keep requests across navigations, as in the Network panel"
        testId="preserve-log"
        value={panel.preserveLog ?? ui.preserveLog}
        ask={(value) => controller.setPreserveLog(value)}
      />
      <SettingBox
        label="Record from start"
        title="Record every tab from its first request, even with DevTools closed (slows every page load)"
        testId="record-from-start"
        value={panel.recordFromStart ?? false}
        ask={(value) => controller.setRecordFromStart(value)}
      />
      <button
        type="button"
        data-testid="import"
        onClick={() => fileInput.current?.click()}
        title="Open a HAR or Sessionscope trace"
      >
        Import…
      </button>
      <input
        ref={fileInput}
        type="file"
        accept=".har,.json,application/json"
        data-testid="import-input"
        hidden
        onChange={(e) => {
          const input = e.currentTarget as HTMLInputElement;
          const file = input.files?.[0];
          if (file) void controller.importFile(file).finally(() => (input.value = ''));
        }}
      />
      <span class="export">
        Export{' '}
        <button
          type="button"
          data-testid="export-trace"
          disabled={!view}
          onClick={() => controller.exportView('trace')}
        >
          Trace
        </button>{' '}
        <button type="button" data-testid="export-har" disabled={!view} onClick={() => controller.exportView('har')}>
          HAR
        </button>{' '}
        <label title="Exports hide cookie values and session IDs unless this is ticked">
          <input
            type="checkbox"
            data-testid="export-raw"
            checked={ui.exportRawValues}
            onChange={(e) => controller.setExportRawValues((e.currentTarget as HTMLInputElement).checked)}
          />{' '}
          raw values
        </label>
      </span>
      {ui.exportRawValues ? (
        <span class="raw-warning" role="alert" data-testid="export-raw-warning">
          ⚠ Exports will contain live session IDs and cookie values: anyone holding the file can use these sessions.
        </span>
      ) : null}
      <span class="muted" data-testid="row-count">
        {view?.rows.length ?? 0} requests{live ? ` · tab ${tabId}` : ''}
      </span>
      <span class="counts" data-testid="finding-counts">
        {counts.map(([sev, n], i) => (
          <span key={sev}>
            {i > 0 ? ' · ' : ''}
            <button
              type="button"
              class={`count severity-${sev}`}
              data-testid="severity-count"
              data-severity={sev}
              aria-pressed={ui.severity === sev}
              title={
                ui.severity === sev
                  ? 'Showing only these: click to show every request and finding again'
                  : `Show only the requests and findings of ${sev} severity`
              }
              onClick={() => controller.toggleSeverity(sev)}
            >
              {n} {sev}
            </button>
          </span>
        ))}
      </span>
    </header>
  );
}

/**
 * The import notice of the imported trace on view (entries skipped, fields repaired), and what its analysis says of
 * the file (a HAR that holds no cookie, as Chrome's DevTools exports one by default), if any.
 */
function importNoticeOf(ui: UiState): string | undefined {
  const imported = ui.imports.find((i) => i.id === ui.source);
  if (imported === undefined) return undefined;
  const { analysis, trace } = imported.view;
  const notes = fileNotes(analysis, trace.source.creator);
  const all = imported.notice === undefined ? notes : [imported.notice, ...notes];
  return all.length > 0 ? all.join(' ') : undefined;
}

function SourceTabs({ controller, ui }: { controller: PanelController; ui: UiState }) {
  if (ui.imports.length === 0) return null;
  // A large import is read and held in a worker of its own (`close` lets it go): said in the tab's tooltip.
  const tab = (id: string, label: string, closable: boolean, inWorker = false) => (
    <span
      key={id}
      class={`source-tab${ui.source === id ? ' active' : ''}`}
      data-testid="source-tab"
      data-source={id}
      data-held-in={inWorker ? 'worker' : 'page'}
      title={inWorker ? 'Read and analysed in a background worker (a large file)' : undefined}
    >
      <button type="button" onClick={() => controller.showSource(id)}>
        {label}
      </button>
      {closable ? (
        <button type="button" class="close" title="Close" onClick={() => controller.closeImport(id)}>
          ×
        </button>
      ) : null}
    </span>
  );
  return (
    <nav class="source-tabs">
      {tab(LIVE, 'Live', false)}
      {ui.imports.map((i) =>
        tab(i.id, `Imported: ${i.file}${i.analysing ? ' (analysing…)' : ''}`, true, i.close !== undefined),
      )}
    </nav>
  );
}

export function App({ controller, tabId }: { controller: PanelController; tabId: number }) {
  const ui = useSelected(controller.ui, (u) => u);
  const live = useSelected(controller.live, (v) => v);
  const panel = usePanelState(controller.store);
  const view = controller.currentView(ui, live);
  const rows = useMemo(
    () => sortRows(visibleRows(view?.rows ?? [], ui.filterText, ui.sessionOnly, ui.severity), ui.sort),
    [view, ui.filterText, ui.sessionOnly, ui.severity, ui.sort],
  );

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') controller.closeDetail();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [controller]);

  const onDrop = (event: DragEvent) => {
    const file = event.dataTransfer?.files?.[0];
    if (!file) return;
    event.preventDefault();
    void controller.importFile(file);
  };

  return (
    <main
      onDragOver={(e) => e.preventDefault()}
      onDrop={onDrop}
      data-source={ui.source}
      data-analysis-runs-in={controller.analysisRunsIn}
    >
      <Toolbar controller={controller} ui={ui} panel={panel} view={view} tabId={tabId} />
      <SourceTabs controller={controller} ui={ui} />
      {ui.importError ? (
        <div class="import-error" role="alert" data-testid="import-error">
          <span>Could not open the file: {ui.importError}</span>{' '}
          <button type="button" onClick={() => controller.dismissImportError()}>
            Dismiss
          </button>
        </div>
      ) : null}
      {importNoticeOf(ui) ? (
        <div class="notice import-notice" role="status" data-testid="import-notice">
          {importNoticeOf(ui)}
        </div>
      ) : null}
      {panel.hostAccess === false && ui.source === LIVE ? (
        <div class="notice" data-testid="host-access">
          Sessionscope may not see this site’s requests yet.{' '}
          <button type="button" onClick={() => controller.requestHostAccess()}>
            Allow access to sites
          </button>
        </div>
      ) : null}
      {ui.source === LIVE ? <RecordingHealth panel={panel} /> : null}
      <div class="view-tabs" role="tablist">
        {VIEWS.map((v) => (
          <button
            type="button"
            role="tab"
            key={v.name}
            aria-selected={ui.view === v.name}
            class={ui.view === v.name ? 'active' : undefined}
            data-testid={`tab-${v.name}`}
            onClick={() => controller.showView(v.name)}
          >
            {v.label}
          </button>
        ))}
        {ui.view === 'timeline' ? (
          <span class="filter">
            <input
              type="search"
              placeholder="Filter: text origin: cookie: rule: severity: (-negates)"
              data-testid="filter"
              value={ui.filterText}
              onInput={(e) => controller.setFilter((e.currentTarget as HTMLInputElement).value)}
            />
            <label>
              <input
                type="checkbox"
                data-testid="session-only"
                checked={ui.sessionOnly}
                onChange={(e) => controller.setSessionOnly((e.currentTarget as HTMLInputElement).checked)}
              />{' '}
              Session requests only
            </label>
          </span>
        ) : null}
      </div>
      {view === undefined || view.rows.length === 0 ? (
        ui.view === 'timeline' ? (
          <p class="empty" data-testid="empty">
            {ui.source === LIVE
              ? 'No requests yet. Reload the page to see its requests and cookies, or import a HAR (drop it here).'
              : 'This file has no requests.'}
          </p>
        ) : null
      ) : null}
      {view && ui.view === 'timeline' && !ui.detail ? (
        <StoryBanner story={view.analysis.story} selected={ui.selected} controller={controller} />
      ) : null}
      {view && ui.view === 'timeline' && view.rows.length > 0 ? (
        <RequestSplit view={view} rows={rows} ui={ui} controller={controller} />
      ) : null}
      {view && ui.view === 'lanes' ? <Lanes view={view} controller={controller} /> : null}
      {view && ui.view === 'findings' ? <Findings view={view} controller={controller} severity={ui.severity} /> : null}
      {view && ui.view === 'cookies' ? (
        <Cookies view={view} ui={ui} controller={controller} editable={ui.source === LIVE} />
      ) : null}
    </main>
  );
}

/**
 * The checkbox of a setting the background keeps: it shows the background's answer, not the click. A click asks
 * for the other value and the box goes back to what the background records by until its `settings` message says
 * the new value applies (left alone, the natively flipped box would stay flipped: the `checked` rendered has not
 * changed, so Preact does not touch it).
 */
function SettingBox({
  label,
  title,
  testId,
  value,
  ask,
}: {
  label: string;
  title: string;
  testId: string;
  value: boolean;
  ask: (value: boolean) => void;
}) {
  return (
    <label title={title}>
      <input
        type="checkbox"
        data-testid={testId}
        checked={value}
        onChange={(e) => {
          const box = e.currentTarget as HTMLInputElement;
          ask(box.checked);
          box.checked = value;
        }}
      />{' '}
      {label}
    </label>
  );
}
