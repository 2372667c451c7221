#!/bin/sh
# `keystone-manage bootstrap` (alice / secret, an admin of the project admin, the identity endpoint on
# $KEYSTONE_PORT), then Keystone's public API served on loopback by keystone-wsgi-public (its wsgiref server).
set -e
export OS_KEYSTONE_CONFIG_FILES="$KEYSTONE_WORK/keystone/keystone.conf"
keystone-manage --config-file "$OS_KEYSTONE_CONFIG_FILES" bootstrap \
  --bootstrap-username alice --bootstrap-password secret \
  --bootstrap-project-name admin --bootstrap-role-name admin \
  --bootstrap-service-name keystone --bootstrap-region-id RegionOne \
  --bootstrap-admin-url "http://127.0.0.1:$KEYSTONE_PORT/v3/" \
  --bootstrap-internal-url "http://127.0.0.1:$KEYSTONE_PORT/v3/" \
  --bootstrap-public-url "http://127.0.0.1:$KEYSTONE_PORT/v3/"
exec keystone-wsgi-public --host 127.0.0.1 --port "$KEYSTONE_PORT"
