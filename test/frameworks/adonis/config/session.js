// config/session.ts as `node ace configure @adonisjs/session` writes it, with the web starter kit's
// SESSION_DRIVER=cookie: the session data encrypted into a cookie named after the session ID.
import app from '@adonisjs/core/services/app';
import { defineConfig, stores } from '@adonisjs/session';

const sessionConfig = defineConfig({
  enabled: true,
  cookieName: 'adonis-session',
  clearWithBrowser: false,
  age: '2h',
  cookie: {
    path: '/',
    httpOnly: true,
    secure: app.inProduction,
    sameSite: 'lax',
  },
  store: 'cookie',
  stores: {
    cookie: stores.cookie(),
  },
});

export default sessionConfig;
