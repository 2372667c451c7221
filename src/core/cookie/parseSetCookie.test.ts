// RFC 6265bis 5.6 parsing: each rejection reason with a line that triggers it and one that must not,
// and the attribute rules (last wins, size limits, warnings).
import { describe, expect, it } from 'vitest';
import { parseSetCookie } from './parseSetCookie.ts';
import type { SetCookieRejectedReason } from './reasons.ts';
import type { ParsedSetCookie } from './types.ts';

function parsed(line: string): ParsedSetCookie {
  const result = parseSetCookie(line);
  if (!result.ok) throw new Error(`expected ${JSON.stringify(line)} to parse, got ${result.reason}`);
  return result.cookie;
}

const REJECTIONS: readonly { reason: SetCookieRejectedReason; rejected: string; accepted: string }[] = [
  { reason: 'NoCookieContent', rejected: '  \t ', accepted: 'a=' },
  { reason: 'SyntaxError', rejected: ' = ; Path=/', accepted: '=value' },
  { reason: 'SyntaxError', rejected: '=a=b', accepted: 'a==b' },
  { reason: 'DisallowedCharacter', rejected: 'a=b\u0000c', accepted: 'a=b\tc' },
  { reason: 'DisallowedCharacter', rejected: 'a=b; Path=/\r', accepted: 'a=b; Path=/' },
  { reason: 'DisallowedCharacter', rejected: 'a=b\u007f', accepted: 'a=b~' },
  { reason: 'NameValuePairExceedsMaxSize', rejected: `n=${'v'.repeat(4096)}`, accepted: `n=${'v'.repeat(4095)}` },
  // Octets, not UTF-16 units: 2048 two-octet characters are 4096 octets, plus the name is 4097.
  { reason: 'NameValuePairExceedsMaxSize', rejected: `n=${'é'.repeat(2048)}`, accepted: `=${'é'.repeat(2048)}` },
];

describe('parseSetCookie rejections', () => {
  for (const { reason, rejected, accepted } of REJECTIONS) {
    it(`${reason}: ${JSON.stringify(rejected.slice(0, 20))} rejected, ${JSON.stringify(accepted.slice(0, 20))} not`, () => {
      const bad = parseSetCookie(rejected);
      expect(bad.ok).toBe(false);
      if (!bad.ok) {
        expect(bad.reason).toBe(reason);
        expect(bad.raw).toBe(rejected);
      }
      expect(parseSetCookie(accepted).ok).toBe(true);
    });
  }
});

describe('parseSetCookie name and value (RFC 6265bis 5.6 steps 2-4)', () => {
  it('trims SP and HTAB only', () => {
    const c = parsed(' \tname \t= \tva lue\t ; Path=/');
    expect([c.name, c.value]).toEqual(['name', 'va lue']);
  });
  it('makes a nameless cookie of a pair without "="', () => {
    const c = parsed('token; Secure');
    expect([c.name, c.value, c.secure]).toEqual(['', 'token', true]);
    expect(c.warnings.some((w) => w.includes('nameless'))).toBe(true);
  });
  it('keeps quotes and everything after the first "="', () => {
    expect(parsed('a="b=c"').value).toBe('"b=c"');
  });
});

describe('parseSetCookie attributes (RFC 6265bis 5.6.1-5.6.7)', () => {
  it('reads every attribute case-insensitively', () => {
    const c = parsed(
      'a=b; DOMAIN=.Example.COM; pAtH=/x; SECURE; httponly; SameSite=STRICT; Partitioned; Max-Age=60; Expires=Wed, 09 Jun 2021 10:18:14 GMT',
    );
    expect(c).toMatchObject({
      domain: 'example.com',
      path: '/x',
      secure: true,
      httpOnly: true,
      sameSite: 'strict',
      partitioned: true,
      maxAge: 60,
      expires: Date.UTC(2021, 5, 9, 10, 18, 14),
    });
  });
  it('lets the last attribute of a kind win, and an invalid Path reset to default-path', () => {
    expect(parsed('a=b; Path=/x; Path=/y').path).toBe('/y');
    expect(parsed('a=b; Path=/x; Path=y').path).toBeUndefined();
    expect(parsed('a=b; Domain=x.com; Domain=').domain).toBe('');
  });
  it('ignores an invalid Expires or Max-Age with a warning, keeping an earlier valid one', () => {
    const c = parsed('a=b; Max-Age=10; Max-Age=1e3; Expires=soon');
    expect(c.maxAge).toBe(10);
    expect(c.expires).toBeUndefined();
    expect(c.warnings).toHaveLength(2);
    expect(parsed('a=b; Max-Age=-5').maxAge).toBe(-5);
  });
  it('treats an unknown SameSite value as unspecified, with a warning', () => {
    const c = parsed('a=b; SameSite=Strict; SameSite=Bogus');
    expect(c.sameSite).toBe('unspecified');
    expect(c.warnings.join()).toContain('Bogus');
    expect(parsed('a=b; SameSite=lax').warnings).toEqual([]);
  });
  it('ignores an attribute value longer than 1024 octets', () => {
    const long = `/${'p'.repeat(1024)}`;
    const c = parsed(`a=b; Path=/ok; Path=${long}`);
    expect(c.path).toBe('/ok');
    expect(parsed(`a=b; Path=/${'p'.repeat(1023)}`).path).toHaveLength(1024);
  });
  it('ignores unknown attributes silently', () => {
    expect(parsed('a=b; Version=1; Comment=x').warnings).toEqual([]);
  });
});
