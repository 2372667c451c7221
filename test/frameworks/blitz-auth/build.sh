#!/bin/sh
# Builds the app: Blitz's codegen first (`blitz codegen`, what @blitzjs/next's postinstall script would run, which npm
# leaves out: it writes node_modules/.blitz, the routes manifest @blitzjs/next requires), then `next build` into dist/.
set -e
cd "$(dirname "$0")"
export NEXT_TELEMETRY_DISABLED=1 BLITZ_TELEMETRY_DISABLED=1
node node_modules/blitz/bin/blitz codegen
node node_modules/next/dist/bin/next build
