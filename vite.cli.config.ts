// Builds the command line for the npm package: `vite build --config vite.cli.config.ts` → dist/cli/main.js, one
// ES module for Node holding src/cli and the parts of src/core it uses, so an installed `sessionscope` runs
// compiled JavaScript (no TypeScript compiler at run time; bin/sessionscope.mjs loads it). An SSR build because
// the target is Node, not a page: node: built-ins stay imports, and so do the package's runtime `dependencies`
// (tldts), which npm installs beside it; everything else is bundled.
import { readFileSync } from 'node:fs';
import { defineConfig, type Plugin } from 'vite';

const { version, dependencies = {} } = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as {
  version: string;
  dependencies?: Record<string, string>;
};
const runtimeDependencies = Object.keys(dependencies);

/**
 * src/cli/tool.ts imports package.json for its version; bundled as is, the whole manifest (scripts, devDependencies)
 * would be inlined. The CLI reads only `version`, so that is all the bundle gets.
 */
const VERSION_MODULE = '\0sessionscope-package-version';
const packageVersionOnly: Plugin = {
  name: 'sessionscope-package-version-only',
  enforce: 'pre',
  resolveId(source) {
    return source.endsWith('/package.json') && source.startsWith('.') ? VERSION_MODULE : null;
  },
  load(id) {
    if (id !== VERSION_MODULE) return null;
    return `export default ${JSON.stringify({ version })};`;
  },
};

export default defineConfig({
  // No public/ folder copied and no .env read: the CLI's behaviour must not depend on the build machine.
  publicDir: false,
  plugins: [packageVersionOnly],
  envDir: false,
  ssr: {
    // Bundle all but the declared runtime dependencies: a devDependency imported by mistake is then inlined
    // rather than missing in an installed package.
    noExternal: true,
    external: runtimeDependencies,
  },
  build: {
    ssr: 'src/cli/main.ts',
    outDir: 'dist/cli',
    emptyOutDir: true,
    // package.json's engines: node >= 20.
    target: 'node20',
    minify: false,
    sourcemap: false,
    rollupOptions: { output: { format: 'es', entryFileNames: 'main.js' } },
  },
});
