// The Firefox build in Firefox ESR: the background must see the demo site's Cookie and Set-Cookie
// headers (Firefox shows them without extraHeaders and joins Set-Cookie lines with "\n") and the panel
// page must show them.
import type { Browser, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runScenario } from '../../demo/drive.ts';
import { findScenario } from '../../demo/scenarios.ts';
import { type DemoServer, startDemoServer } from '../../demo/server.ts';
import type { RecordedEvent } from '../../src/protocol/messages.ts';
import { type PanelRow, poll, readPanelRows, waitForRow } from './helpers/devtools-panel.ts';
import { buildFirefoxE2E, launchFirefoxWithExtension, OPEN_PANEL_PATH, openPanelForTab } from './helpers/firefox.ts';

let server: DemoServer;
let browser: Browser;

beforeAll(async () => {
  buildFirefoxE2E();
  server = await startDemoServer();
  browser = await launchFirefoxWithExtension(['shop.test', 'api.shop.test', 'other.test', 'lb.test', 'consent.test']);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('Firefox: background capture and the panel page', () => {
  let panel: Page;

  beforeAll(async () => {
    const page = await browser.newPage();
    // Open the panel first, as a user would: without "record from start" (off by default) a tab is
    // recorded only while its panel is open.
    panel = await openPanelForTab(browser, page, (path) => server.url('http', 'shop.test', path));
    await runScenario(page, server, findScenario('secure-lost-on-http'));
  });

  it('records the Cookie and Set-Cookie headers of the demo site', async () => {
    // Read inside the page: over BiDi, panel.url() of a moz-extension tab reads about:blank.
    const tabId = await panel.evaluate(() => Number(new URLSearchParams(location.search).get('tabId')));
    expect(tabId).toBeGreaterThan(0);
    // Ask the background over the same port protocol the panel uses: the snapshot is what it recorded.
    // Returned as JSON text so the result crosses BiDi as one plain string. The scenario's page load
    // resolves before the background has seen its last request complete, so ask until the http:// page
    // (the scenario's last step) is in the recording.
    const snapshot = (id: number) =>
      panel.evaluate(
        (tab) =>
          new Promise<string>((done, fail) => {
            const ext = (globalThis as unknown as { browser: typeof chrome }).browser;
            const port = ext.runtime.connect({ name: `panel:${tab}` });
            port.onMessage.addListener((message: { type: string; events: RecordedEvent[] }) => {
              if (message.type === 'snapshot') done(JSON.stringify(message.events));
              port.disconnect();
            });
            port.postMessage({ type: 'subscribe', since: -1 });
            setTimeout(() => fail(new Error('no snapshot within 5 s')), 5000);
          }),
        id,
      );
    const isHttpPage = (e: RecordedEvent) =>
      e.event.kind === 'entry' &&
      e.event.entry.request.url.startsWith('http://shop.test') &&
      !e.event.entry.request.url.includes(OPEN_PANEL_PATH);
    const events = await poll('the scenario’s http:// page in the background’s recording', 10_000, async () => {
      const recorded = JSON.parse(await snapshot(tabId)) as RecordedEvent[];
      return recorded.some(isHttpPage) ? recorded : undefined;
    });
    const entries = events.flatMap((e) => (e.event.kind === 'entry' ? [e.event.entry] : []));
    const header = (headers: readonly { name: string; value: string }[] | undefined, name: string) =>
      (headers ?? []).filter((h) => h.name.toLowerCase() === name).map((h) => h.value);

    const login = entries.find((e) => e.request.method === 'POST' && e.request.url.includes('/secure/login'));
    expect(login, 'the login POST was recorded').toBeDefined();
    const setCookies = header(login!.response?.headers, 'set-cookie');
    expect(setCookies.some((line) => /^sid=\w+;.*Secure/i.test(line))).toBe(true);
    expect(setCookies.every((line) => !line.includes('\n'))).toBe(true);
    expect(login!.request.postData?.params?.length ?? 0).toBeGreaterThan(0);

    const account = entries[entries.indexOf(login!) + 1];
    expect(account?.request.url).toContain('https://shop.test');
    expect(header(account?.request.headers, 'cookie').join('; ')).toMatch(/(^|; )sid=/);

    const overHttp = entries.filter((e) => e.request.url.startsWith('http://shop.test'));
    expect(overHttp.length).toBeGreaterThan(0);
    for (const e of overHttp) expect(header(e.request.headers, 'cookie').join('; ')).not.toMatch(/(^|; )sid=/);

    const change = events.find((e) => e.event.kind === 'cookie-changed' && e.event.cookie.name === 'sid');
    expect(change, 'cookies.onChanged reported sid').toBeDefined();
  });

  it('shows sid set and carried in the panel page, and the engine’s findings for the lost session', async () => {
    // The panel page is a background tab whose timers Firefox throttles: wait until it shows the scenario's
    // first http:// page with its verdicts, not just the first row.
    const isScenarioHttpRow = (row: PanelRow) => row.url.startsWith('http://') && !row.url.includes(OPEN_PANEL_PATH);
    const rows = await waitForRow(panel, (row) => isScenarioHttpRow(row) && row.findings.length > 0, 20_000);
    const login = rows.find((r) => r.method === 'POST' && r.url.includes('/secure/login'));
    expect(login?.set.map((c) => c.name)).toContain('sid');
    expect(rows.some((r) => r.url.startsWith('https://') && r.sent.some((c) => c.name === 'sid'))).toBe(true);
    // The scenario's http:// pages, not the test hook's page that opened the panel.
    const overHttp = rows.filter(isScenarioHttpRow);
    for (const r of overHttp) expect(r.sent.map((c) => c.name)).not.toContain('sid');
    // Firefox's own recording, analysed by the same engine: sid held back as SecureOnly, the session lost.
    const first = overHttp[0]!;
    expect(first.notSent).toContainEqual({ name: 'sid', reason: 'SecureOnly' });
    expect(first.findings).toEqual(expect.arrayContaining(['session-not-sent', 'session-reset']));
  });
});

describe('Firefox: a session cookie a page script deleted (consent-script)', () => {
  it("tells the loss from Firefox's own report of the removal: a reset on the lane, no response deleting it, nothing 'not sent'", async () => {
    const page = await browser.newPage();
    const panel = await openPanelForTab(browser, page, (path) => server.url('http', 'shop.test', path));
    await runScenario(page, server, findScenario('consent-script'));
    // The account page opened after "decline" goes without connect.sid and is sent to /login: wait for that row.
    const rows = await waitForRow(
      panel,
      (row) => row.url.startsWith('https://consent.test') && row.url.endsWith('/login') && row.method === 'GET',
      20_000,
    );
    const reset = await poll('the reset of connect.sid', 20_000, async () => {
      const now = await readPanelRows(panel);
      return now.find((r) => r.findings.includes('session-reset') && (r.markers ?? []).includes('connect.sid cleared'));
    });
    expect(reset, JSON.stringify(rows.map((r) => [r.method, r.url, r.findings, r.markers]))).toBeDefined();
    // No response deleted the cookie, and the engine, told of the removal, reads the next request as consistent.
    const all = await readPanelRows(panel);
    const setting = all.filter((r) => r.set.some((c) => c.name === 'connect.sid'));
    expect(setting.map((r) => `${r.method} ${new URL(r.url).pathname} ${r.set.map((c) => c.text).join(' ')}`)).toEqual([
      expect.stringMatching(/^POST \/login connect\.sid/),
    ]);
    expect(all.flatMap((r) => r.findings)).not.toContain('session-not-sent');
  });
});
