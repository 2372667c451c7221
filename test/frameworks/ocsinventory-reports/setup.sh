#!/bin/sh
# Makes the recording's OCS Inventory NG database (scripts/record-framework-hars.ts, entry `ocsinventory-reports`,
# runs this as its prepare step in the recording's directory, $1): a MariaDB data directory of its own
# (../mariadb-setup.sh), started on a socket only while the schema is loaded as ocsreports' own install.php and
# update.php load it: the database `ocsweb` (utf8, utf8_bin) with files/ocsbase_new.sql (GUI_VERSION 7039, the
# default operator admin / admin), the account ocs / ocs granted on it, then each files/update/<version>.sql up to the
# console's GUI_VER (7069), statement by statement with errors passed over (update.php does not stop on one either),
# GUI_VERSION set to each in turn. Then the check for a newer release at check-version.ocsinventory-ng.org turned
# off (WARN_UPDATE 0: the recording has no network). The database stops when done; the recorder then runs it on
# its port.
set -e
work=$1
app=/usr/share/ocsinventory-reports
. "$(dirname "$0")/../mariadb-setup.sh"
sql <<'SQL'
CREATE DATABASE ocsweb CHARACTER SET utf8 COLLATE utf8_bin;
CREATE USER 'ocs'@'localhost' IDENTIFIED BY 'ocs';
CREATE USER 'ocs'@'127.0.0.1' IDENTIFIED BY 'ocs';
GRANT ALL PRIVILEGES ON ocsweb.* TO 'ocs'@'localhost';
GRANT ALL PRIVILEGES ON ocsweb.* TO 'ocs'@'127.0.0.1';
SQL
sql --init-command="SET sql_mode='NO_ENGINE_SUBSTITUTION'" ocsweb <"$app/files/ocsbase_new.sql"
gui_ver=$(sed -n "s/^define('GUI_VER', '\([0-9]*\)');/\1/p" "$app/var.php")
v=$(sql -N ocsweb -e "SELECT tvalue FROM config WHERE name = 'GUI_VERSION'")
while [ "$v" -lt "$gui_ver" ]; do
  v=$((v + 1))
  sql --force --init-command="SET sql_mode='NO_ENGINE_SUBSTITUTION'" ocsweb <"$app/files/update/$v.sql" \
    >>"$work/ocs-update.log" 2>&1 || true
  sql ocsweb -e "UPDATE config SET tvalue = '$v' WHERE name = 'GUI_VERSION'"
done
sql ocsweb -e "UPDATE config SET ivalue = 0 WHERE name = 'WARN_UPDATE'"
setup_db_stop
