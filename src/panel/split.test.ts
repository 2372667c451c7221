import { describe, expect, it } from 'vitest';
import { clampDetailWidth, DETAIL_MIN, LIST_MIN, widthAfterKey, widthAtPointer } from './split.ts';

describe('clampDetailWidth', () => {
  it('starts at 55% of the room and keeps both panes above their minimum', () => {
    expect(clampDetailWidth(undefined, 1000)).toBe(550);
    expect(clampDetailWidth(900, 1000)).toBe(1000 - LIST_MIN);
    expect(clampDetailWidth(10, 1000)).toBe(DETAIL_MIN);
  });
});

describe('the drag handle', () => {
  it('follows the pointer: the detail spans from the pointer to the right edge', () => {
    expect(widthAtPointer(600, 1000, 1000)).toBe(400);
    expect(widthAtPointer(50, 1000, 1000)).toBe(1000 - LIST_MIN);
  });

  it('moves with the arrow keys (Shift: ten steps), Home and End go to the ends, other keys do nothing', () => {
    expect(widthAfterKey('ArrowLeft', false, 400, 1000)).toBe(416);
    expect(widthAfterKey('ArrowRight', true, 600, 1000)).toBe(440);
    expect(widthAfterKey('Home', false, 400, 1000)).toBe(1000 - LIST_MIN);
    expect(widthAfterKey('End', false, 400, 1000)).toBe(DETAIL_MIN);
    expect(widthAfterKey('a', false, 400, 1000)).toBeUndefined();
  });
});
