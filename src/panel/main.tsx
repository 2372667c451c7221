// The panel page's entry: finds the inspected tab, connects to the background and renders the view.
import { render } from 'preact';
import browser from 'webextension-polyfill';
import { App } from './App.tsx';
import { keepConnected, type RuntimePort } from './connection.ts';
import { PanelStore } from './store.ts';
import { applyTheme, themeFromDevTools } from './theme.ts';
import './panel.css';

/** Inside DevTools the inspected tab; as a plain page (tests, a detached view) the `tabId` parameter. */
function inspectedTabId(): number | undefined {
  const fromQuery = new URLSearchParams(location.search).get('tabId');
  if (fromQuery !== null && /^\d+$/.test(fromQuery)) return Number(fromQuery);
  return browser.devtools?.inspectedWindow?.tabId;
}

const root = document.getElementById('app')!;
applyTheme(document.documentElement, themeFromDevTools(browser.devtools?.panels?.themeName));
const tabId = inspectedTabId();
if (tabId === undefined) {
  root.textContent = 'Sessionscope: no inspected tab (open this panel from DevTools).';
} else {
  const store = new PanelStore();
  keepConnected((name) => browser.runtime.connect({ name }) as unknown as RuntimePort, tabId, store);
  render(<App store={store} tabId={tabId} />, root);
}
