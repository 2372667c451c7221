// Scenario logout-keeps-id: the sign-out many Express tutorials write, `req.session.destroy()` and a redirect,
// without clearing the cookie. express-session forgets the session on the server, but no Set-Cookie tells the
// browser, so it keeps sending the ID the user logged in with (session-kept-at-logout). Here the server did end the
// session, and the trace shows it: the account page asked with that ID afterwards sends the user to the sign-in
// page. Whether a kept ID still opens the session is the server's alone to say; the finding tells what was seen.
import type { IncomingMessage, ServerResponse } from 'node:http';
import express from 'express';
import session from 'express-session';
import type { FrameworkApp } from './index.ts';
import { logIn } from './logIn.ts';
import { loginForm, sendPage } from './pages.ts';

const ID = 'logout-keeps-id';

const SIGN_OUT_FORM = `<form id="logout-form" method="post" action="/logout"><button type="submit">Sign out</button></form>`;

export function logoutKeepsIdApp(): FrameworkApp {
  const app = express();
  app.use(express.urlencoded({ extended: false }));
  app.use(
    session({
      secret: 'sessionscope-demo-logout-keeps-id-secret',
      store: new session.MemoryStore(),
      resave: false,
      saveUninitialized: false,
      cookie: { secure: true, httpOnly: true, sameSite: 'lax' },
    }),
  );
  app.get('/', (req, res) =>
    sendPage(res, ID, [req.session.user ? `signed in as ${req.session.user}` : 'not signed in'], loginForm('/login')),
  );
  app.get('/login', (_req, res) => sendPage(res, ID, ['sign in'], loginForm('/login')));
  app.post('/login', (req, res, next) =>
    logIn(req, res, next, String(req.body.username ?? 'demo'), { to: '/account' }),
  );
  app.get('/account', (req, res) => {
    if (!req.session.user) return res.redirect(302, '/login');
    sendPage(res, ID, [`signed in as ${req.session.user}`], SIGN_OUT_FORM);
  });
  app.post('/logout', (req, res, next) => {
    // The mistake: the session is destroyed on the server, its cookie left in the browser.
    req.session.destroy((err) => (err ? next(err) : res.redirect(303, '/')));
  });
  return {
    scenarioId: ID,
    host: 'keep.test',
    listener: (req: IncomingMessage, res: ServerResponse) => app(req, res),
  };
}
