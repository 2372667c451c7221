// Scenario rest-logout: the session as a REST resource, as Rails' authentication generator and Devise route it
// (`resource :session`): POST /session signs in, DELETE /session signs out. A browser form cannot send DELETE, so the
// sign-out form POSTs with `_method=delete`, the override Rails (Rack::MethodOverride) reads; express-session destroys
// the session and the cookie is cleared. The user asked for it: the session ends at a logout, no alarm.
import type { IncomingMessage, ServerResponse } from 'node:http';
import express from 'express';
import session from 'express-session';
import type { FrameworkApp } from './index.ts';
import { logIn } from './logIn.ts';
import { loginForm, sendPage } from './pages.ts';

const ID = 'rest-logout';
const COOKIE = { secure: true, httpOnly: true, sameSite: 'lax' } as const;

const SIGN_OUT_FORM = `<form id="logout-form" method="post" action="/session">
<input type="hidden" name="_method" value="delete"><button type="submit">Sign out</button></form>`;

export function restLogoutApp(): FrameworkApp {
  const app = express();
  app.use(express.urlencoded({ extended: false }));
  // The method override, as Rack::MethodOverride applies it: a POST whose form says `_method=delete` is a DELETE.
  app.use((req, _res, next) => {
    if (req.method === 'POST' && String(req.body?._method ?? '').toLowerCase() === 'delete') req.method = 'DELETE';
    next();
  });
  app.use(
    session({
      secret: 'sessionscope-demo-rest-logout-secret',
      store: new session.MemoryStore(),
      resave: false,
      saveUninitialized: false,
      cookie: COOKIE,
    }),
  );
  app.get('/', (req, res) =>
    sendPage(res, ID, [req.session.user ? `signed in as ${req.session.user}` : 'not signed in'], loginForm('/session')),
  );
  app.post('/session', (req, res, next) =>
    logIn(req, res, next, String(req.body.username ?? 'demo'), { to: '/account', status: 303 }),
  );
  app.delete('/session', (req, res, next) => {
    req.session.destroy((err) => {
      if (err) return next(err);
      res.clearCookie('connect.sid', { ...COOKIE, path: '/' });
      res.redirect(303, '/');
    });
  });
  app.get('/account', (req, res) => {
    if (!req.session.user) return res.redirect(302, '/');
    sendPage(res, ID, [`signed in as ${req.session.user}`], SIGN_OUT_FORM);
  });
  return { scenarioId: ID, host: 'rest.test', listener: (req: IncomingMessage, res: ServerResponse) => app(req, res) };
}
