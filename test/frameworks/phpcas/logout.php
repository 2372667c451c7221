<?php
// phpCAS::logout(), with the service to come back to: the local session destroyed, then off to the CAS server's logout.
require __DIR__ . '/cas.php';
phpCAS::logout(['service' => 'http://127.0.0.1:' . getenv('APP_PORT') . '/']);
