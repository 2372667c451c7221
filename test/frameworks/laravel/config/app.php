<?php
return [
    'name' => 'sessionscope-laravel',
    'env' => 'local',
    'debug' => true,
    'url' => 'http://127.0.0.1',
    'timezone' => 'UTC',
    'locale' => 'en',
    'fallback_locale' => 'en',
    // A throwaway key for this recording app only (base64 of 32 bytes); APP_KEY, as Laravel's .env sets it, replaces it
    // (laravel-app-key-rotated restarts the server with another).
    'key' => getenv('APP_KEY') ?: 'base64:c2Vzc2lvbnNjb3BlLWxhcmF2ZWwtcmVjb3JkaW5nISE=',
    'cipher' => 'AES-256-CBC',
    'providers' => [
        Illuminate\Cookie\CookieServiceProvider::class,
        Illuminate\Encryption\EncryptionServiceProvider::class,
        Illuminate\Filesystem\FilesystemServiceProvider::class,
        Illuminate\Session\SessionServiceProvider::class,
        Illuminate\View\ViewServiceProvider::class,
        App\RouteServiceProvider::class,
    ],
    'aliases' => [],
];
