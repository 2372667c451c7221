# Beaker 1.11 (Debian's python3-beaker) as WSGI middleware around a Bottle 0.12 app, as Bottle's documentation pairs
# them: a server-side session (memory) under the `beaker.session.id` cookie, Beaker's defaults otherwise (no
# HttpOnly); regenerate_id() at login; delete() at logout, which sends an expired cookie. For
# scripts/record-framework-hars.ts.
import sys

import bottle
from beaker.middleware import SessionMiddleware
from bottle import redirect, request

FORM = '<form method=post action=/login><input name=username><input type=password name=password><button>Sign in</button></form>'
app = bottle.Bottle()


def session():
    return request.environ['beaker.session']


@app.get('/')
def home():
    s = session()
    s['visits'] = s.get('visits', 0) + 1
    return f"<p>Hello {s.get('user', 'anon')} visits={s['visits']}</p><a id=logout href=/logout>Log out</a>"


@app.get('/login')
def login_form():
    return FORM


@app.post('/login')
def login():
    if request.forms.get('password') != 'secret':
        return FORM + 'bad'
    s = session()
    s.regenerate_id()
    s['user'] = request.forms.get('username')
    redirect('/')


@app.get('/logout')
def logout():
    session().delete()
    redirect('/')


bottle.run(SessionMiddleware(app, {'session.type': 'memory', 'session.auto': True}),
           host='127.0.0.1', port=int(sys.argv[1]), quiet=True)
