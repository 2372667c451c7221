// Cookie header parsing on the demo server keeps every pair in order, repeated names included.
import { describe, expect, it } from 'vitest';
import { escapeHtml, parseCookieHeader } from './app.ts';

describe('parseCookieHeader', () => {
  it('keeps order and repeated names (shadowed cookies)', () => {
    expect(parseCookieHeader('sid=b; theme=dark; sid=a')).toEqual([
      { name: 'sid', value: 'b' },
      { name: 'theme', value: 'dark' },
      { name: 'sid', value: 'a' },
    ]);
  });

  it('splits at the first "=" only and tolerates empty pieces', () => {
    expect(parseCookieHeader('jwt=a.b=.c;; x=')).toEqual([
      { name: 'jwt', value: 'a.b=.c' },
      { name: 'x', value: '' },
    ]);
    expect(parseCookieHeader(undefined)).toEqual([]);
  });
});

describe('escapeHtml', () => {
  it('escapes markup characters', () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&#60;a href=&#34;x&#34;&#62;&#39;&#38;&#39;&#60;/a&#62;');
  });
});
