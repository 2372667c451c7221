#!/bin/sh
# Makes the recording's Tiny Tiny RSS database (scripts/record-framework-hars.ts, entry `tt-rss`, runs this as its
# prepare step in the recording's directory, $1): a MariaDB data directory of its own (mariadb-install-db, as the
# recorder's `mariadb` helper), started here on a socket only while the schema Debian ships
# (/usr/share/tt-rss/schema/ttrss_schema_mysql.sql, which dbconfig-common would load) goes into a database `ttrss`;
# then the account alice / secret beside the schema's admin (password `password`, left as it is): a plain user
# (access level 0) with tt-rss's own salted hash ("MODE2:" sha256 of salt and password, as auth_internal stores it).
# The directories tt-rss writes (lock, cache with its images, upload, export, feeds) are made in the recording's
# directory, owned by www-data: tt-rss refuses to run as root, so the recorder serves it as www-data. The database
# stops when done; the recorder then runs it on its port.
set -e
work=$1
mkdir -p "$work/lock" "$work/cache/images" "$work/cache/upload" "$work/cache/export" "$work/cache/feeds"
chmod 755 "$work"
chown -R www-data:www-data "$work/lock" "$work/cache"
[ ! -d "$work/www/feed-icons" ] || chown -R www-data:www-data "$work/www/feed-icons"
. "$(dirname "$0")/../mariadb-setup.sh"
sql -e 'CREATE DATABASE ttrss'
sql ttrss </usr/share/tt-rss/schema/ttrss_schema_mysql.sql
sql ttrss <<'SQL'
INSERT INTO ttrss_users (login, pwd_hash, salt, access_level, full_name, created)
  VALUES ('alice', 'MODE2:f63c632961c97ead3e02cee6cbef91806354e432a620512c6817e3bbc7cf392a',
    'sessionscope-recording-salt-0123456789', 0, 'Alice', NOW());
SQL
setup_db_stop
