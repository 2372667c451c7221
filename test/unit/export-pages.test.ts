// Exports of a HAR saved with content: the pages are never written, only what the analysis read of them (a login
// form, the user names they hold, whether their text was cut: src/core/native/pageExport.ts), so a raw export,
// native or HAR, re-imports to the same findings, and a redacted one holds the names as its POSTs do (hashed).
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyzeTrace } from '../../src/core/analysis/analyze.ts';
import { redactValue } from '../../src/core/analysis/redact.ts';
import { exportHar, exportNativeTrace, parseNativeTraceText } from '../../src/core/formats/index.ts';
import { parseTraceFile } from '../../src/core/open/readTrace.ts';
import { trace as scenario } from '../helpers/traceBuilder.ts';

const FIXTURES = new URL('../fixtures/framework-har/', import.meta.url).pathname;
/** Real frameworks recorded with content (scripts/record-framework-hars.ts `andWithBodies`). */
const WITH_CONTENT = readdirSync(FIXTURES)
  .filter((f) => f.endsWith('-with-bodies.har'))
  .sort();

function load(name: string) {
  const trace = parseTraceFile(readFileSync(`${FIXTURES}${name}`, 'utf8'), name);
  return { trace, result: analyzeTrace(trace) };
}

it('the recordings with content are there to test', () => {
  expect(WITH_CONTENT.length).toBeGreaterThan(100);
});

describe.each(WITH_CONTENT)('%s', (name) => {
  const { trace, result } = load(name);

  it('a raw export, native or HAR, re-imports to the same findings and lanes', () => {
    const native = parseNativeTraceText(exportNativeTrace(trace, result, { values: 'raw' }), 'again.json');
    const fromNative = analyzeTrace(native.trace, { settings: native.settings });
    expect(fromNative.findings).toEqual(result.findings);
    expect(fromNative.sessions).toEqual(result.sessions);
    const fromHar = analyzeTrace(parseTraceFile(exportHar(trace, result, { values: 'raw' }), 'again.har'));
    expect(fromHar.findings).toEqual(result.findings);
    expect(fromHar.sessions).toEqual(result.sessions);
  });
});

describe('what an export keeps of a page', () => {
  // Hello <name>, a login form for visitors; the login posts `username`; the server forgets the session (a restart).
  const restarted = () =>
    scenario()
      .get('https://app.test/', {
        cookie: '',
        setCookie: ['sid=a1b2c3d4e5f6a7b8c9d0; Path=/; HttpOnly'],
        loginForm: true,
      })
      .post('https://app.test/login', {
        cookie: 'sid=a1b2c3d4e5f6a7b8c9d0',
        form: { username: 'Alice', password: 'secret-pw' },
        location: '/',
        setCookie: ['sid=f0e1d2c3b4a5968778695a4b; Path=/; HttpOnly'],
      })
      .get('https://app.test/', {
        cookie: 'sid=f0e1d2c3b4a5968778695a4b',
        pageText: 'Hello alice, your private notes: dentist on Friday',
      })
      .get('https://app.test/', { cookie: 'sid=f0e1d2c3b4a5968778695a4b', pageText: 'Hello anon' })
      .build();

  it('the names the page holds, as the POSTs show them, never its text: raw as sent, redacted as hashed', () => {
    const trace = restarted();
    const result = analyzeTrace(trace);
    expect(result.findings.filter((f) => f.rule === 'session-rejected').map((f) => f.entry)).toEqual([3]);
    for (const values of ['raw', 'redacted'] as const) {
      const text = exportNativeTrace(trace, result, { values });
      expect(text).not.toContain('dentist');
      expect(text).not.toContain('Hello');
      const doc = JSON.parse(text);
      const pages = doc.events.map((e: { entry: { response?: { page?: unknown } } }) => e.entry.response?.page);
      const alice = values === 'raw' ? 'alice' : redactValue('Alice');
      expect(pages).toEqual([{ loginForm: true }, undefined, { names: [alice] }, { names: [] }]);
      // Re-analysed (a redacted trace with new settings), the page that stopped naming the user still tells it.
      const imported = parseNativeTraceText(text, 'x.json');
      const again = analyzeTrace(imported.trace, { settings: imported.settings, values: 'raw' });
      expect(again.findings.filter((f) => f.rule === 'session-rejected').map((f) => f.entry)).toEqual([3]);
    }
    const har = JSON.parse(exportHar(trace, result, { values: 'raw' }));
    expect(har.log.entries.map((e: { _sessionscope: { page?: unknown } }) => e._sessionscope.page)).toEqual([
      { loginForm: true },
      undefined,
      { names: ['alice'] },
      { names: [] },
    ]);
  });

  it('a page whose text was cut says it, so a re-import does not take it for one without the name', () => {
    const cut = scenario()
      .post('https://app.test/login', {
        cookie: '',
        form: { username: 'alice', password: 'pw' },
        location: '/',
        setCookie: ['sid=a1b2c3d4e5f6a7b8c9d0; Path=/'],
      })
      .get('https://app.test/', { cookie: 'sid=a1b2c3d4e5f6a7b8c9d0', pageText: 'Hello alice' })
      .get('https://app.test/', { cookie: 'sid=a1b2c3d4e5f6a7b8c9d0', pageText: 'a long list '.repeat(700) })
      .build();
    const result = analyzeTrace(cut);
    expect(result.findings.filter((f) => f.rule === 'session-rejected')).toEqual([]);
    const doc = JSON.parse(exportNativeTrace(cut, result, { values: 'raw' }));
    expect(doc.events[2].entry.response.page).toEqual({ names: [], cut: true });
    const again = analyzeTrace(parseNativeTraceText(JSON.stringify(doc), 'x.json').trace);
    expect(again.findings).toEqual(result.findings);
  });

  it('a page that offers a logout says so, and a re-import tells a renewed ID as the source did, not as lost', () => {
    const renewed = scenario()
      .get('https://app.test/login', { cookie: '', loginForm: true })
      .post('https://app.test/login', {
        cookie: '',
        form: { username: 'alice', password: 'pw' },
        location: '/',
        setCookie: ['sid=a1b2c3d4e5f6a7b8c9d0; Path=/'],
      })
      .get('https://app.test/', { cookie: 'sid=a1b2c3d4e5f6a7b8c9d0', offersLogout: true })
      .get('https://app.test/notes', {
        cookie: 'sid=a1b2c3d4e5f6a7b8c9d0',
        setCookie: ['sid=f0e1d2c3b4a5968778695a4b; Path=/'],
        offersLogout: true,
      })
      .build();
    const result = analyzeTrace(renewed);
    expect(result.findings.filter((f) => f.rule === 'session-reset')).toEqual([]);
    expect(result.findings.filter((f) => f.rule === 'session-rotated').map((f) => f.entry)).toEqual([3]);
    const doc = JSON.parse(exportNativeTrace(renewed, result, { values: 'raw' }));
    expect(doc.events[3].entry.response.page).toEqual({ offersLogout: true });
    expect(analyzeTrace(parseNativeTraceText(JSON.stringify(doc), 'x.json').trace).findings).toEqual(result.findings);
    const har = exportHar(renewed, result, { values: 'raw' });
    expect(JSON.parse(har).log.entries[3]._sessionscope.page).toEqual({ offersLogout: true });
    expect(analyzeTrace(parseTraceFile(har, 'again.har')).findings).toEqual(result.findings);
  });

  it("a HAR's `_sessionscope.page` of another shape is noted and left out; the entry is still read", () => {
    const trace = restarted();
    const har = JSON.parse(exportHar(trace, analyzeTrace(trace), { values: 'raw' }));
    har.log.entries[3]._sessionscope.page = { names: 'anon' };
    const read = parseTraceFile(JSON.stringify(har), 'odd.har');
    const entries = read.events.flatMap((e) => (e.kind === 'entry' ? [e.entry] : []));
    expect(entries).toHaveLength(4);
    expect(entries[3]!.response?.pageText).toBeUndefined();
    expect(entries[2]!.response?.pageText).toBe('alice');
    expect(read.warnings?.map((w) => w.where)).toContain('log.entries[3]._sessionscope.page');
  });

  it('a native page of another shape is refused, naming the field', () => {
    const trace = restarted();
    const doc = JSON.parse(exportNativeTrace(trace, analyzeTrace(trace), { values: 'raw' }));
    doc.events[2].entry.response.page.names = [1];
    expect(() => parseNativeTraceText(JSON.stringify(doc), 'x.json')).toThrow(/events\[2\]\.entry\.response\.page/);
  });
});
