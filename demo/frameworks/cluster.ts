// Scenarios cluster-login-affinity and cluster-login: two express-session nodes, each with its own MemoryStore
// (no shared store, no replication), behind a round-robin balancer that ignores affinity — the most common way a
// cluster logs its users out. The login is POST → 302 → GET, and every hop lands on the other node.
// - with the affinity cookie (SERVERID, as HAProxy inserts it; written on every response, never read) and
//   saveUninitialized: each node issues its own ID for one it does not know: resets at every hop of the login.
// - without it and with saveUninitialized off (express-session's recommended setting): the node that does not
//   know the logged-in ID issues none and redirects to /login — a session-rejected.
import type { IncomingMessage, ServerResponse } from 'node:http';
import express, { type Request } from 'express';
import session from 'express-session';
import type { FrameworkApp } from './index.ts';
import { logIn } from './logIn.ts';
import { loginForm, sendPage } from './pages.ts';

function shortSid(req: Request): string {
  return `${req.sessionID.slice(0, 8)}…`;
}

function node(name: string, scenarioId: string, saveUninitialized: boolean): express.Express {
  const app = express();
  app.use(express.urlencoded({ extended: false }));
  app.use(
    session({
      // One secret for the cluster, as a deployment configures it; the stores are what is not shared.
      secret: 'sessionscope-demo-cluster-secret',
      store: new session.MemoryStore(),
      resave: false,
      saveUninitialized,
      cookie: { secure: true, httpOnly: true, sameSite: 'lax', path: '/' },
    }),
  );
  const saw = (req: Request) => [
    `balancer routed this request to ${name}`,
    req.session.user ? `${name} knows this session: logged in as ${req.session.user}` : `${name}: not logged in`,
    `session ID on ${name}: ${shortSid(req)}`,
  ];
  app.get('/', (req, res) => sendPage(res, scenarioId, saw(req), loginForm('/login')));
  app.get('/login', (req, res) => sendPage(res, scenarioId, saw(req), loginForm('/login')));
  app.post('/login', (req, res, next) =>
    logIn(req, res, next, String(req.body.username ?? 'demo'), { to: '/account' }),
  );
  app.get('/account', (req, res) => {
    if (!req.session.user) return res.redirect(302, '/login');
    sendPage(res, scenarioId, saw(req));
  });
  return app;
}

export function clusterApp(opts: { scenarioId: string; host: string; affinityCookie: boolean }): FrameworkApp {
  const nodes = [
    { name: 'node1', app: node('node1', opts.scenarioId, opts.affinityCookie) },
    { name: 'node2', app: node('node2', opts.scenarioId, opts.affinityCookie) },
  ];
  let next = 0;
  return {
    scenarioId: opts.scenarioId,
    host: opts.host,
    listener(req: IncomingMessage, res: ServerResponse) {
      // A visit with no cookie at all starts on node1, so every run of the scenario takes the same path.
      if (req.url === '/' && req.headers.cookie === undefined) next = 0;
      const target = nodes[next++ % nodes.length]!;
      // express-session appends its own Set-Cookie to this one.
      if (opts.affinityCookie) res.setHeader('Set-Cookie', [`SERVERID=${target.name}; Path=/; Secure; HttpOnly`]);
      target.app(req, res);
    },
  };
}
