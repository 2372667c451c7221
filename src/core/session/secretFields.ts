/**
 * The secrets inside a readable session payload: a field whose name says it holds a password or a key, or any value
 * that is a password hash (crypt(3) and PHC strings), at any depth, JSON kept as text inside a field included (a
 * Spring app's JWT carries `userDetails` as a JSON string, with the user's bcrypt hash in it). Naming them is what a
 * reviewer needs from session-client-side-data: a readable user ID is disclosure, a readable password hash is a
 * password to crack offline.
 */
import { nameWords } from './identify.ts';
import { parseJsonObject, readPasswordHash } from './tokenData.ts';

export interface SecretField {
  /** Where it is: field names joined by `.`, list positions in brackets (`userDetails.password`, `keys[0]`). */
  readonly path: string;
  /** What it holds, in words: `a bcrypt password hash`, `a password`, `a key`. */
  readonly holds: string;
}

/** A payload is walked this deep and this wide at most: a hostile value costs no more than a look. */
const MAX_DEPTH = 8;
const MAX_NODES = 2000;

/** What a field holds by the last words of its name (`password`, `hashed_password`, `client_secret`, `apiKey`). */
const NAME_HOLDS: readonly { readonly words: RegExp; readonly holds: string }[] = [
  { words: /(^| )(password|passwd|pwd|passphrase|pass)( (hash|hashed|digest))?$/, holds: 'a password' },
  { words: /(^| )(hash|hashed|encrypted|salted) (password|passwd|pwd)$/, holds: 'a password' },
  { words: /(^| )(secret|(api|secret|private|access|signing|encryption) key|apikey)$/, holds: 'a key' },
];

function holdsByName(name: string): string | undefined {
  // `userPasswordHash` → `user password hash`; `client_secret` → `client secret`.
  const words = nameWords(name)
    .filter((word) => word !== '')
    .join(' ')
    .toLowerCase();
  return NAME_HOLDS.find((row) => row.words.test(words))?.holds;
}

/**
 * A crypt string that holds a hash, not only its salt: Devise's remember-me token carries the first 29 characters of
 * the user's bcrypt hash (`$2a$11$` and the 22 of the salt), which says when the password changed and is no hash to
 * crack. A bcrypt hash is 60 characters; the other schemes end in `$<salt>$<hash>` after their version and parameters.
 */
function holdsHash(value: string, hash: Readonly<Record<string, string>>): boolean {
  if (hash.scheme === 'bcrypt') return value.length >= 59;
  const segments = value.split('$').length - 1;
  return segments >= 3 + (hash.version === undefined ? 0 : 1) + (hash.parameters === undefined ? 0 : 1);
}

export function secretFieldsOf(payload: unknown): SecretField[] {
  const found: SecretField[] = [];
  let nodes = 0;
  const visit = (value: unknown, path: string, name: string | undefined, depth: number): void => {
    if (++nodes > MAX_NODES || depth > MAX_DEPTH) return;
    if (typeof value === 'string') {
      if (value === '') return;
      const hash = readPasswordHash(value);
      if (hash !== undefined && holdsHash(value, hash)) {
        const scheme = hash.scheme ?? 'crypt';
        found.push({ path, holds: `${/^[aeiou]/.test(scheme) ? 'an' : 'a'} ${scheme} password hash` });
        return;
      }
      // JSON kept as text inside a field: read as its object or list.
      const inner = parseJsonObject(value);
      if (inner !== undefined) {
        visit(inner, path, name, depth + 1);
        return;
      }
      const holds = name === undefined ? undefined : holdsByName(name);
      if (holds !== undefined && path !== '') found.push({ path, holds });
      return;
    }
    if (Array.isArray(value)) {
      for (const [i, item] of value.entries()) visit(item, `${path}[${i}]`, name, depth + 1);
      return;
    }
    if (typeof value === 'object' && value !== null) {
      for (const [key, item] of Object.entries(value))
        visit(item, path === '' ? key : `${path}.${key}`, key, depth + 1);
    }
  };
  visit(payload, '', undefined, 0);
  return found;
}
