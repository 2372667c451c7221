<?php
// SimpleSAMLphp's configuration for the recording (read through SIMPLESAMLPHP_CONFIG_DIR; scripts/record-framework-hars.ts,
// entry `saml-passport-simplesamlphp`): simplesamlphp/config/config.php (Debian's config.php, served at the root of
// PHP's own server, its files in the recording's directory, the session cookie for plain HTTP), made an identity
// provider as SimpleSAMLphp's IdP guide says: SAML 2.0 IdP enabled, the exampleauth module on, our metadata, and the
// key and certificate made by saml/setup.sh in the recording's directory.
require __DIR__ . '/../../../simplesamlphp/config/config.php';
$config['enable.saml20-idp'] = true;
$config['module.enable']['exampleauth'] = true;
$config['metadatadir'] = __DIR__ . '/../metadata/';
$config['certdir'] = "$work/cert/";
