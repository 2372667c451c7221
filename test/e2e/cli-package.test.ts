// The CLI a team installs (issue 12): `npm pack`, `npm install -g` of the tarball into a temporary prefix, then the
// installed `sessionscope analyze` run from a folder outside the repository. It must run compiled JavaScript (no
// .ts file and no tsx in the install), give the same reports as the source in this checkout, and keep the
// exit codes and one-line errors of shared/design/CLI.md. Slow (pack + install), hence in the E2E project.
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type InstalledCli, packAndInstall, REPO_DIR } from './helpers/installed-cli.ts';

const DEMO_HARS = join(REPO_DIR, 'test', 'fixtures', 'demo-har');
const HAR = 'secure-lost-on-http.har';

let cli: InstalledCli;

beforeAll(() => {
  cli = packAndInstall();
  for (const name of readdirSync(DEMO_HARS)) copyFileSync(join(DEMO_HARS, name), join(cli.workDir, name));
}, 300_000);

afterAll(() => cli?.remove());

function run(command: readonly string[], env: NodeJS.ProcessEnv = {}) {
  const [file, ...args] = command;
  const child = spawnSync(file!, args, {
    cwd: cli.workDir,
    encoding: 'utf8',
    env: { ...process.env, ...env },
    timeout: 120_000,
    maxBuffer: 64 * 1024 * 1024,
  });
  return { code: child.status, stdout: child.stdout, stderr: child.stderr };
}

const installed = (...args: string[]) => [cli.bin, ...args];
/** The same command from this checkout's source (the bin runs src/ through tsx when src/ is beside it). */
const fromSource = (...args: string[]) => [process.execPath, join(REPO_DIR, 'bin', 'sessionscope.mjs'), ...args];

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    return entry.isDirectory() ? filesUnder(path) : [path];
  });
}

describe('the packed CLI', () => {
  it('is a small tarball of the bin, the compiled CLI, its licences, README and package.json', () => {
    const listed = execFileSync('tar', ['-tzf', cli.tarball], { encoding: 'utf8' }).trim().split('\n').sort();
    expect(listed).toContain('package/bin/sessionscope.mjs');
    expect(listed).toContain('package/dist/cli/main.js');
    expect(listed).toContain('package/dist/cli/THIRD-PARTY-LICENSES.txt');
    const others = listed.filter((f) => !/^package\/(bin\/|dist\/cli\/|README\.md$|package\.json$|LICENSE)/.test(f));
    expect(others).toEqual([]);
  });

  it('installs without TypeScript and without dependencies: no .ts file, no node_modules', () => {
    const files = filesUnder(cli.packageDir).map((p) => relative(cli.packageDir, p));
    expect(files).toContain('dist/cli/main.js');
    expect(files.filter((f) => f.endsWith('.ts') || f.endsWith('.tsx'))).toEqual([]);
    // tldts is bundled (vite.cli.config.ts): nothing is installed beside the package or inside it, tsx least of all.
    expect(readdirSync(join(cli.root, 'prefix', 'lib', 'node_modules'))).toEqual(['sessionscope']);
    expect(files.filter((f) => f.startsWith('node_modules/'))).toEqual([]);
    const manifest = JSON.parse(readFileSync(join(cli.packageDir, 'package.json'), 'utf8')) as {
      dependencies?: Record<string, string>;
    };
    expect(manifest.dependencies ?? {}).toEqual({});
  });

  it('ships the licence of tldts, which the compiled CLI bundles', () => {
    const licences = readFileSync(join(cli.packageDir, 'dist', 'cli', 'THIRD-PARTY-LICENSES.txt'), 'utf8');
    const { version } = JSON.parse(readFileSync(join(REPO_DIR, 'node_modules', 'tldts', 'package.json'), 'utf8')) as {
      version: string;
    };
    expect(licences).toContain(`tldts ${version} (MIT)`);
    expect(licences).toContain('Permission is hereby granted');
  });

  it('analyses a HAR from a folder outside the repository: exit 0 and the text report', () => {
    const r = run(installed('analyze', HAR));
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`Sessionscope — ${HAR} (har,`);
    expect(r.stdout).toContain('session-not-sent [SecureOnly]');
    expect(r.stdout).toContain('session-reset [SecureOnly] (cause: not-sent)');
  });

  it('prints the version of package.json', () => {
    const { version } = JSON.parse(readFileSync(join(REPO_DIR, 'package.json'), 'utf8')) as { version: string };
    const r = run(installed('--version'));
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(`sessionscope ${version}\n`);
  });

  it('gives the same JSON as the source, whole and streamed, on every demo HAR', () => {
    const hars = readdirSync(cli.workDir)
      .filter((f) => f.endsWith('.har'))
      .sort();
    expect(hars.length).toBeGreaterThan(5);
    const args = ['analyze', ...hars, '--format', 'json', '--requests'];
    const compiled = run(installed(...args));
    expect(compiled.stderr).toBe('');
    expect(compiled.code).toBe(0);
    const docs = JSON.parse(compiled.stdout) as { findings: unknown[] }[];
    expect(docs).toHaveLength(hars.length);
    expect(docs.some((d) => d.findings.length > 0)).toBe(true);
    expect(run(fromSource(...args)).stdout).toBe(compiled.stdout);
    // Every file above 1 byte takes the streaming path of HARs > 64 MiB (src/cli/input.ts).
    const streamed = run(installed(...args), { SESSIONSCOPE_STREAM_ABOVE: '1' });
    expect(streamed.code).toBe(0);
    expect(streamed.stdout).toBe(compiled.stdout);
  });

  it('keeps the exit codes: 1 for a finding at --fail-on, 2 and one line for a missing file', () => {
    expect(run(installed('analyze', HAR, '--fail-on', 'high', '--format', 'json')).code).toBe(1);
    const missing = run(installed('analyze', 'no-such.har'));
    expect(missing.code).toBe(2);
    expect(missing.stdout).toBe('');
    expect(missing.stderr.trim().split('\n')).toHaveLength(1);
    expect(missing.stderr).toMatch(/^sessionscope: no-such\.har: /);
  });
});
