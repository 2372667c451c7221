# Jupyter Notebook 6.4 (Debian's jupyter-notebook) for scripts/record-framework-hars.ts, entry `jupyter-notebook`:
# read through `--config`, its notebooks, runtime files and settings in the recording's directory (JUPYTER_WORK).
# The password set as its documentation says ("Preparing a hashed password"): the hash notebook.auth.passwd() makes
# (argon2 here), made at start rather than pasted in; no token, so the login form asks for the password alone.
import os

from notebook.auth import passwd

c = get_config()  # noqa: F821 (given by traitlets when it loads this file)
c.NotebookApp.ip = '127.0.0.1'
c.NotebookApp.port = int(os.environ['JUPYTER_PORT'])
c.NotebookApp.open_browser = False
c.NotebookApp.allow_root = True
c.NotebookApp.notebook_dir = os.environ['JUPYTER_WORK']
c.NotebookApp.token = ''
c.NotebookApp.password = passwd('secret')
