// The streaming HAR reader gives exactly the Trace of the in-memory importer — every demo fixture and every
// good corpus file, whatever the chunk size — and refuses what it refuses, with the same kind of message.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { HarStreamReader, readHarStream } from '../../src/core/formats/index.ts';
import { parseTraceFile } from '../../src/core/open/readTrace.ts';
import { TraceInputError } from '../../src/core/trace/types.ts';
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

async function streamed(bytes: Uint8Array, file: string, size = 4096) {
  return readHarStream(chunked(bytes, size), file);
}

async function refusal(run: () => Promise<unknown>): Promise<TraceInputError> {
  try {
    await run();
  } catch (e) {
    expect(e).toBeInstanceOf(TraceInputError);
    return e as TraceInputError;
  }
  throw new Error('expected a TraceInputError');
}

describe.each(GOOD.map((p) => [p.replace(/^.*\//, ''), p]))('%s', (_name, path) => {
  const bytes = readFileSync(path);
  const expected = parseTraceFile(bytes.toString('utf8'), path);

  it.each([1 << 16, 997, 7])('streams in %i-byte chunks to the in-memory Trace', async (size) => {
    expect(await streamed(bytes, path, size)).toEqual(expected);
  });
});

describe('what the streaming reader refuses', () => {
  it.each(BROKEN_CORPUS_HARS)('%s is refused as not JSON or not a HAR', async (name) => {
    const error = await refusal(() => streamed(readFileSync(`${CORPUS}${name}`), name));
    expect(error.message).toMatch(new RegExp(`^${name.replace('.', '\\.')}: not (JSON|a HAR)`));
  });

  it('a file cut short before its first entry is whole "ends early", saying where', async () => {
    const text = readFileSync(`${DEMO}rotation.har`, 'utf8');
    const error = await refusal(() => streamed(new TextEncoder().encode(text.slice(0, 2000)), 'cut.har'));
    expect(error.message).toBe(
      'cut.har: not JSON: the file ends early (truncated?), before its first entry ends: nothing to analyse (at byte 2000, the end of the file)',
    );
  });

  it('a file cut short later gives the entries before its end, as the whole-file reader does', async () => {
    const text = readFileSync(`${DEMO}rotation.har`, 'utf8');
    const cut = text.slice(0, Math.floor(text.length * 0.7));
    const trace = await streamed(new TextEncoder().encode(cut), 'cut.har', 100);
    expect(trace).toEqual(parseTraceFile(cut, 'cut.har'));
    expect(trace.entryCount).toBeGreaterThan(0);
    expect(trace.warnings?.[0]?.truncatedAfter).toBe(trace.entryCount);
  });

  it('a malformed entry is skipped and named by its real position, as the in-memory importer does', async () => {
    const har = JSON.parse(readFileSync(`${DEMO}rotation.har`, 'utf8'));
    har.log.entries[2].request.url = 42;
    const text = JSON.stringify(har);
    const trace = await streamed(new TextEncoder().encode(text), 'bad.har', 100);
    expect(trace).toEqual(parseTraceFile(text, 'bad.har'));
    expect(trace.warnings).toContainEqual({
      where: 'log.entries[2].request.url',
      message: 'entry 2 skipped: "url" must be a string, not a number',
      skippedEntry: 2,
    });
    expect(trace.events.some((e) => e.kind === 'entry' && e.entry.index === 2)).toBe(false);
  });

  it('a file whose entries are all unreadable is refused with the in-memory message', async () => {
    const text = JSON.stringify({ log: { entries: [{ request: { url: 1 } }, 'x'] } });
    const inMemory = (() => {
      try {
        parseTraceFile(text, 'none.har');
      } catch (e) {
        return e as TraceInputError;
      }
    })();
    const error = await refusal(() => streamed(new TextEncoder().encode(text), 'none.har', 7));
    expect(error.message).toBe(inMemory?.message);
    expect(error.message).toMatch(/^none\.har: no readable entry: all 2 entries are unreadable/);
  });

  it('entries that are not an array, an empty file, text after the end', async () => {
    const enc = (s: string) => new TextEncoder().encode(s);
    expect((await refusal(() => streamed(enc('{"log": {"entries": {"a": {}}}}'), 'o.har'))).where).toBe('log.entries');
    expect((await refusal(() => streamed(enc(''), 'e.har'))).message).toBe('e.har: not JSON: the file is empty');
    expect((await refusal(() => streamed(enc('{"log": {"entries": []}} x'), 't.har'))).message).toContain(
      'more text after the end',
    );
    expect((await refusal(() => streamed(enc('[1, 2]'), 'a.har'))).message).toContain('not a HAR');
  });

  it('counts bytes and entries as it goes (for the progress line)', () => {
    const bytes = readFileSync(`${DEMO}rotation.har`);
    const reader = new HarStreamReader('r.har');
    reader.write(bytes.subarray(0, 100));
    expect(reader.bytesRead).toBe(100);
    reader.write(bytes.subarray(100));
    expect(reader.entryCount).toBe(parseTraceFile(bytes.toString('utf8')).entryCount);
    expect(reader.end().entryCount).toBe(reader.entryCount);
  });
});

describe('the entry scanner names what is wrong and where', () => {
  const enc = (s: string) => new TextEncoder().encode(s);
  const good = JSON.parse(readFileSync(`${DEMO}rotation.har`, 'utf8'));

  it('an entry that is not JSON: the problem, the entry, and the byte offset of the fault', async () => {
    const text = JSON.stringify(good).replace('"method":"GET"', '"method":GET');
    const error = await refusal(() => streamed(enc(text), 'bad.har', 50));
    expect(error.message).toMatch(/^bad\.har: not JSON: unexpected 'G'.* \(in log\.entries\[0\]\) \(at byte \d+\)$/);
    const at = Number(/^byte (\d+)$/.exec(error.where ?? '')?.[1]);
    expect(text.slice(at, at + 3)).toBe('GET');
  });

  it('an entry that is not an object is skipped and named by its position', async () => {
    const text = JSON.stringify({ log: { ...good.log, entries: [good.log.entries[0], 42] } });
    const trace = await streamed(enc(text), 'n.har', 64);
    expect(trace.warnings).toEqual([
      {
        where: 'log.entries[1]',
        message: 'entry 1 skipped: an entry must be an object, not a number',
        skippedEntry: 1,
      },
    ]);
    expect(trace).toEqual(parseTraceFile(text, 'n.har'));
  });

  it('multi-byte characters split across chunks decode whole', async () => {
    const har = structuredClone(good);
    har.log.entries[0].request.url = `${har.log.entries[0].request.url}?q=été-日本-🍪`;
    const text = JSON.stringify(har);
    expect(await streamed(enc(text), 'u.har', 1)).toEqual(parseTraceFile(text, 'u.har'));
  });
});

describe('real files the reader must bend for, streamed', () => {
  it.each([
    'pagexray--en.wikipedia.org.spdy-wpt.har',
    'pagexray--case-sensitive-protocol.har',
    'compare--en.wikipedia.org-webpagetest-chrome.har',
  ])('%s streams to the in-memory Trace (runs, bent fields, warnings)', async (name) => {
    const path = `${CORPORA}real-traffic/${name}`;
    const bytes = readFileSync(path);
    expect(await streamed(bytes, path, 1 << 16)).toEqual(parseTraceFile(bytes.toString('utf8'), path));
  });
});
