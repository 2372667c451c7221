// Cookie paths: the request's path as the cookie algorithm sees it, default-path (RFC 6265bis 5.1.4)
// and path-match (5.1.4).

/**
 * The uri-path of a request URL for cookie matching: the WHATWG URL path as is. %-escapes are NOT
 * decoded: Chromium 156 does not send a cookie with Path=/foo to /f%6Fo (http-state DISABLED_PATH0029).
 */
export function requestPath(url: URL): string {
  return url.pathname;
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
