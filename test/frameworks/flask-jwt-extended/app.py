# Flask-JWT-Extended 4.4 (Debian's python3-python-flask-jwt-extended) on Flask 2.2, its JWTs in cookies as its
# documentation's "JWT Locations: Cookies" page and its recommended "Implicit Refreshing With Cookies" example
# (examples/implicit_refresh.py) show: JWT_TOKEN_LOCATION = ["cookies"], JWT_COOKIE_SECURE = False (the docs' value
# for http), the CSRF double submit on (its default: `csrf_access_token`, readable by script, beside the HttpOnly
# `access_token_cookie`), an access token of an hour renewed by an after_request hook within 30 minutes of its expiry,
# no refresh token (the docs show refresh tokens in headers, for clients that are not websites).
# set_access_cookies() at login, unset_jwt_cookies() at logout (both POSTs). The login is a plain form POST (the docs'
# fetch() replaced by a form, so that a wrong password shows the form again); the home page, behind
# @jwt_required(optional=True), reads the identity (JWTs are immutable: nothing is written on a visit).
# For scripts/record-framework-hars.ts.
import sys
from datetime import datetime, timedelta, timezone

from flask import Flask, redirect, request
from flask_jwt_extended import (
    JWTManager,
    create_access_token,
    get_jwt,
    get_jwt_identity,
    jwt_required,
    set_access_cookies,
    unset_jwt_cookies,
)

FORM = '<form method=post action=/login><input name=username><input type=password name=password><button>Sign in</button></form>'
app = Flask(__name__)
# If true this will only allow the cookies that contain your JWTs to be sent over https (the docs: True in production).
app.config['JWT_COOKIE_SECURE'] = False
app.config['JWT_TOKEN_LOCATION'] = ['cookies']
app.config['JWT_SECRET_KEY'] = 'super-secret'  # Change this in your code! (the docs' words)
app.config['JWT_ACCESS_TOKEN_EXPIRES'] = timedelta(hours=1)
jwt = JWTManager(app)


# The docs' implicit refresh: any token within 30 minutes of expiring is replaced at the end of the request.
@app.after_request
def refresh_expiring_jwts(response):
    try:
        exp_timestamp = get_jwt()['exp']
        now = datetime.now(timezone.utc)
        target_timestamp = datetime.timestamp(now + timedelta(minutes=30))
        if target_timestamp > exp_timestamp:
            access_token = create_access_token(identity=get_jwt_identity())
            set_access_cookies(response, access_token)
        return response
    except (RuntimeError, KeyError):
        # Case where there is not a valid JWT. Just return the original response
        return response


@app.route('/')
@jwt_required(optional=True)
def home():
    user = get_jwt_identity() or 'anon'
    return (
        f'<p>Hello {user}</p>'
        '<form method=post action=/logout><button id=logout>Log out</button></form>'
    )


@app.route('/login', methods=['GET', 'POST'])
def login():
    if request.method == 'POST':
        if request.form['username'] == 'alice' and request.form['password'] == 'secret':
            response = redirect('/')
            set_access_cookies(response, create_access_token(identity='alice'))
            return response
        return FORM + 'bad', 401
    return FORM


@app.route('/logout', methods=['POST'])
def logout():
    response = redirect('/')
    unset_jwt_cookies(response)
    return response


app.run(host='127.0.0.1', port=int(sys.argv[1]))
