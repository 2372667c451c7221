// iron-session 8 on express: the session sealed (encrypted and signed, `Fe26.2*…~2`) into the `iron-session` cookie,
// sealed again at every save(); it has no rotation, so the login sets the user and saves; destroy() at logout, as its
// documentation shows.
import express from 'express';
import { getIronSession } from 'iron-session';
import { form, home, port } from './pages.mjs';

// IRON_SESSION_PASSWORD: another password (a restart with the key rotated); unset, the app's own.
const options = {
  password: process.env.IRON_SESSION_PASSWORD ?? 'a password of at least thirty-two characters',
  cookieName: 'iron-session',
};
const app = express();
app.use(express.urlencoded({ extended: false }));
app.get('/', async (req, res) => {
  const session = await getIronSession(req, res, options);
  session.visits = (session.visits ?? 0) + 1;
  await session.save();
  res.type('html').send(home(session.user, session.visits));
});
app.get('/login', (_req, res) => res.type('html').send(form()));
app.post('/login', async (req, res) => {
  if (req.body.password !== 'secret') return res.type('html').send(form('bad'));
  const session = await getIronSession(req, res, options);
  session.user = req.body.username;
  await session.save();
  return res.redirect('/');
});
app.get('/logout', async (req, res) => {
  const session = await getIronSession(req, res, options);
  session.destroy();
  res.redirect('/');
});
app.listen(port, '127.0.0.1');
