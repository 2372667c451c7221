// What the Sessions panel tells the user when the recording is incomplete, in the built Chrome extension
// with the real DevTools panel: past the per-tab cap it shows exactly how many events were dropped (the demo
// server's own request count is the truth), and with storage.session filled to its quota it shows the
// storage notice, keeps recording and showing every request, and a stopped service worker comes back
// with the newest events (recorder-store.ts: the oldest stored chunks are the ones given up).
import type { Browser, Frame, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clearCookies, runScenario } from '../../demo/drive.ts';
import { findScenario } from '../../demo/scenarios.ts';
import { type DemoServer, startDemoServer } from '../../demo/server.ts';
import { storedTabEvents } from '../../src/background/recorder-store.ts';
import { runBurst } from './helpers/burst.ts';
import { inspectedTabId, pageWithPanel, panelRowCount, readPanelRows } from './helpers/devtools-panel.ts';
import {
  inExtensionPage as inExtensionPageOf,
  launchWithStoppableWorker,
  type StoppableWorkerBrowser,
  setLocal,
  stopWorker as stopExtensionWorker,
  until,
} from './helpers/extension-harness.ts';
import { CHROME_EXTENSION_DIR } from './helpers/launch.ts';

/** Chrome's storage.session quota (chrome.storage.session.QUOTA_BYTES). */
const SESSION_QUOTA = 10 * 1024 * 1024;
const FILLER_PREFIX = 'test-filler:';

let server: DemoServer;
let browser: Browser;
let extensionId: string;
let harness: StoppableWorkerBrowser;

beforeAll(async () => {
  server = await startDemoServer();
  harness = await launchWithStoppableWorker(CHROME_EXTENSION_DIR);
  ({ browser, extensionId } = harness);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const inExtensionPage = <T>(work: (page: Page) => Promise<T>) => inExtensionPageOf(browser, extensionId, work);

const setCap = (value: number | null) => setLocal(browser, extensionId, 'maxEventsPerTab', value);

interface WorkerLog {
  readonly errors: string[];
  readonly warnings: string[];
  detach(): Promise<void>;
}

/**
 * Listens to the running extension worker's console and uncaught exceptions over a raw CDP session
 * (puppeteer itself is kept out of the worker, see beforeAll).
 */
async function watchWorker(): Promise<WorkerLog> {
  const root = await browser.target().createCDPSession();
  const { targetInfos } = await root.send('Target.getTargets');
  const target = targetInfos.find(
    (t) => t.type === 'service_worker' && t.url.startsWith(`chrome-extension://${extensionId}/`),
  );
  if (!target) throw new Error('the extension worker is not running');
  const { sessionId } = await root.send('Target.attachToTarget', { targetId: target.targetId, flatten: true });
  const session = root.connection()!.session(sessionId)!;
  const log: WorkerLog = {
    errors: [],
    warnings: [],
    detach: async () => {
      await root.send('Target.detachFromTarget', { sessionId }).catch(() => undefined);
      await root.detach().catch(() => undefined);
    },
  };
  const text = (args: readonly { value?: unknown; description?: string }[]) =>
    args.map((a) => a.description ?? String(a.value)).join(' ');
  session.on('Runtime.consoleAPICalled', (e) => {
    if (e.type === 'error') log.errors.push(text(e.args));
    if (e.type === 'warning') log.warnings.push(text(e.args));
  });
  session.on('Runtime.exceptionThrown', (e) =>
    log.errors.push(e.exceptionDetails.exception?.description ?? e.exceptionDetails.text),
  );
  await session.send('Runtime.enable');
  return log;
}

const stopWorker = () => stopExtensionWorker(harness);

/** What the panel's recording-health notice says now (undefined parts are not shown). */
function healthNotice(panel: Frame) {
  return panel.evaluate(() => {
    const q = (id: string) => document.querySelector(`[data-testid="${id}"]`);
    return {
      dropped: q('dropped-notice')?.getAttribute('data-dropped') ?? undefined,
      droppedText: q('dropped-count')?.textContent ?? undefined,
      cap: q('dropped-cap')?.textContent ?? undefined,
      storage: q('storage-notice')?.textContent ?? undefined,
    };
  });
}

function panelStatus(panel: Frame): Promise<string> {
  return panel.$eval('[data-testid="panel-status"]', (el) => el.textContent?.trim() ?? '');
}

/** Fills a storage area from an extension page until less than `leaveBytes` is free; returns the filler size. */
async function fillStorage(area: 'session' | 'local', leaveBytes: number): Promise<number> {
  return inExtensionPage((p) =>
    p.evaluate(
      async (areaName, prefix, quota, leave) => {
        const storage = chrome.storage[areaName];
        let n = 0;
        let filled = 0;
        // Halving piece sizes: each piece that still fits stays, until only `leave` bytes or less are free.
        for (let size = 1024 * 1024; size >= leave; size = Math.floor(size / 2)) {
          for (;;) {
            try {
              await storage.set({ [`${prefix}${n}`]: 'f'.repeat(size) });
              n++;
              filled += size;
            } catch {
              break;
            }
          }
        }
        void quota;
        return filled;
      },
      area,
      FILLER_PREFIX,
      SESSION_QUOTA,
      leaveBytes,
    ),
  );
}

async function removeFiller(area: 'session' | 'local'): Promise<void> {
  await inExtensionPage((p) =>
    p.evaluate(
      async (areaName, prefix) => {
        const storage = chrome.storage[areaName];
        const keys = Object.keys(await storage.get(null)).filter((k) => k.startsWith(prefix));
        await storage.remove(keys);
      },
      area,
      FILLER_PREFIX,
    ),
  );
}

describe('Chrome: the panel says when the recording is incomplete', () => {
  it('past the per-tab cap, the panel shows exactly how many events were dropped', async () => {
    const cap = 300;
    const n = 800;
    await setCap(cap);
    const { page, panel } = await pageWithPanel(browser, extensionId);
    try {
      const logStart = server.requestLog.length;
      expect((await runBurst(page, server, n, 1000)).failed).toBe(0);
      // Every request the tab made that the server answered: the page and its pings (no cookies are set).
      const served = server.requestLog.slice(logStart).filter((r) => r.host.endsWith('burst.test'));
      expect(served.filter((r) => r.url.startsWith('/burst/ping'))).toHaveLength(n);
      // An event for each of them, and a navigation event before the page's own (recorder-store.ts).
      const navigations = served.filter((r) => r.url.startsWith('/burst/?')).length;
      expect(navigations).toBe(1);
      const expectedDropped = served.length + navigations - cap;
      let notice = await healthNotice(panel);
      await until('the dropped count to settle', 20_000, async () => {
        notice = await healthNotice(panel);
        return notice.dropped === String(expectedDropped);
      }).catch(() => undefined);
      expect(notice.dropped).toBe(String(expectedDropped));
      expect(notice.droppedText).toBe(expectedDropped.toLocaleString('en-US'));
      expect(notice.cap).toBe(String(cap));
      expect(notice.storage).toBeUndefined();
      // The panel still shows at least the newest `cap` requests, the last ping among them.
      const rows = await readPanelRows(panel);
      expect(rows.length).toBeGreaterThanOrEqual(cap);
      console.info(
        `cap ${cap}: ${served.length} requests served (${navigations} a navigation), panel shows ${expectedDropped} dropped, ${rows.length} rows`,
      );
    } finally {
      await page.close();
      await setCap(null);
    }
  });

  // Its own time limit: it reads the panel's thousand rows (a virtual list, scrolled page by page) three times over
  // and waits out a worker stop; on a 2-core machine that took 100 s of the default 120 (2026-12-04).
  it('with storage.session full: a visible notice, every request still shown, recording goes on, the newest survive a worker stop', async () => {
    const { page, panel } = await pageWithPanel(browser, extensionId);
    const worker = await watchWorker();
    const tabId = await inspectedTabId(panel);
    try {
      await clearCookies(page);
      // Room for the open chunk (JSON) and a few full ones (deflated, a few dozen bytes a request): a burst of a
      // thousand requests outgrows it.
      const filled = await fillStorage('session', 48 * 1024);
      expect(filled).toBeGreaterThan(SESSION_QUOTA / 2);
      const logStart = server.requestLog.length;
      await runScenario(page, server, findScenario('secure-lost-on-http'));
      expect((await runBurst(page, server, 1000, 1000)).failed).toBe(0);
      await page.goto(server.url('http', 'shop.test', '/after-storage-full'));
      const served = server.requestLog.slice(logStart).filter((r) => !r.url.startsWith('/favicon'));
      await until('the storage notice', 15_000, async () => (await healthNotice(panel)).storage !== undefined);
      expect((await healthNotice(panel)).storage).toMatch(/^Storage full/);
      // Every request is still shown, the last one included: the recording did not stop.
      await until(`${served.length} rows`, 20_000, async () => (await panelRowCount(panel)) >= served.length);
      let rows = await readPanelRows(panel);
      expect(rows).toHaveLength(served.length);
      expect(new URL(rows.at(-1)!.url).pathname).toBe('/after-storage-full');
      const lastSeq = Number(rows.at(-1)!.seq);
      expect(worker.errors).toEqual([]);
      expect(worker.warnings.some((w) => w.includes('storage.session is full'))).toBe(true);

      // What storage holds is an unbroken run ending with the newest event; the oldest were given up.
      // The mirror writes every 250 ms and asynchronously: wait until it has caught up with the panel's last row.
      let stored: ReturnType<typeof storedTabEvents> = [];
      await until('storage.session to hold the newest event', 20_000, async () => {
        const items = await inExtensionPage((p) => p.evaluate(() => chrome.storage.session.get(null)));
        stored = storedTabEvents(items, tabId);
        return stored.length > 0 && stored.at(-1)!.seq >= lastSeq;
      }).catch(() => undefined);
      expect(stored.length).toBeGreaterThan(0);
      expect(stored.at(-1)!.seq).toBeGreaterThanOrEqual(lastSeq);
      expect(stored[0]!.seq).toBeGreaterThan(0);
      expect(stored.map((e) => e.seq)).toEqual(stored.map((_, i) => stored[0]!.seq + i));

      // The worker stops: the panel reconnects, keeps what it has, and the notice stays.
      await worker.detach();
      await stopWorker();
      await until('the panel to reconnect', 45_000, async () => (await panelStatus(panel)) === 'Recording');
      const restarted = await watchWorker();
      try {
        await page.goto(server.url('http', 'shop.test', '/after-restart'));
        await until('the request after the restart', 20_000, async () => (await panelRowCount(panel)) > served.length);
        rows = await readPanelRows(panel);
        expect(rows).toHaveLength(served.length + 1);
        expect(new URL(rows.at(-1)!.url).pathname).toBe('/after-restart');
        expect(Number(rows.at(-1)!.seq)).toBeGreaterThan(stored.at(-1)!.seq);
        const notice = await healthNotice(panel);
        expect(notice.storage).toMatch(/^Storage full/);
        // The restarted background holds only the stored (newest) run; the evicted ones count as dropped.
        expect(Number(notice.dropped)).toBe(stored[0]!.seq);
        expect(restarted.errors).toEqual([]);
        console.info(
          `storage full (${filled} bytes of filler): ${served.length} requests shown, ${stored.length} newest events stored and back after a worker stop (seq ${stored[0]!.seq}–${stored.at(-1)!.seq})`,
        );
      } finally {
        await restarted.detach();
      }
    } finally {
      await removeFiller('session');
      await page.close();
    }
  }, 240_000);

  it('with storage.local full (it holds only the settings), recording and the panel go on without an error', async () => {
    const { page, panel } = await pageWithPanel(browser, extensionId);
    const worker = await watchWorker();
    try {
      const filled = await fillStorage('local', 1024);
      expect(filled).toBeGreaterThan(SESSION_QUOTA / 2);
      await page.goto(server.url('http', 'shop.test', '/local-full-1'));
      await page.goto(server.url('http', 'shop.test', '/local-full-2'));
      await until('both requests in the panel', 20_000, async () =>
        (await readPanelRows(panel)).some((r) => r.url.endsWith('/local-full-2')),
      );
      const paths = (await readPanelRows(panel)).map((r) => new URL(r.url).pathname);
      expect(paths.slice(-2)).toEqual(['/local-full-1', '/local-full-2']);
      expect(await healthNotice(panel)).toEqual({
        dropped: undefined,
        droppedText: undefined,
        cap: undefined,
        storage: undefined,
      });
      expect(worker.errors).toEqual([]);
    } finally {
      await worker.detach();
      await removeFiller('local');
      await page.close();
    }
  });
});
