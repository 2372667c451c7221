// Total.js 4 (npm `total4`) with its own session module, SESSION(), as Total.js 4's documentation shows it: the AUTH
// delegate reads the session cookie by `SESSION().getcookie()`; the login (alice / secret; a wrong password shows the
// form again) stores alice in a new session by `SESSION().setcookie()` (an encrypted token naming a new session ID);
// the logout removes the session and clears the cookie. `node index.js <port>` on 127.0.0.1; Total.js's own
// directories (databases/, tmp/) under the directory TOTALJS_DIRECTORY names (the recording's), else this one; no
// stats snapshot (index.js.json).
require('total4');

if (process.env.TOTALJS_DIRECTORY) F.dir(process.env.TOTALJS_DIRECTORY);

const COOKIE = '__user';
const OPTIONS = { name: COOKIE, key: 'sessionscope-totaljs-secret', expire: '1 day' };

const session = SESSION();

AUTH(($) => {
  session.getcookie($, OPTIONS, (_err, data) => {
    if (data) $.success(data);
    else $.invalid();
  });
});

const html = (s) => String(s).replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
const page = (title, body) =>
  `<!doctype html><html><head><meta charset="utf-8"><title>${title}</title></head><body>${body}</body></html>`;
const form = (error) =>
  page(
    'Log in',
    `<h1>Log in</h1>${error ? `<p id="error">${error}</p>` : ''}<form method="post" action="/login">` +
      '<label>User name <input name="username"></label> <label>Password <input name="password" type="password"></label>' +
      ' <button type="submit">Log in</button></form>',
  );

ROUTE('GET /', function () {
  const user = this.user;
  this.content(
    page(
      'Home',
      user
        ? `<p>Logged in as ${html(user.name)}</p><p><a id="logout" href="/logout">Log out</a></p>`
        : '<p>Not logged in</p><p><a href="/login">Log in</a></p>',
    ),
    'text/html',
  );
});

ROUTE('GET /login', function () {
  this.content(form(), 'text/html');
});

ROUTE('POST /login', function () {
  const body = this.body || {};
  if (body.username !== 'alice' || body.password !== 'secret') {
    this.content(form('Wrong user name or password'), 'text/html');
    return;
  }
  session.setcookie(this, { ...OPTIONS, id: 'alice', data: { name: 'alice' } }, () => {
    this.redirect('/');
  });
});

ROUTE('GET /logout', function () {
  if (this.sessionid) session.remove(this.sessionid);
  this.cookie(COOKIE, '', '-1 day');
  this.redirect('/');
});

const port = Number(process.argv[2] || 8000);
HTTP('release', { ip: '127.0.0.1', port, config: { allow_stats_snapshot: false } });
