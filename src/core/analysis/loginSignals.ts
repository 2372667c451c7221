/**
 * Recognises logins and logouts from the traffic (RULES.md, end of the lifecycle rules): a POST whose body
 * has a password-like field, an Authorization header appearing, a success after a 401, a new
 * authentication cookie; a logout is a request whose path names logout/signout.
 */
import { isAuthCookieName, isSignedOutValue } from '../session/identify.ts';
import { tokenFollows } from '../session/randomToken.ts';
import { hasHeader, headerValue, setCookieDeletes } from '../trace/headers.ts';
import { redirectTargetOf } from '../trace/redirects.ts';
import { STATIC_RESOURCE_TYPES } from '../trace/resourceType.ts';
import type { TraceEntry } from '../trace/types.ts';
import { responseSetCookieLines, setCookieNameValue } from './entryCookies.ts';
import type { LoginSignal } from './facts.ts';

/**
 * A password field's own word: `password`, `passwd`, `pwd`, Symfony's `_password`, Java EE's `j_password` (form
 * login to j_security_check), Apache2::AuthCookie's numbered `credential_0`, `credential_1` (its login form's API),
 * ... Frameworks nest it in the form's model: Rails' and Devise's `user[password]`, ASP.NET Identity's
 * `Input.Password`: the field's last part is its word (passwordWordOf).
 */
const PASSWORD_FIELD =
  /^(_|j_)?(pass(word)?|passwd|pwd|user_?pass(word)?|login_?pass(word)?|secret|pin)$|^credential_\d$/i;
/**
 * A password field under an application's prefix: Apache httpd's mod_auth_form (`httpd_password`), phpMyAdmin
 * (`pma_password`). Not a new password being chosen or confirmed, nor the current one asked to change it. Taken for
 * a login's only beside a user-name field of the same prefix in a short form (prefixedLoginPair): a settings page
 * saving `smtp_username` and `smtp_password` among its many fields is no login.
 */
const PREFIXED_PASSWORD_FIELD =
  /^(?!(new|confirm|confirmation|old|current|repeat|retype|verify|reset|change)_)([a-z][a-z0-9]{1,11})_(password|passwd|pwd|pass)$/i;
/** A login form's fields: the user's name, the password, a few hidden ones (phpMyAdmin's has six). */
const MAX_PREFIXED_LOGIN_FIELDS = 6;
/**
 * The same, posted to a page whose path names a login (LOGIN_PAGE_PATH): a settings page does not, and a login page
 * may carry more hidden fields and choices (Horde's `/login.php` posts eight: its view, its language, an anchor…).
 */
const MAX_PREFIXED_LOGIN_FIELDS_AT_LOGIN_PAGE = 12;

/**
 * `<prefix>_password` (or `_pass`) beside `<prefix>_user`, `_username`, `_login`, `_name` or `_email`, in a form of
 * few fields (a few more where the form is posted to a login page).
 */
function prefixedLoginPair(names: readonly string[], url: string): boolean {
  if (
    names.length > MAX_PREFIXED_LOGIN_FIELDS &&
    !(names.length <= MAX_PREFIXED_LOGIN_FIELDS_AT_LOGIN_PAGE && LOGIN_PAGE_PATH.test(pathOf(url)))
  )
    return false;
  const words = names.map(passwordWordOf);
  return words.some((word) => {
    const prefix = PREFIXED_PASSWORD_FIELD.exec(word)?.[2];
    if (prefix === undefined) return false;
    const user = new RegExp(`^${prefix}_(user(name)?|login|name|e-?mail)$`, 'i');
    return words.some((other) => user.test(other));
  });
}
/**
 * The same anywhere in a body's text, as `name=` or `name:` (urlencoded, JSON, a GraphQL mutation's arguments:
 * `login(email: $e, password: $p)`); the body's field names are also read one by one (fieldNamesOf).
 */
const PASSWORD_IN_BODY = /(^|[&?{,"\s[.(]|%5B|%2E)(_|j_)?"?(pass(word)?|passwd|pwd)"?(\]|%5D)?\s*[=:]/i;

/**
 * A field named in camel case whose last word says password: MediaWiki's `wpPassword`, ASP.NET Web Forms'
 * `txtPassword`, `userPassword`. Not a new password being chosen or confirmed (`newPassword`, `confirmPassword`).
 */
const CAMEL_PASSWORD_FIELD =
  /^(?!(new|confirm|old|current|repeat|retype|verify)[A-Z])[a-z]{1,12}(Password|Passwd|Pwd)$/;

/**
 * The last part of a form field's name: `user[password]` → `password`, `Input.Password` → `Password`, ASP.NET Web
 * Forms' `ctl00$MainContent$LoginUser$Password` → `Password`, JSF's `loginForm:password` → `password`.
 */
function passwordWordOf(field: string): string {
  const parts = field.split(/[[\].$:]/).filter((part) => part !== '');
  return parts[parts.length - 1] ?? field;
}

function isPasswordFieldName(name: string): boolean {
  const word = passwordWordOf(name);
  return PASSWORD_FIELD.test(word) || CAMEL_PASSWORD_FIELD.test(word);
}

/**
 * Field names in a body's text: a multipart part's `name="…"` (a form posted as FormData by fetch, or with enctype
 * multipart/form-data, which a HAR keeps as text only), a JSON key, or else an urlencoded name.
 */
function fieldNamesOf(text: string): string[] {
  const multipart = [...text.matchAll(MULTIPART_NAME)].map((m) => m[1]!);
  if (multipart.length > 0) return multipart;
  if (text.trimStart().startsWith('{')) return [...text.matchAll(JSON_KEY)].map((m) => m[1]!);
  return [...new URLSearchParams(text).keys()];
}

const MULTIPART_NAME = /\bform-data; name="([^"]{1,200})"/g;
const JSON_KEY = /"([^"\\]{1,200})"\s*:/g;
/** HTTP authentication schemes that carry the user's credentials (RFC 7617 Basic, RFC 7616 Digest, NTLM/Negotiate). */
const CREDENTIAL_SCHEME = /^\s*(basic|digest|ntlm|negotiate)\s/i;
/** Basic credentials (RFC 7617): the scheme, then the base64 of `user:password`. */
const BASIC_CREDENTIALS = /^\s*basic\s+([A-Za-z0-9+/]{4,}={0,2})\s*$/i;
/** A WWW-Authenticate that offers one of those schemes among its challenges (a comma-separated list). */
const BROWSER_CHALLENGE = /(?:^|,)\s*(?:basic|digest|ntlm|negotiate)(?:\s|,|$)/i;
/**
 * A logout's word, or OpenID Connect's name for one (its `end_session_endpoint`: IdentityServer's `/connect/endsession`,
 * Keystone's `endSession` mutation), somewhere in a text: what a pre-pass rules a URL or a body out by before reading
 * it (exported). Loose: a path is read by LOGOUT_PATH, a field by fieldAsksLogout.
 */
export const LOGOUT_WORD = /(log|sign)[-_]?(out|off)(?![a-z0-9])|(end|delete|destroy)[-_]?session\b/i;
/** A path that names a logout: its word, or `end_session` / `endsession` as a segment's start. */
const LOGOUT_PATH = /(log|sign)[-_]?(out|off)\b|(^|[/._-])end[-_]?session\b/i;

function pathOf(url: string): string {
  try {
    return new URL(url).pathname;
  } catch {
    return url;
  }
}

/** The parts of a parsed URL a logout is read from. */
export interface LogoutUrl {
  readonly pathname: string;
  readonly search: string;
}

export function isLogoutRequest(entry: TraceEntry): boolean {
  return isLogoutAt(entry, logoutUrlOf(entry.request.url));
}

/** The URL parsed once; a URL that does not parse is read as a path (as pathOf reads it). */
function logoutUrlOf(url: string): LogoutUrl {
  try {
    return new URL(url);
  } catch {
    return { pathname: url, search: '' };
  }
}

/**
 * isLogoutRequest for a request whose URL is already parsed: its path names a logout (`/logout`, `/users/sign_out`),
 * its query asks for one (WordPress's `/wp-login.php?action=logout`, Joomla's `task=user.logout`, `?logout`), or the
 * request deletes the session resource as REST routes write a logout (`DELETE /session`: Rails' `resource :session`,
 * which its authentication generator makes; `DELETE /sessions/:id`; `DELETE /api/session`).
 */
export function isLogoutAt(entry: TraceEntry, url: LogoutUrl): boolean {
  const type = entry.request.resourceType;
  // A static resource is no logout (STATIC_RESOURCE_TYPES); a beacon (`ping`) may be one, sent as a page unloads.
  if (type !== undefined && STATIC_RESOURCE_TYPES.has(type)) return false;
  const { pathname, search } = url;
  if (LOGOUT_PATH.test(pathname)) return true;
  if (search !== '' && LOGOUT_WORD.test(search) && queryAsksLogout(search)) return true;
  if (bodyAsksLogout(entry)) return true;
  return SESSION_RESOURCE.test(pathname) && isDeleteRequest(entry);
}

/**
 * A query parameter named as a logout (`?logout`, `?signout=1`) or whose value is one, alone or after a module or
 * route (`action=logout`, `do=logout`, `task=user.logout`, `route=/logout`): not a logout word inside another value
 * (`next=/logout-help`), nor a logout route as the address to go to afterwards (`next=/logout`).
 */
function queryAsksLogout(search: string): boolean {
  for (const [name, value] of new URLSearchParams(search)) {
    if (fieldAsksLogout(name, value)) return true;
  }
  return false;
}

/** A field named as a logout, or whose value is one and that is no address to go to afterwards. */
function fieldAsksLogout(name: string, value: string): boolean {
  if (LOGOUT_NAME.test(name)) return true;
  return (LOGOUT_VALUE.test(value) || operationEndsSession(value)) && !RETURN_ADDRESS.test(name);
}

/**
 * An operation's name (a GraphQL `operationName`, a JSON-RPC method) whose last words ask for a logout: `userLogout`,
 * `SignOut`, Keystone's `KsAuthEndSession`, Deluge's `auth.delete_session`; not a word that only holds one
 * (`blogOutline`).
 */
function operationEndsSession(value: string): boolean {
  const words = operationWords(value);
  return words !== undefined && OPERATION_LOGOUT.test(words);
}

/** An operation's name as lower-case words (`KsAuth.endSession` → `ks auth end session`); undefined for other text. */
function operationWords(value: string): string | undefined {
  if (value.length > 64 || !/^[A-Za-z][A-Za-z0-9_.]*$/.test(value)) return undefined;
  return value
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/[_.]/g, ' ')
    .toLowerCase();
}

const OPERATION_LOGOUT = /(^| )((log|sign) ?(out|off)|(end|delete|destroy) ?session)$/;
const OPERATION_LOGIN = /(^| )((log|sign) ?(in|on)|authenticate)$/;

/**
 * A JSON-RPC call of a login operation with its arguments (Deluge's web UI posts
 * `{"method": "auth.login", "params": ["<password>"]}`): the credentials travel as the call's parameters, unnamed.
 * Arguments that name their fields carry credentials only under a secret's name: Tryton's web client first calls
 * `common.db.login` with `["alice", {"device_cookie": null}, "en"]` to learn which prompt to show, then again with
 * `"password"` in that object.
 */
function callsLoginOperation(entry: TraceEntry): boolean {
  const text = entry.request.postData?.text;
  if (text === undefined || text.length > 65_536 || !text.includes('"method"') || !LOGIN_WORD.test(text)) return false;
  const body = jsonObjectOf(text);
  if (body === undefined) return false;
  const { method, params } = body;
  if (!isLoginOperation(method)) return false;
  const args: readonly unknown[] = Array.isArray(params) ? params : params === undefined ? [] : [params];
  const named = args.filter((a): a is object => typeof a === 'object' && a !== null && !Array.isArray(a));
  if (named.length > 0) return named.some((fields) => Object.keys(fields).some(isCredentialArgumentName));
  return args.length > 0;
}

/**
 * A form of few fields posted as a login, whose password field has a name of the application's own: to a login page
 * by its button that says so (`<input type=submit name=in value=Login>`: Fossil's `u` and `p`), or anywhere with a
 * field that names the login as the form's operation (`do=login`: DokuWiki's `u` and `p`: namesLoginOperation),
 * beside at least two fields filled in (a name and a password). Not a single sign-on's start,
 * whose answer sends the browser to the identity provider with a sign-in request.
 */
function submitsLoginForm(entry: TraceEntry): boolean {
  const fields = postedFields(entry);
  if (fields === undefined || fields.size < 2 || fields.size > MAX_PREFIXED_LOGIN_FIELDS_AT_LOGIN_PAGE) return false;
  const atLoginPage = LOGIN_PAGE_PATH.test(pathOf(entry.request.url));
  for (const [name, value] of fields) {
    if (atLoginPage && LOGIN_BUTTON.test(value)) return !issuesSignInRequest(entry);
    if (namesLoginOperation(name, value) && filledBeside(fields, name) >= 2) return !issuesSignInRequest(entry);
  }
  return false;
}

/**
 * A field that names the form's operation (`do`, `action`, `op`, `cmd`, `task`, `mode`: DokuWiki's `do`, Joomla's
 * `task`), whose value is a login (`do=login`, `action=signIn`, `task=user.login`). A button captioned `Login` under
 * a name of its own is read as a button (at a login page only).
 */
function namesLoginOperation(name: string, value: string): boolean {
  return OPERATION_FIELD.test(name) && isLoginOperation(value);
}

const OPERATION_FIELD = /^_?(do|action|act|op|operation|cmd|command|task|mode|func|function)$/i;

/** How many of the form's other fields hold a value. */
function filledBeside(fields: ReadonlyMap<string, string>, name: string): number {
  let filled = 0;
  for (const [other, value] of fields) if (other !== name && value !== '') filled++;
  return filled;
}

/** A login button's caption: `Login`, `Log in`, `Sign in`, `Sign on`. */
const LOGIN_BUTTON = /^\s*(log|sign)[ -]?(in|on)\s*$/i;

/** A JSON-RPC method or operation named as a login (`auth.login`, `common.db.login`, `authenticate`). */
export function isLoginOperation(method: unknown): boolean {
  const words = typeof method === 'string' ? operationWords(method) : undefined;
  return words !== undefined && OPERATION_LOGIN.test(words);
}

/** A login operation's named argument that holds a secret: a password's name, or a key's or token's. */
export function isCredentialArgumentName(name: string): boolean {
  return isPasswordFieldName(name) || CREDENTIAL_ARGUMENT.test(name);
}

const CREDENTIAL_ARGUMENT = /^(api_?)?(key|token)$|^(credentials?|passphrase|otp)$/i;

const LOGIN_WORD = /(log|sign)[-_]?(in|on)|authenticate/i;

/** A parameter that names where to go afterwards (`returnto=/logout`, `next=/logout`): not the page asked for. */
const RETURN_ADDRESS = /return|redirect|next|continue|back|goto|dest|target|url|uri|callback|from|referr?er/i;

/**
 * A form POST whose fields ask for a logout as a query would (MediaWiki's `POST /api.php` with `action=logout`, the
 * logout of its own pages; a form posting `logout=1`). Only a body with a logout word in its first 4 KiB is parsed.
 */
export function bodyAsksLogout(entry: TraceEntry): boolean {
  const post = entry.request.postData;
  if (!post || !isPost(entry.request.method)) return false;
  const text = post.text ?? '';
  const words =
    post.params?.some((p) => LOGOUT_WORD.test(p.name) || LOGOUT_WORD.test(p.value ?? '')) ||
    LOGOUT_WORD.test(text.length > 4096 ? text.slice(0, 4096) : text);
  if (!words) return false;
  for (const [name, value] of formOrJsonFields(entry)) {
    if (fieldAsksLogout(name, value)) return true;
  }
  return false;
}

// Or the token that guards one, sent only to ask for it (Horde's `login.php?horde_logout_token=…`).
const LOGOUT_NAME = /^(log|sign)[-_]?(out|off)$|^([a-z0-9]+[-_])?(log|sign)[-_]?(out|off)[-_]?token$/i;
// A module's action (`user.logout`) or a route in the query (phpMyAdmin's `route=/logout`, Drupal's `q=user/logout`).
// Each path segment before the last ends in its own `/`: one way to match, no backtracking over long values.
const LOGOUT_VALUE = /^([a-z_]+\.|\/?([\w.-]+\/)*)?(log|sign)[-_]?(out|off)\/?$/i;

/**
 * The path of the session resource, or of one session: `/session`, `/sessions/42`, `/api/auth/session/`, and
 * CouchDB's `/_session` (its API's names begin with `_`: PouchDB Server, Cloudant, Couchbase's Sync Gateway); or of
 * the login, as REST APIs name the resource a login creates (`DELETE /api/v1/login`, answered "session terminated",
 * was a lost session, ten medium findings; `DELETE /api/auth`).
 */
const SESSION_RESOURCE = /\/(?:_?sessions?(?:\/[^/]+)?|logins?|auth)\/?$/i;

/**
 * A DELETE, as the browser sent it or as a form does (a POST carrying `_method=delete`: the method override of
 * Rails, Laravel and Symfony forms, which browsers cannot send as DELETE).
 */
export function isDeleteRequest(entry: TraceEntry): boolean {
  const { method } = entry.request;
  if (method.length === 6 && method.toUpperCase() === 'DELETE') return true;
  const fields = postedFields(entry);
  return fields !== undefined && fields.get('_method')?.toLowerCase() === 'delete';
}

/**
 * The fields a POST's form sent, by name: the HAR's `params`, or else its urlencoded body text (an exporter that kept
 * only the text); undefined for another method, no body, or a JSON body. Only the first 64 KiB of a text are read.
 */
export function postedFields(entry: TraceEntry): ReadonlyMap<string, string> | undefined {
  const { method, postData } = entry.request;
  if (!isPost(method) || !postData) return undefined;
  const fields = new Map((postData.params ?? []).map((p) => [p.name, p.value ?? '']));
  if (fields.size === 0 && postData.text !== undefined && !postData.text.trimStart().startsWith('{')) {
    for (const [name, value] of new URLSearchParams(postData.text.slice(0, 65_536))) fields.set(name, value);
  }
  return fields;
}

/**
 * A POST that sent no field but anti-forgery tokens: a form that is only its button (Lucia's sign-out posts an empty
 * form to the page's own address), not one that carries what a user typed.
 */
export function isBareFormPost(entry: TraceEntry): boolean {
  if (!isPost(entry.request.method)) return false;
  const post = entry.request.postData;
  if (!post || (post.text ?? '').trim() === '') return (post?.params?.length ?? 0) === 0;
  if (post.text?.trimStart().startsWith('{')) return false;
  const fields = postedFields(entry);
  return fields !== undefined && [...fields.keys()].every((name) => ANTI_FORGERY_FIELD.test(name));
}

/** Rails' authenticity_token, Django's csrfmiddlewaretoken, Laravel's _token, `csrf`, `_csrf`, `xsrf`, `nonce`. */
const ANTI_FORGERY_FIELD = /^(_?csrf.*|.*xsrf.*|authenticity_token|_token|.*nonce)$/i;

/**
 * The long values (16 characters or more) a POST sent in its query or form fields: what an application's logout
 * posts to name the session it ends (Zabbix's `sid`, ikiwiki's), among tokens of other kinds.
 */
export function postedTokens(entry: TraceEntry): string[] {
  if (!isPost(entry.request.method)) return [];
  const tokens: string[] = [];
  const query = entry.request.url.indexOf('?');
  if (query !== -1) for (const [, value] of new URLSearchParams(entry.request.url.slice(query + 1))) tokens.push(value);
  for (const [, value] of postedFields(entry) ?? []) tokens.push(value);
  return tokens.filter((t) => t.length >= 16);
}

/**
 * A field in which a login form sends who is logging in (by its last part: `user[email]`, `Input.Email`): Django's
 * and Spring's `username`, WordPress's `log`, MediaWiki's `wpName`, Roundcube's `_user`, Devise's `email`.
 */
const USER_NAME_FIELD =
  /^(_|j_)?(user(_?name|_?id|_?login)?|login(_?name|_?id)?|e-?mail(_?address)?|log|wpname|uname|usr|account(_?name)?|name|identifier)$/i;

/**
 * What a password POST sent as the user's name (its user-name fields: form fields, or a JSON object's, one level
 * deep), each at least two characters. A cookie holding one of these holds a name, not a session ID.
 */
export function userNamesPosted(entry: TraceEntry): string[] {
  if (!isPost(entry.request.method) || !hasPasswordField(entry)) return [];
  const names: string[] = [];
  for (const [name, value] of formOrJsonFields(entry)) {
    if (value.length >= 2 && USER_NAME_FIELD.test(passwordWordOf(name))) names.push(value);
  }
  return names;
}

/** A POST's form fields, or its JSON body's (jsonFields, for a body of 64 KiB at most); none for another request. */
function formOrJsonFields(entry: TraceEntry): ReadonlyMap<string, string> {
  const fields = postedFields(entry);
  if (fields === undefined || fields.size > 0) return fields ?? NO_FIELDS;
  const text = entry.request.postData?.text;
  if (text !== undefined && text.length <= 65_536 && text.trimStart().startsWith('{')) return jsonFields(text);
  return fields;
}

const NO_FIELDS: ReadonlyMap<string, string> = new Map();

/** A JSON body's text fields, and those of the objects in it (`{"user": {"email": …}}`); none for what is not JSON. */
function jsonFields(text: string): Map<string, string> {
  const fields = new Map<string, string>();
  const body = jsonObjectOf(text);
  const read = (object: unknown, depth: number) => {
    if (typeof object !== 'object' || object === null || Array.isArray(object)) return;
    for (const [name, value] of Object.entries(object)) {
      if (typeof value === 'string') fields.set(name, value);
      else if (depth < 1) read(value, depth + 1);
    }
  };
  read(body, 0);
  return fields;
}

/** A JSON body's top-level object; undefined for anything else (an array, a scalar, text that is not JSON). */
function jsonObjectOf(text: string): Record<string, unknown> | undefined {
  try {
    const body: unknown = JSON.parse(text);
    return typeof body === 'object' && body !== null && !Array.isArray(body)
      ? (body as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}

/**
 * A field that confirms a password being chosen (typed twice): Devise's `user[password_confirmation]`, Django's
 * `password2`, `confirm_password`, `passwordConfirm`, `repeat_password`. Read on a field's last part (passwordWordOf).
 */
const PASSWORD_CONFIRMATION =
  /^(password_?confirm(ation)?|password_?(2|again|repeat)|(confirm|repeat|retype|verify)_?password|(confirm|repeat|retype|verify)Password|passwordConfirm(ation)?)$/i;

/**
 * The password POST chooses a password: its form confirms one (a sign-up, a password reset). Such a POST signs the
 * user in only where the application does so (many send a confirmation e-mail first), so a session kept across it is
 * a fixation only if the user was signed in (sessionFixation.ts).
 */
export function choosesPassword(entry: TraceEntry): boolean {
  const post = entry.request.postData;
  if (post === undefined) return false;
  const names =
    post.params && post.params.length > 0
      ? post.params.map((p) => p.name)
      : post.text !== undefined
        ? fieldNamesOf(post.text.slice(0, 65_536))
        : [];
  return names.some((name) => PASSWORD_CONFIRMATION.test(passwordWordOf(name)));
}

function hasPasswordField(entry: TraceEntry): boolean {
  const post = entry.request.postData;
  // Emptiness is read only of a body that names a password field: most POSTs name none.
  return post !== undefined && namesPasswordField(post, entry.request.url) && !passwordsLeftEmpty(post);
}

function namesPasswordField(post: NonNullable<TraceEntry['request']['postData']>, url: string): boolean {
  if (post.params?.some((p) => isPasswordFieldName(p.name))) return true;
  const paramNames = post.params?.map((p) => p.name) ?? [];
  if (paramNames.length > 0 && prefixedLoginPair(paramNames, url)) return true;
  if (post.text === undefined) return false;
  // Bodies can be large: only the first 64 KiB are searched, enough for any login form.
  const text = post.text.slice(0, 65_536);
  if (PASSWORD_IN_BODY.test(text)) return true;
  const names = fieldNamesOf(text);
  return names.some(isPasswordFieldName) || prefixedLoginPair(names, url);
}

/**
 * Every password field of a form or JSON body was posted empty: a form that only holds one (a preferences page, whose
 * Logout button posts it too: ikiwiki's), or an API call's optional password of something else (a shared document's
 * `{"docId": …, "password": ""}`), not a login, which never goes without a password. A multipart body, or a field
 * whose value the HAR left out, is not judged so.
 */
function passwordsLeftEmpty(post: NonNullable<TraceEntry['request']['postData']>): boolean {
  let empty = false;
  for (const [name, value] of judgedFieldPairs(post)) {
    if (!isPasswordFieldName(name)) continue;
    if (value !== '') return false;
    empty = true;
  }
  return empty;
}

/**
 * Every name and value a body sent, as passwordsLeftEmpty judges them: each HAR param (a value the HAR left out stays
 * undefined, not empty), a urlencoded body's pairs, a JSON body's text fields (64 KiB at most); none of a multipart
 * body. Pairs, not a map: two password fields of one name are both judged.
 */
function judgedFieldPairs(
  post: NonNullable<TraceEntry['request']['postData']>,
): Iterable<readonly [string, string | undefined]> {
  if (post.params && post.params.length > 0) return post.params.map((p) => [p.name, p.value] as const);
  const text = post.text;
  if (text === undefined || MULTIPART_NAME_TEST.test(text)) return [];
  if (!text.trimStart().startsWith('{')) return new URLSearchParams(text.slice(0, 65_536));
  return text.length <= 65_536 ? jsonFields(text) : [];
}

const MULTIPART_NAME_TEST = /\bform-data; name="/;

/**
 * The URL names a user and a password (`http://alice:secret@host/…`): what a script's XMLHttpRequest.open(…, user,
 * password) records (LedgerSMB's login page), the browser sending them as Basic credentials that the recorded headers
 * do not show. Read with string searches, no URL parse: this runs for every entry.
 */
function hasUrlCredentials(url: string): boolean {
  const at = url.indexOf('@');
  if (at < 0) return false;
  const start = url.indexOf('://');
  if (start < 0 || start > at) return false;
  const userinfo = url.slice(start + 3, at);
  return !/[/?#]/.test(userinfo) && userinfo.indexOf(':') > 0 && userinfo.indexOf(':') < userinfo.length - 1;
}

/** Per-origin memory the login signals need: were credentials accepted before, which requests were challenged. */
export class LoginDetector {
  /**
   * The Basic credentials each request sent (the header's base64 `user:password`), by entry index: what a cookie
   * holding them is told by (PrepassResult.basicCredentials). Read here, where the header is read anyway.
   */
  readonly basicCredentials = new Map<number, string>();
  private readonly authorizationAccepted = new Set<string>();
  /**
   * The origins a request reached without credentials it accepted (none sent, or refused with a 401, or a logout's,
   * which makes the browser forget them): only there can the browser's own credentials appear (RULES.md: "an
   * Authorization header appearing"). Credentials the browser sent on its first request to an origin, a page's or a
   * subresource's, were cached before the recording began (a staging site's Basic gate, on every request from the
   * first), no login the trace saw; a page's script sending them (`fetch` with an Authorization) is logging in.
   */
  private readonly reachedWithoutCredentials = new Set<string>();
  /**
   * The URLs of an origin answered with a challenge since it last showed a page: what the browser fetches while its
   * dialog waits (the 401 page's public stylesheet, the favicon's 404) ends no challenge; another page shown does
   * (LedgerSMB's login form, opened once the user closed the dialog).
   */
  private readonly challengedUrls = new Map<string, Set<string>>();

  /**
   * A logout at the origin: the credentials it accepted before were signed out, and the next ones it accepts are a
   * login again (Buildbot's second login sends Basic credentials to /auth/login after its logout).
   */
  noteLogout(origin: string): void {
    this.authorizationAccepted.delete(origin);
  }

  /** Call once per entry, in trace order. */
  detect(entry: TraceEntry, origin: string): LoginSignal | undefined {
    const status = entry.response?.status;
    const url = entry.request.url;
    // Only a 401 that challenged for HTTP authentication the browser answers itself (RFC 9110 11.6.1, WWW-Authenticate:
    // its dialog for Basic, Digest, NTLM, Negotiate) makes a login of the success of the same request, which the browser
    // sends again with the user's credentials. A form login answered 401 and followed by the login page again is a
    // failed login; a Bearer challenge (RFC 6750: Node-RED's API) is for a token that only a script sends; and a page
    // the app opens after the user closed the dialog (LedgerSMB's login form) is another request: none is a login.
    const challenged =
      status === 401 && BROWSER_CHALLENGE.test(headerValue(entry.response?.headers ?? [], 'www-authenticate') ?? '');
    const retried = this.challengedUrls.get(origin)?.has(url) === true;
    if (challenged) {
      const urls = this.challengedUrls.get(origin);
      if (urls) urls.add(url);
      else this.challengedUrls.set(origin, new Set([url]));
    } else if (status !== undefined && status >= 200 && status < 400 && isPage(entry))
      this.challengedUrls.delete(origin);
    // Credentials, not a token already issued: `Bearer` shows a login that happened elsewhere, earlier (RULES.md: the
    // login point is the request that carried the credentials).
    const authorization = headerValue(entry.request.headers, 'authorization');
    const basic = authorization === undefined ? undefined : BASIC_CREDENTIALS.exec(authorization)?.[1];
    if (basic !== undefined) this.basicCredentials.set(entry.index, basic);
    const hasAuthorization =
      (authorization !== undefined && CREDENTIAL_SCHEME.test(authorization)) || hasUrlCredentials(entry.request.url);
    const succeeded = status !== undefined && status >= 200 && status < 400;
    // The first credentials the origin accepted: a wrong password sent before them (a 401) is no login, and the
    // right one after it is (Cockpit's login page sends each try as Basic credentials from script).
    // A logout is no login, whatever it carries: Fauxton's logout sends its DELETE /_session to `_:_@host` (dummy
    // credentials in the URL, which make the browser forget the ones it cached).
    const scripted = entry.request.resourceType === 'xhr' || entry.request.resourceType === 'fetch';
    // Asked once, and only of a request with credentials: one without them reached the origin without them anyway.
    const loggingOut = hasAuthorization && isLogoutRequest(entry);
    const authorizationAppeared =
      hasAuthorization &&
      succeeded &&
      (scripted || this.reachedWithoutCredentials.has(origin)) &&
      !this.authorizationAccepted.has(origin) &&
      !loggingOut;
    if (authorizationAppeared) this.authorizationAccepted.add(origin);
    if (!hasAuthorization || status === 401 || loggingOut) this.reachedWithoutCredentials.add(origin);

    if (
      isPost(entry.request.method) &&
      (hasPasswordField(entry) || callsLoginOperation(entry) || submitsLoginForm(entry))
    )
      return 'password-post';
    if (authorizationAppeared && succeeded) return 'authorization-header';
    // The browser answered the challenge with the user's credentials, though the recording may not show them
    // (Chromium reports the headers of the request before its dialog): those it sends from now on are no new login. An
    // origin that had accepted them is authenticating again, not logging in: NTLM and Negotiate challenge every new
    // connection (a LoadRunner replay of an NTLM app had eight "logins" that "kept" the session: fixation, high).
    if (retried && succeeded && !this.authorizationAccepted.has(origin)) {
      this.authorizationAccepted.add(origin);
      return 'after-401';
    }
    if (succeeded && carriesSignInResponse(entry)) return 'sign-in-response';
    // Only a success can be this login: the Set-Cookie lines are not read for the others.
    if (succeeded && setsAuthCookie(entry)) return 'auth-cookie';
    return undefined;
  }
}

/**
 * The request hands the site an identity provider's answer to a sign-in (single sign-on: the password, if any, went
 * to the provider, often earlier, and is not in the trace): an OAuth 2.0 authorization response at the redirection
 * endpoint, `code` and `state` in the query (RFC 6749 4.1.2) or posted (OpenID Connect's form_post response mode,
 * with `code` or `id_token`), a SAML response posted to the assertion consumer service (`SAMLResponse`, SAML 2.0
 * HTTP-POST binding), or a CAS service ticket at the service's URL (`ticket=ST-…`, or a proxy ticket `PT-…`: CAS
 * protocol 3.0, 3.1 and 3.2). `state` and `code` are long random values: a query such as `?code=NY&state=NY` is none.
 */
function carriesSignInResponse(entry: TraceEntry): boolean {
  const url = entry.request.url;
  if ((url.includes('code=') || url.includes('ticket=')) && isSignInResponseQuery(queryOf(url))) return true;
  const fields = postedFields(entry);
  if (fields === undefined) return false;
  if ((fields.get('SAMLResponse') ?? '').length > 0) return true;
  return isAuthorizationResponse(fields, 'id_token');
}

/**
 * The response sends the browser to an application's redirection endpoint with an authorization response (`code` and
 * `state` in the query: RFC 6749 4.1.2) or to a CAS service with its ticket: an identity provider finishing a sign-in,
 * for a user it recognised.
 */
export function issuesSignInResponse(entry: TraceEntry): boolean {
  const target = redirectTargetOf(entry);
  if (target === undefined || !(target.includes('code=') || target.includes('ticket='))) return false;
  try {
    return isSignInResponseQuery(new URL(target, entry.request.url).searchParams);
  } catch {
    return false;
  }
}

/**
 * The response sends the browser to an identity provider with a sign-in request: a SAML authentication request
 * (`SAMLRequest`, SAML 2.0 HTTP-Redirect binding), an OAuth 2.0 authorization request (`response_type` and
 * `client_id`: RFC 6749 4.1.1), or a CAS login for a service (`/login?service=…`: CAS protocol 2.1). What the
 * response sets then is the state of the sign-in it begins.
 */
export function issuesSignInRequest(entry: TraceEntry): boolean {
  const target = redirectTargetOf(entry);
  if (target === undefined || !target.includes('?')) return false;
  try {
    const url = new URL(target);
    const params = url.searchParams;
    if ((params.get('SAMLRequest') ?? '') !== '') return true;
    if ((params.get('response_type') ?? '') !== '' && (params.get('client_id') ?? '') !== '') return true;
    return (params.get('service') ?? '') !== '' && /\/login\/?$/.test(url.pathname);
  } catch {
    return false;
  }
}

/**
 * A password login a script posted and the server accepted without a redirect (a 2xx to an XHR or fetch): the
 * token it answered may be exchanged by the very next request for the session cookie (exchangesLoginToken).
 */
export function mayExchangeToken(entry: TraceEntry, signal: LoginSignal): boolean {
  const status = entry.response?.status;
  const type = entry.request.resourceType;
  return (
    signal === 'password-post' &&
    status !== undefined &&
    status >= 200 &&
    status < 300 &&
    type !== undefined &&
    type !== 'document' &&
    type !== 'subdocument'
  );
}

/**
 * The request sends a Bearer token (RFC 6750) to the origin of the login just before it: the token that login
 * answered, exchanged for a session (Medusa's admin posts its login's JWT to `/auth/session`, which sets
 * `connect.sid`). Its answer belongs to the login, as a redirect hop's does.
 */
export function exchangesLoginToken(entry: TraceEntry, loginOrigin: string, origin: string): boolean {
  return origin === loginOrigin && BEARER.test(headerValue(entry.request.headers, 'authorization') ?? '');
}

const BEARER = /^\s*bearer\s+\S/i;

/**
 * A sign-in response's request redirected to its own path without the response (`/login.php?ticket=ST-…` to
 * `/login.php`): the application took the ticket or code out of the address bar, as CAS and OAuth clients do once it
 * is used. That is where the sign-in lands, whatever the path is called.
 */
export function dropsSignInResponse(entry: TraceEntry): boolean {
  const target = redirectTargetOf(entry);
  if (target === undefined) return false;
  try {
    const from = new URL(entry.request.url);
    const to = new URL(target, from);
    return (
      from.origin === to.origin &&
      from.pathname === to.pathname &&
      !to.search.includes('ticket=') &&
      !to.search.includes('code=')
    );
  } catch {
    return false;
  }
}

/** `code` (or `alternative`) and `state`, each a long value, as an authorization response has them. */
function isAuthorizationResponse(params: ReadonlyMap<string, string> | URLSearchParams, alternative?: string): boolean {
  const code = params.get('code') ?? (alternative !== undefined ? params.get(alternative) : undefined) ?? '';
  const state = params.get('state') ?? '';
  return code.length >= MIN_RANDOM_VALUE && state.length >= MIN_RANDOM_VALUE;
}

const MIN_RANDOM_VALUE = 8;

/** A query that hands over a sign-in: an OAuth authorization response, or a CAS ticket. */
function isSignInResponseQuery(params: URLSearchParams): boolean {
  return isAuthorizationResponse(params) || CAS_TICKET.test(params.get('ticket') ?? '');
}

/**
 * A CAS service or proxy ticket: its prefix, then a random part (at least 32 characters by the protocol; 8 here), or
 * the hash a redacted export wrote in its place after the prefix (`ST-h:1a2b3c4d`, casTicketPrefix).
 */
const CAS_TICKET = /^(?:ST|PT)-(?:[\w.-]{8,}|h:[0-9a-f]{8})$/;

/** The protocol's prefix of a CAS ticket (`ST-`, `PT-`): no secret, and what tells the ticket when it is hidden. */
export function casTicketPrefix(value: string): string | undefined {
  return CAS_TICKET.test(value) ? value.slice(0, 3) : undefined;
}

function queryOf(url: string): URLSearchParams {
  try {
    return new URL(url).searchParams;
  } catch {
    return new URLSearchParams();
  }
}

/** A navigation's answer: a page the user is shown (a frame's too). */
function isPage(entry: TraceEntry): boolean {
  const type = entry.request.resourceType;
  return type === 'document' || type === 'subdocument';
}

/** `method` is POST in any case, without lower-casing every request's method (this runs for each of them). */
function isPost(method: string): boolean {
  return method === 'POST' || (method.length === 4 && method.toUpperCase() === 'POST');
}

function setsAuthCookie(entry: TraceEntry): boolean {
  const response = entry.response;
  // Most responses set nothing: decided without building their (empty) list of lines.
  if (!response || (response.cookies === undefined && !hasHeader(response.headers, 'set-cookie'))) return false;
  return responseSetCookieLines(entry).some((line) => {
    const pair = setCookieNameValue(line);
    return (
      pair !== undefined &&
      pair.value !== '' &&
      isAuthCookieName(pair.name) &&
      !isSignedOutValue(pair.value) &&
      !setCookieDeletes(line)
    );
  });
}

/** A page a failed login lands on again: the login or sign-in form. */
const LOGIN_PAGE_PATH = /(log|sign)[-_]?(in|on)\b|\/auth(\/|$)|\/session\/new\b/i;
const LOGIN_WORD_IN_PATH = /(log|sign)[-_]?(in|on)\b/i;

/**
 * A redirect target that is a login page (LOGIN_PAGE_PATH), unless a random token follows its login word in the path:
 * that address is a logged-in client's (SqWebMail answers its login with `/login/alice/<32 hex>/<time>`, the session
 * kept in the path).
 */
function isLoginPageTarget(path: string): boolean {
  if (!LOGIN_PAGE_PATH.test(path)) return false;
  const word = LOGIN_WORD_IN_PATH.exec(path);
  return word === null || !tokenFollows(path, word);
}

/**
 * Whether a login request visibly failed (RULES.md: a login that failed — the login form shown again, an error
 * page, a 401 — is no login): an error status, a page with a login form, or a redirect back to the same path or to a
 * login page (a successful login lands on the page behind it, not on the form).
 */
export function loginFailed(entry: TraceEntry): boolean {
  const status = entry.response?.status;
  if (status === undefined || status === 0) return false;
  if (status >= 400) return true;
  // A page with a login form (when the recording kept the body): the form shown again.
  if (status < 300) return entry.response?.loginForm === true;
  const target = redirectTargetOf(entry);
  if (!target) return false;
  return sameRoute(entry.request.url, target) || isLoginPageTarget(pathOf(target));
}

/**
 * Whether the login request failed only by redirecting to the very page it was posted to (loginFailed): what a
 * form sent back looks like, and also where some applications land a login that worked (Cacti's and Adminer's
 * `index.php`, phpMyAdmin's route). A logout later at the origin, with no attempt between, tells that it worked
 * (sessionCookies.ts, PrepassResult.confirmedLogins).
 */
export function redirectedToItself(entry: TraceEntry): boolean {
  const status = entry.response?.status;
  if (status === undefined || status < 300 || status >= 400) return false;
  const target = redirectTargetOf(entry);
  return target !== undefined && sameRoute(entry.request.url, target) && !isLoginPageTarget(pathOf(target));
}

/**
 * The login page a login request was redirected to, when that is all that made it fail (loginFailed): where a form's
 * failure sends the user back to, and also where an authorization server resumes a login that worked (oidc-provider
 * posts its interaction and resumes at `/auth/<uid>`). That page then sends the user on (sendsOnward) where a failed
 * attempt gets the form again (sessionCookies.ts, PrepassResult.confirmedLogins).
 */
export function redirectedToLoginPage(entry: TraceEntry): string | undefined {
  const status = entry.response?.status;
  if (status === undefined || status < 300 || status >= 400) return undefined;
  const target = redirectTargetOf(entry);
  if (target === undefined || sameRoute(entry.request.url, target) || !isLoginPageTarget(pathOf(target)))
    return undefined;
  return target;
}

/**
 * Whether the login page a login attempt was redirected to (`hop`) sent the user on, at its own origin, to a page
 * that is neither a login page nor the one the attempt was posted to: what a login page does for a user signed in.
 */
export function sendsOnward(hop: TraceEntry, attemptUrl: string): boolean {
  const status = hop.response?.status;
  if (status === undefined || status < 300 || status >= 400) return false;
  const target = redirectTargetOf(hop);
  if (target === undefined || isLoginPageTarget(pathOf(target)) || sameRoute(attemptUrl, target)) return false;
  try {
    const from = new URL(hop.request.url);
    const to = new URL(target, from);
    return from.origin === to.origin && from.pathname !== to.pathname;
  } catch {
    return false;
  }
}

/**
 * Whether a redirect goes back to the page it came from: the same path, and no parameter of the request's query
 * given another value (`/login` → `/login?error=1` is the form again; Roundcube's `/?_task=login` → `/?_task=mail`,
 * one script routing by its query, is another page).
 */
function sameRoute(url: string, target: string): boolean {
  let from: URL;
  let to: URL;
  try {
    from = new URL(url);
    to = new URL(target, url);
  } catch {
    return pathOf(url) === pathOf(target);
  }
  if (from.pathname !== to.pathname) return false;
  for (const [name, value] of from.searchParams) {
    const routed = to.searchParams.get(name);
    if (routed !== null && routed !== value) return false;
  }
  return true;
}
