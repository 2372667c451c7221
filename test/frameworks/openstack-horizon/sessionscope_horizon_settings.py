# Horizon's settings as Debian's openstack-dashboard makes them (openstack_dashboard.settings, which reads Debian's
# /etc/openstack-dashboard/local_settings.py and local_settings.d/: the `cache` session engine on LocMemCache,
# DEBUG off, offline compression), with our local settings over them: Keystone on loopback (KEYSTONE_PORT).
import os

from openstack_dashboard.settings import *  # noqa: F401,F403

OPENSTACK_HOST = '127.0.0.1'
OPENSTACK_KEYSTONE_URL = 'http://%s:%s/v3' % (OPENSTACK_HOST, os.environ['KEYSTONE_PORT'])
ALLOWED_HOSTS = ['127.0.0.1', 'localhost']
