# aiohttp 3.8 with aiohttp-session 2.11 and its EncryptedCookieStorage (Debian's python3-aiohttp-session): the
# whole session in the cookie as a Fernet token, a new one at every save; new_session() at login, invalidate() at
# logout. For scripts/record-framework-hars.ts.
import base64
import sys

from aiohttp import web
from aiohttp_session import get_session, new_session, setup
from aiohttp_session.cookie_storage import EncryptedCookieStorage

FORM = '<form method=post action=/login><input name=username><input type=password name=password><button>Sign in</button></form>'


async def home(request):
    session = await get_session(request)
    session['visits'] = session.get('visits', 0) + 1
    return web.Response(
        content_type='text/html',
        text=f"<p>Hello {session.get('user', 'anon')} visits={session['visits']}</p><a id=logout href=/logout>Log out</a>",
    )


async def login_form(request):
    return web.Response(content_type='text/html', text=FORM)


async def login(request):
    form = await request.post()
    if form.get('password') != 'secret':
        return web.Response(content_type='text/html', text=FORM + 'bad')
    session = await new_session(request)
    session['user'] = form.get('username')
    raise web.HTTPFound('/')


async def logout(request):
    session = await get_session(request)
    session.invalidate()
    raise web.HTTPFound('/')


app = web.Application()
setup(app, EncryptedCookieStorage(base64.urlsafe_b64decode(base64.urlsafe_b64encode(b'0' * 32)), cookie_name='AIOHTTP_SESSION'))
app.add_routes([web.get('/', home), web.get('/login', login_form), web.post('/login', login), web.get('/logout', logout)])
web.run_app(app, host='127.0.0.1', port=int(sys.argv[1]))
