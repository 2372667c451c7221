// A trace's reading warnings, added to: what a reader of a part beside the entries (our export's events, its saved
// analysis) or the CLI has to say about the file goes after what the importer said.
import type { Trace, TraceInputWarning } from './types.ts';

/** The trace with `warnings` after its own; the same trace when there are none. */
export function withWarnings(trace: Trace, warnings: readonly TraceInputWarning[]): Trace {
  return warnings.length === 0 ? trace : { ...trace, warnings: [...(trace.warnings ?? []), ...warnings] };
}
