# Cork 0.12 (Debian's python3-bottle-cork) on Bottle 0.12 as its own example (examples/simple_webapp.py) shows it:
# Beaker 1.11's SessionMiddleware with the example's session options (`session.type: cookie`, an encrypt key: the
# whole session AES-encrypted into the `beaker.session.id` cookie; HttpOnly; `cookie_expires: True`, a browser-session
# cookie; a day's timeout), `aaa.login(…, success_redirect='/', fail_redirect='/login')`,
# `aaa.logout(success_redirect='/login')` (Beaker's `session.delete()`), `aaa.require(fail_redirect='/login')` on a
# private page. Beaker's encryption needs an AES module: Debian's python3-pycryptodome (which python3-beaker
# suggests). Debian's Cork wants a hashing algorithm and iteration count where the example gives none
# (`preferred_hashing_algorithm`, `pbkdf2_iterations`). Its JSON backend (users, roles, register) made at start-up
# in the working directory (the recording's own) with alice/secret, as examples/recreate_example_conf.py makes it.
# The home page counts visits in the same Beaker session (saved, as the example's options do not auto-save).
# For scripts/record-framework-hars.ts.
import os
import sys
from datetime import datetime

import bottle
from beaker.middleware import SessionMiddleware
from cork import Cork

CONF = os.path.abspath('cork_conf')
FORM = '<form action=login method=post name=login><input type=text name=username><input type=password name=password><button type=submit>OK</button></form>'


def populate_conf_directory():
    os.makedirs(CONF, exist_ok=True)
    cork = Cork(CONF, initialize=True, preferred_hashing_algorithm='PBKDF2sha1', pbkdf2_iterations=100000)
    cork._store.roles['admin'] = 100
    cork._store.roles['user'] = 50
    cork._store.save_roles()
    tstamp = str(datetime.utcnow())
    cork._store.users['alice'] = {
        'role': 'admin',
        'hash': cork._hash('alice', 'secret').decode('ascii'),
        'email_addr': 'alice@localhost.local',
        'desc': 'alice test user',
        'creation_date': tstamp,
    }
    cork._store.save_users()


populate_conf_directory()
aaa = Cork(CONF, email_sender='alice@localhost.local', smtp_url='smtp://127.0.0.1',
           preferred_hashing_algorithm='PBKDF2sha1', pbkdf2_iterations=100000)

app = bottle.app()
session_opts = {
    'session.cookie_expires': True,
    'session.encrypt_key': 'please use a random key and keep it secret!',
    'session.httponly': True,
    'session.timeout': 3600 * 24,  # 1 day
    'session.type': 'cookie',
    'session.validate_key': True,
}
app = SessionMiddleware(app, session_opts)


def post_get(name, default=''):
    return bottle.request.POST.get(name, default).strip()


@bottle.post('/login')
def login():
    """Authenticate users"""
    username = post_get('username')
    password = post_get('password')
    aaa.login(username, password, success_redirect='/', fail_redirect='/login')


@bottle.route('/logout')
def logout():
    aaa.logout(success_redirect='/login')


@bottle.route('/')
def index():
    session = bottle.request.environ.get('beaker.session')
    session['visits'] = session.get('visits', 0) + 1
    session.save()
    user = 'anon' if aaa.user_is_anonymous else aaa.current_user.username
    return (f'<p>Hello {user} visits={session["visits"]}</p><a href="/private">Private</a> '
            '<a id=logout href="/logout">Logout</a>')


@bottle.route('/private')
def private():
    """Only authenticated users can see this"""
    aaa.require(fail_redirect='/login')
    return 'Welcome! <a href="/logout">Logout</a>'


@bottle.route('/login')
def login_form():
    """Serve login form"""
    return FORM


bottle.run(app=app, host='127.0.0.1', port=int(sys.argv[1]), quiet=True)
