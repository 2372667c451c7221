// The outer structure of a HAR 1.2 file (http://www.softwareishard.com/blog/har-12-spec/): the root object, its
// `log` and `log.entries`, and the creator and browser the log names. A file without them is not a HAR, and
// the message says what was found instead; the whole-file and the streamed readers word it the same way.
import { inFile } from '../trace/jsonText.ts';
import { TraceInputError } from '../trace/types.ts';
import { HarFields, isObject, type JsonObject, kindOf, ownField } from './harFields.ts';

/** `log.creator` and `log.browser` as the file has them (any JSON: they are read leniently). */
export interface HarLogSource {
  creator?: unknown;
  browser?: unknown;
}

/** `log._sessionscope` of a parsed HAR document: what our own HAR export adds (undefined in any other HAR). */
export function sessionscopeLogField(document: unknown): unknown {
  const log = isObject(document) ? ownField(document, 'log') : undefined;
  return isObject(log) ? ownField(log, '_sessionscope') : undefined;
}

/**
 * `cookieEvents` of the value of `log._sessionscope`: the cookie and navigation events our own HAR export keeps, as
 * they are (native/harCookieEvents.ts reads and places them); undefined in any other HAR. A streamed reader sees the
 * field alone, and keeps this part only, not the saved analysis beside it.
 */
export function cookieEventsOfLogField(sessionscope: unknown): unknown {
  return isObject(sessionscope) ? ownField(sessionscope, 'cookieEvents') : undefined;
}

/** `log` and its entries array. Throws TraceInputError when the document is not a HAR. */
export function readHarLog(fields: HarFields, har: unknown): { log: JsonObject; entries: readonly unknown[] } {
  try {
    const log = readLog(fields, har);
    return { log, entries: readEntriesArray(fields, log) };
  } catch (thrown) {
    throw fields.asInputError(thrown, 'log', 'the HAR log');
  }
}

/**
 * For the entry scanner: throws the whole-file reader's refusal for a document whose `path` holds a value of
 * the kind `standIn` has (the scanner only sees its first byte).
 */
export function notAHarThrower(
  file: string | undefined,
): (path: 'root' | 'log' | 'log.entries', standIn: unknown) => never {
  return (path, standIn) => {
    const document = path === 'root' ? standIn : path === 'log' ? { log: standIn } : { log: { entries: standIn } };
    readHarLog(new HarFields(file), document);
    throw new TraceInputError(inFile(file, 'not a HAR'), path);
  };
}

/** "Firebug 1.7X.0a3 (Firefox 3.6.11pre)"; the browser is left out when it says the same as the creator. */
export function creatorLine(source: HarLogSource): string | undefined {
  const describe = (part: unknown): string | undefined => {
    if (!isObject(part)) return undefined;
    const name = ownField(part, 'name');
    const version = ownField(part, 'version');
    const words = [name, version].filter((w) => typeof w === 'string' || typeof w === 'number').map(String);
    const text = words.join(' ').trim();
    return text === '' ? undefined : text;
  };
  const creator = describe(source.creator);
  const browser = describe(source.browser);
  if (!browser || browser === creator) return creator;
  return creator ? `${creator} (${browser})` : browser;
}

function readLog(fields: HarFields, har: unknown): JsonObject {
  if (!isObject(har)) {
    return fields.fail('log', `not a HAR: the top level is ${kindOf(har)}, expected an object with a "log" field`);
  }
  const log = ownField(har, 'log');
  if (log === undefined) return fields.fail('log', 'not a HAR: the "log" field is missing');
  if (!isObject(log)) return fields.fail('log', `not a HAR: "log" must be an object, not ${kindOf(log)}`);
  return log;
}

function readEntriesArray(fields: HarFields, log: JsonObject): readonly unknown[] {
  const entries = ownField(log, 'entries');
  if (entries === undefined) return fields.fail('log.entries', 'not a HAR: the "log.entries" field is missing');
  if (!Array.isArray(entries)) {
    return fields.fail('log.entries', `not a HAR: "log.entries" must be an array, not ${kindOf(entries)}`);
  }
  return entries;
}

/**
 * The page ids of `log.pages` (HarFields.listedPages): undefined for anything but an array listing at least one page
 * with an id. A file that lists no page says nothing of which pages its entries' pagerefs name.
 */
export function listedPagesOf(pages: unknown): ReadonlySet<string> | undefined {
  if (!Array.isArray(pages)) return undefined;
  const ids = new Set<string>();
  for (const page of pages) {
    const id = isObject(page) ? ownField(page, 'id') : undefined;
    if (typeof id === 'string' || typeof id === 'number') ids.add(String(id));
  }
  return ids.size > 0 ? ids : undefined;
}

/** `log.pages` as listed pages when the parsed log has it before its entries (JSON.parse keeps the file's order). */
export function listedPagesBeforeEntries(log: JsonObject): ReadonlySet<string> | undefined {
  const keys = Object.keys(log);
  const pages = keys.indexOf('pages');
  return pages !== -1 && pages < keys.indexOf('entries') ? listedPagesOf(ownField(log, 'pages')) : undefined;
}
