#!/bin/sh
# The prepare step of the `verdaccio` recording, run in the recording's directory: our config.yaml copied there, and
# alice's password (`secret`, bcrypt) written to its htpasswd file by Apache's htpasswd (Debian's apache2-utils).
set -e
cp "$(dirname "$0")/config.yaml" config.yaml
mkdir -p storage
htpasswd -B -b -c htpasswd alice secret
