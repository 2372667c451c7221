# Mojolicious::Plugin::Authentication 1.38 (Debian's libmojolicious-plugin-authentication-perl) on a Mojolicious 9.31
# Lite app, as its documentation shows (its synchronous SYNOPSIS: `autoload_user`, `load_user`, `validate_user`;
# its default `session_key`, `auth_data`): the user's ID kept in Mojolicious's own signed session cookie,
# `mojolicious` (JSON padded with `Z`, base64 `--` HMAC-SHA256; HttpOnly, SameSite=Lax, an hour, written again on
# every response of a non-empty session). `$c->authenticate` stores the ID returned by `validate_user` in the session
# (no new session: Mojolicious's sessions have no ID to change); `$c->logout` deletes that key alone, the rest of the
# session (the visit count) kept and the cookie written again. For scripts/record-framework-hars.ts.
use Mojolicious::Lite -signatures;

my %users = (alice => {name => 'alice', password => 'secret'});

app->secrets(['x' x 32]);
plugin Authentication => {
  autoload_user => 1,
  load_user     => sub ($app, $uid) { $users{$uid} },
  validate_user => sub ($c, $username, $password, $extra) {
    my $user = $users{$username // ''};
    return $user && $user->{password} eq ($password // '') ? $username : undef;
  },
};

my $form = '<form method=post action=/login><input name=username><input type=password name=password><button>Sign in</button></form>';

get '/' => sub ($c) {
  my $visits = ($c->session('visits') // 0) + 1;
  $c->session(visits => $visits);
  my $user = $c->is_user_authenticated ? $c->current_user->{name} : 'anon';
  $c->render(text => "<p>Hello $user visits=$visits</p><a id=logout href=/logout>Log out</a>", format => 'html');
};
get '/login' => sub ($c) { $c->render(text => $form, format => 'html') };
post '/login' => sub ($c) {
  return $c->render(text => "${form}bad", format => 'html', status => 401)
    unless $c->authenticate($c->param('username'), $c->param('password'));
  $c->redirect_to('/');
};
get '/logout' => sub ($c) {
  $c->logout;
  $c->redirect_to('/');
};

app->log->level('fatal');
app->start('daemon', '-l', "http://127.0.0.1:$ARGV[0]");
