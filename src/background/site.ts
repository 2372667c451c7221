// Decides which recorded tabs a cookie change belongs to: cookies are not per tab, so a change goes to
// every tab that has talked to the cookie's site (same registrable domain, public-suffix aware).
import { getDomain } from 'tldts';

/**
 * The site of a host: its registrable domain (eTLD+1), or the host itself when it has none (an IP
 * address, `localhost`, or a name under an unknown suffix such as `.test` kept whole by tldts).
 */
export function siteOfHost(host: string): string {
  const bare = host.replace(/^\./, '').toLowerCase();
  return getDomain(bare, { allowPrivateDomains: true }) ?? bare;
}

/** The site of a URL, or undefined when it has no host (data:, about:blank…). */
export function siteOfUrl(url: string): string | undefined {
  try {
    const { hostname } = new URL(url);
    return hostname ? siteOfHost(hostname.replace(/^\[|\]$/g, '')) : undefined;
  } catch {
    return undefined;
  }
}
