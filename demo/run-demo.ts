// `npm run demo`: the demo site plus Chromium with the built extension and the Sessions panel open.
// With a display it leaves the browser running until Ctrl-C; without one it walks every scenario
// headless and writes what the panel showed to demo-output/ (screenshots and captured events).
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import puppeteer, { type Browser, type Frame } from 'puppeteer-core';
import {
  extensionWorker,
  inspectedTabId,
  type PanelRow,
  pageWithPanel,
  readPanelRows,
  recordedEvents,
} from '../test/e2e/helpers/devtools-panel.ts';
import { CHROMIUM_ARGS, CHROMIUM_PATH, launchChromium } from './chromium.ts';
import { clearCookies, runScenario } from './drive.ts';
import { shootPanel } from './panel-shots.ts';
import { DEMO_SCENARIOS, type DemoScenario } from './scenarios.ts';
import { type DemoServer, PortInUseError, startDemoServer } from './server.ts';

const EXTENSION_DIR = resolve('dist/chrome');
const OUTPUT_DIR = resolve('demo-output');
const DEFAULT_PORTS = { http: 8080, https: 8443 };

function fail(message: string, code = 2): never {
  process.stderr.write(`${message}\n`);
  process.exit(code);
}

function portSetting(name: string): number | undefined {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return undefined;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65535) fail(`${name}=${raw} is not a port number (0-65535).`);
  return port;
}

/** 8080/8443 (or DEMO_HTTP_PORT / DEMO_HTTPS_PORT); free ports when the defaults are taken. */
async function startServer(): Promise<DemoServer> {
  const httpSetting = portSetting('DEMO_HTTP_PORT');
  const httpsSetting = portSetting('DEMO_HTTPS_PORT');
  try {
    return await startDemoServer({
      httpPort: httpSetting ?? DEFAULT_PORTS.http,
      httpsPort: httpsSetting ?? DEFAULT_PORTS.https,
    });
  } catch (error) {
    if (!(error instanceof PortInUseError)) throw error;
    // A port the user chose is theirs to fix; a default one we can replace.
    if (httpSetting !== undefined || httpsSetting !== undefined) fail(`Demo server: ${error.message}.`);
    process.stdout.write(`Port ${error.port} is in use; using free ports instead.\n`);
    return startDemoServer({ httpPort: 0, httpsPort: 0 });
  }
}

function describeRow(row: PanelRow): string {
  const sent = row.sent.map((c) => c.text).join(', ') || '—';
  const set = row.set.map((c) => c.text.replace(/(Path|Max-Age|Expires|Domain)=/g, ' $1=')).join(' | ') || '—';
  const lines = [
    `    ${row.status.padEnd(6)} ${row.method.padEnd(5)} ${row.url}`,
    `        sent: ${sent}`,
    `        set:  ${set}`,
  ];
  // What the engine says about the request, as the panel shows it: cookies held back and why, findings.
  if (row.notSent.length > 0)
    lines.push(`        not sent: ${row.notSent.map((c) => `${c.name} (${c.reason})`).join(', ')}`);
  if (row.findings.length > 0) lines.push(`        findings: ${row.findings.join(', ')}`);
  return lines.join('\n');
}

/** The headless DevTools window: a full-HD screen, so the not-sent reasons of two cookies fit their column. */
const DEVTOOLS_WINDOW = { width: 1920, height: 1000 };

/**
 * Headless Chromium whose DevTools windows open undocked, so the Sessions panel gets the whole window. Docked
 * (the default), the headless DevTools window kept the left part for the inspected page and left the panel
 * 554 px, where the column headers read "M…" and "S…". The dock side is a DevTools preference kept in the
 * profile, so the browser starts from a fresh profile that has it.
 */
async function launchHeadlessUndocked(profileDir: string): Promise<Browser> {
  mkdirSync(join(profileDir, 'Default'), { recursive: true });
  writeFileSync(
    join(profileDir, 'Default', 'Preferences'),
    // DevTools stores each preference as JSON text, hence the quotes inside the string.
    JSON.stringify({ devtools: { preferences: { currentDockState: '"undocked"' } } }),
  );
  return puppeteer.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    devtools: true,
    enableExtensions: true,
    acceptInsecureCerts: true,
    userDataDir: profileDir,
    args: [
      ...CHROMIUM_ARGS,
      `--disable-extensions-except=${EXTENSION_DIR}`,
      `--load-extension=${EXTENSION_DIR}`,
      `--window-size=${DEVTOOLS_WINDOW.width},${DEVTOOLS_WINDOW.height}`,
    ],
  });
}

/** The panel's rows once two reads 300 ms apart agree (events reach the panel in batches). */
async function settledRows(panel: Frame): Promise<PanelRow[]> {
  let last = JSON.stringify(await readPanelRows(panel));
  for (let i = 0; i < 20; i++) {
    await new Promise((done) => setTimeout(done, 300));
    const rows = await readPanelRows(panel);
    const now = JSON.stringify(rows);
    if (now === last) return rows;
    last = now;
  }
  throw new Error('the panel kept changing for 6 s after the scenario ended');
}

/** Every scenario, or those named in DEMO_ONLY (comma-separated IDs), to look at a few quickly. */
function scenariosToWalk(): readonly DemoScenario[] {
  const only = process.env.DEMO_ONLY?.split(',').filter((x) => x !== '');
  if (!only || only.length === 0) return DEMO_SCENARIOS;
  const unknown = only.filter((x) => !DEMO_SCENARIOS.some((s) => s.id === x));
  if (unknown.length > 0) fail(`DEMO_ONLY names no scenario: ${unknown.join(', ')}`);
  return DEMO_SCENARIOS.filter((s) => only.includes(s.id));
}

async function walkScenarios(browser: Browser, server: DemoServer): Promise<void> {
  mkdirSync(OUTPUT_DIR, { recursive: true });
  const { id, worker } = await extensionWorker(browser);
  for (const scenario of scenariosToWalk()) {
    const started = Date.now();
    const { page, devtools, panel } = await pageWithPanel(browser, id);
    await clearCookies(page);
    await runScenario(page, server, scenario);
    const rows = await settledRows(panel);
    const recorded = Date.now();
    if (rows.length === 0) throw new Error(`scenario ${scenario.id}: the Sessions panel shows no requests`);
    const events = await recordedEvents(worker, await inspectedTabId(panel), rows.length);
    // Events first: the screenshots reload DevTools (to switch its theme).
    writeFileSync(resolve(OUTPUT_DIR, `events-${scenario.id}.json`), `${JSON.stringify(events, null, 2)}\n`);
    const shots = await shootPanel(devtools, panel, id, { id: scenario.id, rows: rows.length, dir: OUTPUT_DIR }).catch(
      (error: Error) => {
        throw new Error(`scenario ${scenario.id}: screenshots not all written: ${error.message}`, { cause: error });
      },
    );
    process.stdout.write(
      `\n${scenario.id} — ${scenario.title} (${rows.length} requests, recorded in ${recorded - started} ms, ` +
        `${shots.length} screenshots in ${Date.now() - recorded} ms)\n` +
        `${rows.map(describeRow).join('\n')}\n    screenshots: ${scenario.id}-<view>-<width>-<theme>.png\n`,
    );
    await page.close();
  }
  process.stdout.write(`\nScreenshots and captured events: ${OUTPUT_DIR}/\n`);
}

async function main(): Promise<void> {
  if (!existsSync(CHROMIUM_PATH)) {
    fail(`Chromium was not found at ${CHROMIUM_PATH}. Install it with:\n  sudo apt-get install -y chromium`);
  }
  if (!existsSync(resolve(EXTENSION_DIR, 'manifest.json'))) fail('dist/chrome is missing: run `npm run build` first.');
  const server = await startServer();
  process.stdout.write(
    `Demo server on 127.0.0.1: http ${server.httpPort}, https ${server.httpsPort}\n` +
      `Index: ${server.url('https', 'shop.test', '/')}\n`,
  );
  const headful = Boolean(process.env.DISPLAY);
  const profileDir = headful ? undefined : mkdtempSync(join(tmpdir(), 'sessionscope-demo-'));
  const browser =
    profileDir === undefined
      ? await launchChromium({ extensionDir: EXTENSION_DIR, devtools: true, headless: false })
      : await launchHeadlessUndocked(profileDir);
  const shutdown = async (code: number) => {
    await browser.close().catch(() => undefined);
    await server.close();
    if (profileDir !== undefined) rmSync(profileDir, { recursive: true, force: true });
    process.exit(code);
  };
  if (headful) {
    const { id } = await extensionWorker(browser);
    const { page } = await pageWithPanel(browser, id);
    await page.goto(server.url('https', 'shop.test', '/'));
    process.stdout.write('Chromium is open with DevTools on the Sessions panel. Press Ctrl-C to stop.\n');
    process.on('SIGINT', () => void shutdown(0));
    return;
  }
  try {
    await walkScenarios(browser, server);
  } catch (error) {
    process.stderr.write(`Demo failed: ${(error as Error).message}\n`);
    await shutdown(1);
  }
  await shutdown(0);
}

void main();
