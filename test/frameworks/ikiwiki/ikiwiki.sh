#!/bin/sh
# Builds our wiki in the recording's directory ($1) for port $2 (ikiwiki.setup.in), registers alice, then runs
# Apache httpd in the foreground on it (httpd.conf) for scripts/record-framework-hars.ts.
set -e
app=$(dirname "$(readlink -f "$0")")
work=$1
port=$2
chmod 755 "$work"
mkdir -p "$work/src"
printf 'Welcome to the wiki.\n' > "$work/src/index.mdwn"
sed -e "s|@WORK@|$work|g" -e "s|@PORT@|$port|g" "$app/ikiwiki.setup.in" > "$work/ikiwiki.setup"
ikiwiki --setup "$work/ikiwiki.setup" > "$work/build.log" 2>&1
perl "$app/adduser.pl" "$work/ikiwiki.setup"
export APACHE_PORT="$port" APACHE_WORK="$work"
exec /usr/sbin/apache2 -X -f "$app/httpd.conf"
