import { describe, expect, it } from 'vitest';
import { CaptureSwitch, captureListener, captureWanted } from './capture-switch.ts';

/** A browser event that keeps its listeners, as webRequest events do, with the filter each was added with. */
class FakeEvent<Listener> {
  readonly listeners = new Map<Listener, string>();
  addListener(listener: Listener, filter: string): void {
    this.listeners.set(listener, filter);
  }
  removeListener(listener: Listener): void {
    this.listeners.delete(listener);
  }
}

describe('CaptureSwitch', () => {
  it('adds every listener with its own filter, removes them all, and adds them again', () => {
    const requests = new FakeEvent<() => void>();
    const cookies = new FakeEvent<() => void>();
    const onRequest = () => undefined;
    const onCookie = () => undefined;
    const capture = new CaptureSwitch([
      captureListener(requests, onRequest, (l) => requests.addListener(l, 'all urls')),
      captureListener(cookies, onCookie, (l) => cookies.addListener(l, 'cookies')),
    ]);
    expect(capture.attached).toBe(false);
    capture.set(true);
    capture.set(true); // idempotent: never a listener twice
    expect([...requests.listeners]).toEqual([[onRequest, 'all urls']]);
    expect([...cookies.listeners]).toEqual([[onCookie, 'cookies']]);
    capture.set(false);
    expect(requests.listeners.size + cookies.listeners.size).toBe(0);
    expect(capture.attached).toBe(false);
    capture.set(true);
    expect(requests.listeners.get(onRequest)).toBe('all urls');
  });

  it('wants capture with record-from-start, or while a tab has a panel open', () => {
    expect(captureWanted(true, 0)).toBe(true);
    expect(captureWanted(false, 1)).toBe(true);
    expect(captureWanted(false, 0)).toBe(false);
  });
});
