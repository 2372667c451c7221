# python-social-auth on Django 3.2 (Debian's python3-social-django 5.0, python3-social-auth-core 4.3 and
# python3-jose, which the generic OpenID Connect backend imports but Debian's package does not pull in), database
# sessions, for scripts/record-framework-hars.ts, set up as its documentation shows: `social_django` installed, its
# URLs included under the `social` namespace (`/login/oidc/`, `/complete/oidc/`), the generic backend
# `social_core.backends.open_id_connect.OpenIdConnectAuth` first in AUTHENTICATION_BACKENDS beside ModelBackend,
# configured by SOCIAL_AUTH_OIDC_OIDC_ENDPOINT, _KEY, _SECRET (and _USERNAME_KEY, so that the user is named after the
# provider's `sub`, alice), its context processors and exception middleware; Django's LogoutView (posted). The identity
# provider: oidc-provider (test/frameworks/oidc/provider.mjs) on port + 1, its client `sessionscope-social-django`.
# Usage: python3 app.py setup | python3 app.py runserver 127.0.0.1:<port> --noreload
import os, sys
from django.conf import settings
port = int(sys.argv[2].rsplit(':', 1)[1]) if sys.argv[1:2] == ['runserver'] else 0
settings.configure(
    DEBUG=True, SECRET_KEY='x'*50, ROOT_URLCONF=__name__, ALLOWED_HOSTS=['*'],
    INSTALLED_APPS=['django.contrib.auth', 'django.contrib.contenttypes', 'django.contrib.sessions', 'social_django'],
    MIDDLEWARE=['django.contrib.sessions.middleware.SessionMiddleware', 'django.middleware.csrf.CsrfViewMiddleware',
                'django.contrib.auth.middleware.AuthenticationMiddleware',
                'social_django.middleware.SocialAuthExceptionMiddleware'],
    DATABASES={'default': {'ENGINE': 'django.db.backends.sqlite3', 'NAME': os.environ['DJANGO_DB']}},
    TEMPLATES=[{'BACKEND': 'django.template.backends.django.DjangoTemplates', 'DIRS': [],
                'OPTIONS': {'context_processors': ['django.template.context_processors.request',
                                                   'social_django.context_processors.backends',
                                                   'social_django.context_processors.login_redirect']}}],
    DEFAULT_AUTO_FIELD='django.db.models.AutoField',
    AUTHENTICATION_BACKENDS=['social_core.backends.open_id_connect.OpenIdConnectAuth',
                             'django.contrib.auth.backends.ModelBackend'],
    SOCIAL_AUTH_OIDC_OIDC_ENDPOINT=f'http://127.0.0.1:{port + 1}',
    SOCIAL_AUTH_OIDC_KEY='sessionscope-social-django',
    SOCIAL_AUTH_OIDC_SECRET='a-client-secret-for-the-recording-only',
    SOCIAL_AUTH_OIDC_USERNAME_KEY='sub',
    LOGIN_URL='/login/oidc/', LOGIN_REDIRECT_URL='/', LOGOUT_REDIRECT_URL='/',
)
import django; django.setup()
from django.urls import include, path
from django.http import HttpResponse
from django.middleware.csrf import get_token
from django.contrib.auth.views import LogoutView
def home(r):
    r.session['visits'] = r.session.get('visits', 0) + 1
    if r.user.is_authenticated:
        return HttpResponse(f'<!DOCTYPE html><title>Home</title><p>Hello {r.user.username} visits={r.session["visits"]}'
                            f'</p><form method=post action="/accounts/logout/"><input type=hidden '
                            f'name=csrfmiddlewaretoken value="{get_token(r)}"><button id=logout>Log out</button></form>')
    return HttpResponse(f'<!DOCTYPE html><title>Home</title><p>Logged out visits={r.session["visits"]}</p>'
                        '<p><a id=login href="/login/oidc/">Log in with OpenID Connect</a></p>')
urlpatterns = [path('', home), path('', include('social_django.urls', namespace='social')),
               path('accounts/logout/', LogoutView.as_view())]
if __name__ == '__main__':
    from django.core.management import execute_from_command_line
    if sys.argv[1:] == ['setup']:
        execute_from_command_line([sys.argv[0], 'migrate', '-v0'])
    else:
        execute_from_command_line(sys.argv)
