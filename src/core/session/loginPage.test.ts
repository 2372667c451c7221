// Paths that name a login page, and paths that only look alike.
import { describe, expect, it } from 'vitest';
import { isLoginPagePath } from './loginPage.ts';

describe('isLoginPagePath', () => {
  it.each([
    '/login',
    '/users/sign_in',
    '/account/log-in/',
    '/login.php',
    '/logon',
    '/auth/signin',
    '/wp-login.php',
    '/_login',
    // Rails' REST login form: the `new` action of a session resource.
    '/session/new',
    '/sessions/new',
    '/admin/session/new',
  ])('%s names a login page', (p) => {
    expect(isLoginPagePath(p)).toBe(true);
  });
  it.each([
    '/',
    '/account',
    '/blogin',
    '/logins-history',
    '/logout',
    '/session',
    '/sessions/new-york',
    '/posts/new',
    // A random token after the login word: a logged-in client's address (SqWebMail keeps its session in the path).
    '/cgi-bin/sqwebmail/login/alice/E20D33A48DFBE37E865EE32B16890B95/1796467032',
  ])('%s does not', (p) => {
    expect(isLoginPagePath(p)).toBe(false);
  });
});
