// Scenario clear-site-data-logout: the logout OWASP recommends, and Spring Security's logout can send: express-session
// destroys the session and the response says `Clear-Site-Data: "cookies"` instead of a Set-Cookie that deletes
// connect.sid. The browser (a secure context: https) drops the site's cookies itself; the session ends at a logout
// the user asked for, no alarm, and the next page's request carries no cookie without that being a "not sent".
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FrameworkApp } from './index.ts';
import { signInApp } from './signInApp.ts';

const ID = 'clear-site-data-logout';

export function clearSiteDataApp(): FrameworkApp {
  const app = signInApp({ scenarioId: ID, signInPage: '/' });
  app.post('/logout', (req, res, next) => {
    req.session.destroy((err) => {
      if (err) return next(err);
      res.set('Clear-Site-Data', '"cache", "cookies", "storage"');
      res.redirect(303, '/');
    });
  });
  return {
    scenarioId: ID,
    host: 'clear-site.test',
    listener: (req: IncomingMessage, res: ServerResponse) => app(req, res),
  };
}
