// The demo's screenshot plan for one recorded scenario: each view of the Sessions panel at the width of a
// docked DevTools (~550 px) and of a wide one (1,400 px), in DevTools' light and dark theme. The theme the
// DevTools window opened in is shot first, so each scenario reloads DevTools once.
import { resolve } from 'node:path';
import type { Frame, Page } from 'puppeteer-core';
import { readPanelRows } from '../test/e2e/helpers/devtools-panel.ts';
import { DEVTOOLS_THEMES, type DevToolsTheme, panelTheme, setDevToolsTheme } from './devtools-theme.ts';
import { sizePanelTo, writePanelScreenshot } from './panel-screenshot.ts';

/** Panel frame sizes: docked beside the page, and a wide undocked window. */
export const PANEL_SIZES: readonly { readonly width: number; readonly height: number }[] = [
  { width: 550, height: 900 },
  { width: 1400, height: 900 },
];

/** The views shot, by their tab, and the element that must be painted in the image. */
export const PANEL_VIEWS: readonly { readonly tab: string; readonly region: string }[] = [
  { tab: 'timeline', region: '[data-testid="timeline-scroller"]' },
  { tab: 'lanes', region: '[data-testid="lanes-view"], [data-testid="lanes-empty"]' },
];

/** Waits until the panel shows `count` rows again (after a DevTools reload the recording is sent anew). */
async function waitForRows(panel: Frame, count: number): Promise<void> {
  const deadline = Date.now() + 15_000;
  while ((await readPanelRows(panel).catch(() => [])).length < count) {
    if (Date.now() > deadline) throw new Error(`the panel did not show its ${count} rows again after the reload`);
    await new Promise((done) => setTimeout(done, 250));
  }
}

/**
 * Shoots every view × size × theme of the panel showing scenario `id` (with `rows` rows) into `dir` and
 * returns the files written, named `<id>-<view>-<width>-<theme>.png`.
 */
export async function shootPanel(
  devtools: Page,
  firstPanel: Frame,
  extensionId: string,
  opts: { readonly id: string; readonly rows: number; readonly dir: string },
): Promise<string[]> {
  const opened = (await panelTheme(firstPanel)) === 'dark' ? 'dark' : 'light';
  const themes: DevToolsTheme[] = [opened, ...DEVTOOLS_THEMES.filter((t) => t !== opened)];
  const written: string[] = [];
  let panel = firstPanel;
  for (const [k, theme] of themes.entries()) {
    if (k > 0) {
      panel = await setDevToolsTheme(devtools, extensionId, theme);
      await waitForRows(panel, opts.rows);
    }
    for (const size of PANEL_SIZES) {
      await sizePanelTo(devtools, panel, size.width, size.height);
      for (const view of PANEL_VIEWS) {
        await panel.$eval(`[data-testid="tab-${view.tab}"]`, (el) => (el as HTMLElement).click());
        const path = resolve(opts.dir, `${opts.id}-${view.tab}-${size.width}-${theme}.png`);
        await writePanelScreenshot(devtools, panel, path, { width: size.width, region: view.region });
        written.push(path);
      }
    }
  }
  return written;
}
