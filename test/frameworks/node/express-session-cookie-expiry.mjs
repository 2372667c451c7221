// express-session 1.19 with its default MemoryStore and a cookie of 20 s (`cookie: { maxAge: 20000 }`, not rolling:
// the cookie is sent again, with a new expiry, only where the session was modified); the login as express-session's
// README's user-login example: regenerate() at login, then the user saved; at logout the user removed, saved, and the
// session regenerated. /account shows the user or sends the visitor to the login form.
// Recorded as express-session-cookie-expiry: ~25 s idle after the login, the browser drops the expired cookie.
import express from 'express';
import session from 'express-session';
import { form, home, port } from './pages.mjs';

const app = express();
app.use(express.urlencoded({ extended: false }));
app.use(session({ secret: 'keyboard cat', resave: false, saveUninitialized: true, cookie: { maxAge: 20000 } }));
app.get('/', (req, res) => {
  req.session.visits = (req.session.visits ?? 0) + 1;
  res.type('html').send(home(req.session.user, req.session.visits));
});
app.get('/account', (req, res) => {
  if (!req.session.user) return res.redirect('/login');
  return res.type('html').send(`<p>Account of ${req.session.user}</p><a id=logout href=/logout>Log out</a>`);
});
app.get('/login', (_req, res) => res.type('html').send(form()));
app.post('/login', (req, res, next) => {
  if (req.body.password !== 'secret') return res.type('html').send(form('bad'));
  return req.session.regenerate((err) => {
    if (err) return next(err);
    req.session.user = req.body.username;
    return req.session.save((saveErr) => (saveErr ? next(saveErr) : res.redirect('/')));
  });
});
app.get('/logout', (req, res, next) => {
  req.session.user = null;
  req.session.save((err) => {
    if (err) return next(err);
    return req.session.regenerate((regenErr) => (regenErr ? next(regenErr) : res.redirect('/')));
  });
});
app.listen(port, '127.0.0.1');
