// Feeding synthetic events into the real background: realistic core TraceEntries (imported from a
// generated HAR by the core's own importer) are sent to the service worker once as templates; code
// evaluated there clones them (fresh strings per event, as webRequest details would be) and appends
// them through the RecorderStore found by exposeRecorderStore: the path a recorded request takes after
// the webRequest listeners (store → storage.session mirror → PanelHub → panel port).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Frame, WebWorker } from 'puppeteer-core';
import { harToTrace } from '../../src/core/har/har.ts';
import { extensionWorker, inspectedTabId, pageWithPanel } from '../../test/e2e/helpers/devtools-panel.ts';
import { ensureHar } from '../gen-har.ts';
import { exposeRecorderStore, STORE_GLOBAL } from './browser.ts';
import { OUT_DIR } from './stats.ts';

/** Up to `count` entries of a small generated HAR as core TraceEntries, without their index. */
export function templateEntries(count = 500): unknown[] {
  const file = join(OUT_DIR, 'har-templates.har');
  ensureHar(file, { entries: count, seed: 3 });
  const trace = harToTrace(JSON.parse(readFileSync(file, 'utf8')), file);
  return trace.events.flatMap((event) => {
    if (event.kind !== 'entry') return [];
    const { index: _index, ...rest } = event.entry;
    return [rest];
  });
}

/**
 * Installed in the worker: `__benchFeed(tabId, count)` appends `count` events at once and resolves with how many it
 * appended; `__benchFeedAtRate(tabId, total, perSecond)` appends on a 10 ms clock, catching up to rate × elapsed,
 * and resolves with the achieved rate and the worst lag behind schedule. Counts are events, not entries: the
 * recorder writes a navigation event before each top-level document's entry (RecorderStore.appendEntry), so a
 * template that is a document gives two (a feed may pass its count by that one event).
 */
const FEEDER_SOURCE = `(() => {
  const store = globalThis.${STORE_GLOBAL};
  let serial = 0;
  const next = (tabId) => {
    const templates = globalThis.__benchTemplates;
    const template = templates[serial % templates.length];
    const entry = JSON.parse(JSON.stringify(template));
    const n = serial++;
    entry.startedAt = 1767603600000 + n * 10;
    entry.request.url = entry.request.url + (entry.request.url.includes('?') ? '&' : '?') + 'bench=' + n;
    const before = store.recorder(tabId).nextSeq;
    store.appendEntry(tabId, entry);
    return store.recorder(tabId).nextSeq - before;
  };
  globalThis.__benchFeed = (tabId, count) => {
    let events = 0;
    while (events < count) events += next(tabId);
    return store.flush().then(() => events);
  };
  globalThis.__benchFeedAtRate = (tabId, total, perSecond) => new Promise((resolve) => {
    const start = performance.now();
    let sent = 0;
    let worstLagMs = 0;
    const tick = () => {
      const now = performance.now();
      const due = Math.min(total, Math.floor(((now - start) / 1000) * perSecond));
      worstLagMs = Math.max(worstLagMs, ((due - sent) / perSecond) * 1000);
      while (sent < due) sent += next(tabId);
      if (sent >= total) {
        const seconds = (performance.now() - start) / 1000;
        resolve({ sent, seconds, rate: sent / seconds, worstLagMs });
      } else setTimeout(tick, 10);
    };
    tick();
  });
})()`;

export async function installFeeder(worker: WebWorker, templates: unknown[]): Promise<void> {
  await worker.evaluate((t) => {
    (globalThis as unknown as { __benchTemplates: unknown }).__benchTemplates = t;
  }, templates);
  await worker.evaluate(FEEDER_SOURCE);
}

/** What `__benchFeedAtRate` resolves with. */
export interface FeedResult {
  readonly sent: number;
  readonly seconds: number;
  readonly rate: number;
  readonly worstLagMs: number;
}

export interface FedPanel {
  readonly worker: WebWorker;
  readonly panel: Frame;
  /** The inspected tab, whose recording the panel shows and the feeder appends to. */
  readonly tabId: number;
  /** Appends `count` events to the tab's recording at `perSecond`, through the background's store. */
  feedAtRate(count: number, perSecond: number): Promise<FeedResult>;
}

/** The panel rows' set-up: the feeder installed in the extension's worker, and a page with the Sessions panel open. */
export async function fedPanel(browser: Browser): Promise<FedPanel> {
  const { id, worker } = await extensionWorker(browser);
  await exposeRecorderStore(worker);
  await installFeeder(worker, templateEntries());
  const { panel } = await pageWithPanel(browser, id);
  const tabId = await inspectedTabId(panel);
  return {
    worker,
    panel,
    tabId,
    feedAtRate: (count, perSecond) =>
      worker.evaluate(
        (tab, n, rate) =>
          (
            globalThis as unknown as { __benchFeedAtRate(t: number, n: number, r: number): Promise<FeedResult> }
          ).__benchFeedAtRate(tab, n, rate),
        tabId,
        count,
        perSecond,
      ),
  };
}
