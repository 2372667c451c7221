#!/bin/sh
# The login server's RSA key pair for one recording, in its directory ($1), as mod_auth_pubtkt's README makes it;
# the private key readable by the CGI (run as www-data): a throwaway key of the recording alone.
set -e
cd "$1"
chmod 755 .
openssl genrsa -out privkey.pem 2048
openssl rsa -in privkey.pem -out pubkey.pem -pubout
chmod 644 privkey.pem pubkey.pem
