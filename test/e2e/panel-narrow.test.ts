// The Sessions panel at the narrow width of a docked DevTools (~400 px): after recording a demo scenario in
// headless Chromium's real DevTools, the DevTools page is resized to 400 px and the timeline's key columns
// (method, URL, session ID sent, findings), the view tabs and the request detail must stay in view with no
// sideways overflow of the main layout. Screenshots go to test-output/ (git-ignored).
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Frame, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clearCookies, runScenario } from '../../demo/drive.ts';
import { findScenario } from '../../demo/scenarios.ts';
import type { DemoServer } from '../../demo/server.ts';
import { poll, readPanelRows, screenshotPanel } from './helpers/devtools-panel.ts';
import { launchWithPanel, type PanelSession } from './helpers/launch.ts';

const OUTPUT_DIR = resolve('test-output');
const NARROW = 400;

let session: PanelSession;
let server: DemoServer;
let page: Page;
let devtools: Page;
let panel: Frame;

beforeAll(async () => {
  mkdirSync(OUTPUT_DIR, { recursive: true });
  session = await launchWithPanel();
  ({ server, page, devtools, panel } = session);
});

afterAll(() => session?.close());

const click = (selector: string) => panel.$eval(selector, (el) => (el as HTMLElement).click());

/** Lets the panel lay out and paint what it just rendered. */
const settle = () =>
  panel.evaluate(
    () =>
      new Promise((done) => {
        requestAnimationFrame(() => requestAnimationFrame(done));
        setTimeout(done, 300);
      }),
  );

interface Box {
  readonly testId: string;
  readonly left: number;
  readonly right: number;
  readonly width: number;
}

/** The horizontal extent of every element matching `selector` inside the panel, and the frame's width. */
function boxes(selector: string): Promise<{ width: number; scrollWidth: number; boxes: Box[] }> {
  return panel.$$eval(selector, (els) => ({
    width: window.innerWidth,
    scrollWidth: document.documentElement.scrollWidth,
    boxes: els.map((el) => {
      const r = el.getBoundingClientRect();
      return {
        testId: (el as HTMLElement).dataset.testid ?? el.className,
        left: r.left,
        right: r.right,
        width: r.width,
      };
    }),
  }));
}

function expectInside(found: { width: number; boxes: readonly Box[] }, what: string, minWidth = 1): void {
  expect(found.boxes.length, `${what}: nothing found`).toBeGreaterThan(0);
  for (const b of found.boxes) {
    expect(b.width, `${what} (${b.testId}) is collapsed`).toBeGreaterThanOrEqual(minWidth);
    expect(b.left, `${what} (${b.testId}) starts left of the panel`).toBeGreaterThanOrEqual(0);
    expect(b.right, `${what} (${b.testId}) ends past the panel's right edge`).toBeLessThanOrEqual(found.width + 0.5);
  }
}

describe('Chrome: the Sessions panel in a narrow (400 px) DevTools', () => {
  it('keeps method, URL, session ID, findings, the tabs and the detail in view without sideways overflow', async () => {
    const s = findScenario('load-balancer');
    await clearCookies(page);
    await runScenario(page, server, s);
    await poll('the scenario findings', 15_000, async () => {
      const rules = (await readPanelRows(panel)).flatMap((r) => r.findings);
      return s.expected.every((e) => rules.includes(e.rule)) ? rules : undefined;
    });

    // Resized only after recording: resizing the DevTools target stalls the inspected page's navigations.
    // The panel frame is narrower than the DevTools page by DevTools' own chrome around it; size the page
    // so that the panel frame itself is 400 px wide.
    const frameWidth = () => panel.evaluate(() => window.innerWidth);
    // DevTools' side parts do not shrink in proportion, so adjust a few times until the frame is 400 px.
    let pageWidth = await devtools.evaluate(() => window.innerWidth);
    for (let attempt = 0; attempt < 4; attempt++) {
      const off = (await frameWidth()) - NARROW;
      if (Math.abs(off) <= 8) break;
      pageWidth -= off;
      await devtools.setViewport({ width: pageWidth, height: 700 });
      await poll('the panel frame to resize', 5_000, async () =>
        (await frameWidth()) !== off + NARROW ? true : undefined,
      ).catch(() => undefined);
      await settle();
    }
    console.log(`DevTools page ${pageWidth} px, panel frame ${await frameWidth()} px`);
    await settle();
    const width = await frameWidth();
    expect(Math.abs(width - NARROW)).toBeLessThanOrEqual(8);

    const page1 = await boxes('main');
    expect(page1.scrollWidth - page1.width, 'the main layout scrolls sideways').toBeLessThanOrEqual(0);
    expectInside(await boxes('.view-tabs > button'), 'view tab', 20);
    expectInside(
      await boxes('.thead .cell.method, .thead .cell.url, .thead .cell.session-ids, .thead .cell.marks'),
      'timeline header',
      20,
    );
    const rowCells = await boxes(
      '[data-testid="request-row"] .cell.method, [data-testid="request-row"] .cell.url, [data-testid="request-row"] .cell.session-ids, [data-testid="request-row"] .cell.marks',
    );
    expectInside(rowCells, 'timeline cell', 20);
    // A finding badge on a row is visible (its start lies inside the panel).
    // The first finding badge of each row starts inside the panel (later ones may be cut off by the cell).
    // (A row with several findings shows their count before them: the first *finding* of each row is meant.)
    const badges = await boxes(
      '[data-testid="request-row"] .cell.marks > :nth-child(1 of [data-testid="finding"]), [data-testid="request-row"] .cell.marks > [data-testid="finding-count"]',
    );
    expect(badges.boxes.length).toBeGreaterThan(0);
    for (const b of badges.boxes) expect(b.left + 20).toBeLessThan(width);
    await panel.$eval('main', (m) => m.scrollIntoView());
    await screenshotPanel(panel, resolve(OUTPUT_DIR, 'panel-narrow-timeline.png'));

    // The request detail of the row with the reset.
    const rows = await readPanelRows(panel);
    const withFinding = rows.find((r) => r.findings.length > 0)!;
    await panel.$eval(`[data-testid="request-row"][data-seq="${withFinding.seq}"]`, (el) =>
      (el as HTMLElement).click(),
    );
    await panel.waitForSelector('[data-testid="request-detail"]', { timeout: 5_000 });
    await settle();
    const detail = await boxes('[data-testid="request-detail"]');
    expectInside(detail, 'request detail', 200);
    expect(detail.scrollWidth - detail.width, 'the detail scrolls sideways').toBeLessThanOrEqual(0);
    const detailOverflow = await panel.$eval('[data-testid="request-detail"]', (el) => el.scrollWidth - el.clientWidth);
    expect(detailOverflow, 'the detail pane scrolls sideways').toBeLessThanOrEqual(0);
    await screenshotPanel(panel, resolve(OUTPUT_DIR, 'panel-narrow-detail.png'));

    // The other views fit as well.
    await panel.evaluate(() => document.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape' })));
    for (const view of ['lanes', 'findings', 'cookies'] as const) {
      await click(`[data-testid="tab-${view}"]`);
      await settle();
      const overflow = await panel.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow, `${view}: the main layout scrolls sideways`).toBeLessThanOrEqual(0);
      await screenshotPanel(panel, resolve(OUTPUT_DIR, `panel-narrow-${view}.png`));
    }
  });
});
