// @fastify/session: a server-side session (in-memory store) behind a signed ID; regenerate() at login, destroy()
// at logout (which leaves the cookie).
import cookie from '@fastify/cookie';
import formbody from '@fastify/formbody';
import session from '@fastify/session';
import Fastify from 'fastify';
import { form, home, port } from './pages.mjs';

const app = Fastify();
await app.register(formbody);
await app.register(cookie);
await app.register(session, { secret: 'a passphrase of at least thirty-two characters', cookie: { secure: false } });
app.get('/', (req, rep) => {
  req.session.visits = (req.session.visits ?? 0) + 1;
  rep.type('text/html').send(home(req.session.user, req.session.visits));
});
app.get('/login', (_req, rep) => rep.type('text/html').send(form()));
app.post('/login', async (req, rep) => {
  if (req.body.password !== 'secret') return rep.type('text/html').send(form('bad'));
  await req.session.regenerate();
  req.session.user = req.body.username;
  return rep.redirect('/');
});
app.get('/logout', async (req, rep) => {
  await req.session.destroy();
  return rep.redirect('/');
});
await app.listen({ port, host: '127.0.0.1' });
