// Format detection: HAR, native Sessionscope traces, and files that are neither.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CORPORA } from '../../../test/helpers/shared.ts';
import { analyzeTrace } from '../analysis/analyze.ts';
import { exportNativeTrace } from '../native/native.ts';
import { TraceInputError } from '../trace/types.ts';
import { detectTraceFormat, parseTraceFile, readTraceText } from './readTrace.ts';

function messageOf(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(TraceInputError);
    return (error as TraceInputError).message;
  }
  throw new Error('expected a TraceInputError, nothing was thrown');
}

describe('parseTraceFile', () => {
  it('reads a HAR file (with its byte-order mark)', () => {
    const text = readFileSync(`${CORPORA}har/mitmproxy-with-bom.har`, 'utf8');
    const trace = parseTraceFile(text, 'bom.har');
    expect(trace.source.format).toBe('har');
    expect(trace.entryCount).toBe(1);
  });

  it("reads a padded HAR (HAR Viewer's .harp: onInputData({…});) as the HAR inside, and says so", () => {
    const text = readFileSync(`${CORPORA}har/mitmproxy-with-bom.har`, 'utf8').replace(/^\uFEFF/, '');
    const plain = parseTraceFile(text, 'page.har');
    const padded = parseTraceFile(`onInputData(${text});\n`, 'page.harp');
    expect(padded.events).toEqual(plain.events);
    expect(padded.warnings?.[0]).toEqual({
      where: 'onInputData(…)',
      message: "HAR with padding (HAR Viewer's .harp form): the JSON inside onInputData(…) was read as the HAR",
    });
    // A call that is never closed is no padding: the parser says where the text stops being JSON.
    expect(messageOf(() => parseTraceFile(`onInputData(${text}`, 'cut.harp'))).toMatch(/^cut\.harp: not JSON/);
  });

  it('loads a native trace (an export of a HAR reads back as the same events)', () => {
    const har = parseTraceFile(readFileSync(`${CORPORA}har/mitmproxy-with-bom.har`, 'utf8'), 'bom.har');
    const text = exportNativeTrace(har, analyzeTrace(har), { values: 'raw' });
    const trace = parseTraceFile(text, 't.json');
    expect(trace.source.format).toBe('sessionscope-trace');
    expect(trace.events).toEqual(har.events);
  });

  it('refuses a native trace with a missing field, naming it', () => {
    const text = JSON.stringify({ format: 'sessionscope-trace', version: 1, events: [] });
    expect(messageOf(() => parseTraceFile(text, 't.json'))).toBe('t.json: "values" is missing (at values)');
  });

  it('names a newer native trace version', () => {
    const text = JSON.stringify({ format: 'sessionscope-trace', version: 3 });
    expect(messageOf(() => parseTraceFile(text))).toContain(
      'trace version 3 is newer than this Sessionscope understands (1)',
    );
  });

  it('names a version it cannot understand that is not newer', () => {
    const text = JSON.stringify({ format: 'sessionscope-trace', version: '1' });
    expect(messageOf(() => parseTraceFile(text))).toContain(
      'trace version "1" is not one this Sessionscope understands (1)',
    );
  });

  it.each([
    ['{"hello": 1}', 'neither a HAR file (no "log" field) nor a Sessionscope trace'],
    ['[1, 2]', 'the top level is an array'],
    ['"text"', 'the top level is a string'],
    ['{"format": "other-trace"}', 'neither a HAR file'],
  ])('rejects %s', (text, words) => {
    expect(messageOf(() => parseTraceFile(text, 'f.json'))).toContain(words);
  });

  it('passes HAR errors through, naming the file', () => {
    const text = readFileSync(`${CORPORA}har/harviewer-not-valid.har`, 'utf8');
    expect(messageOf(() => parseTraceFile(text, 'nv.har'))).toContain('nv.har: not a HAR');
    expect(messageOf(() => parseTraceFile('{"log": ', 'cut.har'))).toContain('the file ends early (truncated?)');
  });

  it('says what a text of another format is, where the sniffing never saw it (standard input, the panel)', () => {
    // gzip's second byte is no UTF-8: read as text it is U+FFFD.
    const gzipAsText = new TextDecoder().decode(new Uint8Array([0x1f, 0x8b, 0x08, 0x00, 0x00]));
    expect(messageOf(() => parseTraceFile(gzipAsText, '-'))).toBe(
      '-: the file is compressed (gzip): decompress it first (gunzip) and open the HAR or trace inside',
    );
    // UTF-16 (Windows PowerShell's `>`), with its byte-order mark either way round or none, read as UTF-8 text.
    const har = '{"log": {"version": "1.2", "entries": []}}';
    const le = new Uint8Array([0xff, 0xfe, ...[...har].flatMap((c) => [c.charCodeAt(0), 0])]);
    const be = new Uint8Array([0xfe, 0xff, ...[...har].flatMap((c) => [0, c.charCodeAt(0)])]);
    for (const encoded of [le, be, le.subarray(2)])
      expect(messageOf(() => parseTraceFile(new TextDecoder().decode(encoded), 'ps.har'))).toMatch(
        /^ps\.har: the file is UTF-16 text .*save it as UTF-8/,
      );
    // UTF-8 with its byte-order mark is read.
    expect(() => parseTraceFile(`\uFEFF${har}`, 'bom.har')).not.toThrow();
    expect(messageOf(() => parseTraceFile('2911:4:type;4:http;7:version;2:19#', 'flows'))).toMatch(
      /^flows: the file is mitmproxy's flow dump/,
    );
    // A JSON document of another tool: Charles's session, an array of its transactions.
    const charles = JSON.stringify([
      { status: 'COMPLETE', method: 'GET', protocolVersion: 'HTTP/1.1', scheme: 'https', host: 'a.test' },
    ]);
    expect(messageOf(() => parseTraceFile(charles, 's.chlsj'))).toMatch(
      /^s\.chlsj: the file is Charles's JSON session/,
    );
    expect(messageOf(() => parseTraceFile('[{"host": "a.test"}]', 'list.json'))).toMatch(/the top level is an array/);
    // Other text that is no JSON is still told where it fails.
    expect(messageOf(() => parseTraceFile('<html></html>', 'page.html'))).toMatch(/^page\.html: not JSON/);
  });

  it('reads a HAR\'s log object saved without its {"log": …} wrapper, and says so', () => {
    const har = JSON.parse(readFileSync('test/fixtures/demo-har/secure-cookie-over-http.har', 'utf8')) as {
      log: unknown;
    };
    const whole = parseTraceFile(JSON.stringify(har), 'wrapped.har');
    const unwrapped = readTraceText(JSON.stringify(har.log), 'log.json').trace;
    expect(unwrapped.entryCount).toBe(whole.entryCount);
    expect(analyzeTrace(unwrapped).findings).toEqual(analyzeTrace(whole).findings);
    expect(unwrapped.warnings?.[0]?.message).toMatch(/HAR's "log" object without its \{"log": …\} wrapper/);
    // An object with none of a log's fields is still neither.
    expect(messageOf(() => parseTraceFile('{"entries": []}', 'e.json'))).toMatch(/neither a HAR file/);
  });

  it('names a Python dict printed in place of JSON', () => {
    expect(messageOf(() => parseTraceFile("{'log': {'version': '1.2', 'entries': []}}", 'splash.har'))).toMatch(
      /^splash\.har: the file is a Python dict printed with single quotes.*json\.dump/,
    );
  });

  it('a "__proto__" format key is data, not a prototype', () => {
    expect(detectTraceFormat(JSON.parse('{"__proto__": {"format": "sessionscope-trace"}}'))).toBe('unknown');
    expect(detectTraceFormat(JSON.parse('{"__proto__": {"log": {}}}'))).toBe('unknown');
  });
});
