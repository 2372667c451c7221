// Scenario logout: log in, then /account/logout deletes the session cookie the standard way: an
// empty value with Max-Age=0 and an Expires in the past (RFC 6265bis 5.6.1/5.6.2).
import { cookieValue, type DemoApp, type DemoRequest, redirect, serverSaw, shortId } from '../app.ts';
import { SessionStore } from '../session-store.ts';
import { link, loginForm, scenarioPage } from './scenario-page.ts';

const ID = 'logout';

export function logoutApp(): DemoApp {
  const sessions = new SessionStore();
  return {
    scenarioId: ID,
    owns: (req) => req.host === 'shop.test' && req.path.startsWith('/account/'),
    handle(req: DemoRequest) {
      const sent = cookieValue(req, 'sid');
      if (req.path === '/account/login' && req.method === 'POST') {
        const session = sessions.create();
        session.user = req.form.get('username') ?? 'demo';
        return redirect('/account/home', [`sid=${session.id}; Path=/account; Secure; HttpOnly; SameSite=Lax`]);
      }
      if (req.path === '/account/home') {
        const session = sessions.find(sent);
        return scenarioPage(
          ID,
          `${serverSaw([`sid ${shortId(sent)} — ${session?.user ? `logged in as ${session.user}` : 'not logged in'}`])}
${link('logout', '/account/logout', 'Log out')}`,
        );
      }
      if (req.path === '/account/logout') {
        if (sent !== undefined) sessions.delete(sent);
        return scenarioPage(
          ID,
          `${serverSaw([`sid ${shortId(sent)} ended; the cookie is deleted`])}${link('again', '/account/', 'Log in again')}`,
          ['sid=; Path=/account; Max-Age=0; Expires=Thu, 01 Jan 1970 00:00:00 GMT; Secure; HttpOnly; SameSite=Lax'],
        );
      }
      return scenarioPage(ID, `${serverSaw([`sid ${shortId(sent)}`])}${loginForm('/account/login')}`);
    },
  };
}
