// What the recorder tells core of a tab's top-level pages. Every entry of a tab has one pageRef (the tab), so a
// later navigation is a page of its own only by the `navigation` event recorded with its document hop: over
// http:// no Sec-Fetch-Dest says so, and the site inspected (firstParty.ts) is every top-level page's.
import { describe, expect, it } from 'vitest';
import { analyzeTrace } from '../core/analysis/analyze.ts';
import { exportHar } from '../core/formats/harExport.ts';
import { parseHar } from '../core/har/har.ts';
import type { ResourceType, TraceEntry } from '../core/trace/types.ts';
import { RecorderStore, type SessionStorageArea } from './recorder-store.ts';

const noStorage: SessionStorageArea = {
  get: async () => ({}),
  set: async () => {},
  remove: async () => {},
};

const ID = 'q8Zr2KfW7mXv4Tn9LpB3sYc6';
const TAB = 5;

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
  it('records a navigation before each top-level document hop, none after a frame or a subresource', async () => {
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
});
