// express-session 1.19 with connect-redis 9 (RedisStore on node-redis 5) as connect-redis's README sets it up
// (resave: false, saveUninitialized: false), on a Redis server of the recording's own (REDIS_PORT); the login as
// express-session's README's user-login example (express-session-login.mjs).
// Recorded as express-session-redis-restart: Redis, without persistence, restarted after the login (sessions lost).
import { RedisStore } from 'connect-redis';
import { createClient } from 'redis';
import { expressSessionLoginApp } from './express-session-login.mjs';
import { port } from './pages.mjs';

// The error listener as node-redis's README has it (without one, the lost connection kills the process).
const redisClient = createClient({ url: `redis://127.0.0.1:${process.env.REDIS_PORT ?? 6379}` }).on('error', (err) =>
  console.log('Redis Client Error', err),
);
redisClient.connect().catch(console.error);
const redisStore = new RedisStore({ client: redisClient, prefix: 'myapp:' });

expressSessionLoginApp({ store: redisStore, resave: false, saveUninitialized: false, secret: 'keyboard cat' }).listen(
  port,
  '127.0.0.1',
);
