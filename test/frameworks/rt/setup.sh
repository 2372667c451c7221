#!/bin/sh
# Creates Request Tracker's SQLite database in the recording's directory ($1) with RT's own rt-setup-database (root /
# password, RT's initial data), then alice / secret, a privileged user (adduser.pl), for scripts/record-framework-hars.ts.
set -e
app=$(dirname "$(readlink -f "$0")")
export RT_WORK="$1" RT_SITE_CONFIG="$app/RT_SiteConfig.pm" RT_SITE_CONFIG_DIR="$1/RT_SiteConfig.d"
mkdir -p "$1/RT_SiteConfig.d" "$1/mason_data" "$1/session_data"
/usr/sbin/rt-setup-database-5 --action init --skip-create > "$1/setup.log" 2>&1 ||
  /usr/sbin/rt-setup-database-5 --action init > "$1/setup.log" 2>&1
perl -I/usr/share/request-tracker5/lib "$app/adduser.pl"
