// Scenario login-retry: a mistyped password, then the right one, on express-session. The login page keeps an
// anti-CSRF token in a new session; a wrong password answers the form again with a 200 (as PHP, WordPress and
// Django do), on the same session; the right one gives the user a new session ID (regenerate). The failed attempt
// is no login, so the ID it kept is no fixation; the second attempt rotates the ID at the login.
import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import express from 'express';
import session from 'express-session';
import { escapeHtml } from '../app.ts';
import type { FrameworkApp } from './index.ts';
import { logIn } from './logIn.ts';
import { sendPage } from './pages.ts';

const ID = 'login-retry';
const PASSWORD = 'demo-password';

declare module 'express-session' {
  interface SessionData {
    csrfToken?: string;
  }
}

/** The login form, its password filled in so that one click submits it: the first time mistyped. */
function form(csrfToken: string, password: string): string {
  return `<form id="login-form" method="post" action="/login">
<input type="hidden" name="csrf" value="${escapeHtml(csrfToken)}">
<label>User <input name="username" value="demo"></label>
<label>Password <input type="password" name="password" value="${escapeHtml(password)}"></label>
<button type="submit">Log in</button></form>`;
}

export function loginRetryApp(): FrameworkApp {
  const app = express();
  app.use(express.urlencoded({ extended: false }));
  app.use(
    session({
      secret: 'sessionscope-demo-login-retry-secret',
      store: new session.MemoryStore(),
      resave: false,
      saveUninitialized: false,
      cookie: { secure: true, httpOnly: true, sameSite: 'lax' },
    }),
  );
  app.get('/', (req, res) => {
    req.session.csrfToken ??= randomBytes(16).toString('hex');
    sendPage(res, ID, ['not logged in'], form(req.session.csrfToken, 'demo-pasword'));
  });
  app.post('/login', (req, res, next) => {
    const token = req.session.csrfToken;
    if (!token || req.body.csrf !== token) return sendPage(res, ID, ['the form is stale: reload the page'], '', 403);
    if (req.body.password !== PASSWORD)
      return sendPage(res, ID, ['wrong password: the form again, on the same session'], form(token, PASSWORD));
    logIn(req, res, next, String(req.body.username ?? 'demo'), { to: '/account' });
  });
  app.get('/account', (req, res) => {
    if (!req.session.user) return res.redirect(302, '/');
    sendPage(res, ID, [`logged in as ${req.session.user}`]);
  });
  return { scenarioId: ID, host: 'retry.test', listener: (req: IncomingMessage, res: ServerResponse) => app(req, res) };
}
