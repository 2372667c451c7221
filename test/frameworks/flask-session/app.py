# Flask-Session 0.3 (Debian's python3-flask-session) on Flask 2.2, set up as its quickstart shows with
# SESSION_TYPE = 'filesystem': the session kept server-side in files (cachelib's FileSystemCache, in ./flask_session
# of the working directory, the recording's own), the `session` cookie holding only its ID (a uuid4, unsigned:
# SESSION_USE_SIGNER's default), permanent (31 days) and set again on every response. Flask-Session 0.3 has no way to
# change the ID: the login clears the session and sets the user under the same ID; the logout clears it, which
# deletes the file and the cookie. For scripts/record-framework-hars.ts.
import sys

from flask import Flask, redirect, request, session
from flask_session import Session

FORM = '<form method=post action=/login><input name=username><input type=password name=password><button>Sign in</button></form>'
app = Flask(__name__)
SESSION_TYPE = 'filesystem'
app.config.from_object(__name__)
Session(app)


@app.route('/')
def home():
    session['visits'] = session.get('visits', 0) + 1
    return f"<p>Hello {session.get('user', 'anon')} visits={session['visits']}</p><a id=logout href=/logout>Log out</a>"


@app.route('/login', methods=['GET', 'POST'])
def login():
    if request.method == 'POST':
        if request.form['password'] == 'secret':
            session.clear()
            session['user'] = request.form['username']
            return redirect('/')
        return FORM + 'bad'
    return FORM


@app.route('/logout')
def logout():
    session.clear()
    return redirect('/')


app.run(host='127.0.0.1', port=int(sys.argv[1]))
