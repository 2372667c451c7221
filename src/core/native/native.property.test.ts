// Property tests for the native trace reader (issue 8: native traces are untrusted input): real exported
// traces with values replaced anywhere (wrong types, prototype keys, huge and hostile strings, deep
// nesting), cut short or with bytes changed, read to a trace or a TraceInputError — never another
// exception, never a polluted prototype. The generator edits a few paths of a parsed document copy-on-
// write instead of building whole traces, so 10,000 cases stay cheap.
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fuzzRuns, fuzzTimeout } from '../../../test/helpers/fuzzRuns.ts';
import { analyzeTrace } from '../analysis/analyze.ts';
import { parseTraceFile } from '../open/readTrace.ts';
import { TraceInputError } from '../trace/types.ts';
import { exportNativeTrace, parseNativeTrace } from './native.ts';

const TIMEOUT = fuzzTimeout(60_000);

/** Exported native traces of three demo recordings (raw and redacted), as text and as parsed documents. */
const BASES = ['logout', 'secure-lost-on-http', 'samesite-cross-site'].flatMap((id) => {
  const trace = parseTraceFile(readFileSync(`test/fixtures/demo-har/${id}.har`, 'utf8'), `${id}.har`);
  const result = analyzeTrace(trace);
  return (['raw', 'redacted'] as const).map((values) => exportNativeTrace(trace, result, { values }));
});
const DOCS: unknown[] = BASES.map((text) => JSON.parse(text));

/** A value to put anywhere: wrong types, prototype-named objects, hostile and huge strings, deep arrays. */
const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(null, true, false, 0, -1, 1.5, Number.MAX_SAFE_INTEGER, 1e308, '', [], {}),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constantFrom('__proto__', 'constructor', 'entry', 'cookie-changed', 'navigation', 'sessionscope-trace'),
  fc.constant(JSON.parse('{"__proto__": {"polluted": 1}, "constructor": {"prototype": {"polluted": 2}}}')),
  fc.integer({ min: 1, max: 5000 }).map((depth) => JSON.parse(`${'['.repeat(depth)}${']'.repeat(depth)}`)),
  fc.constant('x'.repeat(200_000)),
  fc.jsonValue({ maxDepth: 2 }),
);

/** Replaces (or adds) the value at the path that `seeds` pick, copying only the objects on the way. */
function edit(doc: unknown, seeds: readonly number[], value: unknown): unknown {
  if (seeds.length === 0 || typeof doc !== 'object' || doc === null) return value;
  const [seed, ...rest] = seeds as [number, ...number[]];
  if (Array.isArray(doc)) {
    if (doc.length === 0) return [value];
    const copy = [...doc];
    const i = seed % (copy.length + 1); // one past the end appends
    copy[i] = edit(copy[i], rest, value);
    return copy;
  }
  const keys = Object.keys(doc);
  const copy: Record<string, unknown> = { ...(doc as Record<string, unknown>) };
  const extra = ['__proto__', 'constructor', 'unexpected'];
  const key =
    seed % (keys.length + extra.length) < keys.length
      ? keys[seed % (keys.length + extra.length)]!
      : extra[seed % extra.length]!;
  Object.defineProperty(copy, key, {
    value: edit(copy[key], rest, value),
    enumerable: true,
    writable: true,
    configurable: true,
  });
  if (seed % 7 === 0 && rest.length === 0) delete copy[key]; // sometimes a field goes missing instead
  return copy;
}

const editedDoc = fc
  .tuple(
    fc.nat({ max: DOCS.length - 1 }),
    fc.array(fc.tuple(fc.array(fc.nat(), { minLength: 1, maxLength: 7 }), hostileValue), {
      minLength: 1,
      maxLength: 3,
    }),
  )
  .map(([base, edits]) => edits.reduce((doc, [seeds, value]) => edit(doc, seeds, value), DOCS[base]));

/** Reads; true for a trace, false for a TraceInputError with a message; anything else thrown fails. */
function readOrInputError(read: () => unknown): boolean {
  try {
    read();
    return true;
  } catch (error) {
    if (!(error instanceof TraceInputError)) throw error;
    if (error.message === '') throw new Error('a TraceInputError must say what is wrong');
    return false;
  }
}

function expectNoPollution(): void {
  const probe = {} as Record<string, unknown>;
  if (probe.polluted !== undefined || Object.hasOwn(Object.prototype, 'polluted')) {
    throw new Error('Object.prototype polluted');
  }
}

describe('the native trace reader on hostile documents', () => {
  it('reads every unedited base document', () => {
    for (const doc of DOCS) expect(parseNativeTrace(doc).trace.events.length).toBeGreaterThan(0);
  });

  it(
    'documents with values replaced anywhere: a trace or a TraceInputError, nothing polluted',
    () => {
      let read = 0;
      let rejected = 0;
      fc.assert(
        fc.property(editedDoc, (doc) => {
          if (readOrInputError(() => parseNativeTrace(doc, 'fuzz.json'))) read++;
          else rejected++;
          expectNoPollution();
        }),
        { numRuns: fuzzRuns(0.7) },
      );
      // The edits hit both what the reader rejects and what it tolerates.
      expect(read).toBeGreaterThan(0);
      expect(rejected).toBeGreaterThan(0);
      console.info(`native trace edits: ${read} read, ${rejected} rejected with a TraceInputError`);
    },
    TIMEOUT,
  );

  it(
    'texts cut short or with bytes changed: a trace or a TraceInputError through parseTraceFile',
    () => {
      const mutatedText = fc
        .tuple(
          fc.nat({ max: BASES.length - 1 }),
          fc.nat(),
          fc.nat(),
          fc.string({ unit: 'binary', maxLength: 4 }),
          fc.boolean(),
        )
        .map(([base, at, cut, insert, truncate]) => {
          const text = BASES[base]!;
          const i = at % text.length;
          return truncate ? text.slice(0, cut % text.length) : text.slice(0, i) + insert + text.slice(i + 1);
        });
      fc.assert(
        fc.property(mutatedText, (text) => {
          readOrInputError(() => parseTraceFile(text, 'fuzz.json'));
          expectNoPollution();
        }),
        { numRuns: fuzzRuns(0.3) },
      );
    },
    TIMEOUT,
  );
});
