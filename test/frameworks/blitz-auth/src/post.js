// A POST to one of our API routes with Blitz's anti-CSRF header (the token its readable cookie holds), as Blitz's
// docs say manual API requests must send it.
import { getAntiCSRFToken } from '@blitzjs/auth';

export function post(path, body) {
  return fetch(path, {
    method: 'POST',
    credentials: 'include',
    headers: { 'Content-Type': 'application/json', 'anti-csrf': getAntiCSRFToken() },
    body: JSON.stringify(body ?? {}),
  });
}
