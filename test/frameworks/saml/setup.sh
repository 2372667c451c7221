#!/bin/sh
# Makes the IdP's signing key and self-signed certificate in the recording's directory ($1/cert), at recording time:
# nothing secret is committed. Usage: setup.sh <work>
set -e
mkdir -p "$1/cert" "$1/log" "$1/data" "$1/tmp" "$1/sessions"
openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj /CN=127.0.0.1 \
  -keyout "$1/cert/idp.key" -out "$1/cert/idp.crt" 2>/dev/null
