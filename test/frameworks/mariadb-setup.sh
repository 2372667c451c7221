# Sourced by the setup scripts of the recordings on MariaDB (cacti, icingaweb2, tt-rss, zabbix; scripts/record-framework-hars.ts
# runs each as its prepare step, the recording's directory as $1): makes a MariaDB data directory of its own
# (mariadb-install-db, as the recorder's `mariadb` helper) in "$work/db" and starts it on a socket only, without
# networking, for the script to load its schema through `sql`; `setup_db_stop` stops it once done. The recorder then
# runs the database on its port.
mariadb-install-db --no-defaults --datadir="$work/db" --auth-root-authentication-method=normal --skip-test-db \
  --user=root >"$work/mariadb-install.log" 2>&1
mariadbd --no-defaults --datadir="$work/db" --skip-networking --socket="$work/setup.sock" --user=root \
  --skip-log-bin --innodb-flush-log-at-trx-commit=0 >"$work/mariadb-setup.log" 2>&1 &
setup_db=$!
sql() { mariadb --no-defaults --socket="$work/setup.sock" -uroot "$@"; }
setup_db_stop() {
  kill $setup_db
  wait $setup_db || true
}
i=0
until sql -e 'SELECT 1' >/dev/null 2>&1; do
  i=$((i + 1))
  [ $i -lt 300 ] || { kill $setup_db; exit 1; }
  sleep 0.1
done
