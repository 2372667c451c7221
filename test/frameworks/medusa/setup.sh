#!/bin/bash
# Run once in the recording's directory (MEDUSA_WORK) before the servers start: Medusa's production build (backend
# and admin dashboard, `medusa build` into .medusa/server) where it is missing, a PostgreSQL cluster of the recording's
# own (Debian's postgresql 15, initdb as the user postgres, trust authentication), started while the database `medusa`
# is made, migrated (`medusa db:migrate`) and given the admin user alice@example.com (`medusa user`), then stopped.
# Medusa's migrations take no socket directory from DATABASE_URL: PostgreSQL listens on 127.0.0.1 meanwhile, on a port
# the kernel picks (the recording's own ports are not known here).
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
W=$MEDUSA_WORK
export MEDUSA_DISABLE_TELEMETRY=true NODE_ENV=production
MEDUSA=$HERE/node_modules/.bin/medusa
if [ ! -f "$HERE/.medusa/server/public/admin/index.html" ]; then
  (cd "$HERE" && "$MEDUSA" build >"$W/build.log" 2>&1)
fi
# The build's server directory runs on the project's packages (`medusa start` serves the admin from its public/admin).
[ -e "$HERE/.medusa/server/node_modules" ] || ln -s ../../node_modules "$HERE/.medusa/server/node_modules"
AS_POSTGRES=(setpriv --reuid=postgres --regid=postgres --clear-groups)
PG_BIN=/usr/lib/postgresql/15/bin
chown -R postgres:postgres "$W"
chmod 755 "$W"
HOME=$W "${AS_POSTGRES[@]}" $PG_BIN/initdb -D "$W/pg" -U postgres --auth=trust -E UTF8 >"$W/initdb.log"
PORT=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
HOME=$W "${AS_POSTGRES[@]}" $PG_BIN/pg_ctl -D "$W/pg" -l "$W/setup-pg.log" -w \
  -o "-c listen_addresses=127.0.0.1 -p $PORT -k $W" start >/dev/null
trap 'HOME=$W "${AS_POSTGRES[@]}" $PG_BIN/pg_ctl -D "$W/pg" -w stop >/dev/null' EXIT
HOME=$W "${AS_POSTGRES[@]}" $PG_BIN/createdb -h "$W" -p "$PORT" -U postgres medusa
export DATABASE_URL="postgres://postgres@127.0.0.1:$PORT/medusa"
cd "$HERE/.medusa/server"
"$MEDUSA" db:migrate >"$W/migrate.log" 2>&1
"$MEDUSA" user -e alice@example.com -p secret >"$W/user.log" 2>&1
