// express-session 1.19 with its default MemoryStore, as its README's user-login example: regenerate() at login,
// then the user saved; at logout the user removed, saved, and the session regenerated. Run as two processes behind
// nginx round robin without sticky sessions (scripts/record-framework-hars.ts, express-session-cluster-no-affinity):
// each process knows only its own sessions, so a request on the other one gets a new, empty session.
import express from 'express';
import session from 'express-session';
import { form, home, port } from './pages.mjs';

const app = express();
app.use(express.urlencoded({ extended: false }));
app.use(session({ secret: 'a signing secret shared by both nodes', resave: false, saveUninitialized: true }));
app.get('/', (req, res) => {
  req.session.visits = (req.session.visits ?? 0) + 1;
  res.type('html').send(home(req.session.user, req.session.visits));
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
