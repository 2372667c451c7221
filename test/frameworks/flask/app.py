# A Flask 2.2 site (Debian's python3-flask): its default session, a signed cookie; for scripts/record-framework-hars.ts.
import os
from flask import Flask, session, request, redirect
app = Flask(__name__)
# RANDOM_SECRET=1: the common mistake of a key made at start-up (os.urandom): a restart invalidates every session.
app.secret_key = os.urandom(32) if os.environ.get('RANDOM_SECRET') == '1' else 'x'*32
FORM = '<form method=post action=/login><input name=username><input type=password name=password><button>Sign in</button></form>'
@app.route('/')
def home():
    session['visits'] = session.get('visits',0)+1
    return f"<p>Hello {session.get('user','anon')} visits={session['visits']}</p><a id=logout href=/logout>Log out</a>"
@app.route('/login', methods=['GET','POST'])
def login():
    if request.method=='POST':
        if request.form['password']=='secret':
            session.clear(); session['user']=request.form['username']; return redirect('/')
        return FORM+'bad'
    return FORM
@app.route('/logout')
def logout():
    session.clear(); return redirect('/')
