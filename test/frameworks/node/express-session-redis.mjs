// express-session 1.19 with connect-redis 9 (RedisStore on node-redis 5) as connect-redis's README sets it up
// (resave: false, saveUninitialized: false), on a Redis server of the recording's own (REDIS_PORT); the login as
// express-session's README's user-login example: regenerate() at login, then the user saved; at logout the user
// removed, saved, and the session regenerated. /account shows the user or sends the visitor to the login form.
// Recorded as express-session-redis-restart: Redis, without persistence, restarted after the login (sessions lost).
import { RedisStore } from 'connect-redis';
import express from 'express';
import session from 'express-session';
import { createClient } from 'redis';
import { form, home, port } from './pages.mjs';

// The error listener as node-redis's README has it (without one, the lost connection kills the process).
const redisClient = createClient({ url: `redis://127.0.0.1:${process.env.REDIS_PORT ?? 6379}` }).on('error', (err) =>
  console.log('Redis Client Error', err),
);
redisClient.connect().catch(console.error);
const redisStore = new RedisStore({ client: redisClient, prefix: 'myapp:' });

const app = express();
app.use(express.urlencoded({ extended: false }));
app.use(session({ store: redisStore, resave: false, saveUninitialized: false, secret: 'keyboard cat' }));
app.get('/', (req, res) => {
  req.session.visits = (req.session.visits ?? 0) + 1;
  res.type('html').send(home(req.session.user, req.session.visits));
});
app.get('/account', (req, res) => {
  if (!req.session.user) return res.redirect('/login');
  return res.type('html').send(`<p>Account of ${req.session.user}</p><a id=logout href=/logout>Log out</a>`);
});
app.get('/login', (_req, res) => res.type('html').send(form()));
app.post('/login', (req, res, next) => {
  if (req.body.password !== 'secret') return res.type('html').send(form('bad'));
  return req.session.regenerate((err) => {
    if (err) return next(err);
    req.session.user = req.body.username;
    return req.session.save((saveErr) => (saveErr ? next(saveErr) : res.redirect('/')));
  });
});
app.get('/logout', (req, res, next) => {
  req.session.user = null;
  req.session.save((err) => {
    if (err) return next(err);
    return req.session.regenerate((regenErr) => (regenErr ? next(regenErr) : res.redirect('/')));
  });
});
app.listen(port, '127.0.0.1');
