// Test-only hooks, compiled in only when SESSIONSCOPE_E2E=1 (the E2E build in dist/<browser>-e2e).
// Firefox's background is no target a test can reach and moz-extension:// pages can not be navigated
// to over WebDriver BiDi, so a test navigates its tab to a magic path on the local test server and the
// background answers by opening the panel page for that tab in a new tab, where the test can read it.
import browser from 'webextension-polyfill';

export const OPEN_PANEL_PATH = '/__sessionscope_e2e__/open-panel';

export function installTestHooks(): void {
  browser.webRequest.onBeforeRequest.addListener(
    (details) => {
      if (details.type !== 'main_frame' || !new URL(details.url).pathname.startsWith(OPEN_PANEL_PATH)) return;
      const url = `${browser.runtime.getURL('src/panel/panel.html')}?tabId=${details.tabId}`;
      void browser.tabs.create({ url });
    },
    { urls: ['http://127.0.0.1/*', 'http://localhost/*', 'http://*.test/*'] },
  );
}
