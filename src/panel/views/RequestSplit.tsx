// The request list and, once a row is opened, its detail in a pane to the right (as in DevTools' Network
// panel): the list stays, narrower (its key columns only); a handle between them drags the split (pointer, or
// ←/→ when focused) and the width is kept in the panel state. Docked narrow the detail takes the whole width
// (panel.css) and the list is back when the detail closes.
import { useEffect, useRef, useState } from 'preact/hooks';
import type { PanelController, UiState } from '../controller.ts';
import type { RequestRow, TraceView } from '../model.ts';
import { clampDetailWidth, DETAIL_MIN, LIST_MIN, widthAfterKey, widthAtPointer } from '../split.ts';
import { RequestDetail } from './Detail.tsx';
import { Timeline } from './Timeline.tsx';

/** The container's width, followed as the DevTools window is resized (0 where nothing is laid out). */
function useWidth(element: { readonly current: HTMLElement | null }): number {
  const [width, setWidth] = useState(0);
  useEffect(() => {
    const el = element.current;
    if (!el) return;
    const measure = () => setWidth(el.clientWidth);
    measure();
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => observer.disconnect();
  }, []);
  return width;
}

export function RequestSplit({
  view,
  rows,
  ui,
  controller,
}: {
  view: TraceView;
  rows: readonly RequestRow[];
  ui: UiState;
  controller: PanelController;
}) {
  const container = useRef<HTMLDivElement>(null);
  const room = useWidth(container);
  const dragging = useRef(false);
  const open = ui.detail && ui.selected !== undefined;
  // Until laid out (room 0) the stylesheet's default share applies.
  const width = room > 0 ? clampDetailWidth(ui.detailWidth, room) : undefined;
  const style = width === undefined ? undefined : { '--detail-width': `${width}px` };
  return (
    <div ref={container} class={`split${open ? ' with-detail' : ''}`} data-testid="request-split" style={style}>
      <Timeline
        rows={rows}
        selected={ui.selected}
        controller={controller}
        sort={ui.sort}
        widths={ui.columnWidths}
        compact={open}
      />
      {open ? (
        <>
          {/* biome-ignore lint/a11y/useSemanticElements: an <hr> cannot be dragged or focused as a handle. */}
          <div
            class="split-handle"
            role="separator"
            aria-orientation="vertical"
            aria-label="Detail width"
            aria-valuemin={DETAIL_MIN}
            aria-valuemax={Math.max(DETAIL_MIN, room - LIST_MIN)}
            aria-valuenow={width ?? DETAIL_MIN}
            tabIndex={0}
            title="Drag (or ←/→) to resize the detail"
            data-testid="split-handle"
            onPointerDown={(e) => {
              (e.currentTarget as HTMLElement).setPointerCapture?.(e.pointerId);
              dragging.current = true;
              e.preventDefault();
            }}
            onPointerMove={(e) => {
              const box = container.current?.getBoundingClientRect();
              if (dragging.current && box) controller.setDetailWidth(widthAtPointer(e.clientX, box.right, box.width));
            }}
            onPointerUp={() => {
              dragging.current = false;
            }}
            onKeyDown={(e) => {
              const next = widthAfterKey(e.key, e.shiftKey, width ?? DETAIL_MIN, room);
              if (next === undefined) return;
              e.preventDefault();
              controller.setDetailWidth(next);
            }}
          />
          <RequestDetail view={view} entry={ui.selected!} controller={controller} />
        </>
      ) : null}
    </div>
  );
}
