// The trace layer's public surface: the Trace types, header helpers and JSON text reading. Readers of files sit
// above it: HAR in core/har, native traces in core/native, and opening any file in core/open.

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
