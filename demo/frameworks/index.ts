// Scenarios served by real session software (express with express-session, cookie-session, iron-session, Auth.js, jose) instead of
// the demo's own session code: the engine must get the story right on the libraries people use. Each app owns
// one host name and gets node's own request and response, as in production.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { authjsApp } from './authjs.ts';
import { clearSiteDataApp } from './clear-site-data.ts';
import { clusterApp } from './cluster.ts';
import { consentScriptApp } from './consent-script.ts';
import { cookieSessionApp } from './cookie-session.ts';
import { ironSessionApp } from './iron-session.ts';
import { jwtApiApp } from './jwt-api.ts';
import { loginRetryApp } from './login-retry.ts';
import { logoutKeepsIdApp } from './logout-keeps-id.ts';
import { neighbourApps } from './neighbour-apps.ts';
import { restLogoutApp } from './rest-logout.ts';
import { secureCookieRejectedApp } from './secure-cookie-rejected.ts';
import { secureOverHttpApp } from './secure-over-http.ts';
import { ssoApps } from './sso.ts';

export interface FrameworkApp {
  readonly scenarioId: string;
  /** The host name it serves (browsers map *.test to 127.0.0.1). */
  readonly host: string;
  readonly listener: (req: IncomingMessage, res: ServerResponse) => void;
}

/** Fresh apps with empty session stores. */
export function createFrameworkApps(): FrameworkApp[] {
  return [
    clusterApp({ scenarioId: 'cluster-login-affinity', host: 'cluster.test', affinityCookie: true }),
    clusterApp({ scenarioId: 'cluster-login', host: 'nodes.test', affinityCookie: false }),
    secureOverHttpApp(),
    secureCookieRejectedApp(),
    cookieSessionApp(),
    ironSessionApp(),
    authjsApp({ scenarioId: 'authjs-session', host: 'authjs.test', manyClaims: false }),
    authjsApp({ scenarioId: 'authjs-chunked-session', host: 'authjs-groups.test', manyClaims: true }),
    jwtApiApp(),
    ...ssoApps(),
    restLogoutApp(),
    loginRetryApp(),
    clearSiteDataApp(),
    logoutKeepsIdApp(),
    ...neighbourApps(),
    consentScriptApp(),
  ];
}
