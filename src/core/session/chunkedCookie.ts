/**
 * A cookie written in chunks. A value longer than a browser keeps in one cookie (~4 KB: an authentication ticket with
 * many claims, an encrypted JWT, common behind an OpenID Connect sign-in) is split over several cookies, set, sent
 * and deleted together, and read back joined. Two ways of naming them are in wide use:
 * - ASP.NET Core's ChunkingCookieManager (the default of its cookie authentication): `<name>C1`…`<name>CN`, with
 *   `<name>=chunks-N` as the marker;
 * - a number after a dot, an underscore or a hyphen, counted from 0, with no marker: Auth.js / NextAuth.js
 *   (`next-auth.session-token.0`), Supabase's SSR client (`sb-<ref>-auth-token.0`), Auth0's SDKs (`appSession.0`),
 *   oauth2-proxy (`_oauth2_proxy_0`), AWS load balancers' authentication (`AWSELBAuthSessionCookie-0`).
 * Taken one by one, one session would be N sessions, and a value that shrinks (its surplus chunks deleted) a lost
 * one. The first chunk begins the value (and its random part, the cipher's IV), so it changes exactly when the value
 * does: it stands for the chunked cookie; the later chunks are parts of it, not sessions of their own.
 */

/** The marker value of ASP.NET Core's chunked cookie: the chunk count, the same for every user. */
const CHUNK_COUNT_MARKER = /^chunks-\d{1,4}$/;

export function isChunkCountMarker(value: string): boolean {
  return CHUNK_COUNT_MARKER.test(value);
}

/** What a name would be as a chunk, and what must be seen for it to be one. */
export type ChunkName = {
  /** The name of the chunked cookie. */
  readonly base: string;
  /** Its position, 1 for the first chunk. */
  readonly position: number;
} & (
  | { /** ASP.NET Core: chunked where the base cookie holds the `chunks-N` marker. */ readonly scheme: 'marker' }
  | {
      readonly scheme: 'numbered';
      /**
       * Chunked where the first and the second chunk are seen and the first is full (at least FULL_CHUNK_LENGTH): a
       * lone `x.0`, or short `x_0` and `x_1` (a tracker's two IDs), are cookies like any other.
       */
      readonly first: string;
      readonly second: string;
    }
);

/**
 * A value is split only when it does not fit one cookie, and every writer fills a chunk before it starts the next:
 * Supabase's at 3,180 characters, Auth.js's at 3,933, ASP.NET Core's at 4,050. A first chunk shorter than this is no
 * chunk of a split value.
 */
export const FULL_CHUNK_LENGTH = 3000;

const MARKED_CHUNK = /^(.+)C([1-9]\d{0,3})$/;
const NUMBERED_CHUNK = /^(.+)([._-])(0|[1-9]\d{0,2})$/;

/** The chunk a name would be (`.AspNetCore.CookiesC2`, `next-auth.session-token.1`), or undefined. */
export function chunkNameOf(name: string): ChunkName | undefined {
  const marked = MARKED_CHUNK.exec(name);
  if (marked) return { base: marked[1]!, position: Number(marked[2]), scheme: 'marker' };
  const numbered = NUMBERED_CHUNK.exec(name);
  if (!numbered) return undefined;
  const base = numbered[1]!;
  const separator = numbered[2]!;
  return {
    base,
    position: Number(numbered[3]) + 1,
    scheme: 'numbered',
    first: `${base}${separator}0`,
    second: `${base}${separator}1`,
  };
}

/**
 * Two names of one chunked cookie: the cookie and a chunk of it, or two of its chunks (`x`, `x.0`, `x.1`; `y`, `yC1`).
 * A value that grows past one cookie moves from `x` into its chunks, and one that shrinks moves back.
 */
export function sameChunkedCookie(a: string, b: string): boolean {
  return a !== b && baseNameOf(a) === baseNameOf(b);
}

function baseNameOf(name: string): string {
  return chunkNameOf(name)?.base ?? name;
}
