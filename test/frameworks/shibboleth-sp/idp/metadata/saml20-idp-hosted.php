<?php
// The hosted IdP: saml/idp's (its key and certificate made by saml/setup.sh).
require __DIR__ . '/../../../saml/idp/metadata/saml20-idp-hosted.php';
