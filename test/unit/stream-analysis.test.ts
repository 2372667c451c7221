// A HAR analysed as a stream — two passes over its bytes, entries slimmed, never a Trace in memory — gives
// exactly what analyzeTrace gives on the in-memory import: for every demo fixture and every good corpus file,
// in big and tiny chunks, with the first pass's answers made by the caller or by analyzeEventStream itself,
// and for files whose entries are not in time order or have no times.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyzeTrace } from '../../src/core/analysis/analyze.ts';
import { analyzeEventStream } from '../../src/core/analysis/analyzeStream.ts';
import { TracePrepass } from '../../src/core/analysis/prepass.ts';
import { withDefaults } from '../../src/core/analysis/settings.ts';
import { harEvents, indexHarStream, streamedTraceSummary } from '../../src/core/har/harStreamEvents.ts';
import { parseTraceFile } from '../../src/core/open/readTrace.ts';
import { chunked } from '../helpers/chunked.ts';
import { BROKEN_CORPUS_HARS, CORPORA } from '../helpers/shared.ts';

const DEMO = new URL('../fixtures/demo-har/', import.meta.url).pathname;
const CORPUS = `${CORPORA}har/`;
const GOOD = [
  ...readdirSync(DEMO).map((f) => `${DEMO}${f}`),
  ...readdirSync(CORPUS)
    .filter((f) => f.endsWith('.har') && !BROKEN_CORPUS_HARS.includes(f))
    .map((f) => `${CORPUS}${f}`),
].sort();

/** What the CLI does with a big HAR: index it (feeding the prepass in file order), then stream it again. */
async function analyzeHarBytes(bytes: Uint8Array, file: string, size: number, values: 'raw' | 'redacted') {
  const settings = withDefaults({});
  const prepass = new TracePrepass(settings);
  const index = await indexHarStream(chunked(bytes, size), file, (entry) => prepass.feed({ kind: 'entry', entry }));
  const result = await analyzeEventStream(() => harEvents(chunked(bytes, size), index, file), {
    values,
    ...(index.browser ? { browser: index.browser } : {}),
    // The file-order prepass is only valid when file order is trace order.
    ...(index.order ? {} : { prepass: prepass.finish() }),
  });
  return { index, result };
}

describe.each(GOOD.map((p) => [p.replace(/^.*\//, ''), p]))('%s', (_name, path) => {
  const bytes = readFileSync(path);
  const trace = parseTraceFile(bytes.toString('utf8'), path);

  it.each([
    [1 << 16, 'redacted'],
    [61, 'raw'],
  ] as const)('streamed in %i-byte chunks, %s values: the in-memory analysis', async (size, values) => {
    const { index, result } = await analyzeHarBytes(bytes, path, size, values);
    expect(result).toEqual(analyzeTrace(trace, { values }));
    const summary = streamedTraceSummary(index, path);
    expect(summary).toEqual({ ...trace, events: [] });
  });

  it('analyzeEventStream over the Trace events makes its own first pass', async () => {
    const browser = trace.source.browser;
    expect(await analyzeEventStream(() => trace.events, browser ? { browser } : {})).toEqual(analyzeTrace(trace));
  });
});

describe('files whose order is not the trace order', () => {
  const har = JSON.parse(readFileSync(`${DEMO}rotation.har`, 'utf8'));
  const entries: { startedDateTime?: string }[] = har.log.entries;

  it('entries in reverse time order wait for their turn', async () => {
    const reversed = { log: { ...har.log, entries: [...entries].reverse() } };
    const text = JSON.stringify(reversed);
    const { index, result } = await analyzeHarBytes(new TextEncoder().encode(text), 'rev.har', 333, 'raw');
    expect(index.order).toBeDefined();
    expect(result).toEqual(analyzeTrace(parseTraceFile(text, 'rev.har'), { values: 'raw' }));
  });

  it('entries without times take their neighbours', async () => {
    const undated = {
      log: { ...har.log, entries: entries.map((e, i) => (i % 3 === 1 ? { ...e, startedDateTime: 'x' } : e)) },
    };
    const text = JSON.stringify(undated);
    const trace = parseTraceFile(text, 'u.har');
    expect(trace.warnings?.length).toBeGreaterThan(0);
    const { index, result } = await analyzeHarBytes(new TextEncoder().encode(text), 'u.har', 100, 'raw');
    expect(streamedTraceSummary(index, 'u.har').warnings).toEqual(trace.warnings);
    expect(result).toEqual(analyzeTrace(trace, { values: 'raw' }));
  });
});

// Real files with what the streamed reader must treat as the in-memory one does: several WebPageTest runs (ordered
// run by run, a fresh jar each), an object-valued postData param, entries with a null method (noted).
describe.each([
  'pagexray--en.wikipedia.org.spdy-wpt.har',
  'pagexray--case-sensitive-protocol.har',
  'compare--en.wikipedia.org-webpagetest-chrome.har',
])('real-traffic/%s', (name) => {
  const path = `${CORPORA}real-traffic/${name}`;
  const bytes = readFileSync(path);
  const trace = parseTraceFile(bytes.toString('utf8'), path);

  it('streamed in 64 KiB chunks: the in-memory analysis and summary', async () => {
    const { index, result } = await analyzeHarBytes(bytes, path, 1 << 16, 'redacted');
    expect(result).toEqual(analyzeTrace(trace, { values: 'redacted' }));
    expect(streamedTraceSummary(index, path)).toEqual({ ...trace, events: [] });
  });
});
