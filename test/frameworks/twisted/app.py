# Twisted Web 22.4 (Debian's python3-twisted) and its sessions, as Twisted's web howto shows them
# ("Storing Objects in the Session", "Session Endings"): request.getSession() issues the `TWISTED_SESSION` cookie
# (path=/, no HttpOnly, no expiry) and keeps the session in the Site's memory; the visit count and the user are
# components adapted from the Session (registerAdapter), as the howto's ICounter; the login stores the user on the
# same session (Twisted has no call to change a session's ID); the logout calls session.expire(), which drops the
# session from the Site, without a Set-Cookie. For scripts/record-framework-hars.ts.
import sys

from twisted.internet import reactor
from twisted.python.components import registerAdapter
from twisted.web.resource import Resource
from twisted.web.server import Session, Site
from twisted.web.util import redirectTo
from zope.interface import Attribute, Interface, implementer

FORM = b'<form method=post action=/login><input name=username><input type=password name=password><button>Sign in</button></form>'


class ICounter(Interface):
    value = Attribute("An int value which counts up once per page view.")


class IAccount(Interface):
    user = Attribute("The name of the user logged in, or None.")


@implementer(ICounter)
class Counter:
    def __init__(self, session):
        self.value = 0


@implementer(IAccount)
class Account:
    def __init__(self, session):
        self.user = None


registerAdapter(Counter, Session, ICounter)
registerAdapter(Account, Session, IAccount)


class Home(Resource):
    isLeaf = True

    def render_GET(self, request):
        session = request.getSession()
        counter = ICounter(session)
        counter.value += 1
        user = IAccount(session).user or 'anon'
        return f'<p>Hello {user} visits={counter.value}</p><a id=logout href=/logout>Log out</a>'.encode()


class Login(Resource):
    isLeaf = True

    def render_GET(self, request):
        request.getSession()
        return FORM

    def render_POST(self, request):
        session = request.getSession()
        username = request.args.get(b'username', [b''])[0].decode()
        password = request.args.get(b'password', [b''])[0].decode()
        if password != 'secret':
            return FORM + b'bad'
        IAccount(session).user = username
        return redirectTo(b'/', request)


class Logout(Resource):
    isLeaf = True

    def render_GET(self, request):
        request.getSession().expire()
        return redirectTo(b'/', request)


class Root(Resource):
    def getChild(self, name, request):
        if name == b'':
            return Home()
        return Resource.getChild(self, name, request)


root = Root()
root.putChild(b'login', Login())
root.putChild(b'logout', Logout())
reactor.listenTCP(int(sys.argv[1]), Site(root), interface='127.0.0.1')
reactor.run()
