/**
 * Which requests' verdicts differ between two analyses of the same growing trace: what a view showing one row
 * per request must redraw. A request's own facts never change once replayed (a new replay is a new start);
 * what can change later is what the rest of the trace decides about it: its findings (a rotation at a login is
 * known only after the next request) and the lane ends drawn on it (an ID ends where its successor appears).
 * A finding that did not change is the very object of the last snapshot (findingReuse.ts), so sameData's first
 * test, identity, settles most of them.
 */
import type { AnalysisResult, Finding, SessionView } from './resultTypes.ts';
import { sameData } from './sameData.ts';

/** Findings by the entry they concern, in the result's order. */
function findingsByEntry(findings: readonly Finding[]): Map<number, Finding[]> {
  const byEntry = new Map<number, Finding[]>();
  for (const f of findings) {
    const list = byEntry.get(f.entry);
    if (list) list.push(f);
    else byEntry.set(f.entry, [f]);
  }
  return byEntry;
}

/** What ended an ID at each entry: the lane's cookie, the ending rule and its cause (a row's markers). */
function laneEndsByEntry(sessions: readonly SessionView[]): Map<number, string[]> {
  const byEntry = new Map<number, string[]>();
  for (const lane of sessions) {
    for (const id of lane.ids) {
      if (id.endEntry === undefined) continue;
      const end = `${lane.cookie}\u0000${id.endedBy ?? ''}\u0000${id.cause ?? ''}`;
      const list = byEntry.get(id.endEntry);
      if (list) list.push(end);
      else byEntry.set(id.endEntry, [end]);
    }
  }
  return byEntry;
}

function addDiffering<T>(
  before: ReadonlyMap<number, T>,
  after: ReadonlyMap<number, T>,
  same: (a: T, b: T) => boolean,
  into: Set<number>,
): void {
  for (const [entry, now] of after) {
    const was = before.get(entry);
    if (was === undefined || !same(was, now)) into.add(entry);
  }
  for (const entry of before.keys()) if (!after.has(entry)) into.add(entry);
}

/**
 * The entries whose row differs from `before` to `after`, two analyses of one replay where `after` covers the
 * same events and more: the new requests, and earlier ones whose findings or lane ends changed. Ascending.
 */
export function changedEntries(before: AnalysisResult, after: AnalysisResult): number[] {
  const changed = new Set<number>();
  const known = before.facts.requests.length;
  const requests = after.facts.requests;
  for (let i = known; i < requests.length; i++) changed.add(requests[i]!.entry);
  addDiffering(findingsByEntry(before.findings), findingsByEntry(after.findings), sameData, changed);
  addDiffering(
    laneEndsByEntry(before.sessions),
    laneEndsByEntry(after.sessions),
    (a, b) => a.length === b.length && a.every((end, i) => end === b[i]),
    changed,
  );
  return [...changed].sort((a, b) => a - b);
}
