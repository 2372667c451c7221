// Starts Vendure (vendure-config.js) on the port given, its database in the working directory; no worker (no job
// queue plugin: nothing here needs one).
process.env.VENDURE_DISABLE_TELEMETRY = 'true';
const { bootstrap } = require('@vendure/core');
const config = require('./vendure-config.js');

const port = Number(process.argv[2] ?? 3000);
bootstrap(config(port, process.cwd())).catch((err) => {
  console.error(err);
  process.exit(1);
});
