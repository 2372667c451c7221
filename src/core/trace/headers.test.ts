// Header helpers: case-insensitive lookup, Cookie header pairs (RFC 6265bis 4.2.1 / 5.6), Set-Cookie lines.
import { describe, expect, it } from 'vitest';
import { cookieHeaderPairs, hasHeader, headerValue, headerValues, setCookieLines } from './headers.ts';

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
