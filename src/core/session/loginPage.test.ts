// Paths that name a login page, and paths that only look alike.
import { describe, expect, it } from 'vitest';
import { isLoginPagePath } from './loginPage.ts';

describe('isLoginPagePath', () => {
  it.each(['/login', '/users/sign_in', '/account/log-in/', '/login.php', '/logon', '/auth/signin'])(
    '%s names a login page',
    (p) => {
      expect(isLoginPagePath(p)).toBe(true);
    },
  );
  it.each(['/', '/account', '/blogin', '/logins-history', '/logout'])('%s does not', (p) => {
    expect(isLoginPagePath(p)).toBe(false);
  });
});
