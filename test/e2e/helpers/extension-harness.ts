// What the capture and hardening E2E files share: waiting for a condition, running code in one of the
// extension's own pages (storage, tabs and runtime ports are open to those), changing a setting in
// storage.local, and a browser whose extension service worker can be stopped and watched over CDP.
import type { Browser, CDPSession, Page, Target, WebWorker } from 'puppeteer-core';
import puppeteer from 'puppeteer-core';
import { CHROMIUM_ARGS, findChromium } from '../../../demo/chromium.ts';
import { DEFAULT_SETTINGS } from '../../../src/background/settings.ts';
import {
  type BackgroundMessage,
  type PanelMessage,
  type RecordingSettings,
  SETTINGS_KEYS,
} from '../../../src/protocol/messages.ts';

/** Polls `check` until it holds; throws naming `what` after `timeoutMs`. */
export async function until(
  what: string,
  timeoutMs: number,
  check: () => boolean | Promise<boolean>,
  everyMs = 100,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}

/** Runs `work` in a fresh extension page of `browser`, closed afterwards. */
export async function inExtensionPage<T>(
  browser: Browser,
  extensionId: string,
  work: (page: Page) => Promise<T>,
): Promise<T> {
  const probe = await browser.newPage();
  try {
    await probe.goto(`chrome-extension://${extensionId}/src/devtools/devtools.html`);
    return await work(probe);
  } finally {
    await probe.close();
  }
}

/**
 * Subscribes as a panel would, for `tabId` (or, without one, for the probe page's own tab, whose port closes with
 * it), and returns the first message of `type` the background answers with: the `snapshot` of the tab's recording,
 * or the `settings` in force, which follow it (a subscription makes the background read storage.local again first,
 * panel-hub.ts).
 */
export function panelAnswer<T extends 'snapshot' | 'settings'>(
  browser: Browser,
  extensionId: string,
  type: T,
  tabId?: number,
): Promise<Extract<BackgroundMessage, { type: T }>> {
  return inExtensionPage(browser, extensionId, (p) =>
    p.evaluate(
      (wanted, tab) =>
        new Promise<Extract<BackgroundMessage, { type: T }>>((done, fail) => {
          const own = tab === undefined ? chrome.tabs.getCurrent().then((t) => t?.id ?? 0) : Promise.resolve(tab);
          void own.then((id) => {
            const port = chrome.runtime.connect({ name: `panel:${id}` });
            port.onMessage.addListener((message: BackgroundMessage) => {
              if (message.type !== wanted) return;
              port.disconnect();
              done(message as Extract<BackgroundMessage, { type: T }>);
            });
            port.postMessage({ type: 'subscribe', since: -1 });
            setTimeout(() => fail(new Error(`no ${wanted} message within 10 s`)), 10_000);
          });
        }),
      type,
      tabId,
    ),
  );
}

/** The recording settings the background has in force, as a subscribing panel is told them. */
export function settingsInForce(browser: Browser, extensionId: string): Promise<RecordingSettings> {
  return panelAnswer(browser, extensionId, 'settings');
}

/**
 * Sets (or, with null, removes) the storage.local key of a setting no checkbox sets (the per-tab cap), and returns
 * once the background has it in force: storage.onChanged may come at once, or, for a worker just started, not at
 * all, so the background is asked (settingsInForce) until it answers with the value.
 */
export async function setLocal<K extends keyof RecordingSettings>(
  browser: Browser,
  extensionId: string,
  setting: K,
  value: RecordingSettings[K] | null,
): Promise<void> {
  await inExtensionPage(browser, extensionId, (p) =>
    p.evaluate(
      (k, v) => (v === null ? chrome.storage.local.remove(k) : chrome.storage.local.set({ [k]: v })),
      SETTINGS_KEYS[setting],
      value,
    ),
  );
  const expected = value ?? DEFAULT_SETTINGS[setting];
  await until(`the background to have ${setting} = ${expected} in force`, 10_000, async () =>
    Object.is((await settingsInForce(browser, extensionId))[setting], expected),
  );
}

/** The recording settings a panel's checkboxes set, and the message each sends. */
export type PanelSetting = 'recordFromStart' | 'preserveLog';
const SETTING_MESSAGE = { recordFromStart: 'setRecordFromStart', preserveLog: 'setPreserveLog' } as const;

/**
 * Sets a recording setting as the panel's checkbox does, and returns once the background has stored it. Not a
 * storage.local write of the test's own: such a write reaches the background only through storage.onChanged,
 * which Chrome drops now and then for a write made while the worker is just starting (a clean-clone CI run at
 * 914f478; 5 of 52 fresh launches here). The background applies what it wrote itself, right after storing it.
 */
export async function setPanelSetting(
  browser: Browser,
  extensionId: string,
  setting: PanelSetting,
  value: boolean,
): Promise<void> {
  await inExtensionPage(browser, extensionId, async (p) => {
    await p.evaluate(
      (message) => {
        // Held by the page until it closes. No subscription on this port: it makes no tab "panel opened".
        const port = chrome.runtime.connect({ name: 'panel:0' });
        (globalThis as Record<string, unknown>).settingPort = port;
        port.postMessage(message);
      },
      { type: SETTING_MESSAGE[setting], value } satisfies PanelMessage,
    );
    await until(`the background to store ${setting} = ${value} after the panel message`, 10_000, () =>
      p.evaluate(
        (key, wanted) => chrome.storage.local.get(key).then((items) => items[key] === wanted),
        SETTINGS_KEYS[setting],
        value,
      ),
    );
  });
}

/**
 * Turns on "record from start" (off by default): for tests of what the background records in tabs
 * that have no Sessions panel open. With `checkListeners`, returns once the background's capture listeners are
 * attached: a page loaded before the background applied the setting goes unrecorded. A browser whose worker the
 * test must not attach to (launchWithStoppableWorker) is checked by its caller through what the background does
 * (capture-restart: a probe tab's page is stored).
 */
export async function recordFromStart(
  browser: Browser,
  extensionId: string,
  options: { readonly checkListeners?: boolean } = {},
): Promise<void> {
  await setPanelSetting(browser, extensionId, 'recordFromStart', true);
  if (!options.checkListeners) return;
  // Each check asks the service worker running now: Chrome may have stopped and started it again since the test
  // found it.
  await until('the background to attach its capture listeners', 10_000, async () =>
    ((await runningCaptureListenerStates(browser)) ?? [false]).every(Boolean),
  );
}

/** captureListenerStates of the service worker running now; undefined while none runs or it cannot be asked. */
export async function runningCaptureListenerStates(browser: Browser): Promise<boolean[] | undefined> {
  const worker = await runningWorker(browser);
  return worker === undefined ? undefined : captureListenerStates(worker).catch(() => undefined);
}

/** Whether a target is the extension's service worker (the only extension loaded in these browsers). */
export function isExtensionWorker(target: Target): boolean {
  return target.type() === 'service_worker' && target.url().startsWith('chrome-extension://');
}

/** The extension's service worker as it runs now, if it does (Chrome may have stopped and started it since launch). */
async function runningWorker(browser: Browser): Promise<WebWorker | undefined> {
  return (await browser.targets().find(isExtensionWorker)?.worker()) ?? undefined;
}

const CAPTURE_EVENTS = [
  'onBeforeRequest',
  'onSendHeaders',
  'onHeadersReceived',
  'onBeforeRedirect',
  'onCompleted',
  'onErrorOccurred',
] as const;

/** The capture listeners the background attaches and detaches as a set: webRequest's events, then cookies'. */
export function captureListenerNames(): string[] {
  return [...CAPTURE_EVENTS.map((name) => `webRequest.${name}`), 'cookies.onChanged'];
}

/** Whether the background has a listener on each capture event, in captureListenerNames() order. */
export function captureListenerStates(worker: WebWorker): Promise<boolean[]> {
  return worker.evaluate(
    (names) => [
      ...names.map((name) => chrome.webRequest[name].hasListeners()),
      chrome.cookies.onChanged.hasListeners(),
    ],
    [...CAPTURE_EVENTS],
  );
}

export interface StoppableWorkerBrowser {
  readonly browser: Browser;
  readonly extensionId: string;
  /** A page's CDP session that speaks the ServiceWorker domain (the browser target does not have it). */
  readonly control: CDPSession;
  /** The extension's service worker version: its id and running status, kept current by CDP events. */
  readonly version: { id: string; status: string };
}

/**
 * Headless Chromium with the extension whose service worker puppeteer leaves alone: puppeteer holds every new
 * worker until it has attached, and a restarted extension worker sometimes stayed "starting" that way.
 * Filtered out, it restarts as it would for a user.
 */
export async function launchWithStoppableWorker(extensionDir: string): Promise<StoppableWorkerBrowser> {
  const browser = await puppeteer.launch({
    executablePath: findChromium(),
    headless: true,
    devtools: true,
    enableExtensions: true,
    acceptInsecureCerts: true,
    args: [...CHROMIUM_ARGS],
    targetFilter: (target) => target.type() !== 'service_worker',
  });
  const extensionId = await browser.installExtension(extensionDir);
  const page = await browser.newPage();
  const control = await page.createCDPSession();
  const version = { id: '', status: '' };
  control.on('ServiceWorker.workerVersionUpdated', (e) => {
    for (const v of e.versions) {
      if (!v.scriptURL.startsWith(`chrome-extension://${extensionId}/`)) continue;
      version.id = v.versionId;
      version.status = v.runningStatus;
    }
  });
  await control.send('ServiceWorker.enable');
  await until('the worker version', 10_000, () => version.id !== '');
  return { browser, extensionId, control, version };
}

/** Stops the extension's service worker the way DevTools' "Stop" does, and waits until it is down. */
export async function stopWorker({ control, version }: StoppableWorkerBrowser): Promise<void> {
  // A worker still starting (woken by the last stop's queued events) is let start, then stopped.
  await until('the worker to run', 10_000, () => version.status === 'running' || version.status === 'stopped');
  let sentAt = 0;
  await until('the worker to stop', 10_000, async () => {
    if (version.status === 'stopped') return true;
    if (Date.now() - sentAt > 2000) {
      sentAt = Date.now();
      await control.send('ServiceWorker.stopWorker', { versionId: version.id });
    }
    return false;
  });
}
