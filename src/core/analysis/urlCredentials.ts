/**
 * Credentials that sign-in protocols and signed addresses put in a URL's query or fragment: whoever reads the
 * address can act as the user (or fetch what it grants) until the credential is spent or expires. Redacted reports
 * and exports hide them as they hide a session cookie's value (sessionValues.ts, native/redactTrace.ts); a
 * recording of an OAuth or CAS login holds one in a redirect's Location and the next request's URL.
 */
import { casTicketPrefix, isCredentialArgumentName } from './loginSignals.ts';
import { redactValue } from './redact.ts';

interface CredentialParameter {
  /** Whether a parameter of this name holds the credential; `names` are the address's parameters' names. */
  readonly holds: (name: string, names: ReadonlySet<string>) => boolean;
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
    holds: (name, names) => name === 'code' && (names.has('state') || names.has('iss')),
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
    holds: isCredentialArgumentName,
    source: 'a password, key or token field (the names a login body is redacted by, loginSignals.ts)',
  },
];

/** Values shorter than this occur by chance in any text, and neither redactor hides them. */
const MIN_CREDENTIAL_LENGTH = 8;

/** A credential found in an address: its value, and the text the address writes it as (percent-encoded or not). */
export interface UrlCredential {
  readonly value: string;
  readonly written: string;
}

/**
 * The credentials in a URL's query and fragment (`#access_token=…`, as an implicit flow returns it; a hash route's
 * `#/page?key=…`). Cheap on an address without `?` or `#`.
 */
export function credentialsInUrl(url: string): UrlCredential[] {
  const params = urlParameters(url);
  if (params.length === 0) return [];
  const names = new Set(params.map(([name]) => name));
  const found: UrlCredential[] = [];
  for (const [name, written] of params) {
    const value = decodeQueryComponent(written);
    if (value.length >= MIN_CREDENTIAL_LENGTH && CREDENTIAL_PARAMETERS.some((p) => p.holds(name, names)))
      found.push({ value, written });
  }
  return found;
}

/** The query's and the fragment's parameters, each (a repeated name each time), names decoded, values as written. */
function urlParameters(url: string): [name: string, written: string][] {
  const query = url.indexOf('?');
  const hash = url.indexOf('#');
  if (query === -1 && hash === -1) return [];
  const start = query === -1 ? hash : hash === -1 ? query : Math.min(query, hash);
  const params: [string, string][] = [];
  for (const piece of url.slice(start + 1).split(/[?&#]/)) {
    const eq = piece.indexOf('=');
    if (eq > 0) params.push([decodeQueryComponent(piece.slice(0, eq)), piece.slice(eq + 1)]);
  }
  return params;
}

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
