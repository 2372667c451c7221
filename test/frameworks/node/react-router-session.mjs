// React Router 7's session storage (Remix's before it), used from express as a route's loader and action use it:
// getSession(request.headers.get('Cookie')), then `Set-Cookie: await commitSession(session)` or destroySession(),
// as the "Sessions and Cookies" page of its documentation shows, with that page's cookie options (`__session`,
// httpOnly, path /, sameSite lax, secrets, secure; not its example's domain and one-minute maxAge).
// SESSION_STORAGE=cookie: createCookieSessionStorage, the session data signed into the cookie, committed at each save.
// SESSION_STORAGE=memory: createMemorySessionStorage, the data on the server and only its (signed) ID in the cookie.
// No new session at login (the documentation's login action sets userId in the same one): a failed login flashes
// an error and redirects to the form; the logout form posts to /logout, whose action destroys the session.
import express from 'express';
import { createCookieSessionStorage, createMemorySessionStorage } from 'react-router';
import { port } from './pages.mjs';

const cookie = {
  name: '__session',
  httpOnly: true,
  path: '/',
  sameSite: 'lax',
  secrets: ['a throwaway secret of the recording app'],
  secure: true,
};
const { getSession, commitSession, destroySession } =
  process.env.SESSION_STORAGE === 'memory'
    ? createMemorySessionStorage({ cookie })
    : createCookieSessionStorage({ cookie });

const form = (error = '') =>
  `<form method=post action=/login><input name=username><input type=password name=password><button>Sign in</button></form>${error}`;

const app = express();
app.use(express.urlencoded({ extended: false }));
app.get('/', async (req, res) => {
  const session = await getSession(req.get('Cookie'));
  const visits = (session.get('visits') ?? 0) + 1;
  session.set('visits', visits);
  const logout = session.has('userId')
    ? '<form method=post action=/logout><button id=logout>Log out</button></form>'
    : '';
  res.set('Set-Cookie', await commitSession(session));
  res.type('html').send(`<p>Hello ${session.get('userId') ?? 'anon'} visits=${visits}</p>${logout}`);
});
app.get('/login', async (req, res) => {
  const session = await getSession(req.get('Cookie'));
  if (session.has('userId')) return res.redirect('/');
  const error = session.get('error') ?? '';
  res.set('Set-Cookie', await commitSession(session));
  return res.type('html').send(form(error));
});
app.post('/login', async (req, res) => {
  const session = await getSession(req.get('Cookie'));
  const { username, password } = req.body;
  if (username !== 'alice' || password !== 'secret') {
    session.flash('error', 'Invalid username/password');
    res.set('Set-Cookie', await commitSession(session));
    return res.redirect('/login');
  }
  session.set('userId', username);
  res.set('Set-Cookie', await commitSession(session));
  return res.redirect('/');
});
app.post('/logout', async (req, res) => {
  const session = await getSession(req.get('Cookie'));
  res.set('Set-Cookie', await destroySession(session));
  res.redirect('/login');
});
app.listen(port, '127.0.0.1');
