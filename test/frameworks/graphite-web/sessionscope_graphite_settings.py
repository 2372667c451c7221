# graphite-web 1.1.8's local settings (Debian's /etc/graphite/local_settings.py, its paths moved into the recording's
# directory, GRAPHITE_WORK), read by graphite.settings through GRAPHITE_SETTINGS_MODULE. For
# scripts/record-framework-hars.ts: `django-admin runserver --settings graphite.settings` as README.Debian shows.
import os
from os.path import join

WORK = os.environ['GRAPHITE_WORK']
SECRET_KEY = 'sessionscope-recording-secret-key'
LOG_ROTATION = False
DEFAULT_XFILES_FACTOR = 0
GRAPHITE_ROOT = '/usr/share/graphite-web'
CONF_DIR = '/etc/graphite'
STORAGE_DIR = join(WORK, 'whisper')
STATIC_ROOT = '/usr/share/graphite-web/static'
LOG_DIR = join(WORK, 'log')
INDEX_FILE = join(WORK, 'search_index')
WHISPER_DIR = join(WORK, 'whisper')
DATABASES = {
    'default': {
        'NAME': join(WORK, 'graphite.db'),
        'ENGINE': 'django.db.backends.sqlite3',
        'USER': '',
        'PASSWORD': '',
        'HOST': '',
        'PORT': '',
    }
}
FUNCTION_PLUGINS = []
