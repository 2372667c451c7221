// What a cookie value looks like for identification, and when a changed value is the same session updated.
import { describe, expect, it } from 'vitest';
import { isMaskedValue, isPlaceholderValue, isUpdateOf, isWordValue, valueShape } from './valueShape.ts';

/** base64url of {"alg":"dir","enc":"A256GCM"}: the protected header of Auth.js's encrypted session token. */
const JWE_HEADER = 'eyJhbGciOiJkaXIiLCJlbmMiOiJBMjU2R0NNIn0';
const jwe = (iv: string, ciphertext: string) => `${JWE_HEADER}..${iv}.${ciphertext}.Qm9mZ3JhZkI0V3FfbzdyZw`;
/** base64url of {"alg":"HS256","typ":"JWT"}: a signed token, readable. */
const JWS_HEADER = 'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9';

describe('valueShape', () => {
  it('named fields joined by &, whatever their values hold, are a record (structured), not one ID', () => {
    // coupons.com's `SessionInfo` (a real recording, audit 11): a tracking ID and two scrambled blobs, as fields.
    expect(valueShape('TrackingID=ALK0909133838FB6D7E8A3226157&SI=iG0O=Fwb!LiFY:|:y$IxW=G:|:w1a&sC=yxzL=fJ:|:gl')).toBe(
      'structured',
    );
    // One field is a label (LABELLED_DATA's); a base64 token with `=` padding and no `&` stays a token.
    expect(valueShape('TrackingID=ALK0909133838FB6D7E8A3226157')).toBe('opaque');
    expect(valueShape('dGhpcyBpcyBhIHJhbmRvbSB0b2tlbg==')).toBe('opaque');
  });

  it('names and values alternating, joined by &, are a record (structured): HP Web Tours writes its cookies so', () => {
    // LoadRunner replays of Web Tours (audit 18): `MSO`, a settings cookie the dataset's Microsoft row made a session
    // (HttpOnly findings, a "reset" when the server re-ordered its fields), and the login's `MTUserInfo`.
    expect(valueShape('SID&1460051160&MSO_ServerErrorsProb&100&MSO_ServerLoadProb&100')).toBe('structured');
    expect(valueShape('firstName&&address2&&username&jojo01&hash&49&lastName&%0A&creditCard&&expDate&%0A')).toBe(
      'structured',
    );
    // A token with one `&` in it is not such a record.
    expect(valueShape('k2Vx9qLm4TzP8wRb&7YcN3dFh')).toBe('opaque');
  });

  it('a date as a locale writes it, form-encoded or not, is no ID; a token of digits and slashes is', () => {
    // coupons.com's `cidat` (a real recording, audit 11): ASP.NET's DateTime.ToString(), percent- and form-encoded.
    for (const date of [
      '9%2F9%2F2013+1%3A38%3A38+PM',
      '9/9/2013 1:38:38 PM',
      '09.09.2013 13:38',
      '2013/09/09',
      '9/9/2013',
    ])
      expect(valueShape(date)).toBe('not-an-id');
    expect(valueShape('9/9/20131/38/38PMx7Qz')).toBe('opaque');
  });

  it('a word or a few joined, or a screen size, is a word value (a preference); letters with digits are not', () => {
    // DoubleClick's `test_cookie=CheckForPermission`: capitalised words written together.
    for (const word of [
      'dark',
      'compact',
      'Europe/Paris',
      'America%2FNew_York',
      'dark-mode',
      'EUR',
      '1920x1080',
      'CheckForPermission',
      'DarkMode',
    ])
      expect(isWordValue(word)).toBe(true);
    // Letters with digits, mixed case, or numbers alone can be IDs (poor ones: session-id-low-entropy says so).
    for (const id of [
      'abc123',
      'v2',
      '12345',
      'QmXkTzPrLwNa',
      'QmXkTzPr',
      'a1b2c3d4e5f6',
      'Ab3dE5gH7jK9mN1p',
      'KqzTrwxPlmnQbvc',
    ])
      expect(isWordValue(id)).toBe(false);
  });

  it("punctuation alone is a placeholder, no ID (Salesforce's `sfdc_session=-`); one letter or digit can be one", () => {
    for (const placeholder of ['-', '.', '--', '%2D', '"-"']) expect(valueShape(placeholder)).toBe('not-an-id');
    for (const id of ['-x9', '.7q']) expect(valueShape(id)).toBe('opaque');
  });

  it('a language tag or a POSIX locale (with its codeset and modifier) is no ID', () => {
    for (const locale of ['en', 'en-GB', 'pt_BR', 'en_GB.utf8', 'de_DE.UTF-8', 'ca_ES@valencia', 'ast_ES.UTF-8'])
      expect(valueShape(locale)).toBe('not-an-id');
    // A token with an underscore and a dot is not read as one: lower-case after the underscore, or too long a part.
    for (const id of ['ab_cd.utf8', 'ab_CD.9f3c2a7e41b0d85f36a1', 'abcd_EF.utf8'])
      expect(valueShape(id)).toBe('opaque');
  });

  it('an encrypted JWT (JWE), whole or its first chunk, is a client-side store that cannot be read', () => {
    expect(valueShape(jwe('bXlJbml0VmVjdG9y', 'c2VjcmV0LXNlc3Npb24tY2xhaW1z'))).toBe('client-side-store');
    expect(valueShape(`${JWE_HEADER}..bXlJbml0VmVjdG9y.c2VjcmV0LXNlc3`)).toBe('client-side-store');
  });

  it('a header that names no content encryption, or is not JSON, makes no JWE', () => {
    // A signed JWT's header has no `enc`.
    expect(valueShape(`${JWS_HEADER}.a2V5.aXY.Y2lwaGVy.dGFn`)).toBe('opaque');
    expect(valueShape('eyJub3QtanNvbi.a2V5.aXY.Y2lwaGVy.dGFn')).toBe('opaque');
  });

  it("Phoenix's signed or encrypted session cookie (Plug) is a client-side store", () => {
    const signed =
      'SFMyNTY.g3QAAAABbQAAAAtfY3NyZl90b2tlbm0AAAAYbGxYQ3JqUHV2RnY4TjBL.4MXn2WGRmvHrMf1pqvxa8Tv0l1w1xIAnIjXkfgoUOpY';
    expect(valueShape(signed)).toBe('client-side-store');
    expect(valueShape('QTI1NkdDTQ.bXlrZXk.bXlpdg.Y2lwaGVydGV4dA.dGFn')).toBe('client-side-store');
    // The same algorithm name, not followed by a payload and a signature, is no such cookie.
    expect(valueShape('SFMyNTYx9c2a7e41b0d85f36')).toBe('opaque');
  });

  it("Go's gorilla/securecookie value (base64url of time|payload|MAC) is a client-side store; saved again, an update", () => {
    const encode = (time: string) =>
      btoa(`${time}|Z29iLWVuY29kZWQtc2Vzc2lvbi12YWx1ZXM|\x01\x02\xff\x80mac-bytes`)
        .replace(/\+/g, '-')
        .replace(/\//g, '_')
        .replace(/=+$/, '');
    expect(valueShape(encode('1700000000'))).toBe('client-side-store');
    expect(isUpdateOf(encode('1700000000'), encode('1700000060'))).toBe(true);
    // base64 of digits with no `|` after the tenth is an opaque ID that happens to start with "MT".
    expect(valueShape(btoa('1234567890abcdef1234567890abcdef'))).toBe('opaque');
  });

  it("Django's signed cookie session (payload:timestamp:signature, zlib'd or not) is a client-side store; saved again, an update", () => {
    // Values set by Django 3.2's signed_cookies session engine, recorded in Chromium.
    const readable = 'eyJ2aXNpdHMiOjF9:1xZRDG:HV4ORAa0i-6fDg_O-Xa5ryiEq79vzOS4e9cr_YpyHfU';
    const savedAgain = 'eyJ2aXNpdHMiOjJ9:1xZRDH:fhxj2ptqHyu3zPmE33QWGDYzFIaYMQqG-ePGkdui_jk';
    // Two saves of the logged-in session, zlib'd (django-signed-cookies.har, entries 6 and 7): the user's ID kept.
    const compressed =
      '.eJxVjLEOgzAMRP_FcxWRAMEwducbkGM7JW0FEoEuVf-9ILGwne69uy98Uk5rhs7dYKBtHYct6zIkgQ4sXLpA_NLpAPKk6TEbnqd1ScEcijlpNv0s-r6f7uVgpDzua7auYbQYuZHYBO-1Fq4LjcGhD9ZhxbFqa6IWncZCPJJiLEsvpeM9wO8PaY87-Q:1xZRRs:WG6f-dFE9H7ov4vh2U3wgIsQBmD0cKsUHHrTYP-55uI';
    const compressedAgain =
      '.eJxVjLEOgzAMRP_FcxWRBILp2L3fgBzbKWkrkAh0qfrvBYmF7XTv3X3hk0teClz9BXpal6Ffi859FriChVMXiV867kCeND4mw9O4zDmaXTEHLeY-ib5vh3s6GKgM25qtaxktJm4ltTEEbYSbSlN0GKJ1WHOqu4aoQ6epkoCkmLwP4h1vAX5_ajs7-g:1xZRRs:GwL_o1n0DKrNdCOG1bGLaBED4568q56Dyr-XroylFZ4';
    expect(valueShape(readable)).toBe('client-side-store');
    expect(isUpdateOf(readable, savedAgain)).toBe(true);
    expect(valueShape(compressed)).toBe('client-side-store');
    expect(isUpdateOf(compressed, compressedAgain)).toBe(true);
    // Three colon-parted parts that are not base64 JSON first are no such cookie.
    expect(valueShape('a7Xk29Qp:1xZRDG:HV4ORAa0i-6fDg_O-Xa5ryiEq79vzOS4e9cr')).toBe('opaque');
  });

  it("a token with a new Unix time after it is the same session re-stamped (Roundcube's sessauth, each 5 minutes)", () => {
    expect(isUpdateOf('UOW4q82TThLOB8FvGld3BVlizR-1796477100', 'UOW4q82TThLOB8FvGld3BVlizR-1796477400')).toBe(true);
    // Another token before the time, or no time after it: another ID.
    expect(isUpdateOf('UOW4q82TThLOB8FvGld3BVlizR-1796477100', 'Kq8Zr01mPn5sT2vWx7yBcD3eFg-1796477400')).toBe(false);
    expect(isUpdateOf('UOW4q82TThLOB8FvGld3BVlizR-a1', 'UOW4q82TThLOB8FvGld3BVlizR-a2')).toBe(false);
  });

  it("a readable store naming a session ID (Zabbix's `sessionid`) that names another is a new session", () => {
    const zbx = (sessionid: string, sign: string) => btoa(JSON.stringify({ sessionid, serverCheckResult: true, sign }));
    expect(isUpdateOf(zbx('10a6b0adce35c82c0a7d', 's1'), zbx('10a6b0adce35c82c0a7d', 's2'))).toBe(true);
    expect(isUpdateOf(zbx('10a6b0adce35c82c0a7d', 's1'), zbx('7945dc17f0e1b2c3d4a5', 's2'))).toBe(false);
  });

  it('a readable store that named its user and no longer does (or names another) is a new session, not an update', () => {
    const flask = (data: object, ts: string) =>
      `${btoa(JSON.stringify(data)).replace(/=+$/, '')}.${ts}.c2lnbmF0dXJlLW9mLXRoZS1zZXNzaW9u`;
    const loggedIn = flask({ user: 'alice', visits: 2 }, 'axLH2Q');
    // Saved again for the same user: an update, whatever else changed.
    expect(isUpdateOf(loggedIn, flask({ user: 'alice', visits: 3 }, 'axLH2R'))).toBe(true);
    // Flask with a key made at start-up, restarted: the old cookie unreadable, a new session written in its place.
    expect(isUpdateOf(loggedIn, flask({ visits: 1 }, 'axLH2S'))).toBe(false);
    expect(isUpdateOf(loggedIn, flask({ user: 'bob' }, 'axLH2S'))).toBe(false);
    // Flask-Login's `_user_id`, Passport's `passport.user`, a user held as an object (its id).
    expect(isUpdateOf(flask({ _user_id: '1' }, 'a1'), flask({ _fresh: false }, 'a2'))).toBe(false);
    expect(isUpdateOf(flask({ passport: { user: 7 } }, 'a1'), flask({ passport: {} }, 'a2'))).toBe(false);
    expect(isUpdateOf(flask({ user: { id: 7, seen: 1 } }, 'a1'), flask({ user: { id: 7, seen: 2 } }, 'a2'))).toBe(true);
    // A store that gains a user outside a login request (a single sign-on callback) is still the same session here:
    // only a user lost or replaced tells a new one.
    expect(isUpdateOf(flask({ visits: 1 }, 'a1'), flask({ user: 'alice' }, 'a2'))).toBe(true);
  });

  it("@fastify/secure-session's cookie (ciphertext;nonce) is a client-side store; saved again, an update", () => {
    // Set by @fastify/secure-session 8.4 (percent-encoded, as it writes it).
    const value =
      '57CLjSSD%2Fb71ny2YXaud%2BxeP%2B9flW0CVG9FOteBSPIC9tGP0DWf2jwyEgPVylw%3D%3D%3BSIN%2B6oza9cVUHi59a4aKeaVnNfhkajYw';
    const resaved =
      'Ls%2BshEXcW32PoSZAuLnCdl0CcKn8YWG%2FrhOWtAccBCFAjAeWNQBnSnK%2BOlxSAQ%3D%3D%3B0oiGKF3pi4601VDRPmXqh1aS2dmXLND7';
    expect(valueShape(value)).toBe('client-side-store');
    expect(isUpdateOf(value, resaved)).toBe(true);
    // A nonce of another length is no secretbox.
    expect(valueShape('57CLjSSD%2Fb71ny2YXaud%2BxeP%2B9flW0CVG9FOte%3BSIN%2B6oza9cVUHi59a4')).toBe('opaque');
  });

  it("ASP.NET Core's Data Protection payload (CfDJ8…: the auth ticket) is a client-side store; issued again, an update", () => {
    // The magic header and a key id, then the encrypted ticket (base64url): the shape of `.AspNetCore.Cookies`.
    const ticket = (body: string) => `CfDJ8Nm3tI2XgRJEo8S2sbGm1VZ${body.repeat(12)}`;
    expect(valueShape(ticket('Q0hVTktfT0ZfQ0lQSEVSVEVYVA'))).toBe('client-side-store');
    expect(isUpdateOf(ticket('Q0hVTktfT0ZfQ0lQSEVSVEVYVA'), ticket('b3RoZXJfY2lwaGVydGV4dF9uZXc'))).toBe(true);
    // The five letters alone, or an ID that merely starts with them, are no such payload.
    expect(valueShape('CfDJ8a1b2c3d4e5f6')).toBe('opaque');
  });

  it('a Fernet token (aiohttp-session, Python cryptography) is a client-side store; saved again, an update', () => {
    // Version 0x80, a big-endian timestamp, an IV, the ciphertext and an HMAC, base64url with padding.
    const token = (time: string, body: string) => `gAAAAABnUA${time}${body.repeat(4)}=`;
    expect(valueShape(token('8gTX', 'KXvOEGK1B1mr_kCS5TeJ3C5wwxVnugxeoPNFl-o8jt'))).toBe('client-side-store');
    expect(
      isUpdateOf(
        token('8gTX', 'KXvOEGK1B1mr_kCS5TeJ3C5wwxVnugxeoPNFl-o8jt'),
        token('9hUY', 'EjdcgabL8BU6X4SpzvMYPWKHrNH2G0Bliq_U-R5DaI'),
      ),
    ).toBe(true);
    // The prefix alone, short, is no token.
    expect(valueShape('gAAAAAB1a2b3c4d5e6f7a8b9c0d')).toBe('opaque');
  });

  it("a signed or encoded list is data, not a session store (Django's messages: the flash messages of a login)", () => {
    // django.contrib.messages' signed cookie, as allauth's login leaves it: [["__json_message", 0, 25, "…"]].
    const messages = `${btoa('[["__json_message",0,25,"Successfully signed in as alice."]]').replace(/=+$/, '')}:1xZUXo:x3Fq`;
    expect(valueShape(messages)).toBe('structured');
    expect(valueShape(btoa('[1,2,3]'))).toBe('structured');
    // A store of named fields stays one.
    expect(valueShape(`${btoa('{"visits":1}').replace(/=+$/, '')}:1xZUXo:x3Fq`)).toBe('client-side-store');
  });

  it("Bottle's signed cookie (`!` HMAC `?` pickled name and value) is a client-side store", () => {
    // Set by Bottle 0.12 (`response.set_cookie('visits', n, secret=…)`), quoted as Bottle writes it.
    expect(valueShape('"!9qQ36gBem2apdfVl+8XBjw==?gAWVDgAAAAAAAACMBnZpc2l0c5RLAYaULg=="')).toBe('client-side-store');
    expect(valueShape('!ndmuYs9UNkjm0COra5+w2w==?gAWVDgAAAAAAAACMBnZpc2l0c5RLAoaULg==')).toBe('client-side-store');
    expect(valueShape('!short?x')).not.toBe('client-side-store');
  });

  it("Mozilla's client-sessions cookie (iv.ciphertext.createdAt.duration.mac) is a client-side store", () => {
    // Set by client-sessions 0.8 on express (the MAC shortened here).
    const value = (iv: string) =>
      `${iv}.0JHmG6c4gRfK7qBH0l69NVhdodQaSyeqzWAczqxzHeo.1796386582007.1800000.RsJqwa8QokQfxrQApnIAl7pQx3`;
    expect(valueShape(value('mxBcYzeZ7Ql8rD9xGimnDw'))).toBe('client-side-store');
    expect(isUpdateOf(value('mxBcYzeZ7Ql8rD9xGimnDw'), value('Qm9mZ3JhZkI0V3FfbzdyZw'))).toBe(true);
    // A version number between two IDs is no such cookie.
    expect(valueShape('a1b2c3d4e5f6a7b8.c9d0e1f2a3b4c5d6.1.2.e7f8a9b0c1d2e3f4')).toBe('opaque');
  });

  it("iron's seal (hapi, iron-session) is a client-side store, and sealed again it is an update", () => {
    const seal = (salt: string) =>
      `Fe26.2**0cdd607945dd1dffb7da0b0bf5f1a7daa6218cbae14cac51dcbd91fb077aeb5b*${salt}*pR8d0kn9QLRdv6ltaTHsvA*c2VhbGVkLXNlc3Npb24tZGF0YQ**1a2b3c4d5e6f*hmacsalt*aG1hYw~2`;
    expect(valueShape(seal('9xAqR3u2'))).toBe('client-side-store');
    expect(isUpdateOf(seal('9xAqR3u2'), seal('Lm7vWq0p'))).toBe(true);
  });

  it("AdonisJS's encrypted cookie is a client-side store, and encrypted again it is an update", () => {
    // Set by @adonisjs/session 7's cookie store (the HMAC shortened here), a new IV at every save.
    const value = (iv: string) =>
      `e%3ADX3z2EiDH-O_E0mZZZKiNaLUgEvS7BgMnBVfeLvQW8P5Fv4N5aVMJJndbUA96Ff0cQ.${iv}.4kA28TVxzOsabTDNfySo-O14M6vkftV36swNMI0`;
    expect(valueShape(value('U0xtY0taZUVVNmVmbGEwQQ'))).toBe('client-side-store');
    expect(isUpdateOf(value('U0xtY0taZUVVNmVmbGEwQQ'), value('eVRCTDVCYzlfOHNtcHROcw'))).toBe(true);
    // An ID with a one-letter prefix and dots, too short to hold a ciphertext, is no such cookie.
    expect(valueShape('e:a1b2c3d4.e5f6a7b8.c9d0e1f2')).toBe('opaque');
  });

  it("Beaker's encrypted cookie session is a client-side store, and encrypted again it is an update", () => {
    // Set by Bottle-Cork's example (Beaker's `session.type = cookie` with an encrypt_key, the ciphertext shortened
    // here): the hex HMAC, a 128-bit nonce, the AES ciphertext; a new nonce at every save.
    const value = (hmac: string, nonce: string) =>
      `${hmac}${nonce}==ImbxUCN3F9sXwYSQO/rcAqkA2RYV7m0fOB/YRBPcTUUPUlIrjDqgAYGhQnHkU3yE`;
    const first = value('c0a99a5bafec2ca9be4290a8f50090c6060cbe27', 'OjeagRMNrsYQNRCdRIUxeg');
    const again = value('8def77a4f8064fa0227016b0b588769d097b5469', '35PSL6H0bAFM0Y64ogc5BQ');
    expect(valueShape(first)).toBe('client-side-store');
    expect(isUpdateOf(first, again)).toBe(true);
    // Long hex IDs (a SHA-256 or SHA-512 in hex) have no `==` after their 62nd character.
    expect(valueShape('9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08')).toBe('opaque');
    expect(valueShape(`${'9f86d081884c7d659a2feaa0c55ad015a3bf4f1b'.repeat(3)}`)).toBe('opaque');
  });

  it('words parted by spaces, once decoded, are text, not an ID', () => {
    expect(valueShape('WP%20Cookie%20check')).toBe('structured');
    expect(valueShape('"Jane Doe"')).toBe('structured');
    // base64's '+' is no space.
    expect(valueShape('q8yqW1xY+zAbC7f2Kp0/Lm3N')).toBe('opaque');
  });

  it("a scanner's payload (a quote, a parenthesis, an angle bracket inside) is no ID", () => {
    expect(valueShape('x%27%7C%7Cpg_sleep%2810%29--')).toBe('not-an-id');
    expect(valueShape('%3Cscript%3Ealert(1)%3C%2Fscript%3E')).toBe('not-an-id');
    expect(isPlaceholderValue("5f4dcc3b5aa765d61d8327deb882cf99'--")).toBe(true);
    // Quotes around a value are the cookie's, not the value's; IDs with their usual punctuation stay IDs.
    expect(valueShape('"f3a91c07d2b84e6a9c51e0b7a4d2f886"')).toBe('opaque');
    expect(valueShape('s%3AQ2x8Zk1oV9n0.aBcDeFgHiJkLmNoPqRsTuVwXyZ0123456789%2Bab')).toBe('opaque');
    expect(valueShape('0000BcJl8k2D1Yw:1a2b3c4d!-123456')).toBe('opaque');
  });

  it('text beyond ASCII, once decoded (a percent-encoded name), is readable, not an ID', () => {
    // A real recording's oa_name: the user's name in Chinese, percent-encoded UTF-8.
    expect(valueShape('%E7%8E%8B%E5%B0%8F%E6%98%8E')).toBe('structured');
    expect(valueShape('M%C3%BCnchen')).toBe('structured');
    // Percent-encoded ASCII (base64's '+', '/', '=') and bytes that are no UTF-8 stay an ID.
    expect(valueShape('q8yqW1xY%2BzAbC7f2Kp0%2FLm3N%3D')).toBe('opaque');
    expect(valueShape('%A3%F1%09%7Fz%C0%FF%0E%91%5D%B2%E4')).toBe('opaque');
  });

  it('data encoded twice, or one labelled field holding data, is readable, not an ID', () => {
    // Real recordings: Yahoo's `apeaf` (JSON under a label, percent-encoded twice: `%257B` is `{`) and Adobe
    // ClientContext's `SessionPersistence` (`PROFILEDATA:=` then fields, encoded twice).
    expect(
      valueShape('userintent%3D%257B%2522discovered%2522%253A1%252C%2522lastDiscovered%2522%253A1543431720807%257D'),
    ).toBe('structured');
    expect(
      valueShape(
        'PROFILEDATA%3A%3Davatar%253D%252Fetc%252Fimages%252Favatar.png%252Cpath%253D%252Fhome%252Fusers%252Fa%252CisLoggedIn%253Dfalse',
      ),
    ).toBe('structured');
    expect(valueShape('prefs={"theme":"dark"}')).toBe('structured');
    // A labelled ID, or an ID whose base64 wears two encodings, stays an ID.
    expect(valueShape('s=f3a91c07d2b84e6a9c51e0b7a4d2f886')).toBe('opaque');
    expect(valueShape('q8yqW1xY%252BzAbC7f2Kp0%252FLm3N%253D')).toBe('opaque');
  });

  it('flags among readable parts, decimal fractions and key=value fields parted by colons are readable data', () => {
    expect(valueShape('INITIAL_anon_true_30004')).toBe('structured');
    expect(valueShape('devicePage_false_pre')).toBe('structured');
    expect(valueShape('0.0570435_0.538156_0.544991_0.145464')).toBe('structured');
    expect(valueShape('un=postpaid:pd=RYkI7oBDzpkm6XB0o5nJUQ%3D%3D:st=00001053378820')).toBe('structured');
    // An ID that merely holds the letters, or a whole number, is not.
    expect(valueShape('b27f5a0c93e1true4d68a1c7e9f04b3d')).toBe('opaque');
    expect(valueShape('2419437849')).toBe('opaque');
  });

  it("a list of small numbers (Baidu's H_PS_PSSID experiment buckets) is readable data; long numbers joined are not", () => {
    expect(valueShape('13419_13190_12608_1462_13075_12825_8498')).toBe('structured');
    expect(valueShape('3|17|204')).toBe('structured');
    expect(valueShape('12,7,33')).toBe('structured');
    // Two numbers, numbers of seven digits or more, or separators mixed: may be an ID's parts.
    expect(valueShape('13419_13190')).toBe('opaque');
    expect(valueShape('1325240751_4404537_3556150')).toBe('opaque');
    expect(valueShape('13419_13190|12608')).toBe('opaque');
  });

  it("numbers joined with a fraction among them (BadStore's cart: time, count, total) are readable data", () => {
    // Audit 15: `CartID=1553424910%3A1%3A11.5%3A1000`, percent-encoded as set.
    expect(valueShape('1553424910%3A1%3A11.5%3A1000')).toBe('structured');
    expect(valueShape('1553424910:1:11.5:1000')).toBe('structured');
    expect(valueShape('19.99|2')).toBe('structured');
    // No fraction, separators mixed, or a dotted address: may be an ID's parts.
    expect(valueShape('1553424910:1')).toBe('opaque');
    expect(valueShape('1:2.5|3')).toBe('opaque');
    expect(valueShape('10.1.2.3:8080')).toBe('opaque');
  });

  it("a page's address (a server page's file name, alone or ending a path) is readable data, not an ID", () => {
    // A state portal's AccessLogFormatter_referrer (audit 7): the page the user came from.
    expect(valueShape('paymentHistory.jsp')).toBe('structured');
    expect(valueShape('%2FUBCI%2FviewHistory.do')).toBe('structured');
    expect(valueShape('/account/index.php')).toBe('structured');
    // A route suffix or a token with a dot is no page.
    expect(valueShape('6F9619FF8B86D011B42D00C04FC964FF.node1')).toBe('opaque');
    expect(valueShape('Xk29aPq81mZt0LrB.jspq')).toBe('opaque');
  });

  it('a URL is readable data (a return address), not an ID', () => {
    expect(valueShape('https%3A%2F%2Fapp.example%2Fdashboard')).toBe('structured');
    expect(valueShape('http://localhost:3000')).toBe('structured');
    expect(valueShape('f3a91c07d2b84e6a9c51e0b7a4d2f886')).toBe('opaque');
  });

  it("ASP.NET Core's chunk marker is a count, not an ID", () => {
    expect(valueShape('chunks-3')).toBe('not-an-id');
  });
});

describe('isUpdateOf', () => {
  it('an encrypted token re-issued (a rolling session) is the same session updated', () => {
    expect(isUpdateOf(jwe('aXYtb25l', 'Y2lwaGVyLW9uZQ'), jwe('aXYtdHdv', 'Y2lwaGVyLXR3bw'))).toBe(true);
  });

  it("Remix's cookie session saved again for the same user is an update; for another user it is not", () => {
    const session = (data: object) => `${btoa(JSON.stringify(data))}.8K3mQ2x9Zr0pLw4vN7tYcA1bD5eF6gH`;
    expect(isUpdateOf(session({ userId: '42', views: 1 }), session({ userId: '42', views: 2 }))).toBe(true);
    expect(isUpdateOf(session({ userId: '42' }), session({ userId: '43' }))).toBe(false);
  });

  it('an opaque ID that changes is a new ID', () => {
    expect(isUpdateOf('f3a91c07d2b84e6a9c51e0b7a4d2f886', '6c0e8d4b1f7a39e2d5b80c4a7f16e93d')).toBe(false);
  });
});

describe('isMaskedValue', () => {
  it.each([
    'REDACTED',
    'redacted',
    '[REDACTED]',
    '--redacted--',
    '[sessionid redacted]',
    '<filtered>',
    '[FILTERED]',
    '[sanitized]',
    '****',
  ])('"%s", what a HAR sanitiser writes in place of a value, is masked: no ID to follow', (value) => {
    expect(isMaskedValue(value)).toBe(true);
    expect(isPlaceholderValue(value)).toBe(true);
  });

  it.each([
    'f3a9c27e81b04d5c9e6a2b7d4c1f08e3',
    's%3At7lKPedy4rV1db3di_Kp2oEWrcUcsmRr.cmqqPQ',
    // LDAP Account Manager writes its key cookie as x's itself.
    'xxxxxxxxxxxxxxxxxxxxxxxx',
    'redacted-theme',
    'deleted',
  ])('"%s" is not', (value) => {
    expect(isMaskedValue(value)).toBe(false);
  });
});

describe('isPlaceholderValue remembered', () => {
  // Its answers are kept (the same session values are asked of on every request): kept answers are the same answers,
  // after the memory filled and started over, and for a value too long to keep.
  it('answers a value asked again, after many others and beyond the kept length, as it did the first time', () => {
    const values = ['deleted', 'Login', '0', 'a3f9c2e81b7d4c06a9e5f13b27c8d401', `${'9f'.repeat(200)}`, '****'];
    const first = values.map(isPlaceholderValue);
    expect(first).toEqual([true, true, true, false, false, true]);
    for (let i = 0; i < 12_000; i++) isPlaceholderValue(`v${i.toString(36)}x${i}`);
    expect(values.map(isPlaceholderValue)).toEqual(first);
  });
});

describe('isUpdateOf an opaque token refreshed in place', () => {
  // GitHub's user_session of 2016: 80 characters, the first 52 kept, a new tail on every page.
  const kept = 'Ufi_fQniXr7Lq2Zt9WbKcVs4Hn1Jd8Pe6Ym3Ga5Ro0Tu_Ix-Ek7Ol2Ns9Q';
  const token = (tail: string) => `${kept.slice(0, 52)}${tail}`;

  it('keeping most of the token (a long run from its start) is the same session', () => {
    expect(isUpdateOf(token('REM5ZWz1aB3cD4eF5gH6iJ7kL8mN'), token('jk1PSR6VoP9qR0sT1uV2wX3yZ4aB'))).toBe(true);
  });

  it("keeping its start around a header's changed length byte, with a long new tail, is the same session", () => {
    // Google's SID of 2013 (a real recording): `DQAAAN` + a length byte + the same 25 characters, then a new signed tail.
    const sid = (lengthByte: string, tail: string) => `DQAAAN${lengthByte}AAAAmmi1yWgs4QAdrDMr3FP61${tail}`;
    expect(
      isUpdateOf(
        sid('M', 'uyeOZja1MskLxZQbJUc-K-S0Ew6MhYG2-7LpB-DcPLQk3GUr'),
        sid('U', 'WnRLaLepHv-lmjPmwn2_Pv5a6JoMVgFNq3QZSR9f7S3xkSI1'),
      ),
    ).toBe(true);
  });

  it('a new random ID, or one sharing a short start (a node prefix), is a new ID', () => {
    expect(isUpdateOf('f3a91c07d2b84e6a9c51e0b7a4d2f886', '0b7e4c1a9d2f8e3b6a5c7d0e1f2a3b4c')).toBe(false);
    expect(isUpdateOf('node0w6g3h2k1j9a8s7d6f5g4h3j2k1l0.node0', 'node0q1w2e3r4t5y6u7i8o9p0a1s2d3f4.node0')).toBe(
      false,
    );
    // Three of the first 32 characters changed is no refresh, nor a start shorter than 32 kept.
    const three = `${kept.slice(0, 5)}x${kept.slice(6, 15)}y${kept.slice(16, 25)}z${kept.slice(26)}`;
    expect(isUpdateOf(kept, three)).toBe(false);
    expect(isUpdateOf(`${kept.slice(0, 28)}${'a'.repeat(48)}`, `${kept.slice(0, 28)}${'b'.repeat(48)}`)).toBe(false);
  });
});

describe('isUpdateOf a token that another value holds whole', () => {
  // Google's LSID of 2020 (a real recording): written back at the sign-in's CheckCookie as the services it is good for,
  // then the very token the request carried.
  const token = 'tAc3O_aaPDZ8VIOAQIfENrx8AsAhbvbHe706raQ7qZnV_b3T_Qx-xH4zmuPHg-ae1yOI6A.';

  it('fields put in front of the token, or taken off it, are the same session', () => {
    expect(isUpdateOf(token, `lso|s.HK|s.youtube:${token}`)).toBe(true);
    expect(isUpdateOf(`lso|s.HK:${token}`, token)).toBe(true);
    expect(isUpdateOf(token, `${token}|route=2`)).toBe(true);
  });

  it('a token found inside a longer run of token characters, or a short one, is no evidence', () => {
    expect(isUpdateOf(token, `x${token}y`)).toBe(false);
    expect(isUpdateOf('a1b2c3d4e5f6a7b8', 'lso:a1b2c3d4e5f6a7b8')).toBe(false);
  });
});
