#!/bin/sh
# Medusa's production server (`medusa start`, the build's .medusa/server with the admin dashboard at /app) on
# 127.0.0.1:MEDUSA_PORT, on the recording's PostgreSQL (port PGPORT, made by setup.sh).
set -e
HERE=$(cd "$(dirname "$0")" && pwd)
export MEDUSA_DISABLE_TELEMETRY=true NODE_ENV=production
export DATABASE_URL="postgres://postgres@127.0.0.1:$PGPORT/medusa"
export MEDUSA_CORS="http://127.0.0.1:$MEDUSA_PORT"
cd "$HERE/.medusa/server"
exec "$HERE/node_modules/.bin/medusa" start -H 127.0.0.1 -p "$MEDUSA_PORT"
