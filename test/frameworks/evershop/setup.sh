#!/bin/bash
# Run once in the recording's directory (EVERSHOP_WORK) before the servers start: a PostgreSQL cluster of the
# recording's own (Debian's postgresql 15, initdb as the user postgres, trust authentication), started on a port the
# kernel picks while the database `evershop` is made, migrated (migrate.mjs: EverShop's module migrations), given the
# admin user alice@example.com (`evershop user:create`) and, where the build is missing, used by `evershop build`
# (whose bootstrap reads the settings table), then stopped.
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
W=$EVERSHOP_WORK
export NODE_ENV=production SUPPRESS_NO_CONFIG_WARNING=1
AS_POSTGRES=(setpriv --reuid=postgres --regid=postgres --clear-groups)
PG_BIN=/usr/lib/postgresql/15/bin
chown -R postgres:postgres "$W"
chmod 755 "$W"
HOME=$W "${AS_POSTGRES[@]}" $PG_BIN/initdb -D "$W/pg" -U postgres --auth=trust -E UTF8 >"$W/initdb.log"
PORT=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
HOME=$W "${AS_POSTGRES[@]}" $PG_BIN/pg_ctl -D "$W/pg" -l "$W/setup-pg.log" -w \
  -o "-c listen_addresses=127.0.0.1 -p $PORT -k $W" start >/dev/null
trap 'HOME=$W "${AS_POSTGRES[@]}" $PG_BIN/pg_ctl -D "$W/pg" -w stop >/dev/null' EXIT
HOME=$W "${AS_POSTGRES[@]}" $PG_BIN/createdb -h "$W" -p "$PORT" -U postgres evershop
export DB_HOST=127.0.0.1 DB_PORT=$PORT DB_NAME=evershop DB_USER=postgres DB_PASSWORD= DB_SSLMODE=disable
cd "$HERE"
node migrate.mjs >"$W/migrate.log" 2>&1
./node_modules/.bin/evershop user:create --name Alice --email alice@example.com --password secret123 >"$W/user.log" 2>&1
# Its success message is logged at a level production leaves out: alice looked for in the table.
psql -h "$W" -p "$PORT" -U postgres -d evershop -tAc "SELECT email FROM admin_user" | grep -qx alice@example.com
if [ ! -d "$HERE/.evershop/build" ] || [ -z "$(ls "$HERE/.evershop/build")" ]; then
  ./node_modules/.bin/evershop build >"$W/build.log" 2>&1
fi
