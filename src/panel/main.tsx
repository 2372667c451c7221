// The panel page's entry: finds the inspected tab, connects to the background and renders the view.
import { render } from 'preact';
import browser from 'webextension-polyfill';
import { App } from './App.tsx';
import { keepConnected, type RuntimePort } from './connection.ts';
import { PanelController } from './controller.ts';
import { PanelStore } from './store.ts';
import { type DevToolsThemeSource, followTheme } from './theme.ts';
import type { ImportWorker } from './workerImportClient.ts';
import { type LiveAnalyser, pageAnalyser, type WorkerLike, workerAnalyser } from './workerProtocol.ts';
import './panel.css';

/** Inside DevTools the inspected tab; as a plain page (tests, a detached view) the `tabId` parameter. */
function inspectedTabId(): number | undefined {
  const fromQuery = new URLSearchParams(location.search).get('tabId');
  if (fromQuery !== null && /^\d+$/.test(fromQuery)) return Number(fromQuery);
  return browser.devtools?.inspectedWindow?.tabId;
}

/** Saves a file through a Blob URL and an <a download> (nothing leaves the machine). */
function download(fileName: string, text: string, mimeType: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: mimeType }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Analysis runs in a worker so big recordings never freeze the panel; on this thread if none can start. */
function liveAnalyser(): LiveAnalyser {
  try {
    const worker = new Worker(new URL('./analysisWorker.ts', import.meta.url), { type: 'module' });
    return workerAnalyser(worker as unknown as WorkerLike);
  } catch {
    return pageAnalyser();
  }
}

/** A worker of its own for a large imported file (none if workers cannot start: the page imports it then). */
function startImportWorker(): ImportWorker | undefined {
  try {
    return new Worker(new URL('./analysisWorker.ts', import.meta.url), { type: 'module' }) as unknown as ImportWorker;
  } catch {
    return undefined;
  }
}

const root = document.getElementById('app')!;
/**
 * DevTools' panels API in this frame: Chrome's own `chrome.devtools.panels` (it has the theme handler setter
 * the polyfill does not wrap), else the polyfill's (Firefox: `onThemeChanged`).
 */
function devToolsPanels(): DevToolsThemeSource | undefined {
  const chromePanels = (globalThis as { chrome?: { devtools?: { panels?: DevToolsThemeSource } } }).chrome?.devtools
    ?.panels;
  return chromePanels?.setThemeChangeHandler ? chromePanels : browser.devtools?.panels;
}

followTheme(document.documentElement, devToolsPanels());
const tabId = inspectedTabId();
if (tabId === undefined) {
  root.textContent = 'Sessionscope: no inspected tab (open this panel from DevTools).';
} else {
  const analyser = liveAnalyser();
  // The analyser keeps the events (the worker its own copy, the page's analysis its list): the store need not.
  const store = new PanelStore({ keepEvents: false });
  const connection = keepConnected((name) => browser.runtime.connect({ name }) as unknown as RuntimePort, tabId, store);
  const controller = new PanelController(
    store,
    {
      send: (message) => connection.send(message),
      storage: {
        get: (key) => browser.storage.local.get(key),
        set: (items) => browser.storage.local.set(items),
      },
      download,
      requestHostAccess: () => void browser.permissions.request({ origins: ['<all_urls>'] }),
      refetchRecording: () => connection.refetch(),
      startImportWorker,
    },
    undefined,
    analyser,
  );
  render(<App controller={controller} tabId={tabId} />, root);
}
