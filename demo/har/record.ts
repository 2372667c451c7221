// Records one demo scenario in a fresh browser context and returns its HAR: the page, its CDP
// capture, the scenario steps, then the captured hops as HAR 1.2.
import type { Browser } from 'puppeteer-core';
import { runScenario } from '../drive.ts';
import type { DemoScenario } from '../scenarios.ts';
import type { DemoServer } from '../server.ts';
import { CdpCapture } from './cdp-capture.ts';
import { type HarLog, toHar } from './to-har.ts';

/** "HeadlessChrome/156.0.8078.79" or "Chrome/156…" → "156.0.8078.79". */
export async function chromiumVersion(browser: Browser): Promise<string> {
  const version = await browser.version();
  return version.slice(version.indexOf('/') + 1);
}

export async function recordScenarioHar(
  browser: Browser,
  server: DemoServer,
  scenario: DemoScenario,
  creatorVersion: string,
): Promise<HarLog> {
  // The profile's own context, its cookies cleared first: no cookie from another scenario can leak in. (A new
  // browser context would be incognito-like, which blocks third-party cookies whatever the profile allows.)
  const context = browser.defaultBrowserContext();
  const page = await context.newPage();
  try {
    const storage = await page.createCDPSession();
    await storage.send('Network.clearBrowserCookies');
    await storage.detach();
    const capture = await CdpCapture.attach(page);
    await runScenario(page, server, scenario);
    await capture.stop();
    return toHar(capture.hops, capture.pageLoads, { creatorVersion, browserVersion: await chromiumVersion(browser) });
  } finally {
    await page.close();
  }
}
