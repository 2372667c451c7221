# Mojolicious 9.31 (Debian's libmojolicious-perl), a Mojolicious::Lite app on its default session: JSON, base64 with
# an HMAC in the `mojolicious` cookie (`<base64>--<hmac>`), written again on every response of a non-empty session
# (its expiry refreshed). Mojolicious has no rotation: the login sets the user in the session; the logout sets
# `expires => 1`, as its documentation shows. For scripts/record-framework-hars.ts.
use Mojolicious::Lite -signatures;

app->secrets(['x' x 32]);
my $form = '<form method=post action=/login><input name=username><input type=password name=password><button>Sign in</button></form>';

get '/' => sub ($c) {
  my $visits = ($c->session('visits') // 0) + 1;
  $c->session(visits => $visits);
  my $user = $c->session('user') // 'anon';
  $c->render(text => "<p>Hello $user visits=$visits</p><a id=logout href=/logout>Log out</a>", format => 'html');
};
get '/login' => sub ($c) { $c->render(text => $form, format => 'html') };
post '/login' => sub ($c) {
  return $c->render(text => "${form}bad", format => 'html') unless ($c->param('password') // '') eq 'secret';
  $c->session(user => $c->param('username'));
  $c->redirect_to('/');
};
get '/logout' => sub ($c) {
  $c->session(expires => 1);
  $c->redirect_to('/');
};

app->log->level('fatal');
app->start('daemon', '-l', "http://127.0.0.1:$ARGV[0]");
