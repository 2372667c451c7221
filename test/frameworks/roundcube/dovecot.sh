#!/bin/sh
# The recording's IMAP server for Roundcube: Debian's Dovecot with a configuration of its own in the recording's
# directory ($1), on loopback port $2, one account alice / secret in a passwd-file (its mail kept as nobody), plain
# logins (no TLS on loopback).
set -e
work=$1
mkdir -p "$work/dovecot" "$work/mail"
# Its login and internal processes run as dovenull and dovecot: they go through the directory to their sockets.
chmod 755 "$work"
chmod 1777 "$work/mail"
echo 'alice:{PLAIN}secret' > "$work/dovecot/passwd"
cat > "$work/dovecot/dovecot.conf" <<CONF
base_dir = $work/dovecot/run
state_dir = $work/dovecot/state
log_path = $work/dovecot/dovecot.log
protocols = imap
listen = 127.0.0.1
ssl = no
disable_plaintext_auth = no
auth_mechanisms = plain login
mail_location = maildir:$work/mail/%u
default_login_user = dovenull
default_internal_user = dovecot
service imap-login {
  inet_listener imap {
    address = 127.0.0.1
    port = $2
  }
  inet_listener imaps {
    port = 0
  }
}
service anvil {
  chroot =
}
service imap-login {
  chroot =
}
passdb {
  driver = passwd-file
  args = scheme=PLAIN $work/dovecot/passwd
}
userdb {
  driver = static
  args = uid=nobody gid=nogroup home=$work/mail/%u
}
CONF
exec dovecot -F -c "$work/dovecot/dovecot.conf"
