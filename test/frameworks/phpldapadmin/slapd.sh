#!/bin/sh
# An OpenLDAP server of the recording's own (Debian's slapd), in the foreground on 127.0.0.1:$2, its files in $1:
# a slapd.conf of ours (back-mdb, suffix dc=example,dc=test), the entries loaded by slapadd, alice / secret in
# ou=people. Debian's default access (read by all) lets phpLDAPadmin find uid=alice anonymously before it binds.
set -e
work=$1 port=$2
mkdir -p "$work/ldap/db"
cat > "$work/ldap/slapd.conf" <<CONF
include /etc/ldap/schema/core.schema
include /etc/ldap/schema/cosine.schema
include /etc/ldap/schema/nis.schema
include /etc/ldap/schema/inetorgperson.schema
pidfile $work/ldap/slapd.pid
modulepath /usr/lib/ldap
moduleload back_mdb
database mdb
suffix "dc=example,dc=test"
rootdn "cn=admin,dc=example,dc=test"
rootpw admin-secret
directory $work/ldap/db
CONF
hash=$(slappasswd -s secret)
cat > "$work/ldap/data.ldif" <<LDIF
dn: dc=example,dc=test
objectClass: dcObject
objectClass: organization
dc: example
o: Example

dn: ou=people,dc=example,dc=test
objectClass: organizationalUnit
ou: people

dn: uid=alice,ou=people,dc=example,dc=test
objectClass: inetOrgPerson
uid: alice
cn: Alice
sn: Alice
userPassword: $hash
LDIF
slapadd -f "$work/ldap/slapd.conf" -l "$work/ldap/data.ldif" >/dev/null 2>&1
exec /usr/sbin/slapd -d 0 -f "$work/ldap/slapd.conf" -h "ldap://127.0.0.1:$port/"
