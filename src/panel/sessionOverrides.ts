// The user's "this is / is not the session cookie" marks, remembered per site in extension storage under
// `sessionCookieOverrides:<site>` and handed to the engine as settings.sessionCookies / notSessionCookies.
import type { SessionOverrides } from './model.ts';

export const NO_OVERRIDES: SessionOverrides = { sessionCookies: [], notSessionCookies: [] };

/** The slice of `storage.local` the panel uses (a fake in tests). */
export interface KeyValueStorage {
  get(key: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
}

export function overridesKey(site: string): string {
  return `sessionCookieOverrides:${site}`;
}

function names(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

export async function loadOverrides(storage: KeyValueStorage, site: string): Promise<SessionOverrides> {
  const key = overridesKey(site);
  const stored = (await storage.get(key))[key] as { sessionCookies?: unknown; notSessionCookies?: unknown } | undefined;
  if (typeof stored !== 'object' || stored === null) return NO_OVERRIDES;
  return { sessionCookies: names(stored.sessionCookies), notSessionCookies: names(stored.notSessionCookies) };
}

export function saveOverrides(storage: KeyValueStorage, site: string, overrides: SessionOverrides): Promise<void> {
  return storage.set({ [overridesKey(site)]: overrides });
}

/**
 * Flips one cookie: a cookie the engine counts as a session cookie becomes "not session", any other becomes
 * "session". Flipping back to what the engine decided on its own removes the override.
 */
export function toggleSessionCookie(
  overrides: SessionOverrides,
  name: string,
  isSessionNow: boolean,
): SessionOverrides {
  const without = (list: readonly string[]) => list.filter((n) => n !== name);
  if (overrides.sessionCookies.includes(name) || overrides.notSessionCookies.includes(name))
    return {
      sessionCookies: without(overrides.sessionCookies),
      notSessionCookies: without(overrides.notSessionCookies),
    };
  return isSessionNow
    ? { sessionCookies: overrides.sessionCookies, notSessionCookies: [...overrides.notSessionCookies, name] }
    : { sessionCookies: [...overrides.sessionCookies, name], notSessionCookies: overrides.notSessionCookies };
}
