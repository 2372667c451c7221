// Scenario secure-cookie-over-http: express-session configured with `cookie: { secure: true }` (as its README
// recommends) on a site reached over plain http://. The login is accepted and saved on the server, but
// express-session sends no Set-Cookie at all on a connection it does not consider secure, so the next request
// carries no session and the user is sent back to the login page.
import type { IncomingMessage, ServerResponse } from 'node:http';
import express from 'express';
import session from 'express-session';
import type { FrameworkApp } from './index.ts';
import { logIn } from './logIn.ts';
import { loginForm, sendPage } from './pages.ts';

const ID = 'secure-cookie-over-http';

export function secureOverHttpApp(): FrameworkApp {
  const app = express();
  app.use(express.urlencoded({ extended: false }));
  app.use(
    session({
      secret: 'sessionscope-demo-secure-secret',
      store: new session.MemoryStore(),
      resave: false,
      saveUninitialized: false,
      cookie: { secure: true, httpOnly: true, sameSite: 'lax' },
    }),
  );
  const form = (req: express.Request, response: express.Response) =>
    sendPage(response, ID, [`connection: ${req.secure ? 'https' : 'http'}`, 'not logged in'], loginForm('/login'));
  app.get('/', form);
  app.get('/login', form);
  app.post('/login', (req, response, next) =>
    logIn(req, response, next, String(req.body.username ?? 'demo'), { to: '/account' }),
  );
  app.get('/account', (req, response) => {
    if (!req.session.user) return response.redirect(302, '/login');
    sendPage(response, ID, [`logged in as ${req.session.user}`]);
  });
  return {
    scenarioId: ID,
    host: 'plain.test',
    listener: (req: IncomingMessage, r: ServerResponse) => app(req, r),
  };
}
