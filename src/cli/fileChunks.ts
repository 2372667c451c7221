// A file's bytes as a sequence of chunks for the streamed readers, read synchronously into one buffer that is
// reused for every chunk. Why not fs.createReadStream: on the 256 MiB benchmark file its 64 KiB chunks cost
// ~1.1 s of main-thread time per pass (a fresh Buffer and a thread-pool round trip each; 1 MiB ones ~0.6 s and
// more garbage at the peak), against ~0.1 s for these reads. The readers take what they keep out of a chunk
// before they ask for the next (harEntryScanner.ts copies an unfinished value), so reusing the buffer is safe.
import { closeSync, openSync, readSync } from 'node:fs';

/** Bytes per read: large enough that the per-chunk work is negligible, small against the peak RSS. */
export const CHUNK_BYTES = 1 << 20;

export async function* fileChunks(path: string, chunkBytes = CHUNK_BYTES): AsyncGenerator<Uint8Array> {
  const fd = openSync(path, 'r');
  try {
    const buffer = new Uint8Array(chunkBytes);
    for (;;) {
      const read = readSync(fd, buffer, 0, chunkBytes, null);
      if (read === 0) return;
      yield read === chunkBytes ? buffer : buffer.subarray(0, read);
    }
  } finally {
    closeSync(fd);
  }
}
