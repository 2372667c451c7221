// Node-RED's settings for the Sessionscope recording (scripts/record-framework-hars.ts): the editor on 127.0.0.1 at
// NODE_RED_PORT, its user directory (flows, credentials) NODE_RED_USER_DIR (the recording's own directory), alice /
// secret as the one admin user, telemetry, update checks, diagnostics, tours and projects off.
module.exports = {
  uiHost: '127.0.0.1',
  uiPort: Number(process.env.NODE_RED_PORT),
  userDir: process.env.NODE_RED_USER_DIR,
  flowFile: 'flows.json',
  credentialSecret: 'sessionscope-node-red-credential-secret',
  adminAuth: {
    type: 'credentials',
    users: [
      {
        username: 'alice',
        // bcrypt of "secret" (node-red admin hash-pw)
        password: '$2b$08$BbTUmGfep.5jupEavgaz2uTeozrlsUaTqzDNXuA9T7N5Xxv/nUoRq',
        permissions: '*',
      },
    ],
  },
  diagnostics: { enabled: false, ui: false },
  runtimeState: { enabled: false, ui: false },
  telemetry: { enabled: false, updateNotification: false },
  externalModules: { autoInstall: false, palette: { allowInstall: false } },
  logging: { console: { level: 'info', metrics: false, audit: false } },
  editorTheme: {
    tours: false,
    projects: { enabled: false },
    multiplayer: { enabled: false },
  },
  functionExternalModules: false,
};
