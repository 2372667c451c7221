# A Catalyst 5.90 application (Debian's libcatalyst-perl) with Catalyst::Plugin::Session, its cookie state and its
# FastMmap store (the share file in SESSION_DIR), its defaults otherwise; for scripts/record-framework-hars.ts.
package SessionscopeApp;
use strict;
use warnings;
use Catalyst qw/Session Session::State::Cookie Session::Store::FastMmap/;

__PACKAGE__->config(
    name => 'SessionscopeApp',
    'Plugin::Session' => { storage => "$ENV{SESSION_DIR}/session_data" },
);
__PACKAGE__->setup;

1;
