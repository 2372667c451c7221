// Mozilla's client-sessions on express: the session encrypted into the cookie (iv.ciphertext.createdAt.duration.mac),
// encrypted again at every save; reset() at login and at logout.
import sessions from 'client-sessions';
import express from 'express';
import { form, home, port } from './pages.mjs';

const app = express();
app.use(express.urlencoded({ extended: false }));
app.use(sessions({ cookieName: 'session', secret: 'a long random string for the demo', duration: 30 * 60 * 1000 }));
app.get('/', (req, res) => {
  req.session.visits = (req.session.visits ?? 0) + 1;
  res.type('html').send(home(req.session.user, req.session.visits));
});
app.get('/login', (_req, res) => res.type('html').send(form()));
app.post('/login', (req, res) => {
  if (req.body.password !== 'secret') return res.type('html').send(form('bad'));
  req.session.reset();
  req.session.user = req.body.username;
  return res.redirect('/');
});
app.get('/logout', (req, res) => {
  req.session.reset();
  res.redirect('/');
});
app.listen(port, '127.0.0.1');
