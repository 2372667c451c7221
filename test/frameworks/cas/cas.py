# A CAS server (django-cas-server 2.0, Debian's python3-django-cas-server) on Django 3.2 and SQLite, for
# scripts/record-framework-hars.ts: the app's quick start (cas_server in INSTALLED_APPS, LocaleMiddleware, its URLs
# under /cas/, SESSION_EXPIRE_AT_BROWSER_CLOSE), Django's own users (alice / secret), and a service pattern (what its
# admin pages would add) letting the applications of 127.0.0.1 ask for tickets. Nothing leaves loopback: Bootstrap
# and jQuery from Debian's libjs packages (/usr/share/javascript) in place of the CDN URLs, no version check on PyPI.
import os, sys
from django.conf import settings
settings.configure(
    DEBUG=True, SECRET_KEY='x'*50, ROOT_URLCONF=__name__, ALLOWED_HOSTS=['*'],
    INSTALLED_APPS=['django.contrib.auth', 'django.contrib.contenttypes', 'django.contrib.sessions',
                    'django.contrib.messages', 'django.contrib.staticfiles', 'cas_server'],
    MIDDLEWARE=['django.contrib.sessions.middleware.SessionMiddleware', 'django.middleware.common.CommonMiddleware',
                'django.middleware.csrf.CsrfViewMiddleware',
                'django.contrib.auth.middleware.AuthenticationMiddleware',
                'django.contrib.messages.middleware.MessageMiddleware', 'django.middleware.locale.LocaleMiddleware'],
    DATABASES={'default': {'ENGINE': 'django.db.backends.sqlite3', 'NAME': os.environ['DJANGO_DB']}},
    TEMPLATES=[{'BACKEND': 'django.template.backends.django.DjangoTemplates', 'DIRS': [], 'APP_DIRS': True,
                'OPTIONS': {'context_processors': ['django.template.context_processors.request',
                                                   'django.contrib.auth.context_processors.auth',
                                                   'django.contrib.messages.context_processors.messages']}}],
    DEFAULT_AUTO_FIELD='django.db.models.AutoField',
    STATIC_URL='/static/', STATICFILES_DIRS=[('javascript', '/usr/share/javascript')],
    SESSION_EXPIRE_AT_BROWSER_CLOSE=True,
    CAS_COMPONENT_URLS={'bootstrap4_css': '/static/javascript/bootstrap4/css/bootstrap.min.css',
                        'bootstrap4_js': '/static/javascript/bootstrap4/js/bootstrap.min.js',
                        'jquery': '/static/javascript/jquery/jquery.min.js'},
    CAS_NEW_VERSION_HTML_WARNING=False, CAS_NEW_VERSION_EMAIL_WARNING=False,
)
import django; django.setup()
from django.urls import include, path
urlpatterns = [path('cas/', include('cas_server.urls', namespace='cas_server'))]
if __name__ == '__main__':
    from django.core.management import execute_from_command_line
    if sys.argv[1:] == ['setup']:
        execute_from_command_line([sys.argv[0], 'migrate', '-v0'])
        from django.contrib.auth.models import User
        from cas_server.models import ServicePattern
        User.objects.create_user('alice', password='secret')
        # CAS_SLO=1: the CAS logout also sends a single-logout request to each service the user logged in to.
        ServicePattern.objects.create(name='loopback', pattern=r'^http://127\.0\.0\.1:[0-9]+/',
                                      single_log_out=os.environ.get('CAS_SLO') == '1')
    else:
        execute_from_command_line(sys.argv)
