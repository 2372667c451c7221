// What most E2E files start with: the demo server, Chromium with the built extension, its service worker, and for
// the panel tests a page with the Sessions panel open in its DevTools window. One place for the extension's
// directory too (files that named 'dist/chrome' themselves ignored SESSIONSCOPE_CHROME_DIR).
import { resolve } from 'node:path';
import type { Browser, Frame, Page, WebWorker } from 'puppeteer-core';
import { launchChromium } from '../../../demo/chromium.ts';
import { type DemoServer, startDemoServer } from '../../../demo/server.ts';
import { extensionWorker, pageWithPanel } from './devtools-panel.ts';

/** The built Chrome extension the tests load; another build can be tried with SESSIONSCOPE_CHROME_DIR. */
export const CHROME_EXTENSION_DIR = resolve(process.env.SESSIONSCOPE_CHROME_DIR ?? 'dist/chrome');

export interface ExtensionSession {
  readonly server: DemoServer;
  readonly browser: Browser;
  readonly extensionId: string;
  readonly worker: WebWorker;
  /** Closes the browser, then the server. */
  close(): Promise<void>;
}

export interface PanelSession extends ExtensionSession {
  /** The inspected page, and its DevTools window with the Sessions panel open and in front. */
  readonly page: Page;
  readonly devtools: Page;
  readonly panel: Frame;
}

/**
 * The demo server and Chromium with the extension loaded (DevTools opening with each new page unless
 * `devtools: false`), once its service worker runs. What was started is closed again if a later step fails, so a
 * failed beforeAll leaves no browser behind.
 */
export async function launchWithExtension(options: { devtools?: boolean } = {}): Promise<ExtensionSession> {
  const server = await startDemoServer();
  let browser: Browser | undefined;
  try {
    browser = await launchChromium({ extensionDir: CHROME_EXTENSION_DIR, devtools: options.devtools ?? true });
    const { id, worker } = await extensionWorker(browser);
    const launched = browser;
    return {
      server,
      browser: launched,
      extensionId: id,
      worker,
      async close() {
        await launched.close();
        await server.close();
      },
    };
  } catch (error) {
    await browser?.close();
    await server.close();
    throw error;
  }
}

/** launchWithExtension, and a page with the Sessions panel open in its DevTools window. */
export async function launchWithPanel(): Promise<PanelSession> {
  const session = await launchWithExtension();
  try {
    return { ...session, ...(await pageWithPanel(session.browser, session.extensionId)) };
  } catch (error) {
    await session.close();
    throw error;
  }
}
