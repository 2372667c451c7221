/**
 * The engine's entry point: a trace in, findings, session lanes and per-request cookie verdicts out. Pure and
 * deterministic — the same trace and settings give the same result, byte for byte once serialised.
 */
import { NOT_SENT_REASONS } from '../cookie/reasons.ts';
import type { Trace } from '../trace/types.ts';
import { analysisOf } from './analysisResult.ts';
import { Replay } from './replay.ts';
import type { AnalysisResult, AnalyzeOptions } from './resultTypes.ts';
import { withDefaults } from './settings.ts';

export type {
  AnalysisResult,
  AnalyzeOptions,
  Finding,
  JarCookieView,
  LaneIdView,
  RenderedEvidence,
  RequestView,
  SessionView,
} from './resultTypes.ts';

/**
 * The whole trace at once: its replay, then one analysis of the facts, with no memory (analysisMemory.ts): there
 * is no next snapshot to keep anything for. What a session (session.ts) fed every event answers at its first
 * snapshot; the replay's own state goes before the rules run.
 */
export function analyzeTrace(trace: Trace, options: AnalyzeOptions = {}): AnalysisResult {
  const settings = withDefaults(options.settings);
  return analysisOf(new Replay(trace, settings).run(), settings, options.values ?? 'redacted');
}

export { NOT_SENT_REASONS };
