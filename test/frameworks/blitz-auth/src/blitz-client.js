// Blitz in the browser: its auth plugin (the same cookie prefix, for the anti-CSRF cookie it reads) and RPC's.

import { AuthClientPlugin } from '@blitzjs/auth';
import { setupBlitzClient } from '@blitzjs/next';
import { BlitzRpcPlugin } from '@blitzjs/rpc';

export const { withBlitz } = setupBlitzClient({
  plugins: [AuthClientPlugin({ cookiePrefix: 'blitzauth' }), BlitzRpcPlugin({})],
});
