// Privacy promises of the built Chrome extension: while a scenario runs with the Sessions panel open,
// nothing the extension runs (its service worker, its panel) makes a network request of its own; and
// its manifest's CSP forbids remote code. The watcher is proven able to see such a request by a
// canary fetch from both places at the end.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, CDPSession } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clearCookies, runScenario } from '../../demo/drive.ts';
import { findScenario } from '../../demo/scenarios.ts';
import type { DemoServer } from '../../demo/server.ts';
import { pageWithPanel, readPanelRows } from './helpers/devtools-panel.ts';
import { until } from './helpers/extension-harness.ts';
import { CHROME_EXTENSION_DIR, type ExtensionSession, launchWithExtension } from './helpers/launch.ts';

let session: ExtensionSession;
let server: DemoServer;
let browser: Browser;
let extensionId: string;
let workerSession: CDPSession;
/** Requests made by extension code to anything but its own files: `<who> <url>`. */
const extensionRequests: string[] = [];

/** The extension's own files and inline data are not network requests. */
function isNetwork(url: string): boolean {
  return !/^(chrome-extension|data|blob|devtools|chrome):/.test(url);
}

beforeAll(async () => {
  session = await launchWithExtension();
  ({ server, browser, extensionId } = session);
  const workerTarget = browser
    .targets()
    .find((t) => t.type() === 'service_worker' && t.url().startsWith(`chrome-extension://${extensionId}/`))!;
  workerSession = await workerTarget.createCDPSession();
  workerSession.on('Network.requestWillBeSent', (e) => {
    if (isNetwork(e.request.url)) extensionRequests.push(`service worker ${e.request.url}`);
  });
  await workerSession.send('Network.enable');
});

afterAll(async () => {
  await session?.close();
});

describe('Chrome: the extension sends nothing anywhere', () => {
  it('makes no request of its own while a scenario runs with the panel open', async () => {
    const { page, devtools, panel } = await pageWithPanel(browser, extensionId);
    // Puppeteer reports the requests of a page's out-of-process frames too: the panel is one.
    devtools.on('request', (request) => {
      const frameUrl = request.frame()?.url() ?? '';
      if (frameUrl.startsWith(`chrome-extension://${extensionId}/`) && isNetwork(request.url())) {
        extensionRequests.push(`panel ${request.url()}`);
      }
    });
    await clearCookies(page);
    await runScenario(page, server, findScenario('logout'));
    await new Promise((r) => setTimeout(r, 1000));
    expect((await readPanelRows(panel)).length).toBeGreaterThan(0);
    expect(extensionRequests).toEqual([]);

    // The canary: the same watcher does see a request extension code makes.
    const canary = server.url('http', 'shop.test', '/canary');
    await panel.evaluate((url) => fetch(url).catch(() => undefined), `${canary}?from=panel`);
    const worker = await browser
      .targets()
      .find((t) => t.type() === 'service_worker' && t.url().startsWith(`chrome-extension://${extensionId}/`))!
      .worker();
    await worker!.evaluate((url) => fetch(url).catch(() => undefined), `${canary}?from=worker`);
    await until('both canary requests to be seen', 10_000, () => extensionRequests.length >= 2);
    expect(extensionRequests).toEqual([`panel ${canary}?from=panel`, `service worker ${canary}?from=worker`]);
    await page.close();
  });

  it('has a CSP that allows only its own scripts, and pages that load nothing remote', () => {
    const manifest = JSON.parse(readFileSync(join(CHROME_EXTENSION_DIR, 'manifest.json'), 'utf8')) as {
      content_security_policy?: { extension_pages?: string };
      externally_connectable?: unknown;
    };
    const csp = manifest.content_security_policy?.extension_pages ?? '';
    const directives = new Map(
      csp
        .split(';')
        .map((d) => d.trim().split(/\s+/))
        .filter((d) => d[0])
        .map((d) => [d[0]!, d.slice(1)]),
    );
    expect(directives.get('script-src')).toEqual(["'self'"]);
    expect(csp).not.toMatch(/https?:|unsafe-eval|unsafe-inline|\*/);
    // No web page or other extension may talk to it.
    expect(manifest.externally_connectable).toBeUndefined();
    const htmlFiles = (dir: string): string[] =>
      readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
        entry.isDirectory()
          ? htmlFiles(join(dir, entry.name))
          : entry.name.endsWith('.html')
            ? [join(dir, entry.name)]
            : [],
      );
    const pages = htmlFiles(CHROME_EXTENSION_DIR);
    expect(pages.length).toBeGreaterThan(0);
    for (const file of pages) expect(readFileSync(file, 'utf8'), file).not.toMatch(/(src|href)="(https?:)?\/\//);
  });
});
