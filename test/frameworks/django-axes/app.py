# django-axes 5.39 (Debian's python3-django-axes) on Django 3.2, database sessions, for
# scripts/record-framework-hars.ts, configured as its documentation shows: `axes` installed, AxesBackend first among
# the authentication backends, AxesMiddleware last, its defaults (database handler, lockout by IP address, no cool-off,
# the 403 answer) but AXES_FAILURE_LIMIT lowered from 3 to 2, so that the second wrong password locks. Django's own
# LoginView and (posted) LogoutView; the home page, open to all, counts visits in the session.
import os, sys
from django.conf import settings
LOGIN = '''<form method=post>{% csrf_token %}{{ form.non_field_errors }}
<p>{{ form.username.label_tag }} {{ form.username }}</p><p>{{ form.password.label_tag }} {{ form.password }}</p>
<button type=submit>Log in</button></form>'''
settings.configure(
    DEBUG=True, SECRET_KEY='x'*50, ROOT_URLCONF=__name__, ALLOWED_HOSTS=['*'],
    INSTALLED_APPS=['django.contrib.auth', 'django.contrib.contenttypes', 'django.contrib.sessions', 'axes'],
    MIDDLEWARE=['django.contrib.sessions.middleware.SessionMiddleware', 'django.middleware.csrf.CsrfViewMiddleware',
                'django.contrib.auth.middleware.AuthenticationMiddleware', 'axes.middleware.AxesMiddleware'],
    AUTHENTICATION_BACKENDS=['axes.backends.AxesBackend', 'django.contrib.auth.backends.ModelBackend'],
    AXES_FAILURE_LIMIT=2,
    DATABASES={'default': {'ENGINE': 'django.db.backends.sqlite3', 'NAME': os.environ['DJANGO_DB']}},
    TEMPLATES=[{'BACKEND': 'django.template.backends.django.DjangoTemplates', 'DIRS': [],
                'OPTIONS': {'context_processors': ['django.template.context_processors.request'],
                            'loaders': [('django.template.loaders.locmem.Loader',
                                         {'registration/login.html': LOGIN})]}}],
    DEFAULT_AUTO_FIELD='django.db.models.AutoField',
    LOGIN_REDIRECT_URL='/', LOGOUT_REDIRECT_URL='/',
)
import django; django.setup()
from django.urls import path
from django.http import HttpResponse
from django.middleware.csrf import get_token
from django.contrib.auth.views import LoginView, LogoutView
def home(r):
    r.session['visits'] = r.session.get('visits', 0) + 1
    return HttpResponse(f'<p>Hello {r.user.username or "anon"} visits={r.session["visits"]}</p>'
                        f'<form method=post action="/accounts/logout/"><input type=hidden name=csrfmiddlewaretoken '
                        f'value="{get_token(r)}"><button id=logout>Log out</button></form>')
urlpatterns = [path('', home), path('accounts/login/', LoginView.as_view()),
               path('accounts/logout/', LogoutView.as_view())]
if __name__ == '__main__':
    from django.core.management import execute_from_command_line
    if sys.argv[1:] == ['setup']:
        execute_from_command_line([sys.argv[0], 'migrate', '-v0'])
        from django.contrib.auth.models import User
        User.objects.create_user('alice', password='secret')
    else:
        execute_from_command_line(sys.argv)
