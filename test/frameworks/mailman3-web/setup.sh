#!/bin/sh
# The prepare step of the mailman3-web recording (scripts/record-framework-hars.ts), in the recording's directory
# (MAILMAN3_WORK): the project's database migrated, its static files collected (runserver --insecure serves them from
# the apps; django-compressor writes its compressed copies under STATIC_ROOT), alice added with password secret and
# her address alice@example.com verified (allauth's EmailAddress: Debian's settings make verification mandatory).
set -e
export DJANGO_SETTINGS_MODULE=sessionscope_mailman3_settings
export PYTHONPATH="$(dirname "$0")"
manage="/usr/bin/python3 /usr/share/mailman3-web/manage.py"
$manage migrate -v0
$manage collectstatic --noinput -v0
$manage shell -c "
from django.contrib.auth.models import User
from allauth.account.models import EmailAddress
alice = User.objects.create_user('alice', email='alice@example.com', password='secret')
EmailAddress.objects.create(user=alice, email='alice@example.com', verified=True, primary=True)
"
