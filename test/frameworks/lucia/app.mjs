// Lucia v3 on express with its SQLite adapter on better-sqlite3 (11: the adapter's peer range is 8 to 11), as
// Lucia's username-and-password example for express (lucia-auth/examples, express/username-and-password): an
// in-memory database, argon2 password hashes, the Origin check on every non-GET request and the session middleware
// of its "validate session cookies" guide. The session ID in `auth_session` (30 days, HttpOnly, SameSite=Lax, Secure
// only when NODE_ENV is production): `createSession()` at login, `invalidateSession()` and a blank cookie at logout
// (a POST to /, its home page's form). The one change: the Origin check calls next() when the request passes (the
// example's middleware never does).

import { BetterSqlite3Adapter } from '@lucia-auth/adapter-sqlite';
import { hash, verify } from '@node-rs/argon2';
import sqlite from 'better-sqlite3';
import express from 'express';
import { generateId, Lucia, verifyRequestOrigin } from 'lucia';

const port = Number(process.argv[2]);

const db = sqlite(':memory:');
db.exec(`CREATE TABLE IF NOT EXISTS user (
    id TEXT NOT NULL PRIMARY KEY,
    username TEXT NOT NULL UNIQUE,
    password_hash TEXT NOT NULL
)`);
db.exec(`CREATE TABLE IF NOT EXISTS session (
    id TEXT NOT NULL PRIMARY KEY,
    expires_at INTEGER NOT NULL,
    user_id TEXT NOT NULL,
    FOREIGN KEY (user_id) REFERENCES user(id)
)`);

const argon2 = { memoryCost: 19456, timeCost: 2, outputLen: 32, parallelism: 1 };
// alice signed up (the example's /signup does the same insert).
db.prepare('INSERT INTO user (id, username, password_hash) VALUES(?, ?, ?)').run(
  generateId(15),
  'alice',
  await hash('secret', argon2),
);

const lucia = new Lucia(new BetterSqlite3Adapter(db, { user: 'user', session: 'session' }), {
  sessionCookie: { attributes: { secure: process.env.NODE_ENV === 'production' } },
  getUserAttributes: (attributes) => ({ username: attributes.username }),
});

const page = (body) =>
  `<html lang="en"><head><meta charset="utf-8" /><title>Lucia example</title></head><body>${body}</body></html>`;
const loginPage = (error = '') =>
  page(`<h1>Sign in</h1><form method="post"><label for="username">Username</label>
<input name="username" id="username" /><br /><label for="password">Password</label>
<input type="password" name="password" id="password" /><br /><button>Continue</button><p>${error}</p></form>`);

const app = express();
app.use(express.urlencoded());
app.use((req, res, next) => {
  if (req.method === 'GET') return next();
  const originHeader = req.headers.origin ?? null;
  const hostHeader = req.headers.host ?? null;
  if (!originHeader || !hostHeader || !verifyRequestOrigin(originHeader, [hostHeader])) {
    return res.status(403).end();
  }
  return next();
});
app.use(async (req, res, next) => {
  const sessionId = lucia.readSessionCookie(req.headers.cookie ?? '');
  if (!sessionId) {
    res.locals.user = null;
    res.locals.session = null;
    return next();
  }
  const { session, user } = await lucia.validateSession(sessionId);
  if (session?.fresh) {
    res.appendHeader('Set-Cookie', lucia.createSessionCookie(session.id).serialize());
  }
  if (!session) {
    res.appendHeader('Set-Cookie', lucia.createBlankSessionCookie().serialize());
  }
  res.locals.session = session;
  res.locals.user = user;
  return next();
});

app.get('/', (_req, res) => {
  if (!res.locals.user) return res.redirect('/login');
  return res
    .type('html')
    .send(
      page(
        `<h1>Hi, ${res.locals.user.username}!</h1><p>Your user ID is ${res.locals.user.id}.</p><form method="post"><button id="logout">Sign out</button></form>`,
      ),
    );
});
app.post('/', async (_req, res) => {
  if (!res.locals.session) return res.status(401).end();
  await lucia.invalidateSession(res.locals.session.id);
  return res.setHeader('Set-Cookie', lucia.createBlankSessionCookie().serialize()).redirect('/login');
});
app.get('/login', (_req, res) => {
  if (res.locals.session) return res.redirect('/');
  return res.type('html').send(loginPage());
});
app.post('/login', async (req, res) => {
  const username = req.body.username ?? null;
  if (!username || username.length < 3 || username.length > 31 || !/^[a-z0-9_-]+$/.test(username)) {
    return res.type('html').status(400).send(loginPage('Invalid username'));
  }
  const password = req.body.password ?? null;
  if (!password || password.length < 6 || password.length > 255) {
    return res.type('html').status(400).send(loginPage('Invalid password'));
  }
  const existingUser = db.prepare('SELECT * FROM user WHERE username = ?').get(username);
  if (!existingUser || !(await verify(existingUser.password_hash, password, argon2))) {
    return res.type('html').status(400).send(loginPage('Incorrect username or password'));
  }
  const session = await lucia.createSession(existingUser.id, {});
  return res.appendHeader('Set-Cookie', lucia.createSessionCookie(session.id).serialize()).redirect('/');
});
app.listen(port, '127.0.0.1');
