<?php
// The recording's WordPress configuration (copied over the copy of Debian's WordPress that
// scripts/record-framework-hars.ts makes): its own MariaDB on loopback, throwaway keys, the site at the
// address the browser used.
define('DB_NAME', 'wordpress');
define('DB_USER', 'root');
define('DB_PASSWORD', '');
define('DB_HOST', '127.0.0.1:' . getenv('WP_DB_PORT'));
define('DB_CHARSET', 'utf8mb4');
define('DB_COLLATE', '');
$table_prefix = 'wp_';
foreach (['AUTH_KEY', 'SECURE_AUTH_KEY', 'LOGGED_IN_KEY', 'NONCE_KEY', 'AUTH_SALT', 'SECURE_AUTH_SALT', 'LOGGED_IN_SALT', 'NONCE_SALT'] as $key) {
    define($key, "sessionscope recording only: $key");
}
$host = $_SERVER['HTTP_HOST'] ?? ('127.0.0.1:' . getenv('WP_PORT'));
define('WP_HOME', "http://$host");
define('WP_SITEURL', "http://$host");
define('DISABLE_WP_CRON', true);
define('AUTOMATIC_UPDATER_DISABLED', true);
define('WP_HTTP_BLOCK_EXTERNAL', true);
if (!defined('ABSPATH')) define('ABSPATH', __DIR__ . '/');
require_once ABSPATH . 'wp-settings.php';
