// Property tests: whatever text or JSON comes in, the importer returns a Trace or throws TraceInputError,
// never another exception, never pollutes prototypes; the Cookie header parser never throws.
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { fuzzRuns, fuzzTimeout } from '../../../test/helpers/fuzzRuns.ts';
import { parseTraceFile } from '../open/readTrace.ts';
import { cookieHeaderPairs } from '../trace/headers.ts';
import { type Trace, TraceInputError } from '../trace/types.ts';
import { harToTrace, parseHar } from './har.ts';

const RUNS = fuzzRuns();
// Each property runs 10,000 times, about 1-2 s apiece on an idle 2-core machine; the timeout leaves
// room for a machine shared with other jobs.
const SLOW = fuzzTimeout(30_000);

/**
 * Runs the importer; returns the trace, or undefined when it threw TraceInputError. Anything else
 * thrown fails the property. Plain checks, not `expect`: this runs tens of thousands of times.
 */
function traceOrInputError(run: () => Trace): Trace | undefined {
  try {
    const trace = run();
    // Every entry is an event or a warning naming it as skipped, never both, never neither.
    const skipped = (trace.warnings ?? []).filter((w) => w.skippedEntry !== undefined).length;
    if (trace.events.length + skipped !== trace.entryCount) throw new Error('one event or skip per entry expected');
    return trace;
  } catch (error) {
    if (!(error instanceof TraceInputError)) throw error;
    if (error.message === '') throw new Error('a TraceInputError must say what is wrong');
    return undefined;
  }
}

const PROTOTYPE_KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty'];
const key = fc.oneof(fc.string({ maxLength: 8 }), fc.constantFrom(...PROTOTYPE_KEYS));
const anyJson = fc.oneof(
  fc.constantFrom(null, true, 0, -1, 1.5, '', 'x', [], {}),
  fc.string({ maxLength: 5 }),
  fc.jsonValue({ maxDepth: 1 }),
);
/** Any value, or, often, the field's right type with odd content: reaches deep into the importer. */
const sometimes = <T>(good: fc.Arbitrary<T>) =>
  fc.oneof({ weight: 3, arbitrary: good }, { weight: 1, arbitrary: anyJson });
const text = fc.oneof(
  fc.string({ maxLength: 30 }),
  fc.constantFrom(
    'Cookie',
    'set-cookie',
    'Referer',
    'Sec-Fetch-Dest',
    'Accept',
    'https://a.test/',
    'iframe',
    'text/html',
  ),
);
const header = sometimes(fc.record({ name: sometimes(text), value: sometimes(text) }, { requiredKeys: ['name'] }));
const cookie = sometimes(
  fc.record(
    {
      name: sometimes(text),
      value: sometimes(text),
      path: text,
      expires: text,
      httpOnly: fc.boolean(),
      sameSite: text,
    },
    { requiredKeys: [] },
  ),
);
const harEntry = sometimes(
  fc.record(
    {
      startedDateTime: sometimes(fc.constantFrom('2024-05-01T10:00:00Z', '2024-05-01T09:00:00.5+01:00', 'bad')),
      pageref: sometimes(fc.constantFrom('p1', 'p2')),
      _resourceType: sometimes(fc.constantFrom('document', 'xhr', 'websocket', 'constructor', '__proto__')),
      _initiator: sometimes(fc.record({ url: sometimes(text) })),
      _sessionscope: sometimes(
        fc.record({
          initiatorUrl: sometimes(text),
          browserReport: sometimes(fc.record({ blockedRequestCookies: fc.array(anyJson) })),
        }),
      ),
      request: sometimes(
        fc.record(
          {
            method: sometimes(fc.constantFrom('GET', 'POST')),
            url: sometimes(fc.constantFrom('https://a.test/', 'wss://b.test/', 'nonsense')),
            headers: sometimes(fc.array(header, { maxLength: 4 })),
            cookies: sometimes(fc.array(cookie, { maxLength: 2 })),
            postData: sometimes(
              fc.record({ text: sometimes(text), params: sometimes(fc.array(anyJson, { maxLength: 2 })) }),
            ),
          },
          { requiredKeys: [] },
        ),
      ),
      response: sometimes(
        fc.record(
          {
            status: sometimes(fc.constantFrom(0, 200, 302)),
            headers: sometimes(fc.array(header, { maxLength: 4 })),
            cookies: sometimes(fc.array(cookie, { maxLength: 2 })),
            redirectURL: sometimes(text),
          },
          { requiredKeys: [] },
        ),
      ),
    },
    { requiredKeys: [] },
  ),
);
const harLike = fc.record({
  log: sometimes(
    fc.record(
      {
        entries: sometimes(fc.array(harEntry, { maxLength: 4 })),
        creator: sometimes(fc.record({ name: text, version: text })),
      },
      { requiredKeys: [] },
    ),
  ),
});

/** JSON text with prototype-named keys spliced in at every level. */
const hostileJsonText = fc.tuple(harLike, fc.dictionary(key, anyJson, { maxKeys: 3 })).map(([doc, extra]) => {
  const json = JSON.stringify(doc);
  const spliced = JSON.stringify(extra).slice(1, -1);
  return spliced ? json.replace(/\{/g, `{${spliced},`).replace(/,\}/g, '}') : json;
});

describe('the HAR importer on arbitrary input', () => {
  afterEach(() => {
    // Nothing may have been added to the shared prototypes by what was parsed.
    expect(Object.keys(Object.prototype)).toEqual([]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it(
    'any JSON value: a Trace or a TraceInputError',
    () => {
      const anyValue = fc.jsonValue({ maxDepth: 2 });
      fc.assert(
        fc.property(anyValue, (value) => void traceOrInputError(() => parseHar(JSON.stringify(value) ?? 'null'))),
        { numRuns: RUNS },
      );
    },
    SLOW,
  );

  it(
    'any string: a Trace or a TraceInputError, read as HAR or as a trace file of unknown format',
    () => {
      const anyText = fc.oneof(
        fc.string(),
        fc.string({ unit: 'binary' }),
        fc.json({ maxDepth: 2 }).map((json) => json.slice(0, json.length >> 1)),
      );
      fc.assert(
        fc.property(
          anyText,
          fc.boolean(),
          (s, asTraceFile) => void traceOrInputError(() => (asTraceFile ? parseTraceFile(s) : parseHar(s))),
        ),
        { numRuns: RUNS },
      );
    },
    SLOW,
  );

  it(
    'HAR-shaped documents with wrong types anywhere: a Trace or a TraceInputError',
    () => {
      let loaded = 0;
      fc.assert(
        fc.property(harLike, (doc) => {
          if (traceOrInputError(() => harToTrace(doc))) loaded++;
        }),
        { numRuns: RUNS },
      );
      expect(loaded).toBeGreaterThan(RUNS / 100); // the generator does reach valid files, not only errors
    },
    SLOW,
  );

  it(
    '"__proto__" and "constructor" keys anywhere do not pollute Object.prototype',
    () => {
      fc.assert(
        fc.property(hostileJsonText, (json) => {
          const trace = traceOrInputError(() => parseHar(json));
          for (const event of trace?.events ?? []) {
            if (event.kind === 'entry' && Object.getPrototypeOf(event.entry.request) !== Object.prototype) {
              throw new Error('a request object with a foreign prototype');
            }
          }
        }),
        { numRuns: RUNS },
      );
      const crafted =
        '{"__proto__": {"polluted": 1}, "log": {"__proto__": {"entries": []}, "entries": [{"__proto__": {"polluted": 2}, "request": {"__proto__": {"url": "x"}, "method": "GET", "url": "https://a.test/", "headers": [{"name": "__proto__", "value": "polluted"}]}}]}}';
      const trace = parseHar(crafted);
      expect(trace.entryCount).toBe(1);
      expect(() => parseHar('{"log": {"__proto__": {"entries": []}}}')).toThrow('"log.entries" field is missing');
    },
    SLOW,
  );

  it('deeply nested JSON and huge strings do not crash', () => {
    const deep = `{"log": {"entries": [${'['.repeat(100_000)}${']'.repeat(100_000)}]}}`;
    expect(() => parseHar(deep)).toThrow(TraceInputError);
    const huge = 'x'.repeat(8_000_000);
    const trace = parseHar(
      JSON.stringify({
        log: {
          entries: [
            { request: { method: 'GET', url: `https://a.test/${huge}`, headers: [{ name: 'Cookie', value: huge }] } },
          ],
        },
      }),
    );
    expect(trace.entryCount).toBe(1);
  });
});

describe('cookieHeaderPairs on arbitrary input', () => {
  it(
    'never throws, and never yields a pair with an edge space or a ";"',
    () => {
      const cookieText = fc.oneof(
        fc.string(),
        fc.string({ unit: 'binary' }),
        fc.array(fc.constantFrom('a', '=', ';', ' ', '\t', '"')).map((chars) => chars.join('')),
      );
      fc.assert(
        fc.property(cookieText, (value) => {
          for (const pair of cookieHeaderPairs(value)) {
            if (`${pair.name}${pair.value}`.includes(';')) throw new Error(`";" in ${JSON.stringify(pair)}`);
            for (const part of [pair.name, pair.value]) {
              if (part !== part.replace(/^[ \t]+|[ \t]+$/g, ''))
                throw new Error(`edge space in ${JSON.stringify(pair)}`);
            }
          }
        }),
        { numRuns: RUNS },
      );
    },
    SLOW,
  );
});
