// The real Firefox DevTools toolbox with the Sessions panel, driven from a test. Puppeteer speaks WebDriver
// BiDi to Firefox; started with --remote-allow-system-access, Firefox's BiDi also lists its chrome windows
// (`"moz:scope": "chrome"`) and evaluates script there with the browser's own privileges. From a chrome
// window the test opens the toolbox with DevTools' own `gDevTools.showToolboxForTab` and selects the panel the
// extension created. That panel is a <browser> in the extension's content process, out of reach of chrome
// script's DOM access, so its rows are read by a frame script loaded into that <browser> (the mechanism
// Firefox itself uses for extension panels: ext-browser-content.js), which sends them back as a message.
// Works headless: the toolbox needs a window, not a display.
import type { Browser, Page } from 'puppeteer-core';
import type { PanelRow } from './devtools-panel.ts';

/** The command-line flag that opens chrome windows to WebDriver BiDi (Firefox ≥ 138). */
export const SYSTEM_ACCESS_ARG = '--remote-allow-system-access';
const PANEL_TITLE = 'Sessions';

interface BidiConnection {
  send(method: string, params: object): Promise<{ result: unknown }>;
}

interface EvaluateResult {
  type: 'success' | 'exception';
  result?: { type: string; value?: unknown };
  exceptionDetails?: { text: string };
}

function bidi(browser: Browser): BidiConnection {
  // Puppeteer's Firefox browser exposes its BiDi connection; it has no API for chrome windows of its own.
  const connection = (browser as unknown as { connection?: BidiConnection }).connection;
  if (connection === undefined) throw new Error('not a WebDriver BiDi browser (launch Firefox with puppeteer)');
  return connection;
}

/**
 * Runs `body` (the text of an async function body) in Firefox's first browser window, as chrome code, with
 * `args` bound to the JSON value given; what it returns comes back through JSON.
 */
async function inChrome<T>(browser: Browser, body: string, args: unknown): Promise<T> {
  const connection = bidi(browser);
  const tree = (await connection.send('browsingContext.getTree', { 'moz:scope': 'chrome', maxDepth: 0 })).result as {
    contexts: { context: string; url: string }[];
  };
  const window = tree.contexts.find((c) => c.url === 'chrome://browser/content/browser.xhtml');
  if (window === undefined) {
    throw new Error(`no chrome browser window over BiDi: was Firefox started with ${SYSTEM_ACCESS_ARG}?`);
  }
  const expression = `(async (args) => { ${body} })(${JSON.stringify(args)}).then((value) => JSON.stringify(value ?? null))`;
  const evaluated = (
    await connection.send('script.evaluate', { expression, target: { context: window.context }, awaitPromise: true })
  ).result as EvaluateResult;
  if (evaluated.type === 'exception') throw new Error(`chrome script failed: ${evaluated.exceptionDetails?.text}`);
  return JSON.parse(String(evaluated.result?.value)) as T;
}

/**
 * Chrome-script helpers shared by the snippets below: DevTools' module loader, the tab with a given
 * browserId in any browser window, and the Sessions panel's <browser> in that tab's toolbox.
 */
const CHROME_PRELUDE = `
  const { require } = ChromeUtils.importESModule('resource://devtools/shared/loader/Loader.sys.mjs');
  const { gDevTools } = require('devtools/client/framework/devtools');
  const sleep = (ms) => new Promise((done) => setTimeout(done, ms));
  const allTabs = () =>
    [...Services.wm.getEnumerator('navigator:browser')].flatMap((w) => [...w.gBrowser.tabs].map((tab) => ({ w, tab })));
  const sessionsDefinition = (toolbox) =>
    [...toolbox.additionalToolDefinitions.values()].find((d) => d.label === ${JSON.stringify(PANEL_TITLE)});
  const panelBrowser = (browserId) => {
    const tab = allTabs().find((t) => t.tab.linkedBrowser.browserId === browserId)?.tab;
    const toolbox = tab && gDevTools.getToolboxForTab(tab);
    const definition = toolbox && sessionsDefinition(toolbox);
    const frame = definition && toolbox.doc.getElementById('toolbox-panel-iframe-' + definition.id);
    return frame?.contentDocument?.querySelector('browser') ?? undefined;
  };
`;

export interface FirefoxSessionsPanel {
  /** The toolbox's id of the extension's panel (DevTools derives it from the add-on id). */
  readonly toolId: string;
  /** The inspected tab's <browser>.browserId: stays the same across the tab's navigations. */
  readonly browserId: number;
}

/**
 * Opens the DevTools toolbox on `page`'s tab, as F12 would, and selects the Sessions panel; resolves once the
 * panel page has rendered its status line. `page` must be on a URL no other tab shows.
 */
export async function openFirefoxSessionsPanel(browser: Browser, page: Page): Promise<FirefoxSessionsPanel> {
  const opened = await inChrome<FirefoxSessionsPanel | { error: string }>(
    browser,
    `${CHROME_PRELUDE}
    const tabs = allTabs().filter((t) => t.tab.linkedBrowser.currentURI.spec === args.url);
    if (tabs.length !== 1) return { error: tabs.length + ' tabs show ' + args.url };
    const { w, tab } = tabs[0];
    w.gBrowser.selectedTab = tab;
    const toolbox = await gDevTools.showToolboxForTab(tab, { toolId: 'webconsole' });
    // The extension's devtools page creates the panel a moment after the toolbox opens.
    let definition;
    for (let i = 0; i < 150 && !(definition = sessionsDefinition(toolbox)); i++) await sleep(100);
    if (!definition) return { error: 'no ${PANEL_TITLE} panel in the toolbox: ' + [...toolbox.additionalToolDefinitions.keys()] };
    await toolbox.selectTool(definition.id);
    return { toolId: definition.id, browserId: tab.linkedBrowser.browserId };`,
    { url: page.url() },
  );
  if ('error' in opened) throw new Error(`opening the Firefox toolbox: ${opened.error}`);
  await pollPanel(browser, opened, 'the panel page to render', 30_000, (doc) =>
    doc.querySelector('[data-testid="panel-status"]') !== null ? true : undefined,
  );
  return opened;
}

/**
 * Runs `read` on the panel page's document in the extension's process (through a frame script) and returns
 * its JSON result. `read` must be self-contained: its source text is what runs there.
 */
async function inPanelDocument<T>(
  browser: Browser,
  panel: FirefoxSessionsPanel,
  read: (doc: Document) => T,
): Promise<T | undefined> {
  const reply = await inChrome<{ value?: string; error?: string }>(
    browser,
    `${CHROME_PRELUDE}
    const target = panelBrowser(args.browserId);
    if (!target || !target.currentURI.spec.startsWith('moz-extension:')) return { error: 'the panel page is not loaded' };
    const topic = 'sessionscope-e2e:' + Math.random().toString(36).slice(2);
    const mm = target.messageManager;
    const answer = new Promise((done) => {
      const listener = (message) => { mm.removeMessageListener(topic, listener); done(message.data); };
      mm.addMessageListener(topic, listener);
      setTimeout(() => done({ error: 'the frame script did not answer within 5 s' }), 5000);
    });
    // The page function runs on the panel's document and its JSON result is sent back under this topic.
    const script = 'try { sendAsyncMessage(' + JSON.stringify(topic) + ', { value: JSON.stringify((' + args.read +
      ')(content.document) ?? null) }); } catch (e) { sendAsyncMessage(' + JSON.stringify(topic) + ', { error: String(e) }); }';
    mm.loadFrameScript('data:,' + encodeURIComponent(script), false);
    return answer;`,
    { browserId: panel.browserId, read: read.toString() },
  );
  if (reply.error !== undefined) throw new Error(reply.error);
  return JSON.parse(reply.value ?? 'null') as T | undefined;
}

async function pollPanel<T>(
  browser: Browser,
  panel: FirefoxSessionsPanel,
  what: string,
  timeoutMs: number,
  read: (doc: Document) => T | undefined,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError = '';
  for (;;) {
    try {
      const value = await inPanelDocument(browser, panel, read);
      if (value !== undefined && value !== null) return value;
    } catch (error) {
      lastError = ` (last: ${(error as Error).message})`;
    }
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${lastError}`);
    await new Promise((done) => setTimeout(done, 250));
  }
}

/**
 * The timeline rows the panel has in its DOM, read as devtools-panel.ts reads them in Chromium. A page
 * function without named inner functions: tsx would wrap those in a `__name` helper the panel lacks.
 */
const renderedRows = (doc: Document): PanelRow[] =>
  [...doc.querySelectorAll('[data-testid="request-row"]')].map((row) => ({
    seq: row.getAttribute('data-seq') ?? '',
    method: row.querySelector('[data-testid="row-method"]')?.textContent?.trim() ?? '',
    url: row.querySelector('[data-testid="row-url"]')?.getAttribute('title') ?? '',
    status: row.querySelector('[data-testid="row-status"]')?.textContent?.trim() ?? '',
    sent: [...row.querySelectorAll('[data-testid="cookie-sent"]')].map((item) => ({
      name: item.getAttribute('data-cookie-name') ?? '',
      text: item.textContent?.trim() ?? '',
    })),
    set: [...row.querySelectorAll('[data-testid="cookie-set"]')].map((item) => ({
      name: item.getAttribute('data-cookie-name') ?? '',
      text: item.textContent?.trim() ?? '',
    })),
    notSent: [...row.querySelectorAll('[data-testid="cookie-not-sent"]')].map((item) => ({
      name: item.getAttribute('data-cookie-name') ?? '',
      reason: item.querySelector('[data-testid="not-sent-reason"]')?.textContent?.trim() ?? '',
    })),
    findings: [...row.querySelectorAll('[data-testid="finding"]')].map((item) => item.getAttribute('data-rule') ?? ''),
    markers: [...row.querySelectorAll('[data-testid="marker"]')].map((item) => item.textContent?.trim() ?? ''),
  }));

/**
 * Waits until the Sessions panel's rows satisfy `done` and returns them (events reach the panel in batches);
 * on time-out the error shows the rows the panel had.
 */
export async function waitForFirefoxPanelRows(
  browser: Browser,
  panel: FirefoxSessionsPanel,
  done: (rows: PanelRow[]) => boolean,
  timeoutMs = 15_000,
): Promise<PanelRow[]> {
  const deadline = Date.now() + timeoutMs;
  let rows: PanelRow[] = [];
  for (;;) {
    rows = (await inPanelDocument(browser, panel, renderedRows)) ?? [];
    if (done(rows)) return rows;
    if (Date.now() > deadline) {
      throw new Error(`timed out after ${timeoutMs} ms; the panel shows: ${JSON.stringify(rows, null, 1)}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/** The panel's host-access notice ("Sessionscope may not see this site's requests yet"), if it shows one. */
export function firefoxHostAccessNotice(browser: Browser, panel: FirefoxSessionsPanel): Promise<string | undefined> {
  return inPanelDocument(
    browser,
    panel,
    (doc) => doc.querySelector('[data-testid="host-access"]')?.textContent?.trim() ?? null,
  ).then((text) => text ?? undefined);
}
