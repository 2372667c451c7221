#!/bin/sh
# Makes the recording's Icinga Web 2 database (scripts/record-framework-hars.ts, entry `icingaweb2`, runs this as its
# prepare step in the recording's directory, $1) as Icinga Web 2's manual setup shows (doc/20-Advanced-Topics.md,
# "Manual Database Setup"): a MariaDB data directory of its own (mariadb-install-db, as the recorder's `mariadb`
# helper), started here on a socket only, the database icingaweb2 and its account, Debian's mysql.schema.sql, and the
# user alice / secret in icingaweb_user with a hash from PHP's password_hash(), as the documentation makes it. The
# database stops when done; the recorder then runs it (its `mariadb` helper).
set -e
work=$1
mariadb-install-db --no-defaults --datadir="$work/db" --auth-root-authentication-method=normal --skip-test-db \
  --user=root >"$work/mariadb-install.log" 2>&1
mariadbd --no-defaults --datadir="$work/db" --skip-networking --socket="$work/setup.sock" --user=root \
  --skip-log-bin --innodb-flush-log-at-trx-commit=0 >"$work/mariadb-setup.log" 2>&1 &
db=$!
sql() { mariadb --no-defaults --socket="$work/setup.sock" -uroot "$@"; }
i=0
until sql -e 'SELECT 1' >/dev/null 2>&1; do
  i=$((i + 1))
  [ $i -lt 300 ] || { kill $db; exit 1; }
  sleep 0.1
done
sql -e "CREATE DATABASE icingaweb2;
  GRANT SELECT, INSERT, UPDATE, DELETE, DROP, CREATE VIEW, INDEX, EXECUTE ON icingaweb2.* TO 'icingaweb2'@'localhost'
    IDENTIFIED BY 'icingaweb2';"
sql icingaweb2 </usr/share/icingaweb2/schema/mysql.schema.sql
hash=$(php -r 'echo password_hash("secret", PASSWORD_DEFAULT);')
sql icingaweb2 -e "INSERT INTO icingaweb_user (name, active, password_hash) VALUES ('alice', 1, '$hash');"
kill $db
wait $db || true
