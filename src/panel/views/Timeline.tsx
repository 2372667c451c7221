// The timeline: one row per request, newest at the bottom, windowed (only the rows in view are in the
// DOM, so 100,000 rows scroll like 100), following the live tail until the user scrolls up and again once
// they are back at the bottom. ↑/↓ move the selection, Enter opens the request's detail. A header click
// sorts by that column (again: the other way); a header's right edge drags its width. Beside an open detail
// (`compact`) only the #, method, URL and status columns are laid out; the other cells stay in the DOM, hidden.
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { clockTime } from '../clock.ts';
import {
  COLUMNS,
  type ColumnWidths,
  DEFAULT_SORT,
  gridTemplate,
  newestLast,
  rowNumber,
  type SortOrder,
} from '../columns.ts';
import type { PanelController } from '../controller.ts';
import { findingPill, findingsCount } from '../findingPill.ts';
import type { RequestRow } from '../model.ts';
import { isAtBottom, scrollTopToReveal, visibleWindow } from '../virtualWindow.ts';

export const ROW_HEIGHT = 22;

/** The part of a URL that tells requests apart (path and query); the origin follows, dimmed. */
function pathOf(url: string): string {
  try {
    const u = new URL(url);
    return `${u.pathname}${u.search}`;
  } catch {
    return url;
  }
}

function hueStyle(hue: number | undefined) {
  return hue === undefined ? undefined : { '--id-hue': String(hue) };
}

function Row({ row, selected, onClick }: { row: RequestRow; selected: boolean; onClick: (row: RequestRow) => void }) {
  const failed = row.status === undefined || row.status >= 400;
  const session = row.cookiesSent.filter((c) => c.looksLikeSession);
  const others = row.cookiesSent.filter((c) => !c.looksLikeSession);
  return (
    // biome-ignore lint/a11y/useKeyWithClickEvents: the list handles the keyboard for every row (↑/↓/Enter).
    <div
      role="option"
      tabIndex={-1}
      aria-selected={selected}
      data-testid="request-row"
      data-seq={row.seq}
      data-entry={row.entryIndex}
      class={`trow${selected ? ' selected' : ''}${failed ? ' failed' : ''}`}
      onClick={() => onClick(row)}
    >
      <span class="cell number" data-testid="row-number" title={`${rowNumber(row)} in the CLI and reports`}>
        {row.entryIndex}
      </span>
      <span class="cell time">{clockTime(row.startedAt)}</span>
      <span class="cell method" data-testid="row-method">
        {row.method}
      </span>
      <span class="cell url" data-testid="row-url" title={row.url}>
        <span class="url-path">{pathOf(row.url)}</span> <span class="url-origin">{row.origin}</span>
      </span>
      <span class="cell status" data-testid="row-status">
        {row.status === undefined ? 'failed' : String(row.status)}
      </span>
      <span class="cell session-ids">
        {session.map((c, i) => (
          <span
            key={`${c.name}#${i}`}
            class="id-chip"
            style={hueStyle(c.hue)}
            data-testid="cookie-sent"
            data-cookie-name={c.name}
            title={`${c.name} sent${c.idName ? ` (${c.idName} in the reports)` : ''}`}
          >
            {/* The report's name of the ID first: it is what stays visible in a narrow column. */}
            <span class="cookie-name">{c.name}</span>=
            {c.idName ? (
              <span class="id-hash lead" data-testid="id-hash">
                {c.idName}
              </span>
            ) : null}
            <span class={`cookie-value${c.idName ? ' after-hash' : ''}`}>{c.shownValue}</span>
          </span>
        ))}
        {row.notSent.map((n, i) => (
          <span
            key={`${n.name}!${i}`}
            class={`not-sent-chip${n.session ? ' session' : ''}`}
            data-testid="cookie-not-sent"
            data-cookie-name={n.name}
            title={`${n.name} not sent: ${n.reason}`}
          >
            <span class="cookie-name">{n.name}</span> ✕{' '}
            <span class="reason" data-testid="not-sent-reason">
              {n.reason}
            </span>
          </span>
        ))}
      </span>
      <span class="cell cookies">
        {/* One text node a cookie: a live row is laid out anew when it scrolls in, and with name and value elements
            each ordinary cookie was five layout objects instead of two, on every row of a site that sends dozens. */}
        {others.map((c, i) => (
          <span key={`${c.name}#${i}`} class="sent-plain" data-testid="cookie-sent" data-cookie-name={c.name}>
            {`${c.name}=${c.shownValue}`}
          </span>
        ))}
        {row.cookiesSet.map((c, i) => (
          <span
            key={`${c.name}@${i}`}
            class={`set-item${c.looksLikeSession ? ' session' : ''}${c.deletes ? ' deletes' : ''}`}
            data-testid="cookie-set"
            data-cookie-name={c.name}
          >
            <span class="cookie-name">{c.name}</span>=
            {c.idName ? (
              <span class="id-hash lead" data-testid="id-hash">
                {c.idName}
              </span>
            ) : null}
            <span class={`cookie-value${c.idName ? ' after-hash' : ''}`}>{c.shownValue}</span>
            {c.deletes ? <span class="badge">deleted</span> : null}
            {c.rejectedReason ? (
              <span class="badge rejected" data-testid="set-rejected">
                rejected: {c.rejectedReason}
              </span>
            ) : null}
            {c.attributes.length > 0 ? <span class="cookie-attributes"> {c.attributes.join('; ')}</span> : null}
          </span>
        ))}
      </span>
      <span class="cell marks">
        <FindingsCount findings={row.findings} />
        {row.findings.map((f, i) => {
          const pill = findingPill(f);
          return (
            <span
              key={`${f.rule}#${i}`}
              class={`finding-badge severity-${f.severity}`}
              data-testid="finding"
              data-rule={f.rule}
              data-severity={f.severity}
              title={pill.hover}
            >
              {pill.text}
            </span>
          );
        })}
        {row.markers.map((m) => (
          <span
            key={`${m.kind}:${m.cookie}`}
            class={`marker marker-${m.kind}`}
            data-testid="marker"
            data-kind={m.kind}
            title={m.label}
          >
            {m.label}
          </span>
        ))}
      </span>
    </div>
  );
}

const SORT_ARROW = { asc: '▲', desc: '▼' } as const;
const SORTED_WORDS = { asc: 'sorted ascending', desc: 'sorted descending' } as const;
/** One arrow-key press on a column's resize grip, in px. */
const COLUMN_KEY_STEP = 8;

/** The header: a sort button per column and a grip on its right edge that drags (or arrow-keys) its width. */
function Header({ sort, widths, controller }: { sort: SortOrder; widths: ColumnWidths; controller: PanelController }) {
  const drag = useRef<{ id: (typeof COLUMNS)[number]['id']; startX: number; startWidth: number } | undefined>();
  const widthOf = (el: Element) => (el.parentElement?.getBoundingClientRect().width ?? 0) || 0;
  return (
    <div class="trow thead">
      {COLUMNS.map((c) => {
        const sorted = sort.column === c.id ? sort.direction : undefined;
        return (
          <span
            key={c.id}
            class={`cell ${c.id}${sorted ? ' sorted' : ''}`}
            data-testid="column-header"
            data-column={c.id}
          >
            <button
              type="button"
              class="sort"
              title={`${c.title}. Click to sort.`}
              aria-label={`${c.label}${sorted ? `, ${SORTED_WORDS[sorted]}` : ''}`}
              onClick={() => controller.sortBy(c.id)}
            >
              {c.label}
              <span class="sort-arrow" aria-hidden="true">
                {sorted ? SORT_ARROW[sorted] : ''}
              </span>
            </button>
            {/* biome-ignore lint/a11y/useSemanticElements: an <hr> cannot be dragged or focused as a grip. */}
            <span
              class="col-resize"
              role="separator"
              aria-orientation="vertical"
              aria-label={`${c.label} column width`}
              aria-valuenow={widths[c.id] ?? c.width}
              tabIndex={0}
              data-testid="column-resize"
              data-column={c.id}
              onPointerDown={(e) => {
                const el = e.currentTarget as HTMLElement;
                el.setPointerCapture?.(e.pointerId);
                drag.current = { id: c.id, startX: e.clientX, startWidth: widthOf(el) };
                e.preventDefault();
              }}
              onPointerMove={(e) => {
                const d = drag.current;
                if (d?.id === c.id) controller.resizeColumn(c.id, d.startWidth + e.clientX - d.startX);
              }}
              onPointerUp={() => {
                drag.current = undefined;
              }}
              onKeyDown={(e) => {
                const step = { ArrowLeft: -COLUMN_KEY_STEP, ArrowRight: COLUMN_KEY_STEP }[e.key];
                if (step === undefined) return;
                e.preventDefault();
                controller.resizeColumn(c.id, widthOf(e.currentTarget as HTMLElement) + step);
              }}
            />
          </span>
        );
      })}
    </div>
  );
}

export function Timeline({
  rows,
  selected,
  controller,
  sort = DEFAULT_SORT,
  widths = {},
  compact = false,
}: {
  rows: readonly RequestRow[];
  selected: number | undefined;
  controller: PanelController;
  sort?: SortOrder;
  widths?: ColumnWidths;
  /** The detail is open beside the list: only the key columns. */
  compact?: boolean;
}) {
  const scroller = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [viewportHeight, setViewportHeight] = useState(600);
  /**
   * Following the live tail: true until the user scrolls up, true again once back at the bottom. A ref for the
   * effects that read it, state for the render: a change of it alone must render the other window.
   */
  const following = useRef(true);
  const [, setFollowingShown] = useState(true);
  const setFollowing = (value: boolean) => {
    following.current = value;
    setFollowingShown(value);
  };

  useEffect(() => {
    const el = scroller.current;
    if (!el) return;
    const measure = () => setViewportHeight(el.clientHeight || 600);
    measure();
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => observer.disconnect();
  }, []);

  // New rows: stay at the bottom if the user was there. The offset is not put in state here (nor by the scroll
  // event this causes, below): while following, the window rendered is the bottom one whatever the offset, and a
  // state change would render every batch of rows twice.
  useLayoutEffect(() => {
    const el = scroller.current;
    if (!el || !following.current || !newestLast(sort)) return;
    el.scrollTop = rows.length * ROW_HEIGHT;
  }, [rows.length]);

  // Another order: the window is rendered from the offset again, which following left out of state.
  useLayoutEffect(() => {
    const el = scroller.current;
    if (el) setScrollTop(el.scrollTop);
  }, [sort.column, sort.direction]);

  // A selection made elsewhere (keyboard, lanes, findings): bring it into view.
  const selectedPosition = selected === undefined ? -1 : rows.findIndex((r) => r.entryIndex === selected);
  useLayoutEffect(() => {
    const el = scroller.current;
    if (!el || selectedPosition < 0) return;
    const top = scrollTopToReveal(selectedPosition, ROW_HEIGHT, el.scrollTop, el.clientHeight || viewportHeight);
    if (top !== el.scrollTop) {
      el.scrollTop = top;
      setFollowing(isAtBottom(top, el.clientHeight, rows.length * ROW_HEIGHT));
      setScrollTop(top);
    }
  }, [selectedPosition]);

  const onScroll = () => {
    const el = scroller.current;
    if (!el) return;
    setFollowing(isAtBottom(el.scrollTop, el.clientHeight, el.scrollHeight));
    // Following the tail, the bottom window is rendered whatever the offset (see windowTop); scrolled away from it,
    // the offset is state (a change of `following` renders even when the offset kept in state is the same).
    if (!following.current || !newestLast(sort)) setScrollTop(el.scrollTop);
  };

  const onKeyDown = (event: KeyboardEvent) => {
    if (rows.length === 0) return;
    const at = selectedPosition;
    const move = (to: number) => {
      event.preventDefault();
      const row = rows[Math.max(0, Math.min(rows.length - 1, to))];
      if (row) controller.select(row.entryIndex);
    };
    if (event.key === 'ArrowDown') move(at < 0 ? 0 : at + 1);
    else if (event.key === 'ArrowUp') move(at < 0 ? rows.length - 1 : at - 1);
    else if (event.key === 'Home') move(0);
    else if (event.key === 'End') move(rows.length - 1);
    else if (event.key === 'Enter' && at >= 0) {
      event.preventDefault();
      controller.openDetail(rows[at]!.entryIndex);
    }
  };

  // Following the tail, the bottom window is rendered straight away, where the layout effect above then scrolls:
  // rendered at the old offset first, every batch of rows cost a second render and a second layout once the new
  // offset was read back (both forced layouts, 4 % of the panel's main thread while streaming: bench/panel-load.ts).
  const windowTop = following.current && newestLast(sort) ? rows.length * ROW_HEIGHT : scrollTop;
  const window = visibleWindow({ count: rows.length, rowHeight: ROW_HEIGHT, scrollTop: windowTop, viewportHeight });
  const shown = rows.slice(window.first, window.end);
  const onRowClick = (row: RequestRow) => controller.openDetail(row.entryIndex);
  return (
    <div
      class={`timeline${compact ? ' compact' : ''}`}
      data-testid="request-table"
      style={{ '--columns': gridTemplate(widths, compact) }}
    >
      <Header sort={sort} widths={widths} controller={controller} />
      <div
        class="tbody"
        ref={scroller}
        tabIndex={0}
        role="listbox"
        aria-label={`${rows.length} requests`}
        data-testid="timeline-scroller"
        onScroll={onScroll}
        onKeyDown={onKeyDown}
      >
        <div class="tspacer" style={{ height: `${window.totalHeight}px` }}>
          <div class="twindow" style={{ transform: `translateY(${window.offsetTop}px)` }}>
            {shown.map((row) => (
              <Row key={row.seq} row={row} selected={row.entryIndex === selected} onClick={onRowClick} />
            ))}
          </div>
        </div>
      </div>
    </div>
  );
}

function FindingsCount({ findings }: { readonly findings: RequestRow['findings'] }) {
  const count = findingsCount(findings);
  if (!count) return null;
  return (
    <span class="finding-count" data-testid="finding-count" title={count.hover}>
      {count.text}
    </span>
  );
}
