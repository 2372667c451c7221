// Scenario iron-session-updates: the session sealed into the cookie itself by iron-session (hapi's Iron: encrypted
// and signed, `Fe26.2*…`). The app counts page views in it and saves it on every request, and every save seals it
// with a fresh salt and IV, so the cookie's value is new on every response. It is the same session, updated: no
// reset, no lost session, whatever the value.
import type { IncomingMessage, ServerResponse } from 'node:http';
import express from 'express';
import { getIronSession } from 'iron-session';
import { link } from '../apps/scenario-page.ts';
import type { FrameworkApp } from './index.ts';
import { loginForm, sendPage } from './pages.ts';

const ID = 'iron-session-updates';

interface SealedSession {
  views?: number;
  user?: string;
}

const OPTIONS = {
  // iron-session needs 32 characters or more; a real app reads it from its environment.
  password: 'sessionscope-demo-iron-session-password-0123456789',
  cookieName: 'app_session',
  cookieOptions: { secure: true, httpOnly: true, sameSite: 'lax' as const, path: '/' },
};

export function ironSessionApp(): FrameworkApp {
  const app = express();
  app.use(express.urlencoded({ extended: false }));
  // A change and a save on every request, as an app that counts views or refreshes a timestamp does.
  app.use((req, res, next) => {
    getIronSession<SealedSession>(req, res, OPTIONS)
      .then(async (session) => {
        session.views = (session.views ?? 0) + 1;
        await session.save();
        res.locals.session = session;
        next();
      })
      .catch(next);
  });
  const saw = (res: express.Response) => {
    const s = res.locals.session as SealedSession;
    return [`views in this session: ${s.views}`, s.user ? `logged in as ${s.user}` : 'not logged in'];
  };
  app.get('/', (_req, res) => sendPage(res, ID, saw(res), loginForm('/login')));
  app.post('/login', (req, res, next) => {
    const session = res.locals.session as SealedSession & { save(): Promise<void> };
    session.user = String(req.body.username ?? 'demo');
    session.save().then(() => res.redirect(302, '/account'), next);
  });
  app.get('/account', (_req, res) => sendPage(res, ID, saw(res), link('again', '/account', 'Reload the account page')));
  return { scenarioId: ID, host: 'iron.test', listener: (req: IncomingMessage, res: ServerResponse) => app(req, res) };
}
