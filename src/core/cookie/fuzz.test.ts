// Property tests: the parsers never throw and stay fast on hostile input (full unicode, control
// characters, lone surrogates), and the worst cases named in the design finish well under 200 ms.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fuzzRuns, fuzzTimeout } from '../../../test/helpers/fuzzRuns.ts';
import { parseCookieDate } from './cookieDate.ts';
import { CookieJar } from './jar.ts';
import { parseSetCookie } from './parseSetCookie.ts';

const RUNS = fuzzRuns();

/** Strings mixing cookie syntax, control characters, lone surrogates and astral characters. */
const hostile = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 200 }),
  fc.string({
    unit: fc.constantFrom(
      ';',
      '=',
      ' ',
      '\t',
      '"',
      ',',
      'a',
      'Path',
      'Max-Age',
      '\u0000',
      '\r',
      '\ud800',
      '\udfff',
      '😀',
      ':',
      '-',
      '1',
    ),
    maxLength: 80,
  }),
  fc.string({ unit: 'grapheme', maxLength: 100 }),
);

/** The property runs take ~1 s alone; leave room for a busy machine. */
const PROPERTY_TIMEOUT_MS = fuzzTimeout(30_000);

describe('parsers on arbitrary input', () => {
  it(
    'parseSetCookie never throws and returns a well-formed result',
    () => {
      fc.assert(
        fc.property(hostile, (line) => {
          const result = parseSetCookie(line);
          if (result.ok) {
            expect(result.cookie.raw).toBe(line);
            expect(result.cookie.name.length + result.cookie.value.length).toBeLessThanOrEqual(line.length);
          } else {
            expect(result.raw).toBe(line);
          }
        }),
        { numRuns: RUNS },
      );
    },
    PROPERTY_TIMEOUT_MS,
  );

  it(
    'parseCookieDate never throws and returns a finite time or undefined',
    () => {
      fc.assert(
        fc.property(hostile, (s) => {
          const t = parseCookieDate(s);
          expect(t === undefined || Number.isFinite(t)).toBe(true);
        }),
        { numRuns: RUNS },
      );
    },
    PROPERTY_TIMEOUT_MS,
  );

  it(
    'CookieJar.setCookie never throws on arbitrary lines and URLs',
    () => {
      const jar = new CookieJar();
      fc.assert(
        fc.property(hostile, fc.oneof(fc.webUrl(), fc.string()), (line, url) => {
          jar.setCookie(line, url, 0);
        }),
        { numRuns: RUNS },
      );
    },
    PROPERTY_TIMEOUT_MS,
  );
});

// How their time grows with size is a benchmark's figure (bench/worst-case-inputs.ts), not a test's.
describe('the worst cases', () => {
  it('a 1 MB Set-Cookie value is refused as too large', () => {
    const r = parseSetCookie(`a=${'x'.repeat(1024 * 1024)}; Path=/`);
    expect(r.ok ? 'ok' : r.reason).toBe('NameValuePairExceedsMaxSize');
  });

  it('a 1 MB Expires attribute (no semicolons) is ignored as longer than 1024 bytes, the cookie kept', () => {
    const r = parseSetCookie(`a=b;${' Expires=1 Jan 2030 00:00:00 x'.repeat(35_000)}`);
    expect(r.ok && [r.cookie.value, r.cookie.expires, r.cookie.warnings]).toEqual([
      'b',
      undefined,
      ['Expires value longer than 1024 bytes; attribute ignored.'],
    ]);
  });

  it('10,000 attributes are read, each unknown value warned about once', () => {
    const r = parseSetCookie(`a=b${'; Domain=example.com; Path=/x; SameSite=Weird; Max-Age=x'.repeat(2_500)}`);
    expect(r.ok ? r.cookie.warnings.length : -1).toBe(5_000);
  });

  it('a 1 MB date string is no date', () => {
    expect(parseCookieDate('1'.repeat(1024 * 1024))).toBeUndefined();
  });
});
