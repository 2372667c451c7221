<?php
// Once the recording's MariaDB answers, gives it the account alice / secret that logs in to phpMyAdmin.
for ($i = 0; ; $i++) {
    try {
        $db = new PDO('mysql:host=127.0.0.1;port=' . getenv('PMA_DB_PORT'), 'root', '');
        break;
    } catch (PDOException $e) {
        if ($i > 300) throw $e;
        usleep(100000);
    }
}
$db->exec("CREATE USER IF NOT EXISTS 'alice'@'%' IDENTIFIED BY 'secret'");
$db->exec("GRANT ALL ON *.* TO 'alice'@'%'");
