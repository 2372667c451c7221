// Reading HAR 1.2 files: whole (har.ts) or streamed (harStream.ts, and in two passes for analysis,
// harStreamEvents.ts), each entry by the one entry reader (harEntry.ts).

export { HarTraceBuilder, harToTrace, parseHar } from './har.ts';
export { HarStreamReader, readHarStream } from './harStream.ts';
export type { HarStreamIndex, StreamProgress } from './harStreamEvents.ts';
export { HarEventReader, HarIndexer, harEvents, indexHarStream, streamedTraceSummary } from './harStreamEvents.ts';
export type { HarTime } from './harTime.ts';
export { parseHarTime } from './harTime.ts';
