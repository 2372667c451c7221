// Keystone 6 as its `auth` example sets it up (examples/auth/keystone.ts, here in plain JavaScript): @keystone-6/auth's
// createAuth over a User list, the documented statelessSessions (the session sealed by @hapi/iron into the
// `keystonejs-session` cookie) with the example's options, SQLite through Prisma's better-sqlite3 adapter
// (DATABASE_URL: the recording's own file). Its Admin UI's own sign-in page; alice@example.test created at the first
// connection, as the example creates its first user. Built and started in the recording's directory (see the recorder).
import { createAuth } from '@keystone-6/auth';
import { config } from '@keystone-6/core';
import { statelessSessions } from '@keystone-6/core/session';
import { PrismaBetterSqlite3 } from '@prisma/adapter-better-sqlite3';
import { lists } from './schema';

const { withAuth } = createAuth({
  listKey: 'User',
  identityField: 'email',
  secretField: 'password',
});

export default withAuth(
  config({
    db: {
      provider: 'sqlite',
      prismaClientOptions: () => ({
        adapter: new PrismaBetterSqlite3({ url: process.env.DATABASE_URL ?? 'file:./keystone.db' }),
      }),
      async onConnect(context) {
        const sudo = context.sudo();
        if ((await sudo.db.User.count()) !== 0) return;
        await sudo.db.User.createOne({
          data: { name: 'alice', email: 'alice@example.test', password: 'secret-secret' },
        });
      },
    },
    lists,
    // The example's: one hour, its development secret.
    session: statelessSessions({ maxAge: 60 * 60, secret: '-- DEV COOKIE SECRET; CHANGE ME --' }),
  }),
);
