<?php
/*
 * phpLDAPadmin's configuration for the recording, in place of Debian's /etc/phpldapadmin/config.php (the recorder
 * copies /usr/share/phpldapadmin into its directory and puts this file at config/config.php). As Debian's file: one
 * server on 127.0.0.1, auth_type 'session' (the password kept in the PHP session on the server) unless
 * PLA_AUTH_TYPE says 'cookie' (user and password blowfish-encrypted into cookies); ours: the port of the
 * recording's own slapd, the suffix dc=example,dc=test, and the login by uid (alice) as the configuration's
 * comments show, PLA finding her DN by an anonymous search.
 */
$servers = new Datastore();
$servers->newServer('ldap_pla');
$servers->setValue('server','name','Sessionscope recording');
$servers->setValue('server','host','127.0.0.1');
$servers->setValue('server','port',(int)getenv('PLA_LDAP_PORT'));
$servers->setValue('server','base',array('dc=example,dc=test'));
$servers->setValue('login','auth_type',getenv('PLA_AUTH_TYPE') ?: 'session');
$servers->setValue('login','attr','uid');
