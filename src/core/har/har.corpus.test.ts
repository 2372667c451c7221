// Every real HAR file of the shared corpus (Fiddler, Firebug, Chrome, Firefox, Safari, Charles,
// Insomnia, mitmproxy) loads, and the three broken ones are refused with a message naming the problem.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BROKEN_CORPUS_HARS, CORPORA } from '../../../test/helpers/shared.ts';
import { thrownBy } from '../../../test/helpers/thrownBy.ts';
import { headerValues, setCookieLines } from '../trace/headers.ts';
import type { Trace, TraceEntry } from '../trace/types.ts';
import { parseHar } from './har.ts';

const CORPUS = `${CORPORA}har`;
const allFiles = readdirSync(CORPUS).filter((name) => name.endsWith('.har'));
const goodFiles = allFiles.filter((name) => !BROKEN_CORPUS_HARS.includes(name));

const text = (name: string): string => readFileSync(join(CORPUS, name), 'utf8');
/** The file as a plain JSON document, read independently of the importer (BOM removed by hand). */
const rawLog = (name: string) => JSON.parse(text(name).replace(/^\uFEFF/, '')).log;
const entriesOf = (trace: Trace): TraceEntry[] =>
  trace.events.flatMap((event) => (event.kind === 'entry' ? [event.entry] : []));

describe('the real HAR corpus', () => {
  it('has the 14 good files and 3 broken ones the README lists', () => {
    expect(goodFiles).toHaveLength(14);
    expect(allFiles.filter((name) => BROKEN_CORPUS_HARS.includes(name))).toHaveLength(3);
  });

  it.each(goodFiles)('%s loads with one entry event per HAR entry, each index once', (name) => {
    const trace = parseHar(text(name), name);
    const raw = rawLog(name);
    expect(trace.source.format).toBe('har');
    expect(trace.source.file).toBe(name);
    expect(trace.entryCount).toBe(raw.entries.length);
    const entries = entriesOf(trace);
    expect(entries).toHaveLength(raw.entries.length);
    expect(entries.map((entry) => entry.index).sort((a, b) => a - b)).toEqual(
      raw.entries.map((_: unknown, i: number) => i),
    );
    for (const entry of entries) expect(entry.request.url).toBe(raw.entries[entry.index].request.url);
    // Ordered by time.
    for (let i = 1; i < entries.length; i++)
      expect(entries[i]!.startedAt).toBeGreaterThanOrEqual(entries[i - 1]!.startedAt);
    expect(trace.source.creator).toContain(raw.creator.name);
  });

  it('harviewer-noPages.har carries its cookie traffic (README: 24 Set-Cookie, 47 Cookie headers)', () => {
    const entries = entriesOf(parseHar(text('harviewer-noPages.har')));
    const withSetCookie = entries.filter((entry) => setCookieLines(entry.response?.headers ?? []).length > 0);
    const withCookie = entries.filter((entry) => headerValues(entry.request.headers, 'cookie').length > 0);
    expect(withSetCookie.length).toBeGreaterThanOrEqual(20);
    expect(withCookie.length).toBeGreaterThanOrEqual(40);
    const setCookieHeaders = entries.flatMap((entry) => headerValues(entry.response?.headers ?? [], 'set-cookie'));
    const cookieHeaders = entries.flatMap((entry) => headerValues(entry.request.headers, 'cookie'));
    expect(setCookieHeaders).toHaveLength(24);
    expect(cookieHeaders).toHaveLength(47);
    // The Cookie header is the truth: no parsed list is added beside it.
    for (const entry of withCookie) expect(entry.request.cookies).toBeUndefined();
  });

  it('harviewer-www-cnn-com.har keeps its 8 Set-Cookie headers', () => {
    const entries = entriesOf(parseHar(text('harviewer-www-cnn-com.har')));
    expect(entries.flatMap((entry) => setCookieLines(entry.response?.headers ?? []))).toHaveLength(8);
  });

  it('mitmproxy-with-bom.har starts with a byte-order mark and loads', () => {
    expect(text('mitmproxy-with-bom.har').charCodeAt(0)).toBe(0xfeff);
    const [entry] = entriesOf(parseHar(text('mitmproxy-with-bom.har')));
    expect(entry?.request.method).toBe('POST');
    expect(entry?.request.resourceType).toBe('ping');
    expect(entry?.request.postData?.mimeType).toBe('text/plain;charset=UTF-8');
    expect(entry?.request.postData?.text?.length).toBeGreaterThan(100);
  });

  it('harviewer-no-headers.har loads with empty header lists', () => {
    const [entry] = entriesOf(parseHar(text('harviewer-no-headers.har')));
    expect(entry?.request.headers).toEqual([]);
    expect(entry?.response?.status).toBe(200);
  });

  it('mitmproxy-websocket.har has websocket entries', () => {
    const entries = entriesOf(parseHar(text('mitmproxy-websocket.har')));
    expect(entries.some((entry) => entry.request.resourceType === 'websocket')).toBe(true);
  });

  it('mitmproxy-firefox.har: every Set-Cookie is one line, as many as the raw headers hold', () => {
    const raw = rawLog('mitmproxy-firefox.har');
    const rawLines = raw.entries.flatMap((entry: { response: { headers: { name: string; value: string }[] } }) =>
      entry.response.headers
        .filter((header) => header.name.toLowerCase() === 'set-cookie')
        .flatMap((header) => header.value.split('\n').filter((line) => line.trim() !== '')),
    );
    const headers = entriesOf(parseHar(text('mitmproxy-firefox.har'))).flatMap((entry) =>
      headerValues(entry.response?.headers ?? [], 'set-cookie'),
    );
    expect(headers).toHaveLength(rawLines.length);
    for (const value of headers) expect(value).not.toContain('\n');
  });

  it('a Firefox file with a "\\n"-joined Set-Cookie (mitmproxy-firefox.har, one header edited) is split', () => {
    const har = JSON.parse(text('mitmproxy-firefox.har'));
    har.log.entries[3].response.headers.push({ name: 'Set-Cookie', value: 'sid=abc; Path=/; Secure\ntheme=dark\n' });
    const entry = entriesOf(parseHar(JSON.stringify(har))).find((e) => e.index === 3);
    expect(headerValues(entry?.response?.headers ?? [], 'set-cookie')).toEqual([
      'sid=abc; Path=/; Secure',
      'theme=dark',
    ]);
  });

  it('mitmproxy-chrome.har: Chrome resource types, a failed request without a response, initiators', () => {
    const entries = entriesOf(parseHar(text('mitmproxy-chrome.har')));
    const byIndex = (index: number) => entries.find((entry) => entry.index === index)!;
    expect(byIndex(0).request.resourceType).toBe('document');
    expect(byIndex(0).request.initiatorUrl).toBe('https://www.google.com/'); // its Referer
    expect(byIndex(1).response).toBeUndefined(); // status 0, no headers: the request failed
    expect(byIndex(2).request.resourceType).toBe('image');
    expect(byIndex(2).request.initiatorUrl).toBe('https://www.google.com/'); // Chrome's _initiator.url
  });

  it('harviewer-multiple-pages.har: subresources take their own page document as initiator', () => {
    const entries = entriesOf(parseHar(text('harviewer-multiple-pages.har')));
    const documents = new Map(
      entries.filter((e) => e.request.resourceType === 'document').map((e) => [e.pageRef, e.request.url]),
    );
    expect(documents.size).toBe(3);
    for (const entry of entries.filter((e) => e.request.resourceType !== 'document')) {
      expect(entry.request.initiatorUrl).toBe(documents.get(entry.pageRef));
    }
  });
});

describe('the broken files of the corpus', () => {
  it('harviewer-not-json.har: not JSON, at the line and column of the stray "xxx"', () => {
    const error = thrownBy(() => parseHar(text('harviewer-not-json.har'), 'harviewer-not-json.har'));
    expect(error.message).toContain('harviewer-not-json.har');
    expect(error.message).toContain('not JSON');
    expect(error.where).toBe('line 8 column 5');
    expect(text('harviewer-not-json.har').split('\n')[7]?.slice(4, 7)).toBe('xxx');
  });

  it('harviewer-not-valid.har: JSON but not a HAR, naming the missing log.entries', () => {
    const error = thrownBy(() => parseHar(text('harviewer-not-valid.har'), 'harviewer-not-valid.har'));
    expect(error.message).toContain('harviewer-not-valid.har');
    expect(error.message).toContain('not a HAR');
    expect(error.message).toContain('log.entries');
    expect(error.where).toBe('log.entries');
  });

  it('mitmproxy-brokenfile.har: not JSON, where the mangled tail begins', () => {
    const error = thrownBy(() => parseHar(text('mitmproxy-brokenfile.har'), 'mitmproxy-brokenfile.har'));
    expect(error.message).toContain('mitmproxy-brokenfile.har');
    expect(error.message).toContain('not JSON');
    expect(error.where).toBe('line 5 column 1');
  });

  it('a real file cut in half says it ends early (truncated?) and where it ends', () => {
    const full = text('harviewer-noPages.har');
    const cut = full.slice(0, Math.floor(full.length / 2));
    const error = thrownBy(() => parseHar(cut, 'half.har'));
    expect(error.message).toContain('the file ends early (truncated?)');
    const lines = cut.split('\n');
    expect(error.where).toBe(`line ${lines.length} column ${lines[lines.length - 1]!.length + 1}`);
  });
});
