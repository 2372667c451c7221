// Scenario server-expiry: the server forgets a session after 2 s idle; the browser keeps the cookie
// (no Max-Age), sends the stale ID, and the server answers with a new one.
import type { DemoApp } from '../app.ts';
import { expiringSessionApp } from './expiring-session.ts';

export const SERVER_SESSION_TTL_MS = 2000;

export function serverExpiryApp(): DemoApp {
  return expiringSessionApp({
    scenarioId: 'server-expiry',
    prefix: '/expiry/',
    serverTtlMs: SERVER_SESSION_TTL_MS,
    cookieAttributes: [],
    unknownIdNote: (id) => `unknown or expired on the server: new sid ${id}`,
    waitHint: 'Wait 3 seconds, then follow the link (the server keeps idle sessions for 2 s).',
  });
}
