#!/usr/bin/python3
"""The logout of mod_auth_pubtkt's recording (a CGI under mod_cgi at /logout), as the package's php-login example's
logout.php does it: the cookie `auth_pubtkt` deleted (empty, expired a day ago, Path=/); then a redirect (302) home.
Nothing is kept on the server: the ticket itself stays valid until its `validuntil`.
"""
import os
import sys
from email.utils import formatdate
import time

host = os.environ.get('HTTP_HOST', '127.0.0.1')
sys.stdout.write(
    'Status: 302 Found\r\n'
    f'Set-Cookie: auth_pubtkt=; Expires={formatdate(time.time() - 86400, usegmt=True)}; Path=/\r\n'
    f'Location: http://{host}/\r\n'
    'Content-Type: text/html; charset=utf-8\r\n\r\n'
)
