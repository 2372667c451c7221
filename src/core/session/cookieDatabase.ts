/**
 * What a maintained public dataset says a cookie is for (the Open Cookie Database, vendored as data in
 * `data/open-cookie-database.json` with its licence; `scripts/refresh-cookie-database.mjs` rebuilds it). Session
 * identification reads it as evidence against a cookie being a session (a tracking, analytics, advertising,
 * bot-protection, edge network's, consent, CSRF, geolocation, preference or A/B cookie) and as weak evidence for (a
 * platform's documented session cookie), RULES.md "What is a session cookie".
 */
import database from './data/open-cookie-database.json' with { type: 'json' };

export type CookiePurpose =
  | 'advertising'
  | 'analytics'
  | 'bot-protection'
  /** An edge network's own cookie (a CDN's acceleration, challenge or waiting room): never the application's session. */
  | 'edge'
  | 'affinity'
  | 'consent'
  | 'csrf'
  | 'session'
  | 'geolocation'
  | 'preference'
  | 'ab-test'
  | 'functional';

export interface KnownCookie {
  readonly name: string;
  readonly purpose: CookiePurpose;
  readonly platform: string;
  /**
   * The domain the dataset says the platform sets it on (`adform.net`, `linkedin.com`), lower-case, without a
   * leading dot or the dataset's "(3rd party)" note; undefined when the row names none (a cookie of any site).
   */
  readonly domain?: string;
}

/** Purposes that say "not a session ID": RULES.md's evidence against. `functional` says nothing either way. */
export const NOT_SESSION_PURPOSES: ReadonlySet<CookiePurpose> = new Set([
  'advertising',
  'analytics',
  'bot-protection',
  'edge',
  'consent',
  'csrf',
  'geolocation',
  'preference',
  'ab-test',
]);

type Row = readonly [name: string, purpose: CookiePurpose, platform: string, domain: string, prefixMatch: 0 | 1];

const rows = (database as unknown as { entries: readonly Row[] }).entries;
const exact = new Map<string, KnownCookie>();
/** Names the dataset marks as prefixes (`_hjSession_` + site id), longest first so the most specific wins. */
const prefixes: { prefix: string; known: KnownCookie }[] = [];
for (const [name, purpose, platform, domainText, prefixMatch] of rows) {
  const domain = platformDomain(domainText);
  const known: KnownCookie = domain === undefined ? { name, purpose, platform } : { name, purpose, platform, domain };
  const key = name.toLowerCase();
  if (prefixMatch === 1) prefixes.push({ prefix: key, known });
  // Several platforms may use one name: the first row (sorted by name) stands for it, a non-session purpose
  // over a neutral one, so "evidence against" is never hidden by a vaguer row.
  const before = exact.get(key);
  if (!before || (before.purpose === 'functional' && purpose !== 'functional')) exact.set(key, known);
}
prefixes.sort((a, b) => b.prefix.length - a.prefix.length);

/** A row's domain as a host: `.adnxs.com` → `adnxs.com`, `adform.net (3rd party)` → `adform.net`; '' → none. */
function platformDomain(text: string): string | undefined {
  const host = text
    .replace(/\(.*\)/, '')
    .trim()
    .replace(/^\./, '')
    .toLowerCase();
  return /^[a-z0-9.-]+\.[a-z]{2,}$/.test(host) ? host : undefined;
}

const cache = new Map<string, KnownCookie | null>();

/** The dataset's entry for a cookie name (case-insensitive; prefix rows match longer names), if any. */
export function knownCookie(name: string): KnownCookie | undefined {
  const key = name.toLowerCase();
  let hit = cache.get(key);
  if (hit === undefined) {
    hit =
      exact.get(key) ?? prefixes.find((p) => key.startsWith(p.prefix) && key.length > p.prefix.length)?.known ?? null;
    if (cache.size > 10_000) cache.clear();
    cache.set(key, hit);
  }
  return hit ?? undefined;
}

export const COOKIE_DATABASE_SOURCE = `Open Cookie Database (${(database as { commit: string }).commit.slice(0, 7)})`;
