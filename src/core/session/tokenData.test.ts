// What a session cookie value reveals in the clear: JWTs, base64 JSON, signed-but-not-encrypted sessions.
import { describe, expect, it } from 'vitest';
import { b64url } from '../../../test/helpers/traceBuilder.ts';
import { decodeBase64Url, jwtHasNoneAlg, jwtLacksExpiry, readClientSideData, signedSessionIdOf } from './tokenData.ts';
import { isUpdateOf } from './valueShape.ts';

describe('readClientSideData', () => {
  it('reads a JWT: header and payload', () => {
    const data = readClientSideData(`${b64url({ alg: 'HS256' })}.${b64url({ sub: '7', exp: 1 })}.sig`);
    expect(data).toEqual({ kind: 'jwt', header: { alg: 'HS256' }, payload: { sub: '7', exp: 1 } });
    expect(jwtHasNoneAlg(data!)).toBe(false);
    expect(jwtLacksExpiry(data!)).toBe(false);
  });

  it('tells alg none and a missing exp', () => {
    const data = readClientSideData(`${b64url({ alg: 'none' })}.${b64url({ sub: '7' })}.`)!;
    expect(jwtHasNoneAlg(data)).toBe(true);
    expect(jwtLacksExpiry(data)).toBe(true);
  });

  it('reads a quoted, percent-encoded value', () => {
    const jwt = `${b64url({ alg: 'HS256' })}.${b64url({ sub: '7' })}.sig`;
    expect(readClientSideData(`"${encodeURIComponent(jwt)}"`)?.kind).toBe('jwt');
  });

  it('reads base64 JSON', () => {
    expect(readClientSideData(btoa('{"user":"bob"}'))).toEqual({ kind: 'base64-json', payload: { user: 'bob' } });
  });

  it('reads JSON that holds OAuth tokens, as written or percent-encoded; JSON without one is no store', () => {
    const session = { user_id: '0f1e', access_token: 'eyJhbGciOiJSUzI1NiJ9.e30.c2ln', refresh_token: 'd8f7a6b5c4d3' };
    expect(readClientSideData(JSON.stringify(session))).toEqual({ kind: 'json', payload: session });
    expect(readClientSideData(encodeURIComponent(JSON.stringify({ idToken: 'x.y.z' })))?.kind).toBe('json');
    expect(readClientSideData('{"lang":"en","theme":"dark"}')).toBeUndefined();
    expect(readClientSideData('{"access_token":""}')).toBeUndefined();
  });

  it('reads @supabase/ssr\'s "base64-" session: the JSON after the label', () => {
    const session = {
      access_token: 'eyJhbGciOiJIUzI1NiJ9.e30.c2ln',
      refresh_token: 'r3fr35h',
      user: { email: 'a@b.test' },
    };
    expect(readClientSideData(`base64-${b64url(session)}`)).toEqual({ kind: 'base64-json', payload: session });
  });

  it('reads a Flask (itsdangerous) session and a Rails base64--digest cookie as signed JSON', () => {
    expect(readClientSideData(`${b64url({ uid: 1 })}.ZxYwVQ.c2lnbmF0dXJl`)).toMatchObject({
      kind: 'signed-json',
      format: 'itsdangerous (Flask, Starlette)',
    });
    expect(readClientSideData(`${btoa('{"uid":1}')}--0123456789abcdef`)).toMatchObject({
      kind: 'signed-json',
      format: 'base64--digest (Rails)',
    });
  });

  it('reads the payloads itsdangerous and Django compress (a leading "."): compressed is not encrypted', () => {
    // Flask-Login's session as Flask writes it once the login has grown it: "." + base64url(zlib(JSON)).
    const flask =
      '.eJyrVopPK0otzlCyKikqTdVRis9MUbJSSkyiDCoBDSotTi2CmGYO5CYXF6XFl-Rnp-YBBZKJBEB9ZZnFmSXFSlZGtQBGSDyp.aTBqYw.sssssssssssssssssssssssssss';
    expect(readClientSideData(flask)).toEqual({
      kind: 'signed-json',
      format: 'itsdangerous (Flask), compressed',
      payload: { _fresh: true, _id: 'ab'.repeat(32), _user_id: '7', csrf_token: 'c'.repeat(40), visits: 2 },
    });
    // Django's signed_cookies session after a login (django-signed-cookies.har, entry 6).
    const django =
      '.eJxVjLEOgzAMRP_FcxWRAMEwducbkGM7JW0FEoEuVf-9ILGwne69uy98Uk5rhs7dYKBtHYct6zIkgQ4sXLpA_NLpAPKk6TEbnqd1ScEcijlpNv0s-r6f7uVgpDzua7auYbQYuZHYBO-1Fq4LjcGhD9ZhxbFqa6IWncZCPJJiLEsvpeM9wO8PaY87-Q:1xZRRs:WG6f-dFE9H7ov4vh2U3wgIsQBmD0cKsUHHrTYP-55uI';
    expect(readClientSideData(django)).toMatchObject({
      format: 'django.core.signing (Django), compressed',
      payload: { visits: 2, _auth_user_id: '1' },
    });
    // Not read: a payload that inflates past 64 KiB (200 kB of "x" in 300 bytes), or one corrupted on the way.
    expect(
      readClientSideData(
        '.eNrtwUENADAIBDAvJwM3c0FC8D4N_NtOXioNAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAJxlP1VJTY4.aTBqYw.sssssssssssssssssssssssssss',
      ),
    ).toBeUndefined();
    expect(readClientSideData(flask.replace('eJyrVop', 'eJyrVoq'))).toBeUndefined();
  });

  it('reads a password hash in crypt or PHC form by its scheme and parameters, not its salt and hash', () => {
    // code-server's cookie (code-server.har), percent-encoded as sent.
    const argon2 =
      '%24argon2id%24v%3D19%24m%3D65536%2Ct%3D3%2Cp%3D4%24KXXda66mOer3geffhJitag%24S3Ps7aNWC9yd6F8zSphk7UWjmr4me7f4JQjduzhWTa4';
    expect(readClientSideData(argon2)).toEqual({
      kind: 'password-hash',
      payload: { scheme: 'argon2id', version: '19', parameters: 'm=65536,t=3,p=4' },
    });
    const bcrypt = '$2b$10$N9qo8uLOickgx2ZMRZoMyeIjZAgcfl7p92ldGxad68LJZdL17lhWy';
    expect(readClientSideData(bcrypt)).toEqual({
      kind: 'password-hash',
      payload: { scheme: 'bcrypt', parameters: '10' },
    });
    expect(readClientSideData('$6$rounds=5000$saltsaltsalt$' + 'h'.repeat(86))?.payload).toEqual({
      scheme: 'sha512-crypt',
      parameters: 'rounds=5000',
    });
    // A dollar amount, or a scheme no hash has: not a hash.
    expect(readClientSideData('$12.50')).toBeUndefined();
    expect(readClientSideData('$7$abcdefghijkl')).toBeUndefined();
  });

  it("reads mod_auth_tkt's ticket, base64'd by its login CGI or plain as Pyramid writes it, and no hex ID", () => {
    // mod_auth_tkt's login.cgi (apache-mod-auth-tkt.har): MD5 digest, time, `alice!` and its user data, in base64.
    expect(
      readClientSideData('Njc0YTllYmQzMWZkMjQxMjEzMzA3ODQ5MDM0YmZhOGY2YjEzNTg4N2FsaWNlITE3OTY0Mjk5NTk6MTI3LjAuMC4x'),
    ).toEqual({
      kind: 'signed-json',
      format: 'auth_tkt ticket (mod_auth_tkt, Pyramid)',
      payload: { userid: 'alice', issued: '2026-12-05T00:19:19.000Z', data: '1796429959:127.0.0.1' },
    });
    // Pyramid's AuthTktCookieHelper (pyramid-authtkt.har): SHA-512 digest, the user in base64 as its type says.
    const pyramid = `${'ad'.repeat(64)}6751ed3dYWxpY2U%3D!userid_type:b64unicode`;
    expect(readClientSideData(pyramid)?.payload).toMatchObject({ userid: 'alice', data: 'userid_type:b64unicode' });
    // A hex session ID (no `!`), or hex, a time before 1987 and a user: no ticket.
    expect(readClientSideData('674a9ebd31fd241213307849034bfa8f6b135887')).toBeUndefined();
    expect(readClientSideData(`${'ab'.repeat(16)}00000001alice!x`)).toBeUndefined();
  });

  it("reads mod_auth_pubtkt's ticket, percent-encoded in its cookie or plain, and nothing like it", () => {
    const sig = `${'Qk5hY2tTaWduYXR1cmU'.repeat(4)}==`;
    const ticket = `uid=alice;cip=127.0.0.1;validuntil=1796429959;tokens=;udata=;sig=${sig}`;
    const read = {
      kind: 'signed-json',
      format: 'auth_pubtkt ticket (mod_auth_pubtkt)',
      payload: { uid: 'alice', cip: '127.0.0.1', validuntil: '2026-12-05T00:19:19.000Z' },
    };
    expect(readClientSideData(encodeURIComponent(ticket))).toEqual(read);
    expect(readClientSideData(ticket)).toEqual(read);
    // Its optional fields, where they hold something, are read too.
    expect(readClientSideData(`uid=bob;validuntil=1796429959;tokens=admin;sig=${sig}`)?.payload).toEqual({
      uid: 'bob',
      validuntil: '2026-12-05T00:19:19.000Z',
      tokens: 'admin',
    });
    // Without its signature, or its expiry: no ticket.
    expect(readClientSideData('uid=alice;validuntil=1796429959;tokens=')).toBeUndefined();
    expect(readClientSideData(`uid=alice;sig=${sig}`)).toBeUndefined();
  });

  it("reads CouchDB's AuthSession (base64url of user:hex time: and the HMAC), and nothing like it", () => {
    // PouchDB Server's, re-stamped a second later on the next request: the same user, the same session.
    const read = (v: string) => readClientSideData(v);
    expect(read('YWxpY2U6NkIxM0U3RTU6_jTdFvszR6UcfPvgvePYyAp_ZnI')).toEqual({
      kind: 'signed-json',
      format: 'AuthSession (CouchDB cookie authentication)',
      payload: { user: 'alice', issued: '2026-12-05T10:31:01.000Z' },
    });
    expect(
      isUpdateOf('YWxpY2U6NkIxM0U3RTU6_jTdFvszR6UcfPvgvePYyAp_ZnI', 'YWxpY2U6NkIxM0U3RTY69RE6JpzL1rt9W11r79jRCgU-MLI'),
    ).toBe(true);
    const mac = (n: number) => String.fromCharCode(...Array.from({ length: n }, (_, i) => (i * 37 + 11) % 256));
    // Of bytes (each character one), not of JSON as traceBuilder's b64url.
    const bytesB64url = (text: string) => btoa(text).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
    // CouchDB 3's SHA-256 HMAC (32 bytes), and another user: another session.
    expect(read(bytesB64url(`bob:6B13E7E5:${mac(32)}`))?.payload).toEqual({
      user: 'bob',
      issued: '2026-12-05T10:31:01.000Z',
    });
    expect(isUpdateOf(bytesB64url(`alice:6B13E7E5:${mac(20)}`), bytesB64url(`bob:6B13E7E6:${mac(20)}`))).toBe(false);
    // No hex time, a MAC of another length, or an opaque token: not read.
    expect(read(bytesB64url(`alice:notatime:${mac(20)}`))).toBeUndefined();
    expect(read(bytesB64url(`alice:6B13E7E5:${mac(16)}`))).toBeUndefined();
    expect(read('q2Xb9vT0kL1mN3pR5sU7wY9zA1cE3gI5kM7oQ9sU')).toBeUndefined();
  });

  it("reads the server-side ID a gorilla/securecookie value signs (FilesystemStore), and no CookieStore's data", () => {
    const ID_52 = 'SYCYSOZS53HVRAUG4XYLKIFO3DUAF6VQL6CTKZNXWD26Y5SI5GBA';
    const fs =
      'MTc5NjQ2ODc0MXxOd3dBTkZOWlExbFRUMXBUTlROSVZsSkJWVWMwV0ZsTVMwbEdUek5FVlVGR05sWlJURFpEVkV0YVRsaFhSREkyV1RWVFNUVkhRa0U9fIcWwvS6CdsGaZKcXuSBJ-aG5-eAa53gZICrw6hJR59j';
    expect(signedSessionIdOf(fs)).toBe(ID_52);
    // The same ID signed a second later: another value, the same session.
    const later =
      'MTc5NjQ2ODc0M3xOd3dBTkZOWlExbFRUMXBUTlROSVZsSkJWVWMwV0ZsTVMwbEdUek5FVlVGR05sWlJURFpEVkV0YVRsaFhSREkyV1RWVFNUVkhRa0U9fEWLRLBeaTeUpDZ8pMjuJdWwVIhCimnXyj-DY71op6-e';
    expect(signedSessionIdOf(later)).toBe(ID_52);
    expect(isUpdateOf(fs, later)).toBe(true);
    // A CookieStore's value: a gob map (`visits`), no ID.
    const store = 'MTc5NjQ2ODc0MXxEdi1CQkFFQ180SUFBUkFCRUFBQUhmLUNBQUVHYzNSeWFXNW5EQWdBQm5acGMybDBjd05wYm5RRUFnQUN8';
    expect(signedSessionIdOf(store)).toBeUndefined();
    expect(signedSessionIdOf('MTc5NjQ2ODc0MXxub3RoaW5n')).toBeUndefined();
  });

  it("reads Bottle's signed cookie (the pickle of its name and value, and the HMAC), and nothing like it", () => {
    const bottle = '!OI2DBLhtKeYybMte2dvE/A==?gAWVFQAAAAAAAACMB2FjY291bnSUjAVhbGljZZSGlC4=';
    const read = { kind: 'signed-json', format: 'Bottle signed cookie (pickle)', payload: 'alice', pickled: true };
    expect(readClientSideData(bottle)).toEqual(read);
    expect(readClientSideData(`"${bottle}"`)).toEqual(read);
    // Not a pickle after the `?` (no PROTO byte), or no signature before it.
    expect(readClientSideData('!OI2DBLhtKeYybMte2dvE/A==?YWxpY2VhbGljZQ==')).toBeUndefined();
    expect(readClientSideData('gAWVFQAAAAAAAACMB2FjY291bnSUjAVhbGljZZSGlC4=')).toBeUndefined();
  });

  it("reads Django's signed cookie session (payload:timestamp:signature) as signed JSON", () => {
    expect(readClientSideData('eyJ2aXNpdHMiOjF9:1xZRDG:HV4ORAa0i-6fDg_O-Xa5ryiEq79vzOS4e9cr_YpyHfU')).toEqual({
      kind: 'signed-json',
      format: 'django.core.signing (Django)',
      payload: { visits: 1 },
    });
    // JSON is read, and no pickle.
    expect(
      readClientSideData('eyJ2aXNpdHMiOjF9:1xZRDG:HV4ORAa0i-6fDg_O-Xa5ryiEq79vzOS4e9cr_YpyHfU'),
    ).not.toHaveProperty('pickled');
  });

  it("reads Django's signed cookie session pickled (Django before 1.6, PickleSerializer), compressed or not", () => {
    // A Python 2 Django session: the user's ID, the authentication backend, a datetime (read by its class's name).
    const session = {
      _auth_user_id: 813806,
      _auth_user_backend: 'django.contrib.auth.backends.ModelBackend',
      sessionpersistent: false,
      asid: null,
      alert_check_time: 'datetime.datetime(…)',
    };
    const compressed =
      '.eJxrYKotZNQI5Y1PLC3JiC8tTi2Kz0zxepfFwxAqhCSWlJicnZqXEqqZkpWYl56vl5yfV1KUmaQHUqEHlSzW881PSc1xgioVLE4tLs7MzytILSrOLC5JzSvpDGVJLM5M8QsVSMxJLSqJT85ITc6OL8nMTU1OSSxJBTG44IxC5lAu9gfsPLwyZpxyL5MLKkuquOJDQ5y5Clk0gwpZ24IK2Ur1AAwfQ5Q';
    expect(readClientSideData(`"${compressed}:1bMxSZ:Zs2KqT0b4Yk3hLx9aVwE1cRgNp0"`)).toEqual({
      kind: 'signed-json',
      format: 'django.core.signing (Django), compressed pickle',
      payload: session,
      pickled: true,
    });
    const plain =
      'gAJ9cQEoVQ1fYXV0aF91c2VyX2lkSu5qDABVEl9hdXRoX3VzZXJfYmFja2VuZFUpZGphbmdvLmNvbnRyaWIuYXV0aC5iYWNrZW5kcy5Nb2RlbEJhY2tlbmRVEXNlc3Npb25wZXJzaXN0ZW50iVUEYXNpZE5VEGFsZXJ0X2NoZWNrX3RpbWVjZGF0ZXRpbWUKZGF0ZXRpbWUKcQNVCgfgBwwNHDYJHuljcHl0egpfVVRDCnEEKVJxBYZScQZ1Lg';
    expect(readClientSideData(`${plain}:1bMxSZ:Zs2KqT0b4Yk3hLx9aVwE1cRgNp0`)).toMatchObject({
      format: 'django.core.signing (Django), pickle',
      payload: session,
    });
    // A pickle of no dict (a list), and the same bytes with no timestamp and signature, are no Django session.
    expect(readClientSideData('gAJdcQAoSwFLAmUu:1bMxSZ:Zs2KqT0b4Yk3hLx9aVwE1cRgNp0')).toBeUndefined();
    expect(readClientSideData(plain)).toBeUndefined();
  });

  it("reads Remix's and React Router's cookie session (base64 JSON, '.', the signature) as signed JSON", () => {
    const value = `${btoa(JSON.stringify({ userId: '42', theme: 'dark' }))}.8K3mQ2x9Zr0pLw4vN7tYcA1bD5eF6gH`;
    expect(readClientSideData(encodeURIComponent(value))).toEqual({
      kind: 'signed-json',
      format: 'payload.signature (Remix, React Router)',
      payload: { userId: '42', theme: 'dark' },
    });
    // A JWT cut into chunks starts with its header and part of its payload: not a signed session.
    expect(readClientSideData('eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwi')).toBeUndefined();
  });

  it('reads a Mojolicious session: base64 of JSON padded with "Z" (its "=" written "-"), "--", the HMAC', () => {
    // As Mojolicious 9 writes it: the JSON padded to 1,025 bytes so that the length tells nothing.
    const json = '{"expires":1796395417,"user":"alice","visits":2}';
    const b64 = btoa(json + 'Z'.repeat(1025 - json.length)).replace(/=/g, '-');
    const value = `${b64}--c24b1afe330fd133dbacf2f34ff00d2ee41153bc7b2100135a1050d908603f9e`;
    expect(readClientSideData(value)).toEqual({
      kind: 'signed-json',
      format: 'base64--digest (Mojolicious)',
      payload: { expires: 1796395417, user: 'alice', visits: 2 },
    });
    // Padding is cut only from what ends in it: base64 of other text before "--" is still nothing.
    expect(readClientSideData(`${btoa('{"a":1} tail')}--0123456789abcdef`)).toBeUndefined();
  });

  it("reads Tornado's signed values, version 2 and version 1: JSON where the value is JSON, else its text", () => {
    const v2 = (b64: string) =>
      `2|1:0|10:1796391791|4:user|${b64.length}:${b64}|aedc015ed02cfd5bb42bbe67c91d58e18b26dd3d25e066b6e504dddd04c09078`;
    expect(readClientSideData(`"${v2('YWxpY2U=')}"`)).toEqual({
      kind: 'signed-json',
      format: 'Tornado secure cookie',
      payload: 'alice',
    });
    expect(readClientSideData(v2(btoa('{"username":"alice"}')))?.payload).toEqual({ username: 'alice' });
    expect(readClientSideData('YWxpY2U=|1796391791|0d1280f778fb55dcabd6210d19af2de6f3418865')?.payload).toBe('alice');
    // Not a Tornado value: a signature that is not hex, a field list of another shape.
    expect(readClientSideData(v2('YWxpY2U=').replace(/\|[0-9a-f]+$/, '|not-hex'))).toBeUndefined();
    expect(readClientSideData('2|1:0|user|YWxpY2U=')).toBeUndefined();
  });

  it("reads Pyramid's signed session: base64url of an HMAC digest, then the JSON [accessed, created, {data}]", () => {
    const digest = (n: number) => String.fromCharCode(...Array.from({ length: n }, (_, i) => (i * 37 + 11) % 256));
    const sealed = (n: number, json: string) =>
      btoa(digest(n) + json)
        .replace(/\+/g, '-')
        .replace(/\//g, '_')
        .replace(/=+$/, '');
    const json = '[1796391801, 1796391800.6334164, {"user": "alice"}]';
    // SHA-512, Pyramid's default, and SHA-256.
    expect(readClientSideData(sealed(64, json))).toEqual({
      kind: 'signed-json',
      format: 'digest + JSON (Pyramid)',
      payload: { user: 'alice' },
    });
    expect(readClientSideData(sealed(32, json))?.payload).toEqual({ user: 'alice' });
    // After no digest length JSON begins: nothing.
    expect(readClientSideData(sealed(40, json))).toBeUndefined();
  });

  it('reads no random ID as a signed payload after a digest', () => {
    const bytes = new Uint8Array(96);
    const read: string[] = [];
    for (let i = 0; i < 5000; i++) {
      crypto.getRandomValues(bytes);
      const id = btoa(String.fromCharCode(...bytes))
        .replace(/\+/g, '-')
        .replace(/\//g, '_');
      if (readClientSideData(id) !== undefined) read.push(id);
    }
    expect(read).toEqual([]);
  });

  it("says nothing about an encryption envelope: Laravel's base64 of {iv, value, mac, tag} holds only ciphertext", () => {
    const ciphertext = btoa(String.fromCharCode(...Array.from({ length: 48 }, (_, i) => (i * 89 + 7) % 256)));
    const laravel = btoa(
      JSON.stringify({ iv: btoa('0123456789abcdef'), value: ciphertext, mac: 'a1'.repeat(32), tag: '' }),
    );
    expect(readClientSideData(laravel)).toBeUndefined();
    expect(readClientSideData(encodeURIComponent(laravel))).toBeUndefined();
    expect(readClientSideData(btoa(JSON.stringify({ nonce: 'n0', ct: ciphertext })))).toBeUndefined();
    // Not an envelope: a readable field beside the IV, or a "ciphertext" that is readable JSON itself.
    expect(readClientSideData(btoa(JSON.stringify({ iv: 'x', value: ciphertext, user: 'bob' })))?.kind).toBe(
      'base64-json',
    );
    expect(readClientSideData(btoa(JSON.stringify({ iv: 'x', value: btoa('{"user":"bob"}') })))?.kind).toBe(
      'base64-json',
    );
  });

  it('says nothing about opaque IDs, non-JSON base64 and very long values', () => {
    expect(readClientSideData('f3a91c07d2b84e6a9c51e0b7a4d2f886')).toBeUndefined();
    expect(readClientSideData(btoa('just some text'))).toBeUndefined();
    expect(readClientSideData(btoa(`{"a":"${'x'.repeat(20_000)}"}`))).toBeUndefined();
    expect(readClientSideData('')).toBeUndefined();
  });
});

describe('decodeBase64Url', () => {
  it('decodes base64url and base64, with or without padding', () => {
    expect(decodeBase64Url('eyJhIjoxfQ')).toBe('{"a":1}');
    expect(decodeBase64Url('eyJhIjoxfQ==')).toBe('{"a":1}');
  });

  it('refuses characters outside the alphabet and invalid UTF-8', () => {
    expect(decodeBase64Url('ab$cd')).toBeUndefined();
    expect(decodeBase64Url('_w')).toBeUndefined();
    // btoa of a Latin-1 "ü" is the single byte 0xFC: not UTF-8.
    expect(decodeBase64Url(btoa('ü'))).toBeUndefined();
  });
});
