#!/bin/sh
# The recording's OpenLDAP server for GOsa² (scripts/record-framework-hars.ts, entry `gosa`, runs it as a back-end):
# Debian's slapd in the foreground on 127.0.0.1:$2, its files in $1, as phpldapadmin/slapd.sh makes it (a slapd.conf
# of ours, back-mdb, suffix dc=example,dc=test, rootdn cn=admin / admin-secret, the entries loaded by slapadd), with
# the schemas GOsa's sample slapd.conf includes (gosa-schema's, under /etc/ldap/schema/gosa): GOsa finds a user by
# `(&(uid=…)(objectClass=gosaAccount))`, so alice / secret in ou=people is a gosaAccount, and the base carries the
# ACL GOsa's setup gives the administrator it is told to use (its "Migrate" step: objectClass gosaAcl,
# gosaAclEntry `0:psub:<base64 of alice's DN>:all/all;cmdrw`).
set -e
work=$1 port=$2
mkdir -p "$work/ldap/db"
cat > "$work/ldap/slapd.conf" <<CONF
include /etc/ldap/schema/core.schema
include /etc/ldap/schema/cosine.schema
include /etc/ldap/schema/inetorgperson.schema
include /etc/ldap/schema/openldap.schema
include /etc/ldap/schema/nis.schema
include /etc/ldap/schema/misc.schema
include /etc/ldap/schema/gosa/samba3.schema
include /etc/ldap/schema/gosa/gosystem.schema
include /etc/ldap/schema/gosa/gofon.schema
include /etc/ldap/schema/gosa/gofax.schema
include /etc/ldap/schema/gosa/goto.schema
include /etc/ldap/schema/gosa/goserver.schema
include /etc/ldap/schema/gosa/gosa-samba3.schema
include /etc/ldap/schema/gosa/trust.schema
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
acl=$(printf '%s' 'uid=alice,ou=people,dc=example,dc=test' | base64 -w0)
cat > "$work/ldap/data.ldif" <<LDIF
dn: dc=example,dc=test
objectClass: dcObject
objectClass: organization
objectClass: gosaAcl
dc: example
o: Example
gosaAclEntry: 0:psub:$acl:all/all;cmdrw

dn: ou=people,dc=example,dc=test
objectClass: organizationalUnit
ou: people

dn: uid=alice,ou=people,dc=example,dc=test
objectClass: inetOrgPerson
objectClass: gosaAccount
uid: alice
cn: Alice
sn: Alice
givenName: Alice
userPassword: $hash
LDIF
slapadd -f "$work/ldap/slapd.conf" -l "$work/ldap/data.ldif" >/dev/null
exec /usr/sbin/slapd -d 0 -f "$work/ldap/slapd.conf" -h "ldap://127.0.0.1:$port/"
