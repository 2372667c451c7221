// ThinkJS 3's entry as its project template writes it (production.js), started as `node production.js <port>`
// (ThinkJS reads a port from its first argument); RUNTIME_PATH, where ThinkJS and think-session-file write, is the
// recording's directory (THINKJS_RUNTIME) rather than the app's.
const path = require('node:path');
const Application = require('thinkjs');

const instance = new Application({
  ROOT_PATH: __dirname,
  APP_PATH: path.join(__dirname, 'src'),
  RUNTIME_PATH: process.env.THINKJS_RUNTIME || path.join(__dirname, 'runtime'),
  proxy: true,
  env: 'production',
});

instance.run();
