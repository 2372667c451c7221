# A Flask 2.2 site (Debian's python3-flask): its default session, a signed cookie; for scripts/record-framework-hars.ts.
import base64, os
from datetime import timedelta
from flask import Flask, session, request, redirect
app = Flask(__name__)
# RANDOM_SECRET=1: the common mistake of a key made at start-up (os.urandom): a restart invalidates every session.
app.secret_key = os.urandom(32) if os.environ.get('RANDOM_SECRET') == '1' else 'x'*32
# SESSION_LIFETIME=<seconds>: the login makes the session permanent (session.permanent = True), its cookie then given
# Expires = now + PERMANENT_SESSION_LIFETIME, renewed on every answer (SESSION_REFRESH_EACH_REQUEST).
# Unset: a browser-session cookie, as before.
SESSION_LIFETIME = os.environ.get('SESSION_LIFETIME')
if SESSION_LIFETIME: app.permanent_session_lifetime = timedelta(seconds=int(SESSION_LIFETIME))
# SESSION_COOKIE_SAMESITE=Strict|Lax|None: the session cookie's SameSite attribute; unset: none (Flask's default).
if os.environ.get('SESSION_COOKIE_SAMESITE'): app.config['SESSION_COOKIE_SAMESITE'] = os.environ['SESSION_COOKIE_SAMESITE']
# SESSION_COOKIE_SECURE=1: the session cookie marked Secure; SESSION_COOKIE_PATH=<path>: its Path (Flask's default: /,
# APPLICATION_ROOT). Unset: Flask's defaults.
if os.environ.get('SESSION_COOKIE_SECURE') == '1': app.config['SESSION_COOKIE_SECURE'] = True
if os.environ.get('SESSION_COOKIE_PATH'): app.config['SESSION_COOKIE_PATH'] = os.environ['SESSION_COOKIE_PATH']
# SESSION_COOKIE_NAME=<name>: the session cookie's name (Flask's default: session), as a second app on the same host
# names its own.
if os.environ.get('SESSION_COOKIE_NAME'): app.config['SESSION_COOKIE_NAME'] = os.environ['SESSION_COOKIE_NAME']
# SESSION_PROFILE_BYTES=<n>: the login keeps n random bytes of the user's profile (base64) in the session, as an app
# that caches a user's roles or preferences there: past ~3 KB the signed cookie outgrows the 4096 bytes a browser
# stores (Flask only warns). Unset: nothing more than the user's name.
SESSION_PROFILE_BYTES = int(os.environ.get('SESSION_PROFILE_BYTES') or 0)
FORM = '<form method=post action=/login><input name=username><input type=password name=password><button>Sign in</button></form>'
@app.route('/')
def home():
    session['visits'] = session.get('visits',0)+1
    return f"<p>Hello {session.get('user','anon')} visits={session['visits']}</p><a id=logout href=/logout>Log out</a>"
@app.route('/login', methods=['GET','POST'])
def login():
    if request.method=='POST':
        if request.form['password']=='secret':
            session.clear(); session['user']=request.form['username']
            if SESSION_PROFILE_BYTES: session['profile'] = base64.b64encode(os.urandom(SESSION_PROFILE_BYTES)).decode()
            if SESSION_LIFETIME: session.permanent = True
            return redirect('/')
        return FORM+'bad'
    return FORM
@app.route('/logout')
def logout():
    session.clear(); return redirect('/')
# The account page (read-only): the user's name, or a visitor sent to the login form.
@app.route('/account/')
def account():
    if 'user' not in session: return redirect('/login')
    return f"<p>Account of {session['user']}</p>"
# A payment provider's return (its form POSTed from its own site, or a link): alice's payment, or a visitor sent to
# the login form.
@app.route('/payment/return', methods=['GET','POST'])
def payment_return():
    if 'user' not in session: return redirect('/login')
    return f"<p>Payment received for {session['user']}</p>"
