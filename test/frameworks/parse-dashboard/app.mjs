// Parse Dashboard as its README's "Run as Express middleware" shows, in front of a Parse Server mounted in the same
// express app (its README's express example, `await server.start()`), on one port: /parse the server, /dashboard the
// dashboard, with alice / secret among the dashboard's `users` (its own login form, passport-local on express-session,
// the cookie `parse_dash`; its own /dashboard/logout). Parse Server's database, PostgreSQL (Parse Server's other
// supported database beside MongoDB), the recording's own (PGPORT); its logs where PARSE_SERVER_LOGS_FOLDER says.
// The dashboard's start-up query of the npm registry for its latest version (package-json) is pointed at a closed
// loopback port (npm_config_registry, from the recorder), so that the app makes no request off loopback; the
// dashboard ignores its failure. Its script bundles load Google Fonts (CSS `@import`s of fonts.googleapis.com):
// served here without them (the page's fonts fall back).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import express from 'express';
import ParseDashboard from 'parse-dashboard';
import { ParseServer } from 'parse-server';

const port = Number(process.argv[2]);
const serverURL = `http://127.0.0.1:${port}/parse`;
const appId = 'sessionscope';
const masterKey = 'sessionscope-master-key';

const server = new ParseServer({
  databaseURI: `postgres://postgres@127.0.0.1:${process.env.PGPORT}/postgres`,
  appId,
  masterKey,
  serverURL,
});
await server.start();

const dashboard = new ParseDashboard({
  apps: [{ serverURL, appId, masterKey, appName: 'Sessionscope' }],
  users: [{ user: 'alice', pass: 'secret' }],
});

const bundles = join(dirname(createRequire(import.meta.url).resolve('parse-dashboard')), 'public', 'bundles');
const app = express();
app.get('/dashboard/bundles/:file', (req, res, next) => {
  if (!/^[\w.-]+\.js$/.test(req.params.file)) return next();
  let code;
  try {
    code = readFileSync(join(bundles, req.params.file), 'utf8');
  } catch {
    return next();
  }
  res.type('js').send(code.replace(/@import url\(https:\/\/fonts\.googleapis\.com\/[^)]*\);/g, ''));
});
app.use('/parse', server.app);
app.use('/dashboard', dashboard);
app.listen(port, '127.0.0.1');
