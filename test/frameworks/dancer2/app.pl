# Dancer2 0.400 (Debian's libdancer2-perl) on its default session engine, Simple (in memory), under the
# `dancer.session` cookie: app->change_session_id at login, as its manual advises; app->destroy_session at logout,
# which expires the cookie. For scripts/record-framework-hars.ts.
use Dancer2;

set session => 'Simple';
set logger => 'null';
my $form = '<form method=post action=/login><input name=username><input type=password name=password><button>Sign in</button></form>';

get '/' => sub {
  my $visits = (session('visits') // 0) + 1;
  session visits => $visits;
  my $user = session('user') // 'anon';
  return "<p>Hello $user visits=$visits</p><a id=logout href=/logout>Log out</a>";
};
get '/login' => sub { $form };
post '/login' => sub {
  return "${form}bad" unless (body_parameters->get('password') // '') eq 'secret';
  app->change_session_id;
  session user => body_parameters->get('username');
  redirect '/';
};
get '/logout' => sub {
  app->destroy_session;
  redirect '/';
};

set host => '127.0.0.1';
set port => $ARGV[0];
start;
