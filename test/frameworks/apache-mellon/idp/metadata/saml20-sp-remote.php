<?php
// The service provider: Apache httpd's mod_auth_mellon (../httpd.conf) on the recording's port (MELLON_SP_PORT), its
// endpoints under /mellon (MellonEndpointPath's default), as mellon_create_metadata describes them. Its certificate
// (made by ../mellon.sh in the recording's directory, the IdP's certdir) checks the signed LogoutRequest; Mellon wants
// the LogoutResponse signed too (unsigned, SimpleSAMLphp's default: "The profile cannot verify a signature", 400).
$sp = 'http://127.0.0.1:' . getenv('MELLON_SP_PORT');
$metadata["$sp/mellon/metadata"] = [
    'AssertionConsumerService' => "$sp/mellon/postResponse",
    'SingleLogoutService' => "$sp/mellon/logout",
    'certificate' => 'sp.cert',
    'sign.logout' => true,
];
