// The recording settings in the built Chrome extension: without "Preserve log" a top-level navigation
// starts a fresh log (panels are told to reset); with "record from start" off a tab is recorded only
// once a panel subscribes for it. The panel's side of the protocol runs in an extension page.
import type { Browser, Page, WebWorker } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DemoServer } from '../../demo/server.ts';
import { analyzeTrace } from '../../src/core/analysis/analyze.ts';
import { exportHar } from '../../src/core/formats/harExport.ts';
import { parseHar } from '../../src/core/har/har.ts';
import type { Trace, TraceEvent } from '../../src/core/trace/types.ts';
import type { BackgroundMessage } from '../../src/protocol/messages.ts';
import {
  captureListenerNames,
  captureListenerStates,
  type PanelSetting,
  recordFromStart,
  setPanelSetting,
  until,
} from './helpers/extension-harness.ts';
import { type ExtensionSession, launchWithExtension } from './helpers/launch.ts';

let session: ExtensionSession;
let server: DemoServer;
let browser: Browser;
let extensionId: string;
let worker: WebWorker;
/** An extension page acting as a panel: it keeps ports open and logs what they receive. */
let panelPage: Page;

beforeAll(async () => {
  session = await launchWithExtension({ devtools: false });
  ({ server, browser, extensionId, worker } = session);
  panelPage = await browser.newPage();
  await panelPage.goto(`chrome-extension://${extensionId}/src/devtools/devtools.html`);
  // These tests record tabs before a panel subscribes (the setting is off by default). Ticked through the panel's
  // message, not written to storage here: the worker has just started, when Chrome may drop storage.onChanged.
  await recordFromStart(browser, extensionId, { checkListeners: true });
});

afterAll(async () => {
  await session?.close();
});

/** Sets a recording setting as the panel's checkbox does; returns once the background has stored it. */
const setSetting = (setting: PanelSetting, value: boolean) => setPanelSetting(browser, extensionId, setting, value);

async function tabIdOf(page: Page): Promise<number> {
  const url = page.url();
  const tabs = await panelPage.evaluate(() => chrome.tabs.query({}));
  return Math.max(...tabs.flatMap((t) => (t.url === url && t.id !== undefined ? [t.id] : [])));
}

/** Subscribes a port for the tab; returns a reader of every message received so far. */
async function subscribe(tabId: number): Promise<() => Promise<BackgroundMessage[]>> {
  const name = `log${tabId}`;
  await panelPage.evaluate(
    (id, logName) => {
      const log: BackgroundMessage[] = [];
      (window as unknown as Record<string, unknown>)[logName] = log;
      const port = chrome.runtime.connect({ name: `panel:${id}` });
      (window as unknown as Record<string, unknown>)[`port${id}`] = port;
      port.onMessage.addListener((m: BackgroundMessage) => void log.push(m));
      port.postMessage({ type: 'subscribe', since: -1 });
    },
    tabId,
    name,
  );
  return () =>
    panelPage.evaluate((logName) => (window as unknown as Record<string, BackgroundMessage[]>)[logName]!, name);
}

/** Closes the subscription's port, as a closing panel does. */
async function unsubscribe(tabId: number): Promise<void> {
  await panelPage.evaluate((id) => {
    const ports = window as unknown as Record<string, chrome.runtime.Port>;
    ports[`port${id}`]?.disconnect();
  }, tabId);
}

const ALL_ATTACHED = captureListenerNames().map(() => true);

function listenerStates(): Promise<boolean[]> {
  return captureListenerStates(worker);
}

/** True when any capture listener is attached (they come and go as a set). */
async function capturing(): Promise<boolean> {
  return (await listenerStates()).some(Boolean);
}

/** The events the messages delivered, in order, from the last reset on. */
function recordedEvents(messages: readonly BackgroundMessage[]): TraceEvent[] {
  const events: TraceEvent[] = [];
  for (const m of messages) {
    if (m.type !== 'snapshot' && m.type !== 'events') continue;
    if (m.type === 'snapshot' && m.reset) events.length = 0;
    for (const e of m.events) events.push(e.event);
  }
  return events;
}

function entryUrls(messages: readonly BackgroundMessage[]): string[] {
  return recordedEvents(messages).flatMap((e) => (e.kind === 'entry' ? [new URL(e.entry.request.url).pathname] : []));
}

describe('Chrome: recording settings', () => {
  it('without Preserve log, a top-level navigation clears the log and resets the panel', async () => {
    await setSetting('preserveLog', false);
    try {
      const page = await browser.newPage();
      await page.goto(server.url('http', 'shop.test', '/first-page'));
      const read = await subscribe(await tabIdOf(page));
      await until('the first page', 15_000, async () => entryUrls(await read()).includes('/first-page'));
      await page.goto(server.url('http', 'shop.test', '/second-page'));
      await until('the second page', 15_000, async () => entryUrls(await read()).includes('/second-page'));
      const messages = await read();
      expect(messages.some((m) => m.type === 'settings' && m.preserveLog === false)).toBe(true);
      expect(messages.some((m) => m.type === 'snapshot' && m.reset === true)).toBe(true);
      expect(entryUrls(messages)).toEqual(['/second-page']);
      await page.close();
    } finally {
      await setSetting('preserveLog', true);
    }
  });

  it('with Preserve log (the default), both pages stay', async () => {
    const page = await browser.newPage();
    await page.goto(server.url('http', 'shop.test', '/kept-1'));
    await page.goto(server.url('http', 'shop.test', '/kept-2'));
    const read = await subscribe(await tabIdOf(page));
    await until('both pages', 15_000, async () => entryUrls(await read()).length >= 2);
    expect(entryUrls(await read())).toEqual(['/kept-1', '/kept-2']);
    await page.close();
  });

  it('a second site the tab navigates to over http:// is a page inspected: its session is no third party’s, live or exported', async () => {
    // Every request of a tab has one pageRef, and http:// carries no Sec-Fetch-Dest: only the navigation the
    // recorder notes with each top-level document tells the analysis that shop.test was a page of the tab too.
    const page = await browser.newPage();
    try {
      await page.goto(server.url('http', 'blog.test', '/'));
      await page.goto(server.url('http', 'shop.test', '/insecure/plain'));
      const read = await subscribe(await tabIdOf(page));
      await until('both pages', 15_000, async () => entryUrls(await read()).includes('/insecure/plain'));
      const events = recordedEvents(await read());
      const navigations = events.flatMap((e) => (e.kind === 'navigation' ? [new URL(e.url).host] : []));
      expect(navigations.map((host) => host.replace(/:\d+$/, ''))).toEqual(['blog.test', 'shop.test']);
      const trace: Trace = {
        source: { format: 'live' },
        events,
        entryCount: events.filter((e) => e.kind === 'entry').length,
      };
      const live = analyzeTrace(trace);
      expect(live.sessions.find((s) => s.cookie === 'PHPSESSID')).toMatchObject({ thirdParty: false });
      // The HAR export writes a page per navigation, so the CLI reading it inspects the same sites.
      const reread = analyzeTrace(parseHar(exportHar(trace, live, { values: 'raw' })));
      expect(reread.sessions.find((s) => s.cookie === 'PHPSESSID')).toMatchObject({ thirdParty: false });
    } finally {
      // A tab left open would keep its recording, and the next test counts the listeners tabs hold.
      await page.close();
    }
  });

  it('with record-from-start off, a tab is recorded only while a panel is subscribed, and no listener is left without one', async () => {
    await setSetting('recordFromStart', false);
    try {
      // Nothing to record: the background holds no webRequest or cookies listener, so page loads pay nothing.
      await until('the listeners to go', 15_000, async () => !(await capturing()));
      expect(await capturing()).toEqual(false);
      const page = await browser.newPage();
      await page.goto(server.url('http', 'shop.test', '/before-panel'));
      const tabId = await tabIdOf(page);
      const read = await subscribe(tabId);
      await until('the snapshot', 15_000, async () => (await read()).some((m) => m.type === 'snapshot'));
      expect(await listenerStates()).toEqual(ALL_ATTACHED);
      await page.goto(server.url('http', 'shop.test', '/with-panel'));
      await until('the page seen with the panel', 15_000, async () => entryUrls(await read()).includes('/with-panel'));
      expect(entryUrls(await read())).toEqual(['/with-panel']);
      // The page shown when the panel opened was loaded unrecorded; it is the tab's top-level page all the same, and
      // the navigation the panel saw is one too (the site inspected is theirs, not a guess from a first request).
      const navigated = recordedEvents(await read()).flatMap((e) =>
        e.kind === 'navigation' ? [new URL(e.url).pathname] : [],
      );
      expect(navigated).toEqual(['/before-panel', '/with-panel']);
      // The panel goes: so do the listeners; what was recorded stays.
      await unsubscribe(tabId);
      await until('the listeners to go again', 15_000, async () => !(await capturing()));
      await page.goto(server.url('http', 'shop.test', '/after-panel'));
      const again = await subscribe(tabId);
      await until('the second snapshot', 15_000, async () => (await again()).some((m) => m.type === 'snapshot'));
      expect(entryUrls(await again())).toEqual(['/with-panel']);
      await unsubscribe(tabId);
      await page.close();
    } finally {
      await setSetting('recordFromStart', true);
    }
    expect(await listenerStates()).toEqual(ALL_ATTACHED);
  });
});
