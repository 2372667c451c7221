#!/bin/sh
# A RabbitMQ 3.10 node of the recording's own (Debian's rabbitmq-server, its management plugin alone enabled), run as
# root from the package's own scripts (not /usr/sbin's wrapper, which switches to the rabbitmq user and Debian's
# directories): every file in the recording's directory ($1), the management UI on 127.0.0.1:$2, AMQP on $2 + 1, the
# Erlang distribution on 127.0.0.1:$2 + 2, an epmd of its own on $2 + 3, the CLI tools' distribution ports $2 + 4 … $2 + 8.
# alice / secret (administrator, every permission on /) come from definitions.json, loaded at boot (its password_hash
# is base64(salt ++ SHA-256(salt ++ "secret")), salt 1a2b3c4d). Stopped by SIGTERM: the node, then its epmd.
set -eu
WORK=$1
PORT=$2
HERE=$(cd "$(dirname "$0")" && pwd)
RMQ=$(ls -d /usr/lib/rabbitmq/lib/rabbitmq_server-* | tail -n 1)

mkdir -p "$WORK/mnesia" "$WORK/log" "$WORK/home"
cat > "$WORK/rabbitmq.conf" <<CONF
listeners.tcp.1 = 127.0.0.1:$((PORT + 1))
management.tcp.ip = 127.0.0.1
management.tcp.port = $PORT
load_definitions = $HERE/definitions.json
loopback_users = none
CONF
echo '[rabbitmq_management].' > "$WORK/enabled_plugins"

export HOME="$WORK/home"
export RABBITMQ_NODENAME="sessionscope-rmq-$PORT@localhost"
export RABBITMQ_NODE_IP_ADDRESS=127.0.0.1
export RABBITMQ_MNESIA_BASE="$WORK/mnesia"
export RABBITMQ_LOG_BASE="$WORK/log"
export RABBITMQ_CONFIG_FILE="$WORK/rabbitmq.conf"
export RABBITMQ_ENABLED_PLUGINS_FILE="$WORK/enabled_plugins"
export RABBITMQ_PLUGINS_DIR="$RMQ/plugins"
export RABBITMQ_DIST_PORT=$((PORT + 2))
export ERL_EPMD_PORT=$((PORT + 3))
export ERL_EPMD_ADDRESS=127.0.0.1
# The distribution listener on the loopback too (it takes every interface otherwise).
export RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS="-kernel inet_dist_use_interface {127,0,0,1}"
export RABBITMQ_CTL_DIST_PORT_MIN=$((PORT + 4))
export RABBITMQ_CTL_DIST_PORT_MAX=$((PORT + 8))

epmd -port "$ERL_EPMD_PORT" &
EPMD=$!
"$RMQ/sbin/rabbitmq-server" &
NODE=$!
stop() {
  kill "$NODE" 2>/dev/null || true
  wait "$NODE" 2>/dev/null || true
  kill "$EPMD" 2>/dev/null || true
  wait "$EPMD" 2>/dev/null || true
  exit 0
}
trap stop TERM INT
wait "$NODE"
kill "$EPMD" 2>/dev/null || true
