import { describe, expect, it } from 'vitest';
import { type FilterableRow, matchesFilter, parseFilter } from './filter.ts';

const login: FilterableRow = {
  url: 'https://shop.test/secure/login',
  origin: 'https://shop.test',
  cookies: ['sid', 'theme'],
  rules: ['cookie-set-over-http'],
  severities: ['medium'],
};
const image: FilterableRow = {
  url: 'http://cdn.test/logo.png',
  origin: 'http://cdn.test',
  cookies: [],
  rules: [],
  severities: [],
};
const shown = (text: string) => [login, image].filter((r) => matchesFilter(r, parseFilter(text))).map((r) => r.url);

describe('parseFilter', () => {
  it('reads keys, negation, quotes and bare words', () => {
    expect(parseFilter(' -origin:Shop.test  cookie:sid "two words" https://x ').terms).toEqual([
      { key: 'origin', value: 'shop.test', negated: true },
      { key: 'cookie', value: 'sid', negated: false },
      { key: 'url', value: 'two words', negated: false },
      { key: 'url', value: 'https://x', negated: false },
    ]);
  });

  it('treats unknown keys as text and drops empty terms', () => {
    expect(parseFilter('status:200 rule: -').terms).toEqual([{ key: 'url', value: 'status:200', negated: false }]);
  });
});

describe('matchesFilter', () => {
  it('shows everything for an empty filter', () => {
    expect(shown('')).toHaveLength(2);
  });
  it('matches URL text case-insensitively', () => {
    expect(shown('LOGIN')).toEqual([login.url]);
  });
  it('ANDs terms and negates with -', () => {
    expect(shown('origin:shop.test cookie:sid')).toEqual([login.url]);
    expect(shown('origin:shop.test cookie:theme2')).toEqual([]);
    expect(shown('-cookie:sid')).toEqual([image.url]);
  });
  it('matches rule and severity exactly', () => {
    expect(shown('rule:cookie-set-over-http')).toEqual([login.url]);
    expect(shown('rule:cookie-set')).toEqual([]);
    expect(shown('severity:medium')).toEqual([login.url]);
    expect(shown('-severity:medium')).toEqual([image.url]);
  });
});
