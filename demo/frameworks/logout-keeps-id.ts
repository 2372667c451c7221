// Scenario logout-keeps-id: the sign-out many Express tutorials write, `req.session.destroy()` and a redirect,
// without clearing the cookie. express-session forgets the session on the server, but no Set-Cookie tells the
// browser, so it keeps sending the ID the user logged in with (session-kept-at-logout). Here the server did end the
// session, and the trace shows it: the account page asked with that ID afterwards sends the user to the sign-in
// page. Whether a kept ID still opens the session is the server's alone to say; the finding tells what was seen.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FrameworkApp } from './index.ts';
import { signInApp } from './signInApp.ts';

const ID = 'logout-keeps-id';

export function logoutKeepsIdApp(): FrameworkApp {
  const app = signInApp({ scenarioId: ID, signInPage: '/login' });
  app.post('/logout', (req, res, next) => {
    // The mistake: the session is destroyed on the server, its cookie left in the browser.
    req.session.destroy((err) => (err ? next(err) : res.redirect(303, '/')));
  });
  return {
    scenarioId: ID,
    host: 'keep.test',
    listener: (req: IncomingMessage, res: ServerResponse) => app(req, res),
  };
}
