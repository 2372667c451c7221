# Quart 0.18 (Debian's python3-quart, Flask's async twin, served by its own app.run on Hypercorn): its default session,
# a cookie signed by itsdangerous (`session`), as Flask's; no rotation: the login clears the session and sets the user,
# the logout clears it. For scripts/record-framework-hars.ts.
import sys

from quart import Quart, redirect, request, session

FORM = '<form method=post action=/login><input name=username><input type=password name=password><button>Sign in</button></form>'
app = Quart(__name__)
app.secret_key = 'x' * 32


@app.route('/')
async def home():
    session['visits'] = session.get('visits', 0) + 1
    return f"<p>Hello {session.get('user', 'anon')} visits={session['visits']}</p><a id=logout href=/logout>Log out</a>"


@app.route('/login', methods=['GET', 'POST'])
async def login():
    if request.method == 'POST':
        form = await request.form
        if form.get('password') == 'secret':
            session.clear()
            session['user'] = form.get('username')
            return redirect('/')
        return FORM + 'bad'
    return FORM


@app.route('/logout')
async def logout():
    session.clear()
    return redirect('/')


app.run(host='127.0.0.1', port=int(sys.argv[1]), use_reloader=False)
