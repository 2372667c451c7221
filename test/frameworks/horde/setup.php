<?php
// Configures the recording's copy of Horde (scripts/record-framework-hars.ts, entry `horde`, runs this in the copy's
// directory, the recording's directory as its argument) the way its documentation does, without the web interface:
// conf.php.dist as conf.php (automatic login as Administrator), then Horde's own configuration tool (Horde_Config, what
// Administration > Configuration runs) writes conf.php from conf.xml's defaults and our few answers: an SQLite database
// in the recording's directory, SQL authentication, alice an administrator. Then Horde's database migrations
// (horde-db-migrate) and the user alice / secret through Horde's auth driver.
$work = $argv[1];
$base = getcwd();
copy("$base/config/conf.php.dist", "$base/config/conf.php");
require_once "$base/lib/Application.php";
Horde_Registry::appInit('horde', ['authentication' => 'none', 'cli' => true]);

$vars = new Horde_Variables([
    // PHP's own server on a port of the recording's: Horde writes full URLs, with the port only where it is told it.
    'server__port' => "\$_SERVER['SERVER_PORT']",
    'sql__phptype' => 'sqlite',
    'sql__database' => "$work/horde.sqlite",
    'sql__charset' => 'utf-8',
    'auth__driver' => 'sql',
    'auth__params__driverconfig' => 'horde',
    'auth__admins' => 'alice',
    'log__type' => 'file',
    'log__params__name' => "$work/horde.log",
    'cache__driver' => 'Null',
    'tmpdir' => "$work/tmp",
    'vfs__type' => 'Sql',
    'mailer__type' => 'sendmail',
]);
// The form submits every field; here conf.xml's defaults stand for those not answered, and they are taken as
// defaults only where no conf.php holds another value: the bootstrap one goes first.
unlink("$base/config/conf.php");
$config = new Horde_Config('horde');
file_put_contents("$base/config/conf.php", $config->generatePHPConfig($vars));

// Horde's migrations (its horde-db-migrate, run from the copy so that it finds the copy's lib/ and configuration).
mkdir("$base/bin");
copy('/usr/bin/horde-db-migrate', "$base/bin/horde-db-migrate");
passthru('php -d error_reporting=0 ' . escapeshellarg("$base/bin/horde-db-migrate"), $status);
if ($status !== 0) {
    exit($status);
}

// alice / secret, through the configured auth driver (what Administration > Users > Add does).
passthru('php -d error_reporting=0 -r ' . escapeshellarg(
    'require "lib/Application.php"; Horde_Registry::appInit("horde", ["authentication" => "none", "cli" => true]);'
    . ' $GLOBALS["injector"]->getInstance("Horde_Core_Factory_Auth")->create()'
    . '->addUser("alice", ["password" => "secret"]);'
), $status);
exit($status);
