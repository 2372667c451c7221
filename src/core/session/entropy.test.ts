// Entropy estimates and predictability of session IDs (docs/ENTROPY.md): one ID's alphabet bound, several IDs'
// per-position estimate, the Shannon path with ≥ 20 samples, and the three predictability patterns.
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { alphabetOf, estimateFromSamples, estimateSingle, findPredictability } from './entropy.ts';

const randomHex = (bytes = 16) => randomBytes(bytes).toString('hex');

describe('estimateSingle', () => {
  it('32 hex characters → 128 bits', () => {
    expect(estimateSingle('f3a91c07d2b84e6a9c51e0b7a4d2f886')).toMatchObject({
      bits: 128,
      alphabet: 'hex',
      length: 32,
      method: 'single-id',
      samples: 1,
    });
  });

  it('6 digits → about 20 bits', () => {
    const e = estimateSingle('483920');
    expect(e.alphabet).toBe('digits');
    expect(e.bits).toBeCloseTo(6 * Math.log2(10), 1);
  });

  it('the smallest alphabet that holds every character wins', () => {
    expect(alphabetOf('ABCDEF0123').name).toBe('HEX');
    expect(alphabetOf('abcxyz019').name).toBe('lowercase alphanumeric');
    expect(alphabetOf('aZ09').name).toBe('alphanumeric');
    expect(alphabetOf('a-b_c').name).toBe('base64url');
    expect(alphabetOf('a+b/c==').name).toBe('base64');
    expect(alphabetOf('a b!c').name).toBe('printable ASCII');
    expect(alphabetOf('é').name).toBe('any character');
  });

  it('base64 padding carries no entropy', () => {
    expect(estimateSingle('QUJDRA==').bits).toBe(estimateSingle('QUJDRA').bits);
  });
});

describe('estimateFromSamples', () => {
  it('positions that never change lower the estimate: 32 hex with 4 varying → 16 bits', () => {
    const e = estimateFromSamples([
      'c0ffee00c0ffee00c0ffee00c0ff1a2b',
      'c0ffee00c0ffee00c0ffee00c0ff9c4d',
      'c0ffee00c0ffee00c0ffee00c0ff57e0',
    ]);
    expect(e).toMatchObject({ method: 'positions', bits: 16, constantPositions: 28, samples: 3 });
    expect(e.bits).toBeLessThan(estimateSingle('c0ffee00c0ffee00c0ffee00c0ff1a2b').bits);
  });

  it('random IDs keep the single-ID bound', () => {
    const e = estimateFromSamples(Array.from({ length: 5 }, () => randomHex()));
    expect(e.bits).toBe(128);
    expect(e.samples).toBe(5);
  });

  it('with fewer than three distinct IDs the single-ID bound is all there is', () => {
    const e = estimateFromSamples(['c0ffee00c0ffee01', 'c0ffee00c0ffee02', 'c0ffee00c0ffee01']);
    expect(e).toMatchObject({ method: 'single-id', bits: 64, samples: 2 });
  });

  it('with ≥ 20 samples the Shannon path measures what each position really varies over', () => {
    // 20 distinct hex-alphabet IDs whose every character is "a" or "b": about 1 bit per position, not 4.
    const ids = Array.from({ length: 20 }, (_, i) =>
      Array.from({ length: 32 }, (_, p) => ((i >> (p % 5)) & 1 ? 'b' : 'a')).join(''),
    );
    expect(new Set(ids).size).toBe(20);
    const e = estimateFromSamples(ids);
    expect(e.method).toBe('shannon');
    expect(e.samples).toBe(20);
    expect(e.bits).toBeGreaterThan(20);
    expect(e.bits).toBeLessThan(34);
    // The same IDs with 19 samples take the positions path: every varying position counts 4 bits.
    const fewer = estimateFromSamples(ids.slice(0, 19));
    expect(fewer.method).not.toBe('shannon');
    expect(fewer.bits).toBeGreaterThan(e.bits);
  });

  it('no usable value → 0 bits', () => {
    expect(estimateFromSamples(['', '==']).bits).toBe(0);
  });
});

describe('findPredictability', () => {
  it('decimal counters → sequential with their largest step', () => {
    expect(findPredictability(['100017', '100018', '100021'])).toEqual({ kind: 'sequential', step: 3 });
  });

  it('hex counters → sequential', () => {
    expect(findPredictability(['00ff10', '00ff11', '00ff1f'])).toEqual({ kind: 'sequential', step: 14 });
  });

  it('IDs that share at least half their length as a prefix → common-prefix', () => {
    expect(findPredictability(['ab12cd34ef56aa01', 'ab12cd34ef56bb92', 'ab12cd34ef56cc7e'])).toEqual({
      kind: 'common-prefix',
      prefixLength: 12,
      length: 16,
    });
  });

  it('IDs that differ in a few scattered characters → few-differences', () => {
    expect(findPredictability(['7f3a9c0e5b2d8f1a4c6e', '7f3a9c1e5b2d8f1a4c6f', '8f3a9c1e5b2d8f1b4c6f'])).toEqual({
      kind: 'few-differences',
      maxDifferingChars: 2,
      length: 20,
    });
  });

  it('independent random IDs → undefined', () => {
    for (let run = 0; run < 20; run++) {
      expect(findPredictability(Array.from({ length: 6 }, () => randomHex()))).toBeUndefined();
    }
  });

  it('counters that go down or jump far are not sequential', () => {
    expect(findPredictability(['500000', '400000'])).toBeUndefined();
    expect(findPredictability(['100000', '900000'])).toBeUndefined();
  });

  it('one ID, or IDs too short to judge → undefined', () => {
    expect(findPredictability(['f3a91c07d2b84e6a'])).toBeUndefined();
    expect(findPredictability(['1', '2', '3'])).toBeUndefined();
  });
});
