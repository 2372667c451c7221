#!/bin/sh
# A cupsd of the recording's own (Debian's cups-daemon and cups, its CGIs), in the foreground, in the current
# directory (the recording's): etc/cups-files.conf puts its ServerRoot, RequestRoot, CacheDir, StateDir, TempDir,
# printcap and logs there; etc/cupsd.conf (in the ServerRoot, where the admin page reads it) listens on
# 127.0.0.1:$1 alone (no domain socket: the system's is left alone), no browsing or sharing, the web interface on,
# and /admin asking for HTTP Basic authentication of the local user alice (checked by PAM, /etc/pam.d/cups: the
# system user alice with the password secret must exist, see the recorder's header).
set -e
PORT=$1
WORK=$(pwd)
mkdir -p etc spool cache state tmp log
cp /etc/cups/mime.types /etc/cups/mime.convs etc/ 2>/dev/null || true
cat > etc/cups-files.conf <<CONF
ServerRoot $WORK/etc
RequestRoot $WORK/spool
CacheDir $WORK/cache
StateDir $WORK/state
TempDir $WORK/tmp
AccessLog $WORK/log/access_log
ErrorLog $WORK/log/error_log
PageLog $WORK/log/page_log
Printcap $WORK/printcap
SystemGroup root
User lp
Group lp
CONF
cat > etc/cupsd.conf <<CONF
LogLevel info
Listen 127.0.0.1:$PORT
ServerName 127.0.0.1
Browsing No
BrowseLocalProtocols none
DefaultShared No
WebInterface Yes
DefaultAuthType Basic
<Location />
  Order allow,deny
  Allow from 127.0.0.1
</Location>
<Location /admin>
  AuthType Basic
  Require user alice
  Order allow,deny
  Allow from 127.0.0.1
</Location>
CONF
exec /usr/sbin/cupsd -f -c "$WORK/etc/cupsd.conf" -s "$WORK/etc/cups-files.conf"
