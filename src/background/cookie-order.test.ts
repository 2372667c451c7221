// CookieChangeOrder: a cookie change goes into the trace after the entries of the hops to its site that were
// in flight when it arrived, so the replay never sees a cookie in the jar before the request that set it.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CookieChangeOrder } from './cookie-order.ts';

/** What reached the recorder, in order. */
let trace: string[];
let order: CookieChangeOrder;

const change = (domain: string, label: string) => order.cookieChanged(domain, () => trace.push(label));
/** The hop's entry is handed to the recorder, then the hop ends (as index.ts does on each webRequest end event). */
function recordHop(requestId: string, label: string): void {
  trace.push(label);
  order.hopEnded(requestId);
}

beforeEach(() => {
  vi.useFakeTimers();
  trace = [];
  order = new CookieChangeOrder(2000);
});
afterEach(() => vi.useRealTimers());

describe('CookieChangeOrder', () => {
  it('puts the cookies a response set after that response’s entry when the change is reported first (Firefox)', () => {
    order.hopStarted('r1', 'https://lb.test/lb/');
    change('lb.test', 'JSESSIONID set');
    change('lb.test', 'SERVERID set');
    expect(trace).toEqual([]);
    recordHop('r1', 'GET /lb/');
    expect(trace).toEqual(['GET /lb/', 'JSESSIONID set', 'SERVERID set']);
    expect(order.heldCount).toBe(0);
  });

  it('records a change at once when no hop to its site is in flight', () => {
    change('shop.test', 'sid set');
    order.hopStarted('r2', 'https://other.test/');
    change('.shop.test', 'sessionid set');
    expect(trace).toEqual(['sid set', 'sessionid set']);
  });

  it('keeps changes in the order they came: a later one waits behind an earlier held one', () => {
    order.hopStarted('a', 'https://shop.test/slow');
    change('shop.test', 'sid set');
    change('other.test', 'x set');
    order.hopStarted('b', 'https://shop.test/next');
    recordHop('a', 'GET /slow');
    // "sid set" waited only for a; b started after it arrived, so nothing waits for b.
    expect(trace).toEqual(['GET /slow', 'sid set', 'x set']);
  });

  it('waits for every hop to the site that was in flight, not for hops started later', () => {
    order.hopStarted('a', 'https://api.shop.test/1');
    order.hopStarted('b', 'https://shop.test/2');
    change('shop.test', 'sid set');
    recordHop('a', 'GET 1');
    expect(trace).toEqual(['GET 1']);
    recordHop('b', 'GET 2');
    expect(trace).toEqual(['GET 1', 'GET 2', 'sid set']);
  });

  it('lets a failed request release what waited for it', () => {
    order.hopStarted('a', 'https://shop.test/');
    change('shop.test', 'sid set');
    order.hopEnded('a'); // onErrorOccurred: nothing recorded, the hop is over
    expect(trace).toEqual(['sid set']);
  });

  it('holds nothing longer than the longest hold when a hop never ends, and forgets that hop', () => {
    order.hopStarted('stuck', 'https://shop.test/poll');
    change('shop.test', 'sid set');
    vi.advanceTimersByTime(1999);
    expect(trace).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(trace).toEqual(['sid set']);
    // The stuck hop is older than the longest hold: the next change does not wait for it.
    change('shop.test', 'sid changed');
    expect(trace).toEqual(['sid set', 'sid changed']);
    expect(order.inFlightCount).toBe(0);
  });

  it('forgets hops never reported as ended once too many are tracked', () => {
    for (let i = 0; i < 1000; i++) order.hopStarted(`lost${i}`, 'https://shop.test/');
    vi.advanceTimersByTime(2000);
    order.hopStarted('new', 'https://shop.test/');
    expect(order.inFlightCount).toBe(1);
  });
});
