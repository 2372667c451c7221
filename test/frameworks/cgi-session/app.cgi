#!/usr/bin/perl
# CGI::Session 4.48 (Debian's libcgi-session-perl) as CGI::Session::Tutorial shows it: CGI::Session->new(undef, $cgi,
# {Directory => …}) (file driver, `CGISESSID` cookie), `$session->header()`, the user stored in the session at login,
# `$session->delete()` at logout. No new ID at login: CGI::Session has no call for it. Run as a CGI script by Apache
# httpd (httpd.conf), the session files in CGISESSION_DIR. For scripts/record-framework-hars.ts.
use strict;
use warnings;
use CGI;
use CGI::Session;

my $cgi = CGI->new;
my $path = $ENV{PATH_INFO} // '/';
if ($path ne '/' && $path ne '/login' && $path ne '/logout') {
  print $cgi->header(-status => '404 Not Found', -type => 'text/plain'), "Not found\n";
  exit;
}
my $session = CGI::Session->new(undef, $cgi, { Directory => $ENV{CGISESSION_DIR} })
  or die CGI::Session->errstr;
my $form = '<form method=post action=/login><input name=username><input type=password name=password>'
  . '<button>Sign in</button></form>';

if ($path eq '/login' && $cgi->request_method eq 'POST') {
  if (($cgi->param('password') // '') ne 'secret') {
    print $session->header(), "${form}bad";
    exit;
  }
  $session->param('user', scalar $cgi->param('username'));
  print $session->header(-status => '302 Found', -location => '/');
} elsif ($path eq '/login') {
  print $session->header(), $form;
} elsif ($path eq '/logout') {
  # Removed from the store by flush(), which CGI::Session calls when the object goes (its documentation advises so).
  $session->delete();
  print $session->header(-status => '302 Found', -location => '/');
} else {
  my $visits = ($session->param('visits') // 0) + 1;
  $session->param('visits', $visits);
  my $user = $session->param('user') // 'anon';
  print $session->header(), "<p>Hello $user visits=$visits</p><a id=logout href=/logout>Log out</a>";
}
