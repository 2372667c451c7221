<?php
return [
    'default' => 'sqlite',
    'connections' => [
        'sqlite' => ['driver' => 'sqlite', 'database' => getenv('LARAVEL_DB'), 'prefix' => ''],
    ],
];
