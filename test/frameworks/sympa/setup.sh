#!/bin/sh
# Usage: setup.sh <work> <port>, then Apache httpd started (start.sh does both).
# Sympa 6.2 (Debian's sympa) in the recording's directory (<work>): a sympa.conf of its
# own (read through SYMPA_CONFIG, which Sympa's Conf.pm honours) with every directory Debian puts under /etc/sympa,
# /var/lib/sympa and /var/spool/sympa moved here, on SQLite (as Debian's dbconfig-sqlite3 choice sets it up); the
# tables made by `sympa check` (what Debian's postinst runs), alice@example.com added to the user table with the
# password `secret` (hashed as Sympa's own add_global_user does), everything owned by the user sympa, which runs
# WWSympa (Debian's wwsympa.service: User=sympa).
set -eu
W=$1
PORT=$2
chmod 755 "$W"
mkdir -p "$W/etc" "$W/fcgid" "$W/list_data" "$W/arc" "$W/bounce" "$W/css" "$W/pictures" "$W/log"
for d in msg moderation digest auth outgoing subscribe topic bounce task automatic bulk tmp viewmail; do
  mkdir -p "$W/spool/$d"
done
cat > "$W/sympa.conf" <<CONF
domain localhost
listmaster listmaster@example.com
lang en-US
wwsympa_url http://127.0.0.1:$PORT/sympa
db_type SQLite
db_name $W/sympa.sqlite
home $W/list_data
etc $W/etc
spool $W/spool
queue $W/spool/msg
queuemod $W/spool/moderation
queuedigest $W/spool/digest
queueauth $W/spool/auth
queueoutgoing $W/spool/outgoing
queuesubscribe $W/spool/subscribe
queuetopic $W/spool/topic
queuebounce $W/spool/bounce
queuetask $W/spool/task
queueautomatic $W/spool/automatic
queuebulk $W/spool/bulk
tmpdir $W/spool/tmp
viewmail_dir $W/spool/viewmail
bounce_path $W/bounce
arc_path $W/arc
static_content_path /usr/share/sympa/static_content
static_content_url /static-sympa
css_path $W/css
css_url /css-sympa
pictures_path $W/pictures
pictures_url /pictures-sympa
cookie recording-only-cookie-secret
log_level 0
CONF
echo 6.2.70 > "$W/etc/data_structure.version"
export SYMPA_CONFIG="$W/sympa.conf"
sympa check
perl -I/usr/share/sympa/lib -MConf -MSympa::User -e '
  Conf::load() or die "sympa.conf\n";
  Sympa::User::add_global_user({ email => "alice\@example.com", password => "secret", lang => "en-US" })
    or die "alice\n";'
chown -R sympa:sympa "$W"
