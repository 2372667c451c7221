// The CLI as a user gets it: `npm pack` of this checkout (its prepack script compiles dist/cli/), installed with
// `npm install -g --prefix TMP` into a temporary prefix outside the repository. Shared by
// test/e2e/cli-package.test.ts and bench/cli-startup.ts, so the bench times exactly what the test checks.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');

export interface InstalledCli {
  /** The temporary folder holding everything below; `remove()` deletes it. */
  readonly root: string;
  /** The tarball `npm pack` wrote. */
  readonly tarball: string;
  /** The `sessionscope` command npm linked into the prefix's bin/. */
  readonly bin: string;
  /** The installed package: PREFIX/lib/node_modules/sessionscope. */
  readonly packageDir: string;
  /** An empty folder outside the repository to run the command from. */
  readonly workDir: string;
  readonly remove: () => void;
}

function npm(args: readonly string[], cwd: string): string {
  return execFileSync('npm', [...args], {
    cwd,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    // An npm_config_* inherited from an `npm run` around us (prefix, global, …) must not redirect the install.
    env: Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.toLowerCase().startsWith('npm_config_'))),
    maxBuffer: 16 * 1024 * 1024,
  });
}

export function packAndInstall(): InstalledCli {
  const root = mkdtempSync(join(tmpdir(), 'sessionscope-cli-'));
  try {
    npm(['pack', '--pack-destination', root], REPO_DIR);
    const tarballs = readdirSync(root).filter((f) => /^sessionscope-.*\.tgz$/.test(f));
    if (tarballs.length !== 1) throw new Error(`npm pack wrote ${tarballs.length} tarballs in ${root}`);
    const tarball = join(root, tarballs[0]!);
    const prefix = join(root, 'prefix');
    // --offline: the package has no runtime dependency (vite.cli.config.ts bundles them), so nothing is fetched.
    npm(['install', '-g', '--prefix', prefix, '--offline', '--no-audit', '--no-fund', tarball], root);
    const workDir = join(root, 'work');
    mkdirSync(workDir);
    return {
      root,
      tarball,
      bin: join(prefix, 'bin', 'sessionscope'),
      packageDir: join(prefix, 'lib', 'node_modules', 'sessionscope'),
      workDir,
      remove: () => rmSync(root, { recursive: true, force: true }),
    };
  } catch (e) {
    rmSync(root, { recursive: true, force: true });
    throw e;
  }
}
