#!/bin/bash
# Run once in the recording's directory (LSMB_WORK) before the servers start: a PostgreSQL cluster for LedgerSMB
# (Debian's postgresql 15, initdb as the user postgres: local connections trusted, TCP ones by password, the superuser
# postgres with the password postgres-secret), then the company database `acme` and its administrator alice (password
# secret, full permissions) made by setup.pl's own pages, posted by curl as a user of setup.pl does in the browser:
# its login with the database superuser's credentials (HTTP Basic), create_db, select_coa (us, General.sql),
# load_templates (demo), save_user. During the setup PostgreSQL listens on its socket alone and Starman (as start.sh
# runs it) on a socket in the directory: the recording's ports are not open yet.
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
W=$LSMB_WORK
AS_POSTGRES=(setpriv --reuid=postgres --regid=postgres --clear-groups)
PG_BIN=/usr/lib/postgresql/15/bin
echo postgres-secret >"$W/pgpass"
chown -R postgres:postgres "$W"
chmod 755 "$W"
HOME=$W "${AS_POSTGRES[@]}" $PG_BIN/initdb -D "$W/pg" -U postgres --auth-local=trust --auth-host=scram-sha-256 \
  --pwfile="$W/pgpass" -E UTF8 >"$W/initdb.log"
HOME=$W "${AS_POSTGRES[@]}" $PG_BIN/pg_ctl -D "$W/pg" -l "$W/setup-pg.log" -w \
  -o "-c listen_addresses= -k $W" start >/dev/null
STARMAN=
stop() {
  if [ -n "$STARMAN" ]; then kill "$STARMAN"; wait "$STARMAN" || true; fi
  HOME=$W "${AS_POSTGRES[@]}" $PG_BIN/pg_ctl -D "$W/pg" -w stop >/dev/null
}
trap stop EXIT
export LSMB_CONFIG_FILE="$HERE/ledgersmb.conf"
export PGHOST=$W
cd /usr/share/ledgersmb
mkdir "$W/starman"
chown ledgersmb:ledgersmb "$W/starman"
SOCKET=$W/starman/setup.sock
setpriv --reuid=ledgersmb --regid=ledgersmb --clear-groups starman --listen "$SOCKET" --workers 1 -I lib -I old/lib \
  bin/ledgersmb-server.psgi >"$W/setup-starman.log" 2>&1 &
STARMAN=$!
for _ in $(seq 1 150); do
  curl -s -o /dev/null --unix-socket "$SOCKET" http://localhost/setup.pl && break
  sleep 0.2
done
setup() {
  curl -sS -f --unix-socket "$SOCKET" -u postgres:postgres-secret -o "$W/setup-$1.html" http://localhost/setup.pl \
    --data-urlencode database=acme "${@:2}"
}
setup 1 --data-urlencode action=login
setup 2 --data-urlencode action=create_db
setup 3 --data-urlencode action=select_coa --data-urlencode coa_lc=us --data-urlencode chart=General.sql
setup 4 --data-urlencode action=load_templates --data-urlencode template_dir=demo
# The new user's form: its country list's United States.
COUNTRY=$(grep -o '<option[^>]*value="[0-9]*"[^>]*>United States<' "$W/setup-4.html" | grep -o 'value="[0-9]*"' \
  | grep -o '[0-9]*' | head -1)
setup 5 --data-urlencode action=save_user --data-urlencode username=alice --data-urlencode password=secret \
  --data-urlencode first_name=Alice --data-urlencode last_name=Example --data-urlencode employeenumber=1 \
  --data-urlencode salutation_id=1 --data-urlencode country_id="$COUNTRY" --data-urlencode perms=1
grep -q 'Database Operation Complete' "$W/setup-5.html"
