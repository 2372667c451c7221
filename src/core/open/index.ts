// Opening a trace file, for the CLI and the panel: how (openTrace.ts), and the readers it chooses between.

export { HarStreamReader, readHarStream } from '../har/harStream.ts';
export type { HarStreamIndex, StreamProgress } from '../har/harStreamEvents.ts';
export { harEvents, indexHarStream, streamedTraceSummary } from '../har/harStreamEvents.ts';
export type { SniffedKind, TraceOpening } from './openTrace.ts';
export { openTrace, SNIFF_BYTES, STREAM_FROM_BYTES, sniffTraceKind } from './openTrace.ts';
export type { ReadTrace, TraceFileKind } from './readTrace.ts';
export { detectTraceFormat, parseTraceFile, readTraceText } from './readTrace.ts';
