/**
 * A tiny builder for engine test scenarios: a few requests written the way a person tells the story
 * ("GET https://shop.test/ sets sid; GET http://shop.test/x carries nothing"), producing a `Trace` with
 * increasing times. Each request is a top-level document unless told otherwise; a request carries a Cookie
 * header only when the scenario says what the browser sent (`cookie: ''` = an empty Cookie header, i.e.
 * "sent nothing", which also tells the engine that the trace records cookies).
 */
import {
  type AnalysisResult,
  type AnalyzeOptions,
  analyzeTrace,
  type Finding,
} from '../../src/core/analysis/analyze.ts';
import { PAGE_TEXT_CHARS } from '../../src/core/trace/loginForm.ts';
import type {
  BrowserCookieReport,
  CookieChangeCause,
  CookieSnapshot,
  Header,
  PostData,
  ResourceType,
  SiteContextKind,
  Trace,
  TraceEntry,
  TraceEvent,
} from '../../src/core/trace/types.ts';

/** Random-looking 128-bit session IDs (fixed literals, unrelated to each other, so no rule sees a pattern). */
export const ID = {
  a: 'f3a91c07d2b84e6a9c51e0b7a4d2f886',
  b: '6c0e8d4b1f7a39e2d5b80c4a7f16e93d',
  c: 'b27f5a0c93e14d68a1c7e9f04b3d5286',
  d: '0d9e4c72a8b61f3e5c07d1a94b2e8f63',
  e: '8a4f1b6e3c0d92a75e1f8c4b07d36a19',
  f: '5e2b9d70c1a846f3b8e05d2c9a71f4e0',
} as const;

/** The attributes of a well-configured session cookie: no attribute rule has anything to say about it. */
export const GOOD = 'Path=/; Secure; HttpOnly; SameSite=Lax';

/** The clock of every scenario: 2025-01-01T00:00:00Z. */
export const T0 = Date.UTC(2025, 0, 1);
/** Default gap between two requests. */
export const STEP_MS = 1000;

export interface RequestOptions {
  /** The Cookie header as sent; omitted = no Cookie header at all. */
  readonly cookie?: string;
  /** Set-Cookie lines of the response, one header each. */
  readonly setCookie?: readonly string[];
  readonly status?: number;
  /** A Location header (and a 302 status unless `status` says otherwise). */
  readonly location?: string;
  readonly initiatorUrl?: string;
  /** The request's site for cookies, as an importer or the recorder decided it. */
  readonly siteContext?: SiteContextKind;
  /** A client that is no browser made it (the import's reading of its User-Agent: siteContext from `client`). */
  readonly fromClient?: true;
  readonly resourceType?: ResourceType;
  /** Extra request headers (Authorization, Referer…). */
  readonly headers?: Readonly<Record<string, string>>;
  /** Extra response headers. */
  readonly responseHeaders?: Readonly<Record<string, string>>;
  /** An urlencoded form body (POST). */
  readonly form?: Readonly<Record<string, string>>;
  /** A raw body with its type. */
  readonly body?: { readonly text: string; readonly mimeType: string };
  /** How long the exchange took, start to response (the entry's `duration`): when its response arrived. */
  readonly duration?: number;
  /** Milliseconds after the previous event (default STEP_MS). */
  readonly after?: number;
  /** The request failed: no response at all. */
  readonly noResponse?: boolean;
  /** The response's body, kept by the exporter, is a page with a login form (a password input). */
  readonly loginForm?: true;
  /** The response's body, kept by the exporter, is a page that offers a logout (a page for a user signed in). */
  readonly offersLogout?: true;
  /** The visible text of the page the exporter kept (TraceResponse.pageText). */
  readonly pageText?: string;
  /** Cookies the browser itself said it blocked (Chrome's DevTools protocol), as the recorder stores them. */
  readonly browserReport?: BrowserCookieReport;
  /** HAR `request.cookies` (for exporters that keep the parsed list but strip the Cookie header). */
  readonly requestCookies?: readonly { readonly name: string; readonly value: string }[];
}

export interface CookieChange {
  readonly name: string;
  readonly value: string;
  readonly domain: string;
  readonly path?: string;
  readonly removed: boolean;
  readonly cause: CookieChangeCause;
  readonly secure?: boolean;
  readonly httpOnly?: boolean;
  readonly hostOnly?: boolean;
  readonly after?: number;
}

function headerList(record: Readonly<Record<string, string>> | undefined): Header[] {
  return Object.entries(record ?? {}).map(([name, value]) => ({ name, value }));
}

function formBody(form: Readonly<Record<string, string>>): PostData {
  return {
    mimeType: 'application/x-www-form-urlencoded',
    text: new URLSearchParams(form).toString(),
    params: Object.entries(form).map(([name, value]) => ({ name, value })),
  };
}

export class TraceBuilder {
  private readonly events: TraceEvent[] = [];
  private entries = 0;
  private time: number;

  constructor(start = T0) {
    this.time = start - STEP_MS;
  }

  /** The time the next event will get with the default gap. */
  get nextTime(): number {
    return this.time + STEP_MS;
  }

  get(url: string, options: RequestOptions = {}): this {
    return this.request('GET', url, options);
  }

  post(url: string, options: RequestOptions = {}): this {
    return this.request('POST', url, options);
  }

  /**
   * A successful login: the form at `url` opened, then posted with a password and answered with a redirect to
   * `location`, setting `setCookie`; no cookie carried.
   */
  login(url: string, setCookie: string[], location = '/home'): this {
    return this.get(url, { cookie: '' }).post(url, {
      cookie: '',
      form: { user: 'ann', password: 'hunter2' },
      status: 302,
      responseHeaders: { Location: location },
      setCookie,
    });
  }

  request(method: string, url: string, options: RequestOptions = {}): this {
    this.time += options.after ?? STEP_MS;
    const headers: Header[] = [];
    if (options.cookie !== undefined) headers.push({ name: 'Cookie', value: options.cookie });
    headers.push(...headerList(options.headers));
    const postData = options.form
      ? formBody(options.form)
      : options.body
        ? { mimeType: options.body.mimeType, text: options.body.text }
        : undefined;
    if (postData?.mimeType) headers.push({ name: 'Content-Type', value: postData.mimeType });
    const responseHeaders: Header[] = (options.setCookie ?? []).map((value) => ({ name: 'Set-Cookie', value }));
    if (options.location !== undefined) responseHeaders.push({ name: 'Location', value: options.location });
    responseHeaders.push(...headerList(options.responseHeaders));
    const status = options.status ?? (options.location !== undefined ? 302 : 200);
    const entry: TraceEntry = {
      index: this.entries++,
      startedAt: this.time,
      ...(options.duration !== undefined ? { duration: options.duration } : {}),
      request: {
        method,
        url,
        headers,
        resourceType: options.resourceType ?? 'document',
        ...(postData ? { postData } : {}),
        ...(options.initiatorUrl !== undefined ? { initiatorUrl: options.initiatorUrl } : {}),
        ...(options.fromClient
          ? { siteContext: { kind: 'same-site', from: 'client' } }
          : options.siteContext !== undefined
            ? { siteContext: { kind: options.siteContext, from: 'initiator' } }
            : {}),
        ...(options.requestCookies ? { cookies: options.requestCookies } : {}),
      },
      ...(options.browserReport ? { browserReport: options.browserReport } : {}),
      ...(options.noResponse
        ? {}
        : {
            response: {
              status,
              headers: responseHeaders,
              ...(options.location !== undefined ? { redirectUrl: options.location } : {}),
              ...(options.loginForm ? { loginForm: true as const } : {}),
              ...(options.offersLogout ? { offersLogout: true as const } : {}),
              ...(options.pageText !== undefined ? { pageText: options.pageText } : {}),
              // As the HAR importer marks a page whose text filled what it keeps.
              ...(options.pageText !== undefined && options.pageText.length >= PAGE_TEXT_CHARS
                ? { pageTextCut: true as const }
                : {}),
            },
          }),
    };
    this.events.push({ kind: 'entry', entry });
    return this;
  }

  /** Lets time pass with no traffic (for client-side expiry). */
  wait(ms: number): this {
    this.time += ms;
    return this;
  }

  /** A `cookies.onChanged` event, as the extension records it. */
  cookieChanged(change: CookieChange): this {
    this.time += change.after ?? STEP_MS;
    const cookie: CookieSnapshot = {
      name: change.name,
      value: change.value,
      domain: change.domain,
      path: change.path ?? '/',
      hostOnly: change.hostOnly ?? true,
      secure: change.secure ?? true,
      httpOnly: change.httpOnly ?? true,
      sameSite: 'lax',
    };
    this.events.push({ kind: 'cookie-changed', time: this.time, cookie, removed: change.removed, cause: change.cause });
    return this;
  }

  build(): Trace {
    return {
      source: { format: 'har', creator: 'traceBuilder', file: 'scenario.har' },
      events: [...this.events],
      entryCount: this.entries,
    };
  }

  analyze(options: AnalyzeOptions = {}): AnalysisResult {
    return analyzeTrace(this.build(), options);
  }
}

export function trace(start = T0): TraceBuilder {
  return new TraceBuilder(start);
}

/** The findings of one rule, in report order. */
export function findingsOf(result: AnalysisResult, rule: string): Finding[] {
  return result.findings.filter((f) => f.rule === rule);
}

/** A compact view of findings for readable assertions: `rule cookie@entry [reason|cause]`. */
export function summary(result: AnalysisResult): string[] {
  return result.findings.map(
    (f) => `${f.rule} ${f.cookie ?? '-'}@${f.entry}${f.reason ? ` ${f.reason}` : ''}${f.cause ? ` (${f.cause})` : ''}`,
  );
}

/** A Base64url JSON segment, for building JWTs in tests. */
export function b64url(value: unknown): string {
  return btoa(JSON.stringify(value)).replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_');
}
