// EverShop's module migrations (what `evershop install` runs after making its admin_user table, and `evershop start`
// before listening) on the database of DB_HOST, DB_PORT, DB_NAME, DB_USER: the tables the build's settings and
// `evershop user:create` need. Run from this directory (EverShop takes the working directory for its root).

import { migrate } from './node_modules/@evershop/evershop/dist/bin/lib/bootstrap/migrate.js';
import { getCoreModules } from './node_modules/@evershop/evershop/dist/bin/lib/loadModules.js';

await migrate(getCoreModules());
// migrate() keeps a client of the pool checked out: the pool never ends by itself.
process.exit(0);
