#!/bin/sh
# Run once in the recording's directory before the server starts: the database `tryton` (a SQLite file there) made by
# trytond-admin with every module Debian's tryton-server ships (ir, res, country, currency, party, company's kin are
# separate packages: the base ones), its admin's password from TRYTONPASSFILE; then alice added by add_user.py.
set -eu
HERE=$(cd "$(dirname "$0")" && pwd)
export TRYTOND_CONFIG="$HERE/trytond.conf" TRYTOND_DATABASE__PATH="$PWD"
touch tryton.sqlite
echo admin-secret >admin-password
TRYTONPASSFILE=admin-password /usr/bin/trytond-admin -d tryton --all --email admin@example.com >setup.log 2>&1
/usr/bin/python3 "$HERE/add_user.py" tryton >>setup.log 2>&1
