<?php
// Sets up Debian's Shaarli 0.12 in a recording's directory (php setup.php <work>): data, cache and tmp directories
// of its own, its config data/config.json.php written by Shaarli's own ConfigManager as its install page writes it
// (alice / secret: sha1(password . login . salt), a salt of ours), and <work>/www, Shaarli's files linked, with an
// index.php that reads that config (Debian's hard-codes /var/lib/shaarli/data/config).
require_once '/usr/share/shaarli/autoload.php';
require_once '/usr/share/shaarli/application/Utils.php';

$work = $argv[1];
$src = '/usr/share/shaarli';
foreach (['data', 'cache', 'pagecache', 'tmp', 'www'] as $dir) {
    @mkdir("$work/$dir", 0700, true);
}
foreach (['application', 'assets', 'inc', 'init.php', 'plugins', 'shaarli_version.php', 'tpl'] as $entry) {
    symlink("$src/$entry", "$work/www/$entry");
}
symlink("$work/cache", "$work/www/cache");
$index = file_get_contents("$src/index.php");
$index = str_replace('new ConfigManager()', 'new ConfigManager(' . var_export("$work/data/config", true) . ')', $index);
file_put_contents("$work/www/index.php", $index);

$conf = new Shaarli\Config\ConfigManager("$work/data/config");
$conf->set('resource.data_dir', "$work/data");
$conf->set('resource.config', "$work/data/config.php");
$conf->set('resource.datastore', "$work/data/datastore.php");
$conf->set('resource.ban_file', "$work/data/ipbans.php");
$conf->set('resource.updates', "$work/data/updates.txt");
$conf->set('resource.log', "$work/data/log.txt");
$conf->set('resource.update_check', "$work/data/lastupdatecheck.txt");
$conf->set('resource.history', "$work/data/history.php");
$conf->set('resource.raintpl_tmp', "$work/tmp/");
$conf->set('resource.thumbnails_cache', "$work/cache");
$conf->set('resource.page_cache', "$work/pagecache");
// The install page's answers: UTC, English, no update check (no network), no API.
$conf->set('general.timezone', 'UTC');
$conf->set('general.title', 'Sessionscope recording');
$conf->set('general.header_link', '/');
$conf->set('translation.language', 'en');
$conf->set('updates.check_updates', false);
$conf->set('api.enabled', false);
$conf->set('thumbnails.mode', 'none');
$login = 'alice';
$salt = sha1('sessionscope-recording-salt');
$conf->set('credentials.login', $login);
$conf->set('credentials.salt', $salt);
$conf->set('credentials.hash', sha1('secret' . $login . $salt));
$conf->set('api.secret', generate_api_secret($login, $salt));
// The login form's "Remember me" box unticked by default (Shaarli ticks it): a plain, browser-session login.
$conf->set('privacy.remember_user_default', false);
$conf->write(true);
