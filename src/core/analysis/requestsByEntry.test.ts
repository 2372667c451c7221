// Looking requests up by entry answers what a map of them answers, whether they come in ascending entries (bisected)
// or not (a map): every entry present, entries absent, and a repeated entry (the last one, as a map keeps).
import { describe, expect, it } from 'vitest';
import type { RequestFacts } from './facts.ts';
import { requestsByEntry } from './requestsByEntry.ts';

const requestsAt = (entries: number[]) =>
  entries.map((entry, i) => ({ entry, url: `#${i}` }) as unknown as RequestFacts);

function asMap(requests: RequestFacts[]): Map<number, RequestFacts> {
  return new Map(requests.map((r) => [r.entry, r]));
}

describe('requestsByEntry', () => {
  it.each([
    ['ascending', [0, 1, 2, 5, 9, 10, 11]],
    ['ascending, one', [3]],
    ['none', []],
    ['out of order', [0, 2, 1, 7, 5]],
    ['a repeated entry', [0, 1, 1, 2]],
  ])('%s: the same answers as a map, for entries present and absent', (_name, entries) => {
    const requests = requestsAt(entries);
    const index = requestsByEntry(requests);
    const map = asMap(requests);
    for (let entry = -2; entry <= 13; entry++) expect(index.get(entry), `entry ${entry}`).toBe(map.get(entry));
    expect(index.get(1.5)).toBeUndefined();
  });
});
