/** Where a response redirects to, as an absolute URL (HAR `redirectURL` or the Location header). */
import { headerValue } from '../trace/headers.ts';
import type { TraceEntry } from '../trace/types.ts';

export function redirectTargetOf(entry: TraceEntry, base: string = entry.request.url): string | undefined {
  const location = entry.response?.redirectUrl || (entry.response && headerValue(entry.response.headers, 'location'));
  if (!location) return undefined;
  try {
    return new URL(location, base).href;
  } catch {
    return undefined;
  }
}
