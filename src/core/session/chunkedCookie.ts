/**
 * A cookie written in chunks. ASP.NET Core's ChunkingCookieManager (the default for its cookie authentication)
 * splits a value longer than ~4 KB — an authentication ticket with many claims, common behind an OpenID Connect
 * sign-in — into `<name>C1`…`<name>CN` and sets `<name>=chunks-N` as the marker; it reads the value back as the
 * chunks joined. One session then arrives as N + 1 cookies that are set, sent and deleted together, and a ticket
 * that shrinks deletes its surplus chunks. Taken one by one they would be N sessions, and a shrinking ticket a lost
 * one. The first chunk begins the value (and its random part: the cipher's IV), so it changes exactly when the value
 * does: it stands for the chunked cookie; the later chunks are parts of it, not sessions of their own.
 */

/** The marker value of the cookie whose value is in chunks: the chunk count, the same for every user. */
const CHUNK_COUNT_MARKER = /^chunks-\d{1,4}$/;

export function isChunkCountMarker(value: string): boolean {
  return CHUNK_COUNT_MARKER.test(value);
}

export interface ChunkName {
  /** The name of the chunked cookie (the one holding the marker). */
  readonly base: string;
  /** 1 for the first chunk. */
  readonly index: number;
}

const CHUNK_NAME = /^(.+)C([1-9]\d{0,3})$/;

/** The chunked cookie and position a name would have as a chunk (`.AspNetCore.CookiesC2` → 2 of `.AspNetCore.Cookies`). */
export function chunkNameOf(name: string): ChunkName | undefined {
  const match = CHUNK_NAME.exec(name);
  return match ? { base: match[1]!, index: Number(match[2]) } : undefined;
}
