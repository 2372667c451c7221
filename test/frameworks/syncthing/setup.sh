#!/bin/sh
# Syncthing's home for one recording, in the current directory (the recording's own): its key, certificate and
# config.xml made by `syncthing generate` with the GUI user alice / secret (stored as a bcrypt hash), then the config
# closed to the world: no discovery (global or local), relays, NAT traversal, usage reporting (declined: no dialog
# asking for it in the GUI), crash reports or upgrades; start.sh puts the sync protocol's listener on loopback.
set -e
syncthing generate --home st --no-default-folder --skip-port-probing --gui-user alice --gui-password secret >/dev/null
sed -i \
  -e 's|<globalAnnounceEnabled>true<|<globalAnnounceEnabled>false<|' \
  -e 's|<localAnnounceEnabled>true<|<localAnnounceEnabled>false<|' \
  -e 's|<relaysEnabled>true<|<relaysEnabled>false<|' \
  -e 's|<natEnabled>true<|<natEnabled>false<|' \
  -e 's|<startBrowser>true<|<startBrowser>false<|' \
  -e 's|<urAccepted>0<|<urAccepted>-1<|' \
  -e 's|<crashReportingEnabled>true<|<crashReportingEnabled>false<|' \
  -e 's|<autoUpgradeIntervalH>12<|<autoUpgradeIntervalH>0<|' \
  st/config.xml
