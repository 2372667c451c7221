// The native trace format: exports validate against schema/sessionscope-trace-1.schema.json, are byte-stable,
// re-import to the same events, settings, findings and lanes, hold no cookie value when redacted, and a
// malformed file is refused naming the field.
import { readdirSync, readFileSync } from 'node:fs';
import Ajv2020 from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { analyzeTrace } from '../../src/core/analysis/analyze.ts';
import { exportNativeTrace, parseNativeTrace, parseNativeTraceText } from '../../src/core/formats/index.ts';
import { parseTraceFile } from '../../src/core/open/readTrace.ts';
import { sessionCookieValues } from '../fixtures/formats/secrets.ts';
import { thrownBy } from '../helpers/thrownBy.ts';

const DEMO = new URL('../fixtures/demo-har/', import.meta.url).pathname;
const FIXTURES = readdirSync(DEMO)
  .filter((f) => f.endsWith('.har'))
  .sort();
/** Demo recordings with no session cookie value to leak: the session cookie never existed (express-session sent none). */
const WITHOUT_SESSION_VALUES: ReadonlySet<string> = new Set(['secure-cookie-over-http.har']);
const SCHEMA = JSON.parse(
  readFileSync(new URL('../../schema/sessionscope-trace-1.schema.json', import.meta.url), 'utf8'),
) as object;
const validate = new Ajv2020({ allErrors: true, strict: true }).compile(SCHEMA);

function load(name: string) {
  const trace = parseTraceFile(readFileSync(`${DEMO}${name}`, 'utf8'), `${DEMO}${name}`);
  return { trace, result: analyzeTrace(trace) };
}

// biome-ignore lint/suspicious/noExplicitAny: the tests spoil arbitrary fields of a parsed document
type Spoilable = any;

describe.each(FIXTURES)('%s', (name) => {
  const { trace, result } = load(name);

  it.each(['raw', 'redacted'] as const)('a %s export validates against the JSON Schema', (values) => {
    const doc = JSON.parse(exportNativeTrace(trace, result, { values }));
    expect(validate(doc), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
    expect(doc).toMatchObject({ format: 'sessionscope-trace', version: 1, values });
    expect(doc.source.file).toBe(name);
  });

  it('exports the same bytes every time, and re-exports an import to the same bytes', () => {
    const once = exportNativeTrace(trace, result, { values: 'raw' });
    expect(exportNativeTrace(trace, result, { values: 'raw' })).toBe(once);
    const imported = parseNativeTraceText(once, 'again.json');
    const again = exportNativeTrace(imported.trace, analyzeTrace(imported.trace, { settings: imported.settings }), {
      values: 'raw',
    });
    // Only the source differs: the import's source is the native file.
    const strip = (text: string) => ({ ...JSON.parse(text), source: undefined });
    expect(strip(again)).toEqual(strip(once));
  });

  it('a raw export imports to the same events and re-analyses to the same findings and lanes', () => {
    const imported = parseNativeTraceText(exportNativeTrace(trace, result, { values: 'raw' }), 'x.json');
    expect(imported.trace.events).toEqual(trace.events);
    expect(imported.trace.entryCount).toBe(trace.entryCount);
    // The recording browser travels with the trace: a re-analysis applies its cookie defaults.
    expect(imported.trace.source).toEqual({
      format: 'sessionscope-trace',
      creator: trace.source.creator,
      browser: trace.source.browser,
      file: 'x.json',
    });
    expect(imported.exportedFrom.format).toBe('har');
    const again = analyzeTrace(imported.trace, { settings: imported.settings });
    expect(again.findings).toEqual(result.findings);
    expect(again.sessions).toEqual(result.sessions);
  });

  it('a redacted export carries the analysis the exporter saw, and none of the cookie values', () => {
    const text = exportNativeTrace(trace, result, { values: 'redacted' });
    const imported = parseNativeTraceText(text, 'x.json');
    expect(imported.values).toBe('redacted');
    expect(imported.analysis.findings).toEqual(result.findings);
    expect(imported.analysis.sessions).toEqual(result.sessions);
    expect(imported.analysis.story).toEqual(result.story);
    const secrets = sessionCookieValues(trace, result);
    expect(secrets.length > 0).toBe(!WITHOUT_SESSION_VALUES.has(name));
    for (const secret of secrets) expect(text.includes(secret), `${secret} leaked`).toBe(false);
  });

  it('a redacted export re-analysed (its values are hashes already) keeps the lanes: same cookies, IDs, ends', () => {
    const imported = parseNativeTraceText(exportNativeTrace(trace, result, { values: 'redacted' }), 'x.json');
    const again = analyzeTrace(imported.trace, { settings: imported.settings, values: 'raw' });
    const shape = (s: typeof result.sessions) =>
      s.map((l) => ({ cookie: l.cookie, ids: l.ids.map((i) => [i.firstEntry, i.lastEntry, i.endedBy, i.cause]) }));
    expect(shape(again.sessions)).toEqual(shape(result.sessions));
    // IDs read the same, except what stays visible after the hash: a JSESSIONID route suffix, and the session key
    // of a client-side store (`~…`), which tells an update from a new session.
    const ids = (s: typeof result.sessions) =>
      s.flatMap((l) => l.ids.map((i) => i.id.replace(/[.!][^.!]*$/, '').replace(/~[0-9a-f]{8}$/, '')));
    expect(ids(again.sessions)).toEqual(ids(result.sessions));
  });
});

describe('settings travel with the trace', () => {
  it('a --session-cookie override and --now are saved and read back', () => {
    const { trace } = load('rotation.har');
    const result = analyzeTrace(trace, { settings: { sessionCookies: ['theme'], now: 1_700_000_000_000 } });
    const imported = parseNativeTraceText(exportNativeTrace(trace, result), 'x.json');
    expect(imported.settings).toEqual(result.settings);
  });
});

describe('strict reading', () => {
  const { trace, result } = load('secure-lost-on-http.har');
  const good = () => JSON.parse(exportNativeTrace(trace, result, { values: 'raw' }));

  it.each([
    [
      'events[0].entry.request.url',
      (d: Spoilable) => (d.events[0].entry.request.url = 7),
      '"url" must be a string, not a number',
    ],
    [
      'events[1].entry.request.headers[0].value',
      (d: Spoilable) => delete d.events[1].entry.request.headers[0].value,
      '"value" is missing',
    ],
    [
      'events[0].kind',
      (d: Spoilable) => (d.events[0].kind = 'click'),
      '"kind" must be one of "entry", "cookie-changed", "navigation", not "click"',
    ],
    ['events[2].entry.index', (d: Spoilable) => (d.events[2].entry.index = -1), '"index" must be a whole number ≥ 0'],
    [
      'events[0].entry.request.resourceType',
      (d: Spoilable) => (d.events[0].entry.request.resourceType = 'pdf'),
      'must be one of',
    ],
    ['events', (d: Spoilable) => (d.events = {}), '"events" must be an array, not an object'],
    ['settings', (d: Spoilable) => delete d.settings, '"settings" is missing'],
    [
      'settings.sessionCookies[0]',
      (d: Spoilable) => (d.settings.sessionCookies = [1]),
      'must be a string, not a number',
    ],
    ['values', (d: Spoilable) => (d.values = 'some'), '"values" must be one of "redacted", "raw", not "some"'],
    ['analysis.findings[0].rule', (d: Spoilable) => (d.analysis.findings[0].rule = 'made-up'), '"rule" must be one of'],
    [
      'analysis.sessions[0].ids[0].firstEntry',
      (d: Spoilable) => (d.analysis.sessions[0].ids[0].firstEntry = '0'),
      'whole number',
    ],
    [
      'analysis.requests[1].notSent',
      (d: Spoilable) => (d.analysis.requests[1].notSent = null),
      '"notSent" must be an array, not null',
    ],
    ['events[0].entry.index', (d: Spoilable) => (d.events[0].entry.index = 999), 'is not below entryCount'],
  ])('names %s', (where, spoil, words) => {
    const doc = good();
    spoil(doc);
    const error = thrownBy(() => parseNativeTrace(doc, 'bad.json'));
    expect(error.where).toBe(where);
    expect(error.message).toContain(words);
    expect(error.message.startsWith('bad.json: ')).toBe(true);
  });

  it('a newer version names both versions', () => {
    const doc = { ...good(), version: 2 };
    const error = thrownBy(() => parseTraceFile(JSON.stringify(doc), 'future.json'));
    expect(error.message).toBe(
      'future.json: trace version 2 is newer than this Sessionscope understands (1) (at version)',
    );
  });

  it('a truncated native file is "not JSON … ends early"', () => {
    const text = exportNativeTrace(trace, result);
    expect(thrownBy(() => parseTraceFile(text.slice(0, text.length / 2), 'cut.json')).message).toContain(
      'the file ends early (truncated?)',
    );
  });

  it('"__proto__" in a native file is data, never a prototype', () => {
    const text = exportNativeTrace(trace, result).replace('"settings": {', '"settings": {"__proto__": {"now": 1},');
    const imported = parseNativeTraceText(text, 'p.json');
    expect(imported.settings.now).toBeUndefined();
  });
});
