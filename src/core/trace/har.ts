// Imports HAR 1.2 files (http://www.softwareishard.com/blog/har-12-spec/) as Traces. Bends like the files real
// writers produce, as DevTools and HAR viewers do: a field the analysis can do without (a postData param that is
// a number or an object, a null method, a header without a name, a response that is not an object) is repaired
// or dropped and noted; an entry the analysis cannot use (no request URL) is skipped and named in a warning; only
// a file that is not JSON, not a HAR, or has entries of which none can be read is refused. Safe on hostile input:
// only known fields are read, nothing is merged, nothing recurses over the input.

import { readRequestCookies, readResponseCookies } from './harCookies.ts';
import { durationOf, offNetworkKind, runOf } from './harEntryKind.ts';
import { HarFields, isObject, type JsonObject, kindOf, ownField, scalarText } from './harFields.ts';
import { parseHarTime } from './harTime.ts';
import { headerValue, setCookieLines, splitSetCookieValue } from './headers.ts';
import { inFile, parseJsonText } from './jsonText.ts';
import { isLoginFormPage } from './loginForm.ts';
import { browserFromLog, browserFromUserAgent, type RecordingBrowser } from './recordingBrowser.ts';
import { guessResourceType } from './resourceType.ts';
import { readSiteContext, SiteContextResolver } from './siteContext.ts';
import {
  type BrowserCookieReport,
  type Header,
  type InitiatorSource,
  type OffNetwork,
  type PostData,
  type ResourceType,
  type SiteContext,
  type Trace,
  type TraceEntry,
  type TraceEvent,
  TraceInputError,
  type TraceInputWarning,
  type TraceRequest,
  type TraceResponse,
} from './types.ts';

/** Parses a HAR file's text (a leading byte-order mark is allowed). Throws TraceInputError. */
export function parseHar(text: string, file?: string): Trace {
  return harToTrace(parseJsonText(text, file), file);
}

/**
 * Converts an already-parsed HAR document. Throws TraceInputError, and nothing else: for what is not a HAR, and
 * for a HAR whose entries are all unreadable.
 */
export function harToTrace(har: unknown, file?: string): Trace {
  const trace = readHarDocument(har, file);
  const skipped = (trace.warnings ?? []).filter((w) => w.skippedEntry !== undefined);
  requireReadableEntry(trace.entryCount, skipped.length, skipped[0], file);
  return trace;
}

/**
 * Refuses a file with entries of which none could be read: there is nothing to analyse, and a warning per
 * entry would hide that. A HAR with no entries at all is read (an empty recording is not a broken file).
 */
export function requireReadableEntry(
  entryCount: number,
  skippedCount: number,
  firstSkipped: TraceInputWarning | undefined,
  file: string | undefined,
): void {
  if (entryCount === 0 || skippedCount < entryCount || !firstSkipped) return;
  const problem = `no readable entry: all ${entryCount} entries are unreadable; the first: ${firstSkipped.message}`;
  throw new TraceInputError(inFile(file, problem), firstSkipped.where, problem);
}

/** The message of the warning for a skipped entry: the streamed importer renumbers it (harStream.ts). */
export function skippedEntryMessage(index: number, problem: string): string {
  return `entry ${index} skipped: ${problem}`;
}

/**
 * harToTrace without the refusal of a file whose entries are all unreadable: for the streamed importer, which
 * reads one entry at a time and decides that over the whole file.
 */
export function readHarDocument(har: unknown, file?: string): Trace {
  const fields = new HarFields(file);
  let rawEntries: readonly unknown[];
  let creator: string | undefined;
  let logBrowser: RecordingBrowser | undefined;
  try {
    const log = readLog(fields, har);
    rawEntries = readEntriesArray(fields, log);
    creator = readCreator(log);
    logBrowser = browserFromLog({ browser: ownField(log, 'browser'), creator: ownField(log, 'creator') });
  } catch (thrown) {
    throw fields.asInputError(thrown, 'log', 'the HAR log');
  }

  const warnings: TraceInputWarning[] = [];
  const read: (EntryDraft | SkippedEntry)[] = [];
  for (let index = 0; index < rawEntries.length; index++) {
    fields.notes = [];
    try {
      read.push({ ...readEntry(fields, rawEntries[index], index), notes: fields.notes });
    } catch (thrown) {
      const error = fields.asInputError(thrown, `log.entries[${index}]`, `entry ${index}`);
      const where = error.where ?? `log.entries[${index}]`;
      read.push({ index, skipped: { where, message: skippedEntryMessage(index, error.problem), skippedEntry: index } });
    }
  }
  const drafts = read.filter((slot): slot is EntryDraft => !('skipped' in slot));
  assignStartTimes(read, warnings);

  // Events in the order they happened, run by run; entries that started together keep their file order.
  const ordered = [...drafts].sort(traceOrder);
  const events: TraceEvent[] = resolveInitiators(ordered).map((entry) => ({ kind: 'entry', entry }));

  const browser = logBrowser ?? browserFromUserAgent(firstUserAgent(drafts));
  const runs = runCount(drafts);
  return {
    source: {
      format: 'har',
      ...(creator ? { creator } : {}),
      ...(browser ? { browser } : {}),
      ...(file !== undefined ? { file } : {}),
    },
    events,
    entryCount: rawEntries.length,
    ...(runs !== undefined ? { runs } : {}),
    ...(warnings.length > 0 ? { warnings } : {}),
  };
}

/** The User-Agent of the first entry in file order that has one: the browser, when the log does not name it. */
export function firstUserAgent(entries: readonly { readonly request: { readonly headers: readonly Header[] } }[]) {
  for (const entry of entries) {
    const userAgent = headerValue(entry.request.headers, 'user-agent');
    if (userAgent) return userAgent;
  }
  return undefined;
}

/**
 * The trace's order: run by run (several runs of a browser in one file are separate profiles, and WebPageTest
 * gives them overlapping clocks), then by start time, then file order.
 */
export function traceOrder(
  a: { readonly run?: number; readonly startedAt: number; readonly index: number },
  b: { readonly run?: number; readonly startedAt: number; readonly index: number },
): number {
  return (a.run ?? 0) - (b.run ?? 0) || a.startedAt - b.startedAt || a.index - b.index;
}

/** How many browser runs the entries name, when more than one (RULES.md: each run is its own jar). */
export function runCount(entries: Iterable<{ readonly run?: number }>): number | undefined {
  const runs = new Set<number>();
  for (const entry of entries) if (entry.run !== undefined) runs.add(entry.run);
  return runs.size > 1 ? runs.size : undefined;
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

/** "Firebug 1.7X.0a3 (Firefox 3.6.11pre)"; the browser is left out when it says the same as the creator. */
function readCreator(log: JsonObject): string | undefined {
  const describe = (key: string): string | undefined => {
    const part = ownField(log, key);
    if (!isObject(part)) return undefined;
    const name = ownField(part, 'name');
    const version = ownField(part, 'version');
    const words = [name, version].filter((w) => typeof w === 'string' || typeof w === 'number').map(String);
    const text = words.join(' ').trim();
    return text === '' ? undefined : text;
  };
  const creator = describe('creator');
  const browser = describe('browser');
  if (!browser || browser === creator) return creator;
  return creator ? `${creator} (${browser})` : browser;
}

/** An entry that could not be read, and the warning that names it. */
interface SkippedEntry {
  readonly index: number;
  readonly skipped: TraceInputWarning;
}

/** One entry as read, before times are repaired and initiators decided (both need the other entries). */
interface EntryDraft {
  readonly index: number;
  /** Repairs made while reading it (fields dropped or replaced). */
  notes?: readonly TraceInputWarning[];
  /** Parsed `startedDateTime`; undefined when missing or invalid (repaired by assignStartTimes). */
  parsedStart: number | undefined;
  startProblem: string | undefined;
  startedAt: number;
  readonly request: Omit<TraceRequest, 'initiatorUrl' | 'initiatorSource'>;
  readonly resourceType: ResourceType;
  readonly response?: TraceResponse;
  readonly browserReport?: BrowserCookieReport;
  readonly pageRef?: string;
  readonly offNetwork?: OffNetwork;
  readonly duration?: number;
  readonly run?: number;
  /** Referer header, when it is an absolute URL. */
  readonly referer?: string;
  /** `_sessionscope.initiatorUrl`: our recorder saw the real initiator. */
  readonly recordedInitiator?: string;
  /** Chrome's `_initiator.url`. */
  readonly chromeInitiator?: string;
  /** Origin header, when it is an origin (not "null"). */
  readonly origin?: string;
  /** `_sessionscope.siteContext`: our recorder decided it from the browser's frame data. */
  readonly recordedSiteContext?: SiteContext;
}

function readEntry(fields: HarFields, raw: unknown, index: number): Omit<EntryDraft, 'notes'> {
  const at = `log.entries[${index}]`;
  if (!isObject(raw)) return fields.fail(at, `an entry must be an object, not ${kindOf(raw)}`);

  const request = fields.requiredObject(raw, 'request', at);
  const requestAt = `${at}.request`;
  const method = readMethod(fields, request, requestAt);
  const url = fields.requiredString(request, 'url', requestAt);
  const requestHeaders = readHeaders(fields, request, requestAt, false);
  const requestCookies =
    headerValue(requestHeaders, 'cookie') === undefined ? readRequestCookieList(fields, request, requestAt) : undefined;
  const postData = readPostData(fields, request, requestAt);

  const response = readResponse(fields, raw, at);
  const sessionscope = fields.optionalObject(raw, '_sessionscope', at);
  const responseMimeType = response ? contentMimeType(ownField(raw, 'response')) : undefined;
  const chromeInitiatorField = ownField(raw, '_initiator');

  const resourceType = guessResourceType({
    chromeResourceType: textOrUndefined(ownField(raw, '_resourceType')),
    url,
    requestHeaders,
    responseMimeType,
    responseHeaders: response?.headers ?? [],
    hasWebSocketMessages: Array.isArray(ownField(raw, '_webSocketMessages')),
  });

  const start = readStartedDateTime(ownField(raw, 'startedDateTime'));

  const pageRef = ownField(raw, 'pageref');
  const rawResponse = ownField(raw, 'response');
  const offNetwork = offNetworkKind({
    entry: raw,
    response: isObject(rawResponse) ? rawResponse : undefined,
    method,
    status: response?.status,
    responseHeaders: response?.headers ?? [],
  });
  const duration = durationOf(raw);
  const run = runOf(raw, pageRef);
  const recordedInitiator = sessionscope
    ? fields.optionalString(sessionscope, 'initiatorUrl', `${at}._sessionscope`)
    : undefined;
  const browserReport = sessionscope ? readBrowserReport(fields, sessionscope, `${at}._sessionscope`) : undefined;
  const recordedSiteContext = sessionscope ? readSiteContext(ownField(sessionscope, 'siteContext')) : undefined;
  const chromeInitiator = isObject(chromeInitiatorField)
    ? absoluteUrl(textOrUndefined(ownField(chromeInitiatorField, 'url')))
    : undefined;
  const referer = absoluteUrl(headerValue(requestHeaders, 'referer'));
  const origin = absoluteUrl(headerValue(requestHeaders, 'origin'));

  return {
    index,
    parsedStart: start.ms,
    startProblem: start.problem,
    startedAt: start.ms ?? 0,
    request: {
      method,
      url,
      headers: requestHeaders,
      ...(requestCookies && requestCookies.length > 0 ? { cookies: requestCookies } : {}),
      ...(postData ? { postData } : {}),
      resourceType,
    },
    resourceType,
    ...(response ? { response } : {}),
    ...(browserReport ? { browserReport } : {}),
    ...(typeof pageRef === 'string' || typeof pageRef === 'number' ? { pageRef: String(pageRef) } : {}),
    ...(offNetwork ? { offNetwork } : {}),
    ...(duration !== undefined ? { duration } : {}),
    ...(run !== undefined ? { run } : {}),
    ...(referer ? { referer } : {}),
    ...(origin ? { origin } : {}),
    ...(recordedInitiator ? { recordedInitiator } : {}),
    ...(chromeInitiator ? { chromeInitiator } : {}),
    ...(recordedSiteContext ? { recordedSiteContext } : {}),
  };
}

/**
 * The request method. Some writers lose it (WebPageTest 18.09 writes null for many HTTP/2 requests): a request
 * with no method recorded is read as GET, the method of every subresource and of a navigation, and noted.
 */
function readMethod(fields: HarFields, request: JsonObject, where: string): string {
  const method = ownField(request, 'method');
  if (typeof method === 'string' && method !== '') return method;
  const found = method === '' ? 'empty' : method === undefined ? 'missing' : kindOf(method);
  fields.note(`${where}.method`, `"method" is ${found}; read as GET`);
  return 'GET';
}

/** The start time, and what was wrong with the field if anything (repaired later, and noted). */
function readStartedDateTime(field: unknown): { ms: number | undefined; problem: string | undefined } {
  if (field === undefined || field === null) return { ms: undefined, problem: 'startedDateTime is missing' };
  const time = typeof field === 'string' ? parseHarTime(field) : undefined;
  if (!time) {
    const shown = typeof field === 'string' ? JSON.stringify(field.slice(0, 60)) : kindOf(field);
    return { ms: undefined, problem: `startedDateTime ${shown} is not an ISO 8601 date-time` };
  }
  return { ms: time.ms, problem: time.zoneAssumed ? 'startedDateTime has no time zone; read as UTC' : undefined };
}

/**
 * Headers as an array of {name, value}. Missing or null is an empty list (harviewer's no-headers file,
 * exporters that strip headers). Set-Cookie values joined with "\n" (Firefox) become one header each.
 */
function readHeaders(fields: HarFields, parent: JsonObject, where: string, isResponse: boolean): Header[] {
  const list = fields.lenientArray(parent, 'headers', where);
  if (!list) return [];
  const headersAt = `${where}.headers`;
  const headers: Header[] = [];
  for (let position = 0; position < list.length; position++) {
    // A well-formed header (string name and value) is read directly; anything else goes through the
    // lenient reads, whose notes need the header's location, built only then (a 100,000-entry HAR has
    // millions of headers). A header that cannot be read is dropped and noted; the others still count.
    const item = list[position];
    const rawName = isObject(item) ? ownField(item, 'name') : undefined;
    const rawValue = isObject(item) ? ownField(item, 'value') : undefined;
    const header = typeof rawName === 'string' ? item : fields.namedElement(list, position, headersAt);
    if (!header) continue;
    const name = rawName as string;
    const value = typeof rawValue === 'string' ? rawValue : scalarText(rawValue);
    if (value === undefined) {
      fields.note(`${headersAt}[${position}].value`, `"value" must be a string, not ${kindOf(rawValue)}; ignored`);
      continue;
    }
    if (isResponse && name.length === SET_COOKIE.length && name.toLowerCase() === SET_COOKIE) {
      for (const line of splitSetCookieValue(value)) headers.push({ name, value: line });
    } else {
      headers.push({ name, value });
    }
  }
  return headers;
}

const SET_COOKIE = 'set-cookie';

function readRequestCookieList(fields: HarFields, request: JsonObject, where: string) {
  const list = fields.lenientArray(request, 'cookies', where);
  return list ? readRequestCookies(fields, list, `${where}.cookies`) : undefined;
}

/**
 * The request body, read only to find session IDs and password fields in it: never a reason to refuse an entry.
 * A param value that is a number or boolean is its text; an object or array (pagexray's HARs have them) is its
 * JSON text, which is what the page sent for it; a param without a text name is dropped and noted.
 */
function readPostData(fields: HarFields, request: JsonObject, where: string): PostData | undefined {
  const postData = fields.lenientObject(request, 'postData', where);
  if (!postData) return undefined;
  const at = `${where}.postData`;
  const mimeType = textOrUndefined(ownField(postData, 'mimeType'));
  const text = scalarText(ownField(postData, 'text')) || undefined;
  const paramList = fields.lenientArray(postData, 'params', at) ?? [];
  const params: { name: string; value?: string }[] = [];
  for (let position = 0; position < paramList.length; position++) {
    const param = fields.namedElement(paramList, position, `${at}.params`);
    if (!param) continue;
    const name = ownField(param, 'name') as string;
    const raw = ownField(param, 'value');
    const value = raw === undefined || raw === null ? undefined : (scalarText(raw) ?? JSON.stringify(raw));
    params.push(value === undefined ? { name } : { name, value });
  }
  return {
    ...(mimeType !== undefined ? { mimeType } : {}),
    ...(text !== undefined ? { text } : {}),
    ...(paramList.length > 0 ? { params } : {}),
  };
}

/**
 * The response, or undefined for a request that got none: no `response` field, null, or Chrome's
 * status 0 with no headers (what it writes for failed, blocked or cancelled requests).
 */
function readResponse(fields: HarFields, entry: JsonObject, at: string): TraceResponse | undefined {
  const response = fields.lenientObject(entry, 'response', at);
  if (!response) return undefined;
  const where = `${at}.response`;
  const status = readStatus(fields, response, where);
  const headers = readHeaders(fields, response, where, true);
  if (status === 0 && headers.length === 0) return undefined;

  const redirect = textOrUndefined(ownField(response, 'redirectURL'));
  const cookieList = setCookieLines(headers).length === 0 ? fields.lenientArray(response, 'cookies', where) : undefined;
  const cookies = cookieList ? readResponseCookies(fields, cookieList, `${where}.cookies`) : [];
  return {
    status,
    headers,
    ...(cookies.length > 0 ? { cookies } : {}),
    ...(redirect ? { redirectUrl: redirect } : {}),
    ...(bodyIsLoginForm(response) ? { loginForm: true as const } : {}),
  };
}

/** The status code; a numeric string is its number, anything else is 0 (no status), noted. */
function readStatus(fields: HarFields, response: JsonObject, where: string): number {
  const status = ownField(response, 'status');
  if (typeof status === 'number' && Number.isFinite(status)) return status;
  if (typeof status === 'string' && /^\s*\d{1,3}\s*$/.test(status)) return Number(status);
  const found = status === undefined ? 'missing' : kindOf(status);
  fields.note(`${where}.status`, `"status" is ${found}; read as 0 (no status)`);
  return 0;
}

/** `_sessionscope.browserReport`, written by our own recorder: read strictly. */
function readBrowserReport(
  fields: HarFields,
  sessionscope: JsonObject,
  where: string,
): BrowserCookieReport | undefined {
  const report = fields.optionalObject(sessionscope, 'browserReport', where);
  if (!report) return undefined;
  const at = `${where}.browserReport`;
  const reasons = (item: JsonObject, itemAt: string): string[] => {
    const list = fields.optionalArray(item, 'reasons', itemAt) ?? [];
    return list.map((reason, position) =>
      typeof reason === 'string'
        ? reason
        : fields.fail(`${itemAt}.reasons[${position}]`, `a reason must be a string, not ${kindOf(reason)}`),
    );
  };
  const requestList = fields.optionalArray(report, 'blockedRequestCookies', at);
  const responseList = fields.optionalArray(report, 'blockedResponseCookies', at);
  const blockedRequestCookies = requestList?.map((_, position) => {
    const itemAt = `${at}.blockedRequestCookies[${position}]`;
    const item = fields.element(requestList, position, `${at}.blockedRequestCookies`);
    const domain = fields.optionalString(item, 'domain', itemAt);
    const path = fields.optionalString(item, 'path', itemAt);
    return {
      name: fields.requiredString(item, 'name', itemAt),
      ...(domain !== undefined ? { domain } : {}),
      ...(path !== undefined ? { path } : {}),
      reasons: reasons(item, itemAt),
    };
  });
  const blockedResponseCookies = responseList?.map((_, position) => {
    const itemAt = `${at}.blockedResponseCookies[${position}]`;
    const item = fields.element(responseList, position, `${at}.blockedResponseCookies`);
    return { cookieLine: fields.requiredString(item, 'cookieLine', itemAt), reasons: reasons(item, itemAt) };
  });
  return {
    ...(blockedRequestCookies ? { blockedRequestCookies } : {}),
    ...(blockedResponseCookies ? { blockedResponseCookies } : {}),
  };
}

/**
 * An entry with a missing or unreadable startedDateTime takes the time of the entry before it in the
 * file (exporters write entries in request order), or of the first dated entry after it when it is
 * first; a file with no dates at all keeps file order at time 0. Each repair is noted.
 */
function assignStartTimes(read: readonly (EntryDraft | SkippedEntry)[], warnings: TraceInputWarning[]): void {
  let previous: number | undefined;
  const drafts = read.filter((slot): slot is EntryDraft => !('skipped' in slot));
  const firstDated = drafts.find((draft) => draft.parsedStart !== undefined)?.parsedStart;
  for (const draft of read) {
    // Warnings come in file order, each entry's time repair before its other repairs (as harStream.ts gives them).
    if ('skipped' in draft) {
      warnings.push(draft.skipped);
      continue;
    }
    const where = `log.entries[${draft.index}].startedDateTime`;
    if (draft.parsedStart !== undefined) {
      draft.startedAt = draft.parsedStart;
      if (draft.startProblem) warnings.push({ where, message: draft.startProblem });
    } else {
      draft.startedAt = previous ?? firstDated ?? 0;
      const from =
        previous !== undefined
          ? "the previous entry's time is used"
          : firstDated !== undefined
            ? "the first dated entry's time is used"
            : 'no entry has a time; file order is kept';
      warnings.push({ where, message: `${draft.startProblem ?? 'startedDateTime is unreadable'}; ${from}` });
    }
    if (draft.notes) warnings.push(...draft.notes);
    previous = draft.startedAt;
  }
}

/**
 * Decides each request's initiator, the URL whose site decides same-site for cookies (RFC 6265bis 5.2),
 * walking entries in time order. Our recorder's value wins. A top-level document's initiator is the
 * page it was navigated from, its Referer (none: typed, bookmarked, or stripped; its site context then comes
 * from Sec-Fetch-Site or stays unknown, siteContext.ts).
 * A subresource's is its top-level document: the latest document of its page (pageref), else Chrome's
 * `_initiator.url`, its Referer or its Origin header when its page is known but its document is not
 * (another tab's document would be wrong), else the latest document of the whole trace, else those hints.
 * A subresource's Referer may name a frame or a stylesheet rather than the top-level page, so it only
 * comes after the documents.
 */
function resolveInitiators(ordered: readonly EntryDraft[]): TraceEntry[] {
  const latestDocumentOfPage = new Map<string, string>();
  let latestDocument: string | undefined;
  const siteContexts = new SiteContextResolver();
  return ordered.map((draft) => {
    const [initiatorUrl, initiatorSource] = initiatorOf(draft, latestDocumentOfPage, latestDocument);
    if (draft.resourceType === 'document') {
      latestDocument = draft.request.url;
      if (draft.pageRef !== undefined) latestDocumentOfPage.set(draft.pageRef, draft.request.url);
    }
    const request: TraceRequest = {
      ...draft.request,
      ...(initiatorUrl !== undefined ? { initiatorUrl } : {}),
      ...(initiatorSource !== undefined ? { initiatorSource } : {}),
    };
    const entry: TraceEntry = {
      index: draft.index,
      startedAt: draft.startedAt,
      request,
      ...(draft.response ? { response: draft.response } : {}),
      ...(draft.browserReport ? { browserReport: draft.browserReport } : {}),
      ...(draft.pageRef !== undefined ? { pageRef: draft.pageRef } : {}),
      ...(draft.offNetwork ? { offNetwork: draft.offNetwork } : {}),
      ...(draft.duration !== undefined ? { duration: draft.duration } : {}),
      ...(draft.run !== undefined ? { run: draft.run } : {}),
    };
    return siteContexts.withSiteContext(entry, draft.recordedSiteContext);
  });
}

type Initiator = readonly [url: string | undefined, source: InitiatorSource | undefined];

function initiatorOf(
  draft: EntryDraft,
  latestDocumentOfPage: ReadonlyMap<string, string>,
  latestDocument: string | undefined,
): Initiator {
  if (draft.recordedInitiator !== undefined) return [draft.recordedInitiator, 'recorder'];
  if (draft.resourceType === 'document') {
    return draft.referer ? [draft.referer, 'referer'] : [undefined, 'browser-initiated'];
  }
  const pageDocument = draft.pageRef !== undefined ? latestDocumentOfPage.get(draft.pageRef) : undefined;
  if (pageDocument) return [pageDocument, 'page-document'];
  const hints: Initiator[] = [
    [draft.chromeInitiator, 'chrome-initiator'],
    [draft.referer, 'subresource-referer'],
    [draft.origin, 'origin-header'],
  ];
  const overall: Initiator = [latestDocument, 'latest-document'];
  const order = draft.pageRef !== undefined ? [...hints, overall] : [overall, ...hints];
  return order.find(([url]) => url !== undefined) ?? [undefined, undefined];
}

/** `response.content.text` (when the exporter kept bodies) is a page with a login form; read leniently. */
function bodyIsLoginForm(response: JsonObject): boolean {
  const content = ownField(response, 'content');
  if (!isObject(content)) return false;
  const text = ownField(content, 'text');
  if (typeof text !== 'string' || text === '') return false;
  return isLoginFormPage(
    text,
    textOrUndefined(ownField(content, 'mimeType')),
    textOrUndefined(ownField(content, 'encoding')),
  );
}

/** `response.content.mimeType`; read leniently, as nothing but the resource-type guess uses it. */
function contentMimeType(response: unknown): string | undefined {
  const content = isObject(response) ? ownField(response, 'content') : undefined;
  return isObject(content) ? textOrUndefined(ownField(content, 'mimeType')) : undefined;
}

function textOrUndefined(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

/** The value when it parses as an absolute URL; Referer and initiator hints that do not are ignored. */
function absoluteUrl(value: string | undefined): string | undefined {
  if (!value) return undefined;
  return URL.canParse(value) ? value : undefined;
}
