#!/usr/bin/perl
# CGI::Application 4.61 with CGI::Application::Plugin::Session 1.05 (Debian's libcgi-application-perl,
# libcgi-application-plugin-session-perl) as the plugin's documentation shows it: session_config in cgiapp_init with
# the settings it lists as its defaults (CGI::Session's file driver, the cookie `CGISESSID` with `-path => '/'`,
# SEND_COOKIE; the files in CGISESSION_DIR rather than /tmp), the session loaded in cgiapp_prerun as its EXAMPLE
# does, `session_recreate` at login as it advises, `session_delete` at logout. Run as a CGI script by Apache httpd
# with cgi-session/httpd.conf (APACHE_APP this directory). For scripts/record-framework-hars.ts.
package LoginApp;
use strict;
use warnings;
use parent 'CGI::Application';
use CGI::Application::Plugin::Session;

my $form = '<form method=post action=/login><input name=username><input type=password name=password>'
  . '<button>Sign in</button></form>';

sub cgiapp_init {
  my $self = shift;
  $self->session_config(
    CGI_SESSION_OPTIONS => [ 'driver:File', $self->query, { Directory => $ENV{CGISESSION_DIR} } ],
    COOKIE_PARAMS => { -path => '/' },
    SEND_COOKIE => 1,
  );
}

# As the plugin's EXAMPLE: the session read in cgiapp_prerun on every run mode (here the user, for every page), so
# that session_recreate, which copies and deletes only a session already loaded, has one to replace.
sub cgiapp_prerun {
  my $self = shift;
  $self->param(user => $self->session->param('user'));
}

sub setup {
  my $self = shift;
  $self->mode_param(path_info => 1);
  $self->start_mode('home');
  $self->run_modes(home => 'home', login => 'login', logout => 'logout', AUTOLOAD => 'not_found');
}

sub not_found {
  my $self = shift;
  $self->header_props(-status => '404 Not Found', -type => 'text/plain');
  return "Not found\n";
}

sub redirect_home {
  my $self = shift;
  $self->header_type('redirect');
  $self->header_add(-uri => '/');
  return '';
}

sub home {
  my $self = shift;
  my $visits = ($self->session->param('visits') // 0) + 1;
  $self->session->param(visits => $visits);
  my $user = $self->param('user') // 'anon';
  return "<p>Hello $user visits=$visits</p><a id=logout href=/logout>Log out</a>";
}

sub login {
  my $self = shift;
  my $q = $self->query;
  return $form unless $q->request_method eq 'POST';
  return "${form}bad" unless ($q->param('password') // '') eq 'secret';
  $self->session_recreate;
  $self->session->param(user => scalar $q->param('username'));
  return $self->redirect_home;
}

sub logout {
  my $self = shift;
  $self->session_delete;
  return $self->redirect_home;
}

package main;
LoginApp->new->run;
