// Builds the extension for one browser per run: `vite build --mode chrome` → dist/chrome,
// `vite build --mode firefox` → dist/firefox. Each target gets its own manifest (src/manifest.ts).
import { crx } from '@crxjs/vite-plugin';
import preact from '@preact/preset-vite';
import { defineConfig } from 'vite';
import { manifestFor, type TargetBrowser } from './src/manifest.ts';

const TARGETS: readonly TargetBrowser[] = ['chrome', 'firefox'];

export default defineConfig(({ mode }) => {
  const browser = TARGETS.find((target) => target === mode);
  if (!browser) throw new Error(`unknown build mode "${mode}": use --mode chrome or --mode firefox`);
  // SESSIONSCOPE_E2E=1 builds the E2E variant (test hooks on) into its own folder, never shipped.
  const e2e = process.env.SESSIONSCOPE_E2E === '1';
  return {
    define: { __SESSIONSCOPE_E2E__: JSON.stringify(e2e) },
    plugins: [preact(), crx({ manifest: manifestFor(browser), browser })],
    build: {
      outDir: e2e ? `dist/${browser}-e2e` : `dist/${browser}`,
      emptyOutDir: true,
      // The panel is reached only through devtools.panels.create, so crxjs never sees it: name it here.
      rollupOptions: { input: { panel: 'src/panel/panel.html' } },
      // Extension pages load from disk: no need for module-preload polyfills or inline data URLs.
      modulePreload: false,
      assetsInlineLimit: 0,
      target: 'es2022',
    },
  };
});
