// Scenario server-expiry: the server forgets a session after 2 s idle; the browser keeps the cookie
// (no Max-Age), sends the stale ID, and the server answers with a new one.
import { cookieValue, type DemoApp, type DemoRequest, serverSaw, shortId } from '../app.ts';
import { SessionStore } from '../session-store.ts';
import { link, scenarioPage } from './scenario-page.ts';

const ID = 'server-expiry';
export const SERVER_SESSION_TTL_MS = 2000;

export function serverExpiryApp(): DemoApp {
  const sessions = new SessionStore(SERVER_SESSION_TTL_MS);
  return {
    scenarioId: ID,
    owns: (req) => req.host === 'shop.test' && req.path.startsWith('/expiry/'),
    handle(req: DemoRequest) {
      const sent = cookieValue(req, 'sid');
      const known = sessions.find(sent);
      const session = known ?? sessions.create();
      return scenarioPage(
        ID,
        `${serverSaw([
          `sid sent: ${shortId(sent)}`,
          known
            ? 'the server knows this session'
            : sent
              ? `unknown or expired on the server: new sid ${shortId(session.id)}`
              : `new sid ${shortId(session.id)}`,
        ])}
<p>Wait 3 seconds, then follow the link (the server keeps idle sessions for 2 s).</p>
${link('again', '/expiry/again', 'Request the page again')}`,
        known ? [] : [`sid=${session.id}; Path=/expiry; Secure; HttpOnly; SameSite=Lax`],
      );
    },
  };
}
