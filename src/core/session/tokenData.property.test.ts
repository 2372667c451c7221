// Property tests for what a session cookie value may carry in the clear (issue 8: JWTs and base64
// session payloads): any string is read without an exception and within the size bound, and values
// built from arbitrary JSON are read back exactly — a JWT as its header and payload, base64 JSON as
// its payload — while mutated ones never throw.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fuzzRuns, fuzzTimeout } from '../../../test/helpers/fuzzRuns.ts';
import {
  type ClientSideData,
  decodeBase64Url,
  jwtHasNoneAlg,
  jwtLacksExpiry,
  readClientSideData,
} from './tokenData.ts';

const TIMEOUT = fuzzTimeout(30_000);

/** UTF-8 bytes of a string as base64 (atob/btoa work on bytes as Latin-1 characters). */
function base64(text: string): string {
  return btoa(Array.from(new TextEncoder().encode(text), (b) => String.fromCharCode(b)).join(''));
}

function base64Url(text: string): string {
  return base64(text).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** JSON objects with hostile keys and values: full unicode, prototype names, nesting. */
const jsonObject = fc.dictionary(
  fc.oneof(fc.string({ unit: 'grapheme', maxLength: 12 }), fc.constantFrom('__proto__', 'constructor', 'exp', 'alg')),
  fc.jsonValue({ maxDepth: 3 }),
  { maxKeys: 6 },
);

/** Well-formed data of one of the three kinds, checked as plain data (no foreign prototype anywhere). */
function checkWellFormed(data: ClientSideData | undefined): void {
  if (data === undefined) return;
  if (data.kind === 'jwt') {
    if (typeof data.header.alg !== 'string') throw new Error('a JWT without a string alg');
    if (Object.getPrototypeOf(data.header) !== Object.prototype) throw new Error('foreign prototype');
    jwtHasNoneAlg(data);
    jwtLacksExpiry(data);
  } else if (data.payload === undefined) {
    throw new Error(`${data.kind} without a payload`);
  }
  if (({} as Record<string, unknown>).polluted !== undefined) throw new Error('Object.prototype polluted');
}

/** Mutations of a valid token: cut, a character replaced, a part repeated or dropped, quoted, %-escaped. */
const mutate = (token: string) =>
  fc.oneof(
    fc.nat({ max: token.length }).map((n) => token.slice(0, n)),
    fc
      .tuple(fc.nat({ max: Math.max(0, token.length - 1) }), fc.string({ unit: 'binary', minLength: 1, maxLength: 3 }))
      .map(([i, s]) => token.slice(0, i) + s + token.slice(i + 1)),
    fc.constantFrom(`${token}.${token}`, token.split('.').slice(1).join('.'), `"${token}"`, encodeURIComponent(token)),
    fc.constant(`${token.slice(0, 3)}%${token.slice(3)}`),
  );

const jwt = fc
  .tuple(jsonObject, fc.string({ maxLength: 10 }), jsonObject, fc.string({ unit: 'binary', maxLength: 40 }))
  .map(([header, alg, payload, signature]) => ({
    header: { ...header, alg },
    payload,
    token: `${base64Url(JSON.stringify({ ...header, alg }))}.${base64Url(JSON.stringify(payload))}.${base64Url(signature)}`,
  }));

describe('JWTs (RFC 7519 compact form)', () => {
  it(
    'a JWT of arbitrary JSON header and payload is read back exactly',
    () => {
      fc.assert(
        fc.property(jwt, ({ header, payload, token }) => {
          const data = readClientSideData(token);
          if (token.length > 16_384) return expect(data).toBeUndefined();
          expect(data).toEqual({
            kind: 'jwt',
            header: JSON.parse(JSON.stringify(header)),
            payload: JSON.parse(JSON.stringify(payload)),
          });
          expect(jwtHasNoneAlg(data!)).toBe(String(header.alg).toLowerCase() === 'none');
        }),
        { numRuns: fuzzRuns(0.5) },
      );
    },
    TIMEOUT,
  );

  it(
    'mutated JWTs never throw and give well-formed data or nothing',
    () => {
      fc.assert(
        fc.property(
          jwt.chain(({ token }) => mutate(token)),
          (value) => checkWellFormed(readClientSideData(value)),
        ),
        { numRuns: fuzzRuns(0.5) },
      );
    },
    TIMEOUT,
  );
});

describe('base64 session payloads', () => {
  it(
    'base64 (standard and URL-safe) of arbitrary JSON objects and arrays is read back exactly; Rails base64--digest too',
    () => {
      const payload = fc.oneof(jsonObject, fc.array(fc.jsonValue({ maxDepth: 2 }), { maxLength: 5 }));
      fc.assert(
        fc.property(payload, fc.boolean(), fc.boolean(), (value, urlSafe, rails) => {
          const json = JSON.stringify(value);
          // Rails writes standard base64: URL-safe text may itself hold the "--" that ends the payload.
          const encoded = urlSafe && !rails ? base64Url(json) : base64(json);
          const token = rails ? `${encoded}--${base64Url('digest')}` : encoded;
          const data = readClientSideData(token);
          if (token.length > 16_384) return expect(data).toBeUndefined();
          expect(data?.kind).toBe(rails ? 'signed-json' : 'base64-json');
          expect(data && 'payload' in data ? data.payload : undefined).toEqual(JSON.parse(json));
        }),
        { numRuns: fuzzRuns(0.5) },
      );
    },
    TIMEOUT,
  );

  it(
    'any string: decodeBase64Url and readClientSideData never throw, and decoding round-trips text',
    () => {
      const hostile = fc.oneof(
        fc.string({ unit: 'binary', maxLength: 300 }),
        fc.string({
          unit: fc.constantFrom('e', 'y', 'W', 'J', '=', '-', '_', '+', '/', '.', '%', '"', 'A'),
          maxLength: 80,
        }),
        fc.string({ unit: 'grapheme', maxLength: 60 }).map(base64),
      );
      fc.assert(
        fc.property(hostile, fc.string({ unit: 'grapheme', maxLength: 60 }), (value, text) => {
          decodeBase64Url(value);
          checkWellFormed(readClientSideData(value));
          expect(decodeBase64Url(base64Url(text))).toBe(text);
        }),
        { numRuns: fuzzRuns(0.5) },
      );
    },
    TIMEOUT,
  );

  it('a value past the size bound is not decoded, however decodable', () => {
    const huge = base64(JSON.stringify({ user: 'x'.repeat(20_000) }));
    expect(readClientSideData(huge)).toBeUndefined();
  });
});
