// Redaction: short stable hashes, so equal IDs still look equal and no value leaves a report unasked.
import { describe, expect, it } from 'vitest';
import { redactValue, valueRenderer } from './redact.ts';

describe('redactValue', () => {
  it('is a short, stable h:xxxxxxxx hash', () => {
    expect(redactValue('f3a91c07d2b84e6a9c51e0b7a4d2f886')).toMatch(/^h:[0-9a-f]{8}$/);
    expect(redactValue('abc')).toBe(redactValue('abc'));
    // FNV-1a 32-bit of the empty string is its offset basis.
    expect(redactValue('')).toBe('h:811c9dc5');
  });

  it('tells different IDs apart, even one character apart', () => {
    const hashes = new Set(['sid-1', 'sid-2', 'sid-3', 'Sid-1', 'sid-1 '].map(redactValue));
    expect(hashes.size).toBe(5);
  });

  it('a value the recording already masked is shown as the file has it, not as a hash that reads as an ID', () => {
    // A cable modem's login recording, sanitised before commit: `Set-Cookie: credential=[REDACTED]` was "set ID
    // h:a7b459d9".
    for (const masked of ['[REDACTED]', '****', '<filtered>', '[sessionid redacted]'])
      expect(redactValue(masked)).toBe(masked);
    expect(redactValue('redacted-but-real-4f9a2c81d0b7')).toMatch(/^h:[0-9a-f]{8}$/);
  });

  it('the raw view shows values as they are', () => {
    expect(valueRenderer('raw')('abc')).toBe('abc');
    expect(valueRenderer('redacted')('abc')).toBe(redactValue('abc'));
  });
});
