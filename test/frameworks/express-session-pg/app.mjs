// express-session with connect-pg-simple as its store, set up as connect-pg-simple's README shows (a pg Pool, resave:
// false, a 30-day cookie; createTableIfMissing so that the recording's fresh database gets the `session` table), on a
// PostgreSQL of the recording's own (PGPORT, PGHOST: its socket directory). The login and logout as express-session's
// README shows: regenerate() at login, then the user saved; destroy() at logout.
import connectPgSimple from 'connect-pg-simple';
import express from 'express';
import expressSession from 'express-session';
import pg from 'pg';

const port = Number(process.argv[2]);
const pgSession = connectPgSimple(expressSession);
const pgPool = new pg.Pool({
  host: '127.0.0.1',
  port: Number(process.env.PGPORT),
  user: 'postgres',
  database: 'postgres',
});

const form = (error = '') =>
  `<form method=post action=/login><input name=username><input type=password name=password><button>Sign in</button></form>${error}`;

const app = express();
app.use(express.urlencoded({ extended: false }));
app.use(
  expressSession({
    store: new pgSession({ pool: pgPool, createTableIfMissing: true }),
    secret: 'sessionscope-connect-pg-simple-secret',
    resave: false,
    cookie: { maxAge: 30 * 24 * 60 * 60 * 1000 }, // 30 days
  }),
);
app.get('/', (req, res) => {
  req.session.visits = (req.session.visits ?? 0) + 1;
  res
    .type('html')
    .send(
      `<p>Hello ${req.session.user ?? 'anon'} visits=${req.session.visits}</p><a id=logout href=/logout>Log out</a>`,
    );
});
app.get('/login', (_req, res) => res.type('html').send(form()));
app.post('/login', (req, res, next) => {
  if (req.body.username !== 'alice' || req.body.password !== 'secret') return res.type('html').send(form('bad'));
  // regenerate the session, which is good practice to help guard against forms of session fixation
  return req.session.regenerate((err) => {
    if (err) return next(err);
    req.session.user = req.body.username;
    // save the session before redirection to ensure page load does not happen before session is saved
    return req.session.save((saveErr) => (saveErr ? next(saveErr) : res.redirect('/')));
  });
});
app.get('/logout', (req, res, next) => {
  req.session.destroy((err) => (err ? next(err) : res.redirect('/')));
});
app.listen(port, '127.0.0.1');
