<?php
// Creates the database and installs WordPress with the user alice / secret, once MariaDB answers.
for ($i = 0; ; $i++) {
    try {
        $db = new PDO('mysql:host=127.0.0.1;port=' . getenv('WP_DB_PORT'), 'root', '');
        break;
    } catch (PDOException $e) {
        if ($i > 300) throw $e;
        usleep(100000);
    }
}
$db->exec('CREATE DATABASE IF NOT EXISTS wordpress');
define('WP_INSTALLING', true);
$_SERVER['HTTP_HOST'] = '127.0.0.1:' . getenv('WP_PORT');
require getenv('WP_DIR') . '/wp-load.php';
require_once ABSPATH . 'wp-admin/includes/upgrade.php';
if (!is_blog_installed()) wp_install('Sessionscope recording', 'alice', 'alice@example.test', false, '', 'secret');
