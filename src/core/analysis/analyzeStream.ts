/**
 * The engine's entry point for a trace that is read, not held: the events come from a source that can be
 * opened more than once (a file streamed twice), and the result is exactly what analyzeTrace gives for the
 * same events. The first opening answers the whole-trace questions (TracePrepass), the second is the replay;
 * a caller that already made the first pass (while indexing a file, say) hands its answers over instead.
 */

import { cookieDefaultsFor } from '../cookie/browserDefaults.ts';
import type { RecordingBrowser } from '../trace/recordingBrowser.ts';
import type { TraceEvent } from '../trace/types.ts';
import { type AnalysisResult, type AnalyzeOptions, analysisOf } from './analyze.ts';
import { type PrepassResult, TracePrepass } from './prepass.ts';
import { EventReplay } from './replay.ts';
import { withDefaults } from './settings.ts';

export interface StreamAnalyzeOptions extends AnalyzeOptions {
  /** The first pass's answers, made with the same settings over the same events in the same order. */
  readonly prepass?: PrepassResult;
  /** The recording browser (events carry no source): its cookie defaults apply, as analyzeTrace applies them. */
  readonly browser?: RecordingBrowser;
}

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
  const laxByDefault = cookieDefaultsFor(options.browser).laxByDefault;
  const replay = new EventReplay(settings, prepass, laxByDefault);
  for await (const event of openEvents()) replay.feed(event);
  return analysisOf(replay.finish(), settings, options.values ?? 'redacted');
}
