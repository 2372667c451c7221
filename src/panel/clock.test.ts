import { describe, expect, it } from 'vitest';
import { calendarDate, clockTime, durationText } from './clock.ts';

describe('clockTime', () => {
  it('shows hours, minutes, seconds and milliseconds, each zero-padded', () => {
    const at = new Date(2026, 11, 2, 9, 5, 7, 42).getTime();
    expect(clockTime(at)).toBe('09:05:07.042');
    expect(clockTime(at + 1)).toBe('09:05:07.043');
    expect(calendarDate(at)).toBe('2026-12-02');
  });
});

describe('durationText', () => {
  it('gives milliseconds below a second and seconds above', () => {
    expect(durationText(12.4)).toBe('12 ms');
    expect(durationText(1534)).toBe('1.53 s');
  });
});
