<?php
// The hosted IdP, as SimpleSAMLphp's IdP guide sets it up; its key and certificate made by saml/setup.sh (certdir).
$metadata['__DYNAMIC:1__'] = [
    'host' => '__DEFAULT__',
    'privatekey' => 'idp.key',
    'certificate' => 'idp.crt',
    'auth' => 'example-userpass',
];
