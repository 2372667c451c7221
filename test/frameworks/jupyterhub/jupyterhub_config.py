# JupyterHub 3.0 (Debian's jupyterhub) for scripts/record-framework-hars.ts, entry `jupyterhub`: read through `-f`,
# run in the recording's directory (JUPYTERHUB_WORK: its SQLite database, cookie secret and proxy token made there at
# the first start). The hub on 127.0.0.1 behind Debian's configurable-http-proxy, which JupyterHub starts itself:
# the proxy on JUPYTERHUB_PORT (the one the browser sees), the hub's own server on port + 1, the proxy's API on
# port + 2. No PAM, no system user: an Authenticator of our own takes alice / secret and nothing else, alice alone
# allowed. No single-user server is spawned: the page behind the login is the hub's own /hub/home (default_url).
import os

from jupyterhub.auth import Authenticator

c = get_config()  # noqa: F821 (given by traitlets when it loads this file)

work = os.environ['JUPYTERHUB_WORK']
port = int(os.environ['JUPYTERHUB_PORT'])


class AliceAuthenticator(Authenticator):
    """alice with the password `secret`; anyone else, or another password, refused (None)."""

    async def authenticate(self, handler, data):
        if data.get('username') == 'alice' and data.get('password') == 'secret':
            return 'alice'
        return None


c.JupyterHub.authenticator_class = AliceAuthenticator
c.Authenticator.allowed_users = {'alice'}

c.JupyterHub.bind_url = f'http://127.0.0.1:{port}'
c.JupyterHub.hub_ip = '127.0.0.1'
c.JupyterHub.hub_port = port + 1
c.ConfigurableHTTPProxy.api_url = f'http://127.0.0.1:{port + 2}'
c.ConfigurableHTTPProxy.should_start = True

c.JupyterHub.default_url = '/hub/home'
c.JupyterHub.db_url = f'sqlite:///{os.path.join(work, "jupyterhub.sqlite")}'
c.JupyterHub.cookie_secret_file = os.path.join(work, 'jupyterhub_cookie_secret')
c.JupyterHub.pid_file = os.path.join(work, 'jupyterhub.pid')
c.JupyterHub.log_level = 'INFO'
