<?php
/*
 * The recording's DokuWiki settings (scripts/record-framework-hars.ts copies Debian's DokuWiki into the recording's
 * directory, this file and users.auth.php, acl.auth.php into its conf/), over Debian's /etc/dokuwiki/dokuwiki.php:
 * the wiki's data in the copy (./data, copied from /var/lib/dokuwiki/data), ACLs on with the plain user manager
 * (authplain, bcrypt: Debian's defaults), as Debian's postinst writes it; everything else Debian's defaults
 * (securecookie on, remote off, no update check).
 */
$conf['savedir'] = './data';
$conf['title'] = 'Sessionscope recording';
$conf['license'] = 'cc-by-sa';
$conf['useacl'] = 1;
$conf['authtype'] = 'authplain';
$conf['superuser'] = '@admin';
