// "What happened" in headless Chromium's real DevTools Sessions panel: after the demo's secure-lost-on-http
// scenario, the banner above the request list tells the loss in words (lost, sid, not sent over http://),
// wraps instead of cutting the cause at the docked width, and its link selects and reveals the request's row;
// the row names the session ID by the hash the CLI report prints. Then the recorded fixture HAR, imported
// through the panel's file input, tells the same story. Screenshots go to test-output/ (git-ignored).
import { mkdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { ElementHandle, Frame, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clearCookies, runScenario } from '../../demo/drive.ts';
import { findScenario } from '../../demo/scenarios.ts';
import type { DemoServer } from '../../demo/server.ts';
import { analyzeTrace } from '../../src/core/analysis/analyze.ts';
import { parseTraceFile } from '../../src/core/open/readTrace.ts';
import { poll, readPanelRows, screenshotPanel } from './helpers/devtools-panel.ts';
import { launchWithPanel, type PanelSession } from './helpers/launch.ts';

const OUTPUT_DIR = resolve('test-output');
const FIXTURE = resolve('test/fixtures/demo-har/secure-lost-on-http.har');

let session: PanelSession;
let server: DemoServer;
let page: Page;
let panel: Frame;

beforeAll(async () => {
  mkdirSync(OUTPUT_DIR, { recursive: true });
  session = await launchWithPanel();
  ({ server, page, panel } = session);
});

afterAll(() => session?.close());

interface ShownStory {
  readonly kind: string;
  readonly entry: string;
  readonly headline: string;
  /** The headline's box is as wide as its text: nothing cut or hidden sideways. */
  readonly fits: boolean;
  readonly bannerRight: number;
}

function readStories(): Promise<ShownStory[]> {
  return panel.$$eval('[data-testid="story"]', (els) =>
    els.map((el) => {
      const h = el.querySelector('[data-testid="story-headline"]') as HTMLElement;
      const banner = el.closest('[data-testid="story-banner"]') as HTMLElement;
      return {
        kind: (el as HTMLElement).dataset.kind ?? '',
        entry: (el as HTMLElement).dataset.entry ?? '',
        headline: h.textContent ?? '',
        fits: h.scrollWidth <= h.clientWidth + 1 && getComputedStyle(h).textOverflow !== 'ellipsis',
        bannerRight: banner.getBoundingClientRect().right,
      };
    }),
  );
}

async function selectedEntries(): Promise<string[]> {
  return panel.$$eval('[data-testid="request-row"][aria-selected="true"]', (rows) =>
    rows.map((r) => (r as HTMLElement).dataset.entry ?? ''),
  );
}

async function screenshot(name: string): Promise<void> {
  await panel.evaluate(
    () =>
      new Promise((done) => {
        requestAnimationFrame(() => requestAnimationFrame(done));
        setTimeout(done, 300);
      }),
  );
  await screenshotPanel(panel, resolve(OUTPUT_DIR, `panel-story-${name}.png`));
}

/** The story shown, checked against what it must say; then its link selects its row. */
async function expectLostStory(stories: readonly ShownStory[]): Promise<void> {
  const lost = stories.find((s) => s.kind === 'lost');
  expect(lost, JSON.stringify(stories)).toBeDefined();
  expect(lost!.headline).toMatch(/^Your session was lost at /);
  expect(lost!.headline).toContain('`sid`');
  expect(lost!.headline).toContain('not sent over http://');
  expect(lost!.headline).toContain(`(#${lost!.entry})`);
  // Readable at the docked width: wrapped inside the window, never cut.
  expect(lost!.fits).toBe(true);
  expect(lost!.bannerRight).toBeLessThanOrEqual(await panel.evaluate(() => window.innerWidth));
  expect(await panel.evaluate(() => window.innerWidth)).toBeLessThan(700);

  await panel.$eval(`[data-testid="story-link"][data-entry="${lost!.entry}"]`, (el) => (el as HTMLElement).click());
  const selected = await poll('the story row selected', 15_000, async () => {
    const s = await selectedEntries();
    return s.length > 0 ? s : undefined;
  });
  expect(selected).toEqual([lost!.entry]);
  // Revealed: the selected row is inside the scroller's visible box.
  const visible = await panel.$eval(`[data-testid="request-row"][data-entry="${lost!.entry}"]`, (row) => {
    const scroller = row.closest('[data-testid="timeline-scroller"]') as HTMLElement;
    const r = row.getBoundingClientRect();
    const s = scroller.getBoundingClientRect();
    return r.top >= s.top - 1 && r.bottom <= s.bottom + 1;
  });
  expect(visible).toBe(true);
}

describe('Chrome: the story banner in the Sessions panel', () => {
  it('secure-lost-on-http, recorded live: the banner says the session was lost and why, and its link selects the row', async () => {
    const s = findScenario('secure-lost-on-http');
    await panel.$eval('[data-testid="tab-timeline"]', (el) => (el as HTMLElement).click());
    await panel.$eval('[data-testid="clear"]', (el) => (el as HTMLElement).click());
    await clearCookies(page);
    await runScenario(page, server, s);
    const stories = await poll('the lost story', 15_000, async () => {
      const shown = await readStories();
      return shown.some((x) => x.kind === 'lost') ? shown : undefined;
    });
    await screenshot('live');
    await expectLostStory(stories);
    // The row that sent the ID names it by the short hash the reports use.
    const rows = await readPanelRows(panel);
    expect(rows.some((r) => r.url.startsWith('https://') && r.url.includes('/secure/'))).toBe(true);
    const hashes = await panel.$$eval('[data-testid="id-hash"]', (els) => els.map((e) => e.textContent ?? ''));
    expect(hashes.length).toBeGreaterThan(0);
    for (const h of hashes) expect(h).toMatch(/^h:[0-9a-f]{8}$/);
    // The hash is what the narrow session-ID column keeps in view (the raw value after it may be clipped; the
    // Set-Cookie column is hidden at this width).
    const clipped = await panel.$$eval(
      '[data-testid="request-row"] .session-ids [data-testid="id-hash"]',
      (els) =>
        els.filter((e) => {
          const r = e.getBoundingClientRect();
          const cell = e.closest('.cell') as HTMLElement;
          const contentRight =
            cell.getBoundingClientRect().right - Number.parseFloat(getComputedStyle(cell).paddingRight);
          // A cell that overflows ends in an ellipsis about one character wide (the hash has ten): the hash is
          // whole only if it ends before that ellipsis.
          const cut = cell.scrollWidth > cell.clientWidth && r.right + r.width / 10 > contentRight;
          return r.width === 0 || r.right > contentRight + 0.5 || cut;
        }).length,
    );
    expect(clipped).toBe(0);
  });

  it('the recorded HAR, imported: the same story, the same hash as the CLI, and the link selects the row', async () => {
    const input = (await panel.$('input[data-testid="import-input"]')) as ElementHandle<HTMLInputElement> | null;
    await input!.uploadFile(FIXTURE);
    await poll('the imported tab', 15_000, async () => {
      const tabs = await panel.$$eval('[data-testid="source-tab"]', (els) => els.map((e) => e.textContent ?? ''));
      return tabs.some((t) => t.includes('secure-lost-on-http.har') && !t.includes('analysing')) ? tabs : undefined;
    });
    const cli = analyzeTrace(parseTraceFile(readFileSync(FIXTURE, 'utf8'), 'secure-lost-on-http.har'));
    const expected = cli.story!.find((x) => x.kind === 'lost')!;
    const stories = await poll('the imported story', 15_000, async () => {
      const shown = await readStories();
      return shown.some((x) => x.entry === String(expected.entry)) ? shown : undefined;
    });
    expect(stories.find((x) => x.kind === 'lost')?.headline).toBe(expected.headline);
    await expectLostStory(stories);
    const lostId = cli.findings.find((f) => f.rule === 'session-reset')!.evidence.lostId;
    const hashes = await panel.$$eval('[data-testid="id-hash"]', (els) => els.map((e) => e.textContent ?? ''));
    expect(hashes).toContain(lostId);
    await screenshot('imported');
  });
});
