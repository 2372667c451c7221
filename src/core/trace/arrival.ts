import type { TraceEntry } from './types.ts';

/**
 * When the entry's response arrived (its start + duration): where its Set-Cookie took effect, so a request that
 * started before then was in flight beside it. Undefined where the trace gives no duration.
 */
export function responseArrivedAt(entry: TraceEntry): number | undefined {
  return entry.duration !== undefined && entry.duration > 0 ? entry.startedAt + entry.duration : undefined;
}
