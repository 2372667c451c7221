// Scenario sso-login: "Sign in with Demo ID", an OAuth 2.0 authorization-code sign-in (RFC 6749 4.1) at a portal
// that keeps its session in express-session. The portal saves the sign-in's `state` in a new anonymous session,
// sends the browser to the identity provider on another site, where the user (already known there) only clicks
// "Continue", and the provider sends it back to /callback with `code` and `state`. The portal checks the state, then
// gives the signed-in user a new session ID (express-session's regenerate, as OWASP asks at every login). No password
// reaches the portal: the callback is the login, and the new ID is a rotation at login, not a session lost.
import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import express, { type Request } from 'express';
import session from 'express-session';
import { escapeHtml } from '../app.ts';
import { link } from '../apps/scenario-page.ts';
import type { FrameworkApp } from './index.ts';
import { logIn } from './logIn.ts';
import { sendPage } from './pages.ts';

const PROVIDER = 'id.test';

/** A portal of the demo: its scenario, its host, and the SameSite of its session cookie. */
interface Portal {
  readonly scenarioId: string;
  readonly host: string;
  readonly sameSite: 'lax' | 'strict';
}

const PORTALS: readonly Portal[] = [
  { scenarioId: 'sso-login', host: 'portal.test', sameSite: 'lax' },
  // The session cookie made Strict "for safety": the provider's redirect back is a cross-site navigation, which a
  // Strict cookie does not go with, so the callback finds no session and no state, and refuses the sign-in.
  { scenarioId: 'sso-strict-cookie', host: 'strict-portal.test', sameSite: 'strict' },
];

declare module 'express-session' {
  interface SessionData {
    signInState?: string;
  }
}

/** The other site's origin, on the port this request came in on (the demo serves every host on one port). */
function originOf(req: Request, host: string): string {
  const port = /:(\d+)$/.exec(req.headers.host ?? '')?.[1];
  return `https://${host}${port ? `:${port}` : ''}`;
}

function portalApp({ scenarioId: ID, host: PORTAL, sameSite }: Portal): express.Express {
  const app = express();
  app.use(
    session({
      secret: 'sessionscope-demo-sso-portal-secret',
      store: new session.MemoryStore(),
      resave: false,
      saveUninitialized: false,
      cookie: { secure: true, httpOnly: true, sameSite },
    }),
  );
  app.get('/', (req, res) =>
    sendPage(
      res,
      ID,
      [req.session.user ? `signed in as ${req.session.user}` : 'not signed in'],
      link('sign-in', '/auth/start', 'Sign in with Demo ID'),
    ),
  );
  app.get('/auth/start', (req, res) => {
    const state = randomBytes(16).toString('hex');
    req.session.signInState = state;
    const authorize = new URL('/authorize', originOf(req, PROVIDER));
    authorize.search = new URLSearchParams({
      response_type: 'code',
      client_id: 'portal',
      redirect_uri: `${originOf(req, PORTAL)}/callback`,
      state,
    }).toString();
    req.session.save((err) => (err ? res.status(500).end() : res.redirect(302, authorize.href)));
  });
  app.get('/callback', (req, res, next) => {
    const state = typeof req.query.state === 'string' ? req.query.state : '';
    if (!req.session.signInState || state !== req.session.signInState)
      return sendPage(res, ID, ['the sign-in state does not match this session: sign-in refused'], '', 400);
    logIn(req, res, next, 'demo', { to: '/account' });
  });
  app.get('/account', (req, res) => {
    if (!req.session.user) return res.redirect(302, '/');
    sendPage(res, ID, [`signed in as ${req.session.user} through Demo ID`]);
  });
  return app;
}

/** The identity provider: it knows the user already and asks only to continue, then answers with a code. */
/** The registered portal a redirect_uri returns to, or undefined (the provider answers only its own clients). */
function portalOf(redirectUri: unknown): { readonly portal: Portal; readonly url: URL } | undefined {
  if (typeof redirectUri !== 'string' || !URL.canParse(redirectUri)) return undefined;
  const url = new URL(redirectUri);
  const portal = PORTALS.find((p) => p.host === url.hostname);
  return portal && url.protocol === 'https:' ? { portal, url } : undefined;
}

function providerApp(): express.Express {
  const app = express();
  app.use(express.urlencoded({ extended: false }));
  const unknownClient = (res: express.Response) => res.status(400).type('text').send('unknown redirect_uri\n');
  app.get('/authorize', (req, res) => {
    const client = portalOf(req.query.redirect_uri);
    if (!client) return unknownClient(res);
    const fields = ['response_type', 'client_id', 'redirect_uri', 'state']
      .map((name) => `<input type="hidden" name="${name}" value="${escapeHtml(String(req.query[name] ?? ''))}">`)
      .join('');
    sendPage(
      res,
      client.portal.scenarioId,
      ['Demo ID: you are signed in here as demo'],
      `<form id="continue-form" method="post" action="/authorize">${fields}<button type="submit">Continue to the portal</button></form>`,
    );
  });
  app.post('/authorize', (req, res) => {
    const client = portalOf(req.body.redirect_uri);
    if (!client) return unknownClient(res);
    const back = client.url;
    back.search = new URLSearchParams({
      code: randomBytes(16).toString('hex'),
      state: String(req.body.state ?? ''),
    }).toString();
    res.redirect(302, back.href);
  });
  return app;
}

export function ssoApps(): FrameworkApp[] {
  const provider = providerApp();
  return [
    ...PORTALS.map((portal) => {
      const app = portalApp(portal);
      return {
        scenarioId: portal.scenarioId,
        host: portal.host,
        listener: (req: IncomingMessage, res: ServerResponse) => app(req, res),
      };
    }),
    {
      scenarioId: PORTALS[0]!.scenarioId,
      host: PROVIDER,
      listener: (req: IncomingMessage, res: ServerResponse) => provider(req, res),
    },
  ];
}
