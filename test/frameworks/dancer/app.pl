# Dancer 1.3521 (Debian's libdancer-perl) with its Simple (in-memory) session engine, as Dancer::Session and
# Dancer::Cookbook show it: `set session => 'Simple'`, the user stored with `session user => …` at login (Dancer 1
# has no call that changes the ID), `session->destroy` at logout; its cookie, `dancer.session`, on its defaults
# (HttpOnly and, though Dancer::Config says the attribute is only sent "if set", SameSite=None without Secure, which
# Chromium refuses); SESSION_SAME_SITE=Lax sets its `session_same_site` setting. For scripts/record-framework-hars.ts.
use Dancer;

set session => 'Simple';
set logger => 'null';
set warnings => 0;
set session_same_site => $ENV{SESSION_SAME_SITE} if $ENV{SESSION_SAME_SITE};
my $form = '<form method=post action=/login><input name=username><input type=password name=password><button>Sign in</button></form>';

get '/' => sub {
  my $visits = (session('visits') // 0) + 1;
  session visits => $visits;
  my $user = session('user') // 'anon';
  return "<p>Hello $user visits=$visits</p><a id=logout href=/logout>Log out</a>";
};
get '/login' => sub { (params->{failed} ? 'bad' : '') . $form };
post '/login' => sub {
  if ((params->{username} // '') eq 'alice' && (params->{password} // '') eq 'secret') {
    session user => params->{username};
    redirect '/';
  } else {
    redirect '/login?failed=1';
  }
};
get '/logout' => sub {
  session->destroy;
  redirect '/';
};

set server => '127.0.0.1';
set port => $ARGV[0];
dance;
