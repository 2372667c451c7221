/**
 * Whether a cookie's value holds the credentials its request sent as HTTP Basic authentication (RFC 7617): their
 * base64 (with its padding or without) or their text (`user:password`), as read or once or twice percent-decoded.
 * RabbitMQ's management UI writes `m=2258:<base64>` from script and sends the same in `Authorization: Basic`; some
 * routers' pages keep `Authorization=Basic%20<base64>` in a cookie. Read only for requests that sent such a header.
 */
import { decodeBase64Url } from './tokenData.ts';

/** Shorter credentials than this (`a:b`) could appear in a value by chance. */
const MIN_CREDENTIALS = 8;

/**
 * The texts a cookie holding Basic credentials (the header's base64) would contain: their base64 without its padding
 * and their `user:password`, each long enough to tell; worked out once per request, for each cookie it carried.
 */
export function basicCredentialTexts(credentials: string): string[] {
  const encoded = credentials.replace(/=+$/, '');
  const plain = decodeBase64Url(credentials);
  return [encoded, ...(plain?.includes(':') ? [plain] : [])].filter((text) => text.length >= MIN_CREDENTIALS);
}

/** The cookie's value holds one of those texts, as read or percent-decoded. */
export function holdsBasicCredentials(value: string, texts: readonly string[]): boolean {
  if (texts.length === 0) return false;
  return decodings(value).some((decoded) => texts.some((text) => decoded.includes(text)));
}

/** The value, then its percent-decodings (RabbitMQ's cookie is encoded twice: `%253D`), where they decode. */
function decodings(value: string): string[] {
  const found = [value];
  let current = value;
  for (let i = 0; i < 2 && current.includes('%'); i++) {
    try {
      current = decodeURIComponent(current);
    } catch {
      break;
    }
    found.push(current);
  }
  return found;
}

/** Tokens shorter than this (`1`, a user number) match a cookie's value by chance. */
const MIN_TOKEN = 16;
/**
 * A request header that sends a token: `Authorization` with RFC 6750's `Bearer`, Django REST framework's `Token` or
 * `JWT`, or the token alone, as many single-page apps send it there or in a header of their own (`access-token`).
 * HTTP authentication's own schemes send the user's credentials, not a token (holdsBasicCredentials).
 */
const TOKEN_HEADER = /^\s*(?:(?:bearer|token|jwt)\s+)?([A-Za-z0-9._~+/=-]+)\s*$/i;
const HTTP_AUTH_SCHEME = /^\s*(?:basic|digest|ntlm|negotiate)\s/i;

/** The token a header's value sends (TOKEN_HEADER), 16 characters or more; undefined for anything else. */
export function headerTokenOf(header: string): string | undefined {
  if (HTTP_AUTH_SCHEME.test(header)) return undefined;
  const token = TOKEN_HEADER.exec(header)?.[1];
  return token !== undefined && token.length >= MIN_TOKEN ? token : undefined;
}

/**
 * The cookie holds the token a header of its request sent, as written or percent-encoded (js-cookie encodes what a
 * page writes): a page that keeps its login token in a cookie and sends it from script (vue-element-admin's
 * `Admin-Token`). The cookie is that login's credential.
 */
export function holdsHeaderToken(value: string, token: string): boolean {
  if (value === token) return true;
  if (!value.includes('%') || value.length < token.length) return false;
  return decodings(value).includes(token);
}
