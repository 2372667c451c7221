// `npm run demo`: the demo site plus Chromium with the built extension and the Sessions panel open.
// With a display it leaves the browser running until Ctrl-C; without one it walks every scenario
// headless and writes what the panel showed to demo-output/ (screenshots and captured events).
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Browser } from 'puppeteer-core';
import {
  extensionWorker,
  inspectedTabId,
  type PanelRow,
  pageWithPanel,
  readPanelRows,
  recordedEvents,
} from '../test/e2e/helpers/devtools-panel.ts';
import { CHROMIUM_PATH, launchChromium } from './chromium.ts';
import { clearCookies, runScenario } from './drive.ts';
import { DEMO_SCENARIOS } from './scenarios.ts';
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

async function walkScenarios(browser: Browser, server: DemoServer): Promise<void> {
  mkdirSync(OUTPUT_DIR, { recursive: true });
  const { id, worker } = await extensionWorker(browser);
  for (const scenario of DEMO_SCENARIOS) {
    const started = Date.now();
    const { page, devtools, panel } = await pageWithPanel(browser, id);
    await devtools.setViewport({ width: 1280, height: 800 }).catch(() => undefined);
    await clearCookies(page);
    await runScenario(page, server, scenario);
    // The panel gets events in batches; give the last one time to arrive.
    await new Promise((done) => setTimeout(done, 500));
    const rows = await readPanelRows(panel);
    const events = await recordedEvents(worker, await inspectedTabId(panel));
    const main = await panel.$('main');
    await main?.screenshot({ path: resolve(OUTPUT_DIR, `${scenario.id}.png`) });
    writeFileSync(resolve(OUTPUT_DIR, `events-${scenario.id}.json`), `${JSON.stringify(events, null, 2)}\n`);
    process.stdout.write(
      `\n${scenario.id} — ${scenario.title} (${rows.length} requests, ${Date.now() - started} ms)\n` +
        `${rows.map(describeRow).join('\n')}\n`,
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
  const browser = await launchChromium({ extensionDir: EXTENSION_DIR, devtools: true, headless: !headful });
  const shutdown = async (code: number) => {
    await browser.close().catch(() => undefined);
    await server.close();
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
