// The cookie-date parser against both date files of the http-state corpus, plus the edge rules of
// RFC 6265bis 5.1.1 that the files do not cover.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CORPORA } from '../../../test/helpers/shared.ts';
import { parseCookieDate } from './cookieDate.ts';

interface DateCase {
  readonly test: string;
  readonly expected: string | null;
}

/** The BSD file starts with `//` licence lines: drop them before JSON.parse. */
function load(file: string): DateCase[] {
  const text = readFileSync(`${CORPORA}http-state/dates/${file}`, 'utf8');
  const json = text
    .split('\n')
    .filter((line) => !line.trimStart().startsWith('//'))
    .join('\n');
  return JSON.parse(json) as DateCase[];
}

for (const file of ['examples.json', 'bsd-examples.json']) {
  describe(`http-state dates/${file}`, () => {
    const cases = load(file);
    it('is not empty', () => {
      expect(cases.length).toBeGreaterThan(10);
    });
    for (const c of cases) {
      it(`${JSON.stringify(c.test)} → ${c.expected ?? 'invalid'}`, () => {
        const expected = c.expected === null ? undefined : Date.parse(c.expected);
        expect(parseCookieDate(c.test)).toBe(expected);
      });
    }
  });
}

describe('RFC 6265bis 5.1.1 edges', () => {
  it('rejects a day the month does not have', () => {
    expect(parseCookieDate('31 Feb 2020 00:00:00')).toBeUndefined();
    expect(parseCookieDate('29 Feb 2020 00:00:00')).toBe(Date.UTC(2020, 1, 29));
  });
  it('rejects years before 1601 and maps two-digit years', () => {
    expect(parseCookieDate('1 Jan 1600 00:00:00')).toBeUndefined();
    expect(parseCookieDate('1 Jan 69 00:00:00')).toBe(Date.UTC(2069, 0, 1));
    expect(parseCookieDate('1 Jan 70 00:00:00')).toBe(Date.UTC(1970, 0, 1));
  });
  it('rejects out-of-range time fields', () => {
    expect(parseCookieDate('1 Jan 2020 24:00:00')).toBeUndefined();
    expect(parseCookieDate('1 Jan 2020 23:60:00')).toBeUndefined();
    expect(parseCookieDate('1 Jan 2020 23:59:60')).toBeUndefined();
  });
  it('needs all four fields', () => {
    expect(parseCookieDate('1 Jan 2020')).toBeUndefined();
    expect(parseCookieDate('')).toBeUndefined();
  });
});
