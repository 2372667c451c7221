// The lanes' time axis: ticks at requests with the wall-clock time each started (timeAxis.ts), aligned with
// the lane tracks beneath it. Positions follow request order, so the caption says so.
import type { AxisTick } from '../timeAxis.ts';

const pct = (fraction: number) => `${(fraction * 100).toFixed(3)}%`;

/** Where a tick's label hangs off its tick: inward at the two ends, so no label leaves the track. */
function alignOf(at: number): 'start' | 'middle' | 'end' {
  if (at < 0.08) return 'start';
  return at > 0.88 ? 'end' : 'middle';
}

export function LaneAxis({ ticks }: { ticks: readonly AxisTick[] }) {
  return (
    <div class="lane-axis" data-testid="lane-axis">
      <div class="lane-axis-track">
        {ticks.map((t) => (
          <span
            key={t.entry}
            class={`lane-axis-tick align-${alignOf(t.at)}${t.minor ? ' minor' : ''}`}
            data-testid="lane-axis-tick"
            data-entry={t.entry}
            style={{ left: pct(t.at) }}
            title={`request #${t.entry} started at ${t.label}`}
          >
            {t.label}
          </span>
        ))}
      </div>
      <div class="lane-axis-caption muted">requests in order, left to right; times are when each request started</div>
    </div>
  );
}
