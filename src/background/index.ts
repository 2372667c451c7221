// The background: the only code that touches webRequest and cookies. It records every tab's request
// hops and cookie changes (always, for now) and serves them to Sessions panels. Listeners are added
// synchronously at the top level, as an MV3 service worker / event page must.
import browser from 'webextension-polyfill';
import { cookieChangedEvent } from './cookie-change.ts';
import { type FinishedHop, HopTracker } from './hop-tracker.ts';
import { PanelHub, type PanelPort } from './panel-hub.ts';
import { capturePlatform } from './platform.ts';
import { RecorderStore, type SessionStorageArea } from './recorder-store.ts';
import { siteOfHost } from './site.ts';
import { installTestHooks } from './test-hooks.ts';

const store = new RecorderStore(browser.storage.session as unknown as SessionStorageArea);
const hub = new PanelHub(store);
const tracker = new HopTracker(capturePlatform, (tabId) => store.existing(tabId)?.topUrl);

/** Requests outside any tab (tabId -1: the extension's own, service workers, prefetch) are skipped. */
function inTab(details: { tabId: number }): boolean {
  return details.tabId >= 0;
}

/** Work on the store waits for the restore of earlier state; `then` keeps the events in order. */
function afterRestore(work: () => void): void {
  void store.ready.then(work);
}

function record(hop: FinishedHop | undefined): void {
  if (!hop) return;
  afterRestore(() => {
    store.appendEntry(hop.tabId, hop.entry);
    if (hop.committedTopUrl) {
      store.recorder(hop.tabId).setTopUrl(hop.committedTopUrl);
      store.touch(hop.tabId);
    }
  });
}

const { webRequest } = browser;

capturePlatform.addHeaderListener(
  webRequest.onBeforeRequest,
  (details: Parameters<HopTracker['beforeRequest']>[0]) => {
    if (!inTab(details)) return;
    tracker.beforeRequest(details);
    afterRestore(() => {
      // The tab talks to this site from now on: its cookie changes belong to the tab.
      store.recorder(details.tabId).noteUrl(details.url);
    });
  },
  ['requestBody'],
);
capturePlatform.addHeaderListener(
  webRequest.onBeforeSendHeaders,
  (details: Parameters<HopTracker['beforeSendHeaders']>[0]) => {
    if (inTab(details)) tracker.beforeSendHeaders(details);
  },
  ['requestHeaders'],
);
capturePlatform.addHeaderListener(
  webRequest.onSendHeaders,
  (details: Parameters<HopTracker['sendHeaders']>[0]) => {
    if (inTab(details)) tracker.sendHeaders(details);
  },
  ['requestHeaders'],
);
capturePlatform.addHeaderListener(
  webRequest.onHeadersReceived,
  (details: Parameters<HopTracker['headersReceived']>[0]) => {
    if (inTab(details)) record(tracker.headersReceived(details));
  },
  ['responseHeaders'],
);
capturePlatform.addHeaderListener(
  webRequest.onBeforeRedirect,
  (details: Parameters<HopTracker['beforeRedirect']>[0]) => {
    if (inTab(details)) record(tracker.beforeRedirect(details));
  },
  ['responseHeaders'],
);
capturePlatform.addHeaderListener(
  webRequest.onCompleted,
  (details: Parameters<HopTracker['completed']>[0]) => {
    if (inTab(details)) record(tracker.completed(details));
  },
  ['responseHeaders'],
);
// No headers to see here, and Firefox refuses any extraInfoSpec on this event (even an empty one).
webRequest.onErrorOccurred.addListener(
  (details) => {
    if (inTab(details)) record(tracker.errorOccurred(details));
  },
  { urls: ['<all_urls>'] },
);

browser.cookies.onChanged.addListener((change) => {
  const time = Date.now();
  afterRestore(() => {
    const site = siteOfHost(change.cookie.domain);
    for (const recorder of store.recorders()) {
      if (recorder.relatesToSite(site)) store.append(recorder.tabId, cookieChangedEvent(change, time));
    }
  });
});

browser.tabs.onRemoved.addListener((tabId) => afterRestore(() => store.forget(tabId)));

browser.runtime.onConnect.addListener((port) => hub.connect(port as unknown as PanelPort));

// Only in the E2E build of Firefox, whose background no test can reach (see test-hooks.ts).
if (__SESSIONSCOPE_E2E__) installTestHooks();
