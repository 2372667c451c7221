#!/bin/sh
# The recorder's `sqwebmail` server, in the recording's directory (the current one, prepared by setup.sh): Courier's
# authdaemond (userdb) and SqWebMail's sqwebmaild, each in the foreground in a process group of its own (sqwebmaild
# forks a process per login), then Apache httpd (httpd.conf beside this script) on 127.0.0.1:$1 running the CGI. The
# CGI and sqwebmaild only know the sockets built into them (/run/courier/sqwebmail.sock,
# /run/courier/authdaemon/socket): these are system-wide, so one SqWebMail recording at a time. All stopped when this
# script is (SIGTERM).
WORK=$(pwd)
HERE=$(dirname "$(readlink -f "$0")")
mkdir -p /run/courier/authdaemon
rm -f /run/courier/authdaemon/socket /run/courier/sqwebmail.sock
wait_socket() {
  i=0
  until [ -S "$1" ] || [ $i -ge 100 ]; do sleep 0.1; i=$((i + 1)); done
}
setsid sh -c 'set -a; . /etc/courier/authdaemonrc; exec /usr/lib/courier/courier-authlib/authdaemond' \
  > "$WORK/authdaemond.log" 2>&1 &
AUTHD=$!
wait_socket /run/courier/authdaemon/socket
setsid sh -c 'set -a; . /etc/courier/sqwebmaild; exec /usr/lib/courier/courier/sqwebmaild' \
  > "$WORK/sqwebmaild.log" 2>&1 &
SQWD=$!
wait_socket /run/courier/sqwebmail.sock
APACHE_PORT=$1 APACHE_WORK=$WORK /usr/sbin/apache2 -DFOREGROUND -f "$HERE/httpd.conf" &
APACHE=$!
stop() {
  kill $APACHE 2>/dev/null
  kill -- -$SQWD -$AUTHD 2>/dev/null
  wait
  rm -f /run/courier/authdaemon/socket /run/courier/sqwebmail.sock
}
trap 'stop; exit 0' TERM INT
wait $APACHE
stop
exit 1
