// hapi 21 with @hapi/cookie 12, cookie authentication as hapi's tutorial shows it: no session before the login;
// request.cookieAuth.set() at login seals the account into the `sid` cookie (iron, `Fe26.2**…`), the home page
// updates its count in it (cookieAuth.set(key, value): sealed again), request.cookieAuth.clear() at logout.
import Cookie from '@hapi/cookie';
import Hapi from '@hapi/hapi';
import { form, home, port } from './pages.mjs';

const server = Hapi.server({ host: '127.0.0.1', port });
await server.register(Cookie);
server.auth.strategy('session', 'cookie', {
  cookie: { name: 'sid', password: 'a password of at least thirty-two characters', isSecure: false },
  redirectTo: '/login',
  validate: async (_request, session) => ({ isValid: session.user === 'alice', credentials: session }),
});
server.auth.default('session');
server.route([
  {
    method: 'GET',
    path: '/',
    options: { auth: { mode: 'try' } },
    handler: (request, h) => {
      const session = request.auth.isAuthenticated ? request.auth.credentials : undefined;
      const visits = (session?.visits ?? 0) + 1;
      if (session) request.cookieAuth.set('visits', visits);
      return h.response(home(session?.user, visits)).type('text/html');
    },
  },
  {
    method: 'GET',
    path: '/login',
    options: { auth: { mode: 'try' } },
    handler: (_request, h) => h.response(form()).type('text/html'),
  },
  {
    method: 'POST',
    path: '/login',
    options: { auth: { mode: 'try' } },
    handler: (request, h) => {
      if (request.payload.password !== 'secret') return h.response(form('bad')).type('text/html');
      request.cookieAuth.set({ user: request.payload.username });
      return h.redirect('/');
    },
  },
  {
    method: 'GET',
    path: '/logout',
    handler: (request, h) => {
      request.cookieAuth.clear();
      return h.redirect('/');
    },
  },
]);
await server.start();
