/**
 * `Clear-Site-Data` (W3C Clear Site Data): a response that tells the browser to clear its site's cookies, with the
 * type `"cookies"` or the wildcard `"*"` (OWASP recommends it at logout; Spring Security's logout can send it).
 * Browsers honour it only from a secure context: https, or http on a loopback host. The types are quoted strings;
 * a bare word is ignored, as the browser ignores it.
 */
import { isLoopbackHost } from '../cookie/domain.ts';
import { headerValues } from '../trace/headers.ts';
import type { TraceEntry } from '../trace/types.ts';

const CLEARS_COOKIES = new Set(['"cookies"', '"*"']);

export function clearsSiteCookies(entry: TraceEntry, url: URL): boolean {
  const values = headerValues(entry.response?.headers ?? [], 'clear-site-data');
  if (values.length === 0) return false;
  if (url.protocol !== 'https:' && !isLoopbackHost(url.hostname)) return false;
  return values.some((value) => value.split(',').some((type) => CLEARS_COOKIES.has(type.trim().toLowerCase())));
}
