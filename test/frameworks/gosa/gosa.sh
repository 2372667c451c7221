#!/bin/sh
# Serves Debian's GOsa² for scripts/record-framework-hars.ts (entry `gosa`) in the recording's directory ($1) on port
# $2, against the recording's slapd (gosa/slapd.sh) on port $3: writes gosa.conf from the template Debian ships
# (/usr/share/doc/gosa/gosa.conf, which GOsa's setup wizard fills in) with what the wizard would put in it (location
# `default`, base dc=example,dc=test, the slapd's URI, its rootdn cn=admin / admin-secret, RFC 2307bis off), and its
# Smarty compile directory (`templateCompileDirectory`, /var/spool/gosa by default) in the recording's directory;
# then runs Apache httpd in the foreground (httpd.conf) as www-data, which reads the configuration and writes the
# compiled templates and PHP's session files.
set -e
app=$(dirname "$(readlink -f "$0")")
work=$1 port=$2 ldap=$3
chmod 755 "$work"
mkdir -p "$work/etc" "$work/htdocs" "$work/spool" "$work/sessions"
chown www-data:www-data "$work/spool" "$work/sessions"
sed -e 's/{literal}//; s/{\/literal}//' \
  -e '/{if $cv.rfc2307bis}/,/{\/if}/{/{if\|rfc2307bis="true"\|{else}\|{\/if}/d}' \
  -e 's/{$config_checksum}//' \
  -e "s/{\$cv.instanceUUID}/$(cat /proc/sys/kernel/random/uuid)/" \
  -e 's/{$cv.location}/default/g' \
  -e 's/{$cv.base}/dc=example,dc=test/g' \
  -e "s|{\$cv.connection}|ldap://127.0.0.1:$ldap|" \
  -e 's/{$cv.admin}/cn=admin,dc=example,dc=test/' \
  -e 's/{$cv.password}/admin-secret/' \
  -e "s|forceGlobals=\"true\"|forceGlobals=\"true\"\n        templateCompileDirectory=\"$work/spool\"|" \
  /usr/share/doc/gosa/gosa.conf > "$work/etc/gosa.conf"
export APACHE_PORT="$port" APACHE_WORK="$work"
exec /usr/sbin/apache2 -X -f "$app/httpd.conf"
