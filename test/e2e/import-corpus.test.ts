// Every file of test/fixtures/corpora/har/ through the Sessions panel's import input in headless Chromium's real
// DevTools (issue 6: "imports or is refused as described, in the panel and the CLI"), one browser for all.
// A good file opens in its own imported view with the rows, findings and lanes the CLI reports for it; a broken
// one is refused with the CLI's own message (what is wrong and where) and changes nothing; the live recording
// stays as it was after each.
import { readdirSync, readFileSync } from 'node:fs';
import type { Frame, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clearCookies, runScenario } from '../../demo/drive.ts';
import { findScenario } from '../../demo/scenarios.ts';
import type { DemoServer } from '../../demo/server.ts';
import { main } from '../../src/cli/main.ts';
import { BROKEN_CORPUS_HARS, CORPORA } from '../helpers/shared.ts';
import { poll, readPanelRows } from './helpers/devtools-panel.ts';
import { launchWithPanel, type PanelSession } from './helpers/launch.ts';
import {
  importIntoPanel,
  readShownFindings,
  readShownLanes,
  type ShownFinding,
  shownRowCount,
  showSource,
} from './helpers/panel-files.ts';

const CORPUS = `${CORPORA}har/`;
const FILES = readdirSync(CORPUS)
  .filter((f) => f.endsWith('.har'))
  .sort();

interface CliReport {
  input: { entries: number };
  findings: { rule: string; severity: string; cookie?: string; entry: number }[];
  sessions: { origin: string; cookie: string; ids: unknown[] }[];
  requests: unknown[];
}

/** `sessionscope analyze NAME --format json --requests`, run in-process on the corpus file of that name. */
async function cli(name: string): Promise<{ code: number; report?: CliReport; stderr: string }> {
  let out = '';
  let stderr = '';
  const code = await main(['analyze', name, '--format', 'json', '--requests'], {
    readFile: (p) => readFileSync(`${CORPUS}${p}`, 'utf8'),
    stdout: (s) => {
      out += s;
    },
    stderr: (s) => {
      stderr += s;
    },
  });
  return { code, stderr, ...(out ? { report: JSON.parse(out) as CliReport } : {}) };
}

let session: PanelSession;
let server: DemoServer;
let page: Page;
let panel: Frame;
let liveUrls: string[];

beforeAll(async () => {
  session = await launchWithPanel();
  ({ server, page, panel } = session);
  // Something live to keep: the rotation scenario's requests.
  await clearCookies(page);
  const logStart = server.requestLog.length;
  await runScenario(page, server, findScenario('rotation'));
  // Every request the demo server answered for the scenario is a row: wait for all of them, not for a pause.
  const served = server.requestLog.length - logStart;
  const rows = await poll(`the ${served} requests of the rotation scenario as rows`, 15_000, async () => {
    const shown = await readPanelRows(panel);
    return shown.length >= served ? shown : undefined;
  });
  liveUrls = rows.map((r) => r.url);
}, 60_000);

afterAll(() => session?.close());

const sorted = (list: readonly ShownFinding[]) =>
  [...list].sort((a, b) => a.entry - b.entry || a.rule.localeCompare(b.rule) || a.cookie.localeCompare(b.cookie));

async function liveIsUnchanged(name: string): Promise<void> {
  // With no import open the panel shows no source tabs at all: it is on the live view then.
  if ((await panel.$('[data-testid="source-tab"][data-source="live"]')) !== null) await showSource(panel, 'live');
  expect(await panel.$eval('main', (m) => m.getAttribute('data-source'))).toBe('live');
  await panel.$eval('[data-testid="tab-timeline"]', (el) => (el as HTMLElement).click());
  expect(
    (await readPanelRows(panel)).map((r) => r.url),
    `live rows after ${name}`,
  ).toEqual(liveUrls);
}

describe('Chrome: every corpus HAR through the panel’s import input', () => {
  it('the corpus holds the files issue 6 speaks of, and the live recording has rows to keep', () => {
    expect(FILES.length).toBeGreaterThanOrEqual(17);
    expect(FILES).toEqual(expect.arrayContaining([...BROKEN_CORPUS_HARS]));
    expect(liveUrls.length).toBeGreaterThan(0);
  });

  it('refuses each broken file with the CLI’s message, changing nothing', async () => {
    for (const name of BROKEN_CORPUS_HARS) {
      const expected = await cli(name);
      expect(expected.code, name).toBe(2);
      // The CLI's one line: "sessionscope: <file>: <what is wrong> (at <where>)".
      const message = expected.stderr.trim().replace(/^sessionscope: /, '');
      expect(message).toMatch(new RegExp(`^${name.replaceAll('.', '\\.')}: .+\\(at .+\\)$`));
      const tabsBefore = await panel.$$eval('[data-testid="source-tab"]', (t) => t.length);
      const shownBefore = await panel.$eval('main', (m) => m.getAttribute('data-source'));
      const result = await importIntoPanel(panel, `${CORPUS}${name}`);
      expect(result.error, name).toBe(`Could not open the file: ${message}`);
      expect(await panel.$$eval('[data-testid="source-tab"]', (t) => t.length), name).toBe(tabsBefore);
      expect(await panel.$eval('main', (m) => m.getAttribute('data-source')), name).toBe(shownBefore);
      await liveIsUnchanged(name);
    }
  });

  it('opens each good file in its own view with the CLI’s rows, findings and lanes', async () => {
    const timings: string[] = [];
    for (const name of FILES.filter((f) => !BROKEN_CORPUS_HARS.includes(f))) {
      const started = Date.now();
      const expected = await cli(name);
      expect(expected.stderr, name).toBe('');
      const report = expected.report!;
      const result = await importIntoPanel(panel, `${CORPUS}${name}`);
      expect(result.error, name).toBeUndefined();
      const label = await panel.$eval(
        `[data-testid="source-tab"][data-source="${result.source}"]`,
        (el) => el.textContent ?? '',
      );
      expect(label, name).toContain(`Imported: ${name}`);
      expect(await shownRowCount(panel), name).toBe(report.requests.length);
      await panel.$eval('[data-testid="tab-timeline"]', (el) => (el as HTMLElement).click());
      expect((await panel.$$('[data-testid="request-row"]')).length, `${name} rows in the DOM`).toBeGreaterThan(0);
      expect(sorted(await readShownFindings(panel)), name).toEqual(
        sorted(
          report.findings.map((f) => ({ rule: f.rule, severity: f.severity, entry: f.entry, cookie: f.cookie ?? '' })),
        ),
      );
      const lanes = await readShownLanes(panel);
      const key = (l: { origin: string; cookie: string; ids: unknown[] | readonly unknown[] }) =>
        `${l.origin} ${l.cookie} ${l.ids.length}`;
      expect(lanes.map(key).sort(), name).toEqual(report.sessions.map(key).sort());
      // Close it again (as a user would), so the panel holds one import at a time.
      await panel.$eval(`[data-testid="source-tab"][data-source="${result.source}"] button.close`, (el) =>
        (el as HTMLElement).click(),
      );
      await liveIsUnchanged(name);
      timings.push(`${name} ${report.requests.length} rows ${Date.now() - started} ms`);
    }
    console.log(`corpus imports:\n${timings.join('\n')}`);
  });

  it('takes a file dropped on the panel the same way as a picked one', async () => {
    const drop = (name: string) =>
      panel.evaluate(
        (fileName, text) => {
          const data = new DataTransfer();
          data.items.add(new File([text], fileName, { type: 'application/json' }));
          document
            .querySelector('main')
            ?.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
        },
        name,
        readFileSync(`${CORPUS}${name}`, 'utf8'),
      );
    const broken = 'harviewer-not-valid.har';
    const refusal = (await cli(broken)).stderr.trim().replace(/^sessionscope: /, '');
    await drop(broken);
    const error = await panel.waitForSelector('[data-testid="import-error"] span', { timeout: 10_000 });
    expect(await error?.evaluate((el) => el.textContent)).toBe(`Could not open the file: ${refusal}`);
    await liveIsUnchanged(broken);

    const good = 'harviewer-noPages.har';
    await drop(good);
    const tab = await panel.waitForSelector('[data-testid="source-tab"]:not([data-source="live"])', {
      timeout: 10_000,
    });
    expect(await tab?.evaluate((el) => el.textContent)).toContain(`Imported: ${good}`);
    expect(await panel.$('[data-testid="import-error"]')).toBeNull();
    expect(await shownRowCount(panel)).toBe((await cli(good)).report!.requests.length);
    await liveIsUnchanged(good);
  });
});
