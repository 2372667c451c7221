<?php
// The recording's phpMyAdmin configuration (the copy of Debian's phpMyAdmin that scripts/record-framework-hars.ts
// makes reads it in place of /etc/phpmyadmin/config.inc.php): cookie authentication, the default, against the
// recording's own MariaDB on loopback; a throwaway secret.
$cfg['blowfish_secret'] = 'sessionscope-recording-only-0123';
$cfg['Servers'][1]['auth_type'] = 'cookie';
$cfg['Servers'][1]['host'] = '127.0.0.1';
$cfg['Servers'][1]['connect_type'] = 'tcp';
$cfg['Servers'][1]['port'] = getenv('PMA_DB_PORT');
$cfg['TempDir'] = getenv('PMA_TEMP');
$cfg['VersionCheck'] = false;
