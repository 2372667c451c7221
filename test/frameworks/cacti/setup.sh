#!/bin/sh
# Makes the recording's Cacti database (scripts/record-framework-hars.ts, entry `cacti`, runs this as its prepare step
# in the recording's directory, $1): a MariaDB data directory of its own (mariadb-install-db, as the recorder's
# `mariadb` helper), started here on a socket only while Debian's skeleton is loaded as README.Debian's "Manual
# installation" says (`cacti.sql` into a database `cacti`), then what Debian's postinst does after dbconfig-common's
# install so that no installer questions come up (the version number filled in, rrdtool's version in the settings;
# its templates are not loaded: the login needs none); then the account alice / secret, a copy of Debian's admin
# (its realms too) with a bcrypt hash (Cacti's own password_hash; admin keeps its upstream password, which must be
# changed at its first login). The database stops when done; the recorder then runs it on its port.
set -e
work=$1
. "$(dirname "$0")/../mariadb-setup.sh"
sql -e 'CREATE DATABASE cacti'
sql cacti </usr/share/doc/cacti/cacti.sql
version=$(dpkg-query -f '${Version}' -W cacti | sed -e 's/+ds[0-9]-.*//' -e 's/~beta[0-9]*//')
rrd=$(dpkg-query -f '${Version}' -W rrdtool 2>/dev/null || echo 1.7.2)
sql cacti <<SQL
UPDATE version SET cacti='$version';
INSERT INTO settings SET name='rrdtool_version', value='rrd-${rrd%%[0-9]-*}x';
CREATE TEMPORARY TABLE alice AS SELECT * FROM user_auth WHERE id = 1;
UPDATE alice SET id = 4, username = 'alice', full_name = 'Alice', must_change_password = '',
  password = '\$2y\$10\$P14tHScqOvpdTWrEtFmLJOkOPjVBhwJjYJcI9hLo4J2z5McW.AX.u';
INSERT INTO user_auth SELECT * FROM alice;
INSERT INTO user_auth_realm (realm_id, user_id) SELECT realm_id, 4 FROM user_auth_realm WHERE user_id = 1;
SQL
setup_db_stop
