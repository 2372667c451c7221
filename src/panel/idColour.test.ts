import { describe, expect, it } from 'vitest';
import { redactValue } from '../core/analysis/redact.ts';
import { ID_HUES, idHue } from './idColour.ts';

/** Red and the hues a reader takes for red (pink, scarlet): reserved for a loss. */
const isRedHue = (hue: number) => hue >= 330 || hue <= 30;

describe('idHue', () => {
  it('gives an ID and its short stable name (a redacted export holds only that) the same hue', () => {
    for (const id of ['s3cr3t-session-0001', 'ABCDEF0123456789', 'x']) {
      expect(idHue(redactValue(id))).toBe(idHue(id));
      expect(idHue(id)).toBe(idHue(id));
    }
  });

  it('picks the hue from the name’s hash: a known name gives a known palette entry', () => {
    // h:0000000b → 11 % 11 = palette entry 0; h:0000000c → entry 1.
    expect(idHue('h:0000000b')).toBe(ID_HUES[0]);
    expect(idHue('h:0000000c')).toBe(ID_HUES[1]);
  });

  it('never draws an ID in red, and spreads IDs over the palette', () => {
    expect(ID_HUES.filter(isRedHue)).toEqual([]);
    const seen = new Set<number>();
    for (let i = 0; i < 2000; i++) {
      const hue = idHue(`session-${i}`);
      expect(isRedHue(hue), `session-${i} → ${hue}`).toBe(false);
      seen.add(hue);
    }
    expect([...seen].sort((a, b) => a - b)).toEqual([...ID_HUES].sort((a, b) => a - b));
  });
});
