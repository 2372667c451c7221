// The released Firefox build (dist/firefox, no test hooks) in Firefox ESR's real DevTools toolbox: the
// Sessions panel the extension adds is opened as a user opens it (F12, then its tab) on the load-balancer
// demo, and its rows and findings are read from the panel's own document. Headless; no display needed.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Browser, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clearCookies, runScenario } from '../../demo/drive.ts';
import { findScenario } from '../../demo/scenarios.ts';
import { type DemoServer, startDemoServer } from '../../demo/server.ts';
import type { PanelRow } from './helpers/devtools-panel.ts';
import { launchFirefoxWithExtension } from './helpers/firefox.ts';
import {
  type FirefoxSessionsPanel,
  firefoxHostAccessNotice,
  openFirefoxSessionsPanel,
  SYSTEM_ACCESS_ARG,
  waitForFirefoxPanelRows,
} from './helpers/firefox-devtools.ts';

const FIREFOX_BUILD = resolve('dist/firefox');

let server: DemoServer;
let browser: Browser;

beforeAll(async () => {
  if (!existsSync(resolve(FIREFOX_BUILD, 'manifest.json'))) throw new Error('dist/firefox is missing: npm run build');
  server = await startDemoServer();
  browser = await launchFirefoxWithExtension(['shop.test', 'lb.test'], {
    extensionDir: FIREFOX_BUILD,
    args: [SYSTEM_ACCESS_ARG],
  });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('Firefox: the Sessions panel in the real DevTools toolbox', () => {
  let page: Page;
  let panel: FirefoxSessionsPanel;
  let rows: PanelRow[];
  const scenario = findScenario('load-balancer');

  beforeAll(async () => {
    page = await browser.newPage();
    // A page of the demo site that sets no cookie, at a URL no other tab has, to open DevTools on.
    await page.goto(server.url('https', 'shop.test', '/?devtools-test'), { waitUntil: 'load' });
    panel = await openFirefoxSessionsPanel(browser, page);
    await clearCookies(page);
    await runScenario(page, server, scenario);
    rows = await waitForFirefoxPanelRows(browser, panel, (shown) =>
      shown.some((row) => row.url.includes('/lb/cart') && row.set.length > 0 && row.findings.length > 0),
    );
  });

  it('shows the scenario’s requests with the cookies sent and set, as the inspected tab made them', () => {
    const lbRows = rows.filter((row) => row.url.startsWith(server.url('https', 'lb.test', '/lb/')));
    expect(lbRows.map((row) => [row.method, new URL(row.url).pathname, row.status])).toEqual([
      ['GET', '/lb/', '200'],
      ['GET', '/lb/cart', '200'],
    ]);
    const [landing, cart] = lbRows as [PanelRow, PanelRow];
    // node1 issues the session on the first request; the second carries it and node2 replaces it.
    expect(landing.sent).toEqual([]);
    expect(landing.set.map((c) => c.name).sort()).toEqual(['JSESSIONID', 'SERVERID']);
    expect(landing.set.find((c) => c.name === 'SERVERID')?.text).toMatch(/^SERVERID=node1\b/);
    expect(cart.sent.map((c) => c.text).sort()).toEqual(
      [landing.set.find((c) => c.name === 'JSESSIONID')?.text.split(' ')[0], 'SERVERID=node1'].sort(),
    );
    expect(cart.set.find((c) => c.name === 'SERVERID')?.text).toMatch(/^SERVERID=node2\b/);
  });

  it('has host access as installed: a temporary add-on gets its Manifest V3 host permissions (README, Firefox)', async () => {
    // The rows above exist only because webRequest saw lb.test; the panel asks for nothing either.
    expect(rows.length).toBeGreaterThan(0);
    expect(await firefoxHostAccessNotice(browser, panel)).toBeUndefined();
  });

  it('says no cookie was held back: the cookies the first request set did not exist when it was sent', () => {
    // Firefox reports cookies.onChanged for a response's Set-Cookie before webRequest.onHeadersReceived of that
    // response; recorded in arrival order, the engine saw JSESSIONID in the jar before the request that set it
    // and reported it "not sent: Unknown" there.
    for (const row of rows) expect({ url: row.url, notSent: row.notSent }).toEqual({ url: row.url, notSent: [] });
  });

  it('shows the engine’s findings: node2 rejected node1’s session and the backend switched', () => {
    const cart = rows.find((row) => row.url.includes('/lb/cart'));
    for (const { rule } of scenario.expected) expect(cart?.findings).toContain(rule);
    expect(cart?.markers).toContain('JSESSIONID reset: server-rejected');
    const landing = rows.find((row) => new URL(row.url).pathname === '/lb/');
    expect(landing?.findings).toContain('session-established');
    expect(landing?.findings).not.toContain('session-reset');
  });
});
