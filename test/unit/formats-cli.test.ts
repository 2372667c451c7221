// The CLI side of issue 6: native traces as input (analyze → export → analyze gives the same findings and
// lanes), `sessionscope export`, streaming input (same JSON as in memory; a 50 MB HAR under a heap the in-memory
// path cannot survive), and the self-contained, escaped HTML report.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyzeTrace } from '../../src/core/analysis/analyze.ts';
import { parseTraceFile } from '../../src/core/open/readTrace.ts';
import { writeBigHar } from '../fixtures/formats/bigHar.ts';
import { sessionCookieValues } from '../fixtures/formats/secrets.ts';
import { type CliRun, runCli } from '../helpers/runCli.ts';

const DEMO = new URL('../fixtures/demo-har/', import.meta.url).pathname;
const FIXTURES = readdirSync(DEMO)
  .filter((f) => f.endsWith('.har'))
  .sort();
const ROOT = new URL('../../', import.meta.url).pathname;
const BIN = `${ROOT}bin/sessionscope.mjs`;
const OUT = `${ROOT}test-output/formats/`;

/**
 * Runs main() in-process; `files` are in-memory inputs by name; `stream` makes every disk file stream;
 * `progress` receives progress lines as a terminal would.
 */
function run(
  args: readonly string[],
  files: Record<string, string> = {},
  stream = false,
  progress?: (line: string) => void,
): Promise<CliRun> {
  return runCli(args, { files, stream, ...(progress ? { progress } : {}) });
}

type Report = {
  input: { format: string; entries: number; creator?: string };
  sessions: unknown[];
  findings: unknown[];
};
const report = (r: CliRun) => JSON.parse(r.stdout) as Report;

describe.each(FIXTURES)('%s', (name) => {
  const file = `${DEMO}${name}`;

  it.each([[[]], [['--include-values']]])(
    'analyze → export native %j → analyze: the same findings and lanes',
    async (flags) => {
      const direct = report(await run(['analyze', file, '--format', 'json']));
      const files: Record<string, string> = {};
      const exported = await run(['export', file, '--to', 'native', ...flags, '-o', 'x.trace.json'], files);
      expect(exported.code).toBe(0);
      const again = report(await run(['analyze', 'x.trace.json', '--format', 'json'], files));
      expect(again.input.format).toBe('sessionscope-trace');
      expect(again.input.entries).toBe(direct.input.entries);
      expect(again.findings).toEqual(direct.findings);
      expect(again.sessions).toEqual(direct.sessions);
    },
  );

  it('analyze → export har --include-values → analyze: the same findings and lanes', async () => {
    const direct = report(await run(['analyze', file, '--format', 'json', '--requests']));
    const har = await run(['export', file, '--to', 'har', '--include-values']);
    const again = report(await run(['analyze', 'x.har', '--format', 'json', '--requests'], { 'x.har': har.stdout }));
    expect(again).toEqual({ ...direct, input: { ...direct.input, file: 'x.har', creator: again.input.creator } });
  });

  it('analyze → export har (redacted) → analyze: the findings and lanes its exporter saw, not those of its hashes', async () => {
    const direct = report(await run(['analyze', file, '--format', 'json']));
    const har = await run(['export', file, '--to', 'har']);
    const again = report(await run(['analyze', 'x.har', '--format', 'json'], { 'x.har': har.stdout }));
    expect(again.input.format).toBe('har');
    expect(again.findings).toEqual(direct.findings);
    expect(again.sessions).toEqual(direct.sessions);
  });

  it('export is redacted by default: none of the session cookie values', async () => {
    const trace = parseTraceFile(readFileSync(file, 'utf8'));
    const secrets = sessionCookieValues(trace, analyzeTrace(trace));
    for (const to of ['native', 'har']) {
      const out = (await run(['export', file, '--to', to])).stdout;
      for (const secret of secrets) expect(out.includes(secret), `${secret} in --to ${to}`).toBe(false);
    }
  });

  it('streamed input gives byte-identical output to in-memory input, in every format', async () => {
    for (const format of ['json', 'text', 'sarif', 'html']) {
      const whole = await run(['analyze', file, '--format', format, '--requests']);
      const streamed = await run(['analyze', file, '--format', format, '--requests'], {}, true);
      expect(streamed.stdout).toBe(whole.stdout);
      expect(streamed.code).toBe(whole.code);
    }
  });
});

describe('progress while streaming', () => {
  it('on a terminal: a "bytes / total, entries" line, cleared at the end; nothing on standard error otherwise', async () => {
    const lines: string[] = [];
    const file = `${DEMO}rotation.har`;
    const r = await run(['analyze', file, '--format', 'json'], {}, true, (line) => lines.push(line));
    expect(r.stderr).toBe('');
    const total = (statSync(file).size / 2 ** 20).toFixed(1);
    expect(lines[0]).toMatch(
      new RegExp(`^\\rsessionscope: reading .*rotation\\.har: [\\d.]+ / ${total} MB, \\d+ entries\\u001b\\[K$`),
    );
    expect(lines.at(-1)).toBe('\r\u001b[K');
    expect((await run(['analyze', file, '--format', 'json'], {}, true)).stderr).toBe('');
  });
});

describe('sessionscope export', () => {
  it('needs --to, refuses an unknown target, and will not overwrite its input', async () => {
    expect((await run(['export', `${DEMO}rotation.har`])).stderr).toContain('export needs --to native or --to har');
    expect((await run(['export', `${DEMO}rotation.har`, '--to', 'csv'])).code).toBe(2);
    const same = await run(['export', `${DEMO}rotation.har`, '--to', 'har', '-o', `${DEMO}rotation.har`]);
    expect(same.code).toBe(2);
    expect(same.stderr).toContain('refusing to overwrite the input file');
  });

  it('an unreadable input exits 2 naming the file', async () => {
    const r = await run(['export', 'broken.har', '--to', 'native'], { 'broken.har': '{"log": ' });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      'sessionscope: broken.har: not JSON: the file ends early (truncated?) (at line 1 column 9)\n',
    );
  });

  it('a redacted trace re-exported stays as it is (no hash of a hash) and says --include-values cannot help', async () => {
    const files: Record<string, string> = {};
    await run(['export', `${DEMO}rotation.har`, '--to', 'native', '-o', 'a.json'], files);
    const again = await run(['export', 'a.json', '--to', 'native', '--include-values', '-o', 'b.json'], files);
    expect(again.stderr).toContain('cannot restore them');
    const strip = (t: string) => ({ ...JSON.parse(t), source: undefined });
    expect(strip(files['b.json']!)).toEqual(strip(files['a.json']!));
  });

  it('a redacted HAR export re-exported stays as it is (no hash of a hash)', async () => {
    const files: Record<string, string> = {};
    await run(['export', `${DEMO}rotation.har`, '--to', 'har', '-o', 'a.har'], files);
    const again = await run(['export', 'a.har', '--to', 'har', '-o', 'b.har'], files);
    expect(again.code).toBe(0);
    const cookies = (t: string) =>
      (JSON.parse(t).log.entries as { request: { headers: { name: string; value: string }[] } }[]).flatMap((e) =>
        e.request.headers.filter((h) => h.name.toLowerCase() === 'cookie').map((h) => h.value),
      );
    expect(cookies(files['a.har']!).length).toBeGreaterThan(0);
    expect(cookies(files['b.har']!)).toEqual(cookies(files['a.har']!));
  });

  it('--session-cookie on a redacted trace analyses it again and says why results may differ', async () => {
    const files: Record<string, string> = {};
    await run(['export', `${DEMO}rotation.har`, '--to', 'native', '-o', 'a.json'], files);
    const r = await run(['analyze', 'a.json', '--session-cookie', 'theme'], files);
    expect(r.code).toBe(0);
    // A note about the input: on standard error in text format (CLI.md), beside the report.
    expect(r.stderr).toContain('analysed again with new settings');
  });

  it.each(['native', 'har'])(
    'a redacted %s export analysed again (new settings) judges no hash as an ID: no entropy or predictability finding',
    async (to) => {
      const files: Record<string, string> = {};
      const out = to === 'native' ? 'a.json' : 'a.har';
      // Its hashes (`h:` and 8 hex digits) would read as 32-bit IDs; the recording's own IDs are long and random.
      await run(['export', `${DEMO}cluster-login-affinity.har`, '--to', to, '-o', out], files);
      const again = report(await run(['analyze', out, '--format', 'json', '--session-cookie', 'theme'], files));
      const rules = (again.findings as { rule: string }[]).map((f) => f.rule);
      expect(rules).toContain('session-rotated');
      expect(rules.filter((r) => r === 'session-id-low-entropy' || r === 'session-id-predictable')).toEqual([]);
    },
  );
});

describe('--format html', () => {
  const hostile = '<img src=x onerror=alert(1)>';
  const har = JSON.stringify({
    log: {
      version: '1.2',
      creator: { name: 'x', version: '1' },
      entries: [0, 1].map((i) => ({
        startedDateTime: `2025-01-01T00:00:0${i}Z`,
        time: 1,
        request: {
          method: 'GET',
          url: `https://shop.test/${encodeURIComponent(hostile)}?"${hostile}`,
          httpVersion: 'HTTP/1.1',
          headers: i === 1 ? [{ name: 'Cookie', value: `sid=${hostile}` }] : [],
          cookies: [],
          queryString: [],
          headersSize: -1,
          bodySize: 0,
        },
        response: {
          status: 200,
          statusText: 'OK',
          httpVersion: 'HTTP/1.1',
          headers: i === 0 ? [{ name: 'Set-Cookie', value: `sid=${hostile}; Path=/` }] : [],
          cookies: [],
          content: { size: 0, mimeType: 'text/html' },
          redirectURL: '',
          headersSize: -1,
          bodySize: 0,
        },
        cache: {},
        timings: { send: 0, wait: 1, receive: 0 },
      })),
    },
  });

  it('escapes every page-controlled string (cookie values, URLs), raw values included', async () => {
    const r = await run(['analyze', `${hostile}.har`, '--format', 'html', '--include-values'], {
      [`${hostile}.har`]: har,
    });
    expect(r.code).toBe(0);
    expect(r.stdout).not.toContain('<img');
    expect(r.stdout).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(r.stdout).not.toMatch(/<script|onerror=alert\(1\)>/);
  });

  it('is one self-contained page: lanes drawn, findings by severity with evidence and fix, nothing external', async () => {
    const r = await run(['analyze', `${DEMO}secure-lost-on-http.har`, '--format', 'html']);
    const page = r.stdout;
    expect(page.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(page).not.toMatch(/<script|<link|<img|\ssrc=|\shref=|url\(/i);
    expect(page).toMatch(/<div class="track"><div class="bar" style="left:[\d.]+%;width:[\d.]+%/);
    const expiry = (await run(['analyze', `${DEMO}client-expiry.har`, '--format', 'html'])).stdout;
    expect(expiry).toMatch(/ended by <strong>session-reset \(expired\) at #1<\/strong>/);
    expect(expiry).toMatch(/<div class="end" style="left:[\d.]+%" title="session-reset \(expired\) at #1">/);
    expect(page).toContain('<h3 class="high">High (');
    expect(page).toContain('<strong>Fix:</strong>');
    expect(page).toMatch(/<table><tr><th>[a-zA-Z]+<\/th><td class="mono">/);
    const direct = report(await run(['analyze', `${DEMO}secure-lost-on-http.har`, '--format', 'json']));
    expect(page.match(/<div class="finding /g)).toHaveLength(direct.findings.length);
  });
});

describe('a HAR too big for memory', () => {
  it('a 50 MB HAR streams through the CLI under a 64 MB heap the in-memory path dies in, with the same JSON', () => {
    mkdirSync(OUT, { recursive: true });
    const path = `${OUT}big-50.har`;
    const entries = writeBigHar(path, 50 * 1024 * 1024);
    const cli = (env: Record<string, string>, heap?: number) =>
      spawnSync(
        process.execPath,
        [...(heap ? [`--max-old-space-size=${heap}`] : []), BIN, 'analyze', path, '--format', 'json'],
        {
          cwd: ROOT,
          encoding: 'utf8',
          env: { ...process.env, ...env },
          timeout: 120_000,
          maxBuffer: 64 * 1024 * 1024,
        },
      );
    const streamed = cli({ SESSIONSCOPE_STREAM_ABOVE: String(16 * 1024 * 1024) }, 64);
    expect(streamed.stderr).toBe('');
    expect(streamed.status).toBe(0);
    expect(JSON.parse(streamed.stdout).input.entries).toBe(entries);
    // The control: the same file read whole does not fit in that heap…
    const whole = cli({ SESSIONSCOPE_STREAM_ABOVE: String(1024 * 1024 * 1024) }, 64);
    expect(whole.status).not.toBe(0);
    // …and with room to spare it gives the very same report.
    const roomy = cli({ SESSIONSCOPE_STREAM_ABOVE: String(1024 * 1024 * 1024) });
    expect(roomy.status).toBe(0);
    expect(streamed.stdout).toBe(roomy.stdout);
  }, 180_000);
});
