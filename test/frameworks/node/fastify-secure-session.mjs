// @fastify/secure-session: the whole session encrypted into the cookie (libsodium secretbox, a new nonce per save).
import formbody from '@fastify/formbody';
import secureSession from '@fastify/secure-session';
import Fastify from 'fastify';
import { form, home, port } from './pages.mjs';

const app = Fastify();
await app.register(formbody);
await app.register(secureSession, {
  secret: 'a passphrase of at least thirty-two characters',
  salt: 'mq9hDxBVDbspDR6n',
  cookie: { path: '/', httpOnly: true },
});
app.get('/', (req, rep) => {
  const visits = (req.session.get('visits') ?? 0) + 1;
  req.session.set('visits', visits);
  rep.type('text/html').send(home(req.session.get('user'), visits));
});
app.get('/login', (_req, rep) => rep.type('text/html').send(form()));
app.post('/login', (req, rep) => {
  if (req.body.password !== 'secret') return rep.type('text/html').send(form('bad'));
  req.session.regenerate();
  req.session.set('user', req.body.username);
  return rep.redirect('/');
});
app.get('/logout', (req, rep) => {
  req.session.delete();
  return rep.redirect('/');
});
await app.listen({ port, host: '127.0.0.1' });
