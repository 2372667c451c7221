# alice (password secret) in the database named by argv[1], a member of every group, as an administrator adds a user
# in Tryton's Users form; the configuration from TRYTOND_CONFIG and TRYTOND_* variables.
import sys

from trytond.config import config

config.update_etc()

from trytond.pool import Pool  # noqa: E402
from trytond.transaction import Transaction  # noqa: E402

Pool.start()
pool = Pool(sys.argv[1])
pool.init()
with Transaction().start(sys.argv[1], 0, context={'_check_access': False}):
    User = pool.get('res.user')
    Group = pool.get('res.group')
    User.create([{
        'name': 'Alice',
        'login': 'alice',
        'password': 'secret',
        'groups': [('add', [group.id for group in Group.search([])])],
    }])
    Transaction().commit()
