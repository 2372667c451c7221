# alice / secret, a privileged user of Request Tracker (RT's own API, as its user admin pages create one).
use strict;
use warnings;
use RT;
RT::LoadConfig();
RT::Init();
my $user = RT::User->new(RT->SystemUser);
my ($ok, $msg) = $user->Create(Name => 'alice', Password => 'secret', Privileged => 1,
                               EmailAddress => 'alice@sessionscope.test');
die "alice: $msg\n" unless $ok;
