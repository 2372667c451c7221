/**
 * Cookies do not isolate ports (RFC 6265 8.5, RFC 6265bis 8.5): a cookie set by http://127.0.0.1:3000 is sent to
 * http://127.0.0.1:8000 as well, so two apps on one host share every cookie name they both use.
 */

/** "scheme://host" of an origin "scheme://host[:port]": what two ports of one host have in common. */
function hostOfOrigin(origin: string): string {
  // The port is the digits after the last colon, unless that colon is inside an IPv6 literal ("[::1]").
  const colon = origin.lastIndexOf(':');
  const bracket = origin.lastIndexOf(']');
  if (colon <= origin.indexOf('//') || colon < bracket) return origin;
  for (let i = colon + 1; i < origin.length; i++) {
    const code = origin.charCodeAt(i);
    if (code < 0x30 || code > 0x39) return origin;
  }
  return origin.slice(0, colon);
}

/**
 * `b` is another port of `a`'s host, by the same scheme: another app on that host as far as cookies go. Another
 * scheme is left out (http:// and https:// of one host are most often one app, moved to TLS).
 */
export function otherPortOfHost(a: string, b: string): boolean {
  return a !== b && hostOfOrigin(a) === hostOfOrigin(b);
}
