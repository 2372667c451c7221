// Firefox ESR through puppeteer (WebDriver BiDi) with the E2E build of the extension: the *.test demo
// hosts resolve to loopback, the add-on's UUID is fixed, and the panel page is opened as a tab through
// the E2E build's hook (src/background/test-hooks.ts), since moz-extension:// can not be navigated to.
import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { GECKO_ID } from '../../../src/manifest.ts';

export const FIREFOX_PATH = '/usr/bin/firefox-esr';
export const FIREFOX_E2E_DIR = resolve('dist/firefox-e2e');
export const FIXED_ADDON_UUID = '0b5e5510-0000-4000-8000-5e5510500000';
export const OPEN_PANEL_PATH = '/__sessionscope_e2e__/open-panel';

/** Builds dist/firefox-e2e (the Firefox build plus test hooks); ~2 s. */
export function buildFirefoxE2E(): void {
  execFileSync('npx', ['vite', 'build', '--mode', 'firefox', '--logLevel', 'error'], {
    env: { ...process.env, SESSIONSCOPE_E2E: '1' },
    stdio: 'inherit',
  });
}

/**
 * Headless Firefox ESR with the extension in `extensionDir` (default: the E2E build) installed as a temporary
 * add-on. `args` are extra command-line flags (firefox-devtools.ts needs one to reach the toolbox).
 */
export async function launchFirefoxWithExtension(
  demoHosts: readonly string[],
  opts: { extensionDir?: string; args?: readonly string[] } = {},
): Promise<Browser> {
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX_PATH,
    headless: true,
    acceptInsecureCerts: true,
    args: [...(opts.args ?? [])],
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: FIXED_ADDON_UUID }),
      // Firefox has no --host-resolver-rules: these names resolve to loopback instead.
      'network.dns.localDomains': demoHosts.join(','),
    },
  });
  await browser.installExtension(opts.extensionDir ?? FIREFOX_E2E_DIR);
  // The background script starts a moment after the install returns.
  await new Promise((done) => setTimeout(done, 1500));
  return browser;
}

/** Opens the Sessions panel page for `page`'s tab in a new tab and returns that page. */
export async function openPanelForTab(browser: Browser, page: Page, hookUrl: (path: string) => string): Promise<Page> {
  const before = new Set(await browser.pages());
  await page.goto(hookUrl(OPEN_PANEL_PATH), { waitUntil: 'load' });
  const deadline = Date.now() + 15_000;
  while (Date.now() < deadline) {
    const panel = (await browser.pages()).find((p) => !before.has(p));
    if (panel) {
      await panel.waitForSelector('[data-testid="panel-status"]', { timeout: 10_000 });
      return panel;
    }
    await new Promise((done) => setTimeout(done, 250));
  }
  throw new Error('the panel tab did not open (is dist/firefox-e2e built with SESSIONSCOPE_E2E=1?)');
}
