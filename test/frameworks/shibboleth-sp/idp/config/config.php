<?php
// SimpleSAMLphp as the identity provider of the `shibboleth-sp-simplesamlphp` recording (read through
// SIMPLESAMLPHP_CONFIG_DIR): the IdP of `saml-passport-simplesamlphp` (../../../saml/idp/config/config.php: SAML 2.0 IdP
// on, exampleauth:UserPass with alice / secret, the key and certificate made by saml/setup.sh in the recording's
// directory), with our metadata directory, where the Shibboleth SP is the service provider.
require __DIR__ . '/../../../saml/idp/config/config.php';
$config['metadatadir'] = __DIR__ . '/../metadata/';
