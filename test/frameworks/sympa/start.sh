#!/bin/sh
# Usage: start.sh <work> <port>: Sympa set up in <work> (setup.sh, once), then Apache httpd with WWSympa under
# mod_fcgid (httpd.conf) in the foreground on <port>.
set -eu
dir=$(dirname "$(readlink -f "$0")")
[ -f "$1/sympa.sqlite" ] || sh "$dir/setup.sh" "$1" "$2"
export SYMPA_WORK="$1" SYMPA_PORT="$2"
# A process group of its own (setsid, same process): Apache httpd stopping signals its whole group, which would be the
# recorder's otherwise.
exec setsid /usr/sbin/apache2 -D FOREGROUND -f "$dir/httpd.conf"
