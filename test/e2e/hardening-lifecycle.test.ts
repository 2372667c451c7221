// The recording through the life of a tab and of the browser, in the built Chrome extension, checked
// against what docs/SECURITY.md ("Recording settings", "What it keeps") promises: a panel closed and
// opened again shows the whole recording (and, with record-from-start off, nothing from while no panel
// was open); a top-level navigation keeps or clears the log as "Preserve log" says; a closed tab's
// buffers leave storage.session; after a browser restart with session restore the restored tab starts
// a clean recording, with nothing stale from before the restart.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Frame, Page } from 'puppeteer-core';
import puppeteer from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM_ARGS, findChromium } from '../../demo/chromium.ts';
import type { DemoServer } from '../../demo/server.ts';
import { DIAGNOSTICS_KEY } from '../../src/background/diagnostics.ts';
import { SETTINGS_KEYS } from '../../src/protocol/messages.ts';
import { extensionWorker, inspectedTabId, PANEL_PATH, pageWithPanel, readPanelRows } from './helpers/devtools-panel.ts';
import {
  inExtensionPage as inExtensionPageOf,
  panelAnswer,
  recordFromStart,
  runningCaptureListenerStates,
  setPanelSetting,
  until,
} from './helpers/extension-harness.ts';
import { CHROME_EXTENSION_DIR, type ExtensionSession, launchWithExtension } from './helpers/launch.ts';

let session: ExtensionSession;
let server: DemoServer;
let browser: Browser;
let extensionId: string;

beforeAll(async () => {
  session = await launchWithExtension();
  ({ server, browser, extensionId } = session);
  // Most of these tests are about what happens while no panel is open; the test of the setting turned
  // off turns it off itself.
  await recordFromStart(browser, extensionId, { checkListeners: true });
});

afterAll(async () => {
  await session?.close();
});

/** Runs code in an extension page of `on` (storage, tabs and runtime ports are open to it). */
const inExtensionPage = <T>(work: (page: Page) => Promise<T>, on: Browser = browser, id = extensionId) =>
  inExtensionPageOf(on, id, work);

/** Subscribes as a fresh panel would and returns the background's snapshot for the tab. */
function snapshotOf(tabId: number, on: Browser = browser, id = extensionId) {
  return panelAnswer(on, id, 'snapshot', tabId);
}

function storageSessionKeys(on: Browser = browser, id = extensionId): Promise<string[]> {
  return inExtensionPage((p) => p.evaluate(async () => Object.keys(await chrome.storage.session.get(null))), on, id);
}

/** The paths of the rows a panel shows, in order. */
async function rowPaths(panel: Frame | Page): Promise<string[]> {
  return (await readPanelRows(panel)).map((r) => new URL(r.url).pathname);
}

async function waitForPaths(panel: Frame | Page, expected: readonly string[]): Promise<void> {
  let seen: string[] = [];
  await until(`the panel to show ${expected.join(', ')}`, 20_000, async () => {
    seen = await rowPaths(panel);
    return seen.join(' ') === expected.join(' ');
  }).catch(() => undefined);
  expect(seen).toEqual(expected);
}

/** The same panel page as in DevTools, opened as a tab for the inspected tab (main.tsx reads `?tabId`). */
async function reopenPanel(tabId: number): Promise<Page> {
  const panel = await browser.newPage();
  await panel.goto(`chrome-extension://${extensionId}${PANEL_PATH}?tabId=${tabId}`);
  await panel.waitForSelector('[data-testid="panel-status"]');
  return panel;
}

const visit = (page: Page, path: string) => page.goto(server.url('http', 'shop.test', path));

describe('Chrome: the recording across panels, navigations, closed tabs and restarts', () => {
  it('a panel closed and opened again shows the whole recording, what happened without a panel included', async () => {
    const { page, devtools, panel } = await pageWithPanel(browser, extensionId);
    const tabId = await inspectedTabId(panel);
    await visit(page, '/with-panel');
    await waitForPaths(panel, ['/with-panel']);
    await devtools.close(); // DevTools closed: the panel's port goes
    await new Promise((r) => setTimeout(r, 500)); // the port's disconnect reaches the background
    await visit(page, '/without-panel');
    const reopened = await reopenPanel(tabId);
    // Record from start (the default): the tab was recorded all along.
    await waitForPaths(reopened, ['/with-panel', '/without-panel']);
    await visit(page, '/after-reopen');
    await waitForPaths(reopened, ['/with-panel', '/without-panel', '/after-reopen']);
    await reopened.close();
    await page.close();
  });

  it('with record-from-start ticked off in the panel, nothing is recorded while no panel is open; what was recorded stays', async () => {
    try {
      const { page, devtools, panel } = await pageWithPanel(browser, extensionId);
      const tabId = await inspectedTabId(panel);
      // The checkbox shows the background's setting (turned on in beforeAll) and turns it off.
      const box = '[data-testid="record-from-start"]';
      await until('Record from start shown on', 10_000, () =>
        panel.$eval(box, (el) => (el as HTMLInputElement).checked),
      );
      await panel.click(box);
      await until(
        'Record from start off',
        10_000,
        async () => !(await panel.$eval(box, (el) => (el as HTMLInputElement).checked)),
      );
      const stored = await inExtensionPage((p) =>
        p.evaluate((key) => chrome.storage.local.get(key), SETTINGS_KEYS.recordFromStart),
      );
      expect(stored[SETTINGS_KEYS.recordFromStart]).toBe(false);
      await visit(page, '/seen-by-panel');
      await waitForPaths(panel, ['/seen-by-panel']);
      await devtools.close();
      // The last panel gone and record-from-start off: the background detaches its capture listeners.
      await until('the background to detach its capture listeners', 10_000, async () =>
        ((await runningCaptureListenerStates(browser)) ?? [true]).every((attached) => !attached),
      );
      await visit(page, '/no-panel-open');
      const reopened = await reopenPanel(tabId);
      await waitForPaths(reopened, ['/seen-by-panel']);
      await visit(page, '/panel-open-again');
      await waitForPaths(reopened, ['/seen-by-panel', '/panel-open-again']);
      await reopened.close();
      await page.close();
    } finally {
      await recordFromStart(browser, extensionId);
    }
  });

  it('"Preserve log" ticked off in the panel: the next top-level navigation starts a fresh log; ticked on keeps pages', async () => {
    const { page, panel } = await pageWithPanel(browser, extensionId);
    try {
      await visit(page, '/nav-1');
      await waitForPaths(panel, ['/nav-1']);
      const box = '[data-testid="preserve-log"]';
      expect(await panel.$eval(box, (el) => (el as HTMLInputElement).checked)).toBe(true);
      // The box shows the background's answer, sent once it records by the new setting (App.tsx, SettingBox).
      await panel.click(box);
      await until(
        'Preserve log off',
        10_000,
        async () => !(await panel.$eval(box, (el) => (el as HTMLInputElement).checked)),
      );
      await visit(page, '/nav-2');
      await waitForPaths(panel, ['/nav-2']);
      await panel.click(box);
      await until('Preserve log on', 10_000, () => panel.$eval(box, (el) => (el as HTMLInputElement).checked));
      await visit(page, '/nav-3');
      await waitForPaths(panel, ['/nav-2', '/nav-3']);
    } finally {
      await setPanelSetting(browser, extensionId, 'preserveLog', true);
      await page.close();
    }
  });

  it('closing a tab frees its stored buffers; the background then serves nothing for it', async () => {
    const page = await browser.newPage();
    await visit(page, '/tab-to-close');
    const tabs = await inExtensionPage((p) => p.evaluate(() => chrome.tabs.query({})));
    const tabId = tabs.find((t) => t.url?.endsWith('/tab-to-close'))!.id!;
    await until('the tab to be stored', 10_000, async () => (await storageSessionKeys()).includes(`tab:${tabId}:meta`));
    expect((await snapshotOf(tabId)).events.length).toBeGreaterThan(0);
    await page.close();
    await until('its keys to go', 10_000, async () =>
      (await storageSessionKeys()).every((k) => !k.startsWith(`tab:${tabId}:`)),
    );
    expect((await snapshotOf(tabId)).events).toEqual([]);
    expect(await storageSessionKeys()).not.toContain(DIAGNOSTICS_KEY);
  });

  it('after a browser restart with session restore, the restored tab starts a clean recording', async () => {
    const profile = mkdtempSync(join(tmpdir(), 'sessionscope-restore-'));
    const launch = () =>
      puppeteer.launch({
        executablePath: findChromium(),
        headless: true,
        enableExtensions: true,
        acceptInsecureCerts: true,
        userDataDir: profile,
        args: [
          ...CHROMIUM_ARGS,
          `--disable-extensions-except=${CHROME_EXTENSION_DIR}`,
          `--load-extension=${CHROME_EXTENSION_DIR}`,
          '--restore-last-session',
        ],
      });
    let first: Browser | undefined;
    let second: Browser | undefined;
    try {
      first = await launch();
      const { id } = await extensionWorker(first);
      await recordFromStart(first, id, { checkListeners: true });
      const page = await first.newPage();
      await page.goto(server.url('http', 'shop.test', '/before-restart-1'));
      await page.goto(server.url('http', 'shop.test', '/before-restart-2'));
      await until('the recording to be stored', 10_000, async () =>
        (await storageSessionKeys(first, id)).some((k) => /^tab:\d+:chunk:/.test(k)),
      );
      const oldTabId = (await inExtensionPage((p) => p.evaluate(() => chrome.tabs.query({})), first, id)).find((t) =>
        t.url?.endsWith('/before-restart-2'),
      )!.id!;
      await new Promise((r) => setTimeout(r, 1500)); // let Chrome save its session
      await first.close();
      first = undefined;

      const logStart = server.requestLog.length;
      second = await launch();
      expect((await extensionWorker(second)).id).toBe(id);
      let restored: { id?: number; url?: string } | undefined;
      await until('the tab to be restored', 20_000, async () => {
        const tabs = await inExtensionPage((p) => p.evaluate(() => chrome.tabs.query({})), second, id);
        restored = tabs.find((t) => t.url?.endsWith('/before-restart-2'));
        return restored !== undefined;
      });
      const tabId = restored!.id!;
      const restoredLoads = server.requestLog.slice(logStart).filter((r) => r.url === '/before-restart-2').length;
      expect(restoredLoads).toBeGreaterThan(0);
      // Chrome restores the tab while it is still starting the extension's worker, so that first load
      // may go unseen (observed: it does). Whatever the tab holds, it is nothing from before the restart.
      const atRestore = await snapshotOf(tabId, second, id);
      const pathsOf = (events: typeof atRestore.events) =>
        events.flatMap((e) => (e.event.kind === 'entry' ? [new URL(e.event.entry.request.url).pathname] : []));
      expect(pathsOf(atRestore.events).every((p) => p === '/before-restart-2')).toBe(true);
      expect(pathsOf(atRestore.events).length).toBeLessThanOrEqual(restoredLoads);
      // A reload is recorded, in a recording that starts clean at sequence number 0.
      const page2 = (await second.pages()).find((p) => p.url().endsWith('/before-restart-2'))!;
      await page2.goto(server.url('http', 'shop.test', '/after-restart'));
      await until('the new load to be recorded', 20_000, async () =>
        pathsOf((await snapshotOf(tabId, second, id)).events).includes('/after-restart'),
      );
      const snapshot = await snapshotOf(tabId, second, id);
      const paths = pathsOf(snapshot.events);
      // What the tab held at the restore, then (under load) the restored load's events that reached the background
      // only after that snapshot, then the reload: never anything from before the restart.
      // (Compared request by request: the events also hold each top-level load's navigation.)
      const heldAtRestore = pathsOf(atRestore.events);
      expect(paths.slice(0, heldAtRestore.length)).toEqual(heldAtRestore);
      expect(paths.at(-1)).toBe('/after-restart');
      expect(paths.slice(0, -1).every((p) => p === '/before-restart-2')).toBe(true);
      expect(paths.length - 1).toBeLessThanOrEqual(restoredLoads);
      expect(snapshot.events[0]!.seq).toBe(0);
      expect(snapshot.events.map((e) => e.seq)).toEqual(snapshot.events.map((_, i) => i));
      expect(snapshot.droppedCount).toBe(0);
      expect(snapshot.storageDegraded).toBe(false);
      // Nothing of the first browser's tabs is left (storage.session lives in memory only).
      // Read in one go: the probe page doing the reading is a tab too.
      const { keys, open } = await inExtensionPage(
        (p) =>
          p.evaluate(async () => ({
            keys: Object.keys(await chrome.storage.session.get(null)),
            open: (await chrome.tabs.query({})).map((t) => t.id),
          })),
        second,
        id,
      );
      expect(keys.filter((k) => k.startsWith('tab:') && !open.includes(Number(k.split(':')[1])))).toEqual([]);
      expect(keys).not.toContain(DIAGNOSTICS_KEY);
      console.info(
        `restart with session restore: tab ${oldTabId} restored as tab ${tabId}; its restored load recorded: ${heldAtRestore.length > 0}`,
      );
    } finally {
      await first?.close();
      await second?.close();
      rmSync(profile, { recursive: true, force: true });
    }
  });
});
