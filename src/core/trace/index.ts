// The trace layer's public surface: importers (HAR, format detection), header helpers and the types.

export type { TraceFileKind } from './detectFormat.ts';
export { detectTraceFormat, NATIVE_TRACE_FORMAT, NATIVE_TRACE_VERSION, parseTraceFile } from './detectFormat.ts';
export { harToTrace, parseHar } from './har.ts';
export type { HarTime } from './harTime.ts';
export { parseHarTime } from './harTime.ts';
export type { CookiePair } from './headers.ts';
export {
  cookieHeaderPairs,
  hasHeader,
  headerValue,
  headerValues,
  setCookieLines,
  splitSetCookieValue,
} from './headers.ts';
export { parseJsonText, stripByteOrderMark } from './jsonText.ts';
export type { ResourceTypeEvidence } from './resourceType.ts';
export { guessResourceType } from './resourceType.ts';
export * from './types.ts';
