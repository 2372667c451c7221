// A live recording's export re-imports when the recorder dropped its oldest events: entry indexes then start
// above 0, and the file's entryCount must still be above every index (docs/TRACE-FORMAT.md, `entryCount`).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyzeTrace } from '../analysis/analyze.ts';
import { parseTraceFile } from '../open/readTrace.ts';
import type { Trace } from '../trace/types.ts';
import { exportNativeTrace, parseNativeTraceText } from './native.ts';

const har = parseTraceFile(readFileSync('test/fixtures/demo-har/load-balancer.har', 'utf8'), 'load-balancer.har');
const DROPPED = 5;
/** What a capped live recording holds: its entries keep their numbers, the first ones are gone. */
const capped: Trace = {
  source: { format: 'live' },
  events: har.events.map((e) =>
    e.kind === 'entry' ? { kind: 'entry', entry: { ...e.entry, index: e.entry.index + DROPPED } } : e,
  ),
  entryCount: har.entryCount,
};

describe('native export of a recording that lost its first entries', () => {
  it.each(['raw', 'redacted'] as const)('a %s export reads back with the same entries and findings', (values) => {
    const result = analyzeTrace(capped);
    expect(result.findings.length).toBeGreaterThan(0);
    const read = parseNativeTraceText(exportNativeTrace(capped, result, { values }), 'capped.sessionscope.json');
    expect(read.trace.entryCount).toBe(har.entryCount + DROPPED);
    const indexes = (t: Trace) => t.events.flatMap((e) => (e.kind === 'entry' ? [e.entry.index] : []));
    expect(indexes(read.trace)).toEqual(indexes(capped));
    expect(read.analysis.findings.map((f) => [f.rule, f.entry])).toEqual(result.findings.map((f) => [f.rule, f.entry]));
  });

  it('a trace numbered from 0 keeps its own entryCount', () => {
    const text = exportNativeTrace(har, analyzeTrace(har), { values: 'raw' });
    expect(parseNativeTraceText(text).trace.entryCount).toBe(har.entryCount);
  });
});
