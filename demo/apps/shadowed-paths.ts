// Scenario shadowed-paths: the site sets sid for Path=/ and an app mounted at /shadow/app sets its own
// sid for Path=/shadow/app. Requests under /shadow/app carry both, longest path first (RFC 6265bis
// 5.8.3 step 2), and a server reading "the" sid may take either.
import { type DemoApp, type DemoRequest, serverSaw, shortId } from '../app.ts';
import { SessionStore } from '../session-store.ts';
import { link, scenarioPage } from './scenario-page.ts';

const ID = 'shadowed-paths';

export function shadowedPathsApp(): DemoApp {
  const siteSessions = new SessionStore();
  const appSessions = new SessionStore();
  return {
    scenarioId: ID,
    owns: (req) => req.host === 'shop.test' && req.path.startsWith('/shadow/'),
    handle(req: DemoRequest) {
      const sids = req.cookies.filter((c) => c.name === 'sid').map((c) => c.value);
      const saw = serverSaw([
        `sid cookies sent: ${sids.length === 0 ? 'none' : sids.map((v) => shortId(v)).join(', ')}`,
      ]);
      if (req.path.startsWith('/shadow/app/')) {
        // The mounted app only knows its own sessions: it looks for one of its IDs among the sids.
        const known = sids.map((id) => appSessions.find(id)).find((s) => s !== undefined);
        const session = known ?? appSessions.create();
        return scenarioPage(
          ID,
          `${saw}${link('to-cart', '/shadow/app/cart', 'Open the app’s cart')}`,
          known ? [] : [`sid=${session.id}; Path=/shadow/app; Secure; HttpOnly; SameSite=Lax`],
        );
      }
      const known = sids.map((id) => siteSessions.find(id)).find((s) => s !== undefined);
      const session = known ?? siteSessions.create();
      return scenarioPage(
        ID,
        `${saw}${link('to-app', '/shadow/app/', 'Open the app mounted at /shadow/app/')}`,
        known ? [] : [`sid=${session.id}; Path=/; Secure; HttpOnly; SameSite=Lax`],
      );
    },
  };
}
