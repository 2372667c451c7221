# LemonLDAP::NG's portal as a PSGI app (Debian's portal/htdocs/index.psgi), with its static files and Debian's
# /usr/share/javascript, which its nginx configuration (portal-nginx.conf) serves beside it; run by plackup.
use Plack::Builder;
use Plack::App::File;
use Lemonldap::NG::Portal::Main;

builder {
    mount '/static' => Plack::App::File->new(root => '/usr/share/lemonldap-ng/portal/htdocs/static')->to_app;
    mount '/javascript' => Plack::App::File->new(root => '/usr/share/javascript')->to_app;
    mount '/' => Lemonldap::NG::Portal::Main->run({});
};
