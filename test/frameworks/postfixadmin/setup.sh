#!/bin/sh
# Makes the recording's PostfixAdmin database (scripts/record-framework-hars.ts, entry `postfixadmin`, runs this as its
# prepare step, the recording's directory as $1, where PostfixAdmin has been copied to pfa/): a MariaDB data directory
# of its own (mariadb-setup.sh), the database and its user as INSTALL.TXT's section 3 makes them, then setup.php's steps
# (schema, superadmin) through its own code. The database stops when done; the recorder then runs it on its port.
set -e
work=$1
. "$(dirname "$0")/../mariadb-setup.sh"
sql <<SQL
CREATE DATABASE postfixadmin;
CREATE USER 'postfixadmin'@'localhost' IDENTIFIED BY 'postfixadmin';
CREATE USER 'postfixadmin'@'127.0.0.1' IDENTIFIED BY 'postfixadmin';
GRANT ALL PRIVILEGES ON postfixadmin.* TO 'postfixadmin'@'localhost';
GRANT ALL PRIVILEGES ON postfixadmin.* TO 'postfixadmin'@'127.0.0.1';
SQL
(cd "$work/pfa/public" && PFA_DB_SOCKET="$work/setup.sock" php "$(dirname "$0")/setup.php") >"$work/pfa-setup.log" 2>&1 ||
  { cat "$work/pfa-setup.log" >&2; setup_db_stop; exit 1; }
setup_db_stop
