// The split between the request list and the request detail beside it: how wide the detail may be for the
// room there is, and how the drag handle's keys move it. The width lives in the panel state (UiState).

/** The detail never gets narrower than this, nor leaves the list less than LIST_MIN px. */
export const DETAIL_MIN = 260;
export const LIST_MIN = 180;
/** Below this panel width the detail takes the whole width (docked narrow); the list is back on close. */
export const SIDE_BY_SIDE_MIN = 480;
/** One arrow-key press on the handle; Shift moves ten times as far. */
export const KEY_STEP = 16;

/** The share of the room the detail takes until the handle is dragged. */
export const DEFAULT_DETAIL_SHARE = 0.55;

/** The detail's width for a container `room` px wide: the one asked for, kept between the two minimums. */
export function clampDetailWidth(asked: number | undefined, room: number): number {
  const wanted = asked ?? Math.round(room * DEFAULT_DETAIL_SHARE);
  const max = Math.max(DETAIL_MIN, room - LIST_MIN);
  return Math.round(Math.min(max, Math.max(DETAIL_MIN, wanted)));
}

/** The width a key on the focused handle asks for (the handle is the detail's left edge), or undefined. */
export function widthAfterKey(key: string, shift: boolean, width: number, room: number): number | undefined {
  const step = shift ? KEY_STEP * 10 : KEY_STEP;
  const moves: Readonly<Record<string, number>> = {
    ArrowLeft: width + step,
    ArrowRight: width - step,
    Home: room - LIST_MIN,
    End: DETAIL_MIN,
  };
  const asked = moves[key];
  return asked === undefined ? undefined : clampDetailWidth(asked, room);
}

/** The width a pointer at `clientX` drags the detail to, the container's right edge at `right`. */
export function widthAtPointer(clientX: number, right: number, room: number): number {
  return clampDetailWidth(right - clientX, room);
}
