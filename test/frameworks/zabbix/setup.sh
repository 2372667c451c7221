#!/bin/sh
# Makes the recording's Zabbix database (scripts/record-framework-hars.ts, entry `zabbix`, runs this as its prepare
# step in the recording's directory, $1): a MariaDB data directory of its own (mariadb-install-db, as the recorder's
# `mariadb` helper), started here on a socket only, without networking, while Debian's schema is loaded the way
# Zabbix's installation guide says (a `zabbix` database in utf8mb4 / utf8mb4_bin, then schema.sql, images.sql and
# data.sql, which Debian ships gzipped in zabbix-server-mysql's /usr/share/zabbix-server-mysql/); then the account
# alice / secret is added beside Debian's Admin (whose password, `zabbix`, is left as it is): a super admin (role 3,
# "Super admin role") in the group "Zabbix administrators" (7), as Admin is, with a bcrypt hash as Zabbix 6.0
# stores. The database stops when done; the recorder then runs it on its port (its `mariadb` helper).
set -e
work=$1
. "$(dirname "$0")/../mariadb-setup.sh"
sql -e 'CREATE DATABASE zabbix CHARACTER SET utf8mb4 COLLATE utf8mb4_bin'
for part in schema images data; do
  zcat "/usr/share/zabbix-server-mysql/$part.sql.gz" | sql zabbix
done
sql zabbix <<'SQL'
INSERT INTO users (userid, username, name, surname, passwd, url, autologin, autologout, refresh, rows_per_page, roleid)
  VALUES (3, 'alice', 'Alice', '', '$2y$10$P14tHScqOvpdTWrEtFmLJOkOPjVBhwJjYJcI9hLo4J2z5McW.AX.u', '', 0, '0', '30s',
    50, 3);
INSERT INTO users_groups (id, usrgrpid, userid) VALUES (5, 7, 3);
SQL
setup_db_stop
