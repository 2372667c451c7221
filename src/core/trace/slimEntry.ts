/**
 * Keeps of an imported entry only what the analysis reads, for traces that are streamed rather than held: a
 * real HAR entry has ~20 request and ~10 response headers, and the engine, once the entry is imported, reads
 * a handful (Cookie and Set-Cookie above all). Dropping the rest as each entry arrives is what keeps a
 * streamed analysis's memory bounded by the facts, not by the file. The importer itself still sees every
 * header (resource type and initiator guesses use Accept, Sec-Fetch-*, Origin…), since slimming comes after.
 */
import type { Header, PostData, TraceEntry } from './types.ts';

/**
 * Header names the engine reads after import (grep src/core for headerValue), and those the importer's guesses
 * read, kept in case an entry is imported again from a slimmed one. Lower case.
 */
export const ANALYSED_HEADERS: ReadonlySet<string> = new Set([
  'cookie',
  'set-cookie',
  'location',
  'referer',
  'origin',
  'authorization',
  'content-type',
  'accept',
  'sec-fetch-dest',
  'sec-fetch-mode',
  'sec-fetch-site',
  'sec-fetch-user',
  'upgrade',
  'x-requested-with',
  'access-control-request-method',
  'www-authenticate',
]);

/** The login detector searches only this much of a request body for a password field (loginSignals.ts). */
export const ANALYSED_BODY_CHARS = 65_536;

function slimHeaders(headers: readonly Header[]): readonly Header[] {
  const kept = headers.filter((h) => ANALYSED_HEADERS.has(h.name.toLowerCase()));
  return kept.length === headers.length ? headers : kept;
}

function slimPostData(post: PostData): PostData {
  if (post.text === undefined || post.text.length <= ANALYSED_BODY_CHARS) return post;
  return { ...post, text: post.text.slice(0, ANALYSED_BODY_CHARS) };
}

/** What slimming reads and replaces: a TraceEntry, or an entry as read before its initiator is decided. */
interface SlimmableEntry {
  readonly request: { readonly headers: readonly Header[]; readonly postData?: PostData };
  readonly response?: { readonly headers: readonly Header[] };
}

/** The entry with only the headers and the part of the body the analysis reads; everything else unchanged. */
export function slimEntry<Entry extends SlimmableEntry = TraceEntry>(entry: Entry): Entry {
  const { request, response } = entry;
  return {
    ...entry,
    request: {
      ...request,
      headers: slimHeaders(request.headers),
      ...(request.postData ? { postData: slimPostData(request.postData) } : {}),
    },
    ...(response ? { response: { ...response, headers: slimHeaders(response.headers) } } : {}),
  } as Entry;
}
