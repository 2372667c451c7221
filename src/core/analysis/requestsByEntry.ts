/** The requests of a replay by entry number: what the rules (RuleContext.request) and the stories look up. */
import type { RequestFacts } from './facts.ts';

export interface RequestsByEntry {
  get(entry: number): RequestFacts | undefined;
}

/**
 * The requests come in ascending entries (a trace in order, as nearly every one is): found by bisecting their
 * array, with no index at all, where a map of a 1 GiB file's quarter million requests is ~7 MB at the peak of
 * its analysis. Otherwise a map, made in a plain loop: `new Map(requests.map((r) => [r.entry, r]))` would first
 * make a pair per request, as much garbage again as the map.
 */
export function requestsByEntry(requests: readonly RequestFacts[]): RequestsByEntry {
  if (ascending(requests)) return new AscendingRequests(requests);
  const byEntry = new Map<number, RequestFacts>();
  for (const r of requests) byEntry.set(r.entry, r);
  return byEntry;
}

/** Strictly ascending, so each entry is there once (a map would keep the last of several). */
function ascending(requests: readonly RequestFacts[]): boolean {
  for (let i = 1; i < requests.length; i++) if (!(requests[i]!.entry > requests[i - 1]!.entry)) return false;
  return true;
}

class AscendingRequests implements RequestsByEntry {
  constructor(private readonly requests: readonly RequestFacts[]) {}

  get(entry: number): RequestFacts | undefined {
    let low = 0;
    let high = this.requests.length - 1;
    while (low <= high) {
      const mid = (low + high) >>> 1;
      const r = this.requests[mid]!;
      if (r.entry === entry) return r;
      if (r.entry < entry) low = mid + 1;
      else high = mid - 1;
    }
    return undefined;
  }
}
