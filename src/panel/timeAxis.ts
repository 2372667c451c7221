// The lanes' time axis. The lanes place requests in order (each request one equal step, so a burst of
// requests stays readable), so the axis is not linear in time: each tick sits at a request and names the
// wall-clock time that request started, in the timeline's own clock (local time). The precision follows the
// recording's span: milliseconds when it is short (a redirect chain, a login), seconds otherwise, and the
// date when it runs over days.

export interface TimedEntry {
  readonly entry: number;
  readonly startedAt: number;
}

export interface AxisTick {
  readonly entry: number;
  /** Position as a fraction (0–1) of the lanes' entry span, at the start of the request, as segments are. */
  readonly at: number;
  readonly label: string;
  /** With more ticks than a narrow panel fits, every other tick is minor: a narrow panel hides those. */
  readonly minor: boolean;
}

/** Ticks a docked (~550 px) panel shows side by side without their labels overlapping. */
export const MAX_MAJOR_TICKS = 4;

export type ClockPrecision = 'ms' | 's' | 'day';

/** The precision by the recording's span in ms: the first row whose bound the span is under. */
const PRECISION_BY_SPAN: readonly { readonly under: number; readonly precision: ClockPrecision }[] = [
  { under: 10_000, precision: 'ms' },
  { under: 86_400_000, precision: 's' },
  { under: Number.POSITIVE_INFINITY, precision: 'day' },
];

export function precisionFor(spanMs: number): ClockPrecision {
  return PRECISION_BY_SPAN.find((p) => spanMs < p.under)!.precision;
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** A wall-clock time in local time, as the timeline's Time column shows it, to `precision`. */
export function clockLabel(ms: number, precision: ClockPrecision): string {
  const d = new Date(ms);
  const hms = `${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
  if (precision === 'ms') return `${hms}.${pad(d.getMilliseconds(), 3)}`;
  if (precision === 's') return hms;
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/**
 * Up to `count` ticks spread evenly over the entries `first` … `end` (exclusive), each at an entry the
 * recording holds. A tick whose label repeats the previous one is left out (several requests in one second).
 */
export function axisTicks(
  entries: readonly TimedEntry[],
  range: { readonly first: number; readonly end: number },
  count: number,
): AxisTick[] {
  if (entries.length === 0 || count < 1) return [];
  const sorted = [...entries].sort((a, b) => a.entry - b.entry);
  const span = Math.max(1, range.end - range.first);
  const times = sorted.map((e) => e.startedAt);
  const precision = precisionFor(Math.max(...times) - Math.min(...times));
  const picks = count === 1 || sorted.length === 1 ? [0] : [];
  if (picks.length === 0) {
    const steps = Math.min(count, sorted.length) - 1;
    for (let i = 0; i <= steps; i++) picks.push(Math.round((i * (sorted.length - 1)) / steps));
  }
  const ticks: Omit<AxisTick, 'minor'>[] = [];
  for (const k of new Set(picks)) {
    const e = sorted[k]!;
    const label = clockLabel(e.startedAt, precision);
    if (ticks.at(-1)?.label === label) continue;
    ticks.push({ entry: e.entry, at: (e.entry - range.first) / span, label });
  }
  // A narrow panel fits about four labels: beyond that, every other tick is minor (hidden there).
  return ticks.map((t, i) => ({ ...t, minor: ticks.length > MAX_MAJOR_TICKS && i % 2 === 1 }));
}
