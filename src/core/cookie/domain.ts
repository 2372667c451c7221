// Host names for cookies: canonicalization (RFC 6265bis 5.1.2), domain-match (5.1.3), the public-suffix
// test of the storage model (5.7 step 5), registrable domains for "same site", and which origins count
// as secure for cookies.
//
// Public suffixes: Chrome asks its registry with INCLUDE_PRIVATE_REGISTRIES for cookies and for sites
// (net/cookies/cookie_util.cc GetEffectiveDomain, SchemefulSite), so `github.io` or `blogspot.com` are
// suffixes here too: we call tldts with `allowPrivateDomains: true`. An unlisted TLD (`.test`,
// `.localhost`) is a suffix by the list's default "*" rule, as in Chrome.
import { getDomain, getPublicSuffix } from 'tldts';

const TLDTS_OPTIONS = { allowPrivateDomains: true, extractHostname: false } as const;

/** True for an IPv4 dotted quad or a bracketed/unbracketed IPv6 literal (already canonical). */
export function isIpAddress(host: string): boolean {
  if (host.includes(':')) return true; // only IPv6 literals contain ":" once the port is gone
  // Four dot-separated runs of 1–3 ASCII digits, read in place: this runs for every domain-match of
  // every cookie on every request of a trace, so it allocates nothing.
  let parts = 1;
  let digits = 0;
  for (let i = 0; i < host.length; i++) {
    const code = host.charCodeAt(i);
    if (code === 0x2e) {
      if (digits === 0 || ++parts > 4) return false;
      digits = 0;
    } else if (code >= 0x30 && code <= 0x39) {
      if (++digits > 3) return false;
    } else {
      return false;
    }
  }
  return parts === 4 && digits > 0;
}

/** Characters that make a Domain attribute something other than a host name (a port, a path, a space…). */
const NOT_IN_HOST = new Set([':', '/', '?', '#', '@', '\\', '[', ']', '%', ' ', '\t', '"', '<', '>', '^', '|']);

/**
 * RFC 6265bis 5.1.2: canonicalize a host name: lower-case, IDNA A-labels, IPv4 numbers normalized. Uses
 * the WHATWG URL host parser, which is what Chrome's GURL does for cookies. Returns undefined when the
 * string is not a host (a port, a space, a quote, an empty label that the URL parser refuses, …).
 */
export function canonicalizeHost(host: string): string | undefined {
  if (host === '') return undefined;
  for (const char of host) if (NOT_IN_HOST.has(char)) return undefined;
  try {
    return new URL(`http://${host}/`).hostname;
  } catch {
    return undefined;
  }
}

/** RFC 6265bis 5.1.3: does `host` domain-match `domain` (both canonical)? */
export function domainMatch(host: string, domain: string): boolean {
  if (host === domain) return true;
  // A suffix match needs a "." before the domain, and never applies to IP addresses.
  return (
    host.length > domain.length &&
    host.endsWith(domain) &&
    host.charCodeAt(host.length - domain.length - 1) === 0x2e &&
    !isIpAddress(host)
  );
}

/** RFC 6265bis 5.7 step 5: is `domain` a public suffix (ICANN or private section of the list)? */
export function isPublicSuffix(domain: string): boolean {
  if (isIpAddress(domain)) return false;
  return getPublicSuffix(domain, TLDTS_OPTIONS) === domain;
}

/**
 * The registrable domain (eTLD+1) of a host, or the host itself when it has none (an IP address,
 * `localhost`, a public suffix): the "site" of RFC 6265bis 5.2 and the bucket for Chrome's per-domain limit.
 */
export function registrableDomain(host: string): string {
  const known = registrableDomains.get(host);
  if (known !== undefined) return known;
  const domain = isIpAddress(host) ? host : (getDomain(host, TLDTS_OPTIONS) ?? host);
  // A trace has few hosts and asks for each on every request: remember the answers (bounded, so a
  // trace with millions of distinct hosts cannot grow the memo without end).
  if (registrableDomains.size >= REGISTRABLE_DOMAIN_MEMO_MAX) registrableDomains.clear();
  registrableDomains.set(host, domain);
  return domain;
}

const REGISTRABLE_DOMAIN_MEMO_MAX = 10_000;
const registrableDomains = new Map<string, string>();

/** The host of a URL in canonical form, or undefined when the URL does not parse. */
export function hostOfUrl(url: string): string | undefined {
  try {
    return new URL(url).hostname;
  } catch {
    return undefined;
  }
}

/** Hosts Chrome treats as potentially trustworthy over plain http (localhost, *.localhost, loopback IPs). */
export function isLoopbackHost(host: string): boolean {
  return (
    host === 'localhost' ||
    host.endsWith('.localhost') ||
    host === '[::1]' ||
    (isIpAddress(host) && !host.includes(':') && host.startsWith('127.'))
  );
}

/**
 * Whether a URL is a secure origin for cookies: https/wss, or http/ws on a loopback host. Chrome lets
 * http://localhost set and receive Secure cookies (potentially trustworthy origins, since Chrome 89).
 */
export function isSecureOrigin(url: URL): boolean {
  if (url.protocol === 'https:' || url.protocol === 'wss:') return true;
  if (url.protocol === 'http:' || url.protocol === 'ws:') return isLoopbackHost(url.hostname);
  return false;
}
