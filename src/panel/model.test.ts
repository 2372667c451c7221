import { describe, expect, it } from 'vitest';
import { requestRows } from './model.ts';

describe('requestRows', () => {
  it('shows carried and set cookies, shortening session-looking values and marking deletions', () => {
    const rows = requestRows([
      { seq: 0, event: { kind: 'navigation', time: 1, url: 'https://shop.test/' } },
      {
        seq: 1,
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
    expect(row?.cookiesSent).toEqual([
      { name: 'sid', shownValue: '012345…0123', looksLikeSession: true },
      { name: 'theme', shownValue: 'dark', looksLikeSession: false },
    ]);
    expect(row?.cookiesSet.map((c) => [c.name, c.deletes, c.attributes])).toEqual([
      ['sid', true, ['Path=/', 'Max-Age=0', 'Secure']],
      ['theme', false, ['Path=/']],
    ]);
  });
});
