/** `bytes` as a stream of `size`-byte chunks (the last one shorter), as a file read piece by piece arrives. */
export async function* chunked(bytes: Uint8Array, size: number): AsyncGenerator<Uint8Array> {
  for (let at = 0; at < bytes.length; at += size) yield bytes.subarray(at, at + size);
}
