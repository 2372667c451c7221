// session-client-side-data: the session cookie carries readable data (a JWT, base64 JSON, a signed session).
import { describe, expect, it } from 'vitest';
import { b64url, findingsOf, GOOD, ID, trace } from '../../../test/helpers/traceBuilder.ts';

function sessionValue(value: string, name = 'session') {
  return trace()
    .get('https://shop.test/', { cookie: '', setCookie: [`${name}=${value}; ${GOOD}`] })
    .get('https://shop.test/x', { cookie: `${name}=${value}` });
}

describe('session-client-side-data', () => {
  it('a JWT session → session-client-side-data listing its fields, once per cookie', () => {
    const jwt = `${b64url({ alg: 'HS256', typ: 'JWT' })}.${b64url({ sub: '42', role: 'admin', exp: 1_900_000_000 })}.c2lnbmF0dXJl`;
    const result = sessionValue(jwt).analyze();
    const found = findingsOf(result, 'session-client-side-data');
    expect(found.map((f) => [f.cookie, f.entry, f.severity])).toEqual([['session', 0, 'medium']]);
    expect(found[0]!.evidence).toMatchObject({ kind: 'jwt', fields: ['sub', 'role', 'exp'] });
    // Redacted by default: the decoded payload is only shown with raw values.
    expect(found[0]!.message).not.toContain('admin');
    expect(findingsOf(sessionValue(jwt).analyze({ values: 'raw' }), 'session-client-side-data')[0]!.message).toContain(
      '"role":"admin"',
    );
  });

  it("names the secrets inside, at any depth, never their values: a JWT's user details holding a bcrypt hash", () => {
    const hash = '$2a$10$NEsrNyBIPGELx9DpIbm/x.VwAMOzhmX4cOfO4jzwRJf6XizYrxjI2';
    const userDetails = JSON.stringify({ roles: ['superadmin'], password: hash, username: 'admin' });
    const jwt = `${b64url({ alg: 'HS256' })}.${b64url({ exp: 1_900_000_000, userDetails })}.c2lnbmF0dXJl`;
    const [found] = findingsOf(sessionValue(jwt).analyze(), 'session-client-side-data');
    expect(found!.message).toContain('It holds secrets: userDetails.password (a bcrypt password hash).');
    expect(found!.evidence).toMatchObject({
      kind: 'jwt',
      fields: ['exp', 'userDetails'],
      secrets: ['userDetails.password'],
    });
    expect(JSON.stringify(found)).not.toContain('NEsrNyBI');
    // Without secrets, no such sentence and no such evidence.
    const plain = `${b64url({ alg: 'HS256' })}.${b64url({ exp: 1_900_000_000, sub: '42' })}.c2lnbmF0dXJl`;
    const [other] = findingsOf(sessionValue(plain).analyze(), 'session-client-side-data');
    expect(other!.message).not.toContain('secrets');
    expect(other!.evidence).not.toHaveProperty('secrets');
  });

  it("one Domain cookie carried to several of the site's hosts is told once; host-only cookies of two hosts are two", () => {
    const jwt = `${b64url({ alg: 'HS256', typ: 'JWT' })}.${b64url({ sub: '42', exp: 1_900_000_000 })}.c2lnbmF0dXJl`;
    const told = (b: ReturnType<typeof trace>) =>
      findingsOf(b.analyze(), 'session-client-side-data').map((f) => f.origin);
    const underDomain = trace()
      .get('https://www.shop.test/', { cookie: '', setCookie: [`session=${jwt}; Domain=shop.test; Path=/; HttpOnly`] })
      .get('https://api.shop.test/me', { cookie: `session=${jwt}` });
    expect(told(underDomain)).toEqual(['https://www.shop.test']);
    const eachHost = trace()
      .get('https://www.shop.test/', { cookie: '', setCookie: [`session=${jwt}; Path=/; HttpOnly`] })
      .get('https://api.shop.test/login', { cookie: '', setCookie: [`session=${jwt}; Path=/; HttpOnly`] })
      .get('https://api.shop.test/me', { cookie: `session=${jwt}` });
    expect(told(eachHost)).toEqual(['https://www.shop.test', 'https://api.shop.test']);
  });

  it('a session kept as JSON holding OAuth tokens (a sign-in in the clear) is a session cookie whose data is told', () => {
    // Nike's unite_session (a real BrowserMob recording): {"user_id", "access_token", "refresh_token", …} as written.
    const json = JSON.stringify({
      user_id: '0f1e2d3c',
      access_token: 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiIxMjMifQ.c2ln',
      refresh_token: 'd8f7a6b5c4d3e2f1a0b9c8d7e6f5a4b3',
    });
    const result = sessionValue(json, 'unite_session').analyze();
    expect(result.sessions.map((s) => s.cookie)).toEqual(['unite_session']);
    const [found] = findingsOf(result, 'session-client-side-data');
    expect(found!.evidence).toMatchObject({ kind: 'json', fields: ['user_id', 'access_token', 'refresh_token'] });
    expect(found!.message).toContain('JSON in the clear');
    // Readable JSON without a token is a preference, no session.
    expect(sessionValue('{"lang":"en","theme":"dark"}', 'ui_session').analyze().sessions).toEqual([]);
  });

  it("@supabase/ssr's session cookie: 'base64-' and the session's JSON (its tokens and its user) is told", () => {
    const value = `base64-${b64url({ access_token: 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2ln', refresh_token: 'qwertyuiopasdfgh', user: { email: 'ann@x.test' } })}`;
    const [found] = findingsOf(sessionValue(value, 'sb-abcdefghijkl-auth-token').analyze(), 'session-client-side-data');
    expect(found!.evidence).toMatchObject({ kind: 'base64-json', fields: ['access_token', 'refresh_token', 'user'] });
  });

  it('Rack::Session::Cookie without a secret: an unsigned Ruby Marshal dump, said to be forgeable', () => {
    // sinatra-omniauth.har, entry 3: OmniAuth's README's `use Rack::Session::Cookie` (no secret), after the sign-in.
    const unsigned =
      'BAh7CkkiD3Nlc3Npb25faWQGOgZFVG86HVJhY2s6OlNlc3Npb246OlNlc3Npb25JZAY6D0BwdWJsaWNfaWRJIkU4MWY1YjYxMDJlYWE5ODVlNDk2Mzg5MDRlN2RmNGJhODk0MGVmNjRlMzI1NjI1ZWFhM2ViZTg4NmY5OTQwODZkBjsARkkiC3Zpc2l0cwY7AEZpBkkiCWNzcmYGOwBGSSIxeDVwZTgzSVZyRHJQUS0xbGJRWGxfbUJJQkpSekhKRFFCYzJ3SGVfbDdBaz0GOwBGSSIJdXNlcgY7AEZJIgphbGljZQY7AFRJIgh1aWQGOwBGSSIWYWxpY2VAZXhhbXBsZS5jb20GOwBU';
    const [found] = findingsOf(sessionValue(unsigned, 'rack.session').analyze(), 'session-client-side-data');
    expect(found!.evidence).toMatchObject({
      kind: 'unsigned',
      fields: ['session_id', 'visits', 'csrf', 'user', 'uid'],
    });
    expect(found!.message).toContain('an unsigned payload (Ruby Marshal (Rack::Session::Cookie without a secret))');
    expect(found!.message).toContain('nothing signs it');
    // The same dump signed (`--` and its digest) is a signed payload, not this.
    const [signed] = findingsOf(
      sessionValue(`${unsigned}--8701d793aaccd148f70580380f7ed410b57bfc76`, 'rack.session').analyze(),
      'session-client-side-data',
    );
    expect(signed!.evidence.kind).toBe('signed-json');
  });

  it("Rack's store as older Racks write it, base64 in lines of 60 (pack('m')) sent percent-encoded, is read too", () => {
    // As a real Sinatra proxy's login set it (`%0A` after every 60 characters and at the end, then `--` and the HMAC).
    const dump =
      'BAh7CkkiD3Nlc3Npb25faWQGOgZFVG86HVJhY2s6OlNlc3Npb246OlNlc3Npb25JZAY6D0BwdWJsaWNfaWRJIkU4MWY1YjYxMDJlYWE5ODVlNDk2Mzg5MDRlN2RmNGJhODk0MGVmNjRlMzI1NjI1ZWFhM2ViZTg4NmY5OTQwODZkBjsARkkiC3Zpc2l0cwY7AEZpBkkiCWNzcmYGOwBGSSIxeDVwZTgzSVZyRHJQUS0xbGJRWGxfbUJJQkpSekhKRFFCYzJ3SGVfbDdBaz0GOwBGSSIJdXNlcgY7AEZJIgphbGljZQY7AFRJIgh1aWQGOwBGSSIWYWxpY2VAZXhhbXBsZS5jb20GOwBU';
    const wrapped = `${dump.match(/.{1,60}/g)!.join('%0A')}%0A--8701d793aaccd148f70580380f7ed410b57bfc76`;
    const result = sessionValue(wrapped, 'rack.session').analyze();
    expect(result.sessions.map((s) => s.cookie)).toEqual(['rack.session']);
    const [found] = findingsOf(result, 'session-client-side-data');
    expect(found!.evidence).toMatchObject({
      kind: 'signed-json',
      fields: ['session_id', 'visits', 'csrf', 'user', 'uid'],
    });
    // Without a secret, the same lines and no digest.
    const [unsigned] = findingsOf(
      sessionValue(`${dump.match(/.{1,60}/g)!.join('%0A')}%0A`, 'rack.session').analyze(),
      'session-client-side-data',
    );
    expect(unsigned!.evidence.kind).toBe('unsigned');
    // Percent-encoded twice (Twitter's Rails 2 `_twitter_sess` of 2011: `%250A`, its padding `%253D`).
    const twice = `${dump.match(/.{1,60}/g)!.join('%250A')}%250A--8701d793aaccd148f70580380f7ed410b57bfc76`;
    const [doubly] = findingsOf(sessionValue(twice, 'rack.session').analyze(), 'session-client-side-data');
    expect(doubly!.evidence).toMatchObject({
      kind: 'signed-json',
      fields: ['session_id', 'visits', 'csrf', 'user', 'uid'],
    });
  });

  it("a password hash in the session cookie (code-server's) is named by its scheme, its salt and hash never shown", () => {
    const hash = '$argon2id$v=19$m=65536,t=3,p=4$KXXda66mOer3geffhJitag$S3Ps7aNWC9yd6F8zSphk7UWjmr4me7f4JQjduzhWTa4';
    const [found] = findingsOf(
      sessionValue(hash, 'code-server-session').analyze({ values: 'raw' }),
      'session-client-side-data',
    );
    expect(found!.message).toBe(
      'code-server-session carries a password hash (argon2id): whoever reads the cookie can test passwords against it offline.',
    );
    expect(found!.evidence).toMatchObject({ kind: 'password-hash', fields: ['scheme', 'version', 'parameters'] });
  });

  it("a Rails signed cookie shows what its message metadata wraps (Devise's remember-me token: a list)", () => {
    // ActiveSupport's metadata: `{"_rails": {"message": base64 of the data, "exp", "pur"}}`, or `"data"` (Rails 7.1).
    const signed = (meta: object) =>
      `${btoa(JSON.stringify({ _rails: meta }))}--f5888d9c5bee0c69ddd59892bb9042e27c07e24a`;
    const list = [[1], '$2a$12$aMPzaLFppusYaKM13IW8I.', '1796406114.9911525'];
    const purpose = 'cookie.remember_user_token';
    for (const meta of [
      { message: btoa(JSON.stringify(list)), exp: '2026-12-18T17:41:54.991Z', pur: purpose },
      { data: list, exp: '2026-12-18T17:41:54.991Z', pur: purpose },
    ]) {
      const result = sessionValue(signed(meta), 'remember_user_token').analyze({ values: 'raw' });
      const [found] = findingsOf(result, 'session-client-side-data');
      expect(found!.message).toContain(`(base64--digest (Rails), a message for ${purpose}) with a list of 3 values.`);
      expect(found!.message).toContain('Decoded: [[1],"$2a$12$aMPzaLFppusYaKM13IW8I.","1796406114.9911525"]');
      expect(found!.evidence.fields).toEqual([]);
    }
    // Fields inside are named as fields.
    const user = signed({ message: btoa(JSON.stringify({ user_id: 7 })), pur: 'cookie.user' });
    const [found] = findingsOf(sessionValue(user).analyze(), 'session-client-side-data');
    expect(found!.message).toContain('with fields user_id.');
  });

  it('base64-encoded JSON → session-client-side-data (base64-json)', () => {
    const result = sessionValue(btoa(JSON.stringify({ user: 'bob', cart: [1, 2] }))).analyze();
    expect(findingsOf(result, 'session-client-side-data').map((f) => f.evidence.kind)).toEqual(['base64-json']);
  });

  it('a store that grows (the user added at the login) is reported by the value that shows the most', () => {
    const store = (data: object) => btoa(JSON.stringify(data));
    const result = trace()
      .get('https://shop.test/', { cookie: '', setCookie: [`session=${store({ visits: 1 })}; ${GOOD}`] })
      .get('https://shop.test/login', { cookie: `session=${store({ visits: 1 })}` })
      .get('https://shop.test/', {
        cookie: `session=${store({ visits: 1 })}`,
        setCookie: [`session=${store({ visits: 1, user: 'ann' })}; ${GOOD}`],
      })
      .get('https://shop.test/', { cookie: `session=${store({ visits: 1, user: 'ann' })}` })
      .get('https://shop.test/out', {
        cookie: `session=${store({ visits: 1, user: 'ann' })}`,
        setCookie: [`session=${store({})}; ${GOOD}`],
      })
      .analyze();
    const found = findingsOf(result, 'session-client-side-data');
    expect(found.map((f) => [f.entry, f.evidence.fields])).toEqual([[2, ['visits', 'user']]]);
  });

  it('a signed cookie wrapping a random token (Jupyter: Tornado signs a uuid) → nothing to read beyond the ID', () => {
    const tornado = (text: string) => {
      const b64 = btoa(text);
      return `"2|1:0|10:1796391791|4:user|${b64.length}:${b64}|aedc015ed02cfd5bb42bbe67c91d58e18b26dd3d25e066b6e504dddd04c09078"`;
    };
    const cookie = 'session';
    expect(
      findingsOf(
        sessionValue(tornado('9b1e5c0a7d3f4e2a8c6b0d1f3e5a7c9b'), cookie).analyze(),
        'session-client-side-data',
      ),
    ).toEqual([]);
    // A name in it is data.
    expect(findingsOf(sessionValue(tornado('alice'), cookie).analyze(), 'session-client-side-data')).toHaveLength(1);
  });

  it("base64 JSON holding only the session's ID and its signature (Zabbix) → nothing to read beyond the ID", () => {
    const envelope = (extra: object) =>
      btoa(JSON.stringify({ sessionid: 'de7386b375dee9362a96ddd6fbb3e00b', sign: 'a1b2c3d4e5f6a7b8c9d0', ...extra }));
    expect(findingsOf(sessionValue(envelope({}), 'zbx_session').analyze(), 'session-client-side-data')).toEqual([]);
    // One field more is data: reported.
    const withUser = sessionValue(envelope({ user: 'bob' }), 'zbx_session').analyze();
    expect(findingsOf(withUser, 'session-client-side-data')).toHaveLength(1);
  });

  it("base64 JSON holding only a server-side session's random token (Vendure's cookie-session) → only an ID", () => {
    const token = (value: string, extra: object = {}) => btoa(JSON.stringify({ token: value, ...extra }));
    const random = 'f3a9c27e81b04d5c9e6a2b7d4c1f08e3a5b6c7d8e9f0a1b2c3d4e5f6a7b8c9d0';
    expect(findingsOf(sessionValue(token(random), 'session').analyze(), 'session-client-side-data')).toEqual([]);
    // Emptied at the logout: still no data.
    expect(findingsOf(sessionValue(token(''), 'session').analyze(), 'session-client-side-data')).toEqual([]);
    // A token that is no random ID, or a field more: data.
    expect(findingsOf(sessionValue(token('alice'), 'session').analyze(), 'session-client-side-data')).toHaveLength(1);
    const withRole = sessionValue(token(random, { role: 'admin' }), 'session').analyze();
    expect(findingsOf(withRole, 'session-client-side-data')).toHaveLength(1);
  });

  it('a Flask (itsdangerous) signed session → session-client-side-data (signed-json)', () => {
    const result = sessionValue(`${b64url({ user_id: 7 })}.ZxYwVQ.sIgNaTuRe-sIgNaTuRe`).analyze();
    const found = findingsOf(result, 'session-client-side-data');
    expect(found.map((f) => f.evidence.kind)).toEqual(['signed-json']);
    expect(found[0]!.message).toContain('Flask');
  });

  it("Django's signed cookie session pickled (before Django 1.6) → its fields, and why a pickle is worse", () => {
    // A Python 2 Django session, compressed (as a Fiddler recording of a Django 1.x site's sessionId holds it).
    const pickled =
      '.eJxrYKotZNQI5Y1PLC3JiC8tTi2Kz0zxepfFwxAqhCSWlJicnZqXEqqZkpWYl56vl5yfV1KUmaQHUqEHlSzW881PSc1xgioVLE4tLs7MzytILSrOLC5JzSvpDGVJLM5M8QsVSMxJLSqJT85ITc6OL8nMTU1OSSxJBTG44IxC5lAu9gfsPLwyZpxyL5MLKkuquOJDQ5y5Clk0gwpZ24IK2Ur1AAwfQ5Q:1bMxSZ:Zs2KqT0b4Yk3hLx9aVwE1cRgNp0';
    const [found] = findingsOf(sessionValue(`"${pickled}"`, 'sessionid').analyze(), 'session-client-side-data');
    expect(found!.evidence).toMatchObject({
      kind: 'signed-json',
      pickled: true,
      fields: ['_auth_user_id', '_auth_user_backend', 'sessionpersistent', 'asid', 'alert_check_time'],
    });
    expect(found!.message).toContain('(django.core.signing (Django), compressed pickle)');
    expect(found!.message).toContain('run code of their choosing');
    // Django's JSON payload is readable, and no pickle.
    const [json] = findingsOf(
      sessionValue(`${b64url({ _auth_user_id: '7' })}:1bMxSZ:Zs2KqT0b4Yk3hLx9aVwE1cRgNp0`, 'sessionid').analyze(),
      'session-client-side-data',
    );
    expect(json!.evidence).not.toHaveProperty('pickled');
    expect(json!.message).not.toContain('pickle');
  });

  it('a session kept in the cookie as readable fields (mod_session, no crypto) → the fields, in the clear', () => {
    const result = trace()
      .post('https://intra.test/dologin', {
        cookie: '',
        form: { httpd_username: 'ann', httpd_password: 'hunter2' },
        status: 302,
        responseHeaders: { Location: '/private/' },
        setCookie: ['session=private-user=ann&private-pw=hunter2;path=/'],
      })
      .get('https://intra.test/private/', { cookie: 'session=private-user=ann&private-pw=hunter2' })
      .analyze();
    const [found] = findingsOf(result, 'session-client-side-data');
    expect(found!.evidence).toMatchObject({ kind: 'fields', fields: ['private-user', 'private-pw'] });
    expect(found!.message).toBe('session carries the session in the clear, as fields: private-user, private-pw.');
  });

  it("Laravel's encrypted session cookie (base64 of {iv, value, mac, tag}, new on every response) → nothing", () => {
    const encrypted = (seed: number) => {
      const bytes = (n: number) =>
        btoa(String.fromCharCode(...Array.from({ length: n }, (_, i) => (i * 131 + seed) % 256)));
      return encodeURIComponent(
        btoa(JSON.stringify({ iv: bytes(16), value: bytes(64), mac: 'f0'.repeat(32), tag: '' })),
      );
    };
    const result = trace()
      .get('https://shop.test/', { cookie: '', setCookie: [`laravel_session=${encrypted(1)}; ${GOOD}`] })
      .get('https://shop.test/x', {
        cookie: `laravel_session=${encrypted(1)}`,
        setCookie: [`laravel_session=${encrypted(2)}; ${GOOD}`],
      })
      .get('https://shop.test/y', { cookie: `laravel_session=${encrypted(2)}` })
      .analyze();
    expect(result.sessions.map((s) => s.cookie)).toEqual(['laravel_session']);
    expect(findingsOf(result, 'session-client-side-data')).toEqual([]);
    // Nor is its ciphertext judged as a random ID would be.
    expect(findingsOf(result, 'session-id-low-entropy')).toEqual([]);
    expect(findingsOf(result, 'session-id-predictable')).toEqual([]);
  });

  it('an opaque random ID → nothing', () => {
    expect(findingsOf(sessionValue(ID.a).analyze(), 'session-client-side-data')).toEqual([]);
  });

  it('readable data in a cookie that is not a session cookie → nothing', () => {
    const result = trace()
      .get('https://shop.test/', { cookie: '', setCookie: [`prefs=${btoa('{"theme":"dark"}')}; Path=/`] })
      .analyze();
    expect(findingsOf(result, 'session-client-side-data')).toEqual([]);
  });
});
