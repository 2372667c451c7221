// Medusa 2 for Sessionscope's recordings: the database and the origins from the environment (medusa/setup.sh,
// medusa/start.sh), its secrets fixed; no Redis (the in-memory event bus, cache and workflow engine, sessions in
// express-session's memory store). The session cookie is Medusa's own production one (connect.sid, HttpOnly,
// SameSite=Lax) but for `secure`, off: the recording is served over plain http on 127.0.0.1, where express-session
// (behind `proxy: true`) would never send a Secure cookie.
import { defineConfig } from '@medusajs/framework/utils';

module.exports = defineConfig({
  projectConfig: {
    databaseUrl: process.env.DATABASE_URL,
    databaseDriverOptions: { connection: { ssl: false } },
    http: {
      storeCors: process.env.MEDUSA_CORS ?? 'http://127.0.0.1',
      adminCors: process.env.MEDUSA_CORS ?? 'http://127.0.0.1',
      authCors: process.env.MEDUSA_CORS ?? 'http://127.0.0.1',
      jwtSecret: 'sessionscope-medusa-jwt-secret',
      cookieSecret: 'sessionscope-medusa-cookie-secret',
    },
    cookieOptions: { secure: false },
  },
  admin: { backendUrl: '' },
});
