// The Firefox build passes Mozilla's add-on linter (issue 3: `web-ext lint` reports 0 errors). Runs after
// `npm run build`, like every E2E test, on the real dist/firefox.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const DIST = resolve('dist/firefox');

interface LintReport {
  readonly count: number;
  readonly summary: { readonly errors: number; readonly notices: number; readonly warnings: number };
  readonly errors: readonly { readonly code: string; readonly message: string }[];
}

describe('web-ext lint', () => {
  it('reports no error on dist/firefox', async () => {
    expect(existsSync(resolve(DIST, 'manifest.json')), 'dist/firefox is built').toBe(true);
    const webExt = resolve('node_modules/.bin/web-ext');
    // web-ext exits non-zero when it finds errors; the JSON report is on stdout either way.
    const { stdout } = await run(webExt, ['lint', '--source-dir', DIST, '--output', 'json', '--no-config-discovery'], {
      maxBuffer: 16 * 1024 * 1024,
    }).catch((e: { stdout?: string }) => ({ stdout: e.stdout ?? '' }));
    const report = JSON.parse(stdout) as LintReport;
    expect(report.errors.map((e) => `${e.code}: ${e.message}`)).toEqual([]);
    expect(report.summary.errors).toBe(0);
  });
});
