#!/bin/bash
# SOGo 5.8 (Debian's sogo) for the recorder: the database of its Installation Guide ("Database Configuration": the
# role and database sogo) on the recording's PostgreSQL (PGPORT), its users in an SQL table behind a view, as its
# "Authentication using SQL" section shows (md5 passwords); sogod in the foreground on SOGOD_PORT, as the sogo user,
# with Debian's /etc/sogo/sogo.conf (which sogod always reads) overridden by the arguments below (GNUstep's argument
# domain); Apache httpd (httpd.conf) in front of it on SOGO_PORT. Both stopped when this script is.
set -e
DIR=$(dirname "$0")
# PostgreSQL listens before it accepts connections: waited for.
for _ in $(seq 100); do pg_isready -q -h 127.0.0.1 && break; sleep 0.2; done
psql -q -h 127.0.0.1 -U postgres -c "CREATE ROLE sogo LOGIN PASSWORD 'sogo'" -c "CREATE DATABASE sogo OWNER sogo"
psql -q -h 127.0.0.1 -U sogo sogo <<'SQL'
CREATE TABLE sogo_users (c_uid varchar(255) PRIMARY KEY, c_name varchar(255), c_password varchar(255),
  c_cn varchar(255), mail varchar(255));
CREATE VIEW sogo_view AS SELECT c_uid, c_name, c_password, c_cn, mail FROM sogo_users;
INSERT INTO sogo_users VALUES ('alice', 'alice', md5('secret'), 'Alice', 'alice@example.com');
SQL
DB="postgresql://sogo:sogo@127.0.0.1:$PGPORT/sogo"
chmod 755 "$SOGO_WORK"
mkdir -p "$SOGO_WORK/sogod"
chown sogo:sogo "$SOGO_WORK/sogod"
setsid setpriv --reuid=sogo --regid=sogo --init-groups env HOME="$SOGO_WORK/sogod" /usr/sbin/sogod \
  -WONoDetach YES -WOPort "127.0.0.1:$SOGOD_PORT" -WOWorkersCount 3 -WOLogFile - -WOPidFile "$SOGO_WORK/sogod/sogo.pid" \
  -SOGoProfileURL "$DB/sogo_user_profile" \
  -OCSFolderInfoURL "$DB/sogo_folder_info" \
  -OCSSessionsFolderURL "$DB/sogo_sessions_folder" \
  -OCSEMailAlarmsFolderURL "$DB/sogo_alarms_folder" \
  -SOGoMemcachedHost "127.0.0.1:$MEMCACHED_PORT" \
  -SOGoLoginModule Calendar \
  -SOGoUserSources "({ type = sql; id = directory; viewURL = \"$DB/sogo_view\"; canAuthenticate = YES;
      isAddressBook = YES; userPasswordAlgorithm = md5; })" \
  > "$SOGO_WORK/sogo.log" 2>&1 &
SOGOD=$!
# httpd once sogod answers, so that the recorder, waiting for SOGO_PORT, starts when both do.
i=0
until (echo > "/dev/tcp/127.0.0.1/$SOGOD_PORT") 2>/dev/null || [ $i -ge 150 ]; do sleep 0.2; i=$((i + 1)); done
/usr/sbin/apache2 -DFOREGROUND -f "$DIR/httpd.conf" &
HTTPD=$!
# sogod in a process group of its own (setsid): its workers killed with it where they outlast its SIGTERM.
stop() {
  kill $HTTPD 2>/dev/null || true
  kill -- -$SOGOD 2>/dev/null || true
  for _ in $(seq 25); do kill -0 -- -$SOGOD 2>/dev/null || break; sleep 0.2; done
  kill -KILL -- -$SOGOD 2>/dev/null || true
  wait
}
trap 'stop; exit 0' TERM INT
# Either one exiting stops the other.
wait -n || true
stop
exit 1
