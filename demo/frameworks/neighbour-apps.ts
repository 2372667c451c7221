// Scenario neighbour-apps: two apps of one site, www.neighbours.test and admin.neighbours.test, each on express-session
// with its own store and secret, and each giving its session cookie the site's Domain (`cookie.domain`), as a team does
// to share a login it does not in fact share. Both name it connect.sid, express-session's default: a cookie with a
// Domain reaches every host within it, so the two apps share one cookie. Signing in to the admin app replaces the
// www app's session; back on www, the account page refuses the admin app's ID (session-reset overwritten, and the
// refusal, both naming the other app).
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FrameworkApp } from './index.ts';
import { signInApp } from './signInApp.ts';

const ID = 'neighbour-apps';
const DOMAIN = 'neighbours.test';

export function neighbourApps(): FrameworkApp[] {
  return ['www.neighbours.test', 'admin.neighbours.test'].map((host) => {
    const app = signInApp({ scenarioId: ID, signInPage: '/login', cookie: { domain: DOMAIN, host } });
    return { scenarioId: ID, host, listener: (req: IncomingMessage, res: ServerResponse) => app(req, res) };
  });
}
