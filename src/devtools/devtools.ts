// The DevTools page: adds the "Sessions" panel to every DevTools window. It does nothing else.
import browser from 'webextension-polyfill';

/** Shown as the tab's label; Chrome also derives the panel's id from it (extension id + title). */
export const PANEL_TITLE = 'Sessions';

void browser.devtools.panels.create(PANEL_TITLE, '/assets/icon-32.png', '/src/panel/panel.html');
