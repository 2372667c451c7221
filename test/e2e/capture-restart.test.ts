// The extension's service worker stopped by the DevTools protocol mid-recording, again and again:
// during a login scenario (between its steps) and during a burst of requests. Nothing may be lost or
// doubled (the demo server's own request log is the truth), the panel must reconnect by itself, and
// its findings must equal those of an uninterrupted run. Long variant: `npm run soak`.
import type { Browser, Frame, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clearCookies, runScenario } from '../../demo/drive.ts';
import { type DemoScenario, findScenario } from '../../demo/scenarios.ts';
import { type DemoServer, startDemoServer } from '../../demo/server.ts';
import { DIAGNOSTICS_KEY } from '../../src/background/diagnostics.ts';
import { storedTabEvents } from '../../src/background/recorder-store.ts';
import type { RecordedEvent } from '../../src/protocol/messages.ts';
import { inspectedTabId, type PanelRow, pageWithPanel, readPanelRows } from './helpers/devtools-panel.ts';
import {
  inExtensionPage as inExtensionPageOf,
  launchWithStoppableWorker,
  recordFromStart,
  type StoppableWorkerBrowser,
  stopWorker as stopExtensionWorker,
  until,
} from './helpers/extension-harness.ts';
import { CHROME_EXTENSION_DIR } from './helpers/launch.ts';

const SOAK = process.env.SESSIONSCOPE_SOAK === '1';
const BURST = SOAK ? { n: 20_000, ms: 20_000, stops: 12 } : { n: 1000, ms: 2000, stops: 3 };

let server: DemoServer;
let browser: Browser;
let extensionId: string;
let harness: StoppableWorkerBrowser;

beforeAll(async () => {
  server = await startDemoServer();
  harness = await launchWithStoppableWorker(CHROME_EXTENSION_DIR);
  ({ browser, extensionId } = harness);
  // The burst's tab has no panel: what a stopped worker keeps is tested with record-from-start on.
  await recordFromStart(browser, extensionId);
  // This browser's worker is not attached to (it is stopped by the tests), so whether the background heard the
  // setting is read from what it does: a page in a new tab is stored.
  const probe = await browser.newPage();
  await until('a tab without a panel to be recorded', 10_000, async () => {
    await probe.goto(server.url('http', 'shop.test', '/?probe'));
    const tabs = await inExtensionPage((p) => p.evaluate(() => chrome.tabs.query({})));
    const tabId = tabs.find((t) => t.url?.includes('/?probe'))?.id;
    return tabId !== undefined && (await storedEvents(tabId)).length > 0;
  });
  await probe.close();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const stopWorker = () => stopExtensionWorker(harness);

/** Every text the panel's status showed since the last call (a MutationObserver keeps them). */
async function statusLog(panel: Frame): Promise<string[]> {
  return panel.evaluate(() => {
    const w = window as unknown as { __statusLog?: string[] };
    if (!w.__statusLog) {
      const log: string[] = [];
      w.__statusLog = log;
      const status = document.querySelector('[data-testid="panel-status"]')!;
      new MutationObserver(() => log.push(status.textContent?.trim() ?? '')).observe(status, {
        subtree: true,
        characterData: true,
        childList: true,
      });
    }
    return w.__statusLog.splice(0);
  });
}

function panelStatus(panel: Frame): Promise<string> {
  return panel.$eval('[data-testid="panel-status"]', (el) => el.textContent?.trim() ?? '');
}

/** What a run of a scenario must look like, whatever the session values: request, status, findings. */
function shape(rows: readonly PanelRow[]): string[] {
  return rows.map((r) => {
    const url = new URL(r.url);
    return `${r.method} ${url.protocol}//${url.hostname}${url.pathname} ${r.status} [${[...r.findings].sort().join(',')}]`;
  });
}

/** The server's view of a scenario run: method and path of every request it answered, in order. */
function served(from: number): string[] {
  return server.requestLog.slice(from).map((r) => `${r.method} ${r.scheme}://${r.host}${r.url.split('?')[0]}`);
}

async function rowsAfterScenario(panel: Frame, count: number): Promise<PanelRow[]> {
  let rows: PanelRow[] = [];
  await until(`${count} panel rows`, 15_000, async () => {
    rows = await readPanelRows(panel);
    return rows.length >= count;
  });
  return rows;
}

async function runWithStops(page: Page, panel: Frame, scenario: DemoScenario): Promise<number> {
  let stops = 0;
  const logStart = server.requestLog.length;
  await statusLog(panel);
  for (const step of scenario.steps) {
    await runScenario(page, server, { ...scenario, steps: [step] });
    // Once every request answered so far is a row (the panel gets events once they are stored), kill the worker;
    // the panel must come back on its own.
    await rowsAfterScenario(panel, served(logStart).length);
    await stopWorker();
    stops++;
    await until('the panel to notice', 5_000, async () => (await statusLog(panel)).includes('Reconnecting…'));
    await until('the panel to reconnect', 15_000, async () => (await panelStatus(panel)) === 'Recording');
  }
  return stops;
}

/** Runs code in an extension page (storage.session and tabs are open to extension pages). */
const inExtensionPage = <T>(work: (page: Page) => Promise<T>) => inExtensionPageOf(browser, extensionId, work);

/** Every stored event of a tab. */
async function storedEvents(tabId: number): Promise<RecordedEvent[]> {
  const items = await inExtensionPage((probe) => probe.evaluate(() => chrome.storage.session.get(null)));
  return storedTabEvents(items, tabId);
}

async function storageItem(key: string): Promise<unknown> {
  return inExtensionPage((probe) => probe.evaluate(async (k) => (await chrome.storage.session.get(k))[k], key));
}

describe('Chrome: the service worker stopped mid-recording', () => {
  it('a login scenario with the worker stopped after every step: same rows and findings as without stops', async () => {
    const scenario = findScenario('secure-lost-on-http');

    const interrupted = await pageWithPanel(browser, extensionId);
    await clearCookies(interrupted.page);
    const logStart = server.requestLog.length;
    const stops = await runWithStops(interrupted.page, interrupted.panel, scenario);
    expect(stops).toBeGreaterThanOrEqual(3);
    const expectedRequests = served(logStart);
    const rowsWithStops = await rowsAfterScenario(interrupted.panel, expectedRequests.length);
    await new Promise((r) => setTimeout(r, 500)); // nothing more may arrive (no duplicates later)
    const finalRows = await readPanelRows(interrupted.panel);

    // Every request the server answered is one row, in order, once.
    expect(
      finalRows.map((r) => `${r.method} ${new URL(r.url).origin.replace(/:\d+$/, '')}${new URL(r.url).pathname}`),
    ).toEqual(expectedRequests);
    expect(finalRows).toHaveLength(rowsWithStops.length);
    // The stored copy agrees: dense numbering, one entry per request.
    const events = await storedEvents(await inspectedTabId(interrupted.panel));
    expect(events.map((e) => e.seq)).toEqual(events.map((_, i) => events[0]!.seq + i));
    expect(events.filter((e) => e.event.kind === 'entry')).toHaveLength(expectedRequests.length);

    const uninterrupted = await pageWithPanel(browser, extensionId);
    await clearCookies(uninterrupted.page);
    await runScenario(uninterrupted.page, server, scenario);
    const referenceRows = await rowsAfterScenario(uninterrupted.panel, expectedRequests.length);
    await new Promise((r) => setTimeout(r, 500));
    expect(shape(finalRows)).toEqual(shape(await readPanelRows(uninterrupted.panel)));
    expect(shape(referenceRows).join('\n')).toContain('session-not-sent');
    await interrupted.page.close();
    await uninterrupted.page.close();
  });

  // A stop kills the worker with the webRequest events Chromium has queued for it but not yet run
  // (under load the queue is seconds long), and no event reaches a worker that is down or starting.
  // So the promise under a mid-burst stop is: every event stored before a stop is still there after,
  // nothing is doubled, numbering is unbroken; the gap is measured and reported, never papered over.
  it(`a burst of ${BURST.n} requests with the worker stopped ${BURST.stops} times: nothing recorded is lost or doubled`, async () => {
    const page = await browser.newPage();
    const logStart = server.requestLog.length;
    await page.goto(server.url('http', 'burst.test', `/burst/?n=${BURST.n}&ms=${BURST.ms}`));
    const tabs = await inExtensionPage((probe) => probe.evaluate(() => chrome.tabs.query({})));
    const tabId = tabs.find((t) => t.url?.includes('/burst/'))!.id!;
    const progress = () =>
      page.evaluate(() => (window as unknown as { __burst: { done: number; failed: number } }).__burst);
    const pingIndex = (url: string) => new URL(url, 'http://x').searchParams.get('i')!;
    const recordedPings = async () =>
      (await storedEvents(tabId)).flatMap((e) =>
        e.event.kind === 'entry' && e.event.entry.request.url.includes('/burst/ping')
          ? [pingIndex(e.event.entry.request.url)]
          : [],
      );
    /** What was stored just before each stop. */
    const beforeStops: Set<string>[] = [];
    for (let stop = 1; stop <= BURST.stops; stop++) {
      await until('burst progress', 60_000, async () => {
        const p = await progress();
        return p.done + p.failed >= (BURST.n * stop) / (BURST.stops + 1);
      });
      const stored = new Set(await recordedPings());
      await stopWorker();
      beforeStops.push(stored);
    }
    await until('the burst to finish', 120_000, async () => {
      const p = await progress();
      return p.done + p.failed === BURST.n;
    });
    expect((await progress()).failed).toBe(0);
    // Any request wakes the worker; this one (another tab) is not part of the burst's tab.
    const waker = await browser.newPage();
    await waker.goto(server.url('http', 'shop.test', '/'));
    await waker.close();
    await new Promise((r) => setTimeout(r, 1000));

    const served = server.requestLog.slice(logStart).filter((r) => r.url.startsWith('/burst/ping'));
    expect(served).toHaveLength(BURST.n);
    const events = await storedEvents(tabId);
    const recorded = await recordedPings();
    const unique = new Set(recorded);
    // Nothing doubled, numbering unbroken, nothing the server did not see.
    expect(recorded.length - unique.size).toBe(0);
    expect(events.map((e) => e.seq)).toEqual(events.map((_, i) => events[0]!.seq + i));
    expect(recorded.every((i) => Number(i) >= 0 && Number(i) < BURST.n)).toBe(true);
    // Whatever was stored before a stop survived every later restart.
    for (const [k, stored] of beforeStops.entries()) {
      expect(stored.size, `pings stored before stop ${k + 1}`).toBeGreaterThan(0);
      expect(
        [...stored].filter((i) => !unique.has(i)),
        `pings lost after stop ${k + 1}`,
      ).toEqual([]);
    }
    const lost = BURST.n - unique.size;
    console.info(
      `burst with ${BURST.stops} stops: ${unique.size}/${BURST.n} recorded, ${lost} never delivered while the worker was down`,
    );
    expect(await storageItem(DIAGNOSTICS_KEY)).toBeUndefined();
    await page.close();
  });
});
