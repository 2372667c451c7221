// Hono with hono-sessions, as its README and its test servers show: `sessionMiddleware` with the README's options,
// the store from STORE (`cookie`: CookieStore, the session encrypted by iron into the cookie; `memory`: MemoryStore,
// the session ID encrypted into the cookie); `session_key_rotation` at login, `deleteSession()` at logout (a POST).
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { CookieStore, MemoryStore, sessionMiddleware } from 'hono-sessions';

const port = Number(process.argv[2]);
const store = process.env.STORE === 'memory' ? new MemoryStore() : new CookieStore();

const form = (error) =>
  `${error ? `<p id=error>${error}</p>` : ''}<form method=post action=/login><input name=username>` +
  '<input type=password name=password><button>Sign in</button></form>';

const app = new Hono();
app.use(
  '*',
  sessionMiddleware({
    store,
    encryptionKey: 'password_at_least_32_characters_long',
    expireAfterSeconds: 900,
    autoExtendExpiration: true,
    cookieOptions: { sameSite: 'Lax', path: '/', httpOnly: true },
  }),
);
app.get('/', (c) => {
  const session = c.get('session');
  const visits = (session.get('visits') || 0) + 1;
  session.set('visits', visits);
  const user = session.get('user');
  return c.html(
    `<p>Hello ${user ?? 'anon'} visits=${visits}</p>` +
      '<form method=post action=/logout><button id=logout>Log out</button></form>',
  );
});
app.get('/login', (c) => c.html(form(c.get('session').get('error'))));
app.post('/login', async (c) => {
  const session = c.get('session');
  const { username, password } = await c.req.parseBody();
  if (username === 'alice' && password === 'secret') {
    c.set('session_key_rotation', true);
    session.set('user', username);
    return c.redirect('/');
  }
  session.flash('error', 'Incorrect username or password');
  return c.redirect('/login');
});
app.post('/logout', (c) => {
  c.get('session').deleteSession();
  return c.redirect('/');
});
serve({ fetch: app.fetch, port, hostname: '127.0.0.1' });
