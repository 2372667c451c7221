// Passport (0.7, passport-local) on express-session: req.login() regenerates the session at login; req.logout()
// regenerates it again, and the app destroys the new one and clears the cookie, as its documentation shows.
import express from 'express';
import session from 'express-session';
import passport from 'passport';
import { Strategy as LocalStrategy } from 'passport-local';
import { form, home, port } from './pages.mjs';

passport.use(new LocalStrategy((username, password, done) => done(null, password === 'secret' ? { username } : false)));
passport.serializeUser((user, done) => done(null, user.username));
passport.deserializeUser((username, done) => done(null, { username }));

const app = express();
app.use(express.urlencoded({ extended: false }));
// SESSION_SAME_SITE=strict|lax|none: connect.sid's `cookie.sameSite`; unset: express-session's default (no attribute).
// SESSION_COOKIE_SECURE=1: its `cookie.secure` (express-session then sets no cookie on a request that is not https);
// SESSION_COOKIE_PATH=<path>: its `cookie.path` (express-session gives no session at all to a request outside it).
const sameSite = process.env.SESSION_SAME_SITE;
const cookie = {
  ...(sameSite ? { sameSite } : {}),
  ...(process.env.SESSION_COOKIE_SECURE === '1' ? { secure: true } : {}),
  ...(process.env.SESSION_COOKIE_PATH ? { path: process.env.SESSION_COOKIE_PATH } : {}),
};
app.use(
  session({
    secret: 'a signing secret',
    resave: false,
    saveUninitialized: true,
    ...(Object.keys(cookie).length > 0 ? { cookie } : {}),
  }),
);
app.use(passport.session());
app.get('/', (req, res) => {
  req.session.visits = (req.session.visits ?? 0) + 1;
  res.type('html').send(home(req.user?.username, req.session.visits));
});
const logIn = (req, res, next) =>
  passport.authenticate('local', (err, user) => {
    if (err) return next(err);
    if (!user) return res.type('html').send(form('bad'));
    return req.login(user, (loginErr) => (loginErr ? next(loginErr) : res.redirect('/')));
  })(req, res, next);
app.get('/login', (_req, res) => res.type('html').send(form()));
app.post('/login', logIn);
// The same login form under /account/ (posted there), and the account page (read-only): alice's name, or a visitor
// sent to the login form. With SESSION_COOKIE_PATH=/account/, the login and this page are inside the cookie's Path.
app.get('/account/login', (_req, res) =>
  res.type('html').send(form().replace('action=/login', 'action=/account/login')),
);
app.post('/account/login', logIn);
app.get('/account/', (req, res) =>
  req.user ? res.type('html').send(`<p>Account of ${req.user.username}</p>`) : res.redirect('/account/login'),
);
// A payment provider's return (its form POSTed from its own site, or a link): alice's payment, or a visitor sent to the
// login form.
app.all('/payment/return', (req, res) =>
  req.user ? res.type('html').send(`<p>Payment received for ${req.user.username}</p>`) : res.redirect('/login'),
);
app.get('/logout', (req, res, next) =>
  req.logout((err) => {
    if (err) return next(err);
    return req.session.destroy(() => res.clearCookie('connect.sid').redirect('/'));
  }),
);
app.listen(port, '127.0.0.1');
