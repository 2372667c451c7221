// EverShop's production server (`evershop start`: migrations, then the store and its admin panel from the build in
// .evershop/build) on 127.0.0.1:EVERSHOP_PORT, on the recording's PostgreSQL (port PGPORT, made by setup.sh), run from
// this directory (EverShop takes the working directory for its root). `evershop start` spawns an event processor and a
// cron process of its own, which it stops in its 'exit' handler alone: SIGTERM (how the recorder stops a server) made
// an exit here, so that they do not outlive it, holding connections that would keep PostgreSQL from stopping.
process.on('SIGTERM', () => process.exit(0));
process.on('SIGINT', () => process.exit(0));
Object.assign(process.env, {
  NODE_ENV: 'production',
  SUPPRESS_NO_CONFIG_WARNING: '1',
  PORT: process.env.EVERSHOP_PORT,
  // The base of the URLs it builds (the login form's action among them): http://localhost:<port> otherwise, another
  // origin than the recording's 127.0.0.1, whose requests a CORS preflight would stop.
  EVERSHOP_HOME_URL: `http://127.0.0.1:${process.env.EVERSHOP_PORT}`,
  DB_HOST: '127.0.0.1',
  DB_PORT: process.env.PGPORT,
  DB_NAME: 'evershop',
  DB_USER: 'postgres',
  DB_PASSWORD: '',
  DB_SSLMODE: 'disable',
});
process.argv.splice(2, process.argv.length - 2, 'start');
await import('./node_modules/@evershop/evershop/dist/bin/evershop.js');
