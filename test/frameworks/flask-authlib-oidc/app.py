# A Flask 2.2 relying party with Authlib 1.2's Flask OAuth client (Debian's python3-authlib, python3-flask), for
# scripts/record-framework-hars.ts, as Authlib's "Flask OAuth Client" documentation shows: `OAuth(app)`,
# `oauth.register(... server_metadata_url=...)` with the scope `openid email profile`, `authorize_redirect()` on
# /login, `authorize_access_token()` on the callback and the user (the ID token's claims, `token['userinfo']`) kept in
# Flask's default session (a signed cookie). Its identity provider: oidc-provider (test/frameworks/oidc/provider.mjs)
# on port + 1, whose client `sessionscope-rp` has the redirect URI <port>/callback. Authlib's documentation shows no
# RP-initiated logout: /logout clears Flask's session only. Usage: python3 app.py <port>
import sys
from flask import Flask, redirect, session, url_for
from authlib.integrations.flask_client import OAuth

port = int(sys.argv[1])
app = Flask(__name__)
app.secret_key = 'a-flask-secret-key-for-the-recording-only'
oauth = OAuth(app)
oauth.register(
    name='oidc',
    client_id='sessionscope-rp',
    client_secret='a-client-secret-for-the-recording-only',
    server_metadata_url=f'http://127.0.0.1:{port + 1}/.well-known/openid-configuration',
    client_kwargs={'scope': 'openid email profile'},
)


@app.route('/')
def home():
    session['visits'] = session.get('visits', 0) + 1
    user = session.get('user')
    if user:
        return (f"<!DOCTYPE html><title>Home</title><p>Logged in as {user['sub']} visits={session['visits']}</p>"
                '<p><a id=logout href=/logout>Log out</a></p>')
    return (f"<!DOCTYPE html><title>Home</title><p>Logged out visits={session['visits']}</p>"
            '<p><a id=login href=/login>Log in</a></p>')


@app.route('/login')
def login():
    redirect_uri = url_for('callback', _external=True)
    return oauth.oidc.authorize_redirect(redirect_uri)


@app.route('/callback')
def callback():
    token = oauth.oidc.authorize_access_token()
    session['user'] = token['userinfo']
    return redirect('/')


@app.route('/logout')
def logout():
    session.clear()
    return redirect('/')


if __name__ == '__main__':
    app.run(host='127.0.0.1', port=port)
