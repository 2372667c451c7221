#!/bin/bash
# Starts the Shibboleth SP 3.4 for scripts/record-framework-hars.ts, entry `shibboleth-sp-simplesamlphp`: its key and
# certificate (openssl, at recording time: nothing secret is committed), the identity provider's metadata downloaded
# from SimpleSAMLphp (/saml2/idp/metadata.php on <idp port>), shibboleth2.xml and its loggers filled in, in
# <work>/shib; our own shibd in the foreground (its socket there), then Apache httpd with mod_shib (httpd.conf) on
# <port>. Both stopped when this script is. Usage: start.sh <work> <port> <idp port> <this directory>
set -e
work=$1 port=$2 idp=$3 app=$4
chmod 755 "$work"
mkdir -p "$work/shib"
cd "$work/shib"
openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj /CN=127.0.0.1 \
  -keyout sp-key.pem -out sp-cert.pem 2>/dev/null
# The IdP checks the SP's signatures, if any, with it (its certdir, made by ../saml/setup.sh).
cp sp-cert.pem "$work/cert/shib-sp.crt"
sed -e "s|@WORK@|$work|g" -e "s|@PORT@|$port|g" -e "s|@IDP_PORT@|$idp|g" -e "s|@APP@|$app|g" \
  "$app/shibboleth2.xml" > shibboleth2.xml
# shibd's log and mod_shib's (written by httpd's children, www-data) in the recording's directory.
for name in shibd native; do
  printf '%s\n' "log4j.rootCategory=INFO, file" \
    "log4j.appender.file=org.apache.log4j.FileAppender" \
    "log4j.appender.file.fileName=$work/shib/$name.log" \
    "log4j.appender.file.layout=org.apache.log4j.PatternLayout" \
    "log4j.appender.file.layout.ConversionPattern=%d{%Y-%m-%d %H:%M:%S} %p %c %x: %m%n" > "$name.logger"
done
touch native.log
chown www-data native.log
chmod 644 sp-key.pem
i=0
until curl -fsS -o idp-metadata.xml "http://127.0.0.1:$idp/saml2/idp/metadata.php" 2>/dev/null; do
  i=$((i + 1))
  [ "$i" -lt 150 ] || exit 1
  sleep 0.2
done
/usr/sbin/shibd -F -f -c "$work/shib/shibboleth2.xml" -p "$work/shib/shibd.pid" > shibd.out 2>&1 &
SHIBD=$!
# httpd once shibd's socket is there, so that the recorder, waiting for <port>, starts when both are up.
i=0
until [ -S shibd.sock ] || [ $i -ge 150 ]; do sleep 0.2; i=$((i + 1)); done
export APACHE_PORT="$port" APACHE_WORK="$work" APACHE_APP="$app"
/usr/sbin/apache2 -DFOREGROUND -f "$app/httpd.conf" &
HTTPD=$!
stop() {
  kill $HTTPD $SHIBD 2>/dev/null || true
  wait
}
trap 'stop; exit 0' TERM INT
# Either one exiting stops the other.
wait -n || true
stop
exit 1
