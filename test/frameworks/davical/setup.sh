#!/bin/sh
# DAViCal's database made by its own dba/create-database.sh (the admin password given), on the PostgreSQL of
# PGHOST/PGPORT as PGUSER (postgres, trust); then alice / secret added as DAViCal adds a user: a usr row with a
# plain (`**`) password, her principal, and the Admin role.
set -e
sh /usr/share/davical/dba/create-database.sh davical admin-secret >/dev/null
psql -qXAt -d davical >/dev/null <<'SQL'
INSERT INTO usr (active, email_ok, updated, username, password, fullname, email)
  VALUES (TRUE, current_date, current_date, 'alice', '**secret', 'Alice', 'alice@example.test');
INSERT INTO principal (type_id, user_no, displayname, default_privileges)
  SELECT 1, user_no, 'Alice', 0::BIT(24) FROM usr WHERE username = 'alice';
INSERT INTO role_member (user_no, role_no) SELECT user_no, 1 FROM usr WHERE username = 'alice';
SQL
