<?php
// SimpleSAMLphp's configuration for the recording (read through SIMPLESAMLPHP_CONFIG_DIR; scripts/record-framework-hars.ts,
// entry `saml-passport-simplesamlphp`): as simplesamlphp/config/config.php (Debian's config.php, served at the root of
// PHP's own server, its files in the recording's directory, the session cookie for plain HTTP), made an identity
// provider as SimpleSAMLphp's IdP guide says: SAML 2.0 IdP enabled, the exampleauth module on, our metadata, and the
// key and certificate made by saml/setup.sh in the recording's directory.
require '/etc/simplesamlphp/config.php';
$work = getenv('SIMPLESAMLPHP_WORK');
$config['baseurlpath'] = '/';
$config['auth.adminpassword'] = 'secret';
$config['secretsalt'] = 'sessionscope-recording-salt';
$config['admin.checkforupdates'] = false;
$config['session.cookie.secure'] = false;
$config['session.cookie.samesite'] = null;
$config['loggingdir'] = "$work/log/";
$config['logging.handler'] = 'file';
$config['datadir'] = "$work/data/";
$config['tempdir'] = "$work/tmp";
$config['session.phpsession.savepath'] = "$work/sessions";
$config['enable.saml20-idp'] = true;
$config['module.enable']['exampleauth'] = true;
$config['metadatadir'] = __DIR__ . '/../metadata/';
$config['certdir'] = "$work/cert/";
