// The built Chrome extension in headless Chromium with real DevTools windows: the Sessions panel must
// show, as text, the session cookies each demo request carried and set.
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Browser, Frame, Page, WebWorker } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clearCookies, runScenario } from '../../demo/drive.ts';
import { findScenario } from '../../demo/scenarios.ts';
import type { DemoServer } from '../../demo/server.ts';
import {
  inspectedTabId,
  type PanelRow,
  pageWithPanel,
  readPanelRows,
  recordedEvents,
  screenshotPanel,
  waitForRow,
} from './helpers/devtools-panel.ts';
import { type ExtensionSession, launchWithExtension } from './helpers/launch.ts';

const OUTPUT_DIR = resolve('test-output');

let session: ExtensionSession;
let server: DemoServer;
let browser: Browser;
let extensionId: string;
let worker: WebWorker;

beforeAll(async () => {
  mkdirSync(OUTPUT_DIR, { recursive: true });
  session = await launchWithExtension();
  ({ server, browser, extensionId, worker } = session);
});

afterAll(async () => {
  await session?.close();
});

function rowFor(rows: readonly PanelRow[], method: string, urlPart: string): PanelRow {
  const row = rows.find((r) => r.method === method && r.url.includes(urlPart));
  if (!row) throw new Error(`no ${method} ${urlPart} row; rows: ${rows.map((r) => `${r.method} ${r.url}`).join(', ')}`);
  return row;
}

/** The value part of a cookie item's text, e.g. "sid=069858…c546" → "069858…c546". */
function shownValue(text: string, name: string): string {
  return text
    .slice(name.length + 1)
    .split(/Path=|Max-Age=|Secure|HttpOnly|SameSite=|Expires=|Domain=/i)[0]!
    .trim();
}

function screenshot(panel: Frame, name: string): Promise<void> {
  return screenshotPanel(panel, resolve(OUTPUT_DIR, `${name}.png`));
}

describe('Chrome: the Sessions panel in real DevTools', () => {
  let page: Page;
  let panel: Frame;

  beforeAll(async () => {
    ({ page, panel } = await pageWithPanel(browser, extensionId));
  });

  it('secure-lost-on-http: shows sid set on login, carried over https, and missing on the http:// page', async () => {
    await clearCookies(page);
    await runScenario(page, server, findScenario('secure-lost-on-http'));
    const rows = await waitForRow(panel, (r) => r.url.startsWith('http://shop.test') && r.url.includes('/secure/'));
    await screenshot(panel, 'chrome-secure-lost-on-http');

    const login = rowFor(rows, 'POST', '/secure/login');
    const setSid = login.set.find((c) => c.name === 'sid');
    expect(setSid, 'the login response sets sid').toBeDefined();
    expect(setSid!.text).toMatch(/Secure/);
    expect(setSid!.text).toMatch(/HttpOnly/);

    const account = rowFor(rows, 'GET', 'https://shop.test');
    const afterLogin = rows[rows.indexOf(login) + 1]!;
    expect(afterLogin.url).toContain('https://');
    const sentSid = afterLogin.sent.find((c) => c.name === 'sid');
    expect(sentSid, `the request after login carries sid (${afterLogin.url})`).toBeDefined();
    // The panel shows the same (shortened) ID that was set.
    expect(shownValue(sentSid!.text, 'sid')).toBe(shownValue(setSid!.text, 'sid'));
    expect(account.sent.some((c) => c.name === 'sid')).toBe(false);

    const insecure = rows.filter((r) => r.url.startsWith('http://shop.test'));
    expect(insecure.length).toBeGreaterThan(0);
    for (const row of insecure) expect(row.sent.map((c) => c.name)).not.toContain('sid');

    // The engine's verdict, shown in the panel: sid was not sent because of SecureOnly, and the session was lost.
    const firstInsecure = insecure[0]!;
    expect(firstInsecure.notSent).toContainEqual({ name: 'sid', reason: 'SecureOnly' });
    expect(firstInsecure.findings).toEqual(expect.arrayContaining(['session-not-sent', 'session-reset']));
  });

  it('logout: shows the carried sid and the deleting Set-Cookie', async () => {
    const before = (await readPanelRows(panel)).length;
    await clearCookies(page);
    await runScenario(page, server, findScenario('logout'));
    const rows = (await waitForRow(panel, (r) => r.url.includes('/account/logout'))).slice(before);
    await screenshot(panel, 'chrome-logout');

    const login = rowFor(rows, 'POST', '/account/login');
    const issued = login.set.find((c) => c.name === 'sid');
    expect(issued).toBeDefined();
    const logout = rowFor(rows, 'GET', '/account/logout');
    const carried = logout.sent.find((c) => c.name === 'sid');
    expect(carried, 'the logout request carries sid').toBeDefined();
    expect(shownValue(carried!.text, 'sid')).toBe(shownValue(issued!.text, 'sid'));
    const cleared = logout.set.find((c) => c.name === 'sid');
    expect(cleared, 'the logout response sets sid').toBeDefined();
    expect(cleared!.text).toMatch(/Max-Age=0/);
    expect(cleared!.text).toMatch(/deleted/);
  });

  it('records the raw Cookie and Set-Cookie headers and the cookie change in the background', async () => {
    const shown = (await readPanelRows(panel)).length;
    const events = await recordedEvents(worker, await inspectedTabId(panel), shown);
    const entries = events.flatMap((e) => (e.event.kind === 'entry' ? [e.event.entry] : []));
    const logout = entries.find((e) => e.request.url.includes('/account/logout'));
    expect(logout?.request.headers.find((h) => h.name.toLowerCase() === 'cookie')?.value).toMatch(/(^|; )sid=/);
    expect(logout?.response?.headers.find((h) => h.name.toLowerCase() === 'set-cookie')?.value).toMatch(/^sid=;/);
    expect(entries.map((e) => e.index)).toEqual(entries.map((_, i) => i));
    expect(events.map((e) => e.seq)).toEqual(events.map((_, i) => i));
    const removal = events.find(
      (e) => e.event.kind === 'cookie-changed' && e.event.removed && e.event.cookie.name === 'sid',
    );
    expect(removal, 'cookies.onChanged reported the sid removal').toBeDefined();
  });
});

describe('Chrome: page-controlled cookie values are shown as text', () => {
  it('does not run a cookie value as HTML', async () => {
    const { page, panel } = await pageWithPanel(browser, extensionId);
    const payload = '<img src=x onerror=window.__xss=1>';
    await page.goto(server.url('https', 'other.test', '/'), { waitUntil: 'load' });
    await page.evaluate((value) => {
      // biome-ignore lint/suspicious/noDocumentCookie: the test plants a hostile cookie as a page would.
      document.cookie = `xss=${value}; path=/`;
    }, payload);
    await page.goto(server.url('https', 'other.test', '/?again'), { waitUntil: 'load' });
    const rows = await waitForRow(panel, (r) => r.sent.some((c) => c.name === 'xss'));
    await screenshot(panel, 'chrome-xss');
    const xss = rows.flatMap((r) => r.sent).find((c) => c.name === 'xss')!;
    expect(xss.text).toBe(`xss=${payload}`);
    expect(await panel.evaluate(() => (window as unknown as { __xss?: unknown }).__xss)).toBeUndefined();
    expect(await panel.$$eval('img', (images) => images.length)).toBe(0);
  });
});
