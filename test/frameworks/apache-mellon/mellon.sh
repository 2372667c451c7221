#!/bin/sh
# Starts Apache httpd with mod_auth_mellon (httpd.conf) for scripts/record-framework-hars.ts, entry
# `apache-mod-auth-mellon`, as mod_auth_mellon's README sets a service provider up: its key, certificate and metadata
# made by the package's mellon_create_metadata (entity ID <origin>/mellon/metadata, endpoints under /mellon), the
# identity provider's metadata downloaded from it (SimpleSAMLphp's /saml2/idp/metadata.php, on <idp port>). The
# certificate is copied where the identity provider looks for it (<work>/cert, made by ../saml/setup.sh).
# Usage: mellon.sh <work> <port> <idp port> <this directory>
set -e
work=$1 port=$2 idp=$3 app=$4
mkdir -p "$work/mellon"
cd "$work/mellon"
mellon_create_metadata "http://127.0.0.1:$port/mellon/metadata" "http://127.0.0.1:$port/mellon" >/dev/null
for f in *.key *.cert *.xml; do mv "$f" "sp.${f##*.}"; done
# httpd's children (www-data) load them on their first request.
chmod 644 sp.key sp.cert sp.xml
cp sp.cert "$work/cert/sp.cert"
i=0
until curl -fsS -o idp-metadata.xml "http://127.0.0.1:$idp/saml2/idp/metadata.php" 2>/dev/null; do
  i=$((i + 1))
  [ "$i" -lt 150 ] || exit 1
  sleep 0.2
done
export APACHE_PORT="$port" APACHE_WORK="$work" APACHE_APP="$app"
exec /usr/sbin/apache2 -DFOREGROUND -f "$app/httpd.conf"
