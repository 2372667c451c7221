<?php
// PostfixAdmin's config.local.php (its INSTALL.TXT, section 4), read by Debian's config.inc.php, both copied with
// PostfixAdmin into the recording's directory (scripts/record-framework-hars.ts, entry `postfixadmin`): the recording's
// own MariaDB (its port, or the setup script's socket, from the environment), a setup password (`secret`) and no DNS
// look-ups. Every other setting is Debian's default.
$CONF['configured'] = true;
$CONF['database_type'] = 'mysqli';
$CONF['database_user'] = 'postfixadmin';
$CONF['database_password'] = 'postfixadmin';
$CONF['database_name'] = 'postfixadmin';
if (getenv('PFA_DB_SOCKET')) {
    $CONF['database_host'] = 'localhost';
    $CONF['database_socket'] = getenv('PFA_DB_SOCKET');
} else {
    $CONF['database_host'] = '127.0.0.1';
    $CONF['database_port'] = getenv('PFA_DB_PORT');
}
// No DNS here: the domain of alice@example.test is not looked up.
$CONF['emailcheck_resolve_domain'] = 'NO';
// password_hash('secret', PASSWORD_DEFAULT), as setup.php makes it.
$CONF['setup_password'] = '$2y$10$P14tHScqOvpdTWrEtFmLJOkOPjVBhwJjYJcI9hLo4J2z5McW.AX.u';
