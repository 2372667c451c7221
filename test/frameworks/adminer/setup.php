<?php
// Once the recording's MariaDB answers (scripts/record-framework-hars.ts, entry `adminer`, on its socket, ADMINER_DB_SOCKET),
// gives it the account alice / secret that logs in to Adminer.
for ($i = 0; ; $i++) {
    try {
        $db = new PDO('mysql:unix_socket=' . getenv('ADMINER_DB_SOCKET'), 'root', '');
        break;
    } catch (PDOException $e) {
        if ($i > 300) throw $e;
        usleep(100000);
    }
}
$db->exec("CREATE USER IF NOT EXISTS 'alice'@'localhost' IDENTIFIED BY 'secret'");
$db->exec("GRANT ALL ON *.* TO 'alice'@'localhost'");
