# Bottle 0.12 (Debian's python3-bottle) and its signed cookies, as its documentation shows them: no session store,
# the user name pickled and signed into an `account` cookie at login (value `"!<base64 hmac>?<base64 pickle>"`),
# delete_cookie() at logout; the home page keeps its count in a second signed cookie, `visits`, signed again at each
# visit. For scripts/record-framework-hars.ts.
import sys

from bottle import Bottle, redirect, request, response

SECRET = 'x' * 32
FORM = '<form method=post action=/login><input name=username><input type=password name=password><button>Sign in</button></form>'
app = Bottle()


@app.get('/')
def home():
    visits = (request.get_cookie('visits', secret=SECRET) or 0) + 1
    response.set_cookie('visits', visits, secret=SECRET, path='/')
    user = request.get_cookie('account', secret=SECRET)
    return f"<p>Hello {user or 'anon'} visits={visits}</p><a id=logout href=/logout>Log out</a>"


@app.get('/login')
def login_form():
    return FORM


@app.post('/login')
def login():
    if request.forms.get('password') != 'secret':
        return FORM + 'bad'
    response.set_cookie('account', request.forms.get('username'), secret=SECRET, path='/', httponly=True)
    redirect('/')


@app.get('/logout')
def logout():
    response.delete_cookie('account', path='/')
    redirect('/')


app.run(host='127.0.0.1', port=int(sys.argv[1]), quiet=True)
