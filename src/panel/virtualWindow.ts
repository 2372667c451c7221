// Fixed-row-height windowing for the timeline: which rows a scroll position shows, where they sit, and
// whether the view is at the bottom (auto-scroll follows new rows only then). Written here rather than
// taking @tanstack/virtual-core: with one row height the whole job is this arithmetic, it is easy to test
// exactly, and the panel stays free of a dependency whose measuring machinery it would not use.

export interface WindowInput {
  readonly count: number;
  readonly rowHeight: number;
  readonly scrollTop: number;
  readonly viewportHeight: number;
  /** Rows rendered beyond each edge so a fast scroll does not show blank space. */
  readonly overscan?: number;
}

export interface RowWindow {
  /** First row rendered (inclusive). */
  readonly first: number;
  /** Last row rendered (exclusive). */
  readonly end: number;
  /** Pixel offset of row `first` from the top of the list. */
  readonly offsetTop: number;
  /** Height of the whole list: what the scrollbar measures. */
  readonly totalHeight: number;
}

export function visibleWindow({ count, rowHeight, scrollTop, viewportHeight, overscan = 8 }: WindowInput): RowWindow {
  const totalHeight = count * rowHeight;
  const top = Math.max(0, Math.min(scrollTop, Math.max(0, totalHeight - viewportHeight)));
  const firstVisible = Math.floor(top / rowHeight);
  const lastVisible = Math.ceil((top + Math.max(0, viewportHeight)) / rowHeight);
  const first = Math.max(0, firstVisible - overscan);
  const end = Math.min(count, lastVisible + overscan);
  return { first, end: Math.max(first, end), offsetTop: first * rowHeight, totalHeight };
}

/** Within `slack` pixels of the end: the user is following the live tail. */
export function isAtBottom(scrollTop: number, viewportHeight: number, scrollHeight: number, slack = 4): boolean {
  return scrollTop + viewportHeight >= scrollHeight - slack;
}

/** The scrollTop that brings row `index` fully into view, moving as little as possible. */
export function scrollTopToReveal(index: number, rowHeight: number, scrollTop: number, viewportHeight: number): number {
  const rowTop = index * rowHeight;
  const rowBottom = rowTop + rowHeight;
  if (rowTop < scrollTop) return rowTop;
  if (rowBottom > scrollTop + viewportHeight) return Math.max(0, rowBottom - viewportHeight);
  return scrollTop;
}
