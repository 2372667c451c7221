// Login and logout recognition from traffic (RULES.md, end of the lifecycle rules).
import { describe, expect, it } from 'vitest';
import { trace } from '../../../test/helpers/traceBuilder.ts';
import type { TraceEntry } from '../trace/types.ts';
import { isLogoutRequest, LoginDetector } from './loginSignals.ts';

function entries(b: ReturnType<typeof trace>): TraceEntry[] {
  return b.build().events.flatMap((e) => (e.kind === 'entry' ? [e.entry] : []));
}

function signals(b: ReturnType<typeof trace>): (string | undefined)[] {
  const detector = new LoginDetector();
  return entries(b).map((e) => detector.detect(e, new URL(e.request.url).origin));
}

describe('LoginDetector', () => {
  it.each([
    'password',
    'passwd',
    'pwd',
    'credentials[password]',
    'user_pass',
    // Rails and Devise, ASP.NET Core Identity, Symfony, Java EE form login.
    'user[password]',
    'session[password]',
    'Input.Password',
    '_password',
    'j_password',
  ])('a POST with a password-like field "%s" is a login', (field) => {
    expect(signals(trace().post('https://shop.test/login', { form: { user: 'ann', [field]: 'x' } }))).toEqual([
      'password-post',
    ]);
  });

  it.each(['user[password]', 'Input.Password', '_password', 'j_password'])(
    'a POST whose HAR params alone name "%s" (no body text) is a login',
    (field) => {
      const [entry] = entries(trace().post('https://shop.test/login', { form: { user: 'ann', [field]: 'x' } }));
      const { text: _text, ...paramsOnly } = entry!.request.postData!;
      const withoutText = { ...entry!, request: { ...entry!.request, postData: paramsOnly } };
      expect(new LoginDetector().detect(withoutText, 'https://shop.test')).toBe('password-post');
    },
  );

  it.each(['user[password]', 'Input.Password', '_password', 'j_password', 'password'])(
    'a POST whose urlencoded text alone carries "%s" is a login',
    (field) => {
      const text = new URLSearchParams({ user: 'ann', [field]: 'x' }).toString();
      const body = { text, mimeType: 'application/x-www-form-urlencoded' };
      expect(signals(trace().post('https://shop.test/login', { body }))).toEqual(['password-post']);
    },
  );

  it.each(['new_password', 'password_confirmation_hint', 'user[passport]', 'bypass'])(
    'a POST with "%s" and no password field is no login',
    (field) => {
      const form = { user: 'ann', [field]: 'x' };
      const text = new URLSearchParams(form).toString();
      expect(signals(trace().post('https://shop.test/account', { form }))).toEqual([undefined]);
      const body = { text, mimeType: 'application/x-www-form-urlencoded' };
      expect(signals(trace().post('https://shop.test/account', { body }))).toEqual([undefined]);
    },
  );

  it('a GET with a password in the query, or a POST without one, is no login', () => {
    expect(
      signals(
        trace()
          .get('https://shop.test/login?password=x')
          .post('https://shop.test/cart', { form: { qty: '1' } }),
      ),
    ).toEqual([undefined, undefined]);
  });

  it('an Authorization header is a login the first time it appears on an origin (and succeeds)', () => {
    const auth = { headers: { Authorization: 'Basic YW5uOnB3' } };
    expect(
      signals(
        trace()
          .get('https://api.test/public')
          .get('https://api.test/me', auth)
          .get('https://api.test/orders', auth)
          .get('https://other.test/me', auth),
      ),
    ).toEqual([undefined, 'authorization-header', undefined, 'authorization-header']);
  });

  it('a success right after a 401 on the same origin is a login', () => {
    expect(
      signals(
        trace()
          .get('https://shop.test/admin', { status: 401, responseHeaders: { 'WWW-Authenticate': 'Basic realm="a"' } })
          .get('https://shop.test/admin', { status: 200 }),
      ),
    ).toEqual([undefined, 'after-401']);
  });

  it('a page after a failed form login (a 401 without an HTTP authentication challenge) is no login', () => {
    expect(
      signals(
        trace()
          .post('https://shop.test/login', { form: { user: 'ann' }, status: 401 })
          .get('https://shop.test/login'),
      ),
    ).toEqual([undefined, undefined]);
  });

  it('a new authentication cookie is a login; its deletion is not', () => {
    expect(
      signals(
        trace()
          .get('https://shop.test/cb', { setCookie: ['auth_token=abc; Path=/'] })
          .get('https://shop.test/out', { setCookie: ['auth_token=abc; Max-Age=0; Path=/'] })
          .get('https://shop.test/out2', { setCookie: ['auth_token=; Path=/'] }),
      ),
    ).toEqual(['auth-cookie', undefined, undefined]);
  });
});

describe('isLogoutRequest', () => {
  it.each(['/logout', '/account/log-out', '/users/sign_out', '/signoff', '/auth/Logout?next=/'])(
    '%s is a logout',
    (path) => {
      expect(isLogoutRequest(entries(trace().get(`https://shop.test${path}`))[0]!)).toBe(true);
    },
  );

  it.each(['/login', '/catalogue', '/blog/logouts-explained'])('%s is not', (path) => {
    expect(isLogoutRequest(entries(trace().get(`https://shop.test${path}`))[0]!)).toBe(false);
  });
});
