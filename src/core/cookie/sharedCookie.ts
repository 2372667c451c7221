/**
 * Who else a cookie reaches. Cookies do not isolate ports (RFC 6265 8.5): a cookie set by http://127.0.0.1:3000 is
 * sent to http://127.0.0.1:8000 as well. A cookie with a Domain attribute is sent to every host within that domain
 * (RFC 6265 5.3 step 6, 8.6). Two apps so placed that name their session cookies alike share one cookie.
 */

import { domainMatch } from './domain.ts';

/** How two origins share a cookie: two ports of one host, or two hosts within the cookie's Domain. */
export type SharedBy = 'port' | 'domain';

interface OriginParts {
  /** "http:", "https:" */
  readonly scheme: string;
  /** The host name, an IPv6 literal with its brackets. */
  readonly host: string;
  /** The port, the scheme's own where the origin names none ("443" for https:). */
  readonly port: string;
}

/** The scheme and host of an origin "scheme://host[:port]"; undefined for what is not one. */
function partsOf(origin: string): OriginParts | undefined {
  const slashes = origin.indexOf('//');
  if (slashes < 0) return undefined;
  const authority = origin.slice(slashes + 2);
  // The port is the digits after the last colon, unless that colon is inside an IPv6 literal ("[::1]").
  const colon = authority.lastIndexOf(':');
  const ported = colon > authority.lastIndexOf(']') && /^\d*$/.test(authority.slice(colon + 1));
  const host = ported ? authority.slice(0, colon) : authority;
  const scheme = origin.slice(0, slashes);
  const port = (ported ? authority.slice(colon + 1) : '') || (scheme === 'https:' || scheme === 'wss:' ? '443' : '80');
  return { scheme, host: host.toLowerCase(), port };
}

/**
 * Whether two origins are served on different ports (two server processes), the scheme's own port counted where an
 * origin names none; false where either is not an origin.
 */
export function onOtherPorts(a: string, b: string): boolean {
  const pa = partsOf(a);
  const pb = partsOf(b);
  return pa !== undefined && pb !== undefined && pa.port !== pb.port;
}

/**
 * How `b` shares a cookie of `cookieDomain` with `a`, another origin by the same scheme: another port of a's host, or
 * another host within that domain (a Domain cookie). Undefined for the same origin, or another scheme (http:// and
 * https:// of one host are most often one app, moved to TLS), or a host the cookie does not reach.
 */
export function sharedBy(a: string, b: string, cookieDomain: string): SharedBy | undefined {
  if (a === b) return undefined;
  const pa = partsOf(a);
  const pb = partsOf(b);
  if (pa === undefined || pb === undefined || pa.scheme !== pb.scheme) return undefined;
  if (pa.host === pb.host) return 'port';
  const domain = cookieDomain.replace(/^\./, '').toLowerCase();
  return domainMatch(pa.host, domain) && domainMatch(pb.host, domain) ? 'domain' : undefined;
}
