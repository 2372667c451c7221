// Switches the real DevTools window between its light and dark theme, for the demo's screenshots. DevTools
// reads its `ui-theme` setting when it loads and tells extension panels the theme then
// (`devtools.panels.themeName`), so the setting is written through DevTools' own host bindings and the
// DevTools page reloaded; the Sessions panel comes back with the tab's recording (the background sends it).
import type { Frame, Page } from 'puppeteer-core';
import { openSessionsPanel } from '../test/e2e/helpers/devtools-panel.ts';

export type DevToolsTheme = 'light' | 'dark';
export const DEVTOOLS_THEMES: readonly DevToolsTheme[] = ['light', 'dark'];

/** DevTools' values of its `ui-theme` setting: `default` is its light theme. */
const UI_THEME: Readonly<Record<DevToolsTheme, string>> = { light: 'default', dark: 'dark' };

/** The theme the panel shows now (its root's `data-theme`, theme.ts). */
export function panelTheme(panel: Frame): Promise<string | undefined> {
  return panel.evaluate(() => document.documentElement.dataset.theme);
}

/**
 * Sets DevTools' theme, reloads the DevTools page and returns the Sessions panel's new frame. Throws when the
 * panel does not show that theme: a screenshot named "dark" must be dark.
 */
export async function setDevToolsTheme(devtools: Page, extensionId: string, theme: DevToolsTheme): Promise<Frame> {
  await devtools.evaluate((value) => {
    // Settings are stored as JSON text, hence the stringify.
    const host = (globalThis as unknown as { InspectorFrontendHost: { setPreference(k: string, v: string): void } })
      .InspectorFrontendHost;
    host.setPreference('ui-theme', JSON.stringify(value));
  }, UI_THEME[theme]);
  await devtools.reload();
  // DevTools loads again from scratch: on a busy machine that took longer than a first panel opening's 30 s.
  const panel = await openSessionsPanel(devtools, extensionId, 60_000);
  const shown = await panelTheme(panel);
  if (shown !== theme) throw new Error(`DevTools is set to the ${theme} theme but the panel shows ${shown ?? 'none'}`);
  return panel;
}
