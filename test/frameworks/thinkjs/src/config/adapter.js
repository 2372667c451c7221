// The session adapter exactly as ThinkJS 3's session documentation configures it
// (thinkjs.org/en/doc/3.0/session.html): think-session-file, the cookie `thinkjs` signed with a key; the session
// files under the runtime directory.
const path = require('node:path');
const fileSession = require('think-session-file');

exports.session = {
  type: 'file',
  common: {
    cookie: {
      name: 'thinkjs',
      keys: ['signature key'],
      signed: true,
    },
  },
  file: {
    handle: fileSession,
    sessionPath: path.join(think.RUNTIME_PATH, 'session'),
  },
};
