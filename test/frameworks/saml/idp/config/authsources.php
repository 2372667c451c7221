<?php
// Debian's authentication sources, and the IdP's: exampleauth:UserPass with alice / secret.
require '/etc/simplesamlphp/authsources.php';
$config['example-userpass'] = [
    'exampleauth:UserPass',
    'alice:secret' => [
        'uid' => ['alice'],
        'mail' => ['alice@example.test'],
    ],
];
