# django-otp 1.1 (Debian's python3-django-otp) on Django 3.2, database sessions, for scripts/record-framework-hars.ts,
# set up as its documentation shows: the django_otp apps and its static-token plugin installed, OTPMiddleware after
# AuthenticationMiddleware, Django's own LoginView with `authentication_form=OTPAuthenticationForm` (fields username,
# password, otp_token; otp_device once the password is right), the home page behind `otp_required`, Django's
# LogoutView (posted). alice / secret has a static device with the token 123456 (`manage.py addstatictoken`, at
# setup); a static token is used up once it is accepted.
import os, sys
from django.conf import settings
LOGIN = '''<form method=post>{% csrf_token %}{{ form.non_field_errors }}
<p>{{ form.username.label_tag }} {{ form.username }}</p><p>{{ form.password.label_tag }} {{ form.password }}</p>
{% if form.get_user %}<p>{{ form.otp_device.label_tag }} {{ form.otp_device }}</p>{% endif %}
<p>{{ form.otp_token.label_tag }} {{ form.otp_token }}</p>
<button id=sign-in type=submit>Log in</button>
{% if form.get_user %}<input type=submit name=otp_challenge value="Get challenge">{% endif %}</form>'''
settings.configure(
    DEBUG=True, SECRET_KEY='x'*50, ROOT_URLCONF=__name__, ALLOWED_HOSTS=['*'],
    INSTALLED_APPS=['django.contrib.auth', 'django.contrib.contenttypes', 'django.contrib.sessions',
                    'django_otp', 'django_otp.plugins.otp_totp', 'django_otp.plugins.otp_hotp',
                    'django_otp.plugins.otp_static'],
    MIDDLEWARE=['django.contrib.sessions.middleware.SessionMiddleware', 'django.middleware.csrf.CsrfViewMiddleware',
                'django.contrib.auth.middleware.AuthenticationMiddleware', 'django_otp.middleware.OTPMiddleware'],
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
from django_otp.decorators import otp_required
from django_otp.forms import OTPAuthenticationForm
@otp_required
def home(r):
    r.session['visits'] = r.session.get('visits', 0) + 1
    return HttpResponse(f'<p>Hello {r.user.username} visits={r.session["visits"]}</p>'
                        f'<form method=post action="/accounts/logout/"><input type=hidden name=csrfmiddlewaretoken '
                        f'value="{get_token(r)}"><button id=logout>Log out</button></form>')
urlpatterns = [path('', home),
               path('accounts/login/', LoginView.as_view(authentication_form=OTPAuthenticationForm)),
               path('accounts/logout/', LogoutView.as_view())]
if __name__ == '__main__':
    from django.core.management import execute_from_command_line
    if sys.argv[1:] == ['setup']:
        execute_from_command_line([sys.argv[0], 'migrate', '-v0'])
        from django.contrib.auth.models import User
        User.objects.create_user('alice', password='secret')
        execute_from_command_line([sys.argv[0], 'addstatictoken', '-t', '123456', 'alice'])
    else:
        execute_from_command_line(sys.argv)
