import { describe, expect, it } from 'vitest';
import { isAtBottom, scrollTopToReveal, visibleWindow } from './virtualWindow.ts';

describe('visibleWindow', () => {
  it('renders only the rows in view plus the overscan, for 100,000 rows', () => {
    const w = visibleWindow({ count: 100_000, rowHeight: 20, scrollTop: 50_000, viewportHeight: 400, overscan: 5 });
    expect(w).toEqual({ first: 2495, end: 2525, offsetTop: 2495 * 20, totalHeight: 2_000_000 });
  });
  it('clamps at the top and bottom', () => {
    expect(visibleWindow({ count: 10, rowHeight: 20, scrollTop: -30, viewportHeight: 100, overscan: 2 })).toEqual({
      first: 0,
      end: 7,
      offsetTop: 0,
      totalHeight: 200,
    });
    const end = visibleWindow({ count: 10, rowHeight: 20, scrollTop: 9999, viewportHeight: 100, overscan: 2 });
    expect([end.first, end.end]).toEqual([3, 10]);
  });
  it('renders nothing for an empty list', () => {
    expect(visibleWindow({ count: 0, rowHeight: 20, scrollTop: 0, viewportHeight: 100 })).toEqual({
      first: 0,
      end: 0,
      offsetTop: 0,
      totalHeight: 0,
    });
  });
});

describe('isAtBottom / scrollTopToReveal', () => {
  it('knows the live tail within a few pixels', () => {
    expect(isAtBottom(1600, 400, 2000)).toBe(true);
    expect(isAtBottom(1597, 400, 2000)).toBe(true);
    expect(isAtBottom(1500, 400, 2000)).toBe(false);
  });
  it('scrolls the least needed to show a row', () => {
    expect(scrollTopToReveal(5, 20, 200, 100)).toBe(100);
    expect(scrollTopToReveal(20, 20, 200, 100)).toBe(320);
    expect(scrollTopToReveal(11, 20, 200, 100)).toBe(200);
  });
});
