// The background: the only code that touches webRequest and cookies. It records each tab's request
// hops and cookie changes (every tab from its creation, or only tabs with a Sessions panel, per the
// settings) and serves them to Sessions panels. Every listener is added synchronously at the top level:
// a stopped MV3 service worker (or Firefox event page) is woken only for listeners registered that way.
import browser from 'webextension-polyfill';
import { cookieChangedEvent } from './cookie-change.ts';
import { guarded, installDiagnostics, reportError } from './diagnostics.ts';
import { type FinishedHop, HopTracker } from './hop-tracker.ts';
import { PanelHub, type PanelPort, settingsMessage } from './panel-hub.ts';
import { capturePlatform } from './platform.ts';
import { RecorderStore, type SessionStorageArea } from './recorder-store.ts';
import { SETTINGS_KEYS, settingsFrom, touchesSettings } from './settings.ts';
import { siteOfHost } from './site.ts';
import { hopKey } from './tab-recorder.ts';
import { installTestHooks } from './test-hooks.ts';

const ALL_SITES = { origins: ['<all_urls>'] };

const readSettings = async () => settingsFrom(await browser.storage.local.get(null));

installDiagnostics(browser.storage.session as unknown as { set(items: Record<string, unknown>): Promise<void> });

const store = new RecorderStore(browser.storage.session as unknown as SessionStorageArea, undefined, readSettings);
const hub = new PanelHub(store, undefined, {
  // Firefox MV3 treats host permissions as opt-in: the panel offers a button when this is false.
  permissionsGranted: () => browser.permissions.contains(ALL_SITES),
  setPreserveLog: (value) => browser.storage.local.set({ [SETTINGS_KEYS.preserveLog]: value }),
});
const tracker = new HopTracker(capturePlatform, (tabId) => store.existing(tabId)?.topUrl);
/** The main-frame request each tab is navigating with: a new one starts a new page of the log. */
const navigationOfTab = new Map<number, string>();

/** Requests outside any tab (tabId -1: the extension's own, service workers, prefetch) are skipped. */
function inTab(details: { tabId: number }): boolean {
  return details.tabId >= 0;
}

/** Work on the store waits for the restore of earlier state; `then` keeps the events in order. */
function afterRestore(work: () => void): void {
  void store.ready.then(work).catch((error) => reportError('recording', error));
}

function record(hop: FinishedHop | undefined): void {
  if (!hop) return;
  afterRestore(() => {
    const recorder = store.recording(hop.tabId);
    if (!recorder) return;
    // An earlier life of the worker recorded this hop and was stopped before Chrome knew it was handled:
    // Chrome then delivers the hop's events again, start included, to the new worker. A hop is recorded once.
    const key = hopKey(hop.requestId, hop.entry.request.url);
    if (recorder.hasRecordedHop(key)) return;
    store.appendEntry(hop.tabId, hop.entry, key);
    if (hop.committedTopUrl) recorder.setTopUrl(hop.committedTopUrl);
    store.touch(hop.tabId);
  });
}

/** Without "Preserve log", a new top-level navigation clears the tab's log, as DevTools' Network panel does. */
function noteNavigation(details: { tabId: number; requestId: string; type: string }): void {
  if (details.type !== 'main_frame') return;
  const previous = navigationOfTab.get(details.tabId);
  navigationOfTab.set(details.tabId, details.requestId);
  // The same request again is a redirect hop of the navigation, not a new page.
  if (previous === details.requestId || store.settings.preserveLog) return;
  if ((store.existing(details.tabId)?.size ?? 0) > 0) store.clear(details.tabId);
}

const { webRequest } = browser;

// Only the requests that can carry a body: their body, and the start of each navigation.
capturePlatform.addBodyListener(
  webRequest.onBeforeRequest,
  guarded('onBeforeRequest', (details: Parameters<HopTracker['beforeRequest']>[0]) => {
    if (!inTab(details)) return;
    tracker.beforeRequest(details);
    afterRestore(() => {
      if (store.recording(details.tabId)) noteNavigation(details);
    });
  }),
);
// The headers as they finally left. No onBeforeSendHeaders: onSendHeaders alone opens the hop
// (HopTracker.sendHeaders), and one event fewer per request is page-load time saved.
capturePlatform.addHeaderListener(
  webRequest.onSendHeaders,
  guarded('onSendHeaders', (details: Parameters<HopTracker['sendHeaders']>[0]) => {
    if (!inTab(details)) return;
    tracker.sendHeaders(details);
    afterRestore(() => {
      // The tab talks to this site from now on: its cookie changes belong to the tab.
      if (store.recording(details.tabId)) store.recorder(details.tabId).noteUrl(details.url);
    });
  }),
  ['requestHeaders'],
);
capturePlatform.addHeaderListener(
  webRequest.onHeadersReceived,
  guarded('onHeadersReceived', (details: Parameters<HopTracker['headersReceived']>[0]) => {
    if (inTab(details)) record(tracker.headersReceived(details));
  }),
  ['responseHeaders'],
);
capturePlatform.addHeaderListener(
  webRequest.onBeforeRedirect,
  guarded('onBeforeRedirect', (details: Parameters<HopTracker['beforeRedirect']>[0]) => {
    if (!inTab(details)) return;
    record(tracker.beforeRedirect(details));
  }),
  ['responseHeaders'],
);
capturePlatform.addHeaderListener(
  webRequest.onCompleted,
  guarded('onCompleted', (details: Parameters<HopTracker['completed']>[0]) => {
    if (!inTab(details)) return;
    record(tracker.completed(details));
  }),
  ['responseHeaders'],
);
// No headers to see here, and Firefox refuses any extraInfoSpec on this event (even an empty one).
webRequest.onErrorOccurred.addListener(
  guarded('onErrorOccurred', (details) => {
    if (!inTab(details)) return;
    record(tracker.errorOccurred(details));
  }),
  { urls: ['<all_urls>'] },
);

browser.cookies.onChanged.addListener(
  guarded('cookies.onChanged', (change) => {
    const time = Date.now();
    afterRestore(() => {
      const site = siteOfHost(change.cookie.domain);
      for (const recorder of store.recorders()) {
        if (!store.recording(recorder.tabId) || !recorder.relatesToSite(site)) continue;
        store.append(recorder.tabId, cookieChangedEvent(change, time));
      }
    });
  }),
);

browser.tabs.onRemoved.addListener((tabId) =>
  afterRestore(() => {
    navigationOfTab.delete(tabId);
    store.forget(tabId);
  }),
);

browser.runtime.onConnect.addListener(guarded('onConnect', (port) => hub.connect(port as unknown as PanelPort)));

browser.storage.onChanged.addListener((changes, areaName) => {
  if (areaName !== 'local' || !touchesSettings(Object.keys(changes))) return;
  void readSettings().then((settings) => {
    store.settings = settings;
    hub.broadcast(settingsMessage(settings));
  });
});

const announcePermissions = () =>
  void browser.permissions.contains(ALL_SITES).then((granted) => hub.broadcast({ type: 'permissions', granted }));
browser.permissions.onAdded.addListener(announcePermissions);
browser.permissions.onRemoved.addListener(announcePermissions);

// Tabs closed while the worker was stopped (or before a browser restart): free what they left behind.
afterRestore(() => {
  void browser.tabs.query({}).then((tabs) => {
    const open = new Set(tabs.map((tab) => tab.id));
    for (const recorder of store.recorders()) if (!open.has(recorder.tabId)) store.forget(recorder.tabId);
  });
});

// Only in the E2E build of Firefox, whose background no test can reach (see test-hooks.ts).
if (__SESSIONSCOPE_E2E__) installTestHooks();
