/**
 * The engine's entry point: a trace in, findings, session lanes and per-request cookie verdicts out. Pure and
 * deterministic — the same trace and settings give the same result, byte for byte once serialised.
 */
import { NOT_SENT_REASONS } from '../cookie/reasons.ts';
import type { Trace } from '../trace/types.ts';
import { NoMemory } from './analysisMemory.ts';
import type { AnalysisResult, AnalyzeOptions } from './resultTypes.ts';
import { AnalysisSession } from './session.ts';

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

/** The whole trace at once: a session fed every event, and its one snapshot (so it keeps nothing for a next). */
export function analyzeTrace(trace: Trace, options: AnalyzeOptions = {}): AnalysisResult {
  const session = new AnalysisSession(
    { ...options, ...(trace.source.browser ? { browser: trace.source.browser } : {}) },
    new NoMemory(),
  );
  session.feed(trace.events);
  return session.snapshot().result;
}

export { NOT_SENT_REASONS };
