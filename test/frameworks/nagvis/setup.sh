#!/bin/sh
# NagVis 1.9 (Debian's nagvis) set up in the recording's own directory ($1): Debian's share/ copied to $1/share, with
# the paths Debian compiles in (/etc/nagvis, /var/cache/nagvis) pointed at $1/etc (a copy of /etc/nagvis, our
# nagvis.ini.php over Debian's) and $1/var; $1/htdocs/nagvis is share/, so that its pages are at /nagvis/ as NagVis's
# htmlbase says. Its SQLite user database etc/auth.db is made at the first request, with the user admin / admin.
set -eu
work=$1
here=$(dirname "$(readlink -f "$0")")
cp -a /usr/share/nagvis/share "$work/share"
rm "$work/share/docs"
ln -s /usr/share/nagvis/docs "$work/share/docs"
ln -s /usr/share/nagvis/docs "$work/docs"
# NagVis 1.9.34 sets error_reporting(E_ALL ^ E_STRICT) and throws on every error reported, PHP 8.2's deprecation of
# dynamic properties too (Debian's package fails so on bookworm's PHP 8.2): deprecations left out of that level.
sed -i -e "s|'/etc/nagvis/|'$work/etc/|" -e "s|'/var/cache/nagvis/|'$work/var/|" \
  -e "s|error_reporting(E_ALL ^ E_STRICT);|error_reporting(E_ALL \& ~E_STRICT \& ~E_DEPRECATED);|" \
  "$work/share/server/core/defines/global.php"
sed -i -e "s|'/etc/nagvis/|'$work/etc/|" -e "s|'/etc/nagvis'|'$work/etc'|" \
  "$work/share/server/core/classes/GlobalMainCfg.php"
cp -a /etc/nagvis "$work/etc"
sed "s|@WORK@|$work|g" "$here/nagvis.ini.php" > "$work/etc/nagvis.ini.php"
mkdir -p "$work/var/tmpl/cache" "$work/var/tmpl/compile" "$work/share/var" "$work/htdocs" "$work/sessions"
ln -s ../share "$work/htdocs/nagvis"
