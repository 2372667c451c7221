# web.py 0.62 (Debian's python3-webpy) and its sessions, as its cookbook shows them: web.session.Session with a
# DiskStore('sessions') (the recording's directory is the working directory), an initializer, web.config.debug off;
# the `webpy_session_id` cookie (a SHA-1 hex ID, HttpOnly, no SameSite, no expiry) written by every answer. The login
# stores the user in the same session (web.py has no call to change the ID); the logout calls session.kill(), which
# deletes the session file and expires the cookie. For scripts/record-framework-hars.ts.
import web

web.config.debug = False

FORM = '<form method=post action=/login><input name=username><input type=password name=password><button>Sign in</button></form>'

urls = (
    '/', 'index',
    '/login', 'login',
    '/logout', 'logout',
)
app = web.application(urls, locals())
session = web.session.Session(app, web.session.DiskStore('sessions'), initializer={'count': 0, 'user': None})


def html():
    # web.py sends no Content-Type of its own: Chromium would show the bare form as text.
    web.header('Content-Type', 'text/html; charset=utf-8')


class index:
    def GET(self):
        html()
        session.count += 1
        return f"<p>Hello {session.user or 'anon'} visits={session.count}</p><a id=logout href=/logout>Log out</a>"


class login:
    def GET(self):
        html()
        return FORM

    def POST(self):
        form = web.input(username='', password='')
        if form.password != 'secret':
            html()
            return FORM + 'bad'
        session.user = form.username
        raise web.seeother('/')


class logout:
    def GET(self):
        session.kill()
        raise web.seeother('/')


if __name__ == '__main__':
    app.run()
