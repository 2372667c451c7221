// The CLI's JSON report is a pure function of the input: two runs give the same bytes. And it keeps session
// values secret unless asked: no Set-Cookie or Cookie value of a session cookie appears in the output without
// --include-values (with it, they do).
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import { analyzeTrace } from '../../src/core/analysis/analyze.ts';
import { parseTraceFile } from '../../src/core/open/readTrace.ts';
import { cookieHeaderPairs, setCookieLines } from '../../src/core/trace/index.ts';
import { runCli } from '../helpers/runCli.ts';
import { CORPORA } from '../helpers/shared.ts';

// Whole-file CLI runs: give a loaded shared machine room (an idle run takes well under a second each).
vi.setConfig({ testTimeout: 60_000 });

const DEMO = new URL('../fixtures/demo-har/', import.meta.url).pathname;
const FIXTURES = [
  ...readdirSync(DEMO)
    .filter((f) => f.endsWith('.har'))
    .sort()
    .map((f) => `${DEMO}${f}`),
  `${CORPORA}har/harviewer-noPages.har`,
];

const run = (args: readonly string[]) => runCli(args);

/** Values (8+ characters) of the session cookies of a file, as the server set them and the browser sent them. */
function sessionValues(file: string): string[] {
  const trace = parseTraceFile(readFileSync(file, 'utf8'), file);
  const names = analyzeTrace(trace).facts.sessionCookieNames;
  const values = new Set<string>();
  for (const event of trace.events) {
    if (event.kind !== 'entry') continue;
    for (const line of setCookieLines(event.entry.response?.headers ?? [])) {
      const pair = line.split(';')[0]!;
      const eq = pair.indexOf('=');
      if (eq > 0 && names.has(pair.slice(0, eq).trim())) values.add(pair.slice(eq + 1).trim());
    }
    for (const h of event.entry.request.headers) {
      if (h.name.toLowerCase() !== 'cookie') continue;
      for (const p of cookieHeaderPairs(h.value)) if (names.has(p.name)) values.add(p.value);
    }
  }
  return [...values].filter((v) => v.length >= 8);
}

const name = (file: string) => file.slice(file.lastIndexOf('/') + 1);

/** Demo recordings with no session cookie value at all: express-session sent no Set-Cookie over http://. */
const WITHOUT_SESSION_VALUES: ReadonlySet<string> = new Set(['secure-cookie-over-http.har']);

describe.each(FIXTURES.map((f) => [name(f), f] as const))('%s', (_name, file) => {
  it('gives byte-identical JSON on two runs', async () => {
    const first = await run(['analyze', file, '--format', 'json', '--requests']);
    const second = await run(['analyze', file, '--format', 'json', '--requests']);
    expect(first.code).toBe(0);
    expect(first.stderr).toBe('');
    expect(first.stdout.length).toBeGreaterThan(100);
    expect(second.stdout).toBe(first.stdout);
  });

  it('shows no session value without --include-values', async () => {
    const values = sessionValues(file);
    const hasValues = !WITHOUT_SESSION_VALUES.has(name(file));
    expect(values.length > 0).toBe(hasValues);
    const redacted = (await run(['analyze', file, '--format', 'json', '--requests'])).stdout;
    expect(values.filter((v) => redacted.includes(v))).toEqual([]);
    // A hash stands where a value was (in a Set-Cookie line of evidence too, for a cookie the browser refused).
    expect(/\bh:[0-9a-f]{8}\b/.test(redacted)).toBe(hasValues);
    const raw = (await run(['analyze', file, '--format', 'json', '--requests', '--include-values'])).stdout;
    expect(values.some((v) => raw.includes(v))).toBe(hasValues);
  });
});
