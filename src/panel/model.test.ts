import { describe, expect, it } from 'vitest';
import { requestRows } from './model.ts';

describe('requestRows', () => {
  it('shows the engine’s view of carried and set cookies: session IDs shortened, deletions marked', () => {
    const rows = requestRows([
      { seq: 7, event: { kind: 'navigation', time: 1, url: 'https://shop.test/' } },
      {
        seq: 8,
        event: {
          kind: 'entry',
          entry: {
            index: 0,
            startedAt: Date.UTC(2026, 0, 1),
            request: {
              method: 'GET',
              url: 'https://shop.test/logout',
              headers: [{ name: 'Cookie', value: 'sid=0123456789abcdef0123; theme=dark' }],
            },
            response: {
              status: 200,
              headers: [
                { name: 'Set-Cookie', value: 'sid=; Path=/; Max-Age=0; Secure' },
                { name: 'set-cookie', value: 'theme=light; Path=/' },
              ],
            },
          },
        },
      },
    ]);
    expect(rows).toHaveLength(1);
    const [row] = rows;
    expect(row?.seq).toBe(8);
    expect(
      row?.cookiesSent.map(({ name, shownValue, looksLikeSession }) => [name, shownValue, looksLikeSession]),
    ).toEqual([
      ['sid', '012345…0123', true],
      ['theme', 'dark', false],
    ]);
    expect(row?.cookiesSent[0]?.hue).toBeTypeOf('number');
    expect(row?.cookiesSet.map((c) => [c.name, c.deletes, c.attributes])).toEqual([
      ['sid', true, ['Path=/', 'Max-Age=0', 'Secure']],
      ['theme', false, ['Path=/']],
    ]);
    expect(row?.markers.map((m) => m.kind)).toContain('cleared');
    expect(row?.sessionRelevant).toBe(true);
    expect(row?.cookies).toEqual(['sid', 'theme', 'sid', 'theme']);
  });
});
