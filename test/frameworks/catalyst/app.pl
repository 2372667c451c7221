# Runs the Catalyst application of lib/ on 127.0.0.1, on the port given, with Plack's own server.
use strict;
use warnings;
use FindBin;
use lib "$FindBin::Bin/lib";
use Plack::Runner;
use SessionscopeApp;

my $runner = Plack::Runner->new;
$runner->parse_options('--host', '127.0.0.1', '--port', $ARGV[0]);
$runner->run(SessionscopeApp->psgi_app);
