/**
 * The engine's entry point for a trace that is read, not held: the events come from a source that can be
 * opened more than once (a file streamed twice), and the result is exactly what analyzeTrace gives for the
 * same events. The first opening answers the whole-trace questions (TracePrepass), the second is the replay;
 * a caller that already made the first pass (while indexing a file, say) hands its answers over instead.
 */

import type { TraceEvent } from '../trace/types.ts';
import { NoMemory } from './analysisMemory.ts';
import type { AnalysisResult } from './analyze.ts';
import { TracePrepass } from './prepass.ts';
import { AnalysisSession, type SessionOptions } from './session.ts';
import { withDefaults } from './settings.ts';

export type StreamAnalyzeOptions = SessionOptions;

/**
 * A session fed the events of the second opening, with the first opening's answers given to it; one snapshot at
 * the end, so it keeps nothing for a next.
 */
export async function analyzeEventStream(
  openEvents: () => AsyncIterable<TraceEvent> | Iterable<TraceEvent>,
  options: StreamAnalyzeOptions = {},
): Promise<AnalysisResult> {
  let prepass = options.prepass;
  if (!prepass) {
    const first = new TracePrepass(withDefaults(options.settings));
    for await (const event of openEvents()) first.feed(event);
    prepass = first.finish();
  }
  const session = new AnalysisSession({ ...options, prepass }, new NoMemory());
  const one: TraceEvent[] = [];
  for await (const event of openEvents()) {
    one[0] = event;
    session.feed(one);
  }
  return session.snapshot().result;
}
