<?php
/*
 * The recording's Cacti configuration: Debian's /etc/cacti/debian.php (which Debian links as include/config.php),
 * with our database and paths. scripts/record-framework-hars.ts copies Debian's /usr/share/cacti/site into the
 * recording's directory and puts this file at include/config.php: the database `cacti` on the recording's own MariaDB
 * on loopback (its port from CACTI_DB_PORT, the account root without password), the site at the server's root
 * ($url_path '/', served by PHP's own server), the CSRF secret in the recording's directory (CACTI_WORK) in place of
 * /var/lib/cacti/csrf; everything else Debian's values (session name Cacti, no database sessions).
 */

$database_type     = 'mysql';
$database_default  = 'cacti';
$database_hostname = '127.0.0.1';
$database_username = 'root';
$database_password = '';
$database_port     = getenv('CACTI_DB_PORT');
$database_retries  = 5;
$database_ssl      = false;
$database_ssl_key  = '';
$database_ssl_cert = '';
$database_ssl_ca   = '';
$database_persist  = false;

$poller_id = 1;

$url_path = '/';

$cacti_session_name = 'Cacti';

$cacti_db_session = false;

$disable_log_rotation = true;

$path_csrf_secret = getenv('CACTI_WORK') . '/csrf-secret.php';

$proxy_headers = null;
