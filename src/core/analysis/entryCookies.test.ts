// SentCookieReader: the pairs a request carried, remembered by Cookie header, are sentCookiePairs' pairs for every
// request: one header, several, none (the HAR `cookies` array), a header seen before, and past its bound.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { TraceEntry } from '../trace/types.ts';
import { SentCookieReader, sentCookiePairs } from './entryCookies.ts';

function entryWith(
  headers: { name: string; value: string }[],
  cookies?: { name: string; value: string }[],
): TraceEntry {
  return {
    index: 0,
    startedAt: 0,
    request: { method: 'GET', url: 'https://a.test/', headers, ...(cookies ? { cookies } : {}) },
  };
}

describe('SentCookieReader', () => {
  it('gives what sentCookiePairs gives, whatever the headers', () => {
    const piece = fc.constantFrom('sid', 'a', ' b ', '', '=', 'x=1', 'sid=2', ' t = "q" ');
    const cookieHeader = fc
      .record({ name: fc.constantFrom('cookie', 'Cookie', 'COOKIE'), parts: fc.array(piece, { maxLength: 5 }) })
      .map(({ name, parts }) => ({ name, value: parts.join(';') }));
    const other = fc.constantFrom({ name: 'accept', value: '*/*' }, { name: 'cookie2', value: 'x=1' });
    const entry = fc
      .record({
        headers: fc.array(fc.oneof(cookieHeader, other), { maxLength: 4 }),
        cookies: fc.option(fc.array(fc.record({ name: fc.string(), value: fc.string() }), { maxLength: 3 }), {
          nil: undefined,
        }),
      })
      .map(({ headers, cookies }) => entryWith(headers, cookies));
    fc.assert(
      fc.property(fc.array(entry, { minLength: 1, maxLength: 30 }), (entries) => {
        const reader = new SentCookieReader();
        // Twice over: the second time every header is one seen before.
        for (const e of [...entries, ...entries]) expect(reader.pairs(e)).toEqual(sentCookiePairs(e));
      }),
      { numRuns: 500 },
    );
  });

  it('hands the same list for the same header, and stays right past its bound', () => {
    const reader = new SentCookieReader();
    const first = reader.pairs(entryWith([{ name: 'Cookie', value: 'sid=1; a=2' }]));
    expect(reader.pairs(entryWith([{ name: 'cookie', value: 'sid=1; a=2' }]))).toBe(first);
    for (let i = 0; i < 3000; i++) {
      const e = entryWith([{ name: 'cookie', value: `sid=${i}; a=${i % 7}` }]);
      expect(reader.pairs(e)).toEqual([
        { name: 'sid', value: String(i) },
        { name: 'a', value: String(i % 7) },
      ]);
    }
    expect(reader.pairs(entryWith([{ name: 'cookie', value: 'sid=1; a=2' }]))).toEqual(first);
  });
});
