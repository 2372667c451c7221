# The home page counts visits in the session; change_session_id at login, delete_session at logout.
package SessionscopeApp::Controller::Root;
use strict;
use warnings;
use base 'Catalyst::Controller';
use HTML::Entities qw(encode_entities);

__PACKAGE__->config(namespace => '');

my $FORM = '<form method=post action=/login><input name=username><input type=password name=password><button>Sign in</button></form>';

sub index :Path :Args(0) {
    my ($self, $c) = @_;
    my $visits = ++$c->session->{visits};
    my $user = encode_entities($c->session->{user} // 'anon');
    $c->response->content_type('text/html');
    $c->response->body("<p>Hello $user visits=$visits</p><a id=logout href=/logout>Log out</a>");
}

sub login :Local :Args(0) {
    my ($self, $c) = @_;
    $c->response->content_type('text/html');
    if ($c->request->method eq 'POST') {
        if (($c->request->body_parameters->{password} // '') eq 'secret') {
            $c->change_session_id;
            $c->session->{user} = $c->request->body_parameters->{username};
            return $c->response->redirect('/');
        }
        return $c->response->body($FORM . 'bad');
    }
    $c->response->body($FORM);
}

sub logout :Local :Args(0) {
    my ($self, $c) = @_;
    $c->delete_session('logout');
    $c->response->redirect('/');
}

sub default :Path {
    my ($self, $c) = @_;
    $c->response->status(404);
    $c->response->body('Not found');
}

1;
