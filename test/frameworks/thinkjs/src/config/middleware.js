// The middleware list of ThinkJS's project template (think-cli), its static `resource` handler left out (no www/).
module.exports = [
  { handle: 'meta', options: { logRequest: false, sendResponseTime: false } },
  { handle: 'trace', enable: !think.isCli, options: { debug: false } },
  { handle: 'payload', options: { keepExtensions: true, limit: '5mb' } },
  { handle: 'router', options: {} },
  'logic',
  'controller',
];
