// Files in and out of the Sessions panel as a user moves them: the panel's export buttons write real browser
// downloads (caught with the DevTools protocol's download events into a folder of the test's), its file input
// imports, and its findings and lanes views read back as plain data for comparison.
import { join } from 'node:path';
import type { Browser, ElementHandle, Frame } from 'puppeteer-core';
import { poll } from './devtools-panel.ts';

export interface Download {
  /** The file name the page asked for (`<a download>`), as saved. */
  readonly fileName: string;
  readonly path: string;
}

export interface DownloadCatcher {
  /** Runs `trigger` and resolves once the download it started has been written completely. */
  expectDownload(trigger: () => Promise<void>, timeoutMs?: number): Promise<Download>;
  close(): Promise<void>;
}

/**
 * Lets every download of the browser land in `dir` under the name the page gave it (CDP
 * `Browser.setDownloadBehavior` "allow" with events), so a test reads what a user's download would hold.
 */
export async function catchDownloads(browser: Browser, dir: string): Promise<DownloadCatcher> {
  const cdp = await browser.target().createCDPSession();
  await cdp.send('Browser.setDownloadBehavior', { behavior: 'allow', downloadPath: dir, eventsEnabled: true });
  const names = new Map<string, string>();
  const done = new Map<string, 'completed' | 'canceled'>();
  cdp.on('Browser.downloadWillBegin', (e) => names.set(e.guid, e.suggestedFilename));
  cdp.on('Browser.downloadProgress', (e) => {
    if (e.state === 'completed' || e.state === 'canceled') done.set(e.guid, e.state);
  });
  return {
    async expectDownload(trigger, timeoutMs = 15_000) {
      const before = new Set(names.keys());
      await trigger();
      const guid = await poll('a download to begin', timeoutMs, async () =>
        [...names.keys()].find((g) => !before.has(g)),
      );
      const state = await poll('the download to finish', timeoutMs, async () => done.get(guid));
      const fileName = names.get(guid)!;
      if (state !== 'completed') throw new Error(`download of ${fileName} was ${state}`);
      return { fileName, path: join(dir, fileName) };
    },
    async close() {
      await cdp.send('Browser.setDownloadBehavior', { behavior: 'default' }).catch(() => undefined);
      await cdp.detach().catch(() => undefined);
    },
  };
}

/** Clicks a panel control as a user would (a real mouse click, so the page gets a user activation). */
export async function clickInPanel(panel: Frame, selector: string): Promise<void> {
  const handle = await panel.waitForSelector(selector, { visible: true, timeout: 10_000 });
  if (!handle) throw new Error(`no ${selector} in the panel`);
  await handle.click();
  await handle.dispose();
}

export interface ImportResult {
  /** The imported trace's source tab id, when the panel opened the file. */
  readonly source?: string;
  /** The panel's import error text, when it refused the file. */
  readonly error?: string;
}

/**
 * Picks `path` in the panel's hidden import input and waits until the panel either opened a new source tab
 * (and shows it) or shows an import error.
 */
export async function importIntoPanel(panel: Frame, path: string, timeoutMs = 20_000): Promise<ImportResult> {
  const tabsBefore = await panel.$$eval('[data-testid="source-tab"]', (tabs) =>
    tabs.map((t) => t.getAttribute('data-source') ?? ''),
  );
  // A previous refusal's message stays until the next import; dismiss it so a new one can be told apart.
  await panel.$$eval('[data-testid="import-error"] button', (buttons) =>
    buttons.map((b) => {
      (b as HTMLElement).click();
      return true;
    }),
  );
  const input = (await panel.$('input[data-testid="import-input"]')) as ElementHandle<HTMLInputElement> | null;
  if (!input) throw new Error('the panel has no import input');
  await input.uploadFile(path);
  await input.dispose();
  return poll(`the panel to open or refuse ${path}`, timeoutMs, async () => {
    const error = await panel.$eval('[data-testid="import-error"] span', (el) => el.textContent ?? '').catch(() => '');
    if (error) return { error };
    const state = await panel.evaluate((before) => {
      const tabs = [...document.querySelectorAll('[data-testid="source-tab"]')].map(
        (t) => t.getAttribute('data-source') ?? '',
      );
      // The first import also brings in the "Live" tab.
      const added = tabs.find((t) => t !== 'live' && !before.includes(t));
      return { added, shown: document.querySelector('main')?.getAttribute('data-source') };
    }, tabsBefore);
    return state.added !== undefined && state.shown === state.added ? { source: state.added } : undefined;
  });
}

/** Shows a source tab (`live` or an imported trace's id) in the panel. */
export async function showSource(panel: Frame, source: string): Promise<void> {
  await panel.$eval(`[data-testid="source-tab"][data-source="${source}"] button`, (el) => (el as HTMLElement).click());
  await poll(`source ${source} shown`, 5_000, async () =>
    (await panel.$eval('main', (m) => m.getAttribute('data-source'))) === source ? true : undefined,
  );
}

/** One finding as the findings view shows it. */
export interface ShownFinding {
  readonly rule: string;
  readonly severity: string;
  readonly entry: number;
  /** The cookie named beside the entry link ('' when the finding names none). */
  readonly cookie: string;
}

/** Every finding the panel's findings view lists, in its order (severity, rule, then the engine's order). */
export async function readShownFindings(panel: Frame): Promise<ShownFinding[]> {
  await panel.$eval('[data-testid="tab-findings"]', (el) => (el as HTMLElement).click());
  await panel.waitForSelector('[data-testid="findings-view"], [data-testid="findings-empty"]', { timeout: 10_000 });
  return panel.$$eval('[data-testid="finding-group"]', (groups) =>
    groups.flatMap((g) =>
      [...g.querySelectorAll('[data-testid="finding-item"]')].map((item) => ({
        rule: g.getAttribute('data-rule') ?? '',
        severity: g.getAttribute('data-severity') ?? '',
        entry: Number(item.querySelector('[data-testid="finding-entry-link"]')?.getAttribute('data-entry')),
        cookie: item.querySelector(':scope > div > strong')?.textContent?.trim() ?? '',
      })),
    ),
  );
}

/** One lane as the lanes view draws it. */
export interface ShownLane {
  readonly origin: string;
  readonly cookie: string;
  /** The short IDs of its segments, left to right. */
  readonly ids: readonly string[];
  /** Its end markers and incidents: kind, entry, and the label without the ID or cookie it names. */
  readonly events: readonly { readonly kind: string; readonly entry: number; readonly label: string }[];
}

/** Every lane the panel's lanes view shows. */
export async function readShownLanes(panel: Frame): Promise<ShownLane[]> {
  await panel.$eval('[data-testid="tab-lanes"]', (el) => (el as HTMLElement).click());
  await panel.waitForSelector('[data-testid="lanes-view"], [data-testid="lanes-empty"]', { timeout: 10_000 });
  return panel.$$eval('[data-testid="lane"]', (lanes) =>
    lanes.map((lane) => ({
      origin: lane.getAttribute('data-origin') ?? '',
      cookie: lane.getAttribute('data-cookie') ?? '',
      ids: [...lane.querySelectorAll('[data-testid="lane-segment"]')].map((s) => s.getAttribute('data-id') ?? ''),
      events: [...lane.querySelectorAll('[data-testid="lane-event"]')].map((e) => ({
        kind: e.getAttribute('data-kind') ?? '',
        entry: Number(e.getAttribute('data-entry')),
        // What ended the ID, the same in every export (the visible text also names the ID, which an export hashes).
        label: e.getAttribute('data-label') ?? '',
      })),
    })),
  );
}

/** How many rows the panel's toolbar counts for the source in view. */
export async function shownRowCount(panel: Frame): Promise<number> {
  const text = await panel.$eval('[data-testid="row-count"]', (el) => el.textContent ?? '');
  return Number(/^(\d+)/.exec(text.trim())?.[1] ?? Number.NaN);
}
