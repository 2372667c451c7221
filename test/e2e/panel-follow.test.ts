// The timeline follows the live tail, as DevTools' Network panel does: while the user is at the bottom, new rows
// come into view; once they scroll up, new rows arrive without moving what they read; back at the bottom, it
// follows again. In the built Chrome extension's real DevTools panel, with bursts of real requests from the demo
// server (the timeline renders only the rows in view, so what is rendered and where is what the user sees).
import type { Frame, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DemoServer } from '../../demo/server.ts';
import { runBurst } from './helpers/burst.ts';
import { until } from './helpers/extension-harness.ts';
import { launchWithPanel, type PanelSession } from './helpers/launch.ts';

const SCROLLER = '[data-testid="timeline-scroller"]';

let session: PanelSession;
let server: DemoServer;
let page: Page;
let panel: Frame;

beforeAll(async () => {
  session = await launchWithPanel();
  ({ server, page, panel } = session);
});

afterAll(() => session?.close());

/** Loads the demo's burst page, which makes `n` fetches; returns once all were answered. */
async function burst(n: number): Promise<void> {
  expect((await runBurst(page, server, n, 200)).failed).toBe(0);
}

/** How many rows the timeline holds (its list's label), without scrolling it. */
async function rowCount(): Promise<number> {
  const label = await panel.$eval(SCROLLER, (el) => el.getAttribute('aria-label') ?? '');
  return Number(/^(\d+) requests$/.exec(label)?.[1] ?? Number.NaN);
}

/**
 * What the user sees: the scroll position, and the first and last of the rows wholly inside the viewport by entry
 * index (the requests recorded since the panel opened are entries 0, 1, 2… in the order they started).
 */
function view() {
  return panel.$eval(SCROLLER, (el) => {
    const box = el.getBoundingClientRect();
    const seen = [...el.querySelectorAll('[data-testid="request-row"]')].flatMap((row) => {
      const r = row.getBoundingClientRect();
      return r.top >= box.top - 1 && r.bottom <= box.bottom + 1 ? [Number(row.getAttribute('data-entry'))] : [];
    });
    return {
      top: el.scrollTop,
      atBottom: el.scrollTop + el.clientHeight >= el.scrollHeight - 2,
      first: Math.min(...seen),
      last: Math.max(...seen),
      count: seen.length,
    };
  });
}

/** The entry index of the newest row. */
async function newest(): Promise<number> {
  return (await rowCount()) - 1;
}

describe('Chrome: the timeline follows the live tail', () => {
  it('keeps the newest row in view while at the bottom, stays put once scrolled up, follows again at the bottom; newest first shows the rows at the offset', async () => {
    await burst(200);
    await until('the burst as rows', 20_000, async () => (await rowCount()) >= 201);
    await panel.$eval('[data-testid="tab-timeline"]', (el) => (el as HTMLElement).click());

    // Following from the start: the newest row is in view, at the bottom of the list.
    await until('the newest row in view', 10_000, async () => (await view()).last === (await newest()));
    const following = await view();
    expect(following.atBottom).toBe(true);
    expect(following.count).toBeGreaterThan(5);

    // Scrolled up to the top: more rows arrive, the rows in view stay where they were.
    await panel.$eval(SCROLLER, (el) => {
      el.scrollTop = 0;
    });
    await until('the top rows in view', 10_000, async () => (await view()).first === 0);
    const before = await rowCount();
    await burst(100);
    await until('the second burst as rows', 20_000, async () => (await rowCount()) >= before + 101);
    const reading = await view();
    expect(reading.top).toBe(0);
    expect(reading.first).toBe(0);

    // Back at the bottom: it follows again, through the next burst too.
    await panel.$eval(SCROLLER, (el) => {
      el.scrollTop = el.scrollHeight;
    });
    await until('the newest row in view again', 10_000, async () => (await view()).last === (await newest()));
    const again = await rowCount();
    await burst(100);
    await until('the third burst as rows', 20_000, async () => (await rowCount()) >= again + 101);
    await until('the newest row of the third burst in view', 10_000, async () => {
      const now = await view();
      return now.atBottom && now.last === (await newest());
    });

    // Newest first (the number column clicked): the list keeps its scroll offset, now at the oldest rows, and
    // shows them (the window is rendered from the offset that following did not need).
    await panel.$eval('[data-testid="column-header"][data-column="number"] button', (el) =>
      (el as HTMLElement).click(),
    );
    await until('the oldest rows in view, newest first', 10_000, async () => {
      const now = await view();
      return now.count > 5 && now.first === 0;
    });
  });
});
