#!/bin/sh
# Gitit's wiki for one recording, in the current directory (the recording's own): its default configuration
# (`gitit --print-default-config`) with every path in this directory (the git repository of pages, the users file,
# static files, templates, cache, log), form authentication and `require-authentication: modify` (pages readable by
# anyone, a login to edit them), math left raw (no MathJax script from a CDN); the port is set by start.sh. alice's
# account is written straight into the users file, in its format (Haskell's `show` of the user list; the password
# stored as the SHA-512 of salt ++ password): gitit's /_register refuses `secret` (a password needs a non-letter).
set -e
dir=$(pwd)
gitit --print-default-config | sed \
  -e 's/^address: .*/address: 127.0.0.1/' \
  -e "s|^repository-path: .*|repository-path: $dir/wikidata|" \
  -e "s|^user-file: .*|user-file: $dir/gitit-users|" \
  -e "s|^static-dir: .*|static-dir: $dir/static|" \
  -e "s|^templates-dir: .*|templates-dir: $dir/templates|" \
  -e "s|^cache-dir: .*|cache-dir: $dir/cache|" \
  -e "s|^log-file: .*|log-file: $dir/gitit.log|" \
  -e 's/^authentication-method: .*/authentication-method: form/' \
  -e 's/^require-authentication: .*/require-authentication: modify/' \
  -e 's/^math: .*/math: raw/' \
  -e 's/^use-recaptcha: .*/use-recaptcha: no/' \
  >gitit.conf.in
salt=sessionscopegititsaltsessionscop
hash=$(printf '%s%s' "$salt" secret | sha512sum | cut -d' ' -f1)
printf '[("alice",User {uUsername = "alice", uPassword = Password {pSalt = "%s", pHashed = "%s"}, uEmail = ""})\n]\n' \
  "$salt" "$hash" >gitit-users
