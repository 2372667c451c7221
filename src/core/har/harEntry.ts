// One HAR entry (`log.entries[i]`) read into an EntryDraft, leniently: a field the analysis can do without (a
// postData param that is a number or an object, a null method, a header without a name, a response that is not
// an object) is repaired or dropped and noted with the field's location; an entry the analysis cannot use (no
// request URL) becomes a SkippedHarEntry whose warning names it. The whole-file and the streamed readers both
// read every entry here, with its real position, so every message names the entry as the file has it.
// Safe on hostile input: only known fields are read, nothing is merged, nothing recurses over the input.

import { type PageExport, pageResponseFields } from '../trace/exportedPage.ts';
import { headerValue, setCookieLines, splitSetCookieValue } from '../trace/headers.ts';
import { PAGE_TEXT_CHARS, type PageReading, readPage } from '../trace/loginForm.ts';
import { guessResourceType } from '../trace/resourceType.ts';
import { readSiteContext } from '../trace/siteContext.ts';
import type {
  BrowserCookieReport,
  Header,
  OffNetwork,
  PostData,
  ResourceType,
  SiteContext,
  TraceInputWarning,
  TraceRequest,
  TraceResponse,
} from '../trace/types.ts';
import { readRequestCookies, readResponseCookies } from './harCookies.ts';
import { durationOf, offNetworkKind, runOf } from './harEntryKind.ts';
import { type HarFields, isObject, type JsonObject, kindOf, ownField, scalarText } from './harFields.ts';
import { parseHarTime } from './harTime.ts';

/** An entry that could not be read, and the warning that names it. */
export interface SkippedHarEntry {
  readonly index: number;
  readonly skipped: TraceInputWarning & { readonly skippedEntry: number };
}

export type ImportedHarEntry = EntryDraft | SkippedHarEntry;

export function isSkipped(imported: ImportedHarEntry): imported is SkippedHarEntry {
  return 'skipped' in imported;
}

/** The message of the warning for a skipped entry (the panel's import notice strips this prefix). */
export function skippedEntryMessage(index: number, problem: string): string {
  return `entry ${index} skipped: ${problem}`;
}

/**
 * Reads `log.entries[index]`: its draft, or, when it cannot be read, the warning that skips it. Never throws for
 * what the entry holds. `fields` names the file in messages; its notes are this entry's repairs.
 */
export function importHarEntry(fields: HarFields, raw: unknown, index: number): ImportedHarEntry {
  // A list left empty by the last entry is reused; one that was kept (it has notes) is replaced.
  if (fields.notes.length > 0) fields.notes = [];
  try {
    return readEntry(fields, raw, index);
  } catch (thrown) {
    const error = fields.asInputError(thrown, `log.entries[${index}]`, `entry ${index}`);
    const where = error.where ?? `log.entries[${index}]`;
    return { index, skipped: { where, message: skippedEntryMessage(index, error.problem), skippedEntry: index } };
  }
}

/**
 * The entry's page is none of those `log.pages` lists (HarFields.listedPages): a document there is a frame's, not a
 * top-level page. Chrome 16 gave each frame's document a page of its own, named by the frame's URL and left out of
 * the list, and wrote no Sec-Fetch-Dest: an ad exchange's frame read as a second page, its cookies as first party.
 */
function inUnlistedPage(fields: HarFields, pageRef: unknown): boolean {
  const listed = fields.listedPages;
  return (
    listed !== undefined && (typeof pageRef === 'string' || typeof pageRef === 'number') && !listed.has(String(pageRef))
  );
}

/** One entry as read, before times are repaired and initiators decided (both need the other entries). */
export interface EntryDraft {
  /** Its position in `log.entries`, which every warning about it names. */
  readonly index: number;
  /** Repairs made while reading it (fields dropped or replaced), in the order they were made. */
  readonly notes: readonly TraceInputWarning[];
  /** Parsed `startedDateTime`; undefined when missing or invalid (repaired by harStartTimes.ts). */
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

function readEntry(fields: HarFields, raw: unknown, index: number): EntryDraft {
  const at = `log.entries[${index}]`;
  if (!isObject(raw)) return fields.fail(at, `an entry must be an object, not ${kindOf(raw)}`);

  const request = fields.requiredObject(raw, 'request', at);
  const requestAt = `${at}.request`;
  const method = readMethod(fields, request, requestAt);
  const written = fields.requiredString(request, 'url', requestAt);
  const requestHeaders = readHeaders(fields, request, requestAt, false);
  const url = HAS_SCHEME.test(written) ? written : addressFromPseudoHeaders(fields, written, requestHeaders, requestAt);
  const requestCookies =
    headerValue(requestHeaders, 'cookie') === undefined ? readRequestCookieList(fields, request, requestAt) : undefined;
  const postData = readPostData(fields, request, requestAt);

  const response = readResponse(fields, raw, at);
  const sessionscope = fields.optionalObject(raw, '_sessionscope', at);
  const responseMimeType = response ? contentMimeType(ownField(raw, 'response')) : undefined;
  const chromeInitiatorField = ownField(raw, '_initiator');

  const pageRef = ownField(raw, 'pageref');
  const guessedType = guessResourceType({
    chromeResourceType: textOrUndefined(ownField(raw, '_resourceType')),
    url,
    requestHeaders,
    responseMimeType,
    responseHeaders: response?.headers ?? [],
    hasWebSocketMessages: Array.isArray(ownField(raw, '_webSocketMessages')),
  });
  const resourceType = guessedType === 'document' && inUnlistedPage(fields, pageRef) ? 'subdocument' : guessedType;

  const start = readStartedDateTime(ownField(raw, 'startedDateTime'));

  const rawResponse = ownField(raw, 'response');
  const offNetwork = offNetworkKind({
    entry: raw,
    response: isObject(rawResponse) ? rawResponse : undefined,
    method,
    status: response?.status,
    responseHeaders: response?.headers ?? [],
    requestHeaders,
    startMs: start.ms,
  });
  if (offNetwork === 'never-sent') fields.note(at, NEVER_SENT_NOTE);
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

  const read: Mutable<EntryDraft['request']> = { method, url, headers: requestHeaders };
  if (requestCookies && requestCookies.length > 0) read.cookies = requestCookies;
  if (postData) read.postData = postData;
  read.resourceType = resourceType;
  // Our own HAR export keeps no body, only what its analysis read of the page (pageExport.ts).
  const exportedPage =
    response &&
    sessionscope &&
    response.loginForm === undefined &&
    response.offersLogout === undefined &&
    response.pageText === undefined
      ? readExportedPage(fields, sessionscope, `${at}._sessionscope`)
      : undefined;
  // Optional fields assigned only when present (absent, never undefined), in one fixed order, rather than spread
  // from a temporary object each: this runs for every entry.
  const draft: Mutable<EntryDraft> = {
    index,
    // Most entries need no repair: they share one empty list rather than each keeping its own.
    notes: fields.notes.length === 0 ? NO_NOTES : fields.notes,
    parsedStart: start.ms,
    startProblem: start.problem,
    startedAt: start.ms ?? 0,
    request: read,
    resourceType,
  };
  if (response) draft.response = exportedPage ? { ...response, ...pageResponseFields(exportedPage) } : response;
  if (browserReport) draft.browserReport = browserReport;
  if (typeof pageRef === 'string' || typeof pageRef === 'number') draft.pageRef = String(pageRef);
  if (offNetwork) draft.offNetwork = offNetwork;
  if (duration !== undefined) draft.duration = duration;
  if (run !== undefined) draft.run = run;
  if (referer) draft.referer = referer;
  if (origin) draft.origin = origin;
  if (recordedInitiator) draft.recordedInitiator = recordedInitiator;
  if (chromeInitiator) draft.chromeInitiator = chromeInitiator;
  if (recordedSiteContext) draft.recordedSiteContext = recordedSiteContext;
  return draft;
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** A URL's scheme (RFC 3986 3.1) at its start: the URL is absolute, as HAR 1.2 has it. */
const HAS_SCHEME = /^[a-z][a-z0-9+.-]*:/i;

/**
 * The absolute address of a request whose `url` is only its path: Charles writes HTTP/2 requests so (`/login`), the
 * host in the `:authority` pseudo-header and the scheme in `:scheme` (RFC 9113 8.3.1), from which the address is
 * rebuilt and noted. Without them (harviewer's issue-23 file, a page's own relative addresses) the entry is kept as
 * written and noted: it is placed on no site, so no cookie is judged on it, and the warning says why.
 */
function addressFromPseudoHeaders(
  fields: HarFields,
  written: string,
  headers: readonly Header[],
  requestAt: string,
): string {
  const authority = headerValue(headers, ':authority')?.trim();
  const scheme = headerValue(headers, ':scheme')?.trim().toLowerCase();
  const shown = JSON.stringify(written.slice(0, 80));
  if (authority && (scheme === 'https' || scheme === 'http') && (written.startsWith('/') || written === '*')) {
    const address = `${scheme}://${authority}${written === '*' ? '/' : written}`;
    if (parsesAsUrl(address)) {
      fields.note(`${requestAt}.url`, `"url" ${shown} is not absolute; read as ${address} from :scheme and :authority`);
      return address;
    }
  }
  fields.note(
    `${requestAt}.url`,
    `"url" ${shown} is not absolute, and no :scheme and :authority give its host: no site's cookies are judged on it`,
  );
  return written;
}

const NO_NOTES: readonly TraceInputWarning[] = Object.freeze([]);

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

/** Why an entry dated at the epoch with no answer is not analysed (harEntryKind.ts, `never-sent`). */
const NEVER_SENT_NOTE =
  "never sent: no answer and dated 1970-01-01, as a recorder writes a request it knew of and did not send (ZAP's site tree); shown, not judged";

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
 * A list that is already that (the usual case) is kept as parsed, array and objects, rather than copied: a
 * 100,000-entry HAR has millions of headers, and a copy of each was the import's largest cost (bench row 2).
 * Writers of traces and HARs copy name and value out of each header, so other fields a file gives a header
 * (a `comment`) go no further than before.
 */
function readHeaders(fields: HarFields, parent: JsonObject, where: string, isResponse: boolean): readonly Header[] {
  const list = fields.lenientArray(parent, 'headers', where);
  if (!list) return [];
  if (isHeaderList(list, isResponse)) return list;
  return repairedHeaders(fields, list, `${where}.headers`, isResponse);
}

/**
 * Whether every element is a header as the trace holds it: an object with text `name` and `value` of its own,
 * and, in a response, every Set-Cookie value one non-blank line that splitting would leave as it is.
 */
function isHeaderList(list: readonly unknown[], isResponse: boolean): list is readonly Header[] {
  for (let position = 0; position < list.length; position++) {
    const item = list[position];
    if (typeof item !== 'object' || item === null) return false;
    // Read directly, not through ownField: this runs for every header of a file (millions), and Object.hasOwn
    // was half of it. A string read here is the item's own: an array has neither field, and a parsed JSON
    // object's prototype, Object.prototype, has neither (a "__proto__" key in the file is an own field of
    // that name, and is not read).
    const { name, value } = item as { name?: unknown; value?: unknown };
    if (typeof name !== 'string' || typeof value !== 'string') return false;
    if (isResponse && isSetCookie(name) && !isOneSetCookieLine(value)) return false;
    // '[': a value the recorder stripped, perhaps (read in repairedHeaders).
    if (value.charCodeAt(0) === 91 && STRIPPED_VALUE.test(value)) return false;
  }
  return true;
}

function isSetCookie(name: string): boolean {
  return name.length === SET_COOKIE.length && name.toLowerCase() === SET_COOKIE;
}

/** The value is what splitSetCookieValue gives back alone: no line break, no trailing CR, not blank. */
function isOneSetCookieLine(value: string): boolean {
  return !value.includes('\n') && !value.endsWith('\r') && value.trim() !== '';
}

/** The lenient read of a list that is not all well-formed headers: each repair noted with the header's place. */
function repairedHeaders(
  fields: HarFields,
  list: readonly unknown[],
  headersAt: string,
  isResponse: boolean,
): Header[] {
  const headers: Header[] = [];
  for (let position = 0; position < list.length; position++) {
    const item = list[position];
    const rawValue = isObject(item) ? ownField(item, 'value') : undefined;
    const header = fields.namedElement(list, position, headersAt);
    if (!header) continue;
    const name = ownField(header, 'name') as string;
    const lines = textList(rawValue);
    if (lines !== undefined) {
      // Polly.JS 1.x records Node's headers as it got them: a header given twice (Set-Cookie always) is one array.
      fields.note(
        `${headersAt}[${position}].value`,
        `"value" is a list of ${lines.length} texts; read as one header each`,
      );
      for (const line of lines) pushHeader(headers, name, line, isResponse);
      continue;
    }
    const value = typeof rawValue === 'string' ? rawValue : scalarText(rawValue);
    if (value === undefined) {
      fields.note(`${headersAt}[${position}].value`, `"value" must be a string, not ${kindOf(rawValue)}; ignored`);
      continue;
    }
    if (STRIPPED_VALUE.test(value) && COOKIE_HEADER.test(name)) {
      // The recorder kept the header and dropped its value: no cookie to read. Said once: every entry has them.
      if (!fields.strippedCookiesNoted)
        fields.note(
          `${headersAt}[${position}].value`,
          `the recorder stripped this ${name} header's value ("${value}", as Chrome's net log does when saved without cookies): read as no cookie, here and at every other such header of the file`,
        );
      fields.strippedCookiesNoted = true;
      continue;
    }
    pushHeader(headers, name, value, isResponse);
  }
  return headers;
}

function pushHeader(headers: Header[], name: string, value: string, isResponse: boolean): void {
  if (isResponse && isSetCookie(name)) {
    for (const line of splitSetCookieValue(value)) headers.push({ name, value: line });
  } else {
    headers.push({ name, value });
  }
}

/** A non-empty array of texts (a header field's lines), or undefined. */
function textList(value: unknown): string[] | undefined {
  if (!Array.isArray(value) || value.length === 0) return undefined;
  return value.every((item) => typeof item === 'string') ? (value as string[]) : undefined;
}

const SET_COOKIE = 'set-cookie';
/** What Chrome's net log writes in place of a header value it strips (cookies, credentials): `[143 bytes were stripped]`. */
const STRIPPED_VALUE = /^\[\d{1,9} bytes were stripped\]$/;
const COOKIE_HEADER = /^(?:set-)?cookie2?$/i;

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
  const cookieList = hasSetCookieLine(headers) ? undefined : fields.lenientArray(response, 'cookies', where);
  const cookies = cookieList ? readResponseCookies(fields, cookieList, `${where}.cookies`) : [];
  const read: Mutable<TraceResponse> = { status, headers };
  if (cookies.length > 0) read.cookies = cookies;
  if (redirect) read.redirectUrl = redirect;
  const page = keptPage(response);
  if (page?.loginForm) read.loginForm = true;
  if (page?.offersLogout) read.offersLogout = true;
  if (page !== undefined && page.text !== '') read.pageText = page.text;
  if (page !== undefined && page.text.length >= PAGE_TEXT_CHARS) read.pageTextCut = true;
  return read;
}

/** Whether setCookieLines(headers) is not empty, without building the lines when no header is Set-Cookie. */
function hasSetCookieLine(headers: readonly Header[]): boolean {
  for (const header of headers) if (isSetCookie(header.name)) return setCookieLines(headers).length > 0;
  return false;
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

/**
 * `_sessionscope.page`, written by our own HAR export where its source kept the page. One that is not the shape it
 * writes is noted and left out: the entry is read without it.
 */
function readExportedPage(fields: HarFields, sessionscope: JsonObject, where: string): PageExport | undefined {
  const page = ownField(sessionscope, 'page');
  if (page === undefined) return undefined;
  const [loginForm, offersLogout, names, cut] = isObject(page)
    ? [ownField(page, 'loginForm'), ownField(page, 'offersLogout'), ownField(page, 'names'), ownField(page, 'cut')]
    : [];
  const isFlag = (value: unknown) => value === undefined || typeof value === 'boolean';
  const isNames = (value: unknown): value is string[] | undefined =>
    value === undefined || (Array.isArray(value) && value.every((n) => typeof n === 'string'));
  if (!isObject(page) || !isFlag(loginForm) || !isFlag(offersLogout) || !isFlag(cut) || !isNames(names)) {
    fields.note(
      `${where}.page`,
      'is not a page as Sessionscope writes it ({loginForm, offersLogout, names, cut}); left out',
    );
    return undefined;
  }
  return {
    ...(loginForm === true ? { loginForm: true as const } : {}),
    ...(offersLogout === true ? { offersLogout: true as const } : {}),
    ...(names !== undefined ? { names } : {}),
    ...(cut === true ? { cut: true as const } : {}),
  };
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

/** What `response.content.text` says, when the exporter kept the body of an HTML page; read leniently. */
function keptPage(response: JsonObject): PageReading | undefined {
  const content = ownField(response, 'content');
  if (!isObject(content)) return undefined;
  const text = ownField(content, 'text');
  if (typeof text !== 'string' || text === '') return undefined;
  return readPage(text, textOrUndefined(ownField(content, 'mimeType')), textOrUndefined(ownField(content, 'encoding')));
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
  return parsesAsUrl(value) ? value : undefined;
}

/**
 * URL.canParse, remembered: a trace's Referer and Origin values are a few pages and origins repeated on every
 * request. Bounded, so a hostile file of distinct values costs a parse each, as without it, and no more memory.
 */
const parsedUrls = new Map<string, boolean>();
const MAX_PARSED_URLS = 4096;

function parsesAsUrl(value: string): boolean {
  let parses = parsedUrls.get(value);
  if (parses === undefined) {
    parses = URL.canParse(value);
    if (parsedUrls.size >= MAX_PARSED_URLS) parsedUrls.clear();
    parsedUrls.set(value, parses);
  }
  return parses;
}
