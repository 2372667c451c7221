#!/bin/sh
# The recorder's `nagios4` server, in the recording's directory (the current one, prepared by setup.sh): the Nagios 4
# daemon on etc/nagios.cfg (it drops to the nagios user; its status.dat is what the CGIs show), and Apache httpd
# (httpd.conf beside this script) on 127.0.0.1:$1 in the foreground; both stopped when this script is (SIGTERM).
WORK=$(pwd)
HERE=$(dirname "$(readlink -f "$0")")
/usr/sbin/nagios4 etc/nagios.cfg &
NAGIOS=$!
APACHE_PORT=$1 APACHE_WORK=$WORK /usr/sbin/apache2 -X -f "$HERE/httpd.conf" &
APACHE=$!
trap 'kill $APACHE $NAGIOS; wait $APACHE $NAGIOS; exit 0' TERM INT
wait $APACHE
kill $NAGIOS
