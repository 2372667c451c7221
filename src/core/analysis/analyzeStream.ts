/**
 * The engine's entry point for a trace that is read, not held: the events come from a source that can be
 * opened more than once (a file streamed twice), and the result is exactly what analyzeTrace gives for the
 * same events. The first opening answers the whole-trace questions (TracePrepass), the second is the replay;
 * a caller that already made the first pass (while indexing a file, say) hands its answers over instead.
 */

import { cookieDefaultsFor, type JarDefaults } from '../cookie/browserDefaults.ts';
import type { TraceEvent } from '../trace/types.ts';
import { analysisOf } from './analysisResult.ts';
import type { AnalysisResult } from './analyze.ts';
import { type PrepassResult, TracePrepass } from './prepass.ts';
import { EventReplay, type ReplayedFacts } from './replay.ts';
import type { SessionOptions } from './session.ts';
import type { AnalysisSettings } from './settings.ts';
import { withDefaults } from './settings.ts';

export type StreamAnalyzeOptions = SessionOptions;

/**
 * The second opening replayed with the first opening's answers, then one analysis of the facts with no memory
 * (analysisMemory.ts): what a session given the same answers says at its one snapshot, for less.
 */
export async function analyzeEventStream(
  openEvents: () => AsyncIterable<TraceEvent> | Iterable<TraceEvent>,
  options: StreamAnalyzeOptions = {},
): Promise<AnalysisResult> {
  const settings = withDefaults(options.settings);
  let prepass = options.prepass;
  if (!prepass) {
    const first = new TracePrepass(settings);
    for await (const event of openEvents()) first.feed(event);
    prepass = first.finish();
  }
  const facts = await replayed(openEvents(), settings, prepass, cookieDefaultsFor(options.browser));
  return analysisOf(facts, settings, options.values ?? 'redacted');
}

/**
 * The facts of one replay of the events. A function of its own so that the replay (its jar, its pools, its maps
 * by cookie: a fifth of a big file's live heap) is garbage once the facts are out, before the rules run.
 */
async function replayed(
  events: AsyncIterable<TraceEvent> | Iterable<TraceEvent>,
  settings: AnalysisSettings,
  prepass: PrepassResult,
  cookieDefaults: JarDefaults,
): Promise<ReplayedFacts> {
  const replay = new EventReplay(settings, prepass, cookieDefaults, 'pooled');
  for await (const event of events) replay.feed(event);
  return replay.facts();
}
