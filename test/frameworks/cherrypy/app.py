# CherryPy 18.8 (Debian's python3-cherrypy3) with its sessions tool (RAM storage, the `session_id` cookie):
# cherrypy.session.regenerate() at login; at logout the session cleared and cherrypy.lib.sessions.expire(), which
# expires the cookie, as CherryPy's documentation shows. For scripts/record-framework-hars.ts.
import os
import sys

import cherrypy

FORM = '<form method=post action=/login><input name=username><input type=password name=password><button>Sign in</button></form>'


class App:
    @cherrypy.expose
    def index(self):
        cherrypy.session['visits'] = cherrypy.session.get('visits', 0) + 1
        return f"<p>Hello {cherrypy.session.get('user', 'anon')} visits={cherrypy.session['visits']}</p><a id=logout href=/logout>Log out</a>"

    @cherrypy.expose
    def login(self, username=None, password=None):
        if cherrypy.request.method != 'POST':
            return FORM
        if password != 'secret':
            return FORM + 'bad'
        cherrypy.session.regenerate()
        cherrypy.session['user'] = username
        raise cherrypy.HTTPRedirect('/', 303)

    @cherrypy.expose
    def logout(self):
        cherrypy.session.clear()
        cherrypy.lib.sessions.expire()
        raise cherrypy.HTTPRedirect('/', 303)


cherrypy.config.update({'server.socket_host': '127.0.0.1', 'server.socket_port': int(sys.argv[1]),
                        'log.screen': False, 'engine.autoreload.on': False})
# SESSION_TIMEOUT: the sessions tool's `timeout` in minutes with a persistent cookie (cherrypy-cookie-expiry): the
# cookie's Expires that far ahead, set again on every answer; CherryPy's own 60 by default.
timeout = {'tools.sessions.persistent': True, 'tools.sessions.timeout': int(os.environ['SESSION_TIMEOUT'])} \
    if 'SESSION_TIMEOUT' in os.environ else {}
cherrypy.quickstart(App(), '/', {'/': {'tools.sessions.on': True, 'tools.sessions.httponly': True, **timeout}})
