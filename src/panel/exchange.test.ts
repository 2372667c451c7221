import { describe, expect, it } from 'vitest';
import type { TraceEntry } from '../core/trace/types.ts';
import { requestExchange } from './exchange.ts';

const entries: TraceEntry[] = [
  {
    index: 0,
    startedAt: 5_000,
    duration: 12,
    request: {
      method: 'POST',
      url: 'https://shop.test/login',
      headers: [
        { name: 'Referer', value: 'https://shop.test/secure/' },
        { name: 'Sec-Fetch-Site', value: 'same-origin' },
        { name: 'Cookie', value: 'a=1' },
        { name: 'cookie', value: 'b=2' },
      ],
      initiatorUrl: 'https://shop.test/secure/',
      initiatorSource: 'recorder',
    },
    response: {
      status: 302,
      headers: [
        { name: 'Location', value: '/account' },
        { name: 'Set-Cookie', value: 'sid=x; Secure' },
      ],
    },
  },
  {
    index: 1,
    startedAt: 5_020,
    request: { method: 'GET', url: 'https://shop.test/account', headers: [] },
  },
];

describe('requestExchange', () => {
  it('keeps the raw headers as recorded (order, case, repeats) and calls out Referer and Sec-Fetch-Site', () => {
    const x = requestExchange(entries, 0)!;
    expect(x.requestHeaders.map((h) => h.name)).toEqual(['Referer', 'Sec-Fetch-Site', 'Cookie', 'cookie']);
    expect(x.responseHeaders?.map((h) => `${h.name}: ${h.value}`)).toEqual([
      'Location: /account',
      'Set-Cookie: sid=x; Secure',
    ]);
    expect(x.referer).toBe('https://shop.test/secure/');
    expect(x.secFetchSite).toBe('same-origin');
    expect(x.initiator).toEqual({ url: 'https://shop.test/secure/', source: 'recorder' });
    expect(x.startedAt).toBe(5_000);
    expect(x.duration).toBe(12);
  });

  it('gives the redirect chain from either hop, and nothing it did not record', () => {
    const chain = [
      { entry: 0, method: 'POST', url: 'https://shop.test/login', status: 302 },
      { entry: 1, method: 'GET', url: 'https://shop.test/account' },
    ];
    expect(requestExchange(entries, 0)?.redirectChain).toEqual(chain);
    const second = requestExchange(entries, 1)!;
    expect(second.redirectChain).toEqual(chain);
    expect(second.responseHeaders).toBeUndefined();
    expect(second.referer).toBeUndefined();
    expect(second.secFetchSite).toBeUndefined();
    expect(second.initiator).toBeUndefined();
    expect(requestExchange(entries, 7)).toBeUndefined();
  });
});
