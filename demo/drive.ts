// Plays a demo scenario's steps in a puppeteer page, waiting for each navigation to finish, so a
// recorder or an extension test sees the same requests every run.
import type { Page } from 'puppeteer-core';
import type { DemoScenario, ScenarioStep } from './scenarios.ts';
import type { DemoServer } from './server.ts';

/**
 * Every cookie of the page's browser context gone, for a clean start: Chromium's DevTools protocol
 * `Network.clearBrowserCookies`, or the context's cookie list in Firefox (WebDriver BiDi has no CDP).
 */
export async function clearCookies(page: Page): Promise<void> {
  // createCDPSession throws in a WebDriver BiDi (Firefox) page: use the context's cookie API there.
  const cdp = await page.createCDPSession().catch(() => undefined);
  if (cdp !== undefined) {
    try {
      await cdp.send('Network.clearBrowserCookies');
    } finally {
      await cdp.detach();
    }
    return;
  }
  const context = page.browserContext();
  await context.deleteCookie(...(await context.cookies()));
}

async function runStep(page: Page, server: DemoServer, step: ScenarioStep): Promise<void> {
  switch (step.action) {
    case 'goto':
      await page.goto(server.url(step.scheme, step.host, step.path), { waitUntil: 'load' });
      return;
    case 'click': {
      const target = await page.waitForSelector(step.selector);
      if (target === null) throw new Error(`no element ${step.selector}`);
      // The element's own click(), not a mouse click at its coordinates: with DevTools docked in the same
      // window a mouse click sometimes started no navigation (30 s timeouts in the E2E runs with a panel).
      await Promise.all([
        page.waitForNavigation({ waitUntil: 'load' }),
        target.evaluate((el) => (el as HTMLElement).click()),
      ]);
      await target.dispose();
      return;
    }
    case 'submit': {
      const form = await page.waitForSelector(step.selector);
      if (form === null) throw new Error(`no form ${step.selector}`);
      // requestSubmit() runs the browser's own submission, as a click on the submit button would.
      await Promise.all([
        page.waitForNavigation({ waitUntil: 'load' }),
        form.evaluate((f) => (f as HTMLFormElement).requestSubmit()),
      ]);
      await form.dispose();
      return;
    }
    case 'wait':
      await new Promise((resolve) => setTimeout(resolve, step.ms));
      return;
  }
}

export async function runScenario(page: Page, server: DemoServer, s: DemoScenario): Promise<void> {
  for (const [i, step] of s.steps.entries()) {
    try {
      await runStep(page, server, step);
    } catch (err) {
      throw new Error(`scenario ${s.id}, step ${i + 1} (${step.action}): ${(err as Error).message}`, { cause: err });
    }
  }
}
