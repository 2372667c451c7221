/**
 * Where the authority of an http(s) URL written plainly ends (the first "/", "\\", "?" or "#" after
 * "scheme://"), or -1 when the URL is not that simple: another scheme, spaces or control characters in the
 * authority (the parser removes tabs and line breaks, trims the ends, rejects the rest), or an empty authority
 * (the parser skips further slashes: "http:///h" is host "h"). The scheme, host and port depend on nothing after
 * that point (WHATWG URL, authority state): what is derived from them alone can be remembered per
 * "scheme://authority" instead of parsing every URL of a trace.
 */
export function plainAuthorityEnd(url: string): number {
  const from = url.startsWith('https://') ? 8 : url.startsWith('http://') ? 7 : -1;
  if (from === -1) return -1;
  for (let i = from; i < url.length; i++) {
    const c = url.charCodeAt(i);
    if (c === 0x2f || c === 0x5c || c === 0x3f || c === 0x23) return i === from ? -1 : i;
    if (c <= 0x20) return -1;
  }
  return url.length === from ? -1 : url.length;
}
