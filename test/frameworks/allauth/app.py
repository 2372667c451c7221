# django-allauth 0.51 (Debian's python3-django-allauth) on Django 3.2, database sessions, for
# scripts/record-framework-hars.ts: allauth's own login page (/accounts/login/, fields `login` and `password`) and its
# POST logout (/accounts/logout/, posted by the home page's form); its settings as its documentation shows.
import os, sys
from django.conf import settings
settings.configure(
    DEBUG=True, SECRET_KEY='x'*50, ROOT_URLCONF=__name__, ALLOWED_HOSTS=['*'], SITE_ID=1,
    INSTALLED_APPS=['django.contrib.auth', 'django.contrib.contenttypes', 'django.contrib.sessions',
                    'django.contrib.messages', 'django.contrib.sites', 'allauth', 'allauth.account',
                    'allauth.socialaccount'],
    MIDDLEWARE=['django.contrib.sessions.middleware.SessionMiddleware', 'django.middleware.csrf.CsrfViewMiddleware',
                'django.contrib.auth.middleware.AuthenticationMiddleware',
                'django.contrib.messages.middleware.MessageMiddleware'],
    AUTHENTICATION_BACKENDS=['django.contrib.auth.backends.ModelBackend',
                             'allauth.account.auth_backends.AuthenticationBackend'],
    DATABASES={'default': {'ENGINE': 'django.db.backends.sqlite3', 'NAME': os.environ['DJANGO_DB']}},
    TEMPLATES=[{'BACKEND': 'django.template.backends.django.DjangoTemplates', 'DIRS': [], 'APP_DIRS': True,
                'OPTIONS': {'context_processors': ['django.template.context_processors.request',
                                                   'django.contrib.auth.context_processors.auth',
                                                   'django.contrib.messages.context_processors.messages']}}],
    DEFAULT_AUTO_FIELD='django.db.models.AutoField',
    LOGIN_REDIRECT_URL='/', ACCOUNT_EMAIL_VERIFICATION='none',
)
import django; django.setup()
from django.urls import include, path
from django.http import HttpResponse
from django.middleware.csrf import get_token
def home(r):
    r.session['visits'] = r.session.get('visits', 0) + 1
    return HttpResponse(f'<p>Hello {r.user.username or "anon"} visits={r.session["visits"]}</p>'
                        f'<form method=post action="/accounts/logout/"><input type=hidden name=csrfmiddlewaretoken '
                        f'value="{get_token(r)}"><button id=logout>Log out</button></form>')
urlpatterns = [path('', home), path('accounts/', include('allauth.urls'))]
if __name__ == '__main__':
    from django.core.management import execute_from_command_line
    if sys.argv[1:] == ['setup']:
        execute_from_command_line([sys.argv[0], 'migrate', '-v0'])
        from django.contrib.auth.models import User
        User.objects.create_user('alice', password='secret')
    else:
        execute_from_command_line(sys.argv)
