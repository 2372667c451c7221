#!/bin/sh
# trytond on 127.0.0.1:$TRYTON_PORT, serving sao and its JSON-RPC, the database in the recording's directory (cwd).
set -eu
HERE=$(cd "$(dirname "$0")" && pwd)
export TRYTOND_CONFIG="$HERE/trytond.conf" TRYTOND_DATABASE__PATH="$PWD" TRYTOND_WEB__LISTEN="127.0.0.1:$TRYTON_PORT"
exec /usr/bin/trytond 2>>trytond.log
