// Drives the built extension in Chromium for the E2E tests and `npm run demo`: finds the extension's
// id and service worker, opens the real DevTools window's "Sessions" panel (recipe in TESTING.md) and
// reads what the panel shows as plain data.
import type { Browser, Frame, Page, WebWorker } from 'puppeteer-core';
import type { RecordedEvent } from '../../../src/protocol/messages.ts';
import { isExtensionWorker } from './extension-harness.ts';

export const PANEL_TITLE = 'Sessions';
export const PANEL_PATH = '/src/panel/panel.html';

/** Calls `attempt` until it gives a value (errors count as none yet), or throws after `timeoutMs`, naming `what`. */
export async function poll<T>(what: string, timeoutMs: number, attempt: () => Promise<T | undefined>): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    const value = await attempt().catch((error: unknown) => {
      lastError = error;
      return undefined;
    });
    if (value !== undefined) return value;
    if (Date.now() > deadline)
      throw new Error(
        `timed out after ${timeoutMs} ms waiting for ${what}${lastError ? ` (last error: ${String(lastError)})` : ''}`,
      );
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/** The extension's service worker (a `service_worker` target at chrome-extension://ID/). */
export async function extensionWorker(browser: Browser): Promise<{ id: string; worker: WebWorker }> {
  const target = await browser.waitForTarget(isExtensionWorker, { timeout: 15_000 });
  const worker = await target.worker();
  if (!worker) throw new Error('the extension service worker target has no worker');
  return { id: new URL(target.url()).host, worker };
}

function isPageDevTools(url: string): boolean {
  // A page made by browser.newPage() gets a DevTools window whose URL carries `hasOtherClients`.
  return url.startsWith('devtools://devtools/bundled/devtools_app.html') && url.includes('hasOtherClients');
}

/**
 * Opens the Sessions panel in a DevTools window and returns the panel's frame. `showPanel` is retried
 * because the first calls come before `devtools.panels.create` has finished.
 */
export async function openSessionsPanel(devtools: Page, extensionId: string, timeoutMs = 30_000): Promise<Frame> {
  const panelUrl = `chrome-extension://${extensionId}${PANEL_PATH}`;
  const panelId = `chrome-extension://${extensionId}${PANEL_TITLE.replaceAll(' ', '')}`;
  const frame = await poll('the Sessions panel frame', timeoutMs, async () => {
    const found = devtools.frames().find((f) => f.url().startsWith(panelUrl));
    if (found) return found;
    await devtools.evaluate((id) => {
      (globalThis as unknown as { DevToolsAPI?: { showPanel(id: string): void } }).DevToolsAPI?.showPanel(id);
    }, panelId);
    return undefined;
  });
  await frame.waitForSelector('[data-testid="panel-status"]', { timeout: timeoutMs });
  return frame;
}

/** A new page and its own DevTools window (launched with devtools: true) showing the Sessions panel. */
export async function pageWithPanel(
  browser: Browser,
  extensionId: string,
): Promise<{ page: Page; devtools: Page; panel: Frame }> {
  const before = new Set(browser.targets().filter((t) => isPageDevTools(t.url())));
  const page = await browser.newPage();
  const target = await browser.waitForTarget((t) => isPageDevTools(t.url()) && !before.has(t), { timeout: 30_000 });
  const devtools = await target.asPage();
  const panel = await openSessionsPanel(devtools, extensionId);
  // In front, as the window a user reads is: one behind another is hidden and paints nothing (see screenshotPanel).
  await devtools.bringToFront();
  return { page, devtools, panel };
}

export interface PanelCookie {
  readonly name: string;
  /** The whole text of the cookie's cell item, as the user reads it. */
  readonly text: string;
}

export interface PanelRow {
  /** The row's sequence number (live) or entry index (imported), as the panel labels it. */
  readonly seq?: string;
  readonly entry?: string;
  readonly method: string;
  readonly url: string;
  readonly status: string;
  readonly sent: readonly PanelCookie[];
  readonly set: readonly PanelCookie[];
  /** Cookies the engine says were not sent, with the reason shown. */
  readonly notSent: readonly { readonly name: string; readonly reason: string }[];
  /** Rule IDs of the findings shown on the row. */
  readonly findings: readonly string[];
  /** Session events marked on the row (`sid set`, `sid rotated`, `sid reset: not-sent` …). */
  readonly markers?: readonly string[];
}

/**
 * The rows the timeline has in the DOM now (it is windowed: only rows in view and a few around). The page
 * function has no named inner functions on purpose: tsx/esbuild would wrap them in a `__name` helper the
 * page lacks.
 */
function renderedPanelRows(frame: Frame | Page): Promise<PanelRow[]> {
  return frame.$$eval('[data-testid="request-row"]', (rows) =>
    rows.map((row) => ({
      seq: row.getAttribute('data-seq') ?? '',
      entry: row.getAttribute('data-entry') ?? '',
      method: row.querySelector('[data-testid="row-method"]')?.textContent?.trim() ?? '',
      url: row.querySelector('[data-testid="row-url"]')?.getAttribute('title') ?? '',
      status: row.querySelector('[data-testid="row-status"]')?.textContent?.trim() ?? '',
      sent: [...row.querySelectorAll('[data-testid="cookie-sent"]')].map((item) => ({
        name: item.getAttribute('data-cookie-name') ?? '',
        text: item.textContent?.trim() ?? '',
      })),
      set: [...row.querySelectorAll('[data-testid="cookie-set"]')].map((item) => ({
        name: item.getAttribute('data-cookie-name') ?? '',
        text: item.textContent?.trim() ?? '',
      })),
      notSent: [...row.querySelectorAll('[data-testid="cookie-not-sent"]')].map((item) => ({
        name: item.getAttribute('data-cookie-name') ?? '',
        reason: item.querySelector('[data-testid="not-sent-reason"]')?.textContent?.trim() ?? '',
      })),
      findings: [...row.querySelectorAll('[data-testid="finding"]')].map(
        (item) => item.getAttribute('data-rule') ?? '',
      ),
      markers: [...row.querySelectorAll('[data-testid="marker"]')].map((item) => item.textContent?.trim() ?? ''),
    })),
  );
}

const SCROLLER = '[data-testid="timeline-scroller"]';

/**
 * How many requests the timeline holds, as the toolbar says ("N requests"). Cheap to poll, where reading every
 * row of a long timeline (below) scrolls it page by page: wait on this, then read the rows once.
 */
export async function panelRowCount(frame: Frame | Page): Promise<number> {
  const text = await frame.$eval('[data-testid="row-count"]', (el) => el.textContent ?? '').catch(() => '');
  const count = /^(\d+) requests/.exec(text.trim());
  return count ? Number(count[1]) : 0;
}

/**
 * Every request row of the timeline as the panel shows it (text read from the DOM). The timeline is
 * windowed, so when it is taller than its viewport this scrolls it page by page, as a user would, collects
 * the rows by sequence number, and scrolls back to where it was (the bottom keeps following new rows).
 */
export async function readPanelRows(frame: Frame | Page): Promise<PanelRow[]> {
  const size = await frame
    .$eval(SCROLLER, (el) => ({ top: el.scrollTop, height: el.scrollHeight, view: el.clientHeight }))
    .catch(() => undefined);
  if (!size || size.height <= size.view) return renderedPanelRows(frame);
  const bySeq = new Map<string, PanelRow>();
  const wasAtBottom = size.top + size.view >= size.height - 4;
  for (let top = 0; top < size.height; top += Math.max(1, size.view - 22)) {
    await frame.$eval(
      SCROLLER,
      async (el, y) => {
        el.scrollTop = y;
        // Fire the scroll handler now: a page in a background tab (the Firefox panel page) may not
        // deliver the browser's own scroll event until its next, throttled, refresh.
        el.dispatchEvent(new Event('scroll'));
        // The handler sets the window's offset as state; Preact renders it in a microtask (its default
        // debounce is a resolved promise), so a few microtask turns see the new window in the DOM. No timer:
        // a background page's timers are throttled to a second or more.
        for (let turn = 0; turn < 4; turn++) await Promise.resolve();
      },
      top,
    );
    for (const row of await renderedPanelRows(frame)) bySeq.set(row.seq ?? row.url, row);
  }
  await frame.$eval(
    SCROLLER,
    (el, y) => {
      el.scrollTop = y;
    },
    wasAtBottom ? size.height * 2 : size.top,
  );
  return [...bySeq.values()].sort((a, b) => Number(a.seq) - Number(b.seq));
}

/**
 * Saves a picture of the panel's `main` for whoever reads the run (test-output/). The panel's window is brought
 * to the front first: DevTools windows behind another (a second page's, the inspected page's) are hidden
 * (document.visibilityState), paint no frame, and a capture then waits for one forever. That hung two CI runs'
 * tests to their timeout, old panel code and new alike; a panel that still paints nothing says so here.
 */
export async function screenshotPanel(panel: Frame | Page, path: string): Promise<void> {
  await ('bringToFront' in panel ? panel : panel.page()).bringToFront();
  await panel.evaluate(
    () =>
      new Promise<void>((painted, failed) => {
        const timer = setTimeout(
          () => failed(new Error(`the panel painted no frame in 10 s (visibilityState ${document.visibilityState})`)),
          10_000,
        );
        requestAnimationFrame(() =>
          requestAnimationFrame(() => {
            clearTimeout(timer);
            painted();
          }),
        );
      }),
  );
  const main = await panel.$('main');
  await main?.screenshot({ path });
}

/** Waits until the panel shows a row whose URL satisfies `match` (the stream is asynchronous). */
export async function waitForRow(
  frame: Frame | Page,
  match: (row: PanelRow) => boolean,
  timeoutMs = 10_000,
): Promise<PanelRow[]> {
  return poll('a matching panel row', timeoutMs, async () => {
    const rows = await readPanelRows(frame);
    return rows.some(match) ? rows : undefined;
  });
}

/** The tab id DevTools inspects, as the panel sees it. */
export function inspectedTabId(frame: Frame): Promise<number> {
  return frame.evaluate(() => chrome.devtools.inspectedWindow.tabId);
}

/**
 * The events the background recorded for a tab, read from its storage.session mirror: the legacy single
 * `tab:<id>` list or the `tab:<id>:chunk:<n>` chunks (arrays or JSON strings), in sequence order. The mirror is
 * written behind the recording (every 250 ms): read until it holds at least `entries` requests (those the panel
 * shows), rather than after a fixed pause.
 */
export function recordedEvents(worker: WebWorker, tabId: number, entries: number): Promise<RecordedEvent[]> {
  return poll(`${entries} requests in the background's storage.session mirror`, 10_000, async () => {
    const events = await mirroredEvents(worker, tabId);
    const stored = events.filter((e) => e.event.kind === 'entry').length;
    return stored >= entries ? events : undefined;
  });
}

function mirroredEvents(worker: WebWorker, tabId: number): Promise<RecordedEvent[]> {
  return worker.evaluate(async (id) => {
    const items = (await chrome.storage.session.get(null)) as Record<string, unknown>;
    const legacy = items[`tab:${id}`] as { events?: RecordedEvent[] } | undefined;
    if (legacy?.events) return legacy.events;
    const chunkKey = new RegExp(`^tab:${id}:chunk:(\\d+)$`);
    const chunks = Object.entries(items)
      .map(([key, value]) => ({ n: Number(chunkKey.exec(key)?.[1] ?? Number.NaN), value }))
      .filter((c) => !Number.isNaN(c.n))
      .sort((a, b) => a.n - b.n);
    const bySeq = new Map<number, RecordedEvent>();
    for (const c of chunks) {
      const list = (typeof c.value === 'string' ? JSON.parse(c.value) : c.value) as RecordedEvent[];
      for (const e of list) bySeq.set(e.seq, e);
    }
    return [...bySeq.values()].sort((a, b) => a.seq - b.seq);
  }, tabId);
}
