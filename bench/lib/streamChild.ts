// Child process of the streaming row: `raw FILE` reads the file through a stream and counts bytes (the
// I/O floor); `reader FILE` analyses it as the CLI does with a large HAR, from the core alone: a first pass
// indexes it (with the session-cookie pre-pass), a second streams its events into analyzeEventStream.
// Prints one JSON line {bytes, entries?, findings?, readMs (the first pass), ms}.
import { createReadStream, statSync } from 'node:fs';
import { analyzeEventStream } from '../../src/core/analysis/analyzeStream.ts';
import { TracePrepass } from '../../src/core/analysis/prepass.ts';
import { withDefaults } from '../../src/core/analysis/settings.ts';
import { harEvents, indexHarStream } from '../../src/core/har/harStreamEvents.ts';

const [mode, file] = process.argv.slice(2) as [string, string];
const t = performance.now();
if (mode === 'raw') {
  let bytes = 0;
  for await (const chunk of createReadStream(file, { highWaterMark: 1 << 20 })) bytes += (chunk as Buffer).length;
  console.log(JSON.stringify({ bytes, ms: performance.now() - t }));
} else {
  // 64 KiB chunks, as the CLI reads (bigger ones raise the peak RSS while they wait for a collection).
  const open = () => createReadStream(file, { highWaterMark: 1 << 16 });
  const prepass = new TracePrepass(withDefaults({}));
  const index = await indexHarStream(open(), file, (entry) => prepass.feed({ kind: 'entry', entry }));
  const readMs = performance.now() - t;
  const result = await analyzeEventStream(() => harEvents(open(), index, file), {
    values: 'redacted',
    ...(index.order ? {} : { prepass: prepass.finish() }),
  });
  console.log(
    JSON.stringify({
      bytes: statSync(file).size,
      entries: index.entryCount,
      findings: result.findings.length,
      readMs,
      ms: performance.now() - t,
    }),
  );
}
