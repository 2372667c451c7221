// The background: the only code that touches webRequest and cookies. It records each tab's request
// hops and cookie changes (every tab from its creation, or only tabs with a Sessions panel, per the
// settings) and serves them to Sessions panels. Every listener is added synchronously at the top level:
// a stopped MV3 service worker (or Firefox event page) is woken only for listeners registered that way.
// The capture listeners are then removed while nothing is being recorded (capture-switch.ts).
import browser from 'webextension-polyfill';
import type { RecordingSettings } from '../protocol/messages.ts';
import { CaptureSwitch, captureListener, captureWanted } from './capture-switch.ts';
import { cookieChangedEvent } from './cookie-change.ts';
import { CookieChangeOrder } from './cookie-order.ts';
import { guarded, installDiagnostics, reportError } from './diagnostics.ts';
import { type FinishedHop, HopTracker } from './hop-tracker.ts';
import { PanelHub, type PanelPort, settingsMessage } from './panel-hub.ts';
import { capturePlatform } from './platform.ts';
import { RecorderStore, type SessionStorageArea } from './recorder-store.ts';
import { type SettingsArea, SettingsKeeper } from './settings.ts';
import { siteOfHost } from './site.ts';
import { hopKey } from './tab-recorder.ts';
import { installTestHooks } from './test-hooks.ts';

const ALL_SITES = { origins: ['<all_urls>'] };

installDiagnostics(browser.storage.session as unknown as { set(items: Record<string, unknown>): Promise<void> });

/** The settings as storage.local holds them; applied, each reading is told to every panel. */
const settingsKeeper = new SettingsKeeper(browser.storage.local as unknown as SettingsArea, (settings) => {
  applySettings(settings);
  hub.broadcast(settingsMessage(settings));
});
const store = new RecorderStore(browser.storage.session as unknown as SessionStorageArea, undefined, () =>
  settingsKeeper.read(),
);
const hub = new PanelHub(store, undefined, {
  // Firefox MV3 treats host permissions as opt-in: the panel offers a button when this is false.
  permissionsGranted: () => browser.permissions.contains(ALL_SITES),
  setPreserveLog: (value) => settingsKeeper.write('preserveLog', value),
  setRecordFromStart: (value) => settingsKeeper.write('recordFromStart', value),
  panelsChanged: () => updateCapture(),
  refreshSettings: () => settingsKeeper.read().then(applySettings),
  tabUrl: (tabId) => browser.tabs.get(tabId).then((tab) => tab.url),
});
const tracker = new HopTracker(capturePlatform, (tabId) => store.existing(tabId)?.topUrl);
/** Cookie changes wait for the entries of the requests already on their way (cookie-order.ts). */
const cookieOrder = new CookieChangeOrder();
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
const onBeforeRequest = guarded('onBeforeRequest', (details: Parameters<HopTracker['beforeRequest']>[0]) => {
  if (!inTab(details)) return;
  tracker.beforeRequest(details);
  afterRestore(() => {
    if (store.recording(details.tabId)) noteNavigation(details);
  });
});
// The headers as they finally left. No onBeforeSendHeaders: onSendHeaders alone opens the hop
// (HopTracker.sendHeaders), and one event fewer per request is page-load time saved.
const onSendHeaders = guarded('onSendHeaders', (details: Parameters<HopTracker['sendHeaders']>[0]) => {
  if (!inTab(details)) return;
  tracker.sendHeaders(details);
  cookieOrder.hopStarted(details.requestId, details.url);
  afterRestore(() => {
    // The tab talks to this site from now on: its cookie changes belong to the tab.
    if (store.recording(details.tabId)) store.recorder(details.tabId).noteUrl(details.url);
  });
});
const onHeadersReceived = guarded('onHeadersReceived', (details: Parameters<HopTracker['headersReceived']>[0]) => {
  if (!inTab(details)) return;
  record(tracker.headersReceived(details));
  cookieOrder.hopEnded(details.requestId);
});
const onBeforeRedirect = guarded('onBeforeRedirect', (details: Parameters<HopTracker['beforeRedirect']>[0]) => {
  if (!inTab(details)) return;
  record(tracker.beforeRedirect(details));
  cookieOrder.hopEnded(details.requestId);
});
const onCompleted = guarded('onCompleted', (details: Parameters<HopTracker['completed']>[0]) => {
  if (!inTab(details)) return;
  record(tracker.completed(details));
  cookieOrder.hopEnded(details.requestId);
});
const onErrorOccurred = guarded('onErrorOccurred', (details: Parameters<HopTracker['errorOccurred']>[0]) => {
  if (!inTab(details)) return;
  record(tracker.errorOccurred(details));
  cookieOrder.hopEnded(details.requestId);
});
const onCookieChanged = guarded('cookies.onChanged', (change: Parameters<typeof cookieChangedEvent>[0]) => {
  const time = Date.now();
  // Firefox reports the cookies a response sets before that response's onHeadersReceived: recorded at once,
  // they would precede the entry of the request that set them (cookie-order.ts).
  cookieOrder.cookieChanged(change.cookie.domain, () =>
    afterRestore(() => {
      const site = siteOfHost(change.cookie.domain);
      for (const recorder of store.recorders()) {
        if (!store.recording(recorder.tabId) || !recorder.relatesToSite(site)) continue;
        store.append(recorder.tabId, cookieChangedEvent(change, time));
      }
    }),
  );
});

const capture = new CaptureSwitch([
  captureListener(webRequest.onBeforeRequest, onBeforeRequest, (l) =>
    capturePlatform.addBodyListener(webRequest.onBeforeRequest, l),
  ),
  captureListener(webRequest.onSendHeaders, onSendHeaders, (l) =>
    capturePlatform.addHeaderListener(webRequest.onSendHeaders, l, ['requestHeaders']),
  ),
  captureListener(webRequest.onHeadersReceived, onHeadersReceived, (l) =>
    capturePlatform.addHeaderListener(webRequest.onHeadersReceived, l, ['responseHeaders']),
  ),
  captureListener(webRequest.onBeforeRedirect, onBeforeRedirect, (l) =>
    capturePlatform.addHeaderListener(webRequest.onBeforeRedirect, l, ['responseHeaders']),
  ),
  captureListener(webRequest.onCompleted, onCompleted, (l) =>
    capturePlatform.addHeaderListener(webRequest.onCompleted, l, ['responseHeaders']),
  ),
  // No headers to see here, and Firefox refuses any extraInfoSpec on this event (even an empty one).
  captureListener(webRequest.onErrorOccurred, onErrorOccurred, (l) =>
    webRequest.onErrorOccurred.addListener(l, { urls: ['<all_urls>'] }),
  ),
  captureListener(browser.cookies.onChanged, onCookieChanged, (l) => browser.cookies.onChanged.addListener(l)),
]);
// Synchronously, at the top level: this is what wakes a stopped worker for a request.
capture.set(true);
/** Detaches the capture listeners while nothing is being recorded (see capture-switch.ts). */
function updateCapture(): void {
  const panelTabs = store.recorders().filter((recorder) => recorder.panelOpened).length;
  capture.set(captureWanted(store.settings.recordFromStart, panelTabs));
}
afterRestore(updateCapture);

/** Settings read from storage: the store records by them, and the capture listeners follow them. */
function applySettings(settings: RecordingSettings): void {
  store.settings = settings;
  updateCapture();
}

browser.tabs.onRemoved.addListener((tabId) =>
  afterRestore(() => {
    navigationOfTab.delete(tabId);
    store.forget(tabId);
    updateCapture();
  }),
);

browser.runtime.onConnect.addListener(guarded('onConnect', (port) => hub.connect(port as unknown as PanelPort)));

browser.storage.onChanged.addListener((changes, areaName) => settingsKeeper.changed(Object.keys(changes), areaName));

const announcePermissions = () =>
  void browser.permissions.contains(ALL_SITES).then((granted) => hub.broadcast({ type: 'permissions', granted }));
browser.permissions.onAdded.addListener(announcePermissions);
browser.permissions.onRemoved.addListener(announcePermissions);

// Tabs closed while the worker was stopped (or before a browser restart): free what they left behind.
afterRestore(() => {
  void browser.tabs.query({}).then((tabs) => {
    const open = new Set(tabs.map((tab) => tab.id));
    for (const recorder of store.recorders()) if (!open.has(recorder.tabId)) store.forget(recorder.tabId);
    updateCapture();
  });
});

// Only in the E2E build of Firefox, whose background no test can reach (see test-hooks.ts).
if (__SESSIONSCOPE_E2E__) installTestHooks();
