// Scenarios fixation and rotation share one login flow: an anonymous sid before login, a POST with a
// password field, then an account page. They differ only in whether login issues a fresh ID
// (OWASP Session Management Cheat Sheet: "renew the session ID after any privilege level change").
import { cookieValue, type DemoApp, type DemoRequest, redirect, serverSaw, shortId } from '../app.ts';
import { SessionStore } from '../session-store.ts';
import { loginForm, scenarioPage } from './scenario-page.ts';

function loginFlowApp(scenarioId: string, prefix: string, rotateAtLogin: boolean): DemoApp {
  const sessions = new SessionStore();
  const cookieLine = (id: string) => `sid=${id}; Path=${prefix}; Secure; HttpOnly; SameSite=Lax`;
  return {
    scenarioId,
    owns: (req) => req.host === 'shop.test' && (req.path === prefix || req.path.startsWith(`${prefix}/`)),
    handle(req: DemoRequest) {
      const sent = cookieValue(req, 'sid');
      const known = sessions.find(sent);
      if (req.path === `${prefix}/login` && req.method === 'POST') {
        const user = req.form.get('username') ?? 'demo';
        if (rotateAtLogin || known === undefined) {
          if (known !== undefined) sessions.delete(known.id);
          const fresh = sessions.create();
          fresh.user = user;
          return redirect(`${prefix}/account`, [cookieLine(fresh.id)]);
        }
        // The bug: privilege changes, the ID does not. No Set-Cookie at all.
        known.user = user;
        return redirect(`${prefix}/account`);
      }
      if (req.path === `${prefix}/account`) {
        return scenarioPage(
          scenarioId,
          serverSaw([`sid ${shortId(sent)} — ${known?.user ? `logged in as ${known.user}` : 'not logged in'}`]),
        );
      }
      const session = known ?? sessions.create();
      return scenarioPage(
        scenarioId,
        `${serverSaw([`sid before login: ${shortId(session.id)}`])}${loginForm(`${prefix}/login`)}`,
        known ? [] : [cookieLine(session.id)],
      );
    },
  };
}

export const fixationApp = (): DemoApp => loginFlowApp('fixation', '/fixation', false);
export const rotationApp = (): DemoApp => loginFlowApp('rotation', '/rotation', true);
