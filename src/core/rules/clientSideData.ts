/** session-client-side-data, jwt-alg-none, jwt-no-expiry: what a session cookie value carries in the clear. */
import type { RequestFacts, SentCookieFact, SetCookieFact } from '../analysis/facts.ts';
import { isRandomToken } from '../session/randomToken.ts';
import { type SecretField, secretFieldsOf } from '../session/secretFields.ts';
import {
  type ClientSideData,
  jwtHasNoneAlg,
  jwtLacksExpiry,
  railsMessage,
  readClientSideData,
} from '../session/tokenData.ts';
import { fieldsOf } from '../session/valueShape.ts';
import { heldFor, jarCookieKey } from './helpers.ts';
import { perRequestRule } from './perRequestRule.ts';
import type { FindingDraft, PerRequest } from './rule.ts';

interface Seen {
  readonly request: RequestFacts;
  readonly name: string;
  /** The cookie of the jar it is (helpers.ts jarCookieKey): one `Domain=` cookie carried to several hosts is one. */
  readonly jarCookie: string;
  readonly value: string;
  readonly data: ClientSideData;
}

const NONE: readonly Seen[] = [];

/**
 * What each cookie fact's value reads as (null: opaque). Facts are shared by the requests that repeat them
 * (the same ID carried on every request): each is decoded once, not once per request and rule.
 */
const decoded = new WeakMap<SetCookieFact | SentCookieFact, ClientSideData | null>();

function dataOf(c: SetCookieFact | SentCookieFact): ClientSideData | undefined {
  let data = decoded.get(c);
  if (data === undefined) {
    data = readClientSideData(c.value) ?? readableFields(c.value) ?? null;
    decoded.set(c, data);
  }
  return data ?? undefined;
}

/** `out` with the readable session cookie values among `cookies` added (made when the first one is found). */
function readable(
  request: RequestFacts,
  cookies: readonly (SetCookieFact | SentCookieFact)[],
  out: Seen[] | undefined,
): Seen[] | undefined {
  for (let i = 0; i < cookies.length; i++) {
    const c = cookies[i]!;
    if (!c.session || c.value === '') continue;
    const data = dataOf(c);
    if (!data) continue;
    out ??= [];
    const domain = 'line' in c ? heldFor(c.parsed?.domain, request.host) : (c.domain ?? request.host);
    out.push({ request, name: c.name, jarCookie: jarCookieKey(c.name, domain), value: c.value, data });
  }
  return out;
}

/** The readable session cookie values of each request, Set-Cookies first; the first per cookie of the jar counts. */
function readableValues(
  report: (s: Seen, ctx: { show: (v: string) => string }) => FindingDraft | undefined,
): PerRequest<Seen> {
  return {
    observe(request) {
      // Two calls, not a loop over [setCookies, sent]: this runs for every request, and that pair was an array
      // and an iterator per request (a fifth of the analysis's iterator garbage on the 100k benchmark HAR).
      const out = readable(request, request.setCookies, undefined);
      return readable(request, request.sent, out) ?? NONE;
    },
    onceKey: (s) => s.jarCookie,
    draft: (s, _count, ctx) => report(s, ctx),
  };
}

function keysOf(data: ClientSideData): string[] {
  return fieldNames(data.payload);
}

/** The field names of an object payload; none for a list or a text. */
function fieldNames(payload: unknown): string[] {
  return typeof payload === 'object' && payload !== null && !Array.isArray(payload) ? Object.keys(payload) : [];
}

function finding(s: Seen, message: string, extra: Record<string, string | boolean | readonly string[]>): FindingDraft {
  return {
    origin: s.request.origin,
    cookie: s.name,
    entry: s.request.entry,
    url: s.request.url,
    message,
    evidence: {
      value: { secret: s.value },
      kind: s.data.kind,
      fields: fieldNames(railsMessage(s.data.payload)?.data ?? s.data.payload),
      ...extra,
    },
  };
}

const KIND_TEXT: Record<ClientSideData['kind'], string> = {
  jwt: 'a JWT',
  'base64-json': 'base64-encoded JSON',
  'signed-json': 'a signed, not encrypted, payload',
  unsigned: 'an unsigned payload',
  fields: 'readable fields',
  'password-hash': 'a password hash',
  json: 'JSON in the clear',
};

/** Why a pickled session is worse than a readable one: Python runs what it unpickles. */
const PICKLE_NOTE =
  " It is a Python pickle, which the server unpickles, so whoever learns the key that signs it can make the server run code of their choosing. Serialise the session as JSON instead (Django's JSONSerializer).";

/** Fields that hold a session's ID or the signature over it, not data. */
const ID_OR_SIGNATURE = /^(session_?id|sid|sign|sig|signature|mac|hmac)$/i;
/** A field that holds a server-side session's bearer token: an ID, where its value is a random token (or emptied). */
const TOKEN_FIELD = /^(session_?)?token$/i;

/** The field names an opaque ID in an envelope: its ID or signature, or a random token under a token's name. */
function holdsOnlyAnId(payload: unknown, field: string): boolean {
  if (ID_OR_SIGNATURE.test(field)) return true;
  const value = (payload as Record<string, unknown>)[field];
  return TOKEN_FIELD.test(field) && typeof value === 'string' && (value === '' || isRandomToken(value));
}

/** The secrets a payload holds, in words, named by where they are (their values never: the Decoded part shows them). */
function secretsText(secrets: readonly SecretField[]): string {
  if (secrets.length === 0) return '';
  const named = secrets.slice(0, 5).map((f) => `${f.path} (${f.holds})`);
  const more = secrets.length > 5 ? `, and ${secrets.length - 5} more` : '';
  return ` It holds secrets: ${named.join(', ')}${more}. Whoever reads the cookie has them.`;
}

/** A session cookie's value as fields in the clear (valueShape.ts fieldsOf), or undefined. */
function readableFields(value: string): ClientSideData | undefined {
  const payload = fieldsOf(value);
  return payload ? { kind: 'fields', payload } : undefined;
}

export const sessionClientSideData = perRequestRule({
  id: 'session-client-side-data',
  severity: 'medium',
  title: 'Readable data in the session cookie',
  docs: {
    explanation:
      'The session cookie is not an opaque ID: it carries data anyone holding it can read (a JWT, base64 JSON, or a signed-but-not-encrypted session). Anything in it — user IDs, roles, e-mail — is disclosed, and the server cannot revoke it before it expires.',
    fix: 'Keep session state on the server behind an opaque random ID, or encrypt the cookie (not just sign it) and keep secrets out of it.',
  },
  // The value that shows the most: a store's fields grow as the session does (the user added at the login). A later
  // value with no fewer fields and one the kept value lacks is reported instead.
  prefer: (later: Seen, kept: Seen) => {
    // The same value carried again (most requests): the same data, nothing to compare.
    if (later.value === kept.value) return false;
    const more = keysOf(later.data);
    const known = keysOf(kept.data);
    return more.length >= known.length && more.some((k) => !known.includes(k));
  },
  ...readableValues((s, ctx) => {
    // Rails wraps what it signs in its message metadata: the data inside is what the cookie discloses.
    const rails = railsMessage(s.data.payload);
    const payload = rails ? rails.data : s.data.payload;
    const fields = fieldNames(payload);
    // Only the session's ID and its signature (Zabbix's `{"sessionid", "sign"}`), a server-side session's random
    // token (Vendure's cookie-session `{"token": "<64 hex>"}`, emptied at its logout), or a signed random token
    // (Jupyter's Tornado cookie signs a uuid): an opaque ID in an envelope, nothing more to read.
    if (fields.length > 0 && fields.every((f) => holdsOnlyAnId(payload, f))) return undefined;
    if (typeof payload === 'string' && isRandomToken(payload)) return undefined;
    const secrets = s.data.kind === 'password-hash' ? [] : secretFieldsOf(payload);
    // What is inside: the secrets by where they are, then (values shown raw) the decoded payload.
    const inside =
      secretsText(secrets) +
      (ctx.show(s.value) === s.value ? ` Decoded: ${JSON.stringify(payload).slice(0, 300)}` : '');
    const format =
      s.data.kind === 'signed-json'
        ? `${KIND_TEXT[s.data.kind]} (${s.data.format}${rails?.purpose ? `, a message for ${rails.purpose}` : ''})`
        : s.data.kind === 'unsigned'
          ? `${KIND_TEXT[s.data.kind]} (${s.data.format})`
          : KIND_TEXT[s.data.kind];
    // A signed value may hold one text (Tornado's `user`) or a list (Devise's remember-me token), not fields.
    const what =
      typeof payload === 'string'
        ? 'a text value'
        : Array.isArray(payload)
          ? `a list of ${payload.length} values`
          : `fields ${fields.join(', ') || '(none)'}`;
    const message =
      s.data.kind === 'password-hash'
        ? `${s.name} carries a password hash (${s.data.payload.scheme}): whoever reads the cookie can test passwords against it offline.`
        : s.data.kind === 'fields'
          ? `${s.name} carries the session in the clear, as fields: ${fields.join(', ')}.${inside}`
          : s.data.kind === 'unsigned'
            ? `${s.name} carries ${format} with ${what}: nothing signs it, so anyone can write one with other fields (another user) and the server reads it as its own.${inside}`
            : `${s.name} carries ${format} with ${what}.${s.data.kind === 'signed-json' && s.data.pickled ? PICKLE_NOTE : ''}${inside}`;
    return finding(s, message, {
      ...(s.data.kind === 'signed-json' && s.data.pickled ? { pickled: true } : {}),
      ...(secrets.length > 0 ? { secrets: secrets.map((f) => f.path) } : {}),
    });
  }),
});

export const jwtAlgNone = perRequestRule({
  id: 'jwt-alg-none',
  severity: 'high',
  title: 'JWT session token with alg none',
  docs: {
    explanation:
      'The session JWT declares "alg": "none": it is not signed, so anyone can forge a token with any claims if the server accepts it.',
    fix: 'Sign tokens (HS256/RS256/EdDSA) and have the server reject alg none and pin the expected algorithm.',
  },
  // The first readable value of the cookie decides (a later one may be signed).
  ...readableValues((s) =>
    jwtHasNoneAlg(s.data)
      ? finding(s, `${s.name} is a JWT with alg "none": unsigned and forgeable.`, { alg: 'none' })
      : undefined,
  ),
});

export const jwtNoExpiry = perRequestRule({
  id: 'jwt-no-expiry',
  severity: 'low',
  title: 'JWT session token without expiry',
  docs: {
    explanation:
      'The session JWT has no "exp" claim: once stolen it stays valid forever unless the server keeps a deny-list.',
    fix: 'Add a short "exp" claim and refresh tokens as needed.',
  },
  ...readableValues((s) =>
    jwtLacksExpiry(s.data)
      ? finding(s, `${s.name} is a JWT with no exp claim: it never expires.`, { exp: false })
      : undefined,
  ),
});
