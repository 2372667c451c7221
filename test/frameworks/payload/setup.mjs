// Payload CMS for Sessionscope's recordings, the recorder's prepare step: `node setup.mjs <work>` builds the app once
// (`next build`, where .next/BUILD_ID is missing: a few minutes), then makes the SQLite database <work>/payload.db and
// alice@example.com in it (src/seed.ts under `payload run`, not in production: the SQLite adapter pushes its schema to
// the new file first). The recorder serves it with `next start` and the same PAYLOAD_SECRET and DATABASE_URI.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

const DIR = import.meta.dirname;
const work = process.argv[2];
const env = {
  ...process.env,
  NODE_OPTIONS: '--no-deprecation',
  NEXT_TELEMETRY_DISABLED: '1',
  PAYLOAD_TELEMETRY: 'false',
  PAYLOAD_SECRET: 'sessionscope-payload-secret',
  DATABASE_URI: `file:${join(work, 'payload.db')}`,
};
const bin = (name) => join(DIR, 'node_modules', '.bin', name);

if (!existsSync(join(DIR, '.next', 'BUILD_ID'))) {
  execFileSync(bin('next'), ['build'], { cwd: DIR, env: { ...env, NODE_ENV: 'production' }, stdio: 'inherit' });
}
const { NODE_ENV: _production, ...dev } = env;
execFileSync(bin('payload'), ['run', 'src/seed.ts'], { cwd: DIR, env: dev, stdio: 'inherit' });
