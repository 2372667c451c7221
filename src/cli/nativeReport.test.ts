// A native trace is reported as the HAR it was exported from: the same "What happened" story (text, JSON and
// HTML) and the same recording browser with its cookie defaults, whether its values are raw (analysed again, so
// the browser must travel with the trace) or redacted (shown with the exporter's saved analysis, story included).
import { readdirSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import { runCli } from '../../test/helpers/runCli.ts';

// Whole-file CLI runs, several per fixture: room on a loaded shared machine.
vi.setConfig({ testTimeout: 60_000 });

const DEMO = new URL('../../test/fixtures/demo-har/', import.meta.url).pathname;
const FIXTURES = readdirSync(DEMO)
  .filter((f) => f.endsWith('.har'))
  .sort();
const EXPORTED = '/virtual/exported.json';

/** Runs main() in-process; files written by `export -o` stay in `files`, and are read from there first. */
async function run(args: readonly string[], files: Map<string, string>): Promise<string> {
  const { code, stdout, stderr } = await runCli(args, { files });
  expect(code, stderr).toBe(0);
  expect(stderr, 'no import warnings').toBe('');
  return stdout;
}

/** From the "What happened" heading to the next blank line: the text report's story section. */
function textStory(report: string): string | undefined {
  const start = report.indexOf('\nWhat happened');
  if (start === -1) return undefined;
  const end = report.indexOf('\n\n', start + 1);
  return report.slice(start, end === -1 ? undefined : end);
}

/** The HTML report's "What happened" section, up to the next heading. */
function htmlStory(report: string): string | undefined {
  const start = report.indexOf('<h3>What happened</h3>');
  if (start === -1) return undefined;
  return report.slice(start, report.indexOf('<h3>', start + 1));
}

const browserLine = (report: string) => report.split('\n').find((l) => l.startsWith('Browser: '));

interface Report {
  readonly text: string;
  readonly json: { input: { browser: unknown; cookieDefaults: unknown }; story?: unknown };
  readonly html: string;
}

async function reports(file: string, files: Map<string, string>): Promise<Report> {
  return {
    text: await run(['analyze', file], files),
    json: JSON.parse(await run(['analyze', file, '--format', 'json'], files)),
    html: await run(['analyze', file, '--format', 'html'], files),
  };
}

describe.each(FIXTURES)('%s exported to native', (name) => {
  const har = `${DEMO}${name}`;

  it.each([
    ['redacted', []],
    ['raw', ['--include-values']],
  ] as const)('%s: the same story and browser as the HAR', async (_, flags) => {
    const files = new Map<string, string>();
    const fromHar = await reports(har, files);
    await run(['export', har, '--to', 'native', '-o', EXPORTED, ...flags], files);
    const fromNative = await reports(EXPORTED, files);
    // Every demo HAR has a story (possibly "nothing was lost"): the comparisons below compare something.
    expect(fromHar.json.story).toBeDefined();
    expect(textStory(fromHar.text)).toBeDefined();
    expect(htmlStory(fromHar.html)).toBeDefined();
    expect(fromNative.json.story).toEqual(fromHar.json.story);
    expect(textStory(fromNative.text)).toBe(textStory(fromHar.text));
    expect(htmlStory(fromNative.html)).toBe(htmlStory(fromHar.html));
    expect(fromNative.json.input.browser).toEqual(fromHar.json.input.browser);
    expect(fromNative.json.input.cookieDefaults).toEqual(fromHar.json.input.cookieDefaults);
    expect(browserLine(fromNative.text)).toBe(browserLine(fromHar.text));
  });
});

describe('the reported bug', () => {
  it('secure-lost-on-http: the redacted native export says Chrome 156 and tells the lost session', async () => {
    const files = new Map<string, string>();
    await run(['export', `${DEMO}secure-lost-on-http.har`, '--to', 'native', '-o', EXPORTED], files);
    const text = await run(['analyze', EXPORTED], files);
    expect(browserLine(text)).toBe(
      'Browser: Chrome 156 (from log.browser): a cookie without SameSite is treated as Lax.',
    );
    expect(textStory(text)).toContain('1. LOST — Your session was lost');
  });
});
