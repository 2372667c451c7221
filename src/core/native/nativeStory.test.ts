// The "What happened" story and the recording browser travel in a native trace: written, read back equal, absent
// in older traces without harm; a malformed saved story is a warning naming where, and the rest is still read;
// a malformed browser is refused like any other malformed field.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyzeTrace } from '../analysis/analyze.ts';
import { parseTraceFile } from '../open/readTrace.ts';
import { TraceInputError } from '../trace/types.ts';
import { exportNativeTrace, parseNativeTrace, parseNativeTraceText } from './native.ts';
import { analysisJson } from './nativeWrite.ts';

const LOST = new URL('../../../test/fixtures/demo-har/secure-lost-on-http.har', import.meta.url).pathname;

// biome-ignore lint/suspicious/noExplicitAny: the tests spoil arbitrary fields of a parsed document
type Spoilable = any;

function exported(values: 'raw' | 'redacted' = 'redacted') {
  const trace = parseTraceFile(readFileSync(LOST, 'utf8'), LOST);
  const result = analyzeTrace(trace);
  return { trace, result, doc: JSON.parse(exportNativeTrace(trace, result, { values })) as Spoilable };
}

describe('the saved story', () => {
  it('is written and read back equal to the exporter’s', () => {
    const { result, doc } = exported();
    expect(result.story?.length).toBeGreaterThan(0);
    const imported = parseNativeTrace(doc, 'x.json');
    expect(imported.analysis.story).toEqual(result.story);
    expect(imported.trace.warnings).toBeUndefined();
  });

  it("passes its words through the redacting `text`, as the findings' messages are", () => {
    // The engine words stories with hashes already; `text` is the export's second guard for a value left in words.
    const { result } = exported('raw');
    const saved = analysisJson(result, (t) => `<${t}>`) as Spoilable;
    const [first] = result.story ?? [];
    expect(saved.story[0]).toMatchObject({
      headline: `<${first?.headline}>`,
      steps: first?.steps.map((step) => `<${step}>`),
      cause: `<${first?.cause}>`,
      fix: `<${first?.fix}>`,
      kind: first?.kind,
      related: first?.related,
    });
  });

  it('absent (a trace written before it was saved): no story, no warning', () => {
    const { doc } = exported();
    delete doc.analysis.story;
    const imported = parseNativeTrace(doc, 'x.json');
    expect(imported.analysis.story).toBeUndefined();
    expect(imported.trace.warnings).toBeUndefined();
  });

  it.each([
    ['a wrong type', (d: Spoilable) => (d.analysis.story[0].headline = 7), 'analysis.story[0].headline'],
    ['an unknown kind', (d: Spoilable) => (d.analysis.story[0].kind = 'vanished'), 'analysis.story[0].kind'],
    ['a missing field', (d: Spoilable) => delete d.analysis.story[0].timing, 'analysis.story[0].timing'],
    [
      'a related finding that does not exist',
      (d: Spoilable) => d.analysis.story[0].related.push(99),
      'analysis.story[0].related',
    ],
    ['not a list', (d: Spoilable) => (d.analysis.story = 'lost'), 'analysis.story'],
  ])('malformed (%s): a warning naming where, the story left out, the rest read', (_, spoil, where) => {
    const { doc, result } = exported();
    spoil(doc);
    const imported = parseNativeTrace(doc, 'x.json');
    expect(imported.analysis.story).toBeUndefined();
    expect(imported.trace.warnings).toEqual([
      { where, message: expect.stringMatching(/^the saved "What happened" story is not shown: /) },
    ]);
    expect(imported.analysis.findings).toEqual(result.findings);
    expect(imported.analysis.sessions).toEqual(result.sessions);
    expect(imported.trace.events.length).toBe(doc.events.length);
    expect(imported.trace.source.browser).toEqual({ name: 'chrome', version: 156, from: 'log.browser' });
  });
});

describe('the recording browser', () => {
  it('is written in the source and read back into the trace, so a re-analysis applies its cookie defaults', () => {
    const { trace, doc } = exported('raw');
    expect(trace.source.browser).toEqual({ name: 'chrome', version: 156, from: 'log.browser' });
    expect(doc.source.browser).toEqual(trace.source.browser);
    const imported = parseNativeTrace(doc, 'x.json');
    expect(imported.trace.source.browser).toEqual(trace.source.browser);
    expect(imported.exportedFrom.browser).toEqual(trace.source.browser);
  });

  it('absent (an older trace, or a recording that names none): unknown, no warning', () => {
    const { doc } = exported();
    delete doc.source.browser;
    const imported = parseNativeTrace(doc, 'x.json');
    expect(imported.trace.source.browser).toBeUndefined();
    expect(imported.trace.warnings).toBeUndefined();
  });

  it.each([
    ['an unknown name', (d: Spoilable) => (d.source.browser.name = 'netscape'), 'source.browser.name'],
    [
      'a version that is not a whole number',
      (d: Spoilable) => (d.source.browser.version = '156'),
      'source.browser.version',
    ],
    ['a missing from', (d: Spoilable) => delete d.source.browser.from, 'source.browser.from'],
  ])('malformed (%s) is refused naming the field', (_, spoil, where) => {
    const { doc } = exported();
    spoil(doc);
    const error = (() => {
      try {
        parseNativeTraceText(JSON.stringify(doc), 'x.json');
      } catch (e) {
        return e;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(TraceInputError);
    expect((error as TraceInputError).where).toBe(where);
  });
});
