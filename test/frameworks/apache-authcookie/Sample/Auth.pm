# Our Apache2::AuthCookie subclass, as the package's POD and its examples (Sample::Apache2_4::AuthCookieHandler)
# show it, for Apache httpd 2.4: Apache2_4::AuthCookie (the package's class for httpd 2.4; Apache2::AuthCookie is
# for httpd 2.0-2.2, whose authorize() must not be called under 2.4, see README.apache-2.4.pod).
# authen_cred() checks alice / secret and returns a session key: a random 128-bit ID in hex, kept with its user in a
# DBM file (SDBM_File) of the recording's directory (PerlSetVar SampleAuthStore); authen_ses_key() maps a key back to
# its user. Our logout removes the key from the store, then calls AuthCookie's logout (which expires the cookie), and
# redirects home.
package Sample::Auth;

use strict;
use warnings;
use base 'Apache2_4::AuthCookie';
use Apache2::RequestRec;
use Apache2::RequestIO;
use Apache2::Const -compile => qw(REDIRECT);
use Fcntl qw(O_RDWR O_CREAT);
use SDBM_File;

my %USERS = (alice => 'secret');

sub store {
    my ($r) = @_;
    my $file = $r->dir_config('SampleAuthStore') or die 'PerlSetVar SampleAuthStore not set';
    tie my %store, 'SDBM_File', $file, O_RDWR | O_CREAT, 0600 or die "$file: $!";
    return \%store;
}

sub random_id {
    open my $random, '<:raw', '/dev/urandom' or die "/dev/urandom: $!";
    read $random, my $bytes, 16;
    close $random;
    return unpack 'H*', $bytes;
}

sub authen_cred {
    my ($self, $r, $user, $password) = @_;
    return unless defined $user && defined $password;
    return unless exists $USERS{$user} && $USERS{$user} eq $password;
    my $key = random_id();
    my $store = store($r);
    $store->{$key} = $user;
    untie %$store;
    return $key;
}

sub authen_ses_key {
    my ($self, $r, $key) = @_;
    return unless $key =~ /\A[0-9a-f]{32}\z/;
    my $store = store($r);
    my $user = $store->{$key};
    untie %$store;
    return $user;
}

sub logout {
    my ($self, $r) = @_;
    my $key = $self->key($r);
    if (defined $key && length $key) {
        my $store = store($r);
        delete $store->{$key};
        untie %$store;
    }
    $self->SUPER::logout($r);
}

# The /logout location's handler: the user logged out, then sent home.
sub logout_handler {
    my ($self, $r) = @_;
    $r->auth_type->logout($r);
    $r->headers_out->set(Location => '/');
    return Apache2::Const::REDIRECT;
}

1;
