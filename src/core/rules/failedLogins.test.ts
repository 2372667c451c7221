import { describe, expect, it } from 'vitest';
import { isRetriedAttempt, type LoginAttempt } from './failedLogins.ts';

const FORM = 'https://app.example/login';

/** A password POST to the form, answered with a redirect to `/`. */
const redirected: LoginAttempt = {
  signal: 'password-post',
  status: 302,
  url: FORM,
  redirectedTo: 'https://app.example/',
};

describe('a login answered with a redirect, then the same form posted again', () => {
  it('was a failed attempt when posted again from the page the redirect led to', () => {
    const next: LoginAttempt = { signal: 'password-post', status: 302, url: FORM, referer: 'https://app.example/' };
    expect(isRetriedAttempt(redirected, next, false)).toBe(true);
  });

  it('was a login when the next attempt came from another page', () => {
    const next: LoginAttempt = { signal: 'password-post', status: 302, url: FORM, referer: FORM };
    expect(isRetriedAttempt(redirected, next, false)).toBe(false);
  });

  it('without a Referer (Referrer-Policy: no-referrer), was a failed attempt when no other page opened between', () => {
    const next: LoginAttempt = { signal: 'password-post', status: 302, url: FORM };
    expect(isRetriedAttempt(redirected, next, false)).toBe(true);
    expect(isRetriedAttempt(redirected, next, false, true)).toBe(false);
  });

  it('was a login when a logout came between', () => {
    const next: LoginAttempt = { signal: 'password-post', status: 302, url: FORM };
    expect(isRetriedAttempt(redirected, next, true)).toBe(false);
  });
});
