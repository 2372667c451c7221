// Real HAR files bend the format (a postData param whose value is an object, a null method): every file of the
// two real corpora opens, each of its entries is an event or a warning naming it as skipped, and the bent fields
// are read as the analysis needs them. Only the three broken files of the HAR corpus are refused.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BROKEN_CORPUS_HARS, CORPORA } from '../../../test/helpers/shared.ts';
import type { Trace, TraceEntry } from '../trace/types.ts';
import { parseHar } from './har.ts';

const FILES = ['real-traffic', 'har'].flatMap((folder) =>
  readdirSync(`${CORPORA}${folder}`)
    .filter((name) => name.endsWith('.har') && !BROKEN_CORPUS_HARS.includes(name))
    .map((name) => `${CORPORA}${folder}/${name}`),
);
const load = (path: string): Trace => parseHar(readFileSync(path, 'utf8'), path);
const raw = (path: string) => JSON.parse(readFileSync(path, 'utf8').replace(/^\uFEFF/, '')).log;
const entriesOf = (trace: Trace): TraceEntry[] =>
  trace.events.flatMap((event) => (event.kind === 'entry' ? [event.entry] : []));

describe('the real corpora open whole', () => {
  it('holds the files the corpora READMEs list (more than 40 good ones)', () => {
    expect(FILES.length).toBeGreaterThan(40);
  });

  it.each(FILES.map((path) => [path.replace(/^.*corpora\//, ''), path]))(
    '%s: every entry is an event or a named skip',
    (_name, path) => {
      const trace = load(path);
      const skipped = (trace.warnings ?? []).flatMap((w) => (w.skippedEntry !== undefined ? [w.skippedEntry] : []));
      const read = entriesOf(trace).map((e) => e.index);
      expect([...read, ...skipped].sort((a, b) => a - b)).toEqual(raw(path).entries.map((_: unknown, i: number) => i));
      expect(trace.entryCount).toBe(raw(path).entries.length);
    },
  );
});

describe('bent fields of real files', () => {
  it('pagexray--case-sensitive-protocol.har: an object-valued postData param is read as its JSON text', () => {
    const path = `${CORPORA}real-traffic/pagexray--case-sensitive-protocol.har`;
    const rawEntry = raw(path).entries[129];
    const objectParam = rawEntry.request.postData.params[1];
    expect(typeof objectParam.value).toBe('object');
    const entry = entriesOf(load(path)).find((e) => e.index === 129);
    expect(entry?.request.postData?.params?.[1]).toEqual({
      name: objectParam.name,
      value: JSON.stringify(objectParam.value),
    });
  });

  it('compare--en.wikipedia.org-webpagetest-chrome.har: entries with a null method are read as GET and noted', () => {
    const path = `${CORPORA}real-traffic/compare--en.wikipedia.org-webpagetest-chrome.har`;
    const nullMethod = raw(path)
      .entries.map((e: { request: { method: unknown } }, i: number) => (e.request.method === null ? i : -1))
      .filter((i: number) => i >= 0);
    expect(nullMethod.length).toBeGreaterThan(0);
    const trace = load(path);
    const entries = entriesOf(trace);
    expect(entries).toHaveLength(raw(path).entries.length);
    for (const index of nullMethod) expect(entries.find((e) => e.index === index)?.request.method).toBe('GET');
    expect(trace.warnings?.filter((w) => w.message === '"method" is null; read as GET').map((w) => w.where)).toEqual(
      nullMethod.map((i: number) => `log.entries[${i}].request.method`),
    );
  });
});
