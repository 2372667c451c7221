// How a file is opened, from its first bytes and size: one decision for the CLI and the panel.
import { describe, expect, it } from 'vitest';
import { TraceInputError } from '../trace/types.ts';
import { openTrace, SNIFF_BYTES, STREAM_FROM_BYTES, sniffTraceKind } from './openTrace.ts';

const bytes = (text: string) => new TextEncoder().encode(text);

describe('sniffTraceKind', () => {
  it.each([
    ['a HAR', '{"log": {"version": "1.2", "entries": []}}', 'har'],
    ['a HAR with a byte-order mark and white space', '\uFEFF \n {"log": {}}', 'har'],
    ['a HAR whose first key is not log', '{"version": 1, "log": {}}', 'har'],
    ['a native trace', '{"format": "sessionscope-trace", "version": 1}', 'sessionscope-trace'],
    ['a native trace, indented', '{\n  "format" : "sessionscope-trace",\n  "version": 1', 'sessionscope-trace'],
    ['a JSON array', '[1, 2]', 'unknown'],
    ['text', 'hello', 'unknown'],
    ['an empty file', '', 'unknown'],
  ])('%s', (_, text, kind) => {
    expect(sniffTraceKind(bytes(text))).toBe(kind);
  });

  it('a HAR that quotes the native marker inside a string is still a HAR (the quotes are escaped there)', () => {
    const har = JSON.stringify({ log: { comment: '{"format": "sessionscope-trace"}', entries: [] } });
    expect(sniffTraceKind(bytes(har))).toBe('har');
  });

  it('gzip by its magic bytes', () => {
    expect(sniffTraceKind(new Uint8Array([0x1f, 0x8b, 0x08, 0x00]))).toBe('other');
  });

  it('reads only what the head holds: a cut head is enough', () => {
    const head = bytes(`{"format": "sessionscope-trace", "events": [${'1,'.repeat(SNIFF_BYTES)}`).subarray(
      0,
      SNIFF_BYTES,
    );
    expect(sniffTraceKind(head)).toBe('sessionscope-trace');
  });
});

describe('openTrace', () => {
  const har = bytes('{"log": {"entries": [');

  it(`streams a HAR of ${STREAM_FROM_BYTES} bytes or more, reads a smaller one whole`, () => {
    expect(openTrace(har, STREAM_FROM_BYTES)).toEqual({ kind: 'har', stream: true });
    expect(openTrace(har, STREAM_FROM_BYTES - 1)).toEqual({ kind: 'har', stream: false });
  });

  it('the threshold is 8 MiB unless the caller moves it', () => {
    expect(STREAM_FROM_BYTES).toBe(8 * 1024 * 1024);
    expect(openTrace(har, 10, { streamFromBytes: 10 }).stream).toBe(true);
    expect(openTrace(har, 10, { streamFromBytes: 11 }).stream).toBe(false);
  });

  it('reads a native trace whole at any size (its reader needs the document)', () => {
    const native = bytes('{"format": "sessionscope-trace", "version": 1');
    expect(openTrace(native, 10 * STREAM_FROM_BYTES)).toEqual({ kind: 'sessionscope-trace', stream: false });
  });

  it('reads a file of unknown size whole (standard input)', () => {
    expect(openTrace(har, undefined)).toEqual({ kind: 'har', stream: false });
  });

  it('streams a large file that is not JSON, so the stream reader refuses it at its first bytes', () => {
    expect(openTrace(bytes('<html><body>'), STREAM_FROM_BYTES)).toEqual({ kind: 'unknown', stream: true });
  });

  it("reads a HAR's log object without its wrapper whole at any size: the entry scanner looks for log.entries", () => {
    const log = bytes('{"version": "1.2", "creator": {"name": "x"}, "entries": [');
    expect(openTrace(log, 10 * STREAM_FROM_BYTES)).toEqual({ kind: 'har', stream: false });
  });

  it("reads a padded HAR (HAR Viewer's .harp) whole at any size: the entry scanner reads JSON from its first byte", () => {
    const padded = bytes('\uFEFF onInputData({"log": {"entries": [');
    expect(openTrace(padded, 10 * STREAM_FROM_BYTES)).toEqual({ kind: 'har', stream: false });
  });

  it.each([
    [
      'a ZIP archive (a Fiddler .saz)',
      bytes('PK\u0003\u0004\u0014\u0000'),
      /ZIP archive \(a Fiddler \.saz.*HTTPArchive v1\.2/,
    ],
    [
      "mitmproxy's flow dump",
      bytes('2911:4:type;4:http;7:version;2:19#8:metadata;0:}'),
      /mitmproxy's flow dump.*--set hardump=/,
    ],
    [
      "Charles's JSON session",
      bytes('[{"status":"COMPLETE","method":"GET","protocolVersion":"HTTP/1.1","scheme":"https","host":"a.test"'),
      /Charles's JSON session \(\.chlsj\).*HTTP Archive/,
    ],
    [
      "Burp Suite's saved items",
      bytes(
        '<?xml version="1.0"?>\n<!DOCTYPE items [\n<!ELEMENT items (item*)>]>\n<items burpVersion="2023.10.3.4" exportTime="x">',
      ),
      /Burp Suite's saved items \(XML\)/,
    ],
  ])('refuses %s, saying what it is and how to get a HAR', (_, head, message) => {
    expect(sniffTraceKind(head)).toBe('other');
    expect(() => openTrace(head, 100, { file: 'capture' })).toThrow(TraceInputError);
    expect(() => openTrace(head, 100, { file: 'capture' })).toThrow(message);
  });

  it('takes neither JSON nor other markup for those formats', () => {
    expect(sniffTraceKind(bytes('{"log": {"comment": "2911:4:type;"}}'))).toBe('har');
    expect(sniffTraceKind(bytes('<?xml version="1.0"?><items count="3">'))).toBe('unknown');
    expect(sniffTraceKind(bytes('[{"host": "a.test", "note": "HTTP/1.1"}]'))).toBe('unknown');
  });

  it('refuses a gzip-compressed file with a message that says what to do', () => {
    let error: unknown;
    try {
      openTrace(new Uint8Array([0x1f, 0x8b, 0x08]), 100, { file: 'session.har.gz' });
    } catch (thrown) {
      error = thrown;
    }
    expect(error).toBeInstanceOf(TraceInputError);
    expect((error as TraceInputError).message).toBe(
      'session.har.gz: the file is compressed (gzip): decompress it first (gunzip) and open the HAR or trace inside',
    );
  });
});
