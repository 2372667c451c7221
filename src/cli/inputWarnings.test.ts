import { readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import { type CliRun, runCli } from '../../test/helpers/runCli.ts';
import { CORPORA } from '../../test/helpers/shared.ts';
import { WARNING_LINES_SHOWN } from './textReport.ts';

vi.setConfig({ testTimeout: 60_000 });

/** Runs main() in-process on in-memory files; `streamAbove` makes every file the streamed path's. */
function run(args: readonly string[], files: Record<string, string>, stream = false): Promise<CliRun> {
  return runCli(args, { files: { ...files }, stream });
}

const entry = (url: string, at: string, extra: Record<string, unknown> = {}) => ({
  startedDateTime: at,
  request: { method: 'GET', url, headers: [] },
  response: { status: 200, headers: [{ name: 'Set-Cookie', value: 'PHPSESSID=a1b2c3d4e5f6a7b8c9d0; Path=/' }] },
  ...extra,
});

/** Three good entries around two the analysis cannot use (no URL; not an object). */
const BENT = JSON.stringify({
  log: {
    version: '1.2',
    creator: { name: 'bent', version: '1' },
    entries: [
      entry('https://shop.test/', '2024-05-01T10:00:00Z'),
      { startedDateTime: '2024-05-01T10:00:01Z', request: { method: 'GET' } },
      entry('https://shop.test/a', '2024-05-01T10:00:02Z', { request: { method: null, url: 'https://shop.test/a' } }),
      7,
      entry('https://shop.test/b', '2024-05-01T10:00:03Z'),
    ],
  },
});

describe('skipped entries in the CLI', () => {
  it('JSON: analysed, and input.warnings names each skipped entry by its index and problem', async () => {
    const r = await run(['analyze', 'bent.har', '--format', 'json', '--requests'], { 'bent.har': BENT });
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const doc = JSON.parse(r.stdout);
    expect(doc.input.entries).toBe(5);
    expect(doc.input.warnings).toEqual([
      { where: 'log.entries[1].request.url', message: 'entry 1 skipped: "url" is missing', skippedEntry: 1 },
      { where: 'log.entries[2].request.method', message: '"method" is null; read as GET' },
      {
        where: 'log.entries[3]',
        message: 'entry 3 skipped: an entry must be an object, not a number',
        skippedEntry: 3,
      },
    ]);
    expect(doc.requests.map((q: { entry: number }) => q.entry)).toEqual([0, 2, 4]);
  });

  it('text: the report on standard output, one warning line per skipped entry on standard error', async () => {
    const r = await run(['analyze', 'bent.har'], { 'bent.har': BENT });
    expect(r.code).toBe(0);
    expect(r.stderr.trim().split('\n')).toEqual([
      'sessionscope: bent.har: warning: entry 1 skipped: "url" is missing (at log.entries[1].request.url)',
      'sessionscope: bent.har: warning: "method" is null; read as GET (at log.entries[2].request.method)',
      'sessionscope: bent.har: warning: entry 3 skipped: an entry must be an object, not a number (at log.entries[3])',
    ]);
    expect(r.stdout).toContain('Input: 2 unreadable entries skipped; 3 import warning(s), listed on standard error.');
  });

  it('the streamed path gives the same JSON as the whole-file path', async () => {
    const args = ['analyze', 'bent.har', '--format', 'json', '--requests'];
    const whole = await run(args, { 'bent.har': BENT });
    const streamed = await run(args, { 'bent.har': BENT }, true);
    expect(streamed).toEqual(whole);
  });

  it('a file with entries but none readable is refused (exit 2), on both paths', async () => {
    const none = JSON.stringify({ log: { entries: [{ request: {} }, null] } });
    for (const stream of [false, true]) {
      const r = await run(['analyze', 'none.har'], { 'none.har': none }, stream);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/^sessionscope: none\.har: no readable entry: all 2 entries are unreadable/);
    }
  });

  it('many warnings: the first ones, then one summary line naming the skipped entries', async () => {
    const path = `${CORPORA}real-traffic/compare--en.wikipedia.org-webpagetest-chrome.har`;
    const r = await run(['analyze', path], {});
    expect(r.code).toBe(0);
    const lines = r.stderr.trim().split('\n');
    expect(lines).toHaveLength(WARNING_LINES_SHOWN);
    expect(lines.at(-1)).toMatch(/warning: \d+ more import warnings; --format json lists every one/);
    const doc = JSON.parse((await run(['analyze', path, '--format', 'json'], {})).stdout);
    expect(lines.at(-1)).toContain(`${doc.input.warnings.length - (WARNING_LINES_SHOWN - 1)} more`);
  });

  it('streamed and whole give the same JSON for a real file with bent fields', async () => {
    const path = `${CORPORA}real-traffic/compare--en.wikipedia.org-webpagetest-chrome.har`;
    const args = ['analyze', path, '--format', 'json'];
    expect(await run(args, {}, true)).toEqual(await run(args, {}));
  });
});

describe('a HAR cut short (a download or an export that stopped part-way)', () => {
  const text = readFileSync(new URL('../../test/fixtures/framework-har/laravel.har', import.meta.url), 'utf8');
  const all = JSON.parse(text).log.entries.length;
  const cut = text.slice(0, Math.floor(text.length * 0.6));
  const json = ['analyze', 'cut.har', '--format', 'json', '--requests'];

  it('analyses the entries whole before the end exactly as a file of those entries alone, and warns where it ends', async () => {
    const r = await run(json, { 'cut.har': cut });
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout);
    const read = doc.input.entries;
    expect(read).toBeGreaterThan(1);
    expect(read).toBeLessThan(all);
    expect(doc.input.warnings).toEqual([
      {
        where: `byte ${Buffer.byteLength(cut)}, the end of the file`,
        message: `the file ends early (truncated?) inside entry ${read}: the ${read} entries before it were read and analysed; entry ${read} and anything after it are missing`,
        truncatedAfter: read,
      },
    ]);
    const har = JSON.parse(text);
    har.log.entries = har.log.entries.slice(0, read);
    const alone = JSON.parse((await run(json, { 'cut.har': JSON.stringify(har) })).stdout);
    expect(doc.findings.length).toBeGreaterThan(0);
    expect({ ...doc, input: undefined }).toEqual({ ...alone, input: undefined });
  });

  it('text: the report says so, and standard error names where the file ends', async () => {
    const r = await run(['analyze', 'cut.har'], { 'cut.har': cut });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(
      /\nInput: the file ends early \(truncated\?\) after \d+ whole entries; 1 import warning\(s\)/,
    );
    expect(r.stderr).toMatch(
      /^sessionscope: cut\.har: warning: the file ends early \(truncated\?\) inside entry \d+: .* \(at byte \d+, the end of the file\)\n$/,
    );
  });

  it('the streamed path gives the same', async () => {
    expect(await run(json, { 'cut.har': cut }, true)).toEqual(await run(json, { 'cut.har': cut }));
  });

  it('a file cut after its last entry keeps them all', async () => {
    const end = text.lastIndexOf(']');
    const r = await run(json, { 'cut.har': text.slice(0, end) });
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc.input.entries).toBe(all);
    expect(doc.input.warnings[0].message).toBe(
      `the file ends early (truncated?) after entry ${all - 1}: the ${all} entries before the end were read and analysed; anything after them is missing`,
    );
  });

  it('a file that ends before its first entry is whole is refused (exit 2), on both paths', async () => {
    const early = text.slice(0, text.indexOf('"entries"') + 100);
    for (const stream of [false, true]) {
      const r = await run(['analyze', 'cut.har'], { 'cut.har': early }, stream);
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toMatch(/^sessionscope: cut\.har: not JSON: the file ends early \(truncated\?\)/);
    }
  });
});

describe('the recording browser in the report', () => {
  it('JSON names the browser and the cookie defaults applied (Chrome 44: no Lax by default)', async () => {
    const path = `${CORPORA}real-traffic/pagexray--www.nytimes.com.har`;
    const doc = JSON.parse((await run(['analyze', path, '--format', 'json'], {})).stdout);
    expect(doc.input.browser).toEqual({ name: 'chrome', version: 44, from: 'log.browser' });
    expect(doc.input.cookieDefaults.laxByDefault).toBe(false);
  });

  it('an unknown browser is said to be unknown, in JSON and in text', async () => {
    const json = JSON.parse((await run(['analyze', 'bent.har', '--format', 'json'], { 'bent.har': BENT })).stdout);
    expect(json.input.browser).toBe('unknown');
    expect(json.input.cookieDefaults).toEqual({
      laxByDefault: true,
      basis: expect.stringMatching(/^browser unknown/),
      lifetimeCapDays: 400,
    });
    const text = await run(['analyze', 'bent.har'], { 'bent.har': BENT });
    expect(text.stdout).toMatch(/^Browser: browser unknown: a cookie without SameSite is taken as Lax/m);
  });
});
