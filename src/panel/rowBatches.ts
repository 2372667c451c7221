// The worker's changed rows cut into messages of bounded size. Each message is a task on the page: it is
// copied across (the structured clone is read on the page's thread), parsed and applied there. A message
// of a few hundred long rows (half a megabyte) holds the page for ~15 ms; bounding its characters as well
// as its rows keeps each one to a few milliseconds, so the page can fit several between two frames.

export interface BatchBudget {
  /** Rows per message at most. */
  readonly maxRows: number;
  /** Characters of row text per message at most (a single longer row goes alone). */
  readonly maxChars: number;
}

/**
 * Where each batch of `texts` ends (exclusive), in order: consecutive runs within the budget, each as long
 * as the budget allows. No texts, no batches.
 */
export function batchEnds(texts: readonly string[], budget: BatchBudget): number[] {
  const ends: number[] = [];
  let rows = 0;
  let chars = 0;
  texts.forEach((text, i) => {
    const fits = rows < budget.maxRows && chars + text.length <= budget.maxChars;
    if (rows > 0 && !fits) {
      ends.push(i);
      rows = 0;
      chars = 0;
    }
    rows++;
    chars += text.length;
  });
  if (rows > 0) ends.push(texts.length);
  return ends;
}
