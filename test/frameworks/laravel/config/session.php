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
    // SESSION_PATH=<path>: the session cookie's Path (laravel-cookie-path); Laravel's default '/' otherwise.
    'path' => getenv('SESSION_PATH') ?: '/',
    'domain' => null,
    // SESSION_SECURE_COOKIE=true: the session cookie marked Secure (laravel-secure-over-http); null (not) otherwise.
    'secure' => filter_var(getenv('SESSION_SECURE_COOKIE'), FILTER_VALIDATE_BOOLEAN) ?: null,
    'http_only' => true,
    // SESSION_SAME_SITE=strict|lax|none: the session cookie's SameSite; Laravel's default lax otherwise.
    'same_site' => getenv('SESSION_SAME_SITE') ?: 'lax',
];
