// Imports HAR 1.2 files (http://www.softwareishard.com/blog/har-12-spec/) as Traces. Strict where the
// analysis depends on a field (an entry without a request URL is an error naming that entry), lenient
// where real exporters are sloppy (missing headers, cookies or response, bad dates, status 0), and safe on
// hostile input: only known fields are read, nothing is merged, nothing recurses over the input.

import { readRequestCookies, readResponseCookies } from './harCookies.ts';
import { HarFields, isObject, type JsonObject, kindOf, ownField } from './harFields.ts';
import { parseHarTime } from './harTime.ts';
import { headerValue, setCookieLines, splitSetCookieValue } from './headers.ts';
import { parseJsonText } from './jsonText.ts';
import { guessResourceType } from './resourceType.ts';
import { readSiteContext, SiteContextResolver } from './siteContext.ts';
import type {
  BrowserCookieReport,
  Header,
  InitiatorSource,
  PostData,
  ResourceType,
  SiteContext,
  Trace,
  TraceEntry,
  TraceEvent,
  TraceInputWarning,
  TraceRequest,
  TraceResponse,
} from './types.ts';

/** Parses a HAR file's text (a leading byte-order mark is allowed). Throws TraceInputError. */
export function parseHar(text: string, file?: string): Trace {
  return harToTrace(parseJsonText(text, file), file);
}

/** Converts an already-parsed HAR document. Throws TraceInputError, and nothing else. */
export function harToTrace(har: unknown, file?: string): Trace {
  const fields = new HarFields(file);
  let rawEntries: readonly unknown[];
  let creator: string | undefined;
  try {
    const log = readLog(fields, har);
    rawEntries = readEntriesArray(fields, log);
    creator = readCreator(log);
  } catch (thrown) {
    throw fields.asInputError(thrown, 'log', 'the HAR log');
  }

  const warnings: TraceInputWarning[] = [];
  const drafts: EntryDraft[] = [];
  for (let index = 0; index < rawEntries.length; index++) {
    try {
      drafts.push(readEntry(fields, rawEntries[index], index));
    } catch (thrown) {
      throw fields.asInputError(thrown, `log.entries[${index}]`, `entry ${index}`);
    }
  }
  assignStartTimes(drafts, warnings);

  // Events in the order they happened; entries that started together keep their file order.
  const ordered = [...drafts].sort((a, b) => a.startedAt - b.startedAt || a.index - b.index);
  const events: TraceEvent[] = resolveInitiators(ordered).map((entry) => ({ kind: 'entry', entry }));

  return {
    source: { format: 'har', ...(creator ? { creator } : {}), ...(file !== undefined ? { file } : {}) },
    events,
    entryCount: rawEntries.length,
    ...(warnings.length > 0 ? { warnings } : {}),
  };
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

/** One entry as read, before times are repaired and initiators decided (both need the other entries). */
interface EntryDraft {
  readonly index: number;
  /** Parsed `startedDateTime`; undefined when missing or invalid (repaired by assignStartTimes). */
  parsedStart: number | undefined;
  startProblem: string | undefined;
  startedAt: number;
  readonly request: Omit<TraceRequest, 'initiatorUrl' | 'initiatorSource'>;
  readonly resourceType: ResourceType;
  readonly response?: TraceResponse;
  readonly browserReport?: BrowserCookieReport;
  readonly pageRef?: string;
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
  const method = fields.requiredString(request, 'method', requestAt);
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
    ...(referer ? { referer } : {}),
    ...(origin ? { origin } : {}),
    ...(recordedInitiator ? { recordedInitiator } : {}),
    ...(chromeInitiator ? { chromeInitiator } : {}),
    ...(recordedSiteContext ? { recordedSiteContext } : {}),
  };
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
  const list = fields.optionalArray(parent, 'headers', where);
  if (!list) return [];
  const headersAt = `${where}.headers`;
  const headers: Header[] = [];
  for (let position = 0; position < list.length; position++) {
    const header = fields.element(list, position, headersAt);
    // A well-formed header (string name and value) is read directly; anything else goes through the
    // checked reads, whose error messages need the header's location, built only then (a 100,000-entry
    // HAR has millions of headers).
    const rawName = ownField(header, 'name');
    const rawValue = ownField(header, 'value');
    const name =
      typeof rawName === 'string' ? rawName : fields.requiredString(header, 'name', `${headersAt}[${position}]`);
    const value =
      typeof rawValue === 'string' ? rawValue : fields.lenientText(header, 'value', `${headersAt}[${position}]`);
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
  const list = fields.optionalArray(request, 'cookies', where);
  return list ? readRequestCookies(fields, list, `${where}.cookies`) : undefined;
}

function readPostData(fields: HarFields, request: JsonObject, where: string): PostData | undefined {
  const postData = fields.optionalObject(request, 'postData', where);
  if (!postData) return undefined;
  const at = `${where}.postData`;
  const mimeType = fields.optionalString(postData, 'mimeType', at);
  const text = fields.optionalString(postData, 'text', at);
  const paramList = fields.optionalArray(postData, 'params', at);
  const params = paramList?.map((_, position) => {
    const param = fields.element(paramList, position, `${at}.params`);
    const paramAt = `${at}.params[${position}]`;
    const name = fields.requiredString(param, 'name', paramAt);
    const value = fields.optionalString(param, 'value', paramAt);
    return value === undefined ? { name } : { name, value };
  });
  return {
    ...(mimeType !== undefined ? { mimeType } : {}),
    ...(text !== undefined ? { text } : {}),
    ...(params ? { params } : {}),
  };
}

/**
 * The response, or undefined for a request that got none: no `response` field, null, or Chrome's
 * status 0 with no headers (what it writes for failed, blocked or cancelled requests).
 */
function readResponse(fields: HarFields, entry: JsonObject, at: string): TraceResponse | undefined {
  const response = fields.optionalObject(entry, 'response', at);
  if (!response) return undefined;
  const where = `${at}.response`;
  const status = fields.requiredNumber(response, 'status', where);
  const headers = readHeaders(fields, response, where, true);
  if (status === 0 && headers.length === 0) return undefined;

  const redirect = fields.optionalString(response, 'redirectURL', where);
  const cookieList =
    setCookieLines(headers).length === 0 ? fields.optionalArray(response, 'cookies', where) : undefined;
  const cookies = cookieList ? readResponseCookies(fields, cookieList, `${where}.cookies`) : [];
  return {
    status,
    headers,
    ...(cookies.length > 0 ? { cookies } : {}),
    ...(redirect ? { redirectUrl: redirect } : {}),
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

/**
 * An entry with a missing or unreadable startedDateTime takes the time of the entry before it in the
 * file (exporters write entries in request order), or of the first dated entry after it when it is
 * first; a file with no dates at all keeps file order at time 0. Each repair is noted.
 */
function assignStartTimes(drafts: EntryDraft[], warnings: TraceInputWarning[]): void {
  let previous: number | undefined;
  const firstDated = drafts.find((draft) => draft.parsedStart !== undefined)?.parsedStart;
  for (const draft of drafts) {
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
