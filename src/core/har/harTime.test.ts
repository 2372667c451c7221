// HAR date-times as real exporters write them, read the same in every engine.
import { describe, expect, it } from 'vitest';
import { parseHarTime } from './harTime.ts';

describe('parseHarTime', () => {
  it.each([
    ['2023-03-30T00:00:54.250Z', Date.UTC(2023, 2, 30, 0, 0, 54, 250)], // Chrome
    ['2023-03-29T17:37:42.482-07:00', Date.UTC(2023, 2, 30, 0, 37, 42, 482)], // Charles
    ['2011-07-08T06:40:46.9724178+01:00', Date.UTC(2011, 6, 8, 5, 40, 46, 972) + 0.4178], // Fiddler, 7 digits
    ['2023-08-29T13:03:20.195591+00:00', Date.UTC(2023, 7, 29, 13, 3, 20, 195) + 0.591], // mitmproxy, 6 digits
    ['2024-01-01T00:00:00+0530', Date.UTC(2023, 11, 31, 18, 30)],
    ['2024-02-29T12:00Z', Date.UTC(2024, 1, 29, 12)],
    ['2024-05-01', Date.UTC(2024, 4, 1)],
    ['0050-01-01T00:00:00Z', -60589296000000], // year 50, not 1950
  ])('%s', (text, expected) => {
    const time = parseHarTime(text);
    expect(time?.ms).toBeCloseTo(expected, 3);
  });

  it('marks a string with no zone as read in UTC', () => {
    expect(parseHarTime('2024-05-01T10:00:00')).toEqual({ ms: Date.UTC(2024, 4, 1, 10), zoneAssumed: true });
    expect(parseHarTime('2024-05-01T10:00:00Z')?.zoneAssumed).toBe(false);
  });

  it.each([
    '',
    'yesterday',
    '2024-13-01T00:00:00Z',
    '2023-02-29T00:00:00Z',
    '2024-04-31T00:00:00Z',
    '2024-05-01T25:00:00Z',
    '2024-05-01T10:00:00+25:00',
    '1714557600000',
  ])('rejects %j', (text) => {
    expect(parseHarTime(text)).toBeUndefined();
  });
});
