// The extension manifest for each target browser: one MV3 shape, with the background entry and the
// Firefox-only settings chosen per browser (crxjs does not turn service_worker into scripts itself).
import type { ManifestV3Export } from '@crxjs/vite-plugin';
import pkg from '../package.json' with { type: 'json' };

export type TargetBrowser = 'chrome' | 'firefox';

/** The add-on ID Firefox knows us by; also the key of the fixed-UUID pref used by the E2E tests. */
export const GECKO_ID = 'sessionscope@sessionscope.dev';

const ICONS = {
  16: 'assets/icon-16.png',
  32: 'assets/icon-32.png',
  48: 'assets/icon-48.png',
  128: 'assets/icon-128.png',
};

const BACKGROUND_ENTRY = 'src/background/index.ts';

export function manifestFor(browser: TargetBrowser): ManifestV3Export {
  const common = {
    manifest_version: 3,
    name: 'Sessionscope',
    description: 'Explains what happens to your session cookies: which ID was sent, which was not and why.',
    version: pkg.version,
    icons: ICONS,
    // Exactly what capture needs: headers (webRequest), cookie changes (cookies), the service-worker
    // safe buffer (storage.session). Nothing can block or modify a request.
    permissions: ['webRequest', 'cookies', 'storage'],
    host_permissions: ['<all_urls>'],
    devtools_page: 'src/devtools/devtools.html',
    content_security_policy: { extension_pages: "script-src 'self'; object-src 'self'" },
  };
  if (browser === 'chrome') {
    return {
      ...common,
      minimum_chrome_version: '116',
      background: { service_worker: BACKGROUND_ENTRY, type: 'module' },
    };
  }
  // Built apart from the literal below: crxjs's manifest type does not know `gecko_android` yet.
  const browserSpecificSettings = {
    gecko: {
      id: GECKO_ID,
      // The APIs used (MV3 background scripts, storage.session, devtools.panels, non-blocking webRequest,
      // cookies.onChanged) are all older than 128; 140 is the floor because it is the first release that reads
      // data_collection_permissions, which Mozilla asks of new add-ons (below it, web-ext lint warns that the key
      // is unsupported), and it is an ESR. README.md says the same; the E2E tests run on ESR 153.
      strict_min_version: '140.0',
      data_collection_permissions: { required: ['none' as const] },
    },
    // Android reads data_collection_permissions only from 142 on.
    gecko_android: { strict_min_version: '142.0' },
  };
  return {
    ...common,
    background: { scripts: [BACKGROUND_ENTRY], type: 'module' },
    browser_specific_settings: browserSpecificSettings,
  };
}
