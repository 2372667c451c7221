// Trace formats in and out (issue 6), for the CLI and the panel: the native trace (export, strict import),
// HAR 1.2 export, redaction, the streaming HAR reader for files too big for one string, and the HTML report.

export { exportHar } from './harExport.ts';
export { HarStreamReader, readHarStream } from './harStream.ts';
export type { HtmlReportInput, ReportedAnalysis } from './htmlReport.ts';
export { escapeHtml, htmlReport } from './htmlReport.ts';
export type { ExportOptions, NativeTrace } from './native.ts';
export { exportNativeTrace, NATIVE_FORMAT, NATIVE_VERSION, parseNativeTrace, parseNativeTraceText } from './native.ts';
export type { SavedAnalysis } from './nativeRead.ts';
export type { TraceRedaction } from './redactTrace.ts';
export { redactCookieHeader, redactCookieValue, redactSetCookieLine, redactTrace } from './redactTrace.ts';
