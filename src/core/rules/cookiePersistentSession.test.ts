// cookie-persistent-session: a session cookie whose lifetime exceeds the threshold (default 24 h).
import { describe, expect, it } from 'vitest';
import { findingsOf, ID, T0, trace } from '../../../test/helpers/traceBuilder.ts';

const sid = (lifetime: string) => `sid=${ID.a}; Path=/; Secure; HttpOnly; SameSite=Lax; ${lifetime}`;

describe('cookie-persistent-session', () => {
  it('a sid with Max-Age of 30 days → cookie-persistent-session', () => {
    const result = trace()
      .get('https://shop.test/', { cookie: '', setCookie: [sid('Max-Age=2592000')] })
      .analyze();
    const found = findingsOf(result, 'cookie-persistent-session');
    expect(found.map((f) => [f.cookie, f.entry, f.severity])).toEqual([['sid', 0, 'low']]);
    expect(found[0]!.message).toContain('30 days');
  });

  it("a remember-me token's lifetime is told as by design, with the fix for such a token", () => {
    const result = trace()
      .login('https://shop.test/login', [
        `remember_user_token=${ID.b}; Path=/; Secure; HttpOnly; SameSite=Lax; Max-Age=1209600`,
        sid('Max-Age=2592000'),
      ])
      .analyze();
    const found = findingsOf(result, 'cookie-persistent-session');
    const remember = found.find((f) => f.cookie === 'remember_user_token')!;
    expect(remember.message).toContain('a remember-me token, persistent by design');
    expect(remember.fix).toContain('keep it revocable');
    // The session cookie itself keeps the rule's own fix.
    const session = found.find((f) => f.cookie === 'sid')!;
    expect(session.message).not.toContain('remember-me');
    expect(session.fix).toContain('use a separate remember-me token if needed');
  });

  it('a sid whose Expires is a week after the response → cookie-persistent-session', () => {
    const expires = new Date(T0 + 7 * 86_400_000).toUTCString();
    const result = trace()
      .get('https://shop.test/', { cookie: '', setCookie: [sid(`Expires=${expires}`)] })
      .analyze();
    expect(findingsOf(result, 'cookie-persistent-session').map((f) => f.cookie)).toEqual(['sid']);
  });

  it('a sid with Max-Age of one hour, or none at all → nothing', () => {
    const result = trace()
      .get('https://shop.test/', { cookie: '', setCookie: [sid('Max-Age=3600')] })
      .get('https://other.test/', { cookie: '', setCookie: [`sid=${ID.b}; Path=/; Secure; HttpOnly; SameSite=Lax`] })
      .analyze();
    expect(findingsOf(result, 'cookie-persistent-session')).toEqual([]);
  });

  it('the threshold is a setting: two hours flags a Max-Age of three', () => {
    const result = trace()
      .get('https://shop.test/', { cookie: '', setCookie: [sid('Max-Age=10800')] })
      .analyze({ settings: { persistentThresholdSeconds: 7200 } });
    expect(findingsOf(result, 'cookie-persistent-session').map((f) => f.cookie)).toEqual(['sid']);
  });
});
