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
