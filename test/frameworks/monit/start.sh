#!/bin/sh
# Monit 5.33 (Debian's monit) of the recording's own, in the current directory (the recording's): its monitrc (mode
# 0600, as monit demands) with its id, state, pid and log files beside it, one trivial check (the system), and its
# web interface on 127.0.0.1:$MONIT_PORT for alice / secret (HTTP Basic authentication); run in the foreground (-I).
set -e
cat > monitrc <<RC
set daemon 30
set idfile $PWD/monit.id
set statefile $PWD/monit.state
set pidfile $PWD/monit.pid
set logfile $PWD/monit.log
set eventqueue basedir $PWD/events slots 10
set httpd port $MONIT_PORT and
    use address 127.0.0.1
    allow alice:"secret"
check system localhost
RC
chmod 0600 monitrc
exec monit -I -c monitrc
