/**
 * Whether a URL path names a login page: where a server sends a client it does not take as logged in
 * (analysis/loggedOut.ts), and a hop the rules do not read as the end of a session (session-rejected,
 * session-not-established). Vocabulary both the engine and the rules read, so it sits below both.
 */
import { isRandomPathToken } from './randomToken.ts';

/** `/login`, `/users/sign_in`, `/account/log-in/`, `/login.php`, `/logon`: a path naming a login page. */
const LOGIN_PAGE_PATH = /(^|\/)(log[-_]?in|sign[-_]?in|log[-_]?on)(\/|\.|$)/i;

/**
 * A login page's address holds no random token after its login word: one that does is a logged-in client's
 * (SqWebMail keeps its session in the path, `/cgi-bin/sqwebmail/login/alice/<32 hex>/<time>`).
 */
export function isLoginPagePath(pathname: string): boolean {
  const match = LOGIN_PAGE_PATH.exec(pathname);
  if (!match) return false;
  const rest = pathname.slice(match.index + match[0].length);
  return rest === '' || !rest.split('/').some(isRandomPathToken);
}
