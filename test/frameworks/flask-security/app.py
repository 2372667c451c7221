# Flask-Security 5.1 (Debian's python3-flask-security) as its quick start ("Basic SQLAlchemy Application with session")
# shows it: Flask-SQLAlchemy on an in-memory SQLite database, the fsqla_v3 models, SQLAlchemyUserDatastore, its own
# /login and /logout views and templates (Flask-WTF's CSRF token in the form), and its config (SameSite=Strict on
# the session and remember cookies). Its login asks for an email address: alice@example.com, password `secret`,
# created at start with hash_password(); its address checked without
# DNS (SECURITY_EMAIL_VALIDATOR_ARGS). The home page is public here and counts visits in the session (the quick
# start's is @auth_required), with a link to /logout. Flask's signed cookie session holds everything.
# For scripts/record-framework-hars.ts.
import os
import sys

from flask import Flask, render_template_string, session
from flask_security import Security, SQLAlchemyUserDatastore, current_user, hash_password
from flask_security.models import fsqla_v3 as fsqla
from flask_sqlalchemy import SQLAlchemy

app = Flask(__name__)
app.config['SECRET_KEY'] = os.environ.get('SECRET_KEY', 'pf9Wkove4IKEAXvy-cQkeDPhv9Cb3Ag-wyJILbq_dFw')
app.config['SECURITY_PASSWORD_SALT'] = os.environ.get(
    'SECURITY_PASSWORD_SALT', '146585145368132386173505678016728509634'
)
# Have cookie sent (as the quick start does)
app.config['REMEMBER_COOKIE_SAMESITE'] = 'strict'
app.config['SESSION_COOKIE_SAMESITE'] = 'strict'
# The login's email address checked without its deliverability (a DNS query off this machine at each login), as
# Flask-Security's configuration documents for SECURITY_EMAIL_VALIDATOR_ARGS.
app.config['SECURITY_EMAIL_VALIDATOR_ARGS'] = {'check_deliverability': False}
# Use an in-memory db
app.config['SQLALCHEMY_DATABASE_URI'] = 'sqlite://'
app.config['SQLALCHEMY_ENGINE_OPTIONS'] = {'pool_pre_ping': True}
db = SQLAlchemy(app)
fsqla.FsModels.set_db_info(db)


class Role(db.Model, fsqla.FsRoleMixin):
    pass


class User(db.Model, fsqla.FsUserMixin):
    pass


user_datastore = SQLAlchemyUserDatastore(db, User, Role)
app.security = Security(app, user_datastore)


@app.route('/')
def home():
    session['visits'] = session.get('visits', 0) + 1
    return render_template_string(
        '<p>Hello {{ current_user.email if current_user.is_authenticated else "anonymous" }}'
        ' visits={{ visits }}</p><a id=logout href="/logout">Log out</a>',
        visits=session['visits'],
    )


with app.app_context():
    db.create_all()
    if not app.security.datastore.find_user(email='alice@example.com'):
        app.security.datastore.create_user(email='alice@example.com', password=hash_password('secret'))
    db.session.commit()

app.run(host='127.0.0.1', port=int(sys.argv[1]))
