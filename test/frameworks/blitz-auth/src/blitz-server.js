// Blitz on the server: its auth plugin (cookie prefix `blitzauth`, simpleRolesIsAuthorized) on our memory storage.
import { AuthServerPlugin, simpleRolesIsAuthorized } from '@blitzjs/auth';
import { setupBlitzServer } from '@blitzjs/next';
import { memoryStorage } from './session-store';

export const { gSSP, api } = setupBlitzServer({
  plugins: [
    AuthServerPlugin({
      cookiePrefix: 'blitzauth',
      storage: memoryStorage,
      isAuthorized: simpleRolesIsAuthorized,
    }),
  ],
});
