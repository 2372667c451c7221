// The demo's burst page (demo/apps/burst.ts) driven from a test: `n` fetches over `ms` milliseconds, spread over
// several host names of burst.test, with the page's own count of what was answered.
import type { Page } from 'puppeteer-core';
import type { DemoServer } from '../../../demo/server.ts';
import { until } from './extension-harness.ts';

/** What a burst page reported at its end. */
export interface BurstResult {
  /** From the page's load to the last answer. */
  readonly elapsedMs: number;
  readonly failed: number;
}

/** Loads the burst page in `page` and returns once every fetch it made was answered or failed. */
export async function runBurst(page: Page, server: DemoServer, n: number, ms: number): Promise<BurstResult> {
  const started = Date.now();
  await page.goto(server.url('http', 'burst.test', `/burst/?n=${n}&ms=${ms}`));
  await until(`the burst of ${n} fetches to finish`, 180_000, () =>
    page.evaluate((total) => {
      const b = (window as unknown as { __burst?: { done: number; failed: number } }).__burst;
      return b !== undefined && b.done + b.failed === total;
    }, n),
  );
  const failed = await page.evaluate(() => (window as unknown as { __burst: { failed: number } }).__burst.failed);
  return { elapsedMs: Date.now() - started, failed };
}
