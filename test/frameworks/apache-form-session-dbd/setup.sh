#!/bin/sh
# The recording's directory ($1) for apache-form-session-dbd/httpd.conf: alice / secret in an htpasswd file, and the
# SQLite database of mod_session_dbd's sessions (the table its documentation's queries use) in db/, which the
# www-data user httpd's child runs as must write (SQLite writes its journal beside the database).
set -e
work=$1
chmod 755 "$work"
htpasswd -bc "$work/htpasswd" alice secret
mkdir -p "$work/db"
sqlite3 "$work/db/sessions.db" \
  'CREATE TABLE session (key VARCHAR(36) PRIMARY KEY, value TEXT NOT NULL, expiry BIGINT NOT NULL DEFAULT 0);'
chown -R www-data:www-data "$work/db"
