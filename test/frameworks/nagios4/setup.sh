#!/bin/sh
# The prepare step of the recorder's `nagios4` entry, in the recording's directory (the current one): alice / secret
# in an htdigest file for the realm Nagios4 (htdigest only asks interactively: the line written as it writes it,
# user:realm:MD5(user:realm:password)); a minimal Nagios 4 configuration in etc/ (one host, localhost, and one
# service, both checked by /bin/true; alice its contact; no external commands, no update checks), its state in var/
# (owned by the nagios user the daemon drops to); the CGIs' cgi.cfg with authentication on and alice authorised for
# everything, the page tour off (its video box would embed a YouTube page in the Tactical Overview). Apache's
# www-data must read all of it.
set -e
WORK=$(pwd)
chmod 0755 "$WORK"
echo "alice:Nagios4:$(printf '%s' 'alice:Nagios4:secret' | md5sum | cut -d' ' -f1)" > htdigest.users
mkdir -p etc var/spool/checkresults var/archives
cat > etc/nagios.cfg <<CFG
log_file=$WORK/var/nagios.log
cfg_file=$WORK/etc/objects.cfg
object_cache_file=$WORK/var/objects.cache
precached_object_file=$WORK/var/objects.precache
status_file=$WORK/var/status.dat
status_update_interval=5
nagios_user=nagios
nagios_group=nagios
check_external_commands=0
lock_file=$WORK/var/nagios.pid
temp_file=$WORK/var/nagios.tmp
temp_path=$WORK/var
log_archive_path=$WORK/var/archives
check_result_path=$WORK/var/spool/checkresults
state_retention_file=$WORK/var/retention.dat
retain_state_information=1
use_syslog=0
check_for_updates=0
enable_notifications=0
interval_length=60
illegal_object_name_chars=\`~!\$%^&*|'"<>?,()=
illegal_macro_output_chars=\`~\$&|'"<>
CFG
cat > etc/objects.cfg <<CFG
define timeperiod {
    timeperiod_name 24x7
    alias           Always
    sunday          00:00-24:00
    monday          00:00-24:00
    tuesday         00:00-24:00
    wednesday       00:00-24:00
    thursday        00:00-24:00
    friday          00:00-24:00
    saturday        00:00-24:00
}
define command {
    command_name check_true
    command_line /bin/true
}
define command {
    command_name notify_none
    command_line /bin/true
}
define contact {
    contact_name                  alice
    alias                         Alice
    host_notifications_enabled    0
    service_notifications_enabled 0
    host_notification_period      24x7
    service_notification_period   24x7
    host_notification_options     n
    service_notification_options  n
    host_notification_commands    notify_none
    service_notification_commands notify_none
}
define host {
    host_name             localhost
    alias                 localhost
    address               127.0.0.1
    check_command         check_true
    max_check_attempts    1
    check_interval        1
    check_period          24x7
    contacts              alice
    notification_period   24x7
}
define service {
    host_name             localhost
    service_description   true
    check_command         check_true
    max_check_attempts    1
    check_interval        1
    retry_interval        1
    check_period          24x7
    contacts              alice
    notification_period   24x7
}
CFG
cat > etc/cgi.cfg <<CFG
main_config_file=$WORK/etc/nagios.cfg
physical_html_path=/usr/share/nagios4/htdocs
url_html_path=/nagios4
show_context_help=0
use_pending_states=1
use_authentication=1
use_ssl_authentication=0
authorized_for_system_information=alice
authorized_for_configuration_information=alice
authorized_for_system_commands=alice
authorized_for_all_services=alice
authorized_for_all_hosts=alice
authorized_for_all_service_commands=alice
authorized_for_all_host_commands=alice
refresh_rate=90
result_limit=100
escape_html_tags=1
action_url_target=_blank
notes_url_target=_blank
lock_author_names=1
enable_page_tour=0
CFG
chown -R nagios:nagios var
/usr/sbin/nagios4 -v etc/nagios.cfg
