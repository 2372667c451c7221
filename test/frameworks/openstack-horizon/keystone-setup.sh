#!/bin/sh
# Keystone's configuration, SQLite database and keys in the recording's directory ($KEYSTONE_WORK), made as its
# install guide shows: `keystone-manage db_sync`, `fernet_setup`, `credential_setup` (bootstrap: keystone.sh).
set -e
mkdir -p "$KEYSTONE_WORK/keystone/fernet-keys" "$KEYSTONE_WORK/keystone/credential-keys"
cat > "$KEYSTONE_WORK/keystone/keystone.conf" <<CONF
[DEFAULT]
log_file = $KEYSTONE_WORK/keystone/keystone.log
[database]
connection = sqlite:///$KEYSTONE_WORK/keystone/keystone.db
[token]
provider = fernet
[fernet_tokens]
key_repository = $KEYSTONE_WORK/keystone/fernet-keys
[credential]
key_repository = $KEYSTONE_WORK/keystone/credential-keys
CONF
conf="--config-file $KEYSTONE_WORK/keystone/keystone.conf"
keystone-manage $conf db_sync
keystone-manage $conf fernet_setup --keystone-user root --keystone-group root
keystone-manage $conf credential_setup --keystone-user root --keystone-group root
