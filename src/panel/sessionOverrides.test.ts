import { describe, expect, it } from 'vitest';
import {
  type KeyValueStorage,
  loadOverrides,
  NO_OVERRIDES,
  overridesKey,
  saveOverrides,
  toggleSessionCookie,
} from './sessionOverrides.ts';

function memoryStorage(): KeyValueStorage & { items: Record<string, unknown> } {
  const items: Record<string, unknown> = {};
  return {
    items,
    get: async (key) => (key in items ? { [key]: items[key] } : {}),
    set: async (more) => void Object.assign(items, more),
  };
}

describe('session cookie overrides', () => {
  it('marks, unmarks and returns to the engine’s own decision', () => {
    const marked = toggleSessionCookie(NO_OVERRIDES, 'token', false);
    expect(marked).toEqual({ sessionCookies: ['token'], notSessionCookies: [] });
    expect(toggleSessionCookie(marked, 'token', true)).toEqual(NO_OVERRIDES);
    expect(toggleSessionCookie(NO_OVERRIDES, 'sid', true)).toEqual({ sessionCookies: [], notSessionCookies: ['sid'] });
  });

  it('is remembered per site under sessionCookieOverrides:<site>', async () => {
    const storage = memoryStorage();
    await saveOverrides(storage, 'shop.test', { sessionCookies: ['token'], notSessionCookies: ['sid'] });
    expect(Object.keys(storage.items)).toEqual([overridesKey('shop.test')]);
    expect(overridesKey('shop.test')).toBe('sessionCookieOverrides:shop.test');
    expect(await loadOverrides(storage, 'shop.test')).toEqual({
      sessionCookies: ['token'],
      notSessionCookies: ['sid'],
    });
    expect(await loadOverrides(storage, 'other.test')).toEqual(NO_OVERRIDES);
  });

  it('ignores a damaged stored value', async () => {
    const storage = memoryStorage();
    storage.items[overridesKey('a.test')] = { sessionCookies: 'sid', notSessionCookies: [1, 'x'] };
    expect(await loadOverrides(storage, 'a.test')).toEqual({ sessionCookies: [], notSessionCookies: ['x'] });
  });
});
