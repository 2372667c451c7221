// Scenario id-in-url: the server rewrites links with the session ID, Tomcat style (;jsessionid=) and
// as a query parameter (?sid=), so the ID shows in URLs, history, logs and Referer headers.
import { cookieValue, type DemoApp, type DemoRequest, serverSaw, shortId } from '../app.ts';
import { SessionStore } from '../session-store.ts';
import { link, scenarioPage } from './scenario-page.ts';

const ID = 'id-in-url';

/** The ID from a `;jsessionid=` path parameter, the `sid` query parameter, or the cookie. */
function sessionIdOf(req: DemoRequest): string | undefined {
  const pathParam = /;jsessionid=([^;/?]+)/i.exec(req.path)?.[1];
  return pathParam ?? req.query.get('sid') ?? cookieValue(req, 'sid');
}

export function idInUrlApp(): DemoApp {
  const sessions = new SessionStore();
  return {
    scenarioId: ID,
    owns: (req) => req.host === 'shop.test' && req.path.startsWith('/url-id/'),
    handle(req: DemoRequest) {
      const sent = sessionIdOf(req);
      const known = sessions.find(sent);
      const session = known ?? sessions.create();
      return scenarioPage(
        ID,
        `${serverSaw([`session ID read from the URL or cookie: ${shortId(sent)}`])}
${link('jsessionid-link', `/url-id/cart;jsessionid=${session.id}`, 'Cart (;jsessionid= in the path)')}
${link('query-link', `/url-id/checkout?sid=${session.id}`, 'Checkout (?sid= in the query)')}`,
        known ? [] : [`sid=${session.id}; Path=/url-id; Secure; HttpOnly; SameSite=Lax`],
      );
    },
  };
}
