#!/bin/sh
# LemonLDAP::NG's portal in the recording's directory $1, for http://127.0.0.1:$2/: our lemonldap-ng.ini (read
# through LLNG_DEFAULTCONFFILE) and a configuration (lmConf-1.json) made from Debian's, with our changes only: the
# domain and portal on loopback (127.0.0.1, the recorder's host), sessions and caches in $1, and LDAP authentication
# against phpLDAPadmin's slapd (phpldapadmin/slapd.sh) on port $3 (alice / secret in ou=people).
set -e
work=$1 port=$2 ldap=$3
mkdir -p "$work/conf" "$work/sessions/lock" "$work/psessions/lock" "$work/notifications" "$work/cache"
sed -e "s#/var/lib/lemonldap-ng#$work#g" "$(dirname "$0")/lemonldap-ng.ini" > "$work/lemonldap-ng.ini"
WORK=$work PORT=$port LDAP=$ldap perl -MJSON::PP -e '
  local $/; open my $in, "<", "/var/lib/lemonldap-ng/conf/lmConf-1.json" or die; my $c = decode_json(<$in>);
  my ($w, $p, $l) = @ENV{qw(WORK PORT LDAP)};
  $c->{domain} = "127.0.0.1";
  $c->{portal} = "http://127.0.0.1:$p/";
  $c->{authentication} = "LDAP"; $c->{userDB} = "Same"; $c->{passwordDB} = "LDAP"; $c->{registerDB} = "Null";
  $c->{ldapServer} = "ldap://127.0.0.1:$l"; $c->{ldapBase} = "ou=people,dc=example,dc=test";
  $c->{globalStorageOptions}{Directory} = "$w/sessions";
  $c->{globalStorageOptions}{LockDirectory} = "$w/sessions/lock";
  $c->{persistentStorageOptions}{Directory} = "$w/psessions";
  $c->{persistentStorageOptions}{LockDirectory} = "$w/psessions/lock";
  $c->{notificationStorageOptions}{dirName} = "$w/notifications";
  $c->{localSessionStorageOptions}{cache_root} = "$w/cache";
  $c->{locationRules}{"127.0.0.1"} = delete $c->{locationRules}{"auth.example.com"};
  open my $out, ">", "$w/conf/lmConf-1.json" or die; print $out JSON::PP->new->pretty->canonical->encode($c);
'
