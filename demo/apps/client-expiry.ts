// Scenario client-expiry: the sid cookie carries Max-Age=2, so the browser drops it after 2 s
// (RFC 6265bis 5.6.2) while the server would still know the session; the next request has no sid.
import { cookieValue, type DemoApp, type DemoRequest, serverSaw, shortId } from '../app.ts';
import { SessionStore } from '../session-store.ts';
import { link, scenarioPage } from './scenario-page.ts';

const ID = 'client-expiry';

export function clientExpiryApp(): DemoApp {
  const sessions = new SessionStore();
  return {
    scenarioId: ID,
    owns: (req) => req.host === 'shop.test' && req.path.startsWith('/short/'),
    handle(req: DemoRequest) {
      const sent = cookieValue(req, 'sid');
      const known = sessions.find(sent);
      const session = known ?? sessions.create();
      return scenarioPage(
        ID,
        `${serverSaw([`sid sent: ${shortId(sent)}`, known ? 'the server knows this session' : `new sid ${shortId(session.id)}, Max-Age=2`])}
<p>Wait 3 seconds, then follow the link (the cookie lives 2 s in the browser).</p>
${link('again', '/short/again', 'Request the page again')}`,
        known ? [] : [`sid=${session.id}; Path=/short; Max-Age=2; Secure; HttpOnly; SameSite=Lax`],
      );
    },
  };
}
