<?php
// The service provider: the Shibboleth SP (../shibboleth2.xml) on the recording's port (SHIB_SP_PORT), its entityID
// and endpoints as its /Shibboleth.sso/Metadata describes them (the assertion consumer of the HTTP-POST binding, the
// single logout service of the HTTP-Redirect one); its certificate made by ../start.sh (the IdP's certdir).
$sp = 'http://127.0.0.1:' . getenv('SHIB_SP_PORT');
$metadata["$sp/shibboleth"] = [
    'AssertionConsumerService' => "$sp/Shibboleth.sso/SAML2/POST",
    'SingleLogoutService' => "$sp/Shibboleth.sso/SLO/Redirect",
    'certificate' => 'shib-sp.crt',
];
