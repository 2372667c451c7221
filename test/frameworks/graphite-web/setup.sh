#!/bin/sh
# graphite-web's database in the recording's directory ($GRAPHITE_WORK), made as README.Debian says
# (`graphite-manage migrate --run-syncdb`), and the account alice / secret.
set -e
mkdir -p "$GRAPHITE_WORK/whisper" "$GRAPHITE_WORK/log"
graphite-manage migrate --run-syncdb -v 0
graphite-manage shell -c "from django.contrib.auth.models import User; User.objects.create_user('alice', password='secret')"
