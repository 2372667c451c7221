# Request Tracker 5 (Debian's request-tracker5, rt5-db-sqlite) for scripts/record-framework-hars.ts, read through
# RT_SITE_CONFIG in place of /etc/request-tracker5's files (RT_SITE_CONFIG_DIR an empty directory): SQLite, the session
# files and Mason's cache in the recording's directory (RT_WORK), served by rt-server on RT_PORT at the site's root.
# Everything else is RT's default.
Set($rtname, 'sessionscope');
Set($Organization, 'sessionscope.test');
Set($DatabaseType, 'SQLite');
Set($DatabaseName, "$ENV{RT_WORK}/rtdb");
Set($WebDomain, '127.0.0.1');
Set($WebPort, $ENV{RT_PORT} || 80);
Set($WebPath, '');
Set($LogToSTDERR, 'warning');
Set($LogToSyslog, undef);
$RT::MasonDataDir = "$ENV{RT_WORK}/mason_data";
$RT::MasonSessionDir = "$ENV{RT_WORK}/session_data";
1;
