# Plack::Middleware::Session 0.33 (Debian's libplack-middleware-session-perl) as its documentation shows it:
# `enable 'Session'` with its defaults (the cookie state, `plack_session`; the in-memory store), the session as the
# hash in $env->{'psgix.session'}; at login `change_id` in $env->{'psgix.session.options'} ("should always be done
# after logging in"), at logout `expire`. Run by plackup. For scripts/record-framework-hars.ts.
use strict;
use warnings;
use Plack::Builder;
use Plack::Request;

my $form = '<form method=post action=/login><input name=username><input type=password name=password>'
  . '<button>Sign in</button></form>';
my $html = sub { [ $_[0] // 200, [ 'Content-Type' => 'text/html; charset=utf-8' ], [ $_[1] ] ] };

my $app = sub {
  my $env = shift;
  my $req = Plack::Request->new($env);
  my $session = $env->{'psgix.session'};
  my $path = $req->path_info;
  if ($path eq '/') {
    my $visits = ++$session->{visits};
    my $user = $session->{user} // 'anon';
    return $html->(200, "<p>Hello $user visits=$visits</p><a id=logout href=/logout>Log out</a>");
  }
  if ($path eq '/login' && $req->method eq 'POST') {
    return $html->(200, "${form}bad") unless ($req->body_parameters->get('password') // '') eq 'secret';
    $env->{'psgix.session.options'}{change_id} = 1;
    $session->{user} = $req->body_parameters->get('username');
    return [ 302, [ Location => '/' ], [] ];
  }
  return $html->(200, $form) if $path eq '/login';
  if ($path eq '/logout') {
    $env->{'psgix.session.options'}{expire} = 1;
    return [ 302, [ Location => '/' ], [] ];
  }
  return [ 404, [ 'Content-Type' => 'text/plain' ], ['Not found'] ];
};

builder {
  enable 'Session';
  $app;
};
