// h3 v2's useSession (the session layer of Nitro and Nuxt): the session (its id, createdAt, data) sealed by iron into
// the `h3` cookie (Secure, HttpOnly, SameSite=Lax, path / by default), sealed again at every update(). useSession
// starts a session on any page; h3 has no rotation, so the login adds the user with update(); clear() at logout, as
// its documentation's "Handle session" example shows. An H3 app served by its own `serve` (srvx on node:http).
import { H3, html, raw, readBody, redirect, serve, useSession } from 'h3';
import { form, home, port } from './pages.mjs';

const config = { password: 'a throwaway password of the recording app, 32+ characters' };
const app = new H3();
app.get('/', async (event) => {
  const session = await useSession(event, config);
  const visits = (session.data.visits ?? 0) + 1;
  await session.update({ visits });
  return html(raw(home(session.data.user, visits)));
});
app.get('/login', async (event) => {
  await useSession(event, config);
  return html(raw(form()));
});
app.post('/login', async (event) => {
  const session = await useSession(event, config);
  const body = await readBody(event);
  if (body?.password !== 'secret') return html(raw(form('bad')));
  await session.update({ user: body.username });
  return redirect('/');
});
app.get('/logout', async (event) => {
  const session = await useSession(event, config);
  await session.clear();
  return redirect('/');
});
serve(app, { port, hostname: '127.0.0.1', silent: true });
