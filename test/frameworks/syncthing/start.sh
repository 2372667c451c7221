#!/bin/sh
# Syncthing on the home setup.sh made in the current directory: the GUI on 127.0.0.1:$ST_PORT, the sync protocol's
# listener on 127.0.0.1:$ST_PORT + 51; no browser, no restarts, no upgrades, no default folder.
set -e
sed -i "s|<listenAddress>[^<]*</listenAddress>|<listenAddress>tcp://127.0.0.1:$((ST_PORT + 51))</listenAddress>|" st/config.xml
STNOUPGRADE=1 STNODEFAULTFOLDER=1 exec syncthing serve --home st --gui-address="127.0.0.1:$ST_PORT" --no-browser --no-restart
