const path = require('node:path');

module.exports = (appInfo) => ({
  // The cookie signing and encryption keys every Egg app must set (the session's defaults otherwise untouched).
  keys: 'sessionscope-egg-recording-key',
  cluster: { listen: { hostname: '127.0.0.1' } },
  // Egg's run files under its root (HOME, the recording's directory, under egg-scripts), not in the app's directory.
  rundir: path.join(appInfo.root, 'run'),
});
