// AdminJS 7 with @adminjs/express, as AdminJS's Express plugin documentation shows: buildAuthenticatedRouter with an
// `authenticate` function (alice / secret) and express-session's options as the documentation passes them (resave and
// saveUninitialized true, the cookie named `adminjs`, httpOnly and secure only when NODE_ENV is production, which it is
// not here; the session in express-session's default MemoryStore, the documentation's connect-pg-simple store left out).
// AdminJS's own login page (/admin/login) and logout (/admin/logout, from its top bar's user menu).
import AdminJSExpress from '@adminjs/express';
import AdminJS from 'adminjs';
import express from 'express';

const port = Number(process.argv[2]);

const DEFAULT_ADMIN = { email: 'alice', password: 'secret' };
const authenticate = async (email, password) => {
  if (email === DEFAULT_ADMIN.email && password === DEFAULT_ADMIN.password) return DEFAULT_ADMIN;
  return null;
};

const app = express();
const admin = new AdminJS({});

// The only change to AdminJS's output: its page templates link Google Fonts (Roboto); the recording must stay on
// loopback, so that <link> is dropped from the HTML it sends (the pages fall back to a local font).
app.use((_req, res, next) => {
  const send = res.send.bind(res);
  res.send = (body) =>
    send(typeof body === 'string' ? body.replace(/<link[^>]*fonts\.googleapis\.com[^>]*>/g, '') : body);
  next();
});

const adminRouter = AdminJSExpress.buildAuthenticatedRouter(
  admin,
  {
    authenticate,
    cookieName: 'adminjs',
    cookiePassword: 'sessionsecret',
  },
  null,
  {
    resave: true,
    saveUninitialized: true,
    secret: 'sessionsecret',
    cookie: {
      httpOnly: process.env.NODE_ENV === 'production',
      secure: process.env.NODE_ENV === 'production',
    },
    name: 'adminjs',
  },
);
app.use(admin.options.rootPath, adminRouter);
app.listen(port, '127.0.0.1');
