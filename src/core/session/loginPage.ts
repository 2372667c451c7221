/**
 * Whether a URL path names a login page: where a server sends a client it does not take as logged in
 * (analysis/loggedOut.ts), and a hop the rules do not read as the end of a session (session-rejected,
 * session-not-established). Vocabulary both the engine and the rules read, so it sits below both.
 */
import { tokenFollows } from './randomToken.ts';

/**
 * `/login`, `/users/sign_in`, `/account/log-in/`, `/login.php`, `/logon`, and the login word after a prefix and a
 * separator (WordPress's `/wp-login.php`, Gitit's `/_login`): a path naming a login page. Not a word that only ends
 * in one (`/blogin`).
 */
const LOGIN_PAGE_PATH = /(^|[/_.-])(log[-_]?in|sign[-_]?in|log[-_]?on)(\/|\.|$)/i;

/**
 * Rails' REST login form, the `new` action of a session resource: `/session/new` (Rails 8's authentication
 * generator), `/sessions/new`, `/admin/session/new`.
 */
const NEW_SESSION_PATH = /(^|\/)sessions?\/new(\/|\.|$)/i;

/** A path naming a login page, with no random token after its login word (tokenFollows). */
export function isLoginPagePath(pathname: string): boolean {
  if (NEW_SESSION_PATH.test(pathname)) return true;
  const match = LOGIN_PAGE_PATH.exec(pathname);
  return match !== null && !tokenFollows(pathname, match);
}
