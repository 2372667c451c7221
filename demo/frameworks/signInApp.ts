// The express-session site the sign-out scenarios share: a home page with the sign-in form, a password POST that
// logs in (logIn: a new ID, the user in it), an account page with a sign-out form posting to /logout. Each scenario
// adds its own /logout, the one thing it is about.
import express, { type Express } from 'express';
import session from 'express-session';
import { logIn } from './logIn.ts';
import { loginForm, sendPage } from './pages.ts';

const SIGN_OUT_FORM = `<form id="logout-form" method="post" action="/logout"><button type="submit">Sign out</button></form>`;

export interface SignInAppOptions {
  readonly scenarioId: string;
  /**
   * Where the account page sends a visitor who is not signed in: the home page, or a sign-in page of its own
   * (`/login`, served here), which an answer naming it shows to be a login page.
   */
  readonly signInPage: '/' | '/login';
  /**
   * The session cookie's Domain, where it is one (every host within it gets the cookie); host-only otherwise. An app
   * given one also signs with a secret of its own host, as two apps of one site do.
   */
  readonly cookie?: { readonly domain: string; readonly host: string };
  /** The session cookie without HttpOnly, as an app whose own scripts read it does: page scripts can delete it too. */
  readonly readableByScripts?: true;
  /** More of the account page, after its sign-out form (a script of the page). */
  readonly accountHtml?: string;
}

export function signInApp({
  scenarioId,
  signInPage,
  cookie,
  readableByScripts,
  accountHtml = '',
}: SignInAppOptions): Express {
  const app = express();
  app.use(express.urlencoded({ extended: false }));
  app.use(
    session({
      secret: `sessionscope-demo-${scenarioId}${cookie ? `-${cookie.host}` : ''}-secret`,
      store: new session.MemoryStore(),
      resave: false,
      saveUninitialized: false,
      cookie: {
        secure: true,
        httpOnly: readableByScripts !== true,
        sameSite: 'lax',
        ...(cookie ? { domain: cookie.domain } : {}),
      },
    }),
  );
  app.get('/', (req, res) =>
    sendPage(
      res,
      scenarioId,
      [req.session.user ? `signed in as ${req.session.user}` : 'not signed in'],
      loginForm('/login'),
    ),
  );
  if (signInPage === '/login')
    app.get('/login', (_req, res) => sendPage(res, scenarioId, ['sign in'], loginForm('/login')));
  app.post('/login', (req, res, next) =>
    logIn(req, res, next, String(req.body.username ?? 'demo'), { to: '/account' }),
  );
  app.get('/account', (req, res) => {
    if (!req.session.user) return res.redirect(302, signInPage);
    sendPage(res, scenarioId, [`signed in as ${req.session.user}`], `${SIGN_OUT_FORM}${accountHtml}`);
  });
  return app;
}
