// Scenario secure-cookie-rejected-on-http: a hand-written login on express sets its own session cookie with
// `res.cookie('sid', …, { secure: true })` on a plain http:// site. Unlike express-session, express sends the
// Set-Cookie anyway; the browser refuses to store a Secure cookie from an insecure origin (RFC 6265bis 5.7,
// Chrome's SetCookieBlockedReason SecureOnly), so the next request carries no session.
import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import express from 'express';
import type { FrameworkApp } from './index.ts';
import { loginForm, sendPage } from './pages.ts';

const ID = 'secure-cookie-rejected-on-http';

export function secureCookieRejectedApp(): FrameworkApp {
  const sessions = new Map<string, string>();
  const app = express();
  app.use(express.urlencoded({ extended: false }));
  const sid = (req: express.Request) => /(?:^|;\s*)sid=([^;]*)/.exec(req.headers.cookie ?? '')?.[1];
  const form = (_req: express.Request, res: express.Response) =>
    sendPage(res, ID, ['not logged in'], loginForm('/login'));
  app.get('/', form);
  app.get('/login', form);
  app.post('/login', (req, res) => {
    const id = randomBytes(16).toString('hex');
    sessions.set(id, String(req.body.username ?? 'demo'));
    res.cookie('sid', id, { secure: true, httpOnly: true, sameSite: 'lax', path: '/' });
    res.redirect(302, '/account');
  });
  app.get('/account', (req, res) => {
    const user = sessions.get(sid(req) ?? '');
    if (user === undefined) return res.redirect(302, '/login');
    sendPage(res, ID, [`logged in as ${user}`]);
  });
  return {
    scenarioId: ID,
    host: 'legacy.test',
    listener: (req: IncomingMessage, res: ServerResponse) => app(req, res),
  };
}
