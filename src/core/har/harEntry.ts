// One HAR entry (`log.entries[i]`) read into an EntryDraft, leniently: a field the analysis can do without (a
// postData param that is a number or an object, a null method, a header without a name, a response that is not
// an object) is repaired or dropped and noted with the field's location; an entry the analysis cannot use (no
// request URL) becomes a SkippedHarEntry whose warning names it. The whole-file and the streamed readers both
// read every entry here, with its real position, so every message names the entry as the file has it.
// Safe on hostile input: only known fields are read, nothing is merged, nothing recurses over the input.

import { headerValue, setCookieLines, splitSetCookieValue } from '../trace/headers.ts';
import { isLoginFormPage } from '../trace/loginForm.ts';
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
  fields.notes = [];
  try {
    return readEntry(fields, raw, index);
  } catch (thrown) {
    const error = fields.asInputError(thrown, `log.entries[${index}]`, `entry ${index}`);
    const where = error.where ?? `log.entries[${index}]`;
    return { index, skipped: { where, message: skippedEntryMessage(index, error.problem), skippedEntry: index } };
  }
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
    notes: fields.notes,
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
