#!/bin/sh
# Makes the recording's Icinga Web 2 database (scripts/record-framework-hars.ts, entry `icingaweb2`, runs this as its
# prepare step in the recording's directory, $1) as Icinga Web 2's manual setup shows (doc/20-Advanced-Topics.md,
# "Manual Database Setup"): a MariaDB data directory of its own (mariadb-install-db, as the recorder's `mariadb`
# helper), started here on a socket only, the database icingaweb2 and its account, Debian's mysql.schema.sql, and the
# user alice / secret in icingaweb_user with a hash from PHP's password_hash(), as the documentation makes it. The
# database stops when done; the recorder then runs it (its `mariadb` helper).
set -e
work=$1
. "$(dirname "$0")/../mariadb-setup.sh"
sql -e "CREATE DATABASE icingaweb2;
  GRANT SELECT, INSERT, UPDATE, DELETE, DROP, CREATE VIEW, INDEX, EXECUTE ON icingaweb2.* TO 'icingaweb2'@'localhost'
    IDENTIFIED BY 'icingaweb2';"
sql icingaweb2 </usr/share/icingaweb2/schema/mysql.schema.sql
hash=$(php -r 'echo password_hash("secret", PASSWORD_DEFAULT);')
sql icingaweb2 -e "INSERT INTO icingaweb_user (name, active, password_hash) VALUES ('alice', 1, '$hash');"
setup_db_stop
