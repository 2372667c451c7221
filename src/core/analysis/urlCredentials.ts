/**
 * Credentials that sign-in protocols and signed addresses put in a URL's query or fragment: whoever reads the
 * address can act as the user (or fetch what it grants) until the credential is spent or expires. Redacted reports
 * and exports hide them as they hide a session cookie's value (sessionValues.ts, native/redactTrace.ts); a
 * recording of an OAuth or CAS login holds one in a redirect's Location and the next request's URL.
 */
import { cookielessIds } from '../session/cookielessUrl.ts';
import { classifyCookieName, SESSION_PATH_PARAMETER_NAMES } from '../session/identify.ts';
import { isRedactedValue, isWordValue } from '../session/valueShape.ts';
import { casTicketPrefix, isCredentialArgumentName } from './loginSignals.ts';
import { redactValue } from './redact.ts';

interface CredentialParameter {
  /** Whether a parameter of this name holds the credential; `parameters` are the address's. */
  readonly holds: (name: string, parameters: readonly { readonly name: string }[]) => boolean;
  /** Which protocol puts it there, and why it is a credential. */
  readonly source: string;
}

const exactly =
  (pattern: RegExp) =>
  (name: string): boolean =>
    pattern.test(name);

/** The table: each kind of credential a URL carries, by its parameter's name. */
const CREDENTIAL_PARAMETERS: readonly CredentialParameter[] = [
  {
    // `code` alone is any code (a country's, a promotion's); an authorization response carries `state` or `iss`.
    holds: (name, parameters) => name === 'code' && parameters.some((p) => p.name === 'state' || p.name === 'iss'),
    source: 'an OAuth 2.0 authorization code (RFC 6749 §4.1.2, RFC 9207), redeemed once for tokens',
  },
  {
    holds: exactly(/^(?:access|id|refresh)_token$/i),
    source: 'OAuth 2.0 and OpenID Connect tokens of an implicit-flow redirect (RFC 6749 §4.2.2)',
  },
  { holds: exactly(/^oauth_(?:token|verifier)$/i), source: "OAuth 1.0a's token and verifier (RFC 5849 §2.2)" },
  { holds: exactly(/^ticket$/i), source: "CAS's service and proxy tickets (CAS Protocol 3.0 §2.2.4)" },
  {
    holds: exactly(/^SAML(?:Response|art)$/i),
    source: 'SAML 2.0 HTTP-Redirect and Artifact bindings: the signed assertion, or the artifact that fetches it',
  },
  {
    holds: exactly(/^(?:X-Amz-Signature|X-Amz-Security-Token|X-Goog-Signature|Signature|sig)$/i),
    source: 'a signed address (S3, Cloud Storage, CloudFront, an Azure SAS): whoever holds it has the object',
  },
  {
    // access_token's kin under other names: authToken, csrf_token, X-Auth-Token.
    holds: (name) => /[_-]token$/i.test(name) || /[a-z]Token$/.test(name),
    source: 'a token named as one',
  },
  {
    // A key or secret under a compound name (App Center's `deployment_key`, Branch's `branch_key`, `apiKey`,
    // `client_secret`): whoever reads the address can use it, whatever service it opens.
    holds: (name) => /[_-]key$/i.test(name) || /[a-z]Key$/.test(name) || /secret/i.test(name),
    source: 'a key or a secret named as one (a deployment or SDK key, a client secret)',
  },
  {
    holds: isCredentialArgumentName,
    source: 'a password, key or token field (the names a login body is redacted by, loginSignals.ts)',
  },
];

/**
 * Values shorter than this occur by chance in any text: neither redactor hides them anywhere but where they stand,
 * and under a session's name such a value is no ID at all (secretParametersInUrl).
 */
const MIN_CREDENTIAL_LENGTH = 8;

/** A parameter of an address: its name, decoded, and where its value stands in the address. */
interface ParameterSpan {
  readonly name: string;
  readonly start: number;
  readonly end: number;
}

/**
 * The query's and the fragment's parameters (`#access_token=…`, as an implicit flow returns it; a hash route's
 * `#/page?key=…`), a repeated name each time, with the spans of their values (an indexed loop: no copies of the
 * address). Cheap on an address without `?` or `#`.
 */
function parameterSpans(url: string): ParameterSpan[] {
  const query = url.indexOf('?');
  const hash = url.indexOf('#');
  if (query === -1 && hash === -1) return [];
  const spans: ParameterSpan[] = [];
  let pieceStart = (query === -1 ? hash : hash === -1 ? query : Math.min(query, hash)) + 1;
  for (let i = pieceStart; i <= url.length; i++) {
    const c = url[i];
    if (i < url.length && c !== '?' && c !== '&' && c !== '#') continue;
    const eq = url.indexOf('=', pieceStart);
    if (eq > pieceStart && eq < i)
      spans.push({ name: decodeQueryComponent(url.slice(pieceStart, eq)), start: eq + 1, end: i });
    pieceStart = i + 1;
  }
  return spans;
}

/** A session ID rewritten into a path (SESSION_PATH_PARAMETER_NAMES), its name and its value. */
const PATH_SESSION_PARAMETER = new RegExp(`;(${SESSION_PATH_PARAMETER_NAMES})=([^;?#/\\s]*)`, 'gi');

/** A parameter of an address that holds a secret: a credential, or a value under a session cookie's name. */
export interface SecretParameter {
  readonly kind: 'credential' | 'session';
  readonly name: string;
  /** Decoded. */
  readonly value: string;
  /** As the address writes it. */
  readonly written: string;
  readonly start: number;
  readonly end: number;
}

/**
 * The secrets an address's parameters hold, whatever their length: the credentials (the table above), the values of
 * parameters named as session cookies are (`?sid=`, `?PHPSESSID=`, `?sessionID=`, classifyCookieName), of the
 * session path parameters, and ASP.NET's cookieless IDs (`/(S(…))/`, cookielessUrl.ts). A redactor hides them where
 * they stand (hideSecretParameters): a short or a word value (`password=pass`, `api_key=doubleclick`) is hidden there
 * and nowhere else, where it would mangle other text.
 */
export function secretParametersInUrl(url: string): SecretParameter[] {
  const spans = parameterSpans(url);
  const pathParameters = url.indexOf(';') !== -1;
  const cookieless = cookielessIds(url);
  // Most addresses have none of these (every request's address and Referer is read, sessionValues.ts).
  if (spans.length === 0 && !pathParameters && cookieless.length === 0) return [];
  const found: SecretParameter[] = [];
  for (const { name, start, end } of spans) {
    const kind = secretParameterKind(name, spans);
    if (kind !== undefined) takeSecret(found, url, kind, name, start, end);
  }
  if (pathParameters) {
    for (const m of url.matchAll(PATH_SESSION_PARAMETER)) {
      const start = m.index + m[0].length - m[2]!.length;
      if (!found.some((p) => p.start === start)) takeSecret(found, url, 'session', m[1]!, start, start + m[2]!.length);
    }
  }
  for (const { cookie, start, end } of cookieless) takeSecret(found, url, 'session', cookie, start, end);
  return found;
}

/** What a query or fragment parameter of this name holds, among the address's `spans`: a secret's kind, or none. */
function secretParameterKind(name: string, spans: readonly ParameterSpan[]): SecretParameter['kind'] | undefined {
  for (const parameter of CREDENTIAL_PARAMETERS) if (parameter.holds(name, spans)) return 'credential';
  return classifyCookieName(name).kind === 'session' ? 'session' : undefined;
}

/** The parameter whose value stands at `start`–`end` of `url`, added to `found` where it can hold its kind. */
function takeSecret(
  found: SecretParameter[],
  url: string,
  kind: SecretParameter['kind'],
  name: string,
  start: number,
  end: number,
): void {
  const written = url.slice(start, end);
  const value = decodeQueryComponent(written);
  // A short value under a session's name is a count or a flag (`session_age=1446`), no ID; a password is any length.
  if (kind === 'session' && value.length < MIN_CREDENTIAL_LENGTH) return;
  found.push({ kind, name, value, written, start, end });
}

/**
 * The text with every secret parameter's value replaced where it stands (`password=pass` → `password=h:…`), in each
 * run of the text without spaces, read as an address. Values a redactor already hid (`h:…`) and empty ones are kept.
 */
export function hideSecretParameters(text: string, hidden: (parameter: SecretParameter) => string): string {
  if (!mayHoldParameters(text)) return text;
  const words = text.split(/(\s+)/);
  let changed = false;
  for (let w = 0; w < words.length; w++) {
    // Punctuation closing a sentence or a parenthesis is the text's, not the address's: "(GET /?_token=…)".
    const whole = words[w]!;
    const word = whole.slice(0, addressEnd(whole));
    if (!mayHoldParameters(word)) continue;
    const parameters = secretParametersInUrl(word)
      .filter((p) => p.value !== '' && !isRedactedValue(p.value))
      .sort((a, b) => a.start - b.start);
    if (parameters.length === 0) continue;
    let out = '';
    let at = 0;
    for (const p of parameters) {
      if (p.start < at) continue;
      out += `${word.slice(at, p.start)}${hidden(p)}`;
      at = p.end;
    }
    words[w] = out + whole.slice(at);
    changed = true;
  }
  return changed ? words.join('') : text;
}

/** A `name=value` parameter, or a cookieless segment's `/(`, may be in the text: most texts hold neither. */
function mayHoldParameters(text: string): boolean {
  return text.indexOf('=') !== -1 || text.indexOf('/(') !== -1;
}

/**
 * Whether a secret parameter's value is hidden wherever it occurs, not only where it stands: a word (`doubleclick`)
 * or a number (a timestamp's digits) occurs in other text by chance, and hiding it there mangles host names and times.
 */
export function hiddenEverywhere(value: string): boolean {
  return value.length >= MIN_CREDENTIAL_LENGTH && !isWordValue(value) && !DIGITS.test(value);
}

const DIGITS = /^\d+$/;

/** Where an address written in text ends: before the punctuation that closes it (a loop, not a regex: linear). */
function addressEnd(word: string): number {
  let end = word.length;
  while (end > 0 && CLOSING_PUNCTUATION.has(word[end - 1]!)) end--;
  return end;
}

const CLOSING_PUNCTUATION = new Set([')', ']', '}', '>', '.', ',', ':', ';', '!', '"', "'", '`']);

/** A query's or a form body's name or value, decoded (`+` is a space); as written where it does not decode. */
export function decodeQueryComponent(text: string): string {
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '));
  } catch {
    return text;
  }
}

/**
 * A credential's redacted form in an export: its hash, after a CAS ticket's prefix, which the login detector reads
 * (loginSignals.ts): a redacted export still shows the ticket's sign-in.
 */
export function redactUrlCredential(value: string): string {
  return `${casTicketPrefix(value) ?? ''}${redactValue(value)}`;
}
