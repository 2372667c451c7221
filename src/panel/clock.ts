// Times as the panel shows them: the wall clock with milliseconds (HH:MM:SS.mmm, as DevTools' Network panel
// does: requests a few ms apart must be told apart) and durations in ms or s.

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** Local wall-clock time of `ms` (ms since the epoch) as HH:MM:SS.mmm. */
export function clockTime(ms: number): string {
  const d = new Date(ms);
  return `${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}.${pad(d.getMilliseconds(), 3)}`;
}

/** The local calendar date of `ms` as YYYY-MM-DD (the same clock as `clockTime`). */
export function calendarDate(ms: number): string {
  const d = new Date(ms);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** A duration: whole milliseconds below a second, seconds with two decimals above. */
export function durationText(ms: number): string {
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(2)} s`;
}
