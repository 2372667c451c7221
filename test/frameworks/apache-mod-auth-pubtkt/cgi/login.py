#!/usr/bin/python3
"""The login server of mod_auth_pubtkt's recording (a CGI under mod_cgi at /login).

GET shows the form (user, password), keeping the `back` argument mod_auth_pubtkt gave; POST checks alice / secret:
a wrong password shows the form again with a message; the right one signs a ticket as the module's README describes
it (`uid=alice;cip=<client IP>;validuntil=<now + 1 day>;tokens=;udata=`, an RSA signature over its SHA-1 digest by
`openssl dgst -sha1 -sign`, base64 in `sig=`, as the package's perl-login and php-login examples make it), sets it
URL-encoded in the cookie `auth_pubtkt` (Path=/, for the browser's session; the php-login example's attributes) and
redirects (302) to `back`, on this server only (its path and query), or to /private/.
"""
import html
import os
import subprocess
import sys
import time
from base64 import b64encode
from urllib.parse import parse_qs, quote, urlsplit

USERS = {'alice': 'secret'}


def field(fields, name):
    return fields.get(name, [''])[0]


def back_path(back):
    parts = urlsplit(back)
    if not parts.path.startswith('/') or parts.path.startswith('//'):
        return '/private/'
    return parts.path + (f'?{parts.query}' if parts.query else '')


def form(back, message=''):
    action = '/login' + (f'?back={quote(back, safe="")}' if back else '')
    note = f'<p id="message">{html.escape(message)}</p>\n' if message else ''
    sys.stdout.write(
        'Content-Type: text/html; charset=utf-8\r\n\r\n'
        '<!doctype html>\n<title>Log in</title>\n<h1>Log in</h1>\n'
        f'{note}<form method="post" action="{html.escape(action)}">\n'
        '<label>User <input name="username"></label>\n'
        '<label>Password <input type="password" name="password"></label>\n'
        '<input type="submit" value="Log in">\n</form>\n'
    )


def ticket(uid):
    data = f'uid={uid};cip={os.environ.get("REMOTE_ADDR", "")};validuntil={int(time.time()) + 86400};tokens=;udata='
    sig = subprocess.run(
        ['openssl', 'dgst', '-sha1', '-binary', '-sign', os.environ['PUBTKT_PRIVATE_KEY']],
        input=data.encode(),
        capture_output=True,
        check=True,
    ).stdout
    return f'{data};sig={b64encode(sig).decode()}'


def main():
    query = parse_qs(os.environ.get('QUERY_STRING', ''))
    back = field(query, 'back')
    if os.environ.get('REQUEST_METHOD') != 'POST':
        form(back)
        return
    length = int(os.environ.get('CONTENT_LENGTH') or 0)
    posted = parse_qs(sys.stdin.read(length) if length else '')
    user, password = field(posted, 'username'), field(posted, 'password')
    if USERS.get(user) is None or USERS[user] != password:
        form(back, 'Wrong user name or password.')
        return
    host = os.environ.get('HTTP_HOST', '127.0.0.1')
    sys.stdout.write(
        'Status: 302 Found\r\n'
        f'Set-Cookie: auth_pubtkt={quote(ticket(user), safe="")}; Path=/\r\n'
        f'Location: http://{host}{back_path(back)}\r\n'
        'Content-Type: text/html; charset=utf-8\r\n\r\n'
    )


main()
