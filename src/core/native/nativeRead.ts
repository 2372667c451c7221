/**
 * Reads a native trace document strictly: every field of the format is checked, and anything malformed is a
 * TraceInputError naming the file and the field (`events[3].entry.request.headers[2].value`). Unknown extra
 * fields are ignored (a later minor addition must not break older readers); wrong types never are. One exception:
 * the saved "What happened" story, words about findings that are all read, is left out with a warning instead.
 */

import type { Finding, LaneIdView, RequestView, SessionView } from '../analysis/analyze.ts';
import type { AnalysisSettings } from '../analysis/settings.ts';
import { NOT_SENT_REASON_NAMES, SET_COOKIE_REJECTED_REASON_NAMES } from '../cookie/reasons.ts';
import { RULES, type RuleId } from '../rules/registry.ts';
import type { Severity } from '../rules/rule.ts';
import type { Story, StoryKind, StoryTiming } from '../story/story.ts';
import { type PageExport, pageResponseFields } from '../trace/exportedPage.ts';
import type { BrowserName, RecordingBrowser } from '../trace/recordingBrowser.ts';
import { SITE_CONTEXT_KINDS, SITE_CONTEXT_SOURCES } from '../trace/siteContext.ts';
import type {
  BrowserCookieReport,
  CookieChangeCause,
  Header,
  InitiatorSource,
  PostData,
  ResourceType,
  SiteContext,
  TraceEntry,
  TraceEvent,
  TraceInputWarning,
  TraceRequest,
  TraceResponse,
  TraceSourceFormat,
} from '../trace/types.ts';
import { definedFields } from './definedFields.ts';
import { isObject, type JsonObject, kindOf, type NativeFields, ownField } from './nativeFields.ts';

export const RESOURCE_TYPES: readonly ResourceType[] = [
  'document',
  'subdocument',
  'xhr',
  'fetch',
  'script',
  'stylesheet',
  'image',
  'font',
  'media',
  'websocket',
  'ping',
  'other',
];
export const INITIATOR_SOURCES: readonly InitiatorSource[] = [
  'recorder',
  'referer',
  'browser-initiated',
  'page-document',
  'latest-document',
  'chrome-initiator',
  'subresource-referer',
  'origin-header',
];
export const CHANGE_CAUSES: readonly CookieChangeCause[] = [
  'explicit',
  'overwrite',
  'expired',
  'expired_overwrite',
  'evicted',
];
export const SAME_SITE_VALUES = ['strict', 'lax', 'none', 'unspecified'] as const;
export const SOURCE_FORMATS: readonly TraceSourceFormat[] = ['har', 'sessionscope-trace', 'live'];
export const SEVERITIES: readonly Severity[] = ['info', 'low', 'medium', 'high'];
const RULE_IDS: readonly RuleId[] = RULES.map((r) => r.id);

function headers(f: NativeFields, parent: JsonObject, at: string): Header[] {
  return f.objects(parent, 'headers', at).map(({ item, at: h }) => ({
    name: f.requiredString(item, 'name', h),
    value: f.requiredString(item, 'value', h),
  }));
}

function postData(f: NativeFields, p: JsonObject, at: string): PostData {
  const params = ownField(p, 'params') === undefined ? undefined : f.objects(p, 'params', at);
  return definedFields({
    mimeType: f.optionalString(p, 'mimeType', at),
    text: f.optionalString(p, 'text', at),
    params: params?.map(({ item, at: q }) =>
      definedFields({ name: f.requiredString(item, 'name', q), value: f.optionalString(item, 'value', q) }),
    ),
  });
}

function request(f: NativeFields, r: JsonObject, at: string): TraceRequest {
  const cookies =
    ownField(r, 'cookies') === undefined
      ? undefined
      : f.objects(r, 'cookies', at).map(({ item, at: c }) => ({
          name: f.requiredString(item, 'name', c),
          value: f.requiredString(item, 'value', c),
        }));
  const post = f.optionalObject(r, 'postData', at);
  return definedFields({
    method: f.requiredString(r, 'method', at),
    url: f.requiredString(r, 'url', at),
    headers: headers(f, r, at),
    cookies,
    postData: post && postData(f, post, `${at}.postData`),
    resourceType: f.optionalOneOf(r, 'resourceType', at, RESOURCE_TYPES),
    initiatorUrl: f.optionalString(r, 'initiatorUrl', at),
    initiatorSource: f.optionalOneOf(r, 'initiatorSource', at, INITIATOR_SOURCES),
    siteContext: siteContext(f, r, at),
  });
}

function siteContext(f: NativeFields, r: JsonObject, at: string): SiteContext | undefined {
  const context = f.optionalObject(r, 'siteContext', at);
  if (!context) return undefined;
  const where = `${at}.siteContext`;
  return {
    kind: f.requiredOneOf(context, 'kind', where, SITE_CONTEXT_KINDS),
    from: f.requiredOneOf(context, 'from', where, SITE_CONTEXT_SOURCES),
  };
}

function response(f: NativeFields, r: JsonObject, at: string): TraceResponse {
  const cookies =
    ownField(r, 'cookies') === undefined
      ? undefined
      : f.objects(r, 'cookies', at).map(({ item, at: c }) =>
          definedFields({
            name: f.requiredString(item, 'name', c),
            value: f.requiredString(item, 'value', c),
            raw: f.optionalString(item, 'raw', c),
          }),
        );
  const page = f.optionalObject(r, 'page', at);
  return definedFields({
    status: f.requiredNumber(r, 'status', at),
    headers: headers(f, r, at),
    cookies,
    redirectUrl: f.optionalString(r, 'redirectUrl', at),
    ...(page ? pageResponseFields(readPageExport(f, page, `${at}.page`)) : {}),
  });
}

/** A response's `page`: what the exporter's analysis read of a page its source kept (pageExport.ts). */
function readPageExport(f: NativeFields, page: JsonObject, at: string): PageExport {
  const names = f.stringList(page, 'names', at, false);
  return definedFields({
    loginForm: f.optionalBoolean(page, 'loginForm', at) ? (true as const) : undefined,
    offersLogout: f.optionalBoolean(page, 'offersLogout', at) ? (true as const) : undefined,
    names,
    cut: f.optionalBoolean(page, 'cut', at) ? (true as const) : undefined,
  });
}

function browserReport(f: NativeFields, b: JsonObject, at: string): BrowserCookieReport {
  const req =
    ownField(b, 'blockedRequestCookies') === undefined
      ? undefined
      : f.objects(b, 'blockedRequestCookies', at).map(({ item, at: c }) =>
          definedFields({
            name: f.requiredString(item, 'name', c),
            domain: f.optionalString(item, 'domain', c),
            path: f.optionalString(item, 'path', c),
            reasons: f.stringList(item, 'reasons', c, true)!,
          }),
        );
  const res =
    ownField(b, 'blockedResponseCookies') === undefined
      ? undefined
      : f.objects(b, 'blockedResponseCookies', at).map(({ item, at: c }) => ({
          cookieLine: f.requiredString(item, 'cookieLine', c),
          reasons: f.stringList(item, 'reasons', c, true)!,
        }));
  return definedFields({ blockedRequestCookies: req, blockedResponseCookies: res });
}

const OFF_NETWORK = ['internal-redirect', 'proxy-tunnel', 'cache', 'service-worker', 'never-sent'] as const;

function entry(f: NativeFields, e: JsonObject, at: string): TraceEntry {
  const res = f.optionalObject(e, 'response', at);
  const report = f.optionalObject(e, 'browserReport', at);
  return definedFields({
    index: f.requiredCount(e, 'index', at),
    startedAt: f.requiredNumber(e, 'startedAt', at),
    pageRef: f.optionalString(e, 'pageRef', at),
    offNetwork: f.optionalOneOf(e, 'offNetwork', at, OFF_NETWORK),
    duration: f.optionalNumber(e, 'duration', at),
    run: f.optionalNumber(e, 'run', at),
    request: request(f, f.requiredObject(e, 'request', at), `${at}.request`),
    response: res && response(f, res, `${at}.response`),
    browserReport: report && browserReport(f, report, `${at}.browserReport`),
  });
}

export function readEvent(f: NativeFields, ev: JsonObject, at: string): TraceEvent {
  const kind = f.requiredOneOf(ev, 'kind', at, ['entry', 'cookie-changed', 'navigation'] as const);
  switch (kind) {
    case 'entry':
      return { kind, entry: entry(f, f.requiredObject(ev, 'entry', at), `${at}.entry`) };
    case 'navigation':
      return { kind, time: f.requiredNumber(ev, 'time', at), url: f.requiredString(ev, 'url', at) };
    case 'cookie-changed': {
      const c = f.requiredObject(ev, 'cookie', at);
      const cat = `${at}.cookie`;
      return {
        kind,
        time: f.requiredNumber(ev, 'time', at),
        cookie: definedFields({
          name: f.requiredString(c, 'name', cat),
          value: f.requiredString(c, 'value', cat),
          domain: f.requiredString(c, 'domain', cat),
          path: f.requiredString(c, 'path', cat),
          hostOnly: f.requiredBoolean(c, 'hostOnly', cat),
          secure: f.requiredBoolean(c, 'secure', cat),
          httpOnly: f.requiredBoolean(c, 'httpOnly', cat),
          sameSite: f.requiredOneOf(c, 'sameSite', cat, SAME_SITE_VALUES),
          expiresAt: f.optionalNumber(c, 'expiresAt', cat),
        }),
        removed: f.requiredBoolean(ev, 'removed', at),
        cause: f.requiredOneOf(ev, 'cause', at, CHANGE_CAUSES),
      };
    }
  }
}

export function readSettings(f: NativeFields, s: JsonObject, at: string): AnalysisSettings {
  return definedFields({
    sessionCookies: f.stringList(s, 'sessionCookies', at, true)!,
    notSessionCookies: f.stringList(s, 'notSessionCookies', at, true)!,
    persistentThresholdSeconds: f.requiredNumber(s, 'persistentThresholdSeconds', at),
    minEntropyBits: f.requiredNumber(s, 'minEntropyBits', at),
    // Absent in traces written before third-party sessions were told apart: the default then.
    thirdPartySessions: f.optionalBoolean(s, 'thirdPartySessions', at) ?? false,
    now: f.optionalNumber(s, 'now', at),
  });
}

export function readWarnings(f: NativeFields, doc: JsonObject): TraceInputWarning[] {
  return f.objects(doc, 'warnings', '', false).map(({ item, at }) => ({
    where: f.requiredString(item, 'where', at),
    message: f.requiredString(item, 'message', at),
  }));
}

/** The analysis the exporter saw, as saved. */
export interface SavedAnalysis {
  readonly cookiesRecorded: boolean;
  readonly sessionCookieNames: readonly { readonly name: string; readonly why: string }[];
  readonly sessions: readonly SessionView[];
  readonly findings: readonly Finding[];
  readonly requests: readonly RequestView[];
  /** "What happened"; absent in traces written before it was saved, or when the saved one could not be read. */
  readonly story?: readonly Story[];
}

function evidence(f: NativeFields, e: JsonObject, at: string): Finding['evidence'] {
  const out: Record<string, Finding['evidence'][string]> = {};
  for (const key of Object.keys(e)) {
    const v = e[key];
    if (typeof v === 'string' || typeof v === 'boolean' || (typeof v === 'number' && Number.isFinite(v))) out[key] = v;
    else if (Array.isArray(v)) out[key] = f.stringList(e, key, at, true)!;
    else f.fail(`${at}.${key}`, `evidence must be a string, number, true/false or a list of strings, not ${kindOf(v)}`);
  }
  return out;
}

function finding(f: NativeFields, x: JsonObject, at: string): Finding {
  return definedFields({
    rule: f.requiredOneOf(x, 'rule', at, RULE_IDS),
    severity: f.requiredOneOf(x, 'severity', at, SEVERITIES),
    title: f.requiredString(x, 'title', at),
    origin: f.requiredString(x, 'origin', at),
    cookie: f.optionalString(x, 'cookie', at),
    entry: f.requiredCount(x, 'entry', at),
    url: f.requiredString(x, 'url', at),
    reason: f.optionalString(x, 'reason', at),
    cause: f.optionalString(x, 'cause', at),
    related: f.countList(x, 'related', at),
    message: f.requiredString(x, 'message', at),
    fix: f.requiredString(x, 'fix', at),
    evidence: evidence(f, f.requiredObject(x, 'evidence', at), `${at}.evidence`),
    session: findingSession(f, x, at),
  });
}

/** What made a finding's cookie a session; absent in traces written before confidence existed. */
function findingSession(f: NativeFields, x: JsonObject, at: string): Finding['session'] {
  const s = f.optionalObject(x, 'session', at);
  if (!s) return undefined;
  return {
    confidence: f.requiredOneOf(s, 'confidence', `${at}.session`, CONFIDENCES),
    evidence: f.stringList(s, 'evidence', `${at}.session`, true)!,
    thirdParty: f.requiredBoolean(s, 'thirdParty', `${at}.session`),
  };
}

function laneId(f: NativeFields, x: JsonObject, at: string): LaneIdView {
  return definedFields({
    id: f.requiredString(x, 'id', at),
    firstEntry: f.requiredCount(x, 'firstEntry', at),
    lastEntry: f.requiredCount(x, 'lastEntry', at),
    endedBy: f.optionalString(x, 'endedBy', at),
    endEntry: f.optionalCount(x, 'endEntry', at),
    cause: f.optionalString(x, 'cause', at),
  });
}

const CONFIDENCES = ['certain', 'likely', 'possible'] as const;

function session(f: NativeFields, x: JsonObject, at: string): SessionView {
  return {
    origin: f.requiredString(x, 'origin', at),
    cookie: f.requiredString(x, 'cookie', at),
    domain: f.requiredString(x, 'domain', at),
    path: f.requiredString(x, 'path', at),
    identifiedBy: f.requiredString(x, 'identifiedBy', at),
    // Traces written before confidence existed: their identification was by name or token shape, unproven.
    confidence: f.optionalOneOf(x, 'confidence', at, CONFIDENCES) ?? 'possible',
    evidence: f.stringList(x, 'evidence', at, false) ?? [f.requiredString(x, 'identifiedBy', at)],
    thirdParty: f.optionalBoolean(x, 'thirdParty', at) ?? false,
    ids: f.objects(x, 'ids', at).map(({ item, at: i }) => laneId(f, item, i)),
  };
}

function requestView(f: NativeFields, x: JsonObject, at: string): RequestView {
  return definedFields({
    entry: f.requiredCount(x, 'entry', at),
    method: f.requiredString(x, 'method', at),
    url: f.requiredString(x, 'url', at),
    status: f.optionalNumber(x, 'status', at),
    sent: f.objects(x, 'sent', at).map(({ item, at: s }) =>
      definedFields({
        name: f.requiredString(item, 'name', s),
        session: f.optionalBoolean(item, 'session', s),
        value: f.optionalString(item, 'value', s),
      }),
    ),
    notSent: f.objects(x, 'notSent', at).map(({ item, at: n }) =>
      definedFields({
        name: f.requiredString(item, 'name', n),
        domain: f.requiredString(item, 'domain', n),
        path: f.requiredString(item, 'path', n),
        reason: f.requiredOneOf(item, 'reason', n, NOT_SENT_REASON_NAMES),
        browserReasons: f.stringList(item, 'browserReasons', n, false),
      }),
    ),
    // Absent in files saved before it existed: read as none.
    rejected: f.objects(x, 'rejected', at, false).map(({ item, at: j }) => ({
      name: f.requiredString(item, 'name', j),
      domain: f.requiredString(item, 'domain', j),
      reason: f.requiredOneOf(item, 'reason', j, SET_COOKIE_REJECTED_REASON_NAMES),
    })),
  });
}

// Listed as a record so that a browser added to BrowserName fails to compile until it is readable here too.
const BROWSER_NAMES = Object.keys({
  chrome: 1,
  firefox: 1,
  safari: 1,
  'edge-legacy': 1,
  ie: 1,
  phantomjs: 1,
  qtwebkit: 1,
} satisfies Record<BrowserName, 1>) as BrowserName[];
const BROWSER_FROM = ['log.browser', 'log.creator', 'user-agent'] as const;

/** `source.browser`: the recording browser, whose cookie defaults a re-analysis must apply; absent in older traces. */
export function readRecordingBrowser(f: NativeFields, src: JsonObject, at: string): RecordingBrowser | undefined {
  const b = f.optionalObject(src, 'browser', at);
  if (!b) return undefined;
  const where = `${at}.browser`;
  return definedFields({
    name: f.requiredOneOf(b, 'name', where, BROWSER_NAMES),
    version: f.optionalCount(b, 'version', where),
    from: f.requiredOneOf(b, 'from', where, BROWSER_FROM),
  });
}

const STORY_KINDS: readonly StoryKind[] = ['lost', 'rejected', 'not-established', 'at-risk'];

function storyTiming(f: NativeFields, t: JsonObject, at: string): StoryTiming {
  return definedFields({
    idleMs: f.optionalNumber(t, 'idleMs', at),
    lastUsedEntry: f.optionalCount(t, 'lastUsedEntry', at),
    lastUse: f.optionalOneOf(t, 'lastUse', at, ['sent', 'set'] as const),
    ageMs: f.optionalNumber(t, 'ageMs', at),
    firstEntry: f.optionalCount(t, 'firstEntry', at),
    expiresAt: f.optionalNumber(t, 'expiresAt', at),
    expiryMarginMs: f.optionalNumber(t, 'expiryMarginMs', at),
  });
}

/** One saved story; `findings` is how many findings were read, which `related` indexes into. */
function story(f: NativeFields, x: JsonObject, at: string, findings: number): Story {
  f.requiredArray(x, 'related', at);
  const related = f.countList(x, 'related', at) ?? [];
  const missing = related.find((r) => r >= findings);
  if (missing !== undefined) f.fail(`${at}.related`, `related finding ${missing} does not exist`);
  return definedFields({
    kind: f.requiredOneOf(x, 'kind', at, STORY_KINDS),
    entry: f.requiredCount(x, 'entry', at),
    time: f.requiredNumber(x, 'time', at),
    headline: f.requiredString(x, 'headline', at),
    steps: f.stringList(x, 'steps', at, true)!,
    cause: f.requiredString(x, 'cause', at),
    confidence: f.optionalOneOf(x, 'confidence', at, CONFIDENCES),
    fix: f.requiredString(x, 'fix', at),
    cookie: f.optionalString(x, 'cookie', at),
    origin: f.requiredString(x, 'origin', at),
    rule: f.requiredString(x, 'rule', at),
    related,
    timing: storyTiming(f, f.requiredObject(x, 'timing', at), `${at}.timing`),
  });
}

/**
 * The saved stories, read leniently: they are words about the findings, which are all read, so a malformed one
 * is a warning (a note naming where) and not a refusal of the trace. The whole list is then left out, not only
 * the bad story: the reports read a list as every story there is, and a shortened one (or an empty one: "no
 * session was lost") would say less happened than did.
 */
function stories(f: NativeFields, a: JsonObject, at: string, findings: number): Story[] | undefined {
  if (ownField(a, 'story') === undefined) return undefined;
  try {
    return f.objects(a, 'story', at).map(({ item, at: s }) => story(f, item, s, findings));
  } catch (thrown) {
    const error = f.asInputError(thrown, `${at}.story`, 'the saved story');
    f.note(error.where ?? `${at}.story`, `the saved "What happened" story is not shown: ${error.problem}`);
    return undefined;
  }
}

export function readAnalysis(f: NativeFields, a: JsonObject, at: string): SavedAnalysis {
  const findings = f.objects(a, 'findings', at).map(({ item, at: x }) => finding(f, item, x));
  findings.forEach((x, i) => {
    for (const r of x.related ?? []) {
      if (r >= findings.length) f.fail(`${at}.findings[${i}].related`, `related finding ${r} does not exist`);
    }
  });
  return {
    cookiesRecorded: f.requiredBoolean(a, 'cookiesRecorded', at),
    sessionCookieNames: f.objects(a, 'sessionCookieNames', at).map(({ item, at: n }) => ({
      name: f.requiredString(item, 'name', n),
      why: f.requiredString(item, 'why', n),
    })),
    sessions: f.objects(a, 'sessions', at).map(({ item, at: s }) => session(f, item, s)),
    findings,
    requests: f.objects(a, 'requests', at).map(({ item, at: r }) => requestView(f, item, r)),
    ...definedFields({ story: stories(f, a, at, findings.length) }),
  };
}

export { isObject, type JsonObject, kindOf, ownField };
