#!/bin/bash
# LedgerSMB 1.6 (Debian's package) under Starman as Debian's ledgersmb.service runs it: from /usr/share/ledgersmb,
# `starman --listen … -I lib -I old/lib bin/ledgersmb-server.psgi` as the user ledgersmb (LedgerSMB refuses to run as
# root), with our ledgersmb.conf; its PostgreSQL (made by setup.sh) on 127.0.0.1:PGPORT, which overrides the
# configuration's [database] host and port, as LSMB_PORT is Starman's.
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
export LSMB_CONFIG_FILE="$HERE/ledgersmb.conf"
export PGHOST=127.0.0.1
export PGPORT
cd /usr/share/ledgersmb
exec setpriv --reuid=ledgersmb --regid=ledgersmb --clear-groups starman --listen "127.0.0.1:$LSMB_PORT" -I lib \
  -I old/lib bin/ledgersmb-server.psgi
