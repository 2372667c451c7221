// A live recording's export file, built wherever its events are held: in the analysis worker (the page holds
// none of them) or on the page when the analysis runs there. Redacted unless the user opted in to raw values.
import type { AnalysisResult } from '../core/analysis/analyze.ts';
import { exportHar, exportNativeTrace } from '../core/formats/index.ts';
import type { Trace } from '../core/trace/types.ts';

export type ExportFormat = 'trace' | 'har';
export type ExportValues = 'raw' | 'redacted';

/** The file's text: a native trace or a HAR 1.2 file of the trace and the analysis shown for it. */
export function exportText(format: ExportFormat, trace: Trace, analysis: AnalysisResult, values: ExportValues): string {
  return format === 'trace' ? exportNativeTrace(trace, analysis, { values }) : exportHar(trace, analysis, { values });
}
