// Scenario clear-site-data-logout: the logout OWASP recommends, and Spring Security's logout can send: express-session
// destroys the session and the response says `Clear-Site-Data: "cookies"` instead of a Set-Cookie that deletes
// connect.sid. The browser (a secure context: https) drops the site's cookies itself; the session ends at a logout
// the user asked for, no alarm, and the next page's request carries no cookie without that being a "not sent".
import type { IncomingMessage, ServerResponse } from 'node:http';
import express from 'express';
import session from 'express-session';
import type { FrameworkApp } from './index.ts';
import { logIn } from './logIn.ts';
import { loginForm, sendPage } from './pages.ts';

const ID = 'clear-site-data-logout';

const SIGN_OUT_FORM = `<form id="logout-form" method="post" action="/logout"><button type="submit">Sign out</button></form>`;

export function clearSiteDataApp(): FrameworkApp {
  const app = express();
  app.use(express.urlencoded({ extended: false }));
  app.use(
    session({
      secret: 'sessionscope-demo-clear-site-data-secret',
      store: new session.MemoryStore(),
      resave: false,
      saveUninitialized: false,
      cookie: { secure: true, httpOnly: true, sameSite: 'lax' },
    }),
  );
  app.get('/', (req, res) =>
    sendPage(res, ID, [req.session.user ? `signed in as ${req.session.user}` : 'not signed in'], loginForm('/login')),
  );
  app.post('/login', (req, res, next) =>
    logIn(req, res, next, String(req.body.username ?? 'demo'), { to: '/account' }),
  );
  app.get('/account', (req, res) => {
    if (!req.session.user) return res.redirect(302, '/');
    sendPage(res, ID, [`signed in as ${req.session.user}`], SIGN_OUT_FORM);
  });
  app.post('/logout', (req, res, next) => {
    req.session.destroy((err) => {
      if (err) return next(err);
      res.set('Clear-Site-Data', '"cache", "cookies", "storage"');
      res.redirect(303, '/');
    });
  });
  return {
    scenarioId: ID,
    host: 'clear-site.test',
    listener: (req: IncomingMessage, res: ServerResponse) => app(req, res),
  };
}
