// Vendure 3's own server for Sessionscope's framework recordings: the admin API on cookie sessions, the prebuilt
// admin UI at /admin, SQLite (sql.js) in the recording's directory. `node start.js <port>`, run in that directory.
const path = require('node:path');
const { DefaultLogger, LogLevel } = require('@vendure/core');
const { AdminUiPlugin } = require('@vendure/admin-ui-plugin');

module.exports = (port, work) => ({
  apiOptions: {
    hostname: '127.0.0.1',
    port,
    adminApiPath: 'admin-api',
    shopApiPath: 'shop-api',
  },
  authOptions: {
    tokenMethod: 'cookie',
    cookieOptions: { secret: 'sessionscope-vendure-cookie-secret' },
    superadminCredentials: { identifier: 'alice', password: 'secret' },
  },
  dbConnectionOptions: {
    type: 'sqljs',
    location: path.join(work, 'vendure.sqlite'),
    autoSave: true,
    synchronize: true,
    logging: false,
  },
  paymentOptions: { paymentMethodHandlers: [] },
  logger: new DefaultLogger({ level: LogLevel.Info }),
  plugins: [
    AdminUiPlugin.init({
      route: 'admin',
      port: port + 1, // unused: the prebuilt app is served by Vendure's own server
      // The login page's photo is fetched from login-image.vendure.io unless one is given: the UI's own logo instead.
      adminUiConfig: { loginImageUrl: 'assets/logo-login.webp' },
    }),
  ],
});
