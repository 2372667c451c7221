# A Django 3.2 service provider with djangosaml2 1.5 (Debian's python3-django-saml2, on pysaml2 7 and xmlsec1), for
# scripts/record-framework-hars.ts, set up as its documentation shows: djangosaml2 in INSTALLED_APPS, its
# SamlSessionMiddleware (the SAML state in a cookie of its own, `saml_session`), Saml2Backend, LOGIN_URL its
# /saml2/login/, SESSION_EXPIRE_AT_BROWSER_CLOSE, its URLs under /saml2/, SAML_CONFIG (the SP's endpoints, its key and
# certificate, signed logout requests, the IdP's metadata fetched from it) and SAML_ATTRIBUTE_MAPPING; a
# `login_required` home counting visits in the session, whose Log out link is djangosaml2's /saml2/logout/ (a SAML
# single logout with the IdP). The IdP: SimpleSAMLphp of `saml-passport-simplesamlphp` with djangosaml2/idp's metadata.
# Usage: app.py <port> <idp port> <work> (the SP's key and certificate made by djangosaml2/setup.sh in <work>/cert).
import os, sys
import saml2, saml2.saml
from django.conf import settings
PORT, IDP_PORT, WORK = sys.argv[1], sys.argv[2], sys.argv[3]
SP = f'http://127.0.0.1:{PORT}'
settings.configure(
    DEBUG=True, SECRET_KEY='x'*50, ROOT_URLCONF=__name__, ALLOWED_HOSTS=['*'],
    INSTALLED_APPS=['django.contrib.auth', 'django.contrib.contenttypes', 'django.contrib.sessions', 'djangosaml2'],
    MIDDLEWARE=['django.contrib.sessions.middleware.SessionMiddleware', 'django.middleware.csrf.CsrfViewMiddleware',
                'django.contrib.auth.middleware.AuthenticationMiddleware',
                'djangosaml2.middleware.SamlSessionMiddleware'],
    AUTHENTICATION_BACKENDS=['django.contrib.auth.backends.ModelBackend', 'djangosaml2.backends.Saml2Backend'],
    DATABASES={'default': {'ENGINE': 'django.db.backends.sqlite3', 'NAME': os.path.join(WORK, 'db.sqlite3')}},
    TEMPLATES=[{'BACKEND': 'django.template.backends.django.DjangoTemplates', 'DIRS': [], 'APP_DIRS': True}],
    DEFAULT_AUTO_FIELD='django.db.models.AutoField',
    LOGIN_URL='/saml2/login/', LOGOUT_REDIRECT_URL='/', SESSION_EXPIRE_AT_BROWSER_CLOSE=True,
    # Its documentation's SameSite section: `saml_session` goes out with SameSite=None, which browsers take only with
    # Secure (Chromium keeps Secure cookies of http://127.0.0.1, a loopback origin).
    SAML_SESSION_COOKIE_NAME='saml_session', SESSION_COOKIE_SECURE=True,
    SAML_DJANGO_USER_MAIN_ATTRIBUTE='username', SAML_CREATE_UNKNOWN_USER=True,
    SAML_ATTRIBUTE_MAPPING={'uid': ('username',), 'mail': ('email',)},
    SAML_CONFIG={
        'xmlsec_binary': '/usr/bin/xmlsec1',
        'entityid': f'{SP}/saml2/metadata/',
        'service': {'sp': {
            'name': 'Sessionscope djangosaml2 SP',
            'name_id_format': saml2.saml.NAMEID_FORMAT_TRANSIENT,
            'endpoints': {
                'assertion_consumer_service': [(f'{SP}/saml2/acs/', saml2.BINDING_HTTP_POST)],
                'single_logout_service': [(f'{SP}/saml2/ls/', saml2.BINDING_HTTP_REDIRECT),
                                          (f'{SP}/saml2/ls/post/', saml2.BINDING_HTTP_POST)],
            },
            'required_attributes': ['uid'],
            # pysaml2's defaults kept: the response signed (the IdP told to sign it), no unsolicited responses.
            'logout_requests_signed': True,
        }},
        'metadata': {'remote': [{'url': f'http://127.0.0.1:{IDP_PORT}/saml2/idp/metadata.php'}]},
        'debug': 1,
        'key_file': os.path.join(WORK, 'cert', 'sp.key'),
        'cert_file': os.path.join(WORK, 'cert', 'sp.crt'),
    },
)
import django; django.setup()
from django.urls import include, path
from django.http import HttpResponse
from django.contrib.auth.decorators import login_required
@login_required
def home(r):
    r.session['visits'] = r.session.get('visits', 0) + 1
    return HttpResponse(f'<p>Hello {r.user.username} visits={r.session["visits"]}</p>'
                        '<a id=logout href="/saml2/logout/">Log out</a>')
urlpatterns = [path('', home), path('saml2/', include('djangosaml2.urls'))]
if __name__ == '__main__':
    from django.core.management import execute_from_command_line
    execute_from_command_line([sys.argv[0], 'migrate', '-v0'])
    execute_from_command_line([sys.argv[0], 'runserver', f'127.0.0.1:{PORT}', '--noreload'])
