// express-session 1.19 with its default MemoryStore, as its README's user-login example (express-session-login.mjs).
// Run as two processes behind nginx round robin without sticky sessions (scripts/record-framework-hars.ts,
// express-session-cluster-no-affinity): each process knows only its own sessions, so a request on the other one gets
// a new, empty session.
import { expressSessionLoginApp } from './express-session-login.mjs';
import { port } from './pages.mjs';

expressSessionLoginApp({
  secret: 'a signing secret shared by both nodes',
  resave: false,
  saveUninitialized: true,
}).listen(port, '127.0.0.1');
