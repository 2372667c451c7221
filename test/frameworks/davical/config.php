<?php
// DAViCal's configuration (as Debian's /etc/davical/config.php, which always.php reads; our copy of always.php reads
// this one): its database, a PostgreSQL of the recording's own on DAVICAL_PG_PORT, as the application user that
// DAViCal's create-database.sh makes.
$c->pg_connect[] = 'dbname=davical user=davical_app host=127.0.0.1 port=' . getenv('DAVICAL_PG_PORT');
$c->admin_email = 'calendar-admin@example.com';
$c->system_name = 'Sessionscope recording';
