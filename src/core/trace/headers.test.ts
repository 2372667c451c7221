// Header helpers: case-insensitive lookup, Cookie header pairs (RFC 6265bis 4.2.1 / 5.6), Set-Cookie lines.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  cookieHeaderNames,
  cookieHeaderPairs,
  hasHeader,
  headerValue,
  headerValues,
  setCookieLines,
} from './headers.ts';

const headers = [
  { name: 'Set-Cookie', value: 'a=1' },
  { name: 'content-type', value: 'text/html' },
  { name: 'set-cookie', value: 'b=2; Path=/\nc=3' },
  { name: 'SET-COOKIE', value: '' },
];

describe('headerValues', () => {
  it('finds every value whatever the case, in order', () => {
    expect(headerValues(headers, 'SET-cookie')).toEqual(['a=1', 'b=2; Path=/\nc=3', '']);
    expect(headerValue(headers, 'Content-Type')).toBe('text/html');
    expect(hasHeader(headers, 'cookie')).toBe(false);
    expect(headerValues([], 'x')).toEqual([]);
  });
});

describe('setCookieLines', () => {
  it('splits "\\n"-joined values and drops empty lines', () => {
    expect(setCookieLines(headers)).toEqual(['a=1', 'b=2; Path=/', 'c=3']);
  });
});

describe('cookieHeaderPairs', () => {
  it.each([
    [
      'a=1; b=2',
      [
        ['a', '1'],
        ['b', '2'],
      ],
    ],
    [
      '  a = 1 ;b=2;;  ',
      [
        ['a', '1'],
        ['b', '2'],
      ],
    ],
    ['token', [['', 'token']]],
    [
      'a=1; bare; =v',
      [
        ['a', '1'],
        ['', 'bare'],
        ['', 'v'],
      ],
    ],
    ['q="quoted value"', [['q', '"quoted value"']]],
    ['k=v=w', [['k', 'v=w']]],
    ['e=', [['e', '']]],
    ['', []],
    [';;;', []],
    ['\ta=1\t', [['a', '1']]],
  ])('%j', (value, expected) => {
    expect(cookieHeaderPairs(value)).toEqual(expected.map(([name, v]) => ({ name, value: v })));
  });

  it('keeps duplicates in order (a shadowed cookie is sent twice)', () => {
    expect(cookieHeaderPairs('sid=new; sid=old').map((p) => p.value)).toEqual(['new', 'old']);
  });
});

describe('cookieHeaderNames', () => {
  // The pre-pass reads names only: they must be the names of the pairs, bare values (no "=") left out.
  it.each([
    ['a=1; b=2', ['a', 'b']],
    ['  a = 1 ;b=2;;  ', ['a', 'b']],
    ['token', []],
    ['a=1; bare; =v', ['a', '']],
    ['k=v=w', ['k']],
    ['\ta=1\t;\t c\t=', ['a', 'c']],
  ])('%j', (value, expected) => {
    expect(cookieHeaderNames(value)).toEqual(expected);
  });

  it('gives the names of cookieHeaderPairs for random headers', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[a-c=; \t"]{0,24}$/), (value) => {
        const pairs = cookieHeaderPairs(value);
        const withEquals = value
          .split(';')
          .map((piece) => piece.replace(/^[ \t]+|[ \t]+$/g, ''))
          .filter((piece) => piece !== '');
        expect(pairs.length).toBe(withEquals.length);
        expect(cookieHeaderNames(value)).toEqual(
          pairs.filter((_, i) => withEquals[i]!.includes('=')).map((p) => p.name),
        );
      }),
    );
  });
});

describe('cookieHeaderPairs against the split-and-trim reading', () => {
  // The reading the index-based parser replaced, kept here as the reference it must agree with.
  const EDGE = /^[ \t]+|[ \t]+$/g;
  const reference = (value: string) =>
    value
      .split(';')
      .map((piece) => piece.replace(EDGE, ''))
      .filter((piece) => piece !== '')
      .map((piece) => {
        const eq = piece.indexOf('=');
        return eq === -1
          ? { name: '', value: piece }
          : { name: piece.slice(0, eq).replace(EDGE, ''), value: piece.slice(eq + 1).replace(EDGE, '') };
      });

  it('agrees on random headers', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[ab=; \t"\r\n]{0,30}$/), (value) => {
        expect(cookieHeaderPairs(value)).toEqual(reference(value));
      }),
      { numRuns: 2000 },
    );
  });
});
