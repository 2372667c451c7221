/** The requests of a replay by entry number: what the rules (RuleContext.request) and the stories look up. */
import type { RequestFacts } from './facts.ts';

/**
 * A plain loop: `new Map(requests.map((r) => [r.entry, r]))` would first make a pair per request, as much
 * garbage again as the map itself, all at once, at the peak of a big analysis.
 */
export function requestsByEntry(requests: readonly RequestFacts[]): Map<number, RequestFacts> {
  const byEntry = new Map<number, RequestFacts>();
  for (const r of requests) byEntry.set(r.entry, r);
  return byEntry;
}
