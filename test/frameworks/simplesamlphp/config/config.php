<?php
// SimpleSAMLphp's configuration for the recording (read through SIMPLESAMLPHP_CONFIG_DIR, as its documentation
// allows; scripts/record-framework-hars.ts, entry `simplesamlphp`): Debian's /etc/simplesamlphp/config.php with what
// its installation instructions ask to set (the admin password, a secret salt), served at the root of PHP's own server,
// its files in the recording's directory, no update check (no network here), and the session cookie for plain HTTP.
// Every other setting is Debian's.
require '/etc/simplesamlphp/config.php';
$work = getenv('SIMPLESAMLPHP_WORK');
$config['baseurlpath'] = '/';
$config['auth.adminpassword'] = 'secret';
$config['secretsalt'] = 'sessionscope-recording-salt';
$config['admin.checkforupdates'] = false;
// Plain HTTP: SimpleSAMLphp refuses a Secure session cookie there ("Setting secure cookie on plain HTTP is not
// allowed"), and its template says SameSite=None needs Secure: both set as its template says for a service on HTTP.
$config['session.cookie.secure'] = false;
$config['session.cookie.samesite'] = null;
$config['loggingdir'] = "$work/log/";
$config['logging.handler'] = 'file';
$config['datadir'] = "$work/data/";
$config['tempdir'] = "$work/tmp";
$config['session.phpsession.savepath'] = "$work/sessions";
