# Pyramid 2.0 (Debian's python3-pyramid) with its SignedCookieSessionFactory: the session as JSON `[accessed,
# created, data]` behind an HMAC, base64 in the `session` cookie, saved again on every request (reissue_time 0); it
# has no rotation, so the login invalidates the session and sets the user / the logout invalidates it (an expired
# cookie). With AUTHTKT=1 the login is Pyramid's own, as its wiki2 tutorial does it: a security policy on
# AuthTktCookieHelper, remember() at login and forget() at logout (the `auth_tkt` cookie, set for the host and its
# domains), a new CSRF token in the session at both; the session kept. For scripts/record-framework-hars.ts.
import os
import sys
from wsgiref.simple_server import make_server

from pyramid.authentication import AuthTktCookieHelper
from pyramid.config import Configurator
from pyramid.csrf import new_csrf_token
from pyramid.httpexceptions import HTTPSeeOther
from pyramid.response import Response
from pyramid.security import forget, remember
from pyramid.session import SignedCookieSessionFactory

AUTHTKT = os.environ.get('AUTHTKT') == '1'


class SecurityPolicy:
    def __init__(self, secret):
        self.helper = AuthTktCookieHelper(secret)

    def identity(self, request):
        identity = self.helper.identify(request)
        return identity['userid'] if identity else None

    def authenticated_userid(self, request):
        return self.identity(request)

    def permits(self, request, context, permission):
        return True

    def remember(self, request, userid, **kw):
        return self.helper.remember(request, userid, **kw)

    def forget(self, request, **kw):
        return self.helper.forget(request, **kw)


FORM = '<form method=post action=/login><input name=username><input type=password name=password><button>Sign in</button></form>'


def home(request):
    request.session['visits'] = request.session.get('visits', 0) + 1
    user = request.authenticated_userid if AUTHTKT else request.session.get('user')
    return Response(f"<p>Hello {user or 'anon'} visits={request.session['visits']}</p><a id=logout href=/logout>Log out</a>")


def login(request):
    if request.method != 'POST':
        return Response(FORM)
    if request.POST.get('password') != 'secret':
        return Response(FORM + 'bad')
    if AUTHTKT:
        new_csrf_token(request)
        return HTTPSeeOther('/', headers=remember(request, request.POST.get('username')))
    request.session.invalidate()
    request.session['user'] = request.POST.get('username')
    return HTTPSeeOther('/')


def logout(request):
    if AUTHTKT:
        new_csrf_token(request)
        return HTTPSeeOther('/', headers=forget(request))
    request.session.invalidate()
    return HTTPSeeOther('/')


with Configurator() as config:
    config.set_session_factory(SignedCookieSessionFactory('x' * 32))
    if AUTHTKT:
        config.set_security_policy(SecurityPolicy('y' * 32))
    for name, path, view in [('home', '/', home), ('login', '/login', login), ('logout', '/logout', logout)]:
        config.add_route(name, path)
        config.add_view(view, route_name=name)
    app = config.make_wsgi_app()
make_server('127.0.0.1', int(sys.argv[1]), app).serve_forever()
