// Scenario insecure-attributes: session cookies whose attributes weaken them — no HttpOnly, Secure or
// SameSite, a Domain visible to api.shop.test, a 30-day Max-Age — one set on a plain http:// response,
// and an unsigned JWT (alg "none", no exp) as client-side session state.
import { cookieValue, type DemoApp, type DemoRequest, serverSaw, shortId } from '../app.ts';
import { SessionStore } from '../session-store.ts';
import { link, scenarioPage } from './scenario-page.ts';

const ID = 'insecure-attributes';
const THIRTY_DAYS_S = 30 * 24 * 3600;

function base64url(text: string): string {
  return Buffer.from(text, 'utf8').toString('base64url');
}

/** An unsecured JWT (RFC 7519 6.1): alg "none", empty signature, and no exp claim. */
export function unsignedJwt(sessionId: string): string {
  const header = base64url(JSON.stringify({ alg: 'none', typ: 'JWT' }));
  const payload = base64url(JSON.stringify({ sub: 'demo', role: 'customer', sid: sessionId }));
  return `${header}.${payload}.`;
}

export function insecureAttributesApp(): DemoApp {
  const sessions = new SessionStore();
  return {
    scenarioId: ID,
    owns: (req) => (req.host === 'shop.test' || req.host === 'api.shop.test') && req.path.startsWith('/insecure/'),
    handle(req: DemoRequest) {
      if (req.path === '/insecure/plain') {
        const sent = cookieValue(req, 'PHPSESSID');
        const known = sessions.find(sent);
        const session = known ?? sessions.create();
        return scenarioPage(
          ID,
          `${serverSaw([`over ${req.scheme}://, PHPSESSID sent: ${shortId(sent)}`, known ? 'known session' : `new PHPSESSID ${shortId(session.id)} on a plain http response`])}
${link('to-api', req.url('https', 'api.shop.test', '/insecure/profile'), 'Call api.shop.test (a sibling host)')}`,
          known ? [] : [`PHPSESSID=${session.id}; Path=/insecure`],
        );
      }
      if (req.host === 'api.shop.test') {
        return scenarioPage(
          ID,
          serverSaw([
            `api.shop.test received sessionid ${shortId(cookieValue(req, 'sessionid'))}: the Domain=shop.test cookie reaches every subdomain`,
          ]),
        );
      }
      const sent = cookieValue(req, 'sessionid');
      const known = sessions.find(sent);
      const session = known ?? sessions.create();
      const setCookies = known
        ? []
        : [
            // Deliberately weak: no Secure, no HttpOnly, no SameSite, Domain covers api.shop.test, 30 days.
            `sessionid=${session.id}; Domain=shop.test; Path=/; Max-Age=${THIRTY_DAYS_S}`,
            `app_session=${unsignedJwt(session.id)}; Path=/; Secure; HttpOnly; SameSite=Lax`,
          ];
      return scenarioPage(
        ID,
        `${serverSaw([`sessionid sent: ${shortId(sent)}`, known ? 'known session' : `new sessionid ${shortId(session.id)} and an alg:none JWT in app_session`])}
${link('to-http', req.url('http', 'shop.test', '/insecure/plain'), 'Open the legacy http:// page')}`,
        setCookies,
      );
    },
  };
}
