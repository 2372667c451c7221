<?php
// The phpCAS client of every page, as Debian's php-cas README and phpCAS's example_simple.php set it up: CAS 2.0, the
// CAS server (../cas/cas.py, django-cas-server) on CAS_PORT under /cas, this site's base URL (1.6's service_base_url),
// phpCAS handling PHP's native session (changeSessionID, its default: the session renamed after the ticket), and no
// check of the CAS server's certificate (setNoCasServerValidation: its examples' testing setting; the ticket is
// validated over plain HTTP here, server to server, outside the recording). phpCAS builds its server's URLs on
// https://: the CAS server runs on plain HTTP here, so its login, validation and logout URLs are given with its setters.
require_once 'CAS/CAS.php';
$cas = 'http://127.0.0.1:' . getenv('CAS_PORT') . '/cas';
phpCAS::client(CAS_VERSION_2_0, '127.0.0.1', (int) getenv('CAS_PORT'), '/cas',
    'http://127.0.0.1:' . getenv('APP_PORT'));
phpCAS::setServerLoginURL("$cas/login?service=" . urlencode(phpCAS::getServiceURL()));
phpCAS::setServerServiceValidateURL("$cas/serviceValidate");
phpCAS::setServerLogoutURL("$cas/logout");
phpCAS::setNoCasServerValidation();
