#!/bin/sh
# The recorder's prepare step for `sqwebmail` (scripts/record-framework-hars.ts), in the recording's directory (the
# current one): alice's Maildir there (owned by www-data, whose uid and gid she gets), and alice / secret in Courier's
# userdb. courier-authlib reads its userdb and its authdaemonrc at paths built in (/etc/courier/userdb.dat,
# /etc/courier/authdaemonrc): both are written system-wide, authdaemond told to use the userdb module alone.
set -e
WORK=$(pwd)
chmod 755 "$WORK"
mkdir -p alice
maildirmake alice/Maildir
chown -R www-data:www-data alice
HASH=$(echo secret | userdbpw -md5)
printf 'alice\tuid=%s|gid=%s|home=%s/alice|mail=%s/alice/Maildir|systempw=%s\n' \
  "$(id -u www-data)" "$(id -g www-data)" "$WORK" "$WORK" "$HASH" > /etc/courier/userdb
chmod 600 /etc/courier/userdb
makeuserdb
sed -i 's/^authmodulelist=.*/authmodulelist="authuserdb"/' /etc/courier/authdaemonrc
