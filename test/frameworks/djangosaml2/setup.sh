#!/bin/sh
# The IdP's key and certificate (saml/setup.sh), and the service provider's (djangosaml2 signs its logout requests;
# the IdP checks them against this certificate, in its certdir), made in the recording's directory ($1/cert).
set -e
sh "$(dirname "$0")/../saml/setup.sh" "$1"
openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj /CN=127.0.0.1 \
  -keyout "$1/cert/sp.key" -out "$1/cert/sp.crt" 2>/dev/null
