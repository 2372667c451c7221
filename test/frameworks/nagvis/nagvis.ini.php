; <?php return 1; ?>
; NagVis's main configuration for the recording (setup.sh writes it to etc/nagvis.ini.php, @WORK@ the recording's
; directory): Debian's, with NagVis's own login form (LogonDialog: not LogonMixed, which trusts REMOTE_USER first)
; against its SQLite user database, and the paths in the recording's directory.
[global]
logonmodule="LogonDialog"
authmodule="CoreAuthModSQLite"
authorisationmodule="CoreAuthorisationModSQLite"
audit_log=1

[paths]
base="@WORK@/"
htmlbase="/nagvis"
htmlcgi="/icinga/cgi-bin"

[defaults]

[index]

[automap]

[wui]

[worker]

[backend_live_1]
backendtype="mklivestatus"
socket="unix:@WORK@/live"

[states]
