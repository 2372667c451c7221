#!/bin/sh
# Transmission 3.00's daemon (Debian's transmission-daemon) of the recording's own, in the current directory (the
# recording's): its config directory (settings.json, written at start-up, resume and torrent files), downloads and
# log there; the RPC and web interface (Debian's /usr/share/transmission/web, at /transmission/web/) on
# 127.0.0.1:$1 for alice / secret (HTTP Basic authentication), the peer port $1 + 1; no DHT, LPD, uTP or port mapping;
# run in the foreground.
set -e
port=$1
mkdir -p config downloads
TRANSMISSION_WEB_HOME=/usr/share/transmission/web exec transmission-daemon -f -g "$PWD/config" -w "$PWD/downloads" \
  --port "$port" --rpc-bind-address 127.0.0.1 -t -u alice -v secret --allowed 127.0.0.1 \
  --no-portmap --no-dht --no-lpd --no-utp --peerport $((port + 1)) --bind-address-ipv4 127.0.0.1 \
  --logfile "$PWD/transmission.log" --log-info
