<?php
// What PostfixAdmin's setup.php does once its setup password is given (run from the command line by setup.sh, in the
// copy's public/ directory): upgrade.php creates the schema, the dummy domain `ALL` for superadmins, and the
// superadmin alice@example.test through its AdminHandler, whose password rules (five characters, three letters, two
// digits: Debian's config.inc.php) refuse `secret`: `secret42`.
define('POSTFIXADMIN_CLI', 1);
require_once 'common.php';
require_once 'upgrade.php';
if (empty(db_query_all('SELECT * FROM ' . table_by_key('domain') . " WHERE domain = 'ALL'"))) {
    db_insert('domain', ['domain' => 'ALL', 'description' => '', 'transport' => '']);
}
define('POSTFIXADMIN_SETUP', 1);
$handler = new AdminHandler(1, 'setup.php');
$values = [
    'username' => 'alice@example.test',
    'password' => 'secret42',
    'password2' => 'secret42',
    'superadmin' => 1,
    'domains' => [],
    'active' => 1,
];
if (!$handler->init($values['username']) || !$handler->set($values) || !$handler->save()) {
    fwrite(STDERR, json_encode($handler->errormsg) . "\n");
    exit(1);
}
