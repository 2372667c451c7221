// Trace formats out (issue 6), for the CLI and the panel: HAR 1.2 export and the HTML report; with the native
// trace (core/native: export, strict import, redaction) and the streaming HAR reader (core/har) re-exported for
// the callers that import them from here.

export { HarStreamReader, readHarStream } from '../har/harStream.ts';
export type { ExportOptions, NativeTrace } from '../native/native.ts';
export {
  exportNativeTrace,
  NATIVE_FORMAT,
  NATIVE_VERSION,
  parseNativeTrace,
  parseNativeTraceText,
} from '../native/native.ts';
export type { SavedAnalysis } from '../native/nativeRead.ts';
export type { TraceRedaction } from '../native/redactTrace.ts';
export { redactCookieHeader, redactCookieValue, redactSetCookieLine, redactTrace } from '../native/redactTrace.ts';
export { escapeHtml } from './escapeHtml.ts';
export { exportHar } from './harExport.ts';
export type { HtmlReportInput, ReportedAnalysis } from './htmlReport.ts';
export { htmlReport } from './htmlReport.ts';
