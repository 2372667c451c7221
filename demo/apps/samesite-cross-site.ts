// Scenario samesite-cross-site: shop.test sets sid SameSite=Strict and sessionid SameSite=Lax; pages on
// other.test link and POST to shop.test. RFC 6265bis 5.8.3: Strict cookies go on same-site requests
// only; Lax ones also on cross-site top-level GET navigations, never on a cross-site POST. shop.test's
// page also embeds a chat widget from other.test in an iframe, whose response sets its own session cookie
// with SameSite=Lax and a preference without SameSite: RFC 6265bis 5.7 refuses both (a cross-site response
// that is not a top-level navigation may only set SameSite=None cookies), so the widget never gets a session.
import { cookieValue, type DemoApp, type DemoRequest, escapeHtml, serverSaw, shortId } from '../app.ts';
import { SessionStore } from '../session-store.ts';
import { link, scenarioPage } from './scenario-page.ts';

const ID = 'samesite-cross-site';

export function sameSiteCrossSiteApp(): DemoApp {
  const sessions = new SessionStore();
  return {
    scenarioId: ID,
    owns: (req) => (req.host === 'shop.test' || req.host === 'other.test') && req.path.startsWith('/samesite/'),
    handle(req: DemoRequest) {
      const sid = cookieValue(req, 'sid');
      const laxSid = cookieValue(req, 'sessionid');
      const saw = serverSaw([
        `${req.method} on ${req.host}`,
        `sid (Strict) sent: ${shortId(sid)}`,
        `sessionid (Lax) sent: ${shortId(laxSid)}`,
      ]);
      if (req.host === 'other.test' && req.path === '/samesite/widget') {
        const known = cookieValue(req, 'JSESSIONID');
        const widgetSession = known ?? sessions.create().id;
        return scenarioPage(
          ID,
          `<p>Chat widget on <strong>other.test</strong>. Its session cookie arrived: ${shortId(known)}</p>`,
          known
            ? []
            : [
                `JSESSIONID=${widgetSession}; Path=/; Secure; HttpOnly; SameSite=Lax`,
                'widget_theme=light; Path=/; Secure',
                // The one kind a cross-site frame may set: SameSite=None (with Secure).
                'widget_consent=yes; Path=/; Secure; SameSite=None',
              ],
        );
      }
      if (req.host === 'other.test') {
        const target = (path: string) => escapeHtml(req.url('https', 'shop.test', path));
        return scenarioPage(
          ID,
          `<p>This page is on <strong>other.test</strong>, another site.</p>
${link('cross-get', req.url('https', 'shop.test', '/samesite/landing'), 'Link to shop.test (a cross-site top-level GET)')}
<form id="cross-post" method="post" action="${target('/samesite/order')}">
<input type="hidden" name="item" value="book"><button type="submit">Order on shop.test (a cross-site POST)</button></form>`,
        );
      }
      if (req.path === '/samesite/landing' || req.path === '/samesite/order') {
        // A real app would now think the user logged out; this one only says so, so the cookies
        // stay in the jar and the next same-site request still carries them.
        return scenarioPage(
          ID,
          `${saw}<p>${sid && laxSid ? 'Both session cookies arrived.' : 'A session cookie is missing: the user looks logged out here.'}</p>
${link('back-to-other', req.url('https', 'other.test', '/samesite/'), 'Back to other.test')}`,
        );
      }
      const known = sessions.find(sid);
      const session = known ?? sessions.create();
      const setCookies = known
        ? []
        : [
            `sid=${session.id}; Path=/; Secure; HttpOnly; SameSite=Strict`,
            `sessionid=${sessions.create().id}; Path=/; Secure; HttpOnly; SameSite=Lax`,
          ];
      return scenarioPage(
        ID,
        `${saw}${link('to-other', req.url('https', 'other.test', '/samesite/'), 'Go to other.test')}
<iframe id="widget" title="Chat widget from other.test" src="${escapeHtml(req.url('https', 'other.test', '/samesite/widget'))}"></iframe>`,
        setCookies,
      );
    },
  };
}
