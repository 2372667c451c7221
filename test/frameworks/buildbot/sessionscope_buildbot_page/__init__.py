# The `base` www plugin Buildbot's web server needs (buildbot-www's place, which Debian does not package): its static
# directory holds index.html (rendered by Buildbot's IndexResource with the frontend configuration, the session's
# user among it) and login.html, whose script logs in as buildbot-www's does (Basic credentials to /auth/login).
from buildbot.www.plugin import Application

ep = Application(__name__, 'Sessionscope page in place of buildbot-www')
