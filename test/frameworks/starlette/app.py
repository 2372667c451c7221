# Starlette 0.26 (Debian's python3-starlette, on python3-uvicorn) with its SessionMiddleware: the session as base64
# JSON signed by itsdangerous's TimestampSigner in the `session` cookie, signed again on every response; it has no
# rotation, so the login clears the session and sets the user / the logout clears it (an expired `session=null`).
# Its key: STARLETTE_SECRET_KEY if set (a recording restarting it with another key). STARLETTE_MAX_AGE=<seconds>: its
# `max_age` (the cookie's Max-Age, renewed on every response; its default 14 days).
# For scripts/record-framework-hars.ts.
import os
import sys

import uvicorn
from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.middleware.sessions import SessionMiddleware
from starlette.responses import HTMLResponse, RedirectResponse
from starlette.routing import Route

FORM = '<form method=post action=/login><input name=username><input type=password name=password><button>Sign in</button></form>'


async def home(request):
    request.session['visits'] = request.session.get('visits', 0) + 1
    return HTMLResponse(
        f"<p>Hello {request.session.get('user', 'anon')} visits={request.session['visits']}</p><a id=logout href=/logout>Log out</a>"
    )


async def login(request):
    if request.method == 'POST':
        form = await request.form()
        if form.get('password') == 'secret':
            request.session.clear()
            request.session['user'] = form.get('username')
            return RedirectResponse('/', status_code=303)
        return HTMLResponse(FORM + 'bad')
    return HTMLResponse(FORM)


async def logout(request):
    request.session.clear()
    return RedirectResponse('/', status_code=303)


app = Starlette(
    routes=[Route('/', home), Route('/login', login, methods=['GET', 'POST']), Route('/logout', logout)],
    middleware=[
        Middleware(
            SessionMiddleware,
            secret_key=os.environ.get('STARLETTE_SECRET_KEY', 'x' * 32),
            **({'max_age': int(os.environ['STARLETTE_MAX_AGE'])} if os.environ.get('STARLETTE_MAX_AGE') else {}),
        )
    ],
)
uvicorn.run(app, host='127.0.0.1', port=int(sys.argv[1]), log_level='warning')
