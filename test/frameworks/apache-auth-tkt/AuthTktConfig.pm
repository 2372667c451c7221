#
# Config settings for mod_auth_tkt CGI scripts
#
# Customise as required
#
# (Sessionscope's recording: Debian's libapache2-mod-auth-tkt examples/cgi/AuthTktConfig.pm, customised as it asks in
# two places: the htpasswd file, the recording's, named by httpd.conf's SetEnv TKT_HTPASSWD; and a fixed back
# location, the protected page: the `back` argument Debian's mod_auth_tkt 2.3.99b1 adds to its redirect to the login
# script drops the port (http://127.0.0.1/private/), which login.cgi would send the browser to after the login.)
#

package AuthTktConfig;

use strict;

# CSS stylesheet to use (optional)
our $STYLESHEET = 'tkt.css';

# Page title (optional)
our $TITLE = '';

# Fixed back location, overriding any set via back cookie or back arg
our $FIXED_BACK_LOCATION = '/private/';

# Default back location, if none set via back cookie or back arg
our $DEFAULT_BACK_LOCATION = '';

# Boolean flag, whether to fallback to HTTP_REFERER for back location
our $BACK_REFERER = 1;

# For autologin, mode to fallback to if autologin fails ('login' or 'guest')
our $AUTOLOGIN_FALLBACK_MODE = 'login';

# Additional cookies to clear on logout e.g. PHPSESSID
our @NUKE_COOKIES = qw();

# Debug flag
our $DEBUG = 0;

# Username/password validation for login mode
#   (modify or point $validate_sub somewhere appropriate).
# The validation routine should return a true value (e.g. 1) if the
#   given username/password combination is valid, and a false value
#   (e.g. 0) otherwise.
# This version uses Apache::Htpasswd and a standard htpasswd file.
sub validate
{
  my ($username, $password) = @_;
  require Apache::Htpasswd;
  my $ht = Apache::Htpasswd->new({
    passwdFile => $ENV{TKT_HTPASSWD}, ReadOnly => 1 });
  return $ht->htCheckPassword($username, $password);
}
our $validate_sub = \&validate;

# For guest mode (if used), setup guest username
#   Could use a counter or a random suffix etc.
sub guest_user { return 'guest' }
our $guest_sub = \&guest_user;

1;

