// The request list's columns as one table: label, width (fixed, or a share of what is left), the narrowest a
// drag may make it, and the key it sorts by. Sorting, resizing and the grid template are pure functions of
// that table and the panel state (which column sorts which way, the widths the user dragged).
import type { Severity } from '../core/rules/rule.ts';
import type { RequestRow } from './model.ts';

export type ColumnId = 'number' | 'time' | 'method' | 'url' | 'status' | 'session-ids' | 'cookies' | 'marks';

type SortKey = number | string;

export interface Column {
  readonly id: ColumnId;
  readonly label: string;
  /** What the header's tooltip says about the column. */
  readonly title: string;
  /** Default width in px; a column with `grow` takes at least this and a share of the room left. */
  readonly width: number;
  readonly grow?: number;
  /** The narrowest a drag may make it: wide enough for the label and the sort arrow, never "Met…". */
  readonly min: number;
  readonly sortKey: (row: RequestRow) => SortKey;
}

const SEVERITY_RANK: Readonly<Record<Severity, number>> = { high: 4, medium: 3, low: 2, info: 1 };

/** The row's worst finding first, then how many: "sort by findings" puts the worst requests together. */
function findingsKey(row: RequestRow): number {
  let worst = 0;
  for (const s of row.severities) worst = Math.max(worst, SEVERITY_RANK[s as Severity] ?? 0);
  return worst * 1000 + row.severities.length;
}

function sessionKey(row: RequestRow): string {
  const sent = row.cookiesSent.filter((c) => c.looksLikeSession).map((c) => `${c.name}=${c.idName ?? ''}`);
  const missed = row.notSent.map((n) => `${n.name}✕${n.reason}`);
  return [...sent, ...missed].join(' ');
}

export const COLUMNS: readonly Column[] = [
  {
    id: 'number',
    label: '#',
    title: "The request's #N in the CLI and reports",
    width: 48,
    min: 40,
    sortKey: (r) => r.entryIndex,
  },
  { id: 'time', label: 'Time', title: 'When the request started', width: 104, min: 96, sortKey: (r) => r.startedAt },
  { id: 'method', label: 'Method', title: 'HTTP method', width: 76, min: 70, sortKey: (r) => r.method },
  { id: 'url', label: 'URL', title: 'Path, then origin', width: 120, grow: 2, min: 60, sortKey: (r) => r.url },
  // A failed request (no status) sorts before every status.
  { id: 'status', label: 'Status', title: 'HTTP status', width: 68, min: 64, sortKey: (r) => r.status ?? -1 },
  {
    id: 'session-ids',
    label: 'Session ID sent',
    title: 'Session IDs sent, and session cookies not sent with the reason',
    width: 132,
    grow: 1.2,
    min: 132,
    sortKey: sessionKey,
  },
  {
    id: 'cookies',
    label: 'Cookies',
    title: 'Other cookies sent, and every Set-Cookie',
    width: 80,
    grow: 1.5,
    min: 80,
    sortKey: (r) => r.cookiesSent.length + r.cookiesSet.length,
  },
  {
    id: 'marks',
    label: 'Findings · events',
    title: 'Findings (worst first when sorted) and session events',
    width: 140,
    grow: 1.3,
    min: 140,
    sortKey: findingsKey,
  },
];

/** The columns the list keeps beside an open request detail (as DevTools' Network panel keeps the name). */
export const COMPACT_COLUMNS: readonly ColumnId[] = ['number', 'method', 'url', 'status'];

export interface SortOrder {
  readonly column: ColumnId;
  readonly direction: 'asc' | 'desc';
}

/** Recording order: the row number (the entry index) ascending. */
export const DEFAULT_SORT: SortOrder = { column: 'number', direction: 'asc' };

/** Widths in px the user dragged columns to; a column not in it keeps its default. */
export type ColumnWidths = Readonly<Partial<Record<ColumnId, number>>>;

/**
 * New requests arrive at the bottom in this order (recording order, or by start time): only then does the
 * list follow the live tail.
 */
export function newestLast(order: SortOrder): boolean {
  return order.direction === 'asc' && (order.column === 'number' || order.column === 'time');
}

/** A click on a column's header: the same column flips direction, another one sorts ascending. */
export function nextSort(current: SortOrder, column: ColumnId): SortOrder {
  if (current.column !== column) return { column, direction: 'asc' };
  return { column, direction: current.direction === 'asc' ? 'desc' : 'asc' };
}

function columnOf(id: ColumnId): Column {
  return COLUMNS.find((c) => c.id === id) ?? COLUMNS[0]!;
}

/** Rows in the order asked for; equal keys keep recording order (the row number), whichever direction. */
export function sortRows(rows: readonly RequestRow[], order: SortOrder): readonly RequestRow[] {
  if (order.column === DEFAULT_SORT.column && order.direction === 'asc') return rows;
  const key = columnOf(order.column).sortKey;
  const sign = order.direction === 'asc' ? 1 : -1;
  const keyed = rows.map((row) => ({ row, key: key(row) }));
  keyed.sort((a, b) => {
    const byKey =
      typeof a.key === 'number' && typeof b.key === 'number'
        ? a.key - b.key
        : String(a.key).localeCompare(String(b.key));
    return byKey !== 0 ? sign * byKey : a.row.entryIndex - b.row.entryIndex;
  });
  return keyed.map((k) => k.row);
}

/** The widths after dragging `id` to `width` px (never below the column's minimum). */
export function resizeColumn(widths: ColumnWidths, id: ColumnId, width: number): ColumnWidths {
  return { ...widths, [id]: Math.max(columnOf(id).min, Math.round(width)) };
}

/**
 * The CSS grid template of the columns shown: a dragged column is exactly its width; others take their default,
 * growing ones `minmax(default, share)`. Beside the detail (`compact`) only COMPACT_COLUMNS show and the URL
 * takes what is left.
 */
export function gridTemplate(widths: ColumnWidths, compact = false): string {
  const shown = compact ? COLUMNS.filter((c) => COMPACT_COLUMNS.includes(c.id)) : COLUMNS;
  return shown
    .map((c) => {
      if (compact && c.id === 'url') return `minmax(${c.min}px, 1fr)`;
      const dragged = widths[c.id];
      if (dragged !== undefined) return `${dragged}px`;
      return c.grow ? `minmax(${c.width}px, ${c.grow}fr)` : `${c.width}px`;
    })
    .join(' ');
}

/** The row's number as every output writes it: the entry index, `#3` (CLI text, HTML report, story). */
export function rowNumber(row: Pick<RequestRow, 'entryIndex'>): string {
  return `#${row.entryIndex}`;
}
