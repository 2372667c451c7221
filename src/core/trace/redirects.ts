/** Where a 3xx response sends the request next, as an absolute URL (HAR `redirectURL` or the Location header). */
import { headerValue } from './headers.ts';
import type { TraceEntry } from './types.ts';

export function redirectTargetOf(entry: TraceEntry, base: string = entry.request.url): string | undefined {
  const response = entry.response;
  // A Location on a 201 Created names the new resource, not a next hop (RFC 9110 10.2.2).
  if (response === undefined || response.status < 300 || response.status >= 400) return undefined;
  const location = response.redirectUrl || headerValue(response.headers, 'location');
  if (!location) return undefined;
  try {
    return new URL(location, base).href;
  } catch {
    return undefined;
  }
}
