// What the recorder tells core of a tab's top-level pages. Every entry of a tab has one pageRef (the tab), so a
// later navigation is a page of its own only by the `navigation` event recorded with its document hop: over
// http:// no Sec-Fetch-Dest says so, and the site inspected (firstParty.ts) is every top-level page's.
import { describe, expect, it } from 'vitest';
import { analyzeTrace } from '../core/analysis/analyze.ts';
import { exportHar } from '../core/formats/harExport.ts';
import { parseHar } from '../core/har/har.ts';
import type { ResourceType, TraceEntry } from '../core/trace/types.ts';
import type { BackgroundMessage } from '../protocol/messages.ts';
import { PanelHub, type PanelPort } from './panel-hub.ts';
import { RecorderStore, type SessionStorageArea } from './recorder-store.ts';

const noStorage: SessionStorageArea = {
  get: async () => ({}),
  set: async () => {},
  remove: async () => {},
};

const ID = 'q8Zr2KfW7mXv4Tn9LpB3sYc6';
const TAB = 5;

/** A host that stores no settings (the tests here ask it only for the tab's address). */
const NO_SETTINGS_HOST = {
  permissionsGranted: async () => true,
  setPreserveLog: async () => undefined,
  setRecordFromStart: async () => undefined,
  panelsChanged: () => undefined,
  refreshSettings: async () => undefined,
};

/** A panel's port for the tab that subscribes at once, as a panel does when it opens. */
function openPanel(hub: PanelHub, tabId = TAB): void {
  const listeners: ((message: unknown) => void)[] = [];
  const port: PanelPort = {
    name: `panel:${tabId}`,
    postMessage: (_message: BackgroundMessage) => undefined,
    onMessage: { addListener: (listener) => void listeners.push(listener) },
    onDisconnect: { addListener: () => undefined },
  };
  hub.connect(port);
  for (const listener of listeners) listener({ type: 'subscribe', since: -1 });
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 20));

/** The URLs of the navigations recorded for the tab. */
function navigationsOf(store: RecorderStore): string[] {
  return (store.existing(TAB)?.eventsSince(-1) ?? []).flatMap(({ event }) =>
    event.kind === 'navigation' ? [event.url] : [],
  );
}

/** A hop as HopTracker records it: the tab is its pageRef; a frame's document is a `subdocument`. */
function hop(
  url: string,
  resourceType: ResourceType,
  cookies: { sent?: string; set?: string } = {},
): Omit<TraceEntry, 'index'> {
  return {
    startedAt: Date.parse('2026-12-06T10:00:00Z'),
    pageRef: String(TAB),
    request: {
      method: 'GET',
      url,
      headers: cookies.sent ? [{ name: 'Cookie', value: cookies.sent }] : [],
      resourceType,
    },
    response: { status: 200, headers: cookies.set ? [{ name: 'Set-Cookie', value: cookies.set }] : [] },
  };
}

/** The tab's recording as the panel analyses it: its events, in order. */
function traceOf(store: RecorderStore) {
  const events = store
    .recorder(TAB)
    .eventsSince(-1)
    .map((recorded) => recorded.event);
  const entryCount = events.filter((event) => event.kind === 'entry').length;
  return { source: { format: 'live' as const }, events, entryCount };
}

function analyse(store: RecorderStore) {
  return analyzeTrace(traceOf(store));
}

/** shop.test's page, then `second` (a navigation of the tab, or a frame in it) where a session is set and sent. */
async function recordTwoSites(second: ResourceType) {
  const store = new RecorderStore(noStorage, 1);
  await store.ready;
  store.appendEntry(TAB, hop('http://shop.test/', 'document'));
  store.appendEntry(TAB, hop('http://shop.test/app.js', 'script'));
  store.appendEntry(TAB, hop('http://accounts.example/login', second, { set: `sid=${ID}; Path=/; HttpOnly` }));
  store.appendEntry(TAB, hop('http://accounts.example/home', second, { sent: `sid=${ID}` }));
  return store;
}

describe('the recorder names each top-level page of a tab', () => {
  it('records a navigation before each top-level document hop, none for a frame or a subresource', async () => {
    const store = await recordTwoSites('document');
    store.appendEntry(TAB, hop('http://shop.test/frame', 'subdocument'));
    const kinds = store
      .recorder(TAB)
      .eventsSince(-1)
      .map(({ event }) =>
        event.kind === 'navigation'
          ? `navigation ${event.url}`
          : event.kind === 'entry'
            ? `entry ${event.entry.request.url}`
            : event.kind,
      );
    expect(kinds).toEqual([
      'navigation http://shop.test/',
      'entry http://shop.test/',
      'entry http://shop.test/app.js',
      'navigation http://accounts.example/login',
      'entry http://accounts.example/login',
      'navigation http://accounts.example/home',
      'entry http://accounts.example/home',
      'entry http://shop.test/frame',
    ]);
  });

  it("a later navigation over http:// to another site is a page inspected: its session is the site's own", async () => {
    const navigated = analyse(await recordTwoSites('document'));
    expect(navigated.sessions.find((s) => s.cookie === 'sid')).toMatchObject({ thirdParty: false });
  });

  it('its HAR export writes a page per navigation: read again, the session is still the site inspected', async () => {
    const trace = traceOf(await recordTwoSites('document'));
    const har = exportHar(trace, analyzeTrace(trace), { values: 'raw' });
    const pagerefs = (JSON.parse(har).log.entries as { pageref: string }[]).map((e) => e.pageref);
    expect(pagerefs).toEqual(['5_1', '5_1', '5_2', '5_3']);
    const reread = analyzeTrace(parseHar(har));
    expect(reread.sessions.find((s) => s.cookie === 'sid')).toMatchObject({ thirdParty: false });
  });

  it("the same site in a frame of the page stays a third party's", async () => {
    const framed = analyse(await recordTwoSites('subdocument'));
    expect(framed.sessions.find((s) => s.cookie === 'sid')).toMatchObject({ thirdParty: true });
  });

  it('a panel opened on a page loaded before the recording began notes the page the tab shows', async () => {
    // Recording starts with the panel (the default): the page's own navigation was never seen, and the first
    // request recorded may be a frame's (here an ad frame's poll). The tab's address names the page inspected.
    const store = new RecorderStore(noStorage, 1);
    const hub = new PanelHub(store, 1, { ...NO_SETTINGS_HOST, tabUrl: async () => 'http://shop.test/cart' });
    await store.ready;
    openPanel(hub);
    await settle();
    expect(navigationsOf(store)).toEqual(['http://shop.test/cart']);
    expect(store.existing(TAB)?.topUrl).toBe('http://shop.test/cart');
    const poll = hop('http://ads.example/poll', 'fetch');
    store.appendEntry(TAB, { ...poll, request: { ...poll.request, initiatorUrl: 'http://ads.example/frame' } });
    store.appendEntry(TAB, hop('http://shop.test/api/cart', 'fetch', { set: `sid=${ID}; Path=/; HttpOnly` }));
    store.appendEntry(TAB, hop('http://shop.test/api/total', 'fetch', { sent: `sid=${ID}` }));
    expect(analyse(store).sessions.find((s) => s.cookie === 'sid')).toMatchObject({ thirdParty: false });
  });

  it('notes no page where the recorder saw the navigation, or the tab shows no web page', async () => {
    const seen = new RecorderStore(noStorage, 1);
    await seen.ready;
    seen.appendEntry(TAB, hop('http://shop.test/', 'document'));
    seen.recorder(TAB).setTopUrl('http://shop.test/');
    openPanel(new PanelHub(seen, 1, { ...NO_SETTINGS_HOST, tabUrl: async () => 'http://shop.test/later' }));
    await settle();
    expect(navigationsOf(seen)).toEqual(['http://shop.test/']);

    const newTab = new RecorderStore(noStorage, 1);
    await newTab.ready;
    openPanel(new PanelHub(newTab, 1, { ...NO_SETTINGS_HOST, tabUrl: async () => 'chrome://newtab/' }));
    await settle();
    expect(navigationsOf(newTab)).toEqual([]);
    expect(newTab.existing(TAB)?.topUrl).toBeUndefined();
  });
});
