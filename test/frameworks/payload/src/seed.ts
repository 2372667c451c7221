// Run by setup.mjs (`payload run src/seed.ts`, not in production: the SQLite adapter pushes its schema to the new
// database file first): Payload's local API creates the first admin user, as /admin/create-first-user would.
import config from '@payload-config';
import { getPayload } from 'payload';

const payload = await getPayload({ config });
await payload.create({
  collection: 'users',
  data: { email: 'alice@example.com', password: process.env.ALICE_PASSWORD || 'secret' },
});
payload.logger.info('alice@example.com created');
process.exit(0);
