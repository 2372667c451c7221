// Background memory: the service worker's retained memory (after a forced GC, CDP HeapProfiler +
// Runtime.getHeapUsage: the JS heap plus the backing stores of array buffers, where packed events live) with 100,000 events buffered for one tab, against the same worker with that tab's
// recording empty, alternating. Events go in through the RecorderStore (see lib/feeder.ts), not through
// 100,000 real requests. Then 10% more than the cap: the cap setting and the dropped count the store reports.
// Alone: `node --import tsx bench/background-memory.ts [pairs]`

import type { WebWorker } from 'puppeteer-core';
import { extensionWorker } from '../test/e2e/helpers/devtools-panel.ts';
import { buildExtension, cdpOf, exposeRecorderStore, launch, STORE_GLOBAL } from './lib/browser.ts';
import { installFeeder, templateEntries } from './lib/feeder.ts';
import { alternate, fmt, range, runRow } from './lib/stats.ts';

const ID = 'background-memory';
const TITLE = 'Background memory (100,000 events buffered for a tab)';
const GOAL = '≤ 60 MB retained; the cap is a setting; dropped events counted';
const EVENTS = 100_000;
const MB = 1024 * 1024;

/**
 * Retained bytes after a full GC: the used JS heap plus array-buffer and external-string backing stores
 * (the recorder packs older events into Uint8Arrays, which live outside the JS heap proper).
 */
async function retainedMemory(worker: WebWorker): Promise<{ heap: number; backing: number; total: number }> {
  const cdp = cdpOf(worker);
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  const usage = await cdp.send('Runtime.getHeapUsage');
  return { heap: usage.usedSize, backing: usage.backingStorageSize, total: usage.usedSize + usage.backingStorageSize };
}

runRow(ID, TITLE, GOAL, async () => {
  const pairs = Number(process.argv.find((a) => /^\d+$/.test(a)) ?? 5);
  const browser = await launch({ extensionDir: buildExtension() });
  try {
    const { worker } = await extensionWorker(browser);
    await exposeRecorderStore(worker);
    await installFeeder(worker, templateEntries());
    const page = await browser.newPage();
    await page.goto('about:blank');
    // The newest tab is ours (no "tabs" permission: URLs are hidden, ids are not).
    const tabId = await worker.evaluate(async () =>
      Math.max(-1, ...(await chrome.tabs.query({})).map((t) => t.id ?? -1)),
    );
    if (tabId < 0) throw new Error('no tab id for the benchmark page');
    const forget = () =>
      worker.evaluate(
        async (id, key) => {
          const store = (globalThis as unknown as Record<string, { forget(id: number): void; flush(): Promise<void> }>)[
            key
          ]!;
          store.forget(id);
          await store.flush();
        },
        tabId,
        STORE_GLOBAL,
      );
    let fillMs = 0;
    let lastFull = { heap: 0, backing: 0, total: 0 };
    const result = await alternate(
      pairs,
      async () => {
        await forget();
        return (await retainedMemory(worker)).total / MB;
      },
      async () => {
        const t = performance.now();
        await worker.evaluate(
          (id, n) =>
            (globalThis as unknown as { __benchFeed(id: number, n: number): Promise<number> }).__benchFeed(id, n),
          tabId,
          EVENTS,
        );
        fillMs = performance.now() - t;
        lastFull = await retainedMemory(worker);
        return lastFull.total / MB;
      },
      { log: console.log },
    );
    // Past the cap: 10% more events than the setting allows.
    const state = await worker.evaluate(
      async (id, key) => {
        type Store = {
          settings: { maxEventsPerTab: number };
          existing(
            id: number,
          ): { size: number; droppedCount: number; eventsSince(since: number): unknown[] } | undefined;
          storageDegraded: boolean;
        };
        const store = (globalThis as unknown as Record<string, Store>)[key]!;
        const cap = store.settings.maxEventsPerTab;
        // Events appended since the recording began: held, and dropped at the cap.
        const held = store.existing(id);
        const before = (held?.size ?? 0) + (held?.droppedCount ?? 0);
        // What a panel subscribing now costs: every held event, packed ones decoded.
        const t = performance.now();
        const snapshotEvents = store.existing(id)?.eventsSince(-1).length ?? 0;
        const snapshotMs = performance.now() - t;
        const fed = await (
          globalThis as unknown as { __benchFeed(id: number, n: number): Promise<number> }
        ).__benchFeed(id, Math.round(cap * 1.1) - before);
        const recorder = store.existing(id);
        return {
          cap,
          appended: before + fed,
          size: recorder?.size ?? 0,
          dropped: recorder?.droppedCount ?? 0,
          degraded: store.storageDegraded,
          snapshotEvents,
          snapshotMs,
        };
      },
      tabId,
      STORE_GLOBAL,
    );
    const retained = result.subject.median - result.baseline.median;
    const perEvent = (retained * MB) / EVENTS;
    // The feed counts events and may pass its count by one (a document's entry comes with its navigation event).
    const capOk = state.size === state.cap && state.dropped === state.appended - state.cap;
    return {
      id: ID,
      title: TITLE,
      goal: GOAL,
      verdict: result.subject.median <= 60 && capOk ? 'met' : 'missed',
      figures: [
        `baseline (tab recording empty): ${range(result.baseline, ' MB', 2)}`,
        `with ${EVENTS.toLocaleString('en-US')} events: ${range(result.subject, ' MB', 2)}`,
        `of which (last run) JS heap ${fmt(lastFull.heap / MB, 2)} MB, array-buffer backing stores ${fmt(lastFull.backing / MB, 2)} MB`,
        `ratio of medians: ${fmt(result.ratio, 1)}; retained by the events ≈ ${fmt(retained, 1)} MB (${fmt(perEvent, 0)} bytes/event)`,
        `appending ${EVENTS.toLocaleString('en-US')} events + flush to storage.session: ${fmt(fillMs / 1000, 1)} s (last run)`,
        `a panel's full snapshot (eventsSince(-1), ${state.snapshotEvents.toLocaleString('en-US')} events, packed ones decoded): ${fmt(state.snapshotMs / 1000, 2)} s`,
        `cap setting maxEventsPerTab = ${state.cap.toLocaleString('en-US')}; after ${state.appended.toLocaleString('en-US')} events: ${state.size.toLocaleString('en-US')} held, droppedCount ${state.dropped.toLocaleString('en-US')}${capOk ? ' (as expected)' : ' (UNEXPECTED)'}; storageDegraded ${state.degraded}`,
      ],
      data: { ...result, retained, perEvent, cap: state },
      note: 'events injected through the RecorderStore in the service worker (not real requests); the panel’s display of the dropped count is not measured here',
    };
  } finally {
    await browser.close();
  }
});
