# A Django 3.2 site (Debian's python3-django) with django.contrib.auth's login() and logout(), for
# scripts/record-framework-hars.ts. SESSION_ENGINE picks the session backend (database, or signed cookies),
# SESSION_COOKIE_AGE the sessions' lifetime in seconds, DJANGO_SECRET_KEY its SECRET_KEY (a recording restarting it
# with another key), SESSION_COOKIE_SAMESITE the session cookie's SameSite (Django's default Lax),
# SESSION_COOKIE_SECURE=1 its Secure flag, SESSION_COOKIE_PATH its Path (default /), SESSION_COOKIE_DOMAIN its Domain
# (default none: host-only); ALLOWED_HOSTS '*' takes every host name (www.app.test, app.test); /accounts/profile/
# requires the login; PAYMENT_RETURN=1 adds /payment/return (GET or POST, exempt from CSRF as a payment provider's
# callback is), which requires it too (unset: not routed, so DEBUG's 404 page lists the same patterns as before).
import os, sys
from django.conf import settings
BASE = os.path.dirname(os.path.abspath(__file__))
settings.configure(
    DEBUG=True, SECRET_KEY=os.environ.get('DJANGO_SECRET_KEY', 'x'*50), ROOT_URLCONF=__name__, ALLOWED_HOSTS=['*'],
    INSTALLED_APPS=['django.contrib.auth','django.contrib.contenttypes','django.contrib.sessions'],
    MIDDLEWARE=['django.contrib.sessions.middleware.SessionMiddleware','django.middleware.csrf.CsrfViewMiddleware',
                'django.contrib.auth.middleware.AuthenticationMiddleware'],
    DATABASES={'default': {'ENGINE':'django.db.backends.sqlite3','NAME': os.environ['DJANGO_DB']}},
    SESSION_ENGINE=os.environ.get('SESSION_ENGINE','django.contrib.sessions.backends.db'),
    SESSION_COOKIE_AGE=int(os.environ.get('SESSION_COOKIE_AGE', 1209600)),  # Django's default: two weeks
    SESSION_COOKIE_SAMESITE=os.environ.get('SESSION_COOKIE_SAMESITE', 'Lax'),  # Django's default: Lax
    SESSION_COOKIE_SECURE=os.environ.get('SESSION_COOKIE_SECURE') == '1',  # Django's default: False
    SESSION_COOKIE_PATH=os.environ.get('SESSION_COOKIE_PATH', '/'),  # Django's default: /
    SESSION_COOKIE_DOMAIN=os.environ.get('SESSION_COOKIE_DOMAIN') or None,  # Django's default: None (host-only)
    TEMPLATES=[{'BACKEND':'django.template.backends.django.DjangoTemplates','DIRS':[],'APP_DIRS':False}],
)
import django; django.setup()
from django.urls import path
from django.http import HttpResponse, HttpResponseRedirect
from django.contrib.auth import authenticate, login, logout
from django.contrib.auth.decorators import login_required
from django.middleware.csrf import get_token
from django.views.decorators.csrf import csrf_exempt
from django.template import engines
T = engines['django'].from_string
FORM = T('<form method=post action="/accounts/login/"><input type=hidden name=csrfmiddlewaretoken value="{{t}}"><input name=username><input type=password name=password><button>Sign in</button></form>{{err}}')
def home(r):
    r.session['visits'] = r.session.get('visits',0)+1
    return HttpResponse(f'<p>Hello {r.user.username or "anon"} visits={r.session["visits"]}</p><form method=post action="/accounts/logout/"><input type=hidden name=csrfmiddlewaretoken value="{get_token(r)}"><button id=logout>Log out</button></form>')
def login_view(r):
    err=''
    if r.method=='POST':
        u = authenticate(r, username=r.POST['username'], password=r.POST['password'])
        if u: login(r,u); return HttpResponseRedirect('/')
        err='bad'
    return HttpResponse(FORM.render({'t':get_token(r),'err':err}))
@login_required
def account(r):
    return HttpResponse(f'<p>Account of {r.user.username}</p>')
# A payment provider's return (its form POSTed from its own site, or a link): no CSRF token of ours, so exempt.
@csrf_exempt
@login_required
def payment_return(r):
    return HttpResponse(f'<p>Payment received for {r.user.username}</p>')
def logout_view(r):
    logout(r); return HttpResponseRedirect('/')
urlpatterns=[path('',home),path('accounts/login/',login_view),path('accounts/logout/',logout_view),
             path('accounts/profile/',account)]
if os.environ.get('PAYMENT_RETURN') == '1': urlpatterns.append(path('payment/return',payment_return))
if __name__=='__main__':
    from django.core.management import execute_from_command_line
    if sys.argv[1:] == ['setup']:
        execute_from_command_line([sys.argv[0], 'migrate', '-v0'])
        from django.contrib.auth.models import User
        User.objects.create_user('alice', password='secret')
    else:
        execute_from_command_line(sys.argv)
