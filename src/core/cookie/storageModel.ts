// Turns a parsed Set-Cookie into the cookie the jar would store, applying the rules of RFC 6265bis 5.7
// that depend only on the cookie and the request URL (domain, path, expiry, Secure, SameSite=None,
// prefixes). Rules that depend on what the jar already holds (OverwriteSecure, HttpOnly overwrite) are
// the jar's (jar.ts).
import { canonicalizeHost, domainMatch, isPublicSuffix, isSecureOrigin } from './domain.ts';
import { defaultPath } from './path.ts';
import type { SetCookieRejectedReason } from './reasons.ts';
import type { ParsedSetCookie, StoredCookie } from './types.ts';

/** RFC 6265bis 5.6.1/5.6.2: user agents cap cookie lifetimes at 400 days (Chrome's kMaxCookieAge). */
export const MAX_COOKIE_AGE_MS = 400 * 24 * 60 * 60 * 1000;

/** URL schemes whose responses may set cookies, and the scheme recorded as the cookie's source. */
const COOKIE_SCHEMES: Readonly<Record<string, 'http' | 'https'>> = {
  'http:': 'http',
  'https:': 'https',
  'ws:': 'http',
  'wss:': 'https',
};

const DEFAULT_PORTS: Readonly<Record<string, number>> = { 'http:': 80, 'https:': 443, 'ws:': 80, 'wss:': 443 };

/** The facts about the request URL that storage and retrieval need, parsed once. */
export interface CookieUrl {
  readonly url: URL;
  readonly host: string;
  readonly scheme: 'http' | 'https';
  readonly port: number;
  readonly secure: boolean;
}

/** Parses a request URL for cookie purposes; undefined for unparsable URLs and schemes without cookies. */
export function cookieUrl(requestUrl: string): CookieUrl | undefined {
  // A replay asks about the same URL several times in a row (the request's cookies, then each Set-Cookie
  // line of its response): the last answer is kept. CookieUrl is read-only, so sharing it is safe.
  if (requestUrl === lastCookieUrl.text) return lastCookieUrl.parsed;
  const parsed = parseCookieUrl(requestUrl);
  lastCookieUrl = { text: requestUrl, parsed };
  return parsed;
}

let lastCookieUrl: { readonly text: string | undefined; readonly parsed: CookieUrl | undefined } = {
  text: undefined,
  parsed: undefined,
};

function parseCookieUrl(requestUrl: string): CookieUrl | undefined {
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return undefined;
  }
  const scheme = COOKIE_SCHEMES[url.protocol];
  if (scheme === undefined || url.hostname === '') return undefined;
  const port = url.port === '' ? (DEFAULT_PORTS[url.protocol] ?? 0) : Number(url.port);
  return { url, host: url.hostname, scheme, port, secure: isSecureOrigin(url) };
}

export type CreatedCookie =
  | { readonly ok: true; readonly cookie: StoredCookie; readonly expired: boolean }
  | { readonly ok: false; readonly reason: SetCookieRejectedReason; readonly detail: string };

/** `detail`: what the reason's own text (SET_COOKIE_REJECTED_REASONS) does not already say; '' when nothing. */
function refuse(reason: SetCookieRejectedReason, detail: string): CreatedCookie {
  return { ok: false, reason, detail };
}

/**
 * RFC 6265bis 5.7 step 4 (expiry): the last Max-Age wins over any Expires; Max-Age <= 0 means "already
 * expired"; both are capped at `lifetimeCapMs` from now (400 days; no cap, Infinity, in a browser older than the cap:
 * cookie/browserDefaults.ts). Undefined = a session cookie.
 */
export function expiryOf(parsed: ParsedSetCookie, time: number, lifetimeCapMs = MAX_COOKIE_AGE_MS): number | undefined {
  if (parsed.maxAge !== undefined) {
    if (parsed.maxAge <= 0) return Number.MIN_SAFE_INTEGER;
    return time + Math.min(parsed.maxAge * 1000, lifetimeCapMs);
  }
  if (parsed.expires !== undefined) return Math.min(parsed.expires, time + lifetimeCapMs);
  return undefined;
}

/**
 * RFC 6265bis 5.7 steps 5-7: the cookie's domain and host-only flag. A Domain attribute that is a public
 * suffix is only allowed when it is the request host itself, and then makes a host-only cookie.
 */
function domainOf(
  parsed: ParsedSetCookie,
  host: string,
): { domain: string; hostOnly: boolean } | { reason: 'InvalidDomain'; detail: string } {
  // No Domain attribute, or an empty one (Chrome's reading of "Domain="): a host-only cookie.
  if (parsed.domain === undefined || parsed.domain === '') return { domain: host, hostOnly: true };
  const domain = canonicalizeHost(parsed.domain);
  if (domain === undefined) return { reason: 'InvalidDomain', detail: `Domain "${parsed.domain}" is not a host name.` };
  if (isPublicSuffix(domain)) {
    if (domain === host) return { domain: host, hostOnly: true };
    return { reason: 'InvalidDomain', detail: `Domain "${domain}" is a public suffix.` };
  }
  if (!domainMatch(host, domain)) {
    return { reason: 'InvalidDomain', detail: `Host "${host}" does not domain-match Domain "${domain}".` };
  }
  return { domain, hostOnly: false };
}

/** Case-insensitive prefix test (RFC 6265bis 4.1.3: cookie prefixes are matched case-insensitively). */
function hasPrefix(s: string, prefix: string): boolean {
  return s.length >= prefix.length && s.slice(0, prefix.length).toLowerCase() === prefix.toLowerCase();
}

/** RFC 6265bis 5.7 steps 17-19: the __Secure- and __Host- prefix requirements; a message when unmet. */
function prefixViolation(parsed: ParsedSetCookie, hostOnly: boolean): string | undefined {
  // A nameless cookie whose value looks like a prefixed pair would reach servers as one: refused.
  if (parsed.name === '' && (hasPrefix(parsed.value, '__Secure-') || hasPrefix(parsed.value, '__Host-'))) {
    return 'A nameless cookie may not have a value starting with __Secure- or __Host-.';
  }
  if (hasPrefix(parsed.name, '__Secure-') && !parsed.secure) return '__Secure- cookies need the Secure attribute.';
  if (hasPrefix(parsed.name, '__Host-')) {
    if (!parsed.secure) return '__Host- cookies need the Secure attribute.';
    if (!hostOnly || (parsed.domain ?? '') !== '') return '__Host- cookies may not have a Domain attribute.';
    if (parsed.path !== '/') return '__Host- cookies need Path=/.';
  }
  return undefined;
}

/**
 * RFC 6265bis 5.7: the cookie a user agent would create from `parsed`, received from `url` at `time`,
 * or why it refuses it. `expired` says the cookie is already expired: storing it means deleting.
 */
export function createCookie(
  parsed: ParsedSetCookie,
  url: CookieUrl,
  time: number,
  setByEntry?: number,
  lifetimeCapMs = MAX_COOKIE_AGE_MS,
  strictSecure = true,
): CreatedCookie {
  const domain = domainOf(parsed, url.host);
  if ('reason' in domain) return refuse(domain.reason, domain.detail);
  // Step 10: Secure cookies only from secure origins (https, or http on a loopback host as in Chrome); a browser
  // before Strict Secure Cookies stored them (browserDefaults.ts).
  if (parsed.secure && !url.secure && strictSecure) return refuse('SecureOnly', '');
  const prefixProblem = prefixViolation(parsed, domain.hostOnly);
  if (prefixProblem !== undefined) return refuse('InvalidPrefix', prefixProblem);
  // Step 15 (and Chrome since 80): SameSite=None requires Secure.
  if (parsed.sameSite === 'none' && !parsed.secure) {
    return refuse('SameSiteNoneInsecure', '');
  }

  const expiresAt = expiryOf(parsed, time, lifetimeCapMs);
  const cookie: StoredCookie = {
    name: parsed.name,
    value: parsed.value,
    domain: domain.domain,
    path: parsed.path ?? defaultPath(url.url),
    hostOnly: domain.hostOnly,
    secure: parsed.secure,
    httpOnly: parsed.httpOnly,
    sameSite: parsed.sameSite,
    partitioned: parsed.partitioned,
    ...(expiresAt !== undefined && { expiresAt }),
    createdAt: time,
    lastAccessedAt: time,
    sourceScheme: url.scheme,
    sourcePort: url.port,
    origin: 'set-cookie',
    ...(setByEntry !== undefined && { setByEntry }),
  };
  return { ok: true, cookie, expired: expiresAt !== undefined && expiresAt <= time };
}
