// Scenarios authjs-session and authjs-chunked-session: Auth.js (@auth/express, the library behind NextAuth.js) with a
// credentials sign-in and its default session, an encrypted JWT (JWE) in `__Secure-authjs.session-token`. Every
// session check (`/auth/session`, which a client asks on every page focus) re-encrypts the token with a later expiry,
// so each check answers a new value: the same session, updated in place, not a session lost. With many claims (the
// groups an identity provider hands over) the token outgrows one cookie and Auth.js writes it in chunks, `….0` and
// `….1`: still one session.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { ExpressAuth, getSession } from '@auth/express';
import Credentials from '@auth/express/providers/credentials';
import express from 'express';
import { link } from '../apps/scenario-page.ts';
import type { FrameworkApp } from './index.ts';
import { sendPage } from './pages.ts';

/** A user's groups, as an enterprise identity provider lists them: enough to outgrow one cookie (~4 KB). */
const MANY_GROUPS = Array.from({ length: 120 }, (_, i) => `engineering-platform-team-${String(i).padStart(3, '0')}`);

function configOf(manyClaims: boolean) {
  return {
    // A real app reads it from AUTH_SECRET; 32 characters or more.
    secret: 'sessionscope-demo-authjs-secret-0123456789abcdef',
    trustHost: true,
    providers: [
      Credentials({
        // The built-in sign-in page spreads these into its inputs: filled in, so one submit signs in.
        credentials: {
          username: { label: 'User', value: 'demo' },
          password: { label: 'Password', type: 'password', value: 'demo-password' },
        },
        authorize: async (credentials) =>
          credentials.username === 'demo' && credentials.password === 'demo-password'
            ? { id: '1', name: 'demo', email: 'demo@authjs.test' }
            : null,
      }),
    ],
    ...(manyClaims
      ? { callbacks: { jwt: ({ token }: { token: Record<string, unknown> }) => ({ ...token, groups: MANY_GROUPS }) } }
      : {}),
  };
}

export function authjsApp(opts: { scenarioId: string; host: string; manyClaims: boolean }): FrameworkApp {
  const ID = opts.scenarioId;
  const config = configOf(opts.manyClaims);
  const app = express();
  app.use('/auth', ExpressAuth(config));
  app.get('/', (req, res, next) => {
    getSession(req, config).then((session) => {
      const user = session?.user?.name;
      sendPage(
        res,
        ID,
        [user ? `signed in as ${user} (Auth.js, JWT session)` : 'not signed in'],
        user
          ? link('check', '/auth/session', 'Check the session (as the client does on focus)')
          : link('sign-in', '/auth/signin', 'Sign in'),
      );
    }, next);
  });
  return {
    scenarioId: ID,
    host: opts.host,
    listener: (req: IncomingMessage, res: ServerResponse) => app(req, res),
  };
}
