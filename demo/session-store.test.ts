// The demo's server-side session store: random 128-bit IDs, a route suffix, idle expiry.
import { describe, expect, it } from 'vitest';
import { SessionStore } from './session-store.ts';

describe('SessionStore', () => {
  it('issues distinct random hex IDs with the route suffix', () => {
    const store = new SessionStore(Number.POSITIVE_INFINITY, '.node1');
    const ids = new Set(Array.from({ length: 50 }, () => store.create().id));
    expect(ids.size).toBe(50);
    for (const id of ids) expect(id).toMatch(/^[0-9a-f]{32}\.node1$/);
  });

  it('forgets a session idle longer than its lifetime, and only then', () => {
    const store = new SessionStore(2000);
    const session = store.create(10_000);
    expect(store.find(session.id, 11_999)?.id).toBe(session.id);
    // find() touched it at 11 999, so it lives until 13 999.
    expect(store.find(session.id, 13_999)?.id).toBe(session.id);
    expect(store.find(session.id, 16_000)).toBeUndefined();
    expect(store.find(session.id, 16_001)).toBeUndefined();
  });

  it('knows nothing of IDs it did not issue or has deleted', () => {
    const store = new SessionStore();
    const session = store.create();
    expect(store.find(undefined)).toBeUndefined();
    expect(store.find(`${session.id}0`)).toBeUndefined();
    store.delete(session.id);
    expect(store.find(session.id)).toBeUndefined();
  });
});
