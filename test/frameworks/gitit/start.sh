#!/bin/sh
# Gitit on 127.0.0.1:$GITIT_PORT with the configuration setup.sh wrote in the current directory, in the foreground
# (it makes the wiki's git repository, static files and templates there at its first start).
set -e
sed "s/^port: .*/port: $GITIT_PORT/" gitit.conf.in >gitit.conf
exec gitit -f gitit.conf
