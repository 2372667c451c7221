// Types of scripts/cookiePurpose.mjs, for the TypeScript that tests it.
import type { CookiePurpose } from '../src/core/session/cookieDatabase.ts';

/** The purpose of one Open Cookie Database row, from its category, platform and description. */
export function purposeOf(category: string, platform: string, description: string): CookiePurpose;
