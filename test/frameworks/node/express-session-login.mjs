// express-session's README user-login example, shared by the apps that differ only in their session options (store,
// cookie): home counts visits in the session; regenerate() at login, then the user saved; at logout the user
// removed, saved, and the session regenerated; /account shows the user or sends the visitor to the login form.
import express from 'express';
import session from 'express-session';
import { form, home } from './pages.mjs';

/** The app on express-session with these options (express-session's own, as each recording sets them). */
export function expressSessionLoginApp(options) {
  const app = express();
  app.use(express.urlencoded({ extended: false }));
  app.use(session(options));
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
  return app;
}
