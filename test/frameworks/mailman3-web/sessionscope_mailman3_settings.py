# Mailman 3's web UI (Debian's mailman3-web: Postorius and HyperKitty on Django 3.2) for
# scripts/record-framework-hars.ts: Debian's own project settings (/usr/share/mailman3-web/settings.py, which reads
# /etc/mailman3/mailman-web.py, written by the package's postinst), with what a recording needs over them: everything
# the project writes (SQLite database, static files and their compressed copies, full-text index, log) in the
# recording's directory (MAILMAN3_WORK), ALLOWED_HOSTS 127.0.0.1, a key of its own, the Mailman core's REST API on a
# port where nothing listens (MAILMAN3_REST_PORT: the login pages need no core; Postorius's pages answer that it is
# unreachable), the compression done on the fly (Debian's COMPRESS_OFFLINE wants `manage.py compress` first) and no
# Gravatar images (the page would fetch them from secure.gravatar.com).
# DEBUG stays off, as Debian ships it: the session and CSRF cookies are Django's defaults (sessionid HttpOnly, csrftoken
# readable by script, both SameSite=Lax, neither Secure).
import os
import sys

sys.path.insert(0, '/usr/share/mailman3-web')
from settings import *  # noqa: E402,F401,F403  (Debian's settings, then its settings_local)

WORK = os.environ['MAILMAN3_WORK']
SECRET_KEY = 'sessionscope-recording-' + 'x' * 40
ALLOWED_HOSTS = ['127.0.0.1']
DATABASES = {'default': {'ENGINE': 'django.db.backends.sqlite3', 'NAME': os.path.join(WORK, 'mailman3web.db')}}
STATIC_ROOT = os.path.join(WORK, 'static')
COMPRESS_OFFLINE = False
HAYSTACK_CONNECTIONS = {
    'default': {'ENGINE': 'haystack.backends.whoosh_backend.WhooshEngine', 'PATH': os.path.join(WORK, 'fulltext_index')}
}
LOGGING['handlers']['file']['filename'] = os.path.join(WORK, 'mailman-web.log')  # noqa: F405
MAILMAN_REST_API_URL = 'http://127.0.0.1:%s' % os.environ.get('MAILMAN3_REST_PORT', '8001')
EMAIL_BACKEND = 'django.core.mail.backends.filebased.EmailBackend'
EMAIL_FILE_PATH = os.path.join(WORK, 'emails')
HYPERKITTY_ENABLE_GRAVATAR = False
