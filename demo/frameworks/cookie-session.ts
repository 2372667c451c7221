// Scenario cookie-session-updates: the session lives in the cookie itself (cookie-session, signed with Keygrip)
// and is re-encoded on every response, because the app counts page views in it. Each new value is the same
// session updated, not a new session: no reset, no alarm about its lifecycle.
import type { IncomingMessage, ServerResponse } from 'node:http';
import cookieSession from 'cookie-session';
import express from 'express';
import { link } from '../apps/scenario-page.ts';
import type { FrameworkApp } from './index.ts';
import { loginForm, sendPage } from './pages.ts';

const ID = 'cookie-session-updates';

interface ViewsSession {
  views?: number;
  user?: string;
}

export function cookieSessionApp(): FrameworkApp {
  const app = express();
  app.use(express.urlencoded({ extended: false }));
  app.use(
    cookieSession({
      name: 'session',
      keys: ['sessionscope-demo-cookie-session-key'],
      secure: true,
      httpOnly: true,
      sameSite: 'lax',
    }),
  );
  // A change on every request: cookie-session writes the cookie again whenever the session changed.
  app.use((req, _res, next) => {
    const s = req.session as ViewsSession;
    s.views = (s.views ?? 0) + 1;
    next();
  });
  const saw = (req: express.Request) => {
    const s = req.session as ViewsSession;
    return [`views in this session: ${s.views}`, s.user ? `logged in as ${s.user}` : 'not logged in'];
  };
  app.get('/', (req, res) => sendPage(res, ID, saw(req), loginForm('/login')));
  app.post('/login', (req, res) => {
    (req.session as ViewsSession).user = String(req.body.username ?? 'demo');
    res.redirect(302, '/account');
  });
  app.get('/account', (req, res) => sendPage(res, ID, saw(req), link('again', '/account', 'Reload the account page')));
  return {
    scenarioId: ID,
    host: 'cookies.test',
    listener: (req: IncomingMessage, res: ServerResponse) => app(req, res),
  };
}
