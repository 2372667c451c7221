<?php
// The recording's Zabbix frontend configuration, Debian's conf/zabbix.conf.php.example with our database: the copy of
// Debian's frontend that scripts/record-framework-hars.ts makes reads this file in place of
// /etc/zabbix/zabbix.conf.php (CConfigFile::CONFIG_FILE_PATH, Debian's patch). MariaDB on loopback (its port from
// ZBX_DB_PORT), the account root without password that the recorder's MariaDB has; no Zabbix server runs (the
// frontend says so in its status, and works without it).

$DB['TYPE']				= 'MYSQL';
$DB['SERVER']			= '127.0.0.1';
$DB['PORT']				= getenv('ZBX_DB_PORT');
$DB['DATABASE']			= 'zabbix';
$DB['USER']				= 'root';
$DB['PASSWORD']			= '';

// Schema name. Used for PostgreSQL.
$DB['SCHEMA']			= '';

// Used for TLS connection.
$DB['ENCRYPTION']		= false;
$DB['KEY_FILE']			= '';
$DB['CERT_FILE']		= '';
$DB['CA_FILE']			= '';
$DB['VERIFY_HOST']		= false;
$DB['CIPHER_LIST']		= '';

// Vault configuration. Used if database credentials are stored in Vault secrets manager.
$DB['VAULT_URL']		= '';
$DB['VAULT_DB_PATH']	= '';
$DB['VAULT_TOKEN']		= '';

$DB['DOUBLE_IEEE754']	= true;

$ZBX_SERVER				= '127.0.0.1';
$ZBX_SERVER_PORT		= getenv('ZBX_SERVER_PORT');
$ZBX_SERVER_NAME		= 'Sessionscope recording';

$IMAGE_FORMAT_DEFAULT	= IMAGE_FORMAT_PNG;
