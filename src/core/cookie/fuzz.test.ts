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

/**
 * Best of three wall-clock runs: the bound is about the algorithm (linear, no backtracking), so a run
 * slowed by another process on a two-core machine should not decide it.
 */
function elapsed(run: () => void): number {
  let best = Number.POSITIVE_INFINITY;
  for (let i = 0; i < 3; i++) {
    const start = performance.now();
    run();
    best = Math.min(best, performance.now() - start);
  }
  return best;
}

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

describe('bounded time on the worst cases', () => {
  it('parses a 1 MB Set-Cookie value in under 200 ms', () => {
    const line = `a=${'x'.repeat(1024 * 1024)}; Path=/`;
    let reason = '';
    expect(
      elapsed(() => {
        const r = parseSetCookie(line);
        reason = r.ok ? 'ok' : r.reason;
      }),
    ).toBeLessThan(200);
    expect(reason).toBe('NameValuePairExceedsMaxSize');
  });

  it('parses a 1 MB line of attributes in under 200 ms', () => {
    const line = `a=b;${' Expires=1 Jan 2030 00:00:00 x'.repeat(35_000)}`;
    expect(elapsed(() => parseSetCookie(line))).toBeLessThan(200);
  });

  it('parses 10,000 attributes in under 200 ms', () => {
    const line = `a=b${'; Domain=example.com; Path=/x; SameSite=Weird; Max-Age=x'.repeat(2_500)}`;
    let warnings = 0;
    expect(
      elapsed(() => {
        const r = parseSetCookie(line);
        warnings = r.ok ? r.cookie.warnings.length : -1;
      }),
    ).toBeLessThan(200);
    expect(warnings).toBe(5_000);
  });

  it('parses a 1 MB date string in under 200 ms', () => {
    expect(elapsed(() => parseCookieDate('1'.repeat(1024 * 1024)))).toBeLessThan(200);
  });
});
