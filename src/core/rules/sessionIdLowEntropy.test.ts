// session-id-low-entropy: estimated entropy of the session ID below the threshold (64 bits by default).
import { describe, expect, it } from 'vitest';
import { findingsOf, GOOD, ID, trace } from '../../../test/helpers/traceBuilder.ts';

describe('session-id-low-entropy', () => {
  it('a 6-digit sid (~20 bits) → session-id-low-entropy', () => {
    const result = trace()
      .get('https://shop.test/', { cookie: '', setCookie: [`sid=483920; ${GOOD}`] })
      .get('https://shop.test/x', { cookie: 'sid=483920' })
      .analyze();
    const found = findingsOf(result, 'session-id-low-entropy');
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ cookie: 'sid', entry: 0, severity: 'medium' });
    expect(found[0]!.evidence.bits).toBeCloseTo(6 * Math.log2(10), 0);
    expect(found[0]!.evidence.alphabet).toBe('digits');
  });

  it('a 32-hex sid (128 bits) → nothing', () => {
    const result = trace()
      .get('https://shop.test/', { cookie: '', setCookie: [`sid=${ID.a}; ${GOOD}`] })
      .get('https://shop.test/x', { cookie: `sid=${ID.a}` })
      .analyze();
    expect(findingsOf(result, 'session-id-low-entropy')).toEqual([]);
  });

  it('long IDs whose changing part is short: the observed IDs lower the estimate below 64 bits', () => {
    // 32 hex characters, but only the last 4 ever change: 16 bits, not 128.
    const ids = [
      'c0ffee00c0ffee00c0ffee00c0ff1a2b',
      'c0ffee00c0ffee00c0ffee00c0ff9c4d',
      'c0ffee00c0ffee00c0ffee00c0ff57e0',
    ];
    const result = trace()
      .get('https://shop.test/', { cookie: '', setCookie: [`sid=${ids[0]}; ${GOOD}`] })
      .get('https://shop.test/logout', { cookie: `sid=${ids[0]}`, setCookie: [`sid=${ids[1]}; ${GOOD}`] })
      .get('https://shop.test/logout', { cookie: `sid=${ids[1]}`, setCookie: [`sid=${ids[2]}; ${GOOD}`] })
      .analyze();
    const found = findingsOf(result, 'session-id-low-entropy');
    expect(found).toHaveLength(1);
    expect(found[0]!.evidence.bits).toBeLessThanOrEqual(16);
    expect(found[0]!.evidence.samples).toBe(3);
  });

  it('the threshold is a setting: 128-bit IDs are flagged when 160 bits are required', () => {
    const result = trace()
      .get('https://shop.test/', { cookie: '', setCookie: [`sid=${ID.a}; ${GOOD}`] })
      .analyze({ settings: { minEntropyBits: 160 } });
    expect(findingsOf(result, 'session-id-low-entropy').map((f) => f.cookie)).toEqual(['sid']);
  });

  it('a JWT session is data, not a random ID: no entropy finding', () => {
    const jwt =
      'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxIiwiZXhwIjo5OTk5OTk5OTk5fQ.c2lnbmF0dXJlc2lnbmF0dXJlc2ln';
    const result = trace()
      .get('https://shop.test/', { cookie: '', setCookie: [`session=${jwt}; ${GOOD}`] })
      .analyze();
    expect(findingsOf(result, 'session-id-low-entropy')).toEqual([]);
  });
});
