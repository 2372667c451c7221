# Flask-Login 0.6 (Debian's python3-flask-login) on Flask 2.2: login_user(remember=True) at login, which puts the user
# into Flask's signed `session` cookie and sets the `remember_token` cookie (`<user id>|<hmac>`, a year long);
# logout_user() at logout, which removes both the user and the remember cookie. Flask's session has no rotation.
# For scripts/record-framework-hars.ts.
import sys

from flask import Flask, redirect, request, session
from flask_login import LoginManager, UserMixin, current_user, login_user, logout_user

FORM = '<form method=post action=/login><input name=username><input type=password name=password><button>Sign in</button></form>'
app = Flask(__name__)
app.secret_key = 'x' * 32
login_manager = LoginManager(app)


class User(UserMixin):
    def __init__(self, name):
        self.id = name


@login_manager.user_loader
def load_user(user_id):
    return User(user_id)


@app.route('/')
def home():
    session['visits'] = session.get('visits', 0) + 1
    user = current_user.id if current_user.is_authenticated else 'anon'
    return f"<p>Hello {user} visits={session['visits']}</p><a id=logout href=/logout>Log out</a>"


@app.route('/login', methods=['GET', 'POST'])
def login():
    if request.method == 'POST':
        if request.form['password'] == 'secret':
            login_user(User(request.form['username']), remember=True)
            return redirect('/')
        return FORM + 'bad'
    return FORM


@app.route('/logout')
def logout():
    logout_user()
    return redirect('/')


app.run(host='127.0.0.1', port=int(sys.argv[1]))
