<?php
// The service provider (saml/app.mjs) on the recording's port (SAML_SP_PORT). passport-saml asks for the emailAddress
// NameID format by default: given from the `mail` attribute.
$sp = 'http://127.0.0.1:' . getenv('SAML_SP_PORT');
$metadata["$sp/metadata"] = [
    'AssertionConsumerService' => "$sp/login/callback",
    'SingleLogoutService' => "$sp/logout/callback",
    'NameIDFormat' => 'urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress',
    'simplesaml.nameidattribute' => 'mail',
];
