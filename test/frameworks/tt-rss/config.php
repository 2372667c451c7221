<?php
	// The recording's Tiny Tiny RSS configuration: Debian's /etc/tt-rss/config.php (which Debian links as the site's
	// config.php) with our database and paths. scripts/record-framework-hars.ts copies Debian's /usr/share/tt-rss/www
	// into the recording's directory and puts this file at its config.php: the database `ttrss` on the recording's own
	// MariaDB on loopback (its port from TTRSS_DB_PORT, the account root without password), SELF_URL_PATH the
	// recording's address (TTRSS_URL), the lock, cache and feed icon directories in the recording's directory
	// (TTRSS_WORK); no update check (CHECK_FOR_UPDATES, on in Debian's file, asks tt-rss.org). Everything else is
	// Debian's: the internal authentication plugin, sessions of a day (SESSION_COOKIE_LIFETIME).

	define('DB_TYPE', 'mysql');
	define('DB_HOST', '127.0.0.1');
	define('DB_PORT', getenv('TTRSS_DB_PORT'));
	define('DB_USER', 'root');
	define('DB_NAME', 'ttrss');
	define('DB_PASS', '');
	define('MYSQL_CHARSET', 'UTF8');

	define('SELF_URL_PATH', getenv('TTRSS_URL'));
	define('SINGLE_USER_MODE', false);
	define('SIMPLE_UPDATE_MODE', false);

	define('PHP_EXECUTABLE', '/usr/bin/php');
	define('LOCK_DIRECTORY', getenv('TTRSS_WORK') . '/lock');
	define('CACHE_DIR', getenv('TTRSS_WORK') . '/cache');
	define('ICONS_DIR', "feed-icons");
	define('ICONS_URL', "feed-icons");

	define('AUTH_AUTO_CREATE', true);
	define('AUTH_AUTO_LOGIN', true);

	define('FORCE_ARTICLE_PURGE', 0);

	define('ENABLE_REGISTRATION', false);
	define('REG_NOTIFY_ADDRESS', 'user@your.domain.dom');
	define('REG_MAX_USERS', 10);

	define('SESSION_COOKIE_LIFETIME', 86400);

	define('SMTP_FROM_NAME', 'Tiny Tiny RSS');
	define('SMTP_FROM_ADDRESS', 'noreply@your.domain.dom');
	define('DIGEST_SUBJECT', '[tt-rss] New headlines for last 24 hours');

	define('CHECK_FOR_UPDATES', false);
	define('ENABLE_GZIP_OUTPUT', false);
	define('PLUGINS', 'auth_internal, note');
	define('LOG_DESTINATION', 'syslog');

	define('CONFIG_VERSION', 26);
