// Cookie paths: the request's path as the cookie algorithm sees it, default-path (RFC 6265bis 5.1.4)
// and path-match (5.1.4).

/** Characters RFC 3986 calls unreserved: Chrome's URL canonicalizer decodes them when %-escaped in a path. */
function isUnreserved(code: number): boolean {
  return (
    (code >= 0x30 && code <= 0x39) ||
    (code >= 0x41 && code <= 0x5a) ||
    (code >= 0x61 && code <= 0x7a) ||
    code === 0x2d ||
    code === 0x2e ||
    code === 0x5f ||
    code === 0x7e
  );
}

/**
 * The uri-path of a request URL as Chrome matches cookies against it: the WHATWG path with %-escapes of
 * unreserved characters decoded (GURL canonicalizes `/f%6Fo` to `/foo`; the WHATWG URL parser does not).
 */
export function requestPath(url: URL): string {
  const path = url.pathname;
  if (!path.includes('%')) return path;
  let out = '';
  for (let i = 0; i < path.length; i++) {
    if (path[i] === '%' && i + 2 < path.length) {
      const code = Number.parseInt(path.slice(i + 1, i + 3), 16);
      if (!Number.isNaN(code) && /^[0-9a-fA-F]{2}$/.test(path.slice(i + 1, i + 3)) && isUnreserved(code)) {
        out += String.fromCharCode(code);
        i += 2;
        continue;
      }
    }
    out += path[i];
  }
  return out;
}

/** RFC 6265bis 5.1.4: the default-path of a cookie set by `url` (the directory of the request path). */
export function defaultPath(url: URL | string): string {
  const path = requestPath(typeof url === 'string' ? new URL(url) : url);
  if (!path.startsWith('/')) return '/';
  const lastSlash = path.lastIndexOf('/');
  if (lastSlash === 0) return '/';
  return path.slice(0, lastSlash);
}

/** RFC 6265bis 5.1.4: does `requestPath` path-match `cookiePath`? */
export function pathMatch(requestPath: string, cookiePath: string): boolean {
  if (requestPath === cookiePath) return true;
  if (!requestPath.startsWith(cookiePath)) return false;
  return cookiePath.endsWith('/') || requestPath.charAt(cookiePath.length) === '/';
}
