// Child process of the streaming row: `raw FILE` reads the file through a stream and counts bytes (the
// I/O floor); `reader FILE` streams it through the core's HAR stream reader and analyzeTrace, as a CLI
// with streaming input would. Prints one JSON line {bytes, entries?, findings?, ms}.
import { createReadStream, statSync } from 'node:fs';
import { analyzeTrace } from '../../src/core/analysis/analyze.ts';
import { readHarStream } from '../../src/core/formats/harStream.ts';

const [mode, file] = process.argv.slice(2) as [string, string];
const t = performance.now();
if (mode === 'raw') {
  let bytes = 0;
  for await (const chunk of createReadStream(file, { highWaterMark: 1 << 20 })) bytes += (chunk as Buffer).length;
  console.log(JSON.stringify({ bytes, ms: performance.now() - t }));
} else {
  const trace = await readHarStream(createReadStream(file, { highWaterMark: 1 << 20 }), file);
  const readMs = performance.now() - t;
  const result = analyzeTrace(trace, { values: 'redacted' });
  console.log(
    JSON.stringify({
      bytes: statSync(file).size,
      entries: trace.events.length,
      findings: result.findings.length,
      readMs,
      ms: performance.now() - t,
    }),
  );
}
