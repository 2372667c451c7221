// Builds the command line for the npm package: `vite build --config vite.cli.config.ts` → dist/cli/main.js, one
// ES module for Node holding src/cli, the parts of src/core it uses and tldts, so an installed `sessionscope` runs
// compiled JavaScript (no TypeScript compiler at run time; bin/sessionscope.mjs loads it). An SSR build because
// the target is Node, not a page: node: built-ins stay imports.
// tldts is bundled (its ES build) rather than left as a runtime dependency: imported from Node, tldts resolves to
// its CommonJS build (no "exports" map), which Node's CJS lexer scans and compiles at every start — bundled, the
// CLI started in 0.27 s of CPU instead of 0.40 s (node -e 0: 0.12 s). With no runtime dependency, the tarball
// also installs with `npm install --offline`. Bundled packages' licences go to dist/cli/THIRD-PARTY-LICENSES.txt.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { defineConfig, type Plugin } from 'vite';

const { version } = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as {
  version: string;
};

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

/** The folder of the package a bundled module comes from (the last node_modules/NAME or node_modules/@SCOPE/NAME). */
function packageRootOf(moduleId: string): string | undefined {
  const match = /^(.*\/node_modules\/(?:@[^/]+\/)?[^/]+)\//.exec(moduleId);
  return match?.[1];
}

const LICENSE_FILES = ['LICENSE', 'LICENSE.md', 'LICENSE.txt', 'LICENCE', 'license'];

/**
 * Writes the name, version, licence and licence text of every npm package the bundle contains: the MIT licence
 * (tldts, tldts-core) asks that its notice go with every copy, and the bundle is a copy.
 */
const thirdPartyLicenses: Plugin = {
  name: 'sessionscope-third-party-licenses',
  generateBundle(_options, bundle) {
    const roots = new Set<string>();
    for (const output of Object.values(bundle)) {
      if (output.type !== 'chunk') continue;
      for (const id of output.moduleIds) {
        const root = packageRootOf(id);
        if (root) roots.add(root);
      }
    }
    const sections = [...roots].sort().map((root) => {
      const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
        name: string;
        version: string;
        license?: string;
      };
      const file = LICENSE_FILES.map((name) => join(root, name)).find((path) => existsSync(path));
      if (!file) throw new Error(`${pkg.name} is bundled into the CLI but has no licence file in ${root}`);
      return `${pkg.name} ${pkg.version} (${pkg.license ?? 'see below'})\n\n${readFileSync(file, 'utf8').trim()}\n`;
    });
    this.emitFile({
      type: 'asset',
      fileName: 'THIRD-PARTY-LICENSES.txt',
      source: `Packages bundled into dist/cli/main.js\n\n${sections.join(`\n${'-'.repeat(72)}\n\n`)}`,
    });
  },
};

export default defineConfig({
  // No public/ folder copied and no .env read: the CLI's behaviour must not depend on the build machine.
  publicDir: false,
  envDir: false,
  plugins: [packageVersionOnly, thirdPartyLicenses],
  // Bundle every npm package the CLI imports: the installed package has no runtime dependency to resolve.
  ssr: { noExternal: true },
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
