/** Where a 3xx response sends the request next, as an absolute URL (HAR `redirectURL` or the Location header). */
import { headerValue } from './headers.ts';
import type { TraceEntry } from './types.ts';

/** What redirectTargetOf reads of an entry. */
export type RedirectingEntry = Pick<TraceEntry, 'response'> & { readonly request: { readonly url: string } };

export function redirectTargetOf(entry: RedirectingEntry, base: string = entry.request.url): string | undefined {
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

/** The same URL once parsed (`http://A/x` and `http://a/x` are one); unparsable text compares as written. */
function normalUrl(url: string): string {
  try {
    return new URL(url).href;
  } catch {
    return url;
  }
}

/** A chain longer than this is a redirect loop; browsers stop at 20 hops too (Fetch, "HTTP-redirect fetch" 5). */
const MAX_HOPS = 20;

/** The position of the hop `entries[at]` redirected to: the first later entry at its redirect target. */
function nextHop(entries: readonly TraceEntry[], at: number): number | undefined {
  const target = redirectTargetOf(entries[at]!);
  if (target === undefined) return undefined;
  for (let i = at + 1; i < entries.length; i++) if (normalUrl(entries[i]!.request.url) === target) return i;
  return undefined;
}

/**
 * The redirect chain the entry at `position` belongs to, as positions into `entries` (in time order), first hop
 * first: each hop is the first entry after the one before it whose URL is where that one's 3xx sent the
 * request (`redirectTargetOf`). Just `[position]` when the entry neither redirected nor was redirected to.
 */
export function redirectChainAt(entries: readonly TraceEntry[], position: number): number[] {
  const chain = [position];
  // Back: the latest earlier entry that redirected here (and whose next hop is this one, not a later copy).
  for (let at = position; chain.length < MAX_HOPS; ) {
    const url = normalUrl(entries[at]!.request.url);
    let from = -1;
    for (let i = at - 1; i >= 0; i--)
      if (redirectTargetOf(entries[i]!) === url) {
        from = i;
        break;
      }
    if (from < 0 || nextHop(entries, from) !== at) break;
    chain.unshift(from);
    at = from;
  }
  for (let at = position; chain.length < MAX_HOPS; ) {
    const to = nextHop(entries, at);
    if (to === undefined) break;
    chain.push(to);
    at = to;
  }
  return chain;
}
