# Tornado 6.2 (Debian's python3-tornado) and its secure cookies, as its documentation's authentication example does:
# no session store, the user name signed into a `user` cookie by set_secure_cookie() at login (value
# `2|1:0|10:<time>|4:user|<len>:<base64>|<hmac>`), clear_cookie() at logout; the home page keeps its count in a
# second secure cookie, `visits`, signed again at each visit. For scripts/record-framework-hars.ts.
import sys

import tornado.ioloop
import tornado.web

FORM = '<form method=post action=/login><input name=username><input type=password name=password><button>Sign in</button></form>'


class Base(tornado.web.RequestHandler):
    def get_current_user(self):
        user = self.get_secure_cookie('user')
        return user.decode() if user else None


class Home(Base):
    def get(self):
        visits = int(self.get_secure_cookie('visits') or 0) + 1
        self.set_secure_cookie('visits', str(visits))
        self.write(f"<p>Hello {self.current_user or 'anon'} visits={visits}</p><a id=logout href=/logout>Log out</a>")


class Login(Base):
    def get(self):
        self.write(FORM)

    def post(self):
        if self.get_argument('password') != 'secret':
            self.write(FORM + 'bad')
            return
        self.set_secure_cookie('user', self.get_argument('username'))
        self.redirect('/')


class Logout(Base):
    def get(self):
        self.clear_cookie('user')
        self.redirect('/')


app = tornado.web.Application([(r'/', Home), (r'/login', Login), (r'/logout', Logout)], cookie_secret='x' * 32)
app.listen(int(sys.argv[1]), '127.0.0.1')
tornado.ioloop.IOLoop.current().start()
