# A Django 3.2 site with K-State's django-cas-client 1.5 (Debian's python3-django-casclient, the `cas` package), for
# scripts/record-framework-hars.ts, set up as its README shows: `cas` in INSTALLED_APPS, CASMiddleware after the
# authentication middleware, CASBackend beside ModelBackend, CAS_SERVER_URL, its login and logout views at
# /accounts/login/ and /accounts/logout/ (its defaults: CAS 2, users created at their first login, the logout
# "completely", through the CAS server's /cas/logout); database sessions. The CAS server: django-cas-server of
# `cas-mod-auth-cas` (cas/cas.py) on CAS_PORT, reached as `localhost`: both are Django sites with Django's cookie
# `sessionid`, and cookies ignore ports, so on one host name each would overwrite the other's (as two hosts, they do
# not meet). The home page counts visits in the session and links to the logout.
import os, sys
from django.conf import settings
settings.configure(
    DEBUG=True, SECRET_KEY='x'*50, ROOT_URLCONF=__name__, ALLOWED_HOSTS=['*'],
    INSTALLED_APPS=['django.contrib.auth', 'django.contrib.contenttypes', 'django.contrib.sessions', 'cas'],
    MIDDLEWARE=['django.contrib.sessions.middleware.SessionMiddleware', 'django.middleware.csrf.CsrfViewMiddleware',
                'django.contrib.auth.middleware.AuthenticationMiddleware', 'cas.middleware.CASMiddleware'],
    AUTHENTICATION_BACKENDS=['django.contrib.auth.backends.ModelBackend', 'cas.backends.CASBackend'],
    DATABASES={'default': {'ENGINE': 'django.db.backends.sqlite3', 'NAME': os.environ['DJANGO_DB']}},
    TEMPLATES=[{'BACKEND': 'django.template.backends.django.DjangoTemplates', 'DIRS': [], 'APP_DIRS': True}],
    DEFAULT_AUTO_FIELD='django.db.models.AutoField',
    CAS_SERVER_URL=f'http://localhost:{os.environ["CAS_PORT"]}/cas/',
    CAS_LOGOUT_COMPLETELY=True, CAS_PROVIDE_URL_TO_LOGOUT=True,
)
import django; django.setup()
from django.urls import path
from django.http import HttpResponse
import cas.views
def home(r):
    r.session['visits'] = r.session.get('visits', 0) + 1
    return HttpResponse(f'<p>Hello {r.user.username or "anon"} visits={r.session["visits"]}</p>'
                        '<a href="/accounts/login/">Log in</a> <a id=logout href="/accounts/logout/">Log out</a>')
urlpatterns = [path('', home), path('accounts/login/', cas.views.login, name='login'),
               path('accounts/logout/', cas.views.logout, name='logout')]
if __name__ == '__main__':
    from django.core.management import execute_from_command_line
    execute_from_command_line([sys.argv[0], 'migrate', '-v0'])
    execute_from_command_line([sys.argv[0], 'runserver', f'127.0.0.1:{sys.argv[1]}', '--noreload'])
