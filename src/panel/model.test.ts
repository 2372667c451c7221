import { describe, expect, it } from 'vitest';
import { GOOD, ID, trace } from '../../test/helpers/traceBuilder.ts';
import { KEPT_EARLIER_ANSWER, requestDetail, requestRows, traceView } from './model.ts';

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

describe('requestDetail', () => {
  it('says of a Set-Cookie the browser replaced at once that an earlier request’s answer, arriving after, set it back', () => {
    // The favicon's request started first and its answer (ID a) came after the account page's (ID b).
    const view = traceView(
      trace()
        .get('https://shop.test/favicon.ico', { setCookie: [`sid=${ID.a}; ${GOOD}`], duration: 100 })
        .get('https://shop.test/account', { setCookie: [`sid=${ID.b}; ${GOOD}`], duration: 42, after: 18 })
        .build(),
    );
    const warnings = (entry: number) =>
      requestDetail(view, view.rows.find((r) => r.entryIndex === entry)!).setCookies[0]!.warnings;
    expect(warnings(1)).toEqual([KEPT_EARLIER_ANSWER]);
    expect(warnings(0)).toEqual([]);
  });
});
