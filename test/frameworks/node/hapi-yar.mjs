// hapi 21 with @hapi/yar 11: the session (with an `id` of its own) sealed by iron into the `session` cookie while it
// is small (yar's default maxCookieSize), sealed again at every change; reset() at login, which clears it and assigns
// a new id, and reset() at logout, as yar's documentation shows.
import Hapi from '@hapi/hapi';
import Yar from '@hapi/yar';
import { form, home, port } from './pages.mjs';

const server = Hapi.server({ host: '127.0.0.1', port });
await server.register({
  plugin: Yar,
  options: { cookieOptions: { password: 'a password of at least thirty-two characters', isSecure: false } },
});
server.route([
  {
    method: 'GET',
    path: '/',
    handler: (request, h) => {
      const visits = (request.yar.get('visits') ?? 0) + 1;
      request.yar.set('visits', visits);
      return h.response(home(request.yar.get('user') ?? undefined, visits)).type('text/html');
    },
  },
  { method: 'GET', path: '/login', handler: (_request, h) => h.response(form()).type('text/html') },
  {
    method: 'POST',
    path: '/login',
    handler: (request, h) => {
      if (request.payload.password !== 'secret') return h.response(form('bad')).type('text/html');
      request.yar.reset();
      request.yar.set('user', request.payload.username);
      return h.redirect('/');
    },
  },
  {
    method: 'GET',
    path: '/logout',
    handler: (request, h) => {
      request.yar.reset();
      return h.redirect('/');
    },
  },
]);
await server.start();
