#!/bin/sh
# Makes the recording's ZoneMinder database (scripts/record-framework-hars.ts, entry `zoneminder`, runs this as its
# prepare step in the recording's directory, $1): a MariaDB data directory of its own (mariadb-install-db, as the
# recorder's `mariadb` helper), started here on a socket only while Debian's schema is loaded as README.Debian's
# "Initializing database" says (zm_create.sql, which creates the database `zm` with its Config rows and the default
# user admin / admin, then the account zmuser / zmpass of Debian's zm.conf granted on zm.*); then what an administrator
# sets in Options: System, OPT_USE_AUTH on (AUTH_TYPE builtin, AUTH_RELAY hashed and the rest left at their
# defaults), the privacy notice of the first visit dismissed (SHOW_PRIVACY off) and the time zone set; and the account
# alice / secret, a copy of admin with a bcrypt hash (ZoneMinder 1.36 checks bcrypt with password_verify). The
# database stops when done; the recorder then runs it on its port.
set -e
work=$1
. "$(dirname "$0")/../mariadb-setup.sh"
sql </usr/share/zoneminder/db/zm_create.sql
sql <<'SQL'
CREATE USER 'zmuser'@'localhost' IDENTIFIED BY 'zmpass';
CREATE USER 'zmuser'@'127.0.0.1' IDENTIFIED BY 'zmpass';
GRANT LOCK TABLES, ALTER, CREATE, SELECT, INSERT, UPDATE, DELETE, INDEX, TRIGGER ON zm.* TO 'zmuser'@'localhost';
GRANT LOCK TABLES, ALTER, CREATE, SELECT, INSERT, UPDATE, DELETE, INDEX, TRIGGER ON zm.* TO 'zmuser'@'127.0.0.1';
USE zm;
UPDATE Config SET Value = '1' WHERE Name = 'ZM_OPT_USE_AUTH';
UPDATE Config SET Value = '0' WHERE Name = 'ZM_SHOW_PRIVACY';
UPDATE Config SET Value = 'UTC' WHERE Name = 'ZM_TIMEZONE';
CREATE TEMPORARY TABLE alice AS SELECT * FROM Users WHERE Username = 'admin';
UPDATE alice SET Id = 2, Username = 'alice', Password = '$2y$10$P14tHScqOvpdTWrEtFmLJOkOPjVBhwJjYJcI9hLo4J2z5McW.AX.u';
INSERT INTO Users SELECT * FROM alice;
SQL
setup_db_stop
