// The lanes' legend: what each mark colour means (laneWords.ts LEGEND) and how IDs are coloured.
import { LEGEND } from '../laneWords.ts';

export function LaneLegend() {
  return (
    <ul class="lane-legend" data-testid="lane-legend" aria-label="Legend">
      <li class="legend-id">
        <span class="legend-id-swatch" aria-hidden="true" />
        one colour per session ID (from its name, e.g. h:1a2b3c4d; never red)
      </li>
      {LEGEND.map((item) => (
        <li key={item.tone} data-testid="lane-legend-item" data-tone={item.tone}>
          <span class={`legend-swatch tone-${item.tone}`} aria-hidden="true" />
          {item.words}
        </li>
      ))}
    </ul>
  );
}
