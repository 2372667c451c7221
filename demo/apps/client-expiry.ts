// Scenario client-expiry: the sid cookie carries Max-Age=2, so the browser drops it after 2 s
// (RFC 6265bis 5.6.2) while the server would still know the session; the next request has no sid.
import type { DemoApp } from '../app.ts';
import { expiringSessionApp } from './expiring-session.ts';

export function clientExpiryApp(): DemoApp {
  return expiringSessionApp({
    scenarioId: 'client-expiry',
    prefix: '/short/',
    cookieAttributes: ['Max-Age=2'],
    unknownIdNote: (id) => `new sid ${id}, Max-Age=2`,
    waitHint: 'Wait 3 seconds, then follow the link (the cookie lives 2 s in the browser).',
  });
}
