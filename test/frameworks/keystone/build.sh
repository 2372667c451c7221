#!/bin/sh
# Builds the Keystone project (keystone.js, schema.js) in dist/, which git and Biome leave out: `keystone build` writes
# its schemas, the Prisma client and the Admin UI (a Next.js build) beside its configuration; setup-db.mjs makes the SQLite
# database at DATABASE_URL. Prisma's schema engine is a binary Prisma downloads (not from npm), so
# PRISMA_SCHEMA_ENGINE_BINARY points at none: the build needs only its Wasm formatter and generator.
# tsconfig.json beside this file is the project's own (a Keystone project has one): without it the Admin UI's Next.js
# build takes the repository's, which compiles JSX for Preact.
set -e
cd "$(dirname "$0")"
rm -rf dist
mkdir dist
cp keystone.js schema.js dist/
node setup-db.mjs
cd dist
FONTS='https://fonts.googleapis.com/css2?family=Inter:wght@400;500;600;700&display=swap'
export KEYSTONE_TELEMETRY_DISABLED=1 NEXT_TELEMETRY_DISABLED=1 PRISMA_HIDE_UPDATE_MESSAGE=1 PRISMA_SCHEMA_ENGINE_BINARY=/bin/false
node ../node_modules/@keystone-6/core/bin/cli.js build
# Keystone's Admin UI links Google Fonts' Inter stylesheet (a <link> in its provider, core/src/admin-ui/context.tsx):
# the recording must stay on loopback, so the built Admin UI links nothing there (its text falls back to the system
# font). Nothing else is changed.
grep -rlF --include='*.js' "$FONTS" .keystone/admin/.next | xargs -r sed -i "s|\"$FONTS\"|void 0|g"
! grep -rqF --include='*.js' fonts.googleapis.com .keystone/admin/.next
