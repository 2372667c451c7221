// Scenario consent-script: a cookie-consent banner whose "decline" deletes every cookie not on its list of essential
// ones, as consent managers do, and whose list leaves out the session cookie. express-session's connect.sid is set
// without HttpOnly here (the app's own scripts read it), so the banner's script can delete it: the user who declines
// is signed out. No response says so: the browser reports the removal (the extension's cookies API), a HAR does not
// (the next request just goes without the cookie).
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FrameworkApp } from './index.ts';
import { signInApp } from './signInApp.ts';

const ID = 'consent-script';

/** The banner: "decline" deletes what its list does not name, then reloads the account page. */
const CONSENT_BANNER = `<div id="consent-banner"><p>We use cookies.</p><button id="decline" type="button">Decline optional cookies</button></div>
<script>
  const ESSENTIAL = ['cookie_consent'];
  document.getElementById('decline').addEventListener('click', () => {
    for (const pair of document.cookie.split('; ')) {
      const name = pair.split('=')[0];
      if (name && !ESSENTIAL.includes(name)) document.cookie = name + '=; Max-Age=0; path=/; Secure';
    }
    document.cookie = 'cookie_consent=declined; path=/; Secure; SameSite=Lax';
    location.assign('/account');
  });
</script>`;

export function consentScriptApp(): FrameworkApp {
  const app = signInApp({ scenarioId: ID, signInPage: '/login', readableByScripts: true, accountHtml: CONSENT_BANNER });
  return {
    scenarioId: ID,
    host: 'consent.test',
    listener: (req: IncomingMessage, res: ServerResponse) => app(req, res),
  };
}
