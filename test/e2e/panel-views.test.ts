// The Sessions panel's views in headless Chromium's real DevTools, driven by the demo scenarios: for each,
// the findings view lists the scenario's expected findings, the session lane shows the ID change (or the
// kept-ID reset / not-sent) with its cause, and the request detail shows the not-sent cookie with its reason.
// Then a corpus HAR and a broken one go through the panel's file input. One browser for the whole file;
// screenshots go to test-output/ (git-ignored).
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Browser, ElementHandle, Frame, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../../demo/chromium.ts';
import { clearCookies, runScenario } from '../../demo/drive.ts';
import { DEMO_SCENARIOS, type DemoScenario, findScenario } from '../../demo/scenarios.ts';
import { type DemoServer, startDemoServer } from '../../demo/server.ts';
import { CORPORA } from '../helpers/shared.ts';
import { extensionWorker, pageWithPanel, readPanelRows } from './helpers/devtools-panel.ts';

const EXTENSION_DIR = resolve('dist/chrome');
const OUTPUT_DIR = resolve('test-output');
const CORPUS = `${CORPORA}har`;

let server: DemoServer;
let browser: Browser;
let page: Page;
let panel: Frame;

beforeAll(async () => {
  mkdirSync(OUTPUT_DIR, { recursive: true });
  server = await startDemoServer();
  browser = await launchChromium({ extensionDir: EXTENSION_DIR, devtools: true });
  const { id } = await extensionWorker(browser);
  ({ page, panel } = await pageWithPanel(browser, id));
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function poll<T>(what: string, attempt: () => Promise<T | undefined>, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await attempt().catch(() => undefined);
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

const click = (selector: string) => panel.$eval(selector, (el) => (el as HTMLElement).click());

/** Text and data attributes of every element with a test id, read in the panel. */
function readAll(testId: string): Promise<{ text: string; data: Record<string, string> }[]> {
  return panel.$$eval(`[data-testid="${testId}"]`, (els) =>
    els.map((el) => ({
      text: el.textContent?.trim() ?? '',
      data: { ...(el as HTMLElement).dataset } as Record<string, string>,
    })),
  );
}

async function screenshot(name: string): Promise<void> {
  // Let the panel paint what it just rendered (a capture right after a click came out blank at times).
  await panel.evaluate(
    () =>
      new Promise((resolve) => {
        requestAnimationFrame(() => requestAnimationFrame(resolve));
        setTimeout(resolve, 300);
      }),
  );
  await new Promise((resolve) => setTimeout(resolve, 100));
  const main = await panel.$('main');
  await main?.screenshot({ path: resolve(OUTPUT_DIR, `panel-${name}.png`) });
}

/** Clears the panel, runs the scenario with fresh cookies and waits until its findings are all shown. */
async function record(s: DemoScenario): Promise<void> {
  await click('[data-testid="tab-timeline"]');
  await click('[data-testid="clear"]');
  await clearCookies(page);
  await runScenario(page, server, s);
  await poll(`the findings of ${s.id}`, async () => {
    const rules = (await readPanelRows(panel)).flatMap((r) => r.findings);
    return s.expected.every((e) => rules.includes(e.rule)) ? rules : undefined;
  });
}

async function openDetailOf(urlPart: string, method = 'GET'): Promise<void> {
  await click('[data-testid="tab-timeline"]');
  const rows = await readPanelRows(panel);
  const row = rows.findLast((r) => r.method === method && r.url.includes(urlPart));
  if (!row) throw new Error(`no ${method} ${urlPart} row`);
  await panel.$eval(`[data-testid="request-row"][data-seq="${row.seq}"]`, (el) => (el as HTMLElement).click());
  await panel.waitForSelector('[data-testid="request-detail"]', { timeout: 5_000 });
}

/**
 * Waits until the findings view lists every expected finding with its cookie. It polls because one rule can
 * be expected for several cookies (samesite-cross-site: session-not-sent for sid, then for sessionid on the
 * later POST), and `record` returns as soon as each rule has shown up once.
 */
async function expectFindingsView(s: DemoScenario): Promise<void> {
  await click('[data-testid="tab-findings"]');
  const missing = (groups: { text: string; data: Record<string, string> }[]) =>
    s.expected.filter((e) => {
      const texts = groups.filter((g) => g.data.rule === e.rule).map((g) => g.text);
      return texts.length === 0 || (e.cookie !== undefined && !texts.some((t) => t.includes(e.cookie!)));
    });
  let last: typeof s.expected = s.expected;
  await poll('the findings view', async () => {
    last = missing(await readAll('finding-group'));
    return last.length === 0 ? true : undefined;
  }).catch(() => undefined);
  expect(
    last.map((e) => `${e.rule} ${e.cookie ?? ''}`),
    'expected findings missing from the findings view',
  ).toEqual([]);
}

async function laneEvents(cookie: string): Promise<{ text: string; data: Record<string, string> }[]> {
  await click('[data-testid="tab-lanes"]');
  return panel.$$eval(
    '[data-testid="lane"]',
    (lanes, name) =>
      lanes
        .filter((l) => (l as HTMLElement).dataset.cookie === name)
        .flatMap((l) =>
          [...l.querySelectorAll('[data-testid="lane-event"]')].map((e) => ({
            text: e.textContent?.trim() ?? '',
            data: { ...(e as HTMLElement).dataset } as Record<string, string>,
          })),
        ),
    cookie,
  );
}

/** Hue (0–360) and saturation (0–1) of a computed CSS `rgb()` colour. */
function hueOf(css: string): { hue: number; saturation: number } {
  const [r, g, b] = (css.match(/[\d.]+/g) ?? []).slice(0, 3).map((n) => Number(n) / 255) as [number, number, number];
  const max = Math.max(r, g, b);
  const min = Math.min(r, g, b);
  const d = max - min;
  const saturation = max === 0 ? 0 : d / max;
  if (d === 0) return { hue: 0, saturation };
  const h = max === r ? ((g - b) / d) % 6 : max === g ? (b - r) / d + 2 : (r - g) / d + 4;
  return { hue: (h * 60 + 360) % 360, saturation };
}
const isRed = (css: string) => {
  const { hue, saturation } = hueOf(css);
  return saturation > 0.3 && (hue <= 25 || hue >= 335);
};

/**
 * The lanes read at a glance: a time axis with clock times (ms on a short recording), a legend of the mark
 * colours, the lost ID of `cookie` ending in red and its loss mark red, and every ID colour not red.
 */
async function expectReadableLanes(cookie: string): Promise<void> {
  const ticks = await readAll('lane-axis-tick');
  expect(ticks.length, 'time axis ticks').toBeGreaterThanOrEqual(2);
  for (const t of ticks) expect(t.text).toMatch(/^\d\d:\d\d:\d\d\.\d{3}$/);
  const legend = await readAll('lane-legend-item');
  expect(legend.map((l) => l.data.tone)).toEqual(expect.arrayContaining(['loss', 'rotated', 'switch']));
  const drawn = await panel.$eval(`[data-testid="lane"][data-cookie="${cookie}"]`, (lane) => ({
    marks: [...lane.querySelectorAll('[data-testid="lane-mark"]')].map((m) => ({
      tone: (m as HTMLElement).dataset.tone ?? '',
      colour: getComputedStyle(m).backgroundColor,
    })),
    segments: [...lane.querySelectorAll('[data-testid="lane-segment"]')].map((el) => ({
      loss: (el as HTMLElement).dataset.loss === 'true',
      background: getComputedStyle(el).backgroundColor,
      border: getComputedStyle(el).borderTopColor,
      cap: getComputedStyle(el).boxShadow,
    })),
  }));
  const lossMarks = drawn.marks.filter((m) => m.tone === 'loss');
  expect(lossMarks.length, 'a loss mark on the lane').toBeGreaterThan(0);
  for (const m of lossMarks) expect(isRed(m.colour), `loss mark ${m.colour}`).toBe(true);
  for (const m of drawn.marks.filter((x) => x.tone !== 'loss')) expect(isRed(m.colour), `${m.tone} mark`).toBe(false);
  const lost = drawn.segments.filter((x) => x.loss);
  const kept = drawn.segments.filter((x) => !x.loss);
  expect(lost.length, 'a lost ID').toBeGreaterThan(0);
  expect(kept.length, 'an ID not lost').toBeGreaterThan(0);
  for (const x of lost) expect(isRed(x.cap.match(/rgba?\([^)]*\)/)?.[0] ?? ''), `lost ID cap ${x.cap}`).toBe(true);
  for (const x of kept) {
    expect(x.cap === 'none' || !isRed(x.cap), `kept ID cap ${x.cap}`).toBe(true);
  }
  for (const x of drawn.segments) {
    expect(isRed(x.background), `ID fill ${x.background}`).toBe(false);
    expect(isRed(x.border), `ID border ${x.border}`).toBe(false);
  }
}

describe('Chrome: the Sessions panel views for the demo scenarios', () => {
  it('secure-lost-on-http: not sent (SecureOnly), reset on the lane, detail with the reason', async () => {
    const s = findScenario('secure-lost-on-http');
    await record(s);
    await expectFindingsView(s);
    const reset = s.expected.find((e) => e.rule === 'session-reset')!;
    const events = await laneEvents(reset.cookie!);
    expect(events.map((e) => e.data.label).join(' | ')).toContain(`reset: ${reset.cause}`);
    await screenshot(`${s.id}-lanes`);
    await openDetailOf('http://shop.test');
    const notSent = s.expectedNotSent![0]!;
    const detail = await readAll('detail-not-sent');
    const cookie = detail.find((d) => d.data.cookieName === notSent.cookie);
    expect(cookie?.text).toContain(notSent.reason);
    await screenshot(`${s.id}-detail`);
    await panel.evaluate(() => document.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape' })));
    await panel.waitForSelector('[data-testid="timeline-scroller"]', { timeout: 5_000 });
    await screenshot(`${s.id}-timeline`);
  });

  it('logout: the lane shows sid cleared by the server; the detail shows the deleting Set-Cookie', async () => {
    const s = findScenario('logout');
    await record(s);
    await expectFindingsView(s);
    const reset = s.expected[0]!;
    const events = await laneEvents(reset.cookie!);
    const cleared = events.find((e) => e.data.kind === 'cleared');
    expect(cleared?.data.label).toContain(reset.cause);
    // A logout ends the session on purpose: said in words, and not in the loss colour.
    expect(cleared?.text).toContain('ended: the server deleted the cookie (logout)');
    expect(cleared?.data.tone).toBe('ended');
    await screenshot(`${s.id}-lanes`);
    await openDetailOf('/account/logout');
    const sets = await readAll('detail-set-cookie');
    expect(sets.find((c) => c.data.cookieName === reset.cookie)?.data.outcome).toBe('deleted');
    expect((await readAll('detail-sent')).map((c) => c.data.cookieName)).toContain(reset.cookie);
    await screenshot(`${s.id}-detail`);
  });

  it('load-balancer: the lane shows JSESSIONID reset by the other node, then a new ID', async () => {
    const s = findScenario('load-balancer');
    await record(s);
    await expectFindingsView(s);
    const reset = s.expected.find((e) => e.rule === 'session-reset')!;
    const events = await laneEvents(reset.cookie!);
    expect(events.find((e) => e.data.kind === 'reset')?.data.label).toContain(`reset: ${reset.cause}`);
    const segments = await readAll('lane-segment');
    expect(new Set(segments.map((x) => x.data.id)).size).toBeGreaterThanOrEqual(2);
    await expectReadableLanes(reset.cookie!);
    await screenshot(`${s.id}-lanes`);
    // Clicking the reset event selects its request in the timeline (the panel's one selection).
    const resetEvent = events.find((e) => e.data.kind === 'reset')!;
    await panel.$eval(
      `[data-testid="lane"][data-cookie="${reset.cookie}"] [data-testid="lane-event"][data-kind="reset"]`,
      (el) => (el as HTMLElement).click(),
    );
    await panel.waitForSelector('[data-testid="timeline-scroller"]', { timeout: 5_000 });
    const selected = await poll('the selected row', () =>
      panel.$eval('[data-testid="request-row"][aria-selected="true"]', (el) => (el as HTMLElement).dataset.entry),
    );
    expect(selected).toBe(resetEvent.data.entry);
    // The jar at the end of the recording, limited to the inspected site: the new session ID is held.
    await click('[data-testid="tab-cookies"]');
    const held = await readAll('jar-cookie');
    const session = held.find((c) => c.data.cookieName === reset.cookie);
    expect(session?.data.domain).toBe('lb.test');
    expect(session?.text).toMatch(/yes \(/);
    expect(held.every((c) => c.data.domain === 'lb.test' || c.data.domain?.endsWith('.lb.test'))).toBe(true);
    await screenshot(`${s.id}-cookies`);
    await openDetailOf('/lb/cart');
    expect((await readAll('detail-finding')).map((f) => f.data.rule)).toEqual(
      expect.arrayContaining(s.expected.map((e) => e.rule)),
    );
    await screenshot(`${s.id}-detail`);
  });

  it('samesite-cross-site: the lanes show sid and sessionid not sent, the detail gives SameSite reasons', async () => {
    const s = findScenario('samesite-cross-site');
    await record(s);
    await expectFindingsView(s);
    for (const e of s.expected.filter((x) => x.rule === 'session-not-sent')) {
      const events = await laneEvents(e.cookie!);
      expect(events.map((x) => x.data.label).join(' | ')).toContain(`not sent: ${e.reason}`);
      expect(events.map((x) => x.text).join(' | ')).toContain(`not sent (${e.reason})`);
    }
    await screenshot(`${s.id}-lanes`);
    // The cross-site form POST carries neither cookie.
    await openDetailOf('shop.test', 'POST');
    const detail = await readAll('detail-not-sent-reason');
    const reasons = (await readAll('detail-not-sent')).map((d) => [d.data.cookieName, d.text]);
    expect(detail.length).toBeGreaterThan(0);
    const lax = s.expected.find((e) => e.cookie === 'sessionid')!;
    expect(reasons.find(([name]) => name === lax.cookie)?.[1]).toContain(lax.reason);
    await screenshot(`${s.id}-detail`);
  });
});

/** The lane event each lifecycle finding must leave on its cookie's lane. */
const LANE_MARK: Record<
  string,
  (e: DemoScenario['expected'][number]) => (ev: { text: string; data: Record<string, string> }) => boolean
> = {
  'session-reset': (e) => (ev) =>
    ev.data.label?.includes(`reset: ${e.cause}`) === true || ev.data.label?.includes(`(${e.cause})`) === true,
  'session-rotated': () => (ev) => ev.data.kind === 'rotated',
  'session-not-sent': (e) => (ev) => ev.data.label?.includes(`not sent: ${e.reason}`) === true,
  'session-backend-switch': () => (ev) => ev.data.kind === 'backend-switch',
  'session-rejected': () => (ev) => ev.data.kind === 'rejected' && ev.data.tone === 'loss',
};

describe('Chrome: every other demo scenario in the panel', () => {
  const covered = new Set(['secure-lost-on-http', 'logout', 'load-balancer', 'samesite-cross-site']);
  for (const s of DEMO_SCENARIOS.filter((x) => !covered.has(x.id))) {
    it(`${s.id}: the findings view, the lanes and the request detail`, async () => {
      await record(s);
      await expectFindingsView(s);
      for (const e of s.expected) {
        const mark = LANE_MARK[e.rule];
        if (!mark || !e.cookie) continue;
        const events = await laneEvents(e.cookie);
        expect(
          events.some(mark(e)),
          `lane ${e.cookie} shows ${e.rule} (${e.cause ?? e.reason ?? ''}): ${events.map((x) => x.text).join(' | ')}`,
        ).toBe(true);
      }
      for (const n of s.expectedNotSent ?? []) {
        await click('[data-testid="tab-timeline"]');
        const row = (await readPanelRows(panel)).find((r) => r.notSent.some((c) => c.name === n.cookie));
        expect(row, `a row with ${n.cookie} not sent`).toBeDefined();
        await panel.$eval(`[data-testid="request-row"][data-seq="${row!.seq}"]`, (el) => (el as HTMLElement).click());
        await panel.waitForSelector('[data-testid="request-detail"]', { timeout: 5_000 });
        const detail = await readAll('detail-not-sent');
        expect(detail.find((d) => d.data.cookieName === n.cookie)?.text, `detail of #${row!.seq}`).toMatch(/\w/);
        await panel.evaluate(() => document.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape' })));
      }
      await screenshot(`${s.id}-findings`);
    });
  }
});

describe('Chrome: importing files into the panel', () => {
  it('opens a corpus HAR in its own tab and refuses a broken one, leaving the live view as it was', async () => {
    await click('[data-testid="tab-timeline"]');
    await panel.evaluate(() => document.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape' })));
    const liveBefore = await readPanelRows(panel);
    const input = (await panel.$('input[data-testid="import-input"]')) as ElementHandle<HTMLInputElement> | null;
    await input!.uploadFile(`${CORPUS}/harviewer-not-json.har`);
    const error = await poll('the import error', async () => (await readAll('import-error'))[0]);
    expect(error.text).toContain('harviewer-not-json.har');
    expect(await readAll('source-tab')).toHaveLength(0);
    expect(await readPanelRows(panel)).toHaveLength(liveBefore.length);

    await input!.uploadFile(`${CORPUS}/mitmproxy-chrome.har`);
    const tabs = await poll('the imported tab', async () => {
      const found = await readAll('source-tab');
      return found.length > 0 ? found : undefined;
    });
    expect(tabs.map((t) => t.text).join(' ')).toContain('Imported: mitmproxy-chrome.har');
    expect(await readAll('import-error')).toHaveLength(0);
    const imported = await readPanelRows(panel);
    expect(imported.length).toBeGreaterThan(0);
    expect(imported.map((r) => r.url)).not.toEqual(liveBefore.map((r) => r.url));
    await screenshot('imported');

    await panel.$eval('[data-testid="source-tab"][data-source="live"] button', (el) => (el as HTMLElement).click());
    const liveAfter = await readPanelRows(panel);
    expect(liveAfter.map((r) => r.url)).toEqual(liveBefore.map((r) => r.url));
  });

  it('analyses in a worker and fits the headless DevTools window (a docked width) without sideways scrolling', async () => {
    expect(await panel.$eval('main', (m) => (m as HTMLElement).dataset.analysisRunsIn)).toBe('worker');
    // Resizing the DevTools target (setViewport) stalls the inspected page's navigations here, so this
    // checks the width the headless window has (~550 px, the narrow layout), not 400 px.
    expect(await panel.evaluate(() => window.innerWidth)).toBeLessThan(700);
    const overflow = await panel.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await screenshot('narrow-timeline');
  });
});
