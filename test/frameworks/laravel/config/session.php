<?php
// Laravel 8's default session configuration (config/session.php of laravel/laravel), files driver.
return [
    'driver' => 'file',
    // SESSION_LIFETIME=<minutes> (a recording of the cookie's expiry): Laravel's default 120 otherwise.
    'lifetime' => (int) (getenv('SESSION_LIFETIME') ?: 120),
    'expire_on_close' => false,
    'encrypt' => false,
    'files' => getenv('SESSION_FILES') ?: sys_get_temp_dir(),
    'connection' => null,
    'table' => 'sessions',
    'store' => null,
    'lottery' => [2, 100],
    'cookie' => 'laravel_session',
    'path' => '/',
    'domain' => null,
    'secure' => null,
    'http_only' => true,
    // SESSION_SAME_SITE=strict|lax|none: the session cookie's SameSite; Laravel's default lax otherwise.
    'same_site' => getenv('SESSION_SAME_SITE') ?: 'lax',
];
