// express's cookie-session (2.1): the session as base64 JSON in the `session` cookie, signed in a second cookie
// (`session.sig`), written again whenever it changes; it has no rotation, so the login sets the user in the session;
// `req.session = null` at logout, as its documentation shows.
import cookieSession from 'cookie-session';
import express from 'express';
import { form, home, port } from './pages.mjs';

const app = express();
app.use(express.urlencoded({ extended: false }));
// COOKIE_SESSION_KEY: another key (a restart with the key rotated); unset, the app's own.
app.use(cookieSession({ name: 'session', keys: [process.env.COOKIE_SESSION_KEY ?? 'a signing key'] }));
app.get('/', (req, res) => {
  req.session.visits = (req.session.visits ?? 0) + 1;
  res.type('html').send(home(req.session.user, req.session.visits));
});
app.get('/login', (_req, res) => res.type('html').send(form()));
app.post('/login', (req, res) => {
  if (req.body.password !== 'secret') return res.type('html').send(form('bad'));
  req.session.user = req.body.username;
  return res.redirect('/');
});
app.get('/logout', (req, res) => {
  req.session = null;
  res.redirect('/');
});
app.listen(port, '127.0.0.1');
