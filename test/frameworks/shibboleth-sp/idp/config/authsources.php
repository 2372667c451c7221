<?php
// The identity provider's authentication sources: those of saml/idp (exampleauth:UserPass with alice / secret).
require __DIR__ . '/../../../saml/idp/config/authsources.php';
