/**
 * Redaction of a whole trace before it leaves the machine (issue 6): cookie values, Authorization credentials, and
 * session IDs and sign-in credentials inside URLs (urlCredentials.ts) become the engine's stable hash (`redactValue`,
 * `h:1a2b3c4d`), so equal values stay equal and a redacted trace still shows the same rotations, resets and lanes.
 * Cookie names and attributes are kept: they are what the analysis is about, and they are not secrets.
 */
import { isCredentialArgumentName, isLoginOperation } from '../analysis/loginSignals.ts';
import { redactValue } from '../analysis/redact.ts';
import {
  decodeQueryComponent,
  hiddenEverywhere,
  hideSecretParameters,
  redactUrlCredential,
  type SecretParameter,
  secretParametersInUrl,
} from '../analysis/urlCredentials.ts';
import { urlSessions } from '../rules/urlSessions.ts';
import { isChunkCountMarker } from '../session/chunkedCookie.ts';
import { splitRouteSuffix } from '../session/identify.ts';
import { embeddedIdOf, valueShape } from '../session/valueShape.ts';
import { cookieHeaderPairs } from '../trace/headers.ts';
import type {
  BrowserCookieReport,
  CookieSnapshot,
  Header,
  PostData,
  Trace,
  TraceEntry,
  TraceEvent,
  TraceRequest,
  TraceResponse,
} from '../trace/types.ts';

/** Values shorter than this occur by chance in any text (and the engine does not hide them either). */
const MIN_HIDDEN_LENGTH = 8;

/** Headers whose whole credential is secret: only the scheme word ("Bearer", "Basic") stays. */
const CREDENTIAL_HEADERS = new Set(['authorization', 'proxy-authorization']);

/**
 * A cookie value's redacted form: the hash of the whole value, as the engine shows it. A JSESSIONID route
 * suffix (`ID.node1`, `ID!123`) is affinity, not a secret, and the engine splits it off to see backend
 * switches: it is kept after the hash, so a redacted trace still shows them.
 */
export function redactCookieValue(name: string, value: string): string {
  // ASP.NET Core's `chunks-N` is a count, the same for every user, and what tells its chunks from other cookies.
  if (value === '' || isChunkCountMarker(value)) return value;
  // A client-side session store keeps, after its hash, the hash of the session it holds: without it a redacted
  // trace would read every re-encoding of the store as a new session (valueShape.ts, REDACTED_STORE).
  if (valueShape(value) === 'client-side-store')
    return `${redactValue(value)}~${redactValue(embeddedIdOf(value) ?? '').slice(2)}`;
  const { id, route } = splitRouteSuffix(name, value);
  if (route === undefined) return redactValue(value);
  return `${redactValue(value)}${value.slice(id.length, value.length - route.length)}${route}`;
}

/** Redacts a Set-Cookie line's value; the name and every attribute are kept byte for byte. */
export function redactSetCookieLine(line: string): string {
  const semi = line.indexOf(';');
  const pair = semi === -1 ? line : line.slice(0, semi);
  const rest = semi === -1 ? '' : line.slice(semi);
  const eq = pair.indexOf('=');
  if (eq === -1) return `${redactCookieValue('', pair.trim())}${rest}`;
  const name = pair.slice(0, eq).trim();
  const value = pair.slice(eq + 1).trim();
  return `${pair.slice(0, eq)}=${redactCookieValue(name, value)}${rest}`;
}

/** Redacts a Cookie header: every pair keeps its name, every value is hashed. */
export function redactCookieHeader(value: string): string {
  return cookieHeaderPairs(value)
    .map((p) => (p.name === '' ? redactCookieValue('', p.value) : `${p.name}=${redactCookieValue(p.name, p.value)}`))
    .join('; ');
}

function redactCredential(value: string): string {
  const space = value.indexOf(' ');
  if (space === -1) return redactValue(value);
  return `${value.slice(0, space)} ${redactValue(value.slice(space + 1).trim())}`;
}

/**
 * Every value (and its percent-encoded form) that must not appear anywhere in free text, to its hash; `alsoHide` adds
 * values only the analysis tells (a session kept in the address, rules/urlSessions.ts).
 */
function secretsOf(trace: Trace, alsoHide: Iterable<string>): Map<string, string> {
  const secrets = new Map<string, string>();
  const hide = (value: string, hidden: string) => {
    if (value.length < MIN_HIDDEN_LENGTH || secrets.has(value)) return;
    secrets.set(value, hidden);
    const encoded = encodeURIComponent(value);
    if (encoded !== value) secrets.set(encoded, hidden);
  };
  const add = (name: string, value: string) => {
    const { id } = splitRouteSuffix(name, value);
    for (const v of new Set([value, id])) hide(v, v === value ? redactCookieValue(name, value) : redactValue(v));
  };
  const addUrl = (url: string | undefined) => {
    if (!url) return;
    for (const parameter of secretParametersInUrl(url)) {
      // A word or a number is hidden only where it stands (hiddenParameter): everywhere, it would mangle other text.
      if (!hiddenEverywhere(parameter.value)) continue;
      if (parameter.kind === 'session') {
        add(parameter.name, parameter.value);
        continue;
      }
      // Hashed as decoded, as a form body's value is (redactBody): one credential, one hash, however written.
      hide(parameter.value, redactUrlCredential(parameter.value));
      hide(parameter.written, redactUrlCredential(parameter.value));
    }
  };
  for (const value of alsoHide) add('', value);
  for (const event of trace.events) {
    if (event.kind === 'cookie-changed') add(event.cookie.name, event.cookie.value);
    if (event.kind === 'navigation') addUrl(event.url);
    if (event.kind !== 'entry') continue;
    const { request, response } = event.entry;
    addUrl(request.url);
    for (const h of request.headers) {
      const lower = h.name.toLowerCase();
      if (lower === 'cookie') for (const p of cookieHeaderPairs(h.value)) add(p.name, p.value);
      if (lower === 'referer') addUrl(h.value);
      if (CREDENTIAL_HEADERS.has(lower)) add('', h.value.slice(h.value.indexOf(' ') + 1).trim());
    }
    for (const c of request.cookies ?? []) add(c.name, c.value);
    for (const h of response?.headers ?? []) {
      const lower = h.name.toLowerCase();
      if (lower === 'set-cookie') {
        const pair = setCookiePair(h.value);
        if (pair) add(pair.name, pair.value);
      }
      if (lower === 'location') addUrl(h.value);
    }
    for (const c of response?.cookies ?? []) add(c.name, c.value);
  }
  return secrets;
}

function setCookiePair(line: string): { name: string; value: string } | undefined {
  const semi = line.indexOf(';');
  const pair = semi === -1 ? line : line.slice(0, semi);
  const eq = pair.indexOf('=');
  return eq === -1
    ? { name: '', value: pair.trim() }
    : { name: pair.slice(0, eq).trim(), value: pair.slice(eq + 1).trim() };
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Replaces every known secret in free text in one pass (longest first, so a value containing another is
 * replaced whole, and a hash just written is never matched again).
 */
export function textRedactor(secrets: ReadonlyMap<string, string>): (text: string) => string {
  if (secrets.size === 0) return (text) => text;
  const alternatives = [...secrets.keys()].sort((a, b) => b.length - a.length || (a < b ? -1 : 1));
  const pattern = new RegExp(alternatives.map(escapeRegExp).join('|'), 'g');
  return (text) => text.replace(pattern, (found) => secrets.get(found) ?? found);
}

/** A secret parameter's value as an export writes it: as the same value is hidden anywhere else (secretsOf). */
function hiddenParameter(parameter: SecretParameter): string {
  return parameter.kind === 'credential'
    ? redactUrlCredential(parameter.value)
    : redactCookieValue(parameter.name, parameter.value);
}

export interface TraceRedaction {
  readonly trace: Trace;
  /** Hides the same secrets in any other text that goes with the trace (finding messages, URLs). */
  readonly text: (text: string) => string;
}

/** The tokens of the sessions an analysis found kept in addresses, for redactTrace to hide as it hides cookie values. */
export function addressTokens(result: { readonly facts: Parameters<typeof urlSessions>[0] }): string[] {
  return urlSessions(result.facts).map((s) => s.token);
}

/**
 * A copy of the trace with every secret value replaced by its hash, and the values `alsoHide` names (addressTokens).
 * The input is not changed.
 */
export function redactTrace(trace: Trace, alsoHide: Iterable<string> = []): TraceRedaction {
  const known = textRedactor(secretsOf(trace, alsoHide));
  // Secrets in addresses' parameters where they stand, whatever their length; then every known secret anywhere.
  const text = (t: string) => known(hideSecretParameters(t, hiddenParameter));
  const header = (h: Header): Header => {
    const lower = h.name.toLowerCase();
    if (lower === 'cookie') return { name: h.name, value: redactCookieHeader(h.value) };
    if (lower === 'set-cookie') return { name: h.name, value: redactSetCookieLine(h.value) };
    if (CREDENTIAL_HEADERS.has(lower)) return { name: h.name, value: redactCredential(h.value) };
    return { name: h.name, value: text(h.value) };
  };
  const postData = (p: PostData): PostData => ({
    ...(p.mimeType !== undefined ? { mimeType: p.mimeType } : {}),
    ...(p.text !== undefined ? { text: redactBody(p.text, p.mimeType, text) } : {}),
    ...(p.params
      ? {
          params: p.params.map((q) =>
            q.value === undefined ? { name: q.name } : { name: q.name, value: redactValue(q.value) },
          ),
        }
      : {}),
  });
  const request = (r: TraceRequest): TraceRequest => ({
    ...r,
    url: text(r.url),
    headers: r.headers.map(header),
    ...(r.cookies
      ? { cookies: r.cookies.map((c) => ({ name: c.name, value: redactCookieValue(c.name, c.value) })) }
      : {}),
    ...(r.postData ? { postData: postData(r.postData) } : {}),
    ...(r.initiatorUrl !== undefined ? { initiatorUrl: text(r.initiatorUrl) } : {}),
  });
  const response = (r: TraceResponse): TraceResponse => ({
    ...r,
    headers: r.headers.map(header),
    ...(r.cookies
      ? {
          cookies: r.cookies.map((c) => ({
            name: c.name,
            value: redactCookieValue(c.name, c.value),
            ...(c.raw !== undefined ? { raw: redactSetCookieLine(c.raw) } : {}),
          })),
        }
      : {}),
    ...(r.redirectUrl !== undefined ? { redirectUrl: text(r.redirectUrl) } : {}),
  });
  const report = (b: BrowserCookieReport): BrowserCookieReport => ({
    ...b,
    ...(b.blockedResponseCookies
      ? {
          blockedResponseCookies: b.blockedResponseCookies.map((c) => ({
            cookieLine: redactSetCookieLine(c.cookieLine),
            reasons: c.reasons,
          })),
        }
      : {}),
  });
  const entry = (e: TraceEntry): TraceEntry => ({
    ...e,
    request: request(e.request),
    ...(e.response ? { response: response(e.response) } : {}),
    ...(e.browserReport ? { browserReport: report(e.browserReport) } : {}),
  });
  const snapshot = (c: CookieSnapshot): CookieSnapshot => ({ ...c, value: redactCookieValue(c.name, c.value) });
  const event = (ev: TraceEvent): TraceEvent => {
    switch (ev.kind) {
      case 'entry':
        return { kind: 'entry', entry: entry(ev.entry) };
      case 'cookie-changed':
        return { ...ev, cookie: snapshot(ev.cookie) };
      case 'navigation':
        return { ...ev, url: text(ev.url) };
    }
  };
  return { trace: { ...trace, events: trace.events.map(event) }, text };
}

/**
 * A request body: form fields keep their names (the login detector looks for a password field) and lose
 * their values; a JSON body loses the values of its secrets' fields (`password`, `token`, … at any depth: a JSON
 * login's password, as Verdaccio, Ghost and Payload post it), the texts a JSON-RPC login call passes as unnamed
 * arguments, and the known secrets found in it; any other body only the known secrets.
 */
function redactBody(body: string, mimeType: string | undefined, text: (t: string) => string): string {
  if (!mimeType?.toLowerCase().startsWith('application/x-www-form-urlencoded')) return text(redactJsonSecrets(body));
  return body
    .split('&')
    .map((piece) => {
      const eq = piece.indexOf('=');
      return eq === -1
        ? piece
        : `${piece.slice(0, eq)}=${encodeURIComponent(redactValue(decodeQueryComponent(piece.slice(eq + 1))))}`;
    })
    .join('&');
}

/** Bodies longer than this are not parsed as JSON, nor fields nested deeper read: no login posts such a body. */
const MAX_JSON_BODY = 1 << 20;
const MAX_JSON_DEPTH = 32;

/** The JSON body with the string values of its secrets' fields hashed; any other text as it was. */
function redactJsonSecrets(body: string): string {
  const start = body.trimStart()[0];
  if ((start !== '{' && start !== '[') || body.length > MAX_JSON_BODY) return body;
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return body;
  }
  let changed = false;
  // A null-prototype copy keeps a `__proto__` key as a field; past MAX_JSON_DEPTH the value is kept as it was.
  const walk = (value: unknown, depth: number): unknown => {
    if (depth > MAX_JSON_DEPTH || typeof value !== 'object' || value === null) return value;
    if (Array.isArray(value)) return value.map((item) => walk(item, depth + 1));
    const copy: Record<string, unknown> = Object.create(null);
    // A JSON-RPC login call's arguments, unnamed (Deluge's `auth.login` posts `["<password>"]`): each text hashed.
    const loginCall = isLoginOperation((value as Record<string, unknown>).method);
    for (const [key, field] of Object.entries(value)) {
      if (loginCall && key === 'params' && Array.isArray(field)) {
        copy[key] = field.map((argument) => {
          if (typeof argument !== 'string' || argument === '') return walk(argument, depth + 2);
          changed = true;
          return redactValue(argument);
        });
      } else if (typeof field === 'string' && field !== '' && isCredentialArgumentName(key)) {
        copy[key] = redactValue(field);
        changed = true;
      } else copy[key] = walk(field, depth + 1);
    }
    return copy;
  };
  const redacted = walk(parsed, 0);
  return changed ? JSON.stringify(redacted) : body;
}
