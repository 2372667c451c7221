<?php
// The recording's stand-in for ocsreports' vendor/autoload.php, which Debian's ocsinventory-reports 2.11.1 requires
// (var.php's COMPOSER_AUTOLOAD, from require/header.php) but does not ship: Composer's autoloader of its three
// dependencies, which Debian packages apart: PHPMailer (libphp-phpmailer) and phpCAS (php-cas, here unused: the
// console logs in against its own operators table).
require_once '/usr/share/php/libphp-phpmailer/autoload.php';
