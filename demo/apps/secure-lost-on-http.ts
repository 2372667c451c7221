// Scenario secure-lost-on-http: the login sets a Secure sid over https; an http:// link cannot carry
// it (RFC 6265bis 5.8.3: Secure cookies only go to secure URLs), so the server opens a new session.
import { cookieValue, type DemoApp, type DemoRequest, redirect, serverSaw, shortId } from '../app.ts';
import { SessionStore } from '../session-store.ts';
import { link, loginForm, scenarioPage } from './scenario-page.ts';

const ID = 'secure-lost-on-http';

export function secureLostOnHttpApp(): DemoApp {
  const sessions = new SessionStore();
  return {
    scenarioId: ID,
    owns: (req) => req.host === 'shop.test' && req.path.startsWith('/secure/'),
    handle(req: DemoRequest) {
      const sent = cookieValue(req, 'sid');
      if (req.path === '/secure/login' && req.method === 'POST') {
        const session = sessions.create();
        session.user = req.form.get('username') ?? 'demo';
        return redirect('/secure/account', [`sid=${session.id}; Path=/; Secure; HttpOnly; SameSite=Lax`]);
      }
      if (req.path === '/secure/account') {
        const session = sessions.find(sent);
        return scenarioPage(
          ID,
          `${serverSaw([`sid ${shortId(sent)} — ${session?.user ? `logged in as ${session.user}` : 'not logged in'}`])}
${link('to-http', req.url('http', 'shop.test', '/secure/catalogue'), 'Continue to the catalogue (an http:// link)')}`,
        );
      }
      if (req.path === '/secure/catalogue') {
        const known = sessions.find(sent);
        if (known !== undefined) {
          return scenarioPage(ID, serverSaw([`sid ${shortId(sent)} arrived: still logged in as ${known.user}`]));
        }
        // The usual framework reflex: no session cookie, so start a new (anonymous) session. Over
        // http the new cookie cannot be Secure; Chromium also refuses to let it overwrite the Secure one.
        const fresh = sessions.create();
        return scenarioPage(
          ID,
          `${serverSaw([`no sid arrived over ${req.scheme}://`, `new session issued: ${shortId(fresh.id)} — you look logged out`])}
${link('back-to-https', req.url('https', 'shop.test', '/secure/account'), 'Back to your account over https')}`,
          [`sid=${fresh.id}; Path=/; HttpOnly; SameSite=Lax`],
        );
      }
      return scenarioPage(ID, `${serverSaw([`sid ${shortId(sent)}`])}${loginForm('/secure/login')}`);
    },
  };
}
