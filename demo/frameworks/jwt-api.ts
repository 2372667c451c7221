// Scenario jwt-expired: a stateless app whose session is a JWT (HS256, signed and checked with jose) in a cookie
// that lives 2 s. Past its exp the token no longer verifies and the server answers 401 — and, stateless, it
// issues no new cookie: the session was rejected without any cookie changing in the browser.
import type { IncomingMessage, ServerResponse } from 'node:http';
import express from 'express';
import { jwtVerify, SignJWT } from 'jose';
import { link } from '../apps/scenario-page.ts';
import type { FrameworkApp } from './index.ts';
import { loginForm, sendPage } from './pages.ts';

const ID = 'jwt-expired';
const COOKIE = 'api_session';
const LIFETIME_S = 2;

function tokenOf(req: express.Request): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [name, ...value] = part.trim().split('=');
    if (name === COOKIE) return value.join('=');
  }
  return undefined;
}

export function jwtApiApp(): FrameworkApp {
  const key = new TextEncoder().encode('sessionscope-demo-jwt-signing-key-32b!');
  const app = express();
  app.use(express.urlencoded({ extended: false }));
  app.get('/', (_req, res) => sendPage(res, ID, ['no token yet'], loginForm('/login')));
  app.post('/login', async (req, res) => {
    const token = await new SignJWT({ name: String(req.body.username ?? 'demo') })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('demo')
      .setIssuedAt()
      .setExpirationTime(`${LIFETIME_S}s`)
      .sign(key);
    res.cookie(COOKIE, token, { secure: true, httpOnly: true, sameSite: 'lax', path: '/' });
    res.redirect(302, '/me');
  });
  app.get('/me', async (req, res) => {
    const token = tokenOf(req);
    try {
      if (token === undefined) throw new Error('no token');
      const { payload } = await jwtVerify(token, key);
      sendPage(
        res,
        ID,
        [`token valid: ${String(payload.name)}, expires in ${LIFETIME_S} s`],
        link('again', '/me', 'Ask again'),
      );
    } catch (err) {
      // No Set-Cookie: a stateless server has nothing to renew the session with.
      sendPage(res, ID, [`token refused: ${(err as Error).message}`], link('relogin', '/', 'Log in again'), 401);
    }
  });
  return {
    scenarioId: ID,
    host: 'jwt.test',
    listener: (req: IncomingMessage, res: ServerResponse) => app(req, res),
  };
}
