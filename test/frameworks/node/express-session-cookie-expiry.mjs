// express-session 1.19 with its default MemoryStore and a cookie of 20 s (`cookie: { maxAge: 20000 }`, not rolling:
// the cookie is sent again, with a new expiry, only where the session was modified); the login as express-session's
// README's user-login example (express-session-login.mjs).
// Recorded as express-session-cookie-expiry: ~25 s idle after the login, the browser drops the expired cookie.
import { expressSessionLoginApp } from './express-session-login.mjs';
import { port } from './pages.mjs';

expressSessionLoginApp({
  secret: 'keyboard cat',
  resave: false,
  saveUninitialized: true,
  cookie: { maxAge: 20000 },
}).listen(port, '127.0.0.1');
