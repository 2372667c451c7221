// HAR 1.2 export: validates against the `har-schema` package's HAR 1.2 JSON Schema, re-imports through our
// own HAR importer to the same findings and lanes, carries `_sessionscope` per entry, is byte-stable, and
// holds no session cookie value when redacted.
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { type AnalysisResult, analyzeTrace } from '../../src/core/analysis/analyze.ts';
import { exportHar } from '../../src/core/formats/index.ts';
import { parseTraceFile, readTraceText } from '../../src/core/open/readTrace.ts';
import { sessionCookieValues } from '../fixtures/formats/secrets.ts';
import { BROKEN_CORPUS_HARS, CORPORA } from '../helpers/shared.ts';

const require = createRequire(import.meta.url);
const DEMO = new URL('../fixtures/demo-har/', import.meta.url).pathname;
const CORPUS = `${CORPORA}har/`;
const INPUTS = [
  ...readdirSync(DEMO).map((f) => `${DEMO}${f}`),
  ...readdirSync(CORPUS)
    .filter((f) => f.endsWith('.har') && !BROKEN_CORPUS_HARS.includes(f))
    .map((f) => `${CORPUS}${f}`),
].sort();

/** har-schema's HAR 1.2 schemas (draft-06, one file per object, `$ref` by file name). */
function harValidator() {
  const ajv = new Ajv({ allErrors: true, strict: false });
  addFormats(ajv);
  ajv.addMetaSchema(require('ajv/dist/refs/json-schema-draft-06.json'));
  const schemas = require('har-schema') as Record<string, { $id: string }>;
  for (const schema of Object.values(schemas)) if (schema.$id !== 'har.json#') ajv.addSchema(schema);
  return ajv.compile(schemas.har!);
}
const validate = harValidator();

const shortName = (path: string) => path.replace(/^.*\//, '');

describe.each(INPUTS.map((p) => [shortName(p), p]))('%s', (_name, path) => {
  const trace = parseTraceFile(readFileSync(path, 'utf8'), path);
  const result = analyzeTrace(trace);

  it.each(['raw', 'redacted'] as const)('a %s export validates against har-schema (HAR 1.2)', (values) => {
    const har = JSON.parse(exportHar(trace, result, { values }));
    validate(har);
    // The one thing an export cannot mend: a source whose request URLs are not absolute (harviewer's issue-23
    // files) stays as recorded, and the schema's "uri" format refuses it. Everything else must validate.
    const errors = (validate.errors ?? []).filter((e) => {
      const url = /^\/log\/entries\/(\d+)\/request\/url$/.exec(e.instancePath);
      return !(url && e.keyword === 'format' && !URL.canParse(har.log.entries[Number(url[1])].request.url));
    });
    expect(errors, JSON.stringify(errors.slice(0, 3))).toEqual([]);
    expect(har.log.entries).toHaveLength(trace.events.filter((e) => e.kind === 'entry').length);
  });

  it('a raw export re-imports through our HAR importer to the same findings and lanes', () => {
    const again = analyzeTrace(parseTraceFile(exportHar(trace, result, { values: 'raw' }), 'again.har'));
    expect(again.findings).toEqual(result.findings);
    expect(again.sessions).toEqual(result.sessions);
    expect(again.requests).toEqual(result.requests);
  });

  it('a redacted export re-imports to the same lanes (cookies, ID spans, ends and causes)', () => {
    const again = analyzeTrace(parseTraceFile(exportHar(trace, result), 'again.har'), { values: 'raw' });
    const shape = (r: AnalysisResult) =>
      r.sessions.map((l) => ({
        cookie: l.cookie,
        ids: l.ids.map((i) => [i.firstEntry, i.lastEntry, i.endedBy, i.cause]),
      }));
    expect(shape(again)).toEqual(shape(result));
    const rotationsAndResets = (r: AnalysisResult) =>
      r.findings
        .filter((f) => f.rule === 'session-rotated' || f.rule === 'session-reset')
        .map((f) => [f.entry, f.cause]);
    expect(rotationsAndResets(again)).toEqual(rotationsAndResets(result));
  });

  it("_sessionscope per entry: that entry's findings, cookies not sent with reasons, the initiator", () => {
    const har = JSON.parse(exportHar(trace, result, { values: 'raw' }));
    const entries = har.log.entries as {
      _sessionscope: {
        findings: { rule: string }[];
        notSent: { name: string; reason: string }[];
        initiatorUrl?: string;
      };
    }[];
    const byIndex = new Map(trace.events.flatMap((e) => (e.kind === 'entry' ? [[e.entry.index, e.entry]] : [])));
    entries.forEach((entry, index) => {
      expect(entry._sessionscope.findings.map((f) => f.rule)).toEqual(
        result.findings.filter((f) => f.entry === index).map((f) => f.rule),
      );
      const request = result.requests.find((r) => r.entry === index);
      expect(entry._sessionscope.notSent.map((n) => `${n.name}:${n.reason}`)).toEqual(
        (request?.notSent ?? []).map((n) => `${n.name}:${n.reason}`),
      );
      expect(entry._sessionscope.initiatorUrl).toBe(byIndex.get(index)?.request.initiatorUrl);
    });
  });

  it('exports the same bytes every time', () => {
    expect(exportHar(trace, result)).toBe(exportHar(trace, analyzeTrace(trace)));
  });

  it('a redacted export opens as its exporter saw it: the settings and analysis it saved, not one of its hashes', () => {
    const read = readTraceText(exportHar(trace, result), 'again.har');
    expect(read.native?.values).toBe('redacted');
    expect(read.native?.analysis.findings).toEqual(result.findings);
    expect(read.native?.analysis.sessions).toEqual(result.sessions);
    expect(read.native?.analysis.story).toEqual(result.story);
    expect(read.native?.settings).toEqual(result.settings);
    // A raw export is analysed again: it saves none.
    expect(readTraceText(exportHar(trace, result, { values: 'raw' }), 'again.har').native).toBeUndefined();
  });

  it('a redacted export holds none of the session cookie values', () => {
    const text = exportHar(trace, result);
    for (const secret of sessionCookieValues(trace, result))
      expect(text.includes(secret), `${secret} leaked`).toBe(false);
  });
});

it('a redacted export whose saved analysis cannot be read is analysed again from its hashes, and says so', () => {
  const trace = parseTraceFile(readFileSync(`${DEMO}rotation.har`, 'utf8'));
  const har = JSON.parse(exportHar(trace, analyzeTrace(trace)));
  har.log._sessionscope.analysis.findings = 'lost';
  const read = readTraceText(JSON.stringify(har), 'spoilt.har');
  expect(read.native).toBeUndefined();
  const [warning] = read.trace.warnings ?? [];
  expect(warning?.where).toBe('log._sessionscope.analysis.findings');
  expect(warning?.message).toContain('analysed again from its hashed values');
  expect(read.trace.events.filter((e) => e.kind === 'entry')).toHaveLength(trace.entryCount);
});

it('the demo fixtures do have session values to hide (the leak test is not vacuous)', () => {
  const trace = parseTraceFile(readFileSync(`${DEMO}rotation.har`, 'utf8'));
  expect(sessionCookieValues(trace, analyzeTrace(trace)).length).toBeGreaterThanOrEqual(2);
});
