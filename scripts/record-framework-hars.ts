// Records one browse–login–logout in headless Chromium against each real web framework of test/frameworks/ and
// writes test/fixtures/framework-har/<id>.har: Django, Flask (and Flask-Login), aiohttp, Starlette, Tornado, Bottle,
// CherryPy, Pyramid, Beaker, PHP, Tomcat (alone, and two nodes behind nginx), Rails, Sinatra, Mojolicious, Dancer2,
// Laravel, WordPress, MediaWiki, phpMyAdmin, Roundcube (with Dovecot), gorilla/sessions, Jetty, Symfony's
// HttpFoundation, Catalyst, Apache httpd's form login (mod_auth_form, mod_session), django-allauth, Quart,
// Flask-Session, Cockpit, ikiwiki, Yesod, DokuWiki, Zabbix's frontend, Cacti, Tiny Tiny RSS, CAS single sign-on
// (django-cas-server, Apache httpd's mod_auth_cas), Request Tracker, Redmine, Jupyter Notebook, Adminer, Icinga Web 2,
// Devise on Rails, PostfixAdmin, SimpleSAMLphp, Horde, phpLDAPadmin (with OpenLDAP's slapd), Deluge's web UI
// (with deluged), ZNC's web interface, Perl's CGI::Session (under Apache httpd's mod_cgi), qBittorrent's Web UI,
// LDAP Account Manager (on slapd), DAViCal (on PostgreSQL), Twisted Web's sessions, web.py's sessions,
// LemonLDAP::NG's portal (on slapd), Slim 3's app with PHP's native session,
// Plack::Middleware::Session (under plackup), Dancer 1's sessions, CGI::Application's session plugin (under mod_cgi),
// Rack's own Rack::Session::Pool (under rackup and WEBrick), Macaron's session middleware and
// Gin's gin-jwt (Go), ZoneMinder's web console (on MariaDB), GOsa² (under Apache httpd's mod_php, on slapd),
// Apache httpd's mod_auth_openidc (OpenID Connect) and mod_auth_tkt (with its own login CGI), Warden on Sinatra,
// Mojolicious::Plugin::Authentication, Apache httpd's mod_auth_mellon (SAML, with SimpleSAMLphp), phpCAS (with
// django-cas-server), SOGo (behind Apache httpd, on PostgreSQL and memcached), django-otp, django-axes,
// Flask-JWT-Extended (JWTs in cookies), Cork on Bottle (Beaker's encrypted cookie sessions), OpenID Connect
// relying parties with Authlib's Flask client and python-social-auth on Django, OmniAuth's Developer strategy on
// Sinatra, djangosaml2 (SAML, with SimpleSAMLphp) and django-cas-client (with django-cas-server), OpenStack's
// dashboard Horizon (with a Keystone of its own), LedgerSMB (under Starman, on PostgreSQL)
// and Sympa's WWSympa (under Apache httpd's mod_fcgid, on SQLite)
// and Tryton with its web client sao (on SQLite)
// and Syncthing's web GUI (HTTP Basic authentication, then its session cookie)
// and RabbitMQ's management web UI (its credentials in a cookie of its own, sent as HTTP Basic by script)
// and CUPS's web interface (HTTP Basic authentication of a system user, by PAM; its CSRF cookie org.cups.sid)
// and Monit's web interface (HTTP Basic authentication alone, a CSRF cookie beside it)
// and Mailman 3's web UI (Postorius and HyperKitty, django-allauth's login, on SQLite)
// and Transmission's web interface (HTTP Basic authentication alone, no cookie; a CSRF token in a header of its own)
// and Fossil SCM's built-in web UI (its login cookie fossil-<project code>)
// and Apache2::AuthCookie (under Apache httpd's mod_perl, a subclass of ours keeping its session keys in an SDBM file)
// and Apache httpd's form login with server-side sessions (mod_session_dbd, the sessions in SQLite through mod_dbd)
// and Apache httpd's mod_auth_pubtkt (public-key signed tickets, issued by a login CGI of our own)
// and the Shibboleth SP 3.4 (mod_shib and shibd, SAML, with SimpleSAMLphp as the identity provider)
// and NagVis 1.9's own login form (under PHP's own server, its users in SQLite)
// and Shaarli 0.12's login (the PHP bookmark manager, under PHP's own server; its stay-signed-in cookie)
// and Gitit's form login (the Haskell wiki on Happstack, its session `sid` in memory)
// and OCS Inventory NG's web console ocsreports 2.11 (under PHP's own server, on MariaDB)
// and Nagios Core 4's web interface (its CGIs behind Apache httpd's Digest authentication, a nagios4 daemon of its own)
// and SqWebMail, the Courier webmail CGI (under Apache httpd's mod_cgi, on courier-authdaemon's userdb; its session in
// the URL)
// and JupyterHub 3.0's hub (behind its configurable-http-proxy, an Authenticator of our own; no spawner used)
// from Debian's packages; express-session (also
// on two nodes behind nginx),
// Fastify's, Koa's, Passport's, Mozilla's, express's cookie-session, iron-session, hapi's yar and cookie, Auth.js,
// h3's useSession, React Router's session storage, better-auth, AdonisJS's session, NextAuth.js on Next.js,
// connect-redis (on Debian's redis-server), Lucia, NestJS with Passport, hono-sessions on Hono, Sails, Keystone 6,
// Directus, connect-pg-simple (on Debian's postgresql), AdminJS, Egg.js, passport-saml (SAML single sign-on with
// Debian's SimpleSAMLphp as the identity provider), ThinkJS's think-session, Parse Dashboard (before Parse Server,
// on Debian's postgresql), code-server, Ghost, Strapi and Astro's sessions, Node-RED's editor (adminAuth), Payload
// CMS and Medusa 2's admin dashboard (on Debian's postgresql), Verdaccio's web UI (its htpasswd file written by
// Debian's apache2-utils), nuxt-auth-utils on Nuxt 4 (h3's sealed cookie),
// EverShop's admin panel (on Debian's postgresql),
// Vendure 3's admin UI (cookie sessions, SQLite by sql.js),
// Total.js 4's own session module (SESSION()),
// Blitz.js 3's auth (@blitzjs/auth on Next.js, its sessions in a memory store of our own),
// SvelteKit with svelte-kit-cookie-session (an encrypted cookie session; adapter-node),
// PouchDB Server's CouchDB cookie authentication (AuthSession) under its Fauxton,
// Raneto's login (the Markdown knowledge base on Express; express-session's `raneto.sid`),
// from npm. The tests read the recordings, so CI needs none of these; recording again needs them:
//   apt-get install python3-django python3-flask python3-aiohttp-session php-cli tomcat10 ruby-rails nginx-light \
//     python3-starlette python3-uvicorn python3-multipart python3-tornado python3-bottle python3-cherrypy3 \
//     python3-pyramid python3-beaker python3-flask-login ruby-sinatra libmojolicious-perl libdancer2-perl \
//     php-laravel-framework php-sqlite3 wordpress mariadb-server php-mysql mediawiki phpmyadmin roundcube-core \
//     roundcube-sqlite3 dovecot-imapd golang-go golang-github-gorilla-sessions-dev jetty9 php-symfony-http-foundation \
//     libcatalyst-perl libcatalyst-plugin-session-perl libcatalyst-plugin-session-state-cookie-perl \
//     libcatalyst-plugin-session-store-fastmmap-perl apache2 apache2-utils python3-django-allauth \
//     python3-quart python3-flask-session cockpit-ws cockpit-bridge cockpit-system ikiwiki libghc-yesod-dev \
//     dokuwiki zabbix-frontend-php zabbix-server-mysql cacti tt-rss python3-django-cas-server \
//     libapache2-mod-auth-cas request-tracker5 rt5-db-sqlite redis-server redmine redmine-sqlite jupyter-notebook \
//     adminer icingaweb2 ruby-devise postfixadmin simplesamlphp php-horde phpldapadmin slapd deluge-web deluged znc \
//     libcgi-session-perl qbittorrent-nox postgresql ldap-account-manager davical python3-twisted python3-webpy \
//     lemonldap-ng libplack-perl php-slim \
//     libplack-middleware-session-perl libdancer-perl libcgi-application-plugin-session-perl ruby-rack ruby-webrick \
//     golang-gopkg-macaron.v1-dev golang-github-go-macaron-session-dev golang-github-appleboy-gin-jwt-dev \
//     buildbot python3-flask-security python3-flask-sqlalchemy graphite-web \
//     zoneminder gosa gosa-schema libapache2-mod-php \
//     libkrb5-dev ripgrep \
//     libapache2-mod-auth-openidc libapache2-mod-auth-tkt libapache-htpasswd-perl \
//     ruby-warden libmojolicious-plugin-authentication-perl \
//     libapache2-mod-auth-mellon php-cas sogo memcached \
//     python3-django-otp python3-django-axes \
//     python3-python-flask-jwt-extended python3-bottle-cork python3-bottle-beaker python3-pycryptodome \
//     python3-authlib python3-social-django python3-jose \
//     ruby-omniauth python3-django-saml2 python3-django-casclient \
//     keystone openstack-dashboard ledgersmb
//   apt-get install sympa dbconfig-sqlite3 libapache2-mod-fcgid  # debconf: sympa/database-type sqlite3
//   apt-get install tryton-server tryton-sao
//   apt-get install syncthing
//   apt-get install rabbitmq-server  # its own service need not run: the recording starts a node of its own
//   apt-get install cups-daemon cups  # and the system user alice, password secret (useradd alice; chpasswd), for PAM
//   apt-get install monit  # its own service need not run: the recording starts a monit of its own
//   DEBIAN_FRONTEND=noninteractive apt-get install mailman3-web  # debconf's defaults; its uwsgi service need not run
//   apt-get install transmission-daemon  # its own service need not run: the recording starts a daemon of its own
//   apt-get install fossil
//   apt-get install libapache2-mod-perl2 libapache2-authcookie-perl
//   apt-get install libaprutil1-dbd-sqlite3 sqlite3  # mod_dbd's SQLite driver; sqlite3 makes the session table
//   apt-get install libapache2-mod-auth-pubtkt
//   apt-get install libapache2-mod-shib shibboleth-sp-utils simplesamlphp php-cli php-xml  # shibd's own service need not run
//   apt-get install nagvis  # with php-sqlite3 and php-gd; no monitoring core needed
//   apt-get install shaarli fonts-fork-awesome  # Debian's shaarli links its icon font there, without depending on it
//   apt-get install gitit
//   apt-get install ocsinventory-reports mariadb-server php-mysql  # Debian's apache2 and services need not run
//   apt-get install jupyterhub  # with node-configurable-http-proxy, run with NODE_PATH=/usr/share/nodejs
//   apt-get install nagios4-core nagios4-cgi  # Debian's apache2 site and nagios4 service need not run
//   apt-get install sqwebmail courier-authlib-userdb  # their services need not run; the recording writes /etc/courier
//   npm ci --prefix test/frameworks/node && npm ci --prefix test/frameworks/authjs
//   npm ci --prefix test/frameworks/better-auth && npm ci --prefix test/frameworks/adonis
//   npm ci --prefix test/frameworks/next-auth && npm_config_nodedir=/usr npm ci --prefix test/frameworks/lucia
//   npm ci --prefix test/frameworks/nestjs
//   npm ci --prefix test/frameworks/hono && npm ci --prefix test/frameworks/sails
//   npm_config_nodedir=/usr npm ci --prefix test/frameworks/keystone
//   npm_config_nodedir=/usr npm ci --prefix test/frameworks/directus
//   npm ci --prefix test/frameworks/oidc && npm ci --prefix test/frameworks/saml
//   npm ci --prefix test/frameworks/express-session-pg && npm ci --prefix test/frameworks/adminjs
//   npm ci --prefix test/frameworks/egg
//   npm ci --prefix test/frameworks/thinkjs && npm ci --prefix test/frameworks/parse-dashboard
//   # code-server's native modules built from source (libkrb5-dev); its ripgrep from GitHub, or where GitHub is out of
//   # reach Debian's rg put where @vscode/ripgrep looks for its download first:
//   mkdir -p /tmp/vscode-ripgrep-cache-1.15.11 && tar -czf \
//     /tmp/vscode-ripgrep-cache-1.15.11/ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz -C /usr/bin rg
//   npm_config_nodedir=/usr npm_config_unsafe_perm=true npm_config_yes=true npm ci --prefix test/frameworks/code-server
//   npm_config_nodedir=/usr npm ci --prefix test/frameworks/strapi && sh test/frameworks/strapi/build.sh
//   sh test/frameworks/ghost/install.sh
//   npm ci --prefix test/frameworks/astro
//   npm ci --prefix test/frameworks/node-red
//   npm ci --prefix test/frameworks/payload
//   npm ci --prefix test/frameworks/medusa   # medusa/setup.sh builds it (`medusa build`) at its first recording
//   npm ci --prefix test/frameworks/verdaccio
//   npm ci --prefix test/frameworks/vendure
//   npm ci --prefix test/frameworks/evershop   # evershop/setup.sh builds it (`evershop build`) at its first recording
//   npm ci --prefix test/frameworks/nuxt-auth-utils   # `nuxt build` at each recording's prepare step
//   npm ci --prefix test/frameworks/totaljs-session
//   npm ci --prefix test/frameworks/blitz-auth   # blitz-auth/build.sh (`blitz codegen`, `next build`) at each prepare step
//   npm ci --prefix test/frameworks/sveltekit-cookie-session   # `vite build` at each recording's prepare step
//   npm ci --prefix test/frameworks/pouchdb-server
//   npm ci --ignore-scripts --prefix test/frameworks/raneto   # its postinstall (gulp 3) fails on Node 20; server.js copies
//     # the theme's browser libraries as that postinstall does
// Run: [FIRST_PORT=9201] node --import tsx scripts/record-framework-hars.ts [id…]
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import {
  chmodSync,
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { createServer } from 'node:http';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import type { Page } from 'puppeteer-core';
import { launchChromium } from '../demo/chromium.ts';
import { CdpCapture } from '../demo/har/cdp-capture.ts';
import { chromiumVersion } from '../demo/har/record.ts';
import { toHar } from '../demo/har/to-har.ts';

const ROOT = join(import.meta.dirname, '..');
const APPS = join(ROOT, 'test', 'frameworks');
const OUT_DIR = join(ROOT, 'test', 'fixtures', 'framework-har');

interface Server {
  readonly command: string;
  readonly args: readonly string[];
  readonly cwd: string;
  readonly env?: Readonly<Record<string, string>>;
}

interface Framework {
  readonly id: string;
  /** Runs once before the server starts, in a scratch directory of its own (`work`). */
  readonly prepare?: (work: string) => Server | undefined;
  readonly server: (work: string, port: number) => Server;
  /** Servers behind `server` (a load balancer's nodes), each on its own port, started first. */
  readonly backends?: (work: string, port: number) => readonly (Server & { readonly port: number })[];
  /** How the user reaches the login form: its path, or the link on the home page (Tomcat's URL-rewritten link). */
  readonly login: { readonly path: string } | { readonly link: string };
  /**
   * The page opened as home, where it is not `/` (PostfixAdmin's `/` redirects to its login form, whose every GET
   * logs out: its home is the page behind the login, `/main.php`, which sends a visitor without a login to the form).
   */
  readonly home?: string;
  /**
   * After the logout, log in again with the right password and open home: the second login carries whatever the
   * logout left (the session kept, or a new one for a client not logged in), which the first, made without a cookie,
   * cannot show (a session kept through the login: fixation).
   */
  readonly loginAgain?: true;
  /**
   * Keep the bodies of HTML documents, as DevTools' "Save all as HAR with content" does (`<id>-with-bodies`): a page
   * that answers "log in first" with the login form at a 200 is told by its body alone.
   */
  readonly bodies?: true;
  /**
   * A session kept in the page's address alone (SqWebMail's `/login/<user>/<session id>/<time>?…`, no cookie): `home`
   * opened after the login would know no session, so the page the right password led to is opened again in its
   * place; `frame`, a part of the address of the frame (of that page's frameset) whose page has the logout link,
   * clicked there (a link to `_top`).
   */
  readonly sessionInUrl?: { readonly frame: string };
  /**
   * The login form's fields and button, where they are not `input[name=username]`, `input[name=password]`, `button`;
   * `username` null where the form asks for a password alone (Jupyter Notebook's).
   */
  readonly form?: { readonly username: string | null; readonly password: string; readonly submit: string };
  /** alice's password, where the application refuses `secret` (MediaWiki wants ten characters for an admin). */
  readonly password?: string;
  /**
   * The wrong password tried, where `wrong` would be refused before it is sent (EverShop's login form checks in the
   * browser that a password has six characters at least, and sends nothing otherwise).
   */
  readonly wrongPassword?: string;
  /** What the user name field gets, where it is not `alice` (Devise's form asks for an email address). */
  readonly user?: string;
  /** A "keep me logged in" checkbox the login ticks (a remember-me cookie beside the session). */
  readonly remember?: string;
  /**
   * The app's own logout link or button, where it is not `#logout` (it may go through script: see logOut); several
   * clicked in turn where the logout is in a menu (Cockpit's session menu, then its Log out); one written
   * `hover:<selector>` is pointed at, not clicked; none (`[]`) where the app has no logout (Syncthing 1.19's GUI).
   */
  readonly logout?: string | readonly string[];
  /**
   * A login form whose script sends the credentials (Cockpit's, in an `Authorization` header to `request`, a path)
   * and navigates only when they are right: a wrong password is shown in place, without a navigation.
   */
  readonly scriptLogin?: { readonly request: string };
  /**
   * An application whose script loads every page in place (Icinga Web 2): its login form and its logout are answered
   * by XHR and the next view loaded the same way, without a navigation; each is done when the network is idle.
   */
  readonly inPage?: true;
  /**
   * With `inPage`: requests the browser leaves pending for good, which the wait for an idle network tolerates
   * (Directus's login page: Chromium never reports its /favicon.ico, a 404, finished).
   */
  readonly pendingForGood?: number;
  /**
   * With `inPage`: each page the recording opens by its address (home, the login page) waited for until the network
   * has been idle `idleTime` ms, not only loaded; the submits and the logout wait for that long an idle network too
   * (where `reloadingDismiss` does not say otherwise). Node-RED's editor fetches its theme, locales, settings and
   * flows after the load event, with pauses of most of a second between them while it builds its palette; the next
   * page opened at once cancels them, and Chromium never reports those cancelled requests finished, so that every
   * later wait for an idle network would time out. Without `inPage` or `scriptLogin`, the page each submit navigates
   * to is waited for the same way (OCS Inventory's console: the page the login leads to loads its tables by XHR, which
   * re-posts the login's fields; home opened at once cancels it, or not, as the race goes).
   */
  readonly idleAfterLoad?: { readonly idleTime: number };
  /**
   * Service workers bypassed (LDAP Account Manager's PWA worker answers every GET with its own `fetch()`: the page's
   * requests would be recorded without their Cookie and Set-Cookie headers, which only the worker's target sees).
   */
  readonly bypassServiceWorker?: true;
  /**
   * With `scriptLogin`: the HTTP authentication challenge of a wrong password's 401 (Buildbot's `WWW-Authenticate:
   * basic`) cancelled, as a user closing the browser's dialog does, so that the script gets its 401 (headless Chromium
   * otherwise waits for credentials for good); only requests to `scriptLogin.request` are paused for it.
   */
  readonly cancelAuthChallenge?: true;
  /**
   * A login by HTTP Basic authentication alone, in the browser's own dialog (Syncthing's GUI): no form; the dialog of
   * every page before the login closed, as a user does; each submit opens the login page again (a reload) and answers
   * its dialog once, with the wrong password, then the right one, and closes the one a wrong password brings back.
   */
  readonly httpAuth?: true;
  /**
   * A login form that takes any password (oidc-provider's development interactions): the wrong password is not tried.
   */
  readonly anyPassword?: true;
  /**
   * With several `logout` selectors: milliseconds waited before each after the first, for a menu that slides in
   * (Strapi's burger menu: its items are visible before they are in the viewport, where a click cannot reach them).
   */
  readonly menuSettle?: number;
  /**
   * A button clicked on the page the right password leads to, where it is shown (an OpenID provider's consent page):
   * done when the next page has loaded.
   */
  readonly consent?: string;
  /**
   * An identity provider whose answer to the right password is a page that posts the assertion to the app by script
   * (SAML's HTTP-POST binding): done when a page of the app's own origin has loaded, not at the provider's page.
   */
  readonly autoPost?: true;
  /**
   * Login and logout answers that move on by `<meta http-equiv="refresh">` (mod_auth_tkt's login.cgi and logout.cgi):
   * each submit and the logout done once a page without one has loaded.
   */
  readonly metaRefresh?: true;
  /**
   * A message the wrong password leaves over the form (Deluge's "Login Failed" box, over its Login button): its button,
   * clicked where it is shown before the form is filled again.
   */
  readonly dismiss?: string;
  /**
   * With `dismiss`: the message waited for until it is gone once its button is clicked, then this many milliseconds
   * more (Raneto's SweetAlert2 box fades out over the form, where a click on the form's button lands on the box and
   * sends nothing; 100 ms after the box is removed, SweetAlert2 gives the focus back to the button clicked before it
   * opened, taking keystrokes typed into the form by then).
   */
  readonly dismissFades?: number;
  /**
   * With `inPage` and `dismiss`: the button reloads the page (SOGo's Retry), whose form is waited for; and the network
   * idle this long (ms, not 500) before a submit or logout is done, for a script that navigates after a pause (SOGo
   * opens its next page a second after its login request succeeds).
   */
  readonly reloadingDismiss?: { readonly idleTime: number };
  /**
   * More fields of the login form (selector → value), typed afresh at each submit, the wrong password's too
   * (django-otp's `otp_token`, with alice's static token: unused by a wrong password, refused before the token).
   */
  readonly fields?: Readonly<Record<string, string>>;
  /**
   * A login that asks the user name alone, then the password in a dialog of its own (Tryton's sao; `form.username`
   * null, `form.password` the dialog's): where the user name field is shown (not after a wrong password, whose
   * dialog asks the password again), it is typed and `submit` clicked before the password dialog is waited for.
   */
  readonly userFirst?: { readonly username: string; readonly submit: string };
  /**
   * A login form in a dialog that a button of the page opens (Verdaccio's header Login, no page of its own): clicked
   * before a submit where the form is not shown (a wrong password leaves the dialog open).
   */
  readonly openForm?: string;
  /**
   * A login that locks the account out after repeated failures (django-axes at its failure limit): the wrong password
   * tried twice, then the right one (refused by the lock), then home; the login form opened again before a submit
   * where the answer before was not the form (the lockout page); no logout.
   */
  readonly lockout?: true;
  /**
   * The login form opened again by its path before the right password where the wrong one's answer was not the form
   * (a node behind a load balancer that does not know the session: Laravel's 419 Page Expired, its CSRF token unknown).
   */
  readonly reopenLogin?: true;
  /**
   * A recording where the server loses the logged-in session instead of the user logging out: the server restarts
   * (a memory store), or its back-ends alone (`restart-backends`: a session store without persistence restarted under
   * the running app), or its session files are removed (server-side expiry); then the user opens `after`.
   */
  readonly lose?: {
    readonly how: 'restart' | 'restart-backends' | ((work: string) => void);
    readonly after: string;
    /** With `restart`: variables the restarted server gets over its own (Laravel's APP_KEY changed). */
    readonly env?: Readonly<Record<string, string>>;
    /**
     * A form's submit button on the page `after`, opened before the loss and submitted after it (a tab left open
     * while the session expired: the form's CSRF token belongs to the lost session).
     */
    readonly submit?: string;
  };
  /**
   * A recording of a link followed from another site instead of a logout: after the login, a page of another site
   * (served by the recorder on 127.0.0.1 at port + 60, opened as `http://localhost:<port + 60>/`: localhost and
   * 127.0.0.1 are different sites for cookies) whose link to the page `after` is clicked, a cross-site top-level
   * navigation on which a `SameSite=Strict` cookie is not sent; then `after` opened again by its address (typed: the
   * cookie sent again), then home.
   */
  readonly crossSite?: {
    readonly after: string;
    /**
     * How the other site's page reaches `after`: a link clicked (the default), a form POSTed to it (`post`: a payment
     * provider or identity provider returning the user with a form, the fields given), or the page framed in an
     * iframe (`frame`: an app embedded in a portal). Then `after` opened again by its address, then home.
     */
    readonly via?: { readonly post: Readonly<Record<string, string>> } | 'frame';
  };
  /**
   * The host name the browser opens the app by instead of 127.0.0.1: a `*.test` name, which Chromium resolves to
   * 127.0.0.1 (demo/chromium.ts). Not loopback by name, so plain http:// there is no secure context: a `Secure`
   * cookie set over it is rejected, as on a real staging host.
   */
  readonly host?: string;
  /**
   * A recording of pages opened after the login instead of a logout (logInAndVisit): each a path on the app's host,
   * or an address on another host of the same app with `{port}` for its port (`http://app.test:{port}/…`): a page
   * outside the session cookie's Path, a host its host-only cookie does not cover, the pages the user goes on to.
   */
  readonly afterLogin?: readonly string[];
  /**
   * A recording of a second app on the same host at another port instead of a logout: the framework's own server
   * started again on port + 70, in a work directory of its own (its `prepare` run there), with `env` over its own
   * variables (another secret, another cookie name). After the login here, its home, its login form and the right
   * password there, its home; then the page `after` here, then home. Cookies do not isolate ports (RFC 6265 8.5): two
   * apps at 127.0.0.1 that name their session cookies alike share one cookie, each replacing the other's.
   */
  readonly neighbour?: {
    readonly after: string;
    readonly env?: Readonly<Record<string, string>>;
    /**
     * The host name the second app is opened by (a `*.test` name, as `host`), where not 127.0.0.1: two apps on two
     * hosts of one site whose session cookies name the site's domain (`Domain=app.test`) share them as two ports do.
     */
    readonly host?: string;
    /** The second app's server, where it is another framework's (its login form at the same path); the framework's own otherwise. */
    readonly server?: Framework['server'];
  };
  /**
   * A recording of a configuration deployed while the user is logged in, instead of a logout alone: after the login
   * the server is restarted as `server` gives it (another cookie Domain, say), its session store kept; then home, the
   * logout, home, the login again, home and the page `after`. A cookie written under new attributes does not replace
   * the one written under the old (another Domain or Path is another cookie): both may be sent, and the old one outlive
   * the logout that deletes the new.
   */
  readonly redeploy?: { readonly server: Framework['server']; readonly after: string };
  /**
   * A path the server answers below 400 only once it is ready, waited for after its port opens (JupyterHub's proxy
   * listens before the hub behind it has started and added its route: until then every page is the proxy's 404).
   */
  readonly ready?: string;
}

/**
 * The Rack app in test/frameworks/`app` (its config.ru) under rackup on loopback: WEBrick where `webrick` says so (a
 * Rack app with no server of its own in its Gemfile), the app's variables in `env`.
 */
const rackup = (
  app: string,
  port: number,
  options: { readonly webrick?: true; readonly env?: Readonly<Record<string, string>> } = {},
): Server => ({
  command: 'rackup',
  args: [...(options.webrick ? ['-s', 'webrick'] : []), '-p', String(port), '-o', '127.0.0.1', 'config.ru'],
  cwd: join(APPS, app),
  ...(options.env ? { env: options.env } : {}),
});

const python = (work: string, args: string[], env: Record<string, string> = {}): Server => ({
  command: '/usr/bin/python3',
  args,
  cwd: work,
  env: { DJANGO_DB: join(work, 'db.sqlite3'), ...env },
});

/** The CAS server of the CAS recordings (cas/cas.py: Debian's django-cas-server on SQLite) on port + 50. */
const casServer = (work: string, port: number): (Server & { readonly port: number })[] => [
  {
    ...python(work, [join(APPS, 'cas', 'cas.py'), 'runserver', `127.0.0.1:${port + 50}`, '--noreload']),
    port: port + 50,
  },
];

/**
 * The identity provider of the SAML recordings: Debian's SimpleSAMLphp under PHP's own server on port + 1, its
 * configuration and metadata in `<app>/idp/config`, told the service provider's port in the variable that
 * configuration reads.
 */
const simpleSamlIdp =
  (app: string, spPortVariable: string) =>
  (work: string, port: number): (Server & { readonly port: number })[] => [
    {
      command: 'php',
      args: ['-S', `127.0.0.1:${port + 1}`],
      cwd: '/usr/share/simplesamlphp/www',
      env: {
        SIMPLESAMLPHP_CONFIG_DIR: join(APPS, app, 'idp', 'config'),
        SIMPLESAMLPHP_WORK: work,
        [spPortVariable]: String(port),
      },
      port: port + 1,
    },
  ];

const django = (id: string, engine: string): Framework => ({
  id,
  prepare: (work) => python(work, [join(APPS, 'django', 'app.py'), 'setup'], { SESSION_ENGINE: engine }),
  server: (work, port) =>
    python(work, [join(APPS, 'django', 'app.py'), 'runserver', `127.0.0.1:${port}`, '--noreload'], {
      SESSION_ENGINE: engine,
    }),
  login: { path: '/accounts/login/' },
});

const php = (id: string, env: Record<string, string>, settings: readonly string[] = []): Framework => ({
  id,
  server: (work, port) => {
    // Session files in the recording's own directory, where a recording that loses the session removes them.
    mkdirSync(join(work, 'sessions'), { recursive: true });
    const ini = [`session.save_path=${join(work, 'sessions')}`, ...settings].flatMap((setting) => ['-d', setting]);
    return { command: 'php', args: [...ini, '-S', `127.0.0.1:${port}`, 'index.php'], cwd: join(APPS, 'php'), env };
  },
  login: { path: '/login.php' },
});

/** The files of a session store (a directory of the recording's work directory) removed, as its expiry does. */
const removeFilesIn = (dir: string) => (work: string) => {
  for (const file of readdirSync(join(work, dir))) rmSync(join(work, dir, file));
};

/** PHP's session files removed, as its garbage collection does once they are older than gc_maxlifetime. */
const expirePhpSessions = removeFilesIn('sessions');

/** SQL run as root in a database of the recording's own MariaDB (its socket work/mysql.sock): rows an expiry removes. */
const inRecordingMariadb = (database: string, sql: string) => (work: string) => {
  execFileSync('mariadb', ['--no-defaults', `--socket=${join(work, 'mysql.sock')}`, '-u', 'root', database, '-e', sql]);
};
/** Tiny Tiny RSS's session rows (its own save handler's table) deleted, as its garbage collection does. */
const expireTtrssSessions = inRecordingMariadb('ttrss', 'DELETE FROM ttrss_sessions');
/** WordPress's login session tokens (the user meta `session_tokens`) deleted: its auth cookies then fail to verify. */
const expireWordpressSessionTokens = inRecordingMariadb(
  'wordpress',
  "DELETE FROM wp_usermeta WHERE meta_key = 'session_tokens'",
);

/** Django's session rows deleted from the recording's SQLite database, as `clearsessions` does once they expire. */
const expireDjangoSessions = (work: string) => {
  execFileSync('sqlite3', [join(work, 'db.sqlite3'), 'DELETE FROM django_session']);
};

/** Flask-Session's session files (cachelib's FileSystemCache in `flask_session/` of `work`) removed, as on expiry. */
const expireFlaskSessions = removeFilesIn('flask_session');

/** web.py's DiskStore files (`sessions/` of `work`) removed, as its cleanup does once they are past their timeout. */
const expireWebpySessions = removeFilesIn('sessions');

/** CGI::Session's files (work/sessions) removed, as its expiry (or a cron job clearing old ones) would. */
const expireCgiSessions = removeFilesIn('sessions');

/** Rack 2.2's Rack::Session::Pool used directly by a Rack app (renew at login, drop at logout), under rackup. */
const rackSessionPool: Framework = {
  id: 'rack-session-pool',
  server: (_work, port) => rackup('rack-session', port, { webrick: true }),
  login: { path: '/login' },
};

/** Rails 6.1's cookie store (test/frameworks/rails, its key SECRET_KEY_BASE or a fixed one), under rackup. */
const railsCookieStore: Framework = {
  id: 'rails-cookie-store',
  server: (_work, port) => rackup('rails', port),
  login: { path: '/session/new' },
};

/** A CATALINA_BASE of our own: Debian's configuration on our port (and node name), our webapp as ROOT. */
function tomcat(work: string, port: number, jvmRoute?: string): Server {
  cpSync('/etc/tomcat10', join(work, 'conf'), { recursive: true });
  const serverXml = join(work, 'conf', 'server.xml');
  let xml = readFileSync(serverXml, 'utf8').replace('port="8080"', `port="${port}"`);
  if (jvmRoute) {
    xml = xml.replace(
      '<Engine name="Catalina" defaultHost="localhost">',
      `<Engine name="Catalina" defaultHost="localhost" jvmRoute="${jvmRoute}">`,
    );
  }
  writeFileSync(serverXml, xml);
  for (const dir of ['logs', 'temp', 'work', 'webapps']) mkdirSync(join(work, dir), { recursive: true });
  symlinkSync(join(APPS, 'tomcat', 'ROOT'), join(work, 'webapps', 'ROOT'));
  return {
    command: '/usr/share/tomcat10/bin/catalina.sh',
    args: ['run'],
    cwd: work,
    env: { CATALINA_HOME: '/usr/share/tomcat10', CATALINA_BASE: work },
  };
}

/** nginx on `port` balancing round robin, without affinity, over the two nodes on port + 51 and port + 52. */
function roundRobin(work: string, port: number): Server {
  const conf = join(work, 'nginx.conf');
  const nginx = [
    `pid ${join(work, 'nginx.pid')};`,
    `error_log ${join(work, 'nginx-error.log')};`,
    'events {}',
    'http {',
    '  access_log off;',
    `  upstream nodes { server 127.0.0.1:${port + 51}; server 127.0.0.1:${port + 52}; }`,
    `  server { listen 127.0.0.1:${port}; location / { proxy_pass http://nodes; proxy_set_header Host $http_host; } }`,
    '}',
  ];
  writeFileSync(conf, `${nginx.join('\n')}\n`);
  return { command: '/usr/sbin/nginx', args: ['-c', conf, '-g', 'daemon off;'], cwd: work };
}

const flask = (id: string, env: Record<string, string> = {}): Framework => ({
  id,
  server: (_work, port) => ({
    command: '/usr/bin/python3',
    args: ['-m', 'flask', '--app', 'app', 'run', '-p', String(port)],
    cwd: join(APPS, 'flask'),
    env,
  }),
  login: { path: '/login' },
});

/** Throws, naming the command, unless the npm app of test/frameworks/<dir>/ has its own packages installed. */
function needPackages(id: string, dir: string, nodedir = false, installed = join(APPS, dir, 'node_modules')): void {
  if (existsSync(installed)) return;
  const prefix = nodedir ? 'npm_config_nodedir=/usr ' : '';
  throw new Error(`${id} needs its packages first: ${prefix}npm ci --prefix test/frameworks/${dir}`);
}

/** The server of an npm app of test/frameworks/<dir>/ on its own packages: `node <file> <port>` in that directory. */
function npmApp(
  id: string,
  dir: string,
  file: string,
  options: { readonly nodedir?: boolean; readonly env?: Readonly<Record<string, string>> } = {},
): Framework['server'] {
  return (_work, port) => {
    needPackages(id, dir, options.nodedir);
    return {
      command: process.execPath,
      args: [file, String(port)],
      cwd: join(APPS, dir),
      ...(options.env ? { env: options.env } : {}),
    };
  };
}

/** A Node app of test/frameworks/node/, on its own npm packages (`npm ci --prefix test/frameworks/node`). */
const node = (id: string): Framework => ({
  id,
  server: npmApp(id, 'node', `${id}.mjs`),
  login: { path: '/login' },
});

/** An app of test/frameworks/<dir>/ run by `command` (Python, Perl) with its port as the last argument. */
const script = (
  id: string,
  command: string,
  dir: string,
  file: string,
  env: Record<string, string> = {},
): Framework => ({
  id,
  server: (_work, port) => ({ command, args: [join(APPS, dir, file), String(port)], cwd: join(APPS, dir), env }),
  login: { path: '/login' },
});

/** A MariaDB of the recording's own, its files in `work/db`, on `port` (its account root, no password). */
const mariadbInstall = (work: string): Server => ({
  command: 'mariadb-install-db',
  args: [
    '--no-defaults',
    `--datadir=${join(work, 'db')}`,
    '--auth-root-authentication-method=normal',
    '--skip-test-db',
    '--user=root',
  ],
  cwd: work,
});
const mariadb = (work: string, port: number): Server & { readonly port: number } => ({
  command: 'mariadbd',
  args: [
    '--no-defaults',
    `--datadir=${join(work, 'db')}`,
    `--port=${port}`,
    '--bind-address=127.0.0.1',
    `--socket=${join(work, 'mysql.sock')}`,
    '--user=root',
    '--skip-log-bin',
  ],
  cwd: work,
  port,
});

/** Debian's WordPress, copied into the recording's directory with our configuration, on a MariaDB of its own. */
const wordpress: Framework = {
  id: 'wordpress',
  prepare: (work) => {
    const wp = join(work, 'wp');
    cpSync('/usr/share/wordpress', wp, { recursive: true, dereference: true });
    cpSync(join(APPS, 'wordpress', 'wp-config.php'), join(wp, 'wp-config.php'));
    mkdirSync(join(wp, 'wp-content', 'mu-plugins'), { recursive: true });
    cpSync(join(APPS, 'wordpress', 'sessionscope.php'), join(wp, 'wp-content', 'mu-plugins', 'sessionscope.php'));
    return mariadbInstall(work);
  },
  backends: (work, port) => [mariadb(work, port + 50)],
  // Installed (alice / secret) once the database answers, then served by PHP's own server.
  server: (work, port) => ({
    command: 'sh',
    args: ['-c', `php ${join(APPS, 'wordpress', 'install.php')} && exec php -S 127.0.0.1:${port}`],
    cwd: join(work, 'wp'),
    env: { WP_DB_PORT: String(port + 50), WP_PORT: String(port), WP_DIR: join(work, 'wp') },
  }),
  login: { path: '/wp-login.php' },
  form: { username: '#user_login', password: '#user_pass', submit: '#wp-submit' },
};

/** Laravel 8 from Debian (php-laravel-framework), its users table in the recording's own SQLite file. */
const laravel: Framework = {
  id: 'laravel',
  prepare: (work) => ({
    command: 'php',
    args: [join(APPS, 'laravel', 'setup.php')],
    cwd: work,
    env: { LARAVEL_DB: join(work, 'db.sqlite') },
  }),
  server: (work, port) => {
    mkdirSync(join(work, 'sessions'), { recursive: true });
    return {
      command: 'php',
      args: ['-S', `127.0.0.1:${port}`, '-t', 'public', 'public/index.php'],
      cwd: join(APPS, 'laravel'),
      env: { LARAVEL_DB: join(work, 'db.sqlite'), SESSION_FILES: join(work, 'sessions'), LARAVEL_WORK: work },
    };
  },
  login: { path: '/login' },
};

/**
 * Debian's MediaWiki, installed by its own installer (alice, an administrator: ten characters of password at least)
 * on SQLite in the recording's directory, served by PHP's own server; Vector's own login and logout links.
 */
const mediawiki: Framework = {
  id: 'mediawiki',
  server: (work, port) => {
    const install = [
      'php maintenance/install.php --quiet --dbtype sqlite --dbname my_wiki --skins Vector --scriptpath ""',
      `--dbpath ${join(work, 'data')} --confpath ${work} --server http://127.0.0.1:${port}`,
      '--pass secret-secret "Sessionscope recording" alice',
    ].join(' ');
    const serve = `exec env MW_CONFIG_FILE=${join(work, 'LocalSettings.php')} php -S 127.0.0.1:${port}`;
    return { command: 'sh', args: ['-c', `${install} && ${serve}`], cwd: '/usr/share/mediawiki' };
  },
  login: { path: '/index.php/Special:UserLogin' },
  form: { username: '#wpName1', password: '#wpPassword1', submit: '#wpLoginAttempt' },
  password: 'secret-secret',
  logout: '#pt-logout a',
};

/**
 * MediaWiki with "Keep me logged in" ticked, its sessions then lost on the server (the object cache's session
 * rows deleted, as their expiry would): the next page is logged in again from the `my_wikiToken` cookie.
 */
const mediawikiRemembered: Framework = {
  ...mediawiki,
  id: 'mediawiki-remember-me-session-lost',
  remember: '#wpRemember',
  lose: {
    how: (work) => {
      const cache = readdirSync(join(work, 'data')).filter((f) => f.endsWith('.sqlite'));
      const code = `foreach (${JSON.stringify(cache.map((f) => join(work, 'data', f)))} as $f) { $db = new PDO("sqlite:$f"); try { $db->exec("DELETE FROM objectcache WHERE keyname LIKE '%MWSession%'"); } catch (Exception $e) {} }`;
      execFileSync('php', ['-r', code]);
    },
    after: '/index.php/Special:Preferences',
  },
};

/**
 * Debian's phpMyAdmin, copied into the recording's directory to read our configuration (cookie authentication) in
 * place of /etc/phpmyadmin's, logging in to a MariaDB of its own as alice; its navigation panel's logout link.
 */
const phpmyadmin: Framework = {
  id: 'phpmyadmin',
  prepare: (work) => {
    const pma = join(work, 'pma');
    cpSync('/usr/share/phpmyadmin', pma, { recursive: true, dereference: true });
    const vendorConfig = join(pma, 'libraries', 'vendor_config.php');
    mkdirSync(join(work, 'tmp'));
    writeFileSync(
      vendorConfig,
      readFileSync(vendorConfig, 'utf8')
        .replace("'/etc/phpmyadmin/config.inc.php'", `'${join(APPS, 'phpmyadmin', 'config.inc.php')}'`)
        .replace("'/var/lib/phpmyadmin/tmp/'", `'${join(work, 'tmp')}/'`),
    );
    return mariadbInstall(work);
  },
  backends: (work, port) => [mariadb(work, port + 50)],
  server: (work, port) => ({
    command: 'sh',
    args: ['-c', `php ${join(APPS, 'phpmyadmin', 'setup.php')} && exec php -S 127.0.0.1:${port}`],
    cwd: join(work, 'pma'),
    env: { PMA_DB_PORT: String(port + 50), PMA_TEMP: join(work, 'tmp') },
  }),
  login: { path: '/' },
  form: { username: '#input_username', password: '#input_password', submit: '#input_go' },
  logout: 'a.logout',
};

/**
 * Debian's Roundcube (its public_html served by PHP's own server), its settings from ROUNDCUBE_* variables (which
 * Roundcube reads over its configuration files): an SQLite file in the recording's directory, which Roundcube
 * creates, and an IMAP server of its own, Debian's Dovecot with the account alice / secret (roundcube/dovecot.sh).
 */
const roundcube: Framework = {
  id: 'roundcube',
  backends: (work, port) => [
    {
      command: 'sh',
      args: [join(APPS, 'roundcube', 'dovecot.sh'), work, String(port + 50)],
      cwd: work,
      port: port + 50,
    },
  ],
  server: (work, port) => {
    for (const dir of ['temp', 'logs']) mkdirSync(join(work, dir), { recursive: true });
    return {
      command: 'php',
      args: ['-S', `127.0.0.1:${port}`],
      cwd: '/var/lib/roundcube/public_html',
      env: {
        ROUNDCUBE_DB_DSNW: `sqlite:///${join(work, 'roundcube.db')}?mode=0646`,
        ROUNDCUBE_IMAP_HOST: JSON.stringify([`127.0.0.1:${port + 50}`]),
        ROUNDCUBE_TEMP_DIR: join(work, 'temp'),
        ROUNDCUBE_LOG_DIR: join(work, 'logs'),
      },
    };
  },
  login: { path: '/' },
  form: { username: '#rcmloginuser', password: '#rcmloginpwd', submit: '#rcmloginsubmit' },
  logout: 'a.logout',
};

/**
 * Roundcube's session rows (its `session` table in the recording's SQLite file) deleted, as its garbage collection
 * does; once the home page's mail list requests have ended (a request running over half a second reads its session
 * again as it ends and, finding no row, inserts its whole session anew).
 */
const expireRoundcubeSessions = (work: string) => {
  execFileSync('sleep', ['3']);
  execFileSync('sqlite3', [join(work, 'roundcube.db'), 'DELETE FROM session']);
};

/**
 * A Go app of ours (`<dir>/main.go`) built in GOPATH mode from Debian's Go packages (nothing downloaded) before it
 * starts, the binary and the build cache in the recording's directory.
 */
const goApp = (work: string, port: number, dir: string, env: Record<string, string> = {}): Server => {
  const app = join(work, 'app');
  return {
    command: 'sh',
    args: ['-c', `go build -o ${app} ${join(APPS, dir, 'main.go')} && exec ${app} ${port}`],
    cwd: work,
    env: { GO111MODULE: 'off', GOPATH: `/usr/share/gocode:${work}`, GOCACHE: join(work, 'gocache'), ...env },
  };
};

/** gorilla/sessions from Debian (golang-github-gorilla-sessions-dev). */
const gorilla = (id: string, store: 'cookie' | 'filesystem'): Framework => ({
  id,
  server: (work, port) => {
    mkdirSync(join(work, 'sessions'), { recursive: true });
    return goApp(work, port, 'gorilla', { STORE: store, SESSION_DIR: join(work, 'sessions') });
  },
  login: { path: '/login' },
});

/** Jetty 9.4 from Debian (jetty9): a jetty.base of our own with Tomcat's JSPs (test/frameworks/tomcat/ROOT) as ROOT. */
const jetty: Framework = {
  id: 'jetty',
  server: (work, port) => {
    mkdirSync(join(work, 'webapps'), { recursive: true });
    symlinkSync(join(APPS, 'tomcat', 'ROOT'), join(work, 'webapps', 'ROOT'));
    return {
      command: 'java',
      args: [
        '-jar',
        '/usr/share/jetty9/start.jar',
        'jetty.home=/usr/share/jetty9',
        `jetty.base=${work}`,
        '--module=http,jsp,deploy',
        'jetty.http.host=127.0.0.1',
        `jetty.http.port=${port}`,
      ],
      cwd: work,
    };
  },
  login: { link: '#login' },
};

/**
 * A PHP app whose front controller (`<dir>/index.php`) is PHP's own server's router, started in its directory as the
 * framework's documentation serves it, its sessions saved in the recording's directory (SESSION_DIR).
 */
const phpFrontController = (id: string, dir: string): Framework => ({
  id,
  server: (work, port) => {
    mkdirSync(join(work, 'sessions'), { recursive: true });
    return {
      command: 'php',
      args: ['-S', `127.0.0.1:${port}`, 'index.php'],
      cwd: join(APPS, dir),
      env: { SESSION_DIR: join(work, 'sessions') },
    };
  },
  login: { path: '/login' },
});

/** Symfony's HttpFoundation session (Debian's php-symfony-http-foundation) behind a front controller of ours. */
const symfony = phpFrontController('symfony', 'symfony');

/** Catalyst with Catalyst::Plugin::Session (cookie state, FastMmap store: its share file in the recording's directory). */
const catalyst: Framework = {
  id: 'catalyst',
  server: (work, port) => ({
    command: '/usr/bin/perl',
    args: [join(APPS, 'catalyst', 'app.pl'), String(port)],
    cwd: join(APPS, 'catalyst'),
    env: { SESSION_DIR: work },
  }),
  login: { path: '/login' },
};

/** Auth.js on Express, with packages of its own (`npm ci --prefix test/frameworks/authjs`). */
const authjs: Framework = {
  id: 'authjs',
  server: npmApp('authjs', 'authjs', 'app.mjs'),
  login: { path: '/auth/signin' },
};

/**
 * Apache httpd's own form login (Debian's apache2): mod_auth_form keeps the user (and password) in mod_session's
 * cookie, `session`, encrypted by mod_session_crypto where `crypto`; a configuration of ours (apache/httpd.conf) in
 * the foreground (`-X`), its htpasswd file (alice / secret) in the recording's directory, which www-data must read.
 */
const apache = (id: string, crypto: boolean): Framework => ({
  id,
  prepare: (work) => {
    chmodSync(work, 0o755);
    return { command: 'htpasswd', args: ['-bc', join(work, 'htpasswd'), 'alice', 'secret'], cwd: work };
  },
  server: (work, port) => ({
    command: '/usr/sbin/apache2',
    args: ['-X', '-f', join(APPS, 'apache', 'httpd.conf'), ...(crypto ? ['-D', 'CRYPTO'] : [])],
    cwd: work,
    env: { APACHE_PORT: String(port), APACHE_WORK: work, APACHE_APP: join(APPS, 'apache') },
  }),
  login: { path: '/login.html' },
  form: {
    username: 'input[name=httpd_username]',
    password: 'input[name=httpd_password]',
    submit: 'button',
  },
});

/**
 * Apache httpd's form login again (Debian's apache2), the session kept on the server: mod_auth_form on an htpasswd
 * file (alice / secret), mod_session with mod_session_dbd, the session rows in SQLite through mod_dbd (Debian's
 * libaprutil1-dbd-sqlite3) with the queries of mod_session_dbd's documentation; the cookie `session` holds only the
 * row's key, a UUID (`SessionDBDCookieName session path=/;httponly`). A configuration of ours
 * (apache-form-session-dbd/httpd.conf) in the foreground (`-X`); apache-form-session-dbd/setup.sh writes the htpasswd
 * file and creates the `session` table in the recording's directory (db/, owned by www-data). The login form
 * (static) posts `httpd_username`, `httpd_password` to /dologin.html (`form-login-handler`); the logout is the
 * pages' link to /logout (`form-logout-handler`, `AuthFormLogoutLocation /`).
 */
const apacheFormSessionDbd: Framework = {
  id: 'apache-form-session-dbd',
  prepare: (work) => ({
    command: 'sh',
    args: [join(APPS, 'apache-form-session-dbd', 'setup.sh'), work],
    cwd: work,
  }),
  server: (work, port) => ({
    command: '/usr/sbin/apache2',
    args: ['-X', '-f', join(APPS, 'apache-form-session-dbd', 'httpd.conf')],
    cwd: work,
    env: { APACHE_PORT: String(port), APACHE_WORK: work, APACHE_APP: join(APPS, 'apache-form-session-dbd') },
  }),
  login: { path: '/login.html' },
  form: {
    username: 'input[name=httpd_username]',
    password: 'input[name=httpd_password]',
    submit: 'button',
  },
};

/** django-allauth (Debian's python3-django-allauth) on Django 3.2: its own login page and its POST logout. */
const allauth: Framework = {
  id: 'django-allauth',
  prepare: (work) => python(work, [join(APPS, 'allauth', 'app.py'), 'setup']),
  server: (work, port) =>
    python(work, [join(APPS, 'allauth', 'app.py'), 'runserver', `127.0.0.1:${port}`, '--noreload']),
  login: { path: '/accounts/login/' },
  form: { username: 'input[name=login]', password: 'input[name=password]', submit: 'button.primaryAction' },
};

/** React Router 7's session storage (test/frameworks/node/react-router-session.mjs): `cookie` or `memory`. */
const reactRouter = (id: string, storage: 'cookie' | 'memory'): Framework => {
  const app = node('react-router-session');
  return { ...app, id, server: (work, port) => ({ ...app.server(work, port), env: { SESSION_STORAGE: storage } }) };
};

/**
 * Debian's DokuWiki, copied into the recording's directory (its symlinks followed) with Debian's /etc/dokuwiki as its
 * conf/ and /var/lib/dokuwiki/data as its data/; Debian's inc/preload.php (which points at /etc/dokuwiki) left out,
 * our local.php, users.auth.php (alice / secret), acl.auth.php over Debian's. Served by PHP's own server with
 * DokuWiki's index.php as the router; its login form (`do=login`) and the user tools' Log Out link.
 */
const dokuwiki: Framework = {
  id: 'dokuwiki',
  prepare: (work) => {
    const dw = join(work, 'dw');
    cpSync('/usr/share/dokuwiki', dw, { recursive: true, dereference: true });
    rmSync(join(dw, 'inc', 'preload.php'));
    cpSync('/etc/dokuwiki', join(dw, 'conf'), { recursive: true, dereference: true });
    cpSync('/var/lib/dokuwiki/data', join(dw, 'data'), { recursive: true });
    for (const file of ['local.php', 'users.auth.php', 'acl.auth.php']) {
      cpSync(join(APPS, 'dokuwiki', file), join(dw, 'conf', file));
    }
    return undefined;
  },
  server: (work, port) => ({ command: 'php', args: ['-S', `127.0.0.1:${port}`, 'index.php'], cwd: join(work, 'dw') }),
  login: { path: '/doku.php?do=login' },
  form: { username: '#dw__login input[name=u]', password: '#dw__login input[name=p]', submit: '#dw__login button' },
  logout: '#dokuwiki__usertools a[href*="do=logout"]',
};

/**
 * better-auth on Express, with packages of its own (`npm ci --prefix test/frameworks/better-auth`): our pages post
 * to its JSON sign-in and sign-out by script, as its client does; alice's password has eight characters at least.
 */
const betterAuth: Framework = {
  id: 'better-auth',
  server: npmApp('better-auth', 'better-auth', 'app.mjs'),
  login: { path: '/login' },
  password: 'secret-secret',
};

/**
 * Flask-Session 0.3 (Debian's python3-flask-session) on Flask 2.2, `SESSION_TYPE = 'filesystem'`: its session files in
 * `flask_session/` of the working directory, the recording's own.
 */
const flaskSession: Framework = {
  id: 'flask-session',
  server: (work, port) => ({
    command: '/usr/bin/python3',
    args: [join(APPS, 'flask-session', 'app.py'), String(port)],
    cwd: work,
  }),
  login: { path: '/login' },
};

/**
 * Cockpit's web service (Debian's cockpit-ws, with cockpit-bridge and cockpit-system for the console behind the login)
 * in the foreground without TLS, logging in the local user alice (password `secret`: `useradd -m alice` and
 * `chpasswd` first) through cockpit-session and PAM. Its login page sends the credentials from script in an
 * `Authorization` header to /cockpit/login; the logout is the session menu's Log out.
 */
const cockpit: Framework = {
  id: 'cockpit',
  server: (_work, port) => {
    if (!/^alice:/m.test(readFileSync('/etc/passwd', 'utf8'))) {
      throw new Error("cockpit needs the local user alice: useradd -m alice && echo 'alice:secret' | chpasswd");
    }
    return {
      command: '/usr/lib/cockpit/cockpit-ws',
      args: ['--no-tls', '--address', '127.0.0.1', '--port', String(port)],
      cwd: '/',
    };
  },
  login: { path: '/' },
  form: { username: '#login-user-input', password: '#login-password-input', submit: '#login-button' },
  scriptLogin: { request: '/cockpit/login' },
  logout: ['#toggle-menu', '#logout'],
};

/** AdonisJS 6 (plain JavaScript, no `node ace`) with @adonisjs/session's cookie store, packages in `adonis/`. */
const adonis: Framework = {
  id: 'adonis-session',
  server: npmApp('adonis-session', 'adonis', 'server.js'),
  login: { path: '/login' },
};

/**
 * Debian's Zabbix 6.0 frontend (zabbix-frontend-php), copied into the recording's directory to read our
 * configuration (zabbix/zabbix.conf.php) in place of /etc/zabbix/zabbix.conf.php, on a MariaDB of its own loaded with
 * the schema Debian ships in zabbix-server-mysql and the account alice (zabbix/setup.sh); no Zabbix server runs.
 * Its sign-in form (Remember me for 30 days ticked, its default) and the sidebar's Sign out, which posts from script.
 */
const zabbix: Framework = {
  id: 'zabbix',
  prepare: (work) => {
    const frontend = join(work, 'zabbix');
    cpSync('/usr/share/zabbix', frontend, { recursive: true, dereference: true });
    const configFile = join(frontend, 'include', 'classes', 'core', 'CConfigFile.php');
    writeFileSync(
      configFile,
      readFileSync(configFile, 'utf8').replace(
        "'/etc/zabbix/zabbix.conf.php'",
        `'${join(APPS, 'zabbix', 'zabbix.conf.php')}'`,
      ),
    );
    return { command: 'sh', args: [join(APPS, 'zabbix', 'setup.sh'), work], cwd: work };
  },
  backends: (work, port) => [mariadb(work, port + 50)],
  server: (work, port) => ({
    command: 'php',
    args: ['-S', `127.0.0.1:${port}`],
    cwd: join(work, 'zabbix'),
    env: { ZBX_DB_PORT: String(port + 50), ZBX_SERVER_PORT: String(port + 51) },
  }),
  login: { path: '/index.php' },
  form: { username: '#name', password: '#password', submit: '#enter' },
  logout: 'a.icon-signout',
};

/** Zabbix's session rows (its `sessions` table) deleted, as the removal of stale sessions does. */
const expireZabbixSessions = inRecordingMariadb('zabbix', 'DELETE FROM sessions');

/**
 * Debian's Cacti, copied into the recording's directory with our configuration (cacti/config.php) as its
 * include/config.php in place of Debian's link to /etc/cacti/debian.php, on a MariaDB of its own loaded with Debian's
 * skeleton and the account alice (cacti/setup.sh), served by PHP's own server; its login form ("Keep me signed in"
 * left unticked, its default) and the Logout of the menu under the user's name.
 */
const cacti: Framework = {
  id: 'cacti',
  prepare: (work) => {
    const site = join(work, 'site');
    cpSync('/usr/share/cacti/site', site, { recursive: true, dereference: true });
    rmSync(join(site, 'include', 'config.php'));
    cpSync(join(APPS, 'cacti', 'config.php'), join(site, 'include', 'config.php'));
    return { command: 'sh', args: [join(APPS, 'cacti', 'setup.sh'), work], cwd: work };
  },
  backends: (work, port) => [mariadb(work, port + 50)],
  server: (work, port) => ({
    command: 'php',
    args: ['-S', `127.0.0.1:${port}`],
    cwd: join(work, 'site'),
    env: { CACTI_DB_PORT: String(port + 50), CACTI_WORK: work },
  }),
  login: { path: '/index.php' },
  form: { username: '#login_username', password: '#login_password', submit: '#login input[type=submit]' },
  // The menu opens on hover (a click anywhere closes it): its Logout once its slide has ended (no height left).
  logout: ['hover:#user', 'ul.menuoptions:not([style*=none]):not([style*=height]) a[href="/logout.php"]'],
};

/**
 * ikiwiki (Debian's package): our wiki built in the recording's directory with its CGI wrapper (setuid, as ikiwiki
 * makes it) and passwordauth, alice registered, served by Apache httpd in the foreground (ikiwiki/ikiwiki.sh,
 * ikiwiki/httpd.conf). The Preferences link asks for the sign-in (CGI::Session's `ikiwiki_session_wiki`); the
 * Preferences page's Logout button logs out.
 */
const ikiwiki: Framework = {
  id: 'ikiwiki',
  server: (work, port) => ({
    command: 'sh',
    args: [join(APPS, 'ikiwiki', 'ikiwiki.sh'), work, String(port)],
    cwd: work,
  }),
  login: { path: '/ikiwiki.cgi?do=prefs' },
  form: { username: 'input[name=name]', password: 'input[name=password]', submit: '#signin_submit' },
  logout: ['a[href*="do=prefs"]', 'input[value=Logout]'],
};

/**
 * Debian's Tiny Tiny RSS (tt-rss), copied into the recording's directory with our configuration (tt-rss/config.php) as
 * its config.php in place of Debian's link to /etc/tt-rss/config.php, on a MariaDB of its own loaded with Debian's
 * schema and the account alice (tt-rss/setup.sh). tt-rss refuses to run as root: PHP's own server runs as www-data.
 * Its login form (a Dojo form: the button a widget) and the Logout of the Actions menu, which posts from script.
 */
const ttrss: Framework = {
  id: 'tt-rss',
  prepare: (work) => {
    const www = join(work, 'www');
    cpSync('/usr/share/tt-rss/www', www, { recursive: true, dereference: true });
    rmSync(join(www, 'config.php'));
    cpSync(join(APPS, 'tt-rss', 'config.php'), join(www, 'config.php'));
    return { command: 'sh', args: [join(APPS, 'tt-rss', 'setup.sh'), work], cwd: work };
  },
  backends: (work, port) => [mariadb(work, port + 50)],
  server: (work, port) => ({
    command: 'setpriv',
    args: ['--reuid=www-data', '--regid=www-data', '--clear-groups', 'php', '-S', `127.0.0.1:${port}`],
    cwd: join(work, 'www'),
    env: { TTRSS_DB_PORT: String(port + 50), TTRSS_WORK: work, TTRSS_URL: `http://127.0.0.1:${port}/` },
  }),
  login: { path: '/' },
  form: { username: '#login', password: 'input[name=password]', submit: '.dijitButton.alt-primary' },
  logout: ['#overlay[style*=none] ~ #main .action-chooser .dijitDropDownButton', '.dijitPopup ::-p-text(Logout)'],
};

/** Yesod (Debian's libghc-yesod-dev): a single-file app, compiled by ghc before it starts, on its defaults. */
const yesod: Framework = {
  id: 'yesod',
  prepare: (work) => ({
    command: 'ghc',
    args: ['-O0', '-outputdir', join(work, 'build'), '-o', join(work, 'app'), join(APPS, 'yesod', 'app.hs')],
    cwd: work,
  }),
  server: (work, port) => ({ command: join(work, 'app'), args: [String(port)], cwd: work }),
  login: { path: '/login' },
};

/**
 * Single sign-on with CAS: a CAS server (Debian's python3-django-cas-server, our Django project cas/cas.py on SQLite,
 * alice / secret) on port + 50, and an application on the recording's port, Apache httpd with mod_auth_cas (Debian's
 * libapache2-mod-auth-cas, our cas/httpd.conf, in the foreground) in front of two SSI pages, every page protected.
 * The login path is a protected page: it redirects to the CAS server's form, whose right password sends the browser
 * back with `?ticket=ST-…`, which httpd validates with the CAS server before it sets its own cookie; the pages' Log
 * out link goes to the CAS server's /cas/logout. Where `slo`, single logout is on at both ends (the service pattern's
 * `single_log_out`, `CASSSOEnabled`): the CAS logout tells httpd, server to server, to end its session.
 */
const cas = (id: string, slo: boolean): Framework => ({
  id,
  prepare: (work) => {
    // mod_auth_cas's session files, written by httpd's child as www-data.
    chmodSync(work, 0o755);
    mkdirSync(join(work, 'mod_auth_cas'));
    return {
      command: 'sh',
      args: [
        '-c',
        `chown www-data ${join(work, 'mod_auth_cas')} && exec /usr/bin/python3 ${join(APPS, 'cas', 'cas.py')} setup`,
      ],
      cwd: work,
      env: { DJANGO_DB: join(work, 'db.sqlite3'), CAS_SLO: slo ? '1' : '0' },
    };
  },
  backends: casServer,
  server: (work, port) => ({
    command: '/usr/sbin/apache2',
    args: ['-DFOREGROUND', '-f', join(APPS, 'cas', 'httpd.conf'), ...(slo ? ['-D', 'SLO'] : [])],
    cwd: work,
    env: {
      APACHE_PORT: String(port),
      APACHE_WORK: work,
      APACHE_APP: join(APPS, 'cas'),
      CAS_PORT: String(port + 50),
    },
  }),
  login: { path: '/second.shtml' },
  form: { username: '#id_username', password: '#id_password', submit: '#login_form button[type=submit]' },
});

/**
 * Next.js 16 with NextAuth.js v4 (packages of its own: `npm ci --prefix test/frameworks/next-auth`), its Pages Router
 * catch-all route with the credentials provider: `next build` (into next-auth/.next) before `next start`, telemetry
 * off. NextAuth's own sign-in page; the logout its own sign-out page, reached from our home page, and its button.
 */
const NEXT_AUTH = join(APPS, 'next-auth');
const NEXT_BIN = join(NEXT_AUTH, 'node_modules', 'next', 'dist', 'bin', 'next');
const nextAuth: Framework = {
  id: 'next-auth',
  prepare: () => {
    needPackages('next-auth', 'next-auth', false, NEXT_BIN);
    return {
      command: process.execPath,
      args: [NEXT_BIN, 'build'],
      cwd: NEXT_AUTH,
      env: { NEXT_TELEMETRY_DISABLED: '1' },
    };
  },
  server: (_work, port) => ({
    command: process.execPath,
    args: [NEXT_BIN, 'start', '-p', String(port), '-H', '127.0.0.1'],
    cwd: NEXT_AUTH,
    env: { NEXT_TELEMETRY_DISABLED: '1', NEXTAUTH_URL: `http://127.0.0.1:${port}` },
  }),
  login: { path: '/api/auth/signin' },
  logout: ['#logout', '#submitButton'],
};

/** Debian's redis-server on `port` in the foreground, without persistence (no RDB snapshots, no append-only file). */
const redis = (work: string, port: number): Server & { readonly port: number } => ({
  command: 'redis-server',
  args: ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', work],
  cwd: work,
  port,
});

/** express-session with connect-redis on a Redis of its own, restarted (its sessions lost) after the login. */
const expressSessionRedis: Framework = {
  ...node('express-session-redis'),
  id: 'express-session-redis-restart',
  backends: (work, port) => [redis(work, port + 50)],
  server: (work, port) => ({
    ...node('express-session-redis').server(work, port),
    env: { REDIS_PORT: String(port + 50) },
  }),
  lose: { how: 'restart-backends', after: '/account' },
};

/**
 * Lucia v3 on Express with its SQLite adapter, packages of its own (`npm_config_nodedir=/usr npm ci --prefix
 * test/frameworks/lucia`: better-sqlite3 built from source); its home page's Sign out form (`#logout`) posts to `/`.
 */
const lucia: Framework = {
  id: 'lucia',
  server: npmApp('lucia', 'lucia', 'app.mjs', { nodedir: true }),
  login: { path: '/login' },
};

/** NestJS with express-session and Passport's local strategy, packages of its own (`npm ci --prefix …/nestjs`). */
const nestjs: Framework = {
  id: 'nestjs-passport-session',
  server: npmApp('nestjs-passport-session', 'nestjs', 'app.mjs'),
  login: { path: '/login' },
};

/**
 * Request Tracker 5 (Debian's request-tracker5, rt5-db-sqlite): our configuration (rt/RT_SiteConfig.pm, read through
 * RT_SITE_CONFIG) on an SQLite database in the recording's directory, made by RT's rt-setup-database with alice a
 * privileged user (rt/setup.sh); served by its own rt-server (Plack's Standalone server) in the foreground. Its login
 * form, and the Logout under the "Logged in as" menu, which opens on hover.
 */
const requestTracker: Framework = {
  id: 'request-tracker',
  prepare: (work) => ({ command: 'sh', args: [join(APPS, 'rt', 'setup.sh'), work], cwd: work }),
  server: (work, port) => ({
    command: '/usr/share/request-tracker5/libexec/rt-server',
    args: ['--server', 'Standalone', '--host', '127.0.0.1', '--port', String(port)],
    cwd: work,
    env: {
      RT_WORK: work,
      RT_PORT: String(port),
      RT_SITE_CONFIG: join(APPS, 'rt', 'RT_SiteConfig.pm'),
      RT_SITE_CONFIG_DIR: join(work, 'RT_SiteConfig.d'),
    },
  }),
  login: { path: '/NoAuth/Login.html' },
  form: {
    username: '#login input[name=user]',
    password: '#login input[name=pass]',
    submit: '#login input[type=submit]',
  },
  // At the recorder's 800 px the "Logged in as" menu moves under More (the overflow menu): pointed at in turn.
  logout: ['hover:#li-overflow > a', 'hover:#preferences', '#preferences-logout'],
};

/** RT's session files (Apache::Session::File on SQLite, in work/session_data) removed, as its session cleanup does. */
const expireRtSessions = removeFilesIn('session_data');

/**
 * Debian's Redmine 5.0 (Rails 6.1), copied into the recording's directory with an instance of ours (redmine/setup.sh:
 * SQLite, Debian's postinst steps, alice), served by WEBrick (`rackup -E production`, as Debian's README.Debian shows)
 * in the foreground. Debian's multi-tenancy names the cookie store's session `Redmine` (`Redmine.name`). Its login form,
 * with "Stay logged in" ticked where `autologin` (days) is set, and the account menu's Sign out (a POST by jquery_ujs).
 */
const redmine = (id: string, autologin?: string): Framework => ({
  id,
  prepare: (work) => ({
    command: 'sh',
    args: [join(APPS, 'redmine', 'setup.sh'), work, ...(autologin ? [autologin] : [])],
    cwd: work,
  }),
  server: (work, port) => ({
    command: 'rackup',
    args: ['-E', 'production', '-p', String(port), '-o', '127.0.0.1'],
    cwd: join(work, 'redmine'),
    env: { RAILS_ENV: 'production', REDMINE_INSTANCE: 'default', REDMINE_DB: join(work, 'redmine.sqlite3') },
  }),
  login: { path: '/login' },
  form: { username: '#username', password: '#password', submit: '#login-submit' },
  password: 'secret-secret',
  ...(autologin ? { remember: '#autologin' } : {}),
  // The browser's 800 pixels are Redmine's responsive layout: the account menu is in the flyout menu.
  logout: ['.js-flyout-menu-toggle-button', '.js-profile-menu a.logout'],
});

/** Redmine's session tokens (`tokens` rows of action 'session', checked against its cookie's `tk`) deleted. */
const expireRedmineSessionTokens = (work: string) => {
  execFileSync('sqlite3', [join(work, 'redmine.sqlite3'), "DELETE FROM tokens WHERE action = 'session'"]);
};

/**
 * Debian's Jupyter Notebook 6.4 (jupyter-notebook) with our configuration (jupyter/jupyter_notebook_config.py: a
 * password hashed by notebook.auth.passwd, no token), its notebooks, settings and runtime files (the cookie secret) in
 * the recording's directory. Its login form asks for the password alone; the Logout button of its tree page.
 */
const jupyter: Framework = {
  id: 'jupyter-notebook',
  server: (work, port) => ({
    command: '/usr/bin/jupyter-notebook',
    args: [`--config=${join(APPS, 'jupyter', 'jupyter_notebook_config.py')}`],
    cwd: work,
    env: {
      JUPYTER_PORT: String(port),
      JUPYTER_WORK: work,
      HOME: work,
      JUPYTER_CONFIG_DIR: join(work, 'config'),
      JUPYTER_DATA_DIR: join(work, 'data'),
      JUPYTER_RUNTIME_DIR: join(work, 'runtime'),
      IPYTHONDIR: join(work, 'ipython'),
    },
  }),
  login: { path: '/login' },
  form: { username: null, password: '#password_input', submit: '#login_submit' },
};

/**
 * Debian's Adminer 4.8 as Debian serves it: /etc/adminer/conf.php (Debian's plugins, its version check off) in front
 * of /usr/share/adminer/adminer.php, here the router of PHP's own server; logging in to a MariaDB of its own as alice
 * (adminer/setup.php), through PHP's default socket pointed at that database's (the form's Server left empty, i.e.
 * localhost). The home page, logged in, is the login form listing the current login: the logout follows that link to
 * the database page and presses its Logout.
 */
const adminer: Framework = {
  id: 'adminer',
  prepare: mariadbInstall,
  backends: (work, port) => [mariadb(work, port + 50)],
  server: (work, port) => {
    mkdirSync(join(work, 'sessions'));
    const socket = join(work, 'mysql.sock');
    const ini = [
      `mysqli.default_socket=${socket}`,
      `pdo_mysql.default_socket=${socket}`,
      `session.save_path=${join(work, 'sessions')}`,
      `upload_tmp_dir=${work}`,
    ].flatMap((setting) => ['-d', setting]);
    return {
      command: 'sh',
      args: [
        '-c',
        `php ${join(APPS, 'adminer', 'setup.php')} && exec php "$@" -S 127.0.0.1:${port} /etc/adminer/conf.php`,
        'sh',
        ...ini,
      ],
      cwd: '/etc/adminer',
      env: { ADMINER_DB_SOCKET: socket },
    };
  },
  login: { path: '/' },
  form: { username: '#username', password: 'input[name="auth[password]"]', submit: 'input[type=submit][value=Login]' },
  logout: ['#logins a', '#logout'],
};

/**
 * Debian's Icinga Web 2 (icingaweb2) set up by hand as its documentation's manual setup shows: our configuration
 * (icingaweb2/config, read through ICINGAWEB_CONFIGDIR) with a database user backend on a MariaDB of its own
 * (icingaweb2/setup.sh: Debian's schema, alice), reached on localhost through PHP's default socket pointed at it;
 * public/ served by PHP's own server with its index.php (Icinga's router for PHP's server) as the router. Its login
 * form ("Stay logged in", a toggle switch, ticked where `remember`) and the configuration menu's Logout, both answered
 * in place by XHR (Icinga's script loads every view so).
 */
const icingaweb2 = (id: string, remember: boolean): Framework => ({
  id,
  prepare: (work) => ({ command: 'sh', args: [join(APPS, 'icingaweb2', 'setup.sh'), work], cwd: work }),
  backends: (work, port) => [mariadb(work, port + 50)],
  server: (work, port) => {
    mkdirSync(join(work, 'sessions'));
    const ini = [`pdo_mysql.default_socket=${join(work, 'mysql.sock')}`, `session.save_path=${join(work, 'sessions')}`];
    const pub = '/usr/share/icingaweb2/public';
    return {
      command: 'php',
      args: [
        ...ini.flatMap((setting) => ['-d', setting]),
        '-S',
        `127.0.0.1:${port}`,
        '-t',
        pub,
        join(pub, 'index.php'),
      ],
      cwd: pub,
      env: { ICINGAWEB_CONFIGDIR: join(APPS, 'icingaweb2', 'config'), ICINGAWEB_STORAGEDIR: join(work, 'storage') },
    };
  },
  login: { path: '/authentication/login' },
  form: { username: 'input[name=username]', password: 'input[name=password]', submit: 'input[name=btn_submit]' },
  ...(remember ? { remember: '.remember-me-box label.toggle-switch' } : {}),
  inPage: true,
  // The Logout of the configuration menu at the sidebar's foot, which opens on hover.
  logout: ['hover:#menu .config-menu .config-nav-item', '#menu .config-menu a[href="/authentication/logout"]'],
});

/**
 * Two Laravel nodes (port + 51, port + 52) behind nginx round robin without affinity: the same APP_KEY (config/app.php's
 * own), the users database (the prepare step's work/db.sqlite) shared as deployments share their database, each node
 * its own storage (node1/, node2/); `sessions` gives a node's file session directory (its own, or one shared).
 */
const laravelCluster = (id: string, sessions: (work: string, node: string) => string): Framework => ({
  ...laravel,
  id,
  backends: (work, port) =>
    [1, 2].map((n) => {
      const node = laravel.server(join(work, `node${n}`), port + 50 + n);
      const files = sessions(work, join(work, `node${n}`));
      mkdirSync(files, { recursive: true });
      const env = { ...node.env, LARAVEL_DB: join(work, 'db.sqlite'), SESSION_FILES: files };
      return { ...node, port: port + 50 + n, env };
    }),
  server: roundRobin,
});

/** Laravel with "Remember me" ticked: `Auth::attempt($credentials, true)` adds the `remember_web_<hash>` cookie. */
const laravelRememberMe: Framework = { ...laravel, id: 'laravel-remember-me', remember: '#remember' };

/**
 * Laravel logged in, then its APP_KEY changed (as a key rotation by `php artisan key:generate` would) and the server
 * restarted: every cookie it encrypted, `laravel_session` too, is unreadable; then the account page.
 */
const laravelAppKeyRotated: Framework = {
  ...laravel,
  id: 'laravel-app-key-rotated',
  lose: { how: 'restart', after: '/account', env: { APP_KEY: 'base64:cm90YXRlZC1zZXNzaW9uc2NvcGUtbGFyYXZlbC1rZXk=' } },
};

/**
 * Session expiry over an idle user: Tomcat's session timeout (`<session-config><session-timeout>` of the copied
 * conf/web.xml) cut to one minute; the login, ~70 s idle, then the account page (`account.jsp`, which sends a visitor
 * without the user to the login form). The login reached by its path, the way logInAndLose goes.
 */
const tomcatSessionTimeout: Framework = {
  id: 'tomcat-session-timeout',
  server: (work, port) => {
    const server = tomcat(work, port);
    const webXml = join(work, 'conf', 'web.xml');
    const xml = readFileSync(webXml, 'utf8');
    if (!xml.includes('<session-timeout>30</session-timeout>')) throw new Error(`${webXml}: no session-timeout of 30`);
    writeFileSync(webXml, xml.replace('<session-timeout>30</session-timeout>', '<session-timeout>1</session-timeout>'));
    return server;
  },
  login: { path: '/login.jsp' },
  lose: { how: () => execFileSync('sleep', ['70']), after: '/account.jsp' },
};

/** express-session's cookie of 20 s (`maxAge: 20000`): ~25 s idle after the login, the browser drops it. */
const expressSessionCookieExpiry: Framework = {
  ...node('express-session-cookie-expiry'),
  lose: { how: () => execFileSync('sleep', ['25']), after: '/account' },
};

/** Django's database sessions with SESSION_COOKIE_AGE = 20 (cookie and session row): ~25 s idle after the login. */
const djangoSessionAge: Framework = (() => {
  const base = django('django-session-age', 'django.contrib.sessions.backends.db');
  const withAge = (server: Server): Server => ({ ...server, env: { ...server.env, SESSION_COOKIE_AGE: '20' } });
  return {
    ...base,
    prepare: (work) => base.prepare && withAge(base.prepare(work) as Server),
    server: (work, port) => withAge(base.server(work, port)),
    lose: { how: () => execFileSync('sleep', ['25']), after: '/accounts/profile/' },
  };
})();

/**
 * Rails 6.1's cookie store with `expire_after: 20` (SESSION_EXPIRE_AFTER, read by test/frameworks/rails/config.ru): the
 * `_demo_session` cookie's Expires 20 s ahead, set again on every answer; ~25 s idle after the login, then home.
 */
const railsCookieStoreCookieExpiry: Framework = {
  ...withServerEnv(railsCookieStore, 'rails-cookie-store-cookie-expiry', { SESSION_EXPIRE_AFTER: '20' }),
  lose: { how: () => execFileSync('sleep', ['25']), after: '/' },
};

/**
 * Sinatra 3.0's encrypted cookie session (Rack::Protection::EncryptedCookie, a Rack::Session::Cookie) with
 * `expire_after: 20` (SESSION_EXPIRE_AFTER, read by test/frameworks/sinatra/config.ru): `rack.session`'s Expires 20 s
 * ahead, set again on every answer; ~25 s idle after the login, then /account (a visitor sent to the login form).
 */
const sinatraCookieExpiry: Framework = {
  id: 'sinatra-cookie-expiry',
  server: (_work, port) => rackup('sinatra', port, { env: { SESSION_EXPIRE_AFTER: '20' } }),
  login: { path: '/login' },
  lose: { how: () => execFileSync('sleep', ['25']), after: '/account' },
};

/**
 * Symfony's HttpFoundation session with framework.session.cookie_lifetime 20 (NativeSessionStorage's `cookie_lifetime`,
 * SESSION_COOKIE_LIFETIME read by test/frameworks/symfony/index.php): PHPSESSID's Expires 20 s ahead when PHP sends it
 * (at the login's migrate); ~25 s idle after the login, then /account (a visitor sent to the login form).
 */
const symfonyCookieExpiry: Framework = {
  ...withServerEnv(symfony, 'symfony-cookie-expiry', { SESSION_COOKIE_LIFETIME: '20' }),
  lose: { how: () => execFileSync('sleep', ['25']), after: '/account' },
};

/**
 * CherryPy's sessions tool with a persistent cookie and `timeout` 1 minute (SESSION_TIMEOUT, read by
 * test/frameworks/cherrypy/app.py): `session_id`'s Expires a minute ahead, set again on every answer; ~65 s idle after
 * the login, then home.
 */
const cherrypyCookieExpiry: Framework = {
  ...script('cherrypy-cookie-expiry', '/usr/bin/python3', 'cherrypy', 'app.py', { SESSION_TIMEOUT: '1' }),
  lose: { how: () => execFileSync('sleep', ['65']), after: '/' },
};

/**
 * Tomcat's session cookie with a Max-Age of 20 s (`<session-config><cookie-config><max-age>20` of the copied
 * conf/web.xml; the session's own timeout left at 30 minutes): JSESSIONID's Max-Age set when the cookie is issued (at
 * the login's changeSessionId); ~25 s idle after the login, then account.jsp. The login reached by its path.
 */
const tomcatCookieExpiry: Framework = {
  id: 'tomcat-cookie-expiry',
  server: (work, port) => {
    const server = tomcat(work, port);
    const webXml = join(work, 'conf', 'web.xml');
    const xml = readFileSync(webXml, 'utf8');
    const timeout = '<session-timeout>30</session-timeout>';
    if (!xml.includes(timeout)) throw new Error(`${webXml}: no session-timeout of 30`);
    writeFileSync(webXml, xml.replace(timeout, `${timeout}<cookie-config><max-age>20</max-age></cookie-config>`));
    return server;
  },
  login: { path: '/login.jsp' },
  lose: { how: () => execFileSync('sleep', ['25']), after: '/account.jsp' },
};

/**
 * Flask's signed-cookie session made permanent at the login (`session.permanent = True`) with a
 * PERMANENT_SESSION_LIFETIME of 20 s (SESSION_LIFETIME=20, read by flask/app.py): the cookie's Expires renewed on every
 * answer (SESSION_REFRESH_EACH_REQUEST); ~25 s idle after the login, the browser drops it; then home.
 */
const flaskCookieExpiry: Framework = {
  ...flask('flask-cookie-expiry', { SESSION_LIFETIME: '20' }),
  lose: { how: () => execFileSync('sleep', ['25']), after: '/' },
};

/**
 * PHP's native sessions with `session.cookie_lifetime=20`: PHPSESSID given Expires = now + 20 s where the ID is set
 * (the login's session_regenerate_id), not renewed after; ~25 s idle after the login, the browser drops it; then the
 * account page (which sends a visitor to the login form).
 */
const phpNativeCookieExpiry: Framework = {
  ...php('php-native-cookie-expiry', {}, ['session.cookie_lifetime=20']),
  lose: { how: () => execFileSync('sleep', ['25']), after: '/account.php' },
};

/**
 * Laravel with config/session.php's `lifetime` of 1 minute (SESSION_LIFETIME=1, `expire_on_close` false): its
 * laravel_session (and XSRF-TOKEN) cookie given Expires = now + 1 min on every answer; ~65 s idle after the login, the
 * browser drops it; then the account page (which sends a visitor to the login form).
 */
const laravelCookieExpiry: Framework = {
  ...withServerEnv(laravel, 'laravel-cookie-expiry', { SESSION_LIFETIME: '1' }),
  lose: { how: () => execFileSync('sleep', ['65']), after: '/account' },
};

/**
 * koa-session's cookie store with `maxAge: 20000` (KOA_SESSION_MAX_AGE, read by node/koa-session.mjs): koa.sess and
 * koa.sess.sig given Expires = now + 20 s wherever the session changes (home counts visits); ~25 s idle after the
 * login, the browser drops them; then home.
 */
const koaSessionCookieExpiry: Framework = {
  ...withServerEnv(node('koa-session'), 'koa-session-cookie-expiry', { KOA_SESSION_MAX_AGE: '20000' }),
  lose: { how: () => execFileSync('sleep', ['25']), after: '/' },
};

/**
 * Starlette's SessionMiddleware with `max_age=20` (STARLETTE_MAX_AGE, read by starlette/app.py): the `session` cookie's
 * Max-Age of 20 s set again on every response; ~25 s idle after the login, the browser drops it; then home.
 */
const starletteCookieExpiry: Framework = {
  ...script('starlette-cookie-expiry', '/usr/bin/python3', 'starlette', 'app.py', { STARLETTE_MAX_AGE: '20' }),
  lose: { how: () => execFileSync('sleep', ['25']), after: '/' },
};

/**
 * Rails 6.1 (Debian's ruby-rails) with Devise 4.8 (ruby-devise) as its README sets it up: a User model on SQLite in the
 * recording's directory, `devise_for :users`, Devise's own sign-in view (an email address) with "Remember me" ticked,
 * the default cookie store; the home page's `button_to` posting `_method=delete` to `/users/sign_out`.
 */
const railsDevise: Framework = {
  id: 'rails-devise',
  server: (work, port) => rackup('rails-devise', port, { env: { DEVISE_DB: join(work, 'db.sqlite3') } }),
  login: { path: '/users/sign_in' },
  form: { username: '#user_email', password: '#user_password', submit: 'input[type=submit]' },
  user: 'alice@example.com',
  remember: '#user_remember_me',
};

/**
 * Hono with hono-sessions (packages of its own: `npm ci --prefix test/frameworks/hono`), as its README shows: the
 * store `cookie` (CookieStore, the session sealed by iron into the cookie) or `memory` (MemoryStore, the ID sealed).
 */
const honoSessions = (id: string, store: 'cookie' | 'memory'): Framework => ({
  id,
  server: npmApp(id, 'hono', 'app.mjs', { env: { STORE: store } }),
  login: { path: '/login' },
});

/**
 * A minimal Sails 1 app (packages of its own: `npm ci --prefix test/frameworks/sails`) on Sails' default session
 * (express-session, its memory store, `sails.sid`); login and logout as the actions of Sails' web app template.
 */
const sails: Framework = {
  id: 'sails',
  server: npmApp('sails', 'sails', 'app.js'),
  login: { path: '/login' },
};

/**
 * Debian's PostfixAdmin 3.3, copied into the recording's directory with Debian's config.inc.php and our
 * config.local.php (postfixadmin/), on a MariaDB of its own set up by postfixadmin/setup.sh (setup.php's steps: the
 * schema, the superadmin alice@example.test); public/ served by PHP's own server. Its `/` redirects to the login form,
 * whose GET logs out: home is `main.php` (the form for a visitor without a login). Its main page's Logout button.
 */
const postfixadmin: Framework = {
  id: 'postfixadmin',
  prepare: (work) => {
    const pfa = join(work, 'pfa');
    cpSync('/usr/share/postfixadmin', pfa, {
      recursive: true,
      dereference: true,
      // Debian's links to /etc/postfixadmin/config.local.php (absent) and /var/cache/postfixadmin/templates_c.
      filter: (source) => !/\/(config\.local\.php|templates_c)$/.test(source),
    });
    mkdirSync(join(pfa, 'templates_c'));
    cpSync('/etc/postfixadmin/dbconfig.inc.php', join(pfa, 'dbconfig.inc.php'));
    cpSync(join(APPS, 'postfixadmin', 'config.local.php'), join(pfa, 'config.local.php'));
    return { command: 'sh', args: [join(APPS, 'postfixadmin', 'setup.sh'), work], cwd: work };
  },
  backends: (work, port) => [mariadb(work, port + 50)],
  server: (work, port) => ({
    command: 'php',
    args: ['-S', `127.0.0.1:${port}`],
    cwd: join(work, 'pfa', 'public'),
    env: { PFA_DB_PORT: String(port + 50) },
  }),
  home: '/main.php',
  login: { path: '/login.php' },
  form: { username: '#fUsername', password: '#fPassword', submit: 'button[name=submit]' },
  user: 'alice@example.test',
  password: 'secret42',
  logout: 'td a.btn-primary[href="login.php"]',
};

/**
 * Debian's SimpleSAMLphp 1.19, its www/ served by PHP's own server, with our configuration (simplesamlphp/config, read
 * through SIMPLESAMLPHP_CONFIG_DIR: Debian's config.php and authsources.php with the admin password `secret`), its
 * files in the recording's directory. The front page's "Login as administrator" (the `admin` auth source,
 * core:AdminPassword: a password-only form, the user `admin` fixed); its (old, default) interface has no admin logout
 * of its own: the Authentication tab, "Test configured authentication sources", `admin`, then that page's Logout.
 */
const simplesamlphp: Framework = {
  id: 'simplesamlphp',
  server: (work, port) => {
    for (const dir of ['log', 'data', 'tmp', 'sessions']) mkdirSync(join(work, dir));
    return {
      command: 'php',
      args: ['-S', `127.0.0.1:${port}`],
      cwd: '/usr/share/simplesamlphp/www',
      env: { SIMPLESAMLPHP_CONFIG_DIR: join(APPS, 'simplesamlphp', 'config'), SIMPLESAMLPHP_WORK: work },
    };
  },
  login: { link: 'a[href*="login-admin.php"]' },
  form: { username: null, password: '#password', submit: '#submit_button' },
  logout: [
    'a[href$="/frontpage_auth.php"]',
    'a[href="authenticate.php"]',
    'a[href="?as=admin"]',
    'a[href$="as=admin&logout"]',
  ],
};

/**
 * Debian's Horde 5 (php-horde), copied into the recording's directory (its config/ a copy of /etc/horde/horde) and
 * configured there by horde/setup.php as its documentation's steps do (conf.php written by Horde's own configuration
 * tool: SQLite in the recording's directory, SQL authentication; its database migrations; the user alice), served by
 * PHP's own server; its login form and the Log out icon of its top bar.
 */
const horde: Framework = {
  id: 'horde',
  prepare: (work) => {
    // Debian's copy has dangling links (js/map/OpenLayers.js, for a package not installed): left out.
    cpSync('/usr/share/horde', join(work, 'horde'), { recursive: true, dereference: true, filter: existsSync });
    mkdirSync(join(work, 'tmp'));
    return {
      command: 'php',
      args: ['-d', 'error_reporting=0', join(APPS, 'horde', 'setup.php'), work],
      cwd: join(work, 'horde'),
    };
  },
  server: (work, port) => ({ command: 'php', args: ['-S', `127.0.0.1:${port}`], cwd: join(work, 'horde') }),
  login: { path: '/login.php' },
  form: { username: '#horde_user', password: '#horde_pass', submit: '#login-button' },
  logout: 'a[href*="horde_logout_token"]',
};

/**
 * Keystone 6 (packages of its own: `npm_config_nodedir=/usr npm ci --prefix test/frameworks/keystone`, better-sqlite3
 * built from source) as its `auth` example sets it up: @keystone-6/auth, the documented statelessSessions, SQLite in the
 * recording's directory. keystone/build.sh builds the project in keystone/dist/ (its Admin UI a Next.js build) and
 * makes the database; `keystone start` serves it (the example's first user made at start-up: alice@example.test).
 * Its Admin UI's own sign-in page and Sign out button work by GraphQL requests and the Admin UI's own router.
 */
const KEYSTONE = join(APPS, 'keystone');
const keystone: Framework = {
  id: 'keystone',
  prepare: (work) => {
    needPackages('keystone', 'keystone', true);
    return {
      command: 'sh',
      args: [join(KEYSTONE, 'build.sh')],
      cwd: KEYSTONE,
      env: { DATABASE_URL: `file:${join(work, 'keystone.db')}` },
    };
  },
  server: (work, port) => ({
    command: process.execPath,
    args: [join(KEYSTONE, 'node_modules', '@keystone-6', 'core', 'bin', 'cli.js'), 'start'],
    cwd: join(KEYSTONE, 'dist'),
    env: {
      DATABASE_URL: `file:${join(work, 'keystone.db')}`,
      PORT: String(port),
      HOST: '127.0.0.1',
      KEYSTONE_TELEMETRY_DISABLED: '1',
      NEXT_TELEMETRY_DISABLED: '1',
    },
  }),
  login: { path: '/signin' },
  form: { username: '#identity', password: '#password', submit: 'button[type=submit]' },
  user: 'alice@example.test',
  password: 'secret-secret',
  inPage: true,
  logout: '::-p-text(Sign out)',
};

/**
 * Directus 11.3 (packages of its own: `npm_config_nodedir=/usr npm ci --prefix test/frameworks/directus`; 11.3.5 the
 * last release for Node 20) on SQLite in the recording's directory, set up by its own `directus bootstrap` (alice the
 * first admin, from ADMIN_EMAIL and ADMIN_PASSWORD), then `directus start`; its settings from environment variables as
 * its documentation shows, the session cookie (SESSION_COOKIE_*) on its defaults. Its Data Studio (a Vue app under
 * /admin) signs in by script in its cookie session mode; the logout is its sign-in page's Sign Out.
 */
const DIRECTUS = join(APPS, 'directus');
const directusEnv = (work: string, port: number): Record<string, string> => ({
  DB_CLIENT: 'sqlite3',
  DB_FILENAME: join(work, 'directus.db'),
  SECRET: 'sessionscope-directus-recording-secret',
  ADMIN_EMAIL: 'alice@example.com',
  ADMIN_PASSWORD: 'secret',
  PUBLIC_URL: `http://127.0.0.1:${port}`,
  HOST: '127.0.0.1',
  PORT: String(port),
  TELEMETRY: 'false',
  STORAGE_LOCAL_ROOT: join(work, 'uploads'),
  EXTENSIONS_PATH: join(work, 'extensions'),
});
const DIRECTUS_CLI = join(DIRECTUS, 'node_modules', 'directus', 'cli.js');
const directus: Framework = {
  id: 'directus',
  prepare: (work) => {
    needPackages('directus', 'directus', true, DIRECTUS_CLI);
    for (const dir of ['uploads', 'extensions']) mkdirSync(join(work, dir));
    // The port is not known here; bootstrap does not listen (PUBLIC_URL only matters to the server).
    return { command: process.execPath, args: [DIRECTUS_CLI, 'bootstrap'], cwd: work, env: directusEnv(work, 0) };
  },
  server: (work, port) => ({
    command: process.execPath,
    args: [DIRECTUS_CLI, 'start'],
    cwd: work,
    env: directusEnv(work, port),
  }),
  login: { path: '/admin/login' },
  form: { username: 'input[type=email]', password: 'input[type=password]', submit: 'button[type=submit]' },
  user: 'alice@example.com',
  inPage: true,
  pendingForGood: 1,
  // Home (`/`, then /admin) opens the sign-in page, which, signed in, says so and offers Continue and Sign Out.
  logout: 'a.sign-out[href="/admin/logout"]',
};

/** An OpenLDAP server of the recording's own (Debian's slapd, phpldapadmin/slapd.sh) with alice / secret, on `port`. */
const slapd = (work: string, port: number): Server & { readonly port: number } => ({
  command: 'sh',
  args: [join(APPS, 'phpldapadmin', 'slapd.sh'), work, String(port)],
  cwd: work,
  port,
});

/**
 * Debian's phpLDAPadmin 1.2, copied into the recording's directory with our configuration
 * (phpldapadmin/config.php, `auth_type` from PLA_AUTH_TYPE), its htdocs served by PHP's own server, against an
 * OpenLDAP server of its own (Debian's slapd, phpldapadmin/slapd.sh) on port + 50 with alice / secret; the tree
 * panel's logout link.
 */
const phpldapadmin = (id: string, authType: 'session' | 'cookie'): Framework => ({
  id,
  prepare: (work) => {
    const pla = join(work, 'pla');
    cpSync('/usr/share/phpldapadmin', pla, { recursive: true, dereference: true });
    cpSync(join(APPS, 'phpldapadmin', 'config.php'), join(pla, 'config', 'config.php'));
    return undefined;
  },
  backends: (work, port) => [slapd(work, port + 50)],
  server: (work, port) => {
    mkdirSync(join(work, 'sessions'), { recursive: true });
    return {
      command: 'php',
      args: ['-d', `session.save_path=${join(work, 'sessions')}`, '-S', `127.0.0.1:${port}`],
      cwd: join(work, 'pla', 'htdocs'),
      env: { PLA_LDAP_PORT: String(port + 50), PLA_AUTH_TYPE: authType },
    };
  },
  login: { path: '/cmd.php?cmd=login_form&server_id=1' },
  form: { username: '#login', password: '#password', submit: 'input[name=submit]' },
  logout: 'a[href*="cmd=logout"]',
});

/**
 * Single sign-on with OpenID Connect (packages of its own: `npm ci --prefix test/frameworks/oidc`): the relying party,
 * express with Auth0's express-openid-connect (`authRequired: false`, `idpLogout: true`, its default implicit
 * `id_token` by `form_post`), on the recording's port; the identity provider, panva's oidc-provider with its
 * development interactions (login and consent pages) and RP-initiated logout, on port + 1. Two origins, 127.0.0.1 on
 * two ports (one cookie jar). The dev login form accepts any password: no wrong password is tried.
 */
const oidc: Framework = {
  id: 'oidc-express-openid-connect',
  backends: (_work, port) => {
    needPackages('oidc-express-openid-connect', 'oidc');
    const args = ['provider.mjs', String(port + 1), String(port)];
    return [{ command: process.execPath, args, cwd: join(APPS, 'oidc'), port: port + 1 }];
  },
  server: (_work, port) => ({
    command: process.execPath,
    args: ['rp.mjs', String(port), String(port + 1)],
    cwd: join(APPS, 'oidc'),
  }),
  login: { path: '/login' },
  form: { username: 'input[name=login]', password: 'input[name=password]', submit: 'button[type=submit]' },
  anyPassword: true,
  consent: 'form input[name=prompt][value=consent] ~ button[type=submit]',
  // The home page's link to /logout, then the provider's end-session page's "Yes, sign me out".
  logout: ['#logout', 'button[name=logout][value=yes]'],
};

/**
 * Deluge 2.0's web UI (Debian's deluge-web) in the foreground, with its daemon (Debian's deluged, on port + 50: the
 * UI shows its connection manager over the page until it is connected), both on the recording's directory as their
 * config directory, from our files in `deluge/`: web.conf with the password `secret` (its `pwd_salt` and `pwd_sha1`,
 * as Deluge's FAQ resets the password; `first_login` off, else a modal asks to change the default password) and the
 * daemon as `default_daemon`; hostlist.conf and auth for the daemon's localclient; core.conf without DHT, UPnP, NAT-PMP,
 * LSD. Its ExtJS login window (a password alone) calls `auth.login` on /json by XHR; the toolbar's Logout calls
 * `auth.delete_session`.
 */
const DELUGE = join(APPS, 'deluge');
const deluge: Framework = {
  id: 'deluge-web',
  backends: (work, port) => {
    for (const file of ['web.conf', 'core.conf', 'auth']) cpSync(join(DELUGE, file), join(work, file));
    chmodSync(join(work, 'auth'), 0o600);
    const hostlist = readFileSync(join(DELUGE, 'hostlist.conf'), 'utf8').replace('DAEMON_PORT', String(port + 50));
    writeFileSync(join(work, 'hostlist.conf'), hostlist);
    return [
      {
        command: '/usr/bin/deluged',
        args: ['-d', '-c', work, '-u', '127.0.0.1', '-p', String(port + 50), '-L', 'warning'],
        cwd: work,
        port: port + 50,
      },
    ];
  },
  server: (work, port) => ({
    command: '/usr/bin/deluge-web',
    args: ['-d', '-c', work, '-i', '127.0.0.1', '-p', String(port), '-L', 'warning'],
    cwd: work,
  }),
  login: { path: '/' },
  form: { username: null, password: '#_password', submit: '::-p-xpath(//button[normalize-space()="Login"])' },
  // The wrong password's "Login Failed" box, shown over the login window's button: its OK.
  dismiss: '::-p-xpath(//div[contains(@class,"x-window-dlg")]//button[normalize-space()="OK"])',
  inPage: true,
  // The web UI's event poll (web.get_events), answered when an event comes or after 5 s, and after a reload of the
  // page one more request Chromium never reports finished.
  pendingForGood: 3,
  logout: '#logout button',
};

/** Deluge's web UI again, logging in a second time after its logout. */
const delugeLoginAgain: Framework = {
  ...deluge,
  id: 'deluge-web-login-again',
  loginAgain: true,
  // Each reload leaves one more request Chromium never reports finished: the logout's reload, home and the login
  // page opened again add theirs before the second login.
  pendingForGood: 6,
};

/**
 * ZNC 1.8's web interface (Debian's znc) in the foreground, with our znc.conf (znc/znc.conf: one listener on the
 * recording's port, the webadmin module, alice with the password secret as a salted SHA-256 `<Pass>` block) in the
 * recording's directory as its data directory; as www-data (ZNC waits 30 s before it runs as root). Its login form on
 * the home page posts to /login; the logout is the Logout link of its login bar (/logout).
 */
const znc: Framework = {
  id: 'znc',
  server: (work, port) => {
    mkdirSync(join(work, 'configs'));
    const conf = readFileSync(join(APPS, 'znc', 'znc.conf'), 'utf8').replace('Port = PORT', `Port = ${port}`);
    writeFileSync(join(work, 'configs', 'znc.conf'), conf);
    execFileSync('chown', ['-R', 'www-data:www-data', work]);
    return {
      command: 'setpriv',
      args: ['--reuid=www-data', '--regid=www-data', '--clear-groups', 'znc', '--foreground', '--datadir', work],
      cwd: work,
      env: { HOME: work },
    };
  },
  login: { path: '/' },
  form: { username: '#user', password: '#pass', submit: 'input.submit[value=Login]' },
  logout: '.logoutbox a',
};

/**
 * A PostgreSQL of the recording's own (Debian's postgresql 15), its cluster in `work/pg` made by initdb (trust
 * authentication, the superuser postgres), run as the postgres user on `port`, its socket in `work`.
 */
const PG_BIN = '/usr/lib/postgresql/15/bin';
const asPostgres = (work: string, command: string, args: string[]): Server => ({
  command: 'setpriv',
  args: ['--reuid=postgres', '--regid=postgres', '--clear-groups', join(PG_BIN, command), ...args],
  cwd: work,
  env: { HOME: work },
});
const postgresInit = (work: string): Server => {
  execFileSync('chown', ['-R', 'postgres:postgres', work]);
  return asPostgres(work, 'initdb', ['-D', join(work, 'pg'), '-U', 'postgres', '--auth=trust', '-E', 'UTF8']);
};
const postgres = (work: string, port: number): Server & { readonly port: number } => ({
  ...asPostgres(work, 'postgres', ['-D', join(work, 'pg'), '-p', String(port), '-h', '127.0.0.1', '-k', work]),
  port,
});

/**
 * express-session with connect-pg-simple (packages of its own: `npm ci --prefix test/frameworks/express-session-pg`)
 * on a PostgreSQL of its own on port + 50; regenerate() at login, destroy() at logout.
 */
const expressSessionPg: Framework = {
  id: 'express-session-pg',
  prepare: postgresInit,
  backends: (work, port) => [postgres(work, port + 50)],
  server: (work, port) => ({
    ...npmApp('express-session-pg', 'express-session-pg', 'app.mjs')(work, port),
    env: { PGPORT: String(port + 50) },
  }),
  login: { path: '/login' },
};

/**
 * A Perl CGI app of ours (`<dir>/app.cgi`) run by Apache httpd's mod_cgi in the foreground (cgi-session/httpd.conf,
 * APACHE_APP its directory), its CGI::Session files in the recording's directory, where www-data writes them.
 */
const perlCgi = (id: string, dir: string): Framework => ({
  id,
  server: (work, port) => {
    chmodSync(work, 0o755);
    mkdirSync(join(work, 'sessions'));
    chmodSync(join(work, 'sessions'), 0o777);
    return {
      command: '/usr/sbin/apache2',
      args: ['-X', '-f', join(APPS, 'cgi-session', 'httpd.conf')],
      cwd: work,
      env: { APACHE_PORT: String(port), APACHE_WORK: work, APACHE_APP: join(APPS, dir) },
    };
  },
  login: { path: '/login' },
});

/**
 * Perl's CGI::Session (Debian's libcgi-session-perl) as CGI::Session::Tutorial shows it (cgi-session/app.cgi: the file
 * driver, `$session->header()`, the user stored at login, `delete()` at logout), under mod_cgi (perlCgi).
 */
const cgiSession = perlCgi('cgi-session', 'cgi-session');

/**
 * Debian's LDAP Account Manager 8.3, copied into the recording's directory (its config, sess and tmp directories
 * too) with our server profile (ldap-account-manager/lam.conf: login by LDAP search), served by PHP's own server,
 * against phpLDAPadmin's OpenLDAP server (phpldapadmin/slapd.sh) on port + 50 with alice / secret; its menu's
 * logout link (`templates/logout.php`).
 */
const ldapAccountManager: Framework = {
  id: 'ldap-account-manager',
  prepare: (work) => {
    cpSync('/usr/share/ldap-account-manager', join(work, 'lam'), { recursive: true, dereference: true });
    return undefined;
  },
  backends: (work, port) => [slapd(work, port + 50)],
  server: (work, port) => {
    const profile = readFileSync(join(APPS, 'ldap-account-manager', 'lam.conf'), 'utf8');
    writeFileSync(join(work, 'lam', 'config', 'lam.conf'), profile.replaceAll('@LDAP_PORT@', String(port + 50)));
    return { command: 'php', args: ['-S', `127.0.0.1:${port}`], cwd: join(work, 'lam') };
  },
  // `/` is a page whose meta refresh opens the login form, which a logged-in user also gets: home is the main page
  // (to the account list when logged in; without a session, a script sends the visitor to the login form).
  home: '/templates/main.php',
  login: { path: '/templates/login.php' },
  form: { username: 'input[name=username]', password: 'input[name=passwd]', submit: 'button[name=checklogin]' },
  logout: 'a[href$="templates/logout.php"]',
  bypassServiceWorker: true,
};

/**
 * Egg.js 3 (packages of its own: `npm ci --prefix test/frameworks/egg`) with its default session (egg-session, the
 * session encrypted into EGG_SESS), started in the foreground by egg-scripts (one worker, beside its agent); its
 * logs and run files under EGG_HOME, the recording's directory.
 */
const EGG = join(APPS, 'egg');
const egg: Framework = {
  id: 'egg',
  server: (work, port) => {
    needPackages('egg', 'egg');
    return {
      command: process.execPath,
      args: [
        join(EGG, 'node_modules', 'egg-scripts', 'bin', 'egg-scripts.js'),
        'start',
        '--workers=1',
        `--port=${port}`,
      ],
      cwd: EGG,
      env: { EGG_HOME: work, HOME: work, NODE_LOG_DIR: join(work, 'logs', 'alinode') },
    };
  },
  login: { path: '/login' },
};

/**
 * qBittorrent 4.5's Web UI (Debian's qbittorrent-nox) in the foreground, the recording's directory as its profile,
 * our qbittorrent/qBittorrent.conf (alice's Web UI password, the legal notice accepted, no DHT, LSD, UPnP) without its
 * comments. Its login page (`/` without a session) posts the form to /api/v2/auth/login by XHR and reloads the page
 * when the answer is "Ok." (a wrong password is shown in place); the File menu's Logout posts to /api/v2/auth/logout
 * by script, then reloads the page.
 */
const qbittorrent: Framework = {
  id: 'qbittorrent',
  server: (work, port) => {
    mkdirSync(join(work, 'qBittorrent', 'config'), { recursive: true });
    const conf = readFileSync(join(APPS, 'qbittorrent', 'qBittorrent.conf'), 'utf8')
      .split('\n')
      .filter((line) => !line.startsWith('#'))
      .join('\n')
      .replace('WebUI\\Port=PORT', `WebUI\\Port=${port}`);
    writeFileSync(join(work, 'qBittorrent', 'config', 'qBittorrent.conf'), conf);
    return {
      command: '/usr/bin/qbittorrent-nox',
      args: [`--profile=${work}`, `--webui-port=${port}`],
      cwd: work,
      env: { HOME: work },
    };
  },
  login: { path: '/' },
  form: { username: '#username', password: '#password', submit: '#login' },
  inPage: true,
  logout: ['hover:::-p-xpath(//a[normalize-space()="File"])', '#logoutLink'],
};

/**
 * AdminJS 7 with @adminjs/express (packages of its own: `npm ci --prefix test/frameworks/adminjs`),
 * buildAuthenticatedRouter with express-session's options as its documentation shows (MemoryStore); its component
 * bundle written under ADMIN_JS_TMP_DIR, in the recording's directory. Its own login page (`email`, `password`) and
 * the top bar's user menu (opened by hover), whose Log out opens /admin/logout.
 */
const adminjs: Framework = {
  id: 'adminjs',
  server: (work, port) => ({
    ...npmApp('adminjs', 'adminjs', 'app.mjs')(work, port),
    env: { ADMIN_JS_TMP_DIR: join(work, '.adminjs') },
  }),
  home: '/admin',
  login: { path: '/admin/login' },
  form: { username: 'input[name=email]', password: 'input[name=password]', submit: 'button' },
  logout: ['hover:[data-css="logged-in"]', '::-p-text(Log out)'],
};

/**
 * Debian's DAViCal 1.1 (its htdocs and inc copied into the recording's directory, always.php reading our
 * davical/config.php in place of /etc/davical/config.php), served by PHP's own server, on a PostgreSQL of its own on
 * port + 50, the database made by DAViCal's create-database.sh and alice / secret added as an administrator
 * (davical/setup.sh); AWL's login form and the menu's Log out link (`?logout`).
 */
const davical: Framework = {
  id: 'davical',
  prepare: (work) => {
    const dav = join(work, 'davical');
    cpSync('/usr/share/davical', dav, { recursive: true, dereference: true });
    const always = join(dav, 'htdocs', 'always.php');
    writeFileSync(
      always,
      readFileSync(always, 'utf8').replaceAll("'/etc/davical/config.php'", `'${join(APPS, 'davical', 'config.php')}'`),
    );
    return postgresInit(work);
  },
  backends: (work, port) => [postgres(work, port + 50)],
  server: (work, port) => ({
    command: 'sh',
    args: ['-c', `sh ${join(APPS, 'davical', 'setup.sh')} && exec php -S 127.0.0.1:${port}`],
    cwd: join(work, 'davical', 'htdocs'),
    env: {
      PGHOST: '127.0.0.1',
      PGPORT: String(port + 50),
      PGUSER: 'postgres',
      DAVICAL_PG_PORT: String(port + 50),
    },
  }),
  login: { path: '/index.php' },
  home: '/index.php',
  form: { username: 'input[name=username]', password: 'input[name=password]', submit: 'input[name=submit]' },
  // The Home menu's submenu, shown while the pointer is over it, holds Logout.
  logout: ['hover:a.menu_active[href="/index.php"]', 'a[href="/index.php?logout"]'],
};

/** web.py's sessions (Debian's python3-webpy): its cookbook's DiskStore('sessions'), in the recording's directory. */
const webpy: Framework = {
  id: 'webpy-session',
  server: (work, port) => ({
    command: '/usr/bin/python3',
    args: [join(APPS, 'webpy', 'app.py'), `127.0.0.1:${port}`],
    cwd: work,
  }),
  login: { path: '/login' },
};

/**
 * LemonLDAP::NG 2.16's portal (Debian's lemonldap-ng) as the PSGI app Debian ships (lemonldap-ng/portal.psgi mounts
 * it with its static files), run by plackup; our lemonldap-ng.ini and a configuration made from Debian's by
 * lemonldap-ng/setup.sh: the SSO domain `127.0.0.1` (the recorder's host; the portal is its own protected host),
 * LDAP authentication against phpLDAPadmin's OpenLDAP server (phpldapadmin/slapd.sh) on port + 50 with alice / secret.
 * The portal is the login form and, logged in, the menu whose Logout tab holds the `?logout=1` button.
 */
const lemonldapNg: Framework = {
  id: 'lemonldap-ng',
  backends: (work, port) => [slapd(work, port + 50)],
  server: (work, port) => ({
    command: 'sh',
    args: [
      '-c',
      `sh ${join(APPS, 'lemonldap-ng', 'setup.sh')} ${work} ${port} ${port + 50} && exec plackup --host 127.0.0.1 -p ${port} ${join(APPS, 'lemonldap-ng', 'portal.psgi')}`,
    ],
    cwd: work,
    env: { LLNG_DEFAULTCONFFILE: join(work, 'lemonldap-ng.ini') },
  }),
  login: { path: '/' },
  form: { username: '#userfield', password: '#passwordfield', submit: '#lform button[type=submit]' },
  // The menu collapsed under its toggler at the recorder's 800 px: opened, then its Logout tab, then the tab's button.
  logout: ['button.navbar-toggler', 'a.nav-link[href="#logout"]', 'a[href$="/?logout=1"]'],
};

/**
 * Single sign-on with SAML 2.0 (packages of its own: `npm ci --prefix test/frameworks/saml`): the service provider,
 * express with express-session and @node-saml/passport-saml as its README shows (the IdP's response posted to
 * /login/callback, `req.login()` regenerating the session; a local logout, `req.logout()`), on the recording's port;
 * the identity provider, Debian's SimpleSAMLphp 1.19 (PHP's own server) with our configuration (saml/idp: SAML 2.0
 * IdP on, exampleauth:UserPass with alice / secret), on port + 1, its key and certificate made by saml/setup.sh
 * (openssl) in the recording's directory. Two origins, 127.0.0.1 on two ports (one cookie jar).
 */
const saml: Framework = {
  id: 'saml-passport-simplesamlphp',
  prepare: (work) => {
    needPackages('saml-passport-simplesamlphp', 'saml');
    return { command: 'sh', args: [join(APPS, 'saml', 'setup.sh'), work], cwd: work };
  },
  backends: simpleSamlIdp('saml', 'SAML_SP_PORT'),
  server: (work, port) => ({
    command: process.execPath,
    args: ['app.mjs', String(port), String(port + 1), join(work, 'cert', 'idp.crt')],
    cwd: join(APPS, 'saml'),
  }),
  login: { link: '#login' },
  form: { username: '#username', password: '#password', submit: '#submit_button' },
  autoPost: true,
};

/**
 * The same with single logout (`SINGLE_LOGOUT=1`): the app's /logout sends a LogoutRequest to SimpleSAMLphp's
 * SingleLogoutService, which ends its session and redirects back to /logout/callback with its LogoutResponse.
 */
const samlSingleLogout: Framework = {
  ...saml,
  id: 'saml-passport-simplesamlphp-single-logout',
  server: (work, port) => ({ ...saml.server(work, port), env: { SINGLE_LOGOUT: '1' } }),
};

/**
 * Slim 3.12 (Debian's php-slim; Debian 12 has no Slim 4) with PHP's native session started in a middleware, served
 * as Slim's documentation serves it (Slim 3 routes everything to `/` when its front controller is outside the root).
 */
const slim = phpFrontController('slim-native-session', 'slim');

/**
 * Plack::Middleware::Session (Debian's libplack-middleware-session-perl) as its documentation shows it
 * (plack-session/app.psgi: `enable 'Session'`, the cookie state and in-memory store by default, `change_id` at
 * login, `expire` at logout), run by plackup (its single-process HTTP::Server::PSGI, which the memory store needs).
 */
const plackSession: Framework = {
  id: 'plack-session',
  server: (_work, port) => ({
    command: 'plackup',
    args: ['--host', '127.0.0.1', '-p', String(port), join(APPS, 'plack-session', 'app.psgi')],
    cwd: join(APPS, 'plack-session'),
  }),
  login: { path: '/login' },
};

/**
 * CGI::Application with CGI::Application::Plugin::Session (Debian's libcgi-application-plugin-session-perl) as the
 * plugin's documentation shows it (cgi-application/app.cgi: CGI::Session's file driver, `session_recreate` at login,
 * `session_delete` at logout), under mod_cgi as `cgi-session` is (perlCgi).
 */
const cgiApplication = perlCgi('cgi-application-session', 'cgi-application');

/**
 * Macaron 1.2 (Debian's golang-gopkg-macaron.v1-dev) with go-macaron/session (golang-github-go-macaron-session-dev)
 * as its README shows it (test/frameworks/macaron/main.go: `Sessioner()` with its defaults, the memory provider),
 * built in GOPATH mode before it starts (goApp).
 */
const macaron: Framework = {
  id: 'macaron-session',
  server: (work, port) => goApp(work, port, 'macaron'),
  login: { path: '/login' },
};

/**
 * Gin 1.8 (Debian's golang-github-gin-gonic-gin-dev) with appleboy/gin-jwt 2.6 (golang-github-appleboy-gin-jwt-dev)
 * as its example shows it, its documented cookie options on (test/frameworks/gin-jwt/main.go: the JWT in the cookie
 * `jwt`), built in GOPATH mode before it starts (goApp).
 */
const ginJwt: Framework = {
  id: 'gin-jwt-cookie',
  server: (work, port) => goApp(work, port, 'gin-jwt'),
  login: { path: '/login' },
};

/**
 * ThinkJS 3 (packages of its own: `npm ci --prefix test/frameworks/thinkjs`) with think-session and think-session-file
 * as ThinkJS's session documentation configures them (the cookie `thinkjs`, signed), started by its production.js with
 * one think-cluster worker; its runtime directory (the session files) in the recording's directory.
 */
const thinkjsSession: Framework = {
  id: 'thinkjs-session',
  server: (work, port) => ({
    ...npmApp('thinkjs-session', 'thinkjs', 'production.js')(work, port),
    env: { THINKJS_RUNTIME: join(work, 'runtime') },
  }),
  login: { path: '/login' },
};

/**
 * Total.js 4 (npm `total4` 0.0.99, packages of its own: `npm ci --prefix test/frameworks/totaljs-session`) with its own
 * session module as its documentation shows it (totaljs-session/index.js): the AUTH delegate reads the cookie `__user`
 * by `SESSION().getcookie()` (and sets it again at each request, its expiry slid); the login stores alice by
 * `SESSION().setcookie()`, a new session ID in a new encrypted token (HttpOnly, SameSite=lax, one day); no cookie before
 * it; the logout link removes the session and clears the cookie. Total.js's databases/ (the session list) and tmp/ in
 * the recording's directory.
 */
const totaljsSession: Framework = {
  id: 'totaljs-session',
  server: (work, port) => ({
    ...npmApp('totaljs-session', 'totaljs-session', 'index.js')(work, port),
    env: { TOTALJS_DIRECTORY: work },
  }),
  login: { path: '/login' },
};

/**
 * Raneto 0.16 (npm `raneto`, the Markdown knowledge base on Express; packages of its own:
 * `npm ci --ignore-scripts --prefix test/frameworks/raneto`, its postinstall's gulp 3 not running on Node 20, whose
 * copy of the theme's browser libraries raneto/server.js does; pm2's optional `gkt`, a tarball off the registry,
 * overridden by the empty `noop-package`) started as its example/server.js does, with our
 * raneto/config.js (authentication on, needed to edit, not to read; alice / secret; a secret of ours) and two Markdown
 * pages of raneto/content. Its session is express-session's, the cookie `raneto.sid` (`resave: false`,
 * `saveUninitialized: false`: none before the login; Path=/; HttpOnly; no expiry). The login page's script posts the
 * form by XHR to /rn-login, answered in JSON: a wrong password leaves a SweetAlert2 warning over the form; the right
 * one sets `loggedIn` in the session as it is (no regenerate), then opens home by script 1.5 s later. The logout is
 * the user menu's Logout (GET /logout), which sets `loggedIn` false in the same session and redirects to /login.
 */
const raneto: Framework = {
  id: 'raneto',
  server: npmApp('raneto', 'raneto', 'server.js'),
  login: { path: '/login' },
  form: { username: 'input[name=username]', password: 'input[name=password]', submit: 'button[type=submit]' },
  // The login's answers are shown in place; the right one opens home by script after 1.5 s: each submit done when
  // the network has been idle 2 s (the home page's load after the right one too).
  inPage: true,
  idleAfterLoad: { idleTime: 2000 },
  // The wrong password's SweetAlert2 box: its OK clicked, then its fade-out and its focus given back waited for.
  dismiss: '.swal2-confirm',
  dismissFades: 500,
  logout: ['#userDropDown', 'a[href="/logout"]'],
  menuSettle: 300,
};

/**
 * Debian's Buildbot 3.7 master (`buildbot create-master` in the recording's directory, our buildbot/master.cfg, run by
 * `buildbot start --nodaemon`) with `util.UserPasswordAuth({'alice': 'secret'})`. Debian does not package buildbot-www
 * (the UI's JavaScript bundle): the `base` www plugin is ours (buildbot/sessionscope_buildbot_page, registered by the
 * egg-info beside it on PYTHONPATH), a page that shows the session's user and a login page whose script sends the
 * credentials as HTTP Basic to /auth/login, as buildbot-www does; the logout is the link to /auth/logout.
 */
const buildbot: Framework = {
  id: 'buildbot',
  prepare: (work) => ({
    command: 'sh',
    args: ['-c', `buildbot create-master -q master && cp ${join(APPS, 'buildbot', 'master.cfg')} master/`],
    cwd: work,
  }),
  server: (work, port) => ({
    command: 'buildbot',
    args: ['start', '--nodaemon', join(work, 'master')],
    cwd: work,
    env: { PYTHONPATH: join(APPS, 'buildbot'), BUILDBOT_PORT: String(port) },
  }),
  login: { path: '/login.html' },
  scriptLogin: { request: '/auth/login' },
  cancelAuthChallenge: true,
};

/**
 * Parse Dashboard 9 (packages of its own: `npm ci --prefix test/frameworks/parse-dashboard`) as Express middleware with
 * alice / secret in its `users`, in front of Parse Server 9 in the same app (parse-dashboard/app.mjs), Parse Server's
 * database a PostgreSQL of the recording's own on port + 50 (no MongoDB here), its logs in the recording's directory;
 * the dashboard's registry look-up pointed at a closed loopback port. Its own login page (a React form posted with its
 * CSRF token) and the sidebar's Logout (/dashboard/logout); its service worker (which answers script requests from its
 * cache) bypassed.
 */
const parseDashboard: Framework = {
  id: 'parse-dashboard',
  prepare: postgresInit,
  backends: (work, port) => [postgres(work, port + 50)],
  server: (work, port) => ({
    ...npmApp('parse-dashboard', 'parse-dashboard', 'app.mjs')(work, port),
    env: {
      PGPORT: String(port + 50),
      PARSE_SERVER_LOGS_FOLDER: join(work, 'logs'),
      npm_config_registry: 'http://127.0.0.1:9/',
    },
  }),
  home: '/dashboard/',
  login: { path: '/dashboard/login' },
  form: { username: 'input[name=username]', password: 'input[name=password]', submit: 'input[type=submit]' },
  logout: 'a[href$="logout"]',
  bypassServiceWorker: true,
};

/**
 * Debian's ZoneMinder 1.36 web console, copied into the recording's directory with its `ZM_CONFIG` pointed at our
 * zoneminder/zm.conf (Debian's, the database port filled in) and its cache directory (`ZM_DIR_CACHE`, the links it
 * makes to its CSS and scripts, served as `cache/`) in the recording's directory, served by PHP's own server; its
 * database a MariaDB of its own on port + 50 made by zoneminder/setup.sh (Debian's zm_create.sql, OPT_USE_AUTH on,
 * alice / secret beside Debian's admin / admin). No ZoneMinder daemon runs. Its login view and the logout of the
 * user menu (the user name in the top bar opens a dialog whose Logout button posts `action=logout`).
 */
const zoneminder: Framework = {
  id: 'zoneminder',
  prepare: (work) => {
    const web = join(work, 'zm');
    cpSync('/usr/share/zoneminder/www', web, { recursive: true, dereference: true });
    mkdirSync(join(work, 'cache'));
    symlinkSync(join(work, 'cache'), join(web, 'cache'));
    const configFile = join(web, 'includes', 'config.php');
    writeFileSync(
      configFile,
      readFileSync(configFile, 'utf8')
        .replace("'/etc/zm/zm.conf'", `'${join(work, 'zm.conf')}'`)
        .replace("'/var/cache/zoneminder'", `'${join(work, 'cache')}'`),
    );
    return { command: 'sh', args: [join(APPS, 'zoneminder', 'setup.sh'), work], cwd: work };
  },
  backends: (work, port) => [mariadb(work, port + 50)],
  server: (work, port) => {
    const conf = readFileSync(join(APPS, 'zoneminder', 'zm.conf'), 'utf8');
    writeFileSync(join(work, 'zm.conf'), conf.replace('@DB_PORT@', String(port + 50)));
    return { command: 'php', args: ['-S', `127.0.0.1:${port}`], cwd: join(work, 'zm') };
  },
  login: { path: '/index.php?view=login' },
  form: { username: '#inputUsername', password: '#inputPassword', submit: '#loginForm button[type=submit]' },
  logout: ['#logoutButton', '#logoutForm button[value=logout]'],
};

/**
 * Flask-Security 5.1 (Debian's python3-flask-security) as its quick start shows it (flask-security/app.py: the
 * SQLAlchemy datastore on an in-memory SQLite, its own /login and /logout views and templates); its login form asks
 * for an email address.
 */
const flaskSecurity: Framework = {
  ...script('flask-security', '/usr/bin/python3', 'flask-security', 'app.py'),
  form: { username: 'input[name=email]', password: 'input[name=password]', submit: 'input[name=submit]' },
  user: 'alice@example.com',
};

/**
 * Debian's graphite-web 1.1.8 (Django 3.2) with our local settings (graphite-web/sessionscope_graphite_settings.py,
 * read through GRAPHITE_SETTINGS_MODULE: the SQLite database and storage in the recording's directory), its database
 * made by `graphite-manage migrate --run-syncdb` and alice added (graphite-web/setup.sh), served by
 * `django-admin runserver --settings graphite.settings` as README.Debian shows. Its own /account/login form; home is
 * the browser's header page (`/` is a frameset around it), whose Logout link is /account/logout.
 */
const graphiteEnv = (work: string) => ({
  GRAPHITE_WORK: work,
  GRAPHITE_SETTINGS_MODULE: 'sessionscope_graphite_settings',
  PYTHONPATH: join(APPS, 'graphite-web'),
});
const graphiteWeb: Framework = {
  id: 'graphite-web',
  prepare: (work) => ({ command: join(APPS, 'graphite-web', 'setup.sh'), args: [], cwd: work, env: graphiteEnv(work) }),
  server: (work, port) => ({
    command: '/usr/bin/django-admin',
    args: ['runserver', '--settings', 'graphite.settings', '--noreload', `127.0.0.1:${port}`],
    cwd: work,
    env: graphiteEnv(work),
  }),
  home: '/browser/header',
  login: { path: '/account/login' },
  form: { username: 'input[name=username]', password: 'input[name=password]', submit: 'input[type=submit]' },
  logout: 'a.logout',
};

/**
 * Single sign-on with OpenID Connect, Apache httpd's own relying party: mod_auth_openidc (Debian's
 * libapache2-mod-auth-openidc, our apache-openidc/httpd.conf, `-X`) in front of two SSI pages, `/` open to all
 * (`OIDCUnAuthAction pass`), `/private/` protected, against the provider of `oidc-express-openid-connect`
 * (oidc/provider.mjs, its packages: `npm ci --prefix test/frameworks/oidc`) on port + 1, whose client's redirect URI
 * is <port>/callback. Its dev login form takes any password (no wrong one tried), then its consent page; the logout
 * is mod_auth_openidc's own (`/callback?logout=<origin>`), then the provider's "Yes, sign me out".
 */
const apacheOpenidc: Framework = {
  // The provider, its login and consent pages and its logout are the oidc entry's: only the relying party differs.
  ...oidc,
  id: 'apache-mod-auth-openidc',
  server: (work, port) => {
    chmodSync(work, 0o755);
    return {
      command: '/usr/sbin/apache2',
      args: ['-X', '-f', join(APPS, 'apache-openidc', 'httpd.conf')],
      cwd: work,
      env: {
        APACHE_PORT: String(port),
        APACHE_WORK: work,
        APACHE_APP: join(APPS, 'apache-openidc'),
        OIDC_PORT: String(port + 1),
      },
    };
  },
  login: { path: '/private/' },
};

/**
 * Debian's GOsa² 2.8 under Apache httpd with mod_php as Debian's gosa-apache.conf sets it up (gosa/httpd.conf,
 * `/gosa`, `SetEnv CONFIG_DIR` to the recording's directory), its gosa.conf written by gosa/gosa.sh from the template
 * Debian ships, against an OpenLDAP server of its own on port + 50 (gosa/slapd.sh: phpLDAPadmin's slapd with GOsa's
 * schemas, alice a gosaAccount with the administrator ACL GOsa's setup gives). Home is main.php (GOsa's index.php is
 * the login form, which ends any session it is given); the top bar's menu (⋮), then its Logout.
 */
const gosa: Framework = {
  id: 'gosa',
  backends: (work, port) => [
    { command: 'sh', args: [join(APPS, 'gosa', 'slapd.sh'), work, String(port + 50)], cwd: work, port: port + 50 },
  ],
  server: (work, port) => ({
    command: 'sh',
    args: [join(APPS, 'gosa', 'gosa.sh'), work, String(port), String(port + 50)],
    cwd: work,
  }),
  home: '/gosa/main.php',
  login: { path: '/gosa/index.php' },
  form: { username: 'input[name=username]', password: '#password', submit: '#login' },
  logout: ['a.dropdown-nav-more', '#more-options li[onclick*=logout]'],
};

/**
 * code-server 4.100 (packages of its own, native modules built: see the README for its install) with `--auth password`
 * and its password in PASSWORD, as its documentation runs it, on loopback, its configuration, user data and extensions
 * in the recording's directory (that directory its workspace), telemetry and the update check off. Its own login page
 * (a password alone) and the application menu's "Sign out of code-server" (its /logout route).
 */
const CODE_SERVER = join(APPS, 'code-server', 'node_modules', 'code-server', 'out', 'node', 'entry.js');
const codeServer: Framework = {
  id: 'code-server',
  server: (work, port) => {
    needPackages('code-server', 'code-server', true, CODE_SERVER);
    return {
      command: process.execPath,
      args: [
        CODE_SERVER,
        '--auth',
        'password',
        '--bind-addr',
        `127.0.0.1:${port}`,
        '--config',
        join(work, 'config.yaml'),
        '--user-data-dir',
        join(work, 'data'),
        '--extensions-dir',
        join(work, 'extensions'),
        '--disable-telemetry',
        '--disable-update-check',
        work,
      ],
      cwd: work,
      env: { PASSWORD: 'secret', HOME: work },
    };
  },
  login: { path: '/login' },
  form: { username: null, password: 'input[name=password]', submit: 'input[type=submit]' },
  logout: ['.menubar-menu-button', '::-p-text(Sign out of code-server)'],
};

/**
 * Apache httpd's ticket authentication: mod_auth_tkt (Debian's libapache2-mod-auth-tkt, our apache-auth-tkt/httpd.conf,
 * `-X`) on a protected SSI page, the package's own login.cgi and logout.cgi (its examples/cgi, copied into the
 * recording's directory with our AuthTktConfig.pm) under mod_cgi, alice / secret in an htpasswd file there. The
 * scripts move on by meta refreshes: login.cgi's cookie probe, its answer to the right password (to the protected
 * page), logout.cgi's answer (to the protected page, hence to the login form).
 */
const apacheAuthTkt: Framework = {
  id: 'apache-mod-auth-tkt',
  prepare: (work) => {
    chmodSync(work, 0o755);
    cpSync('/usr/share/doc/libapache2-mod-auth-tkt/examples/cgi', join(work, 'auth'), { recursive: true });
    cpSync(join(APPS, 'apache-auth-tkt', 'AuthTktConfig.pm'), join(work, 'auth', 'AuthTktConfig.pm'));
    for (const cgi of ['login.cgi', 'logout.cgi']) chmodSync(join(work, 'auth', cgi), 0o755);
    return { command: 'htpasswd', args: ['-bc', join(work, 'htpasswd'), 'alice', 'secret'], cwd: work };
  },
  server: (work, port) => ({
    command: '/usr/sbin/apache2',
    args: ['-X', '-f', join(APPS, 'apache-auth-tkt', 'httpd.conf')],
    cwd: work,
    env: { APACHE_PORT: String(port), APACHE_WORK: work, APACHE_APP: join(APPS, 'apache-auth-tkt') },
  }),
  login: { path: '/private/' },
  form: { username: 'input[name=username]', password: 'input[name=password]', submit: 'input[type=submit]' },
  metaRefresh: true,
};

/**
 * Apache2::AuthCookie 3.31 (Debian's libapache2-authcookie-perl) under mod_perl 2.0.12 (libapache2-mod-perl2) in Apache
 * httpd 2.4, `-X`, our apache-authcookie/httpd.conf: our subclass Sample::Auth (apache-authcookie/Sample/Auth.pm, of
 * Apache2_4::AuthCookie, the package's class for httpd 2.4, whose notes drop the PerlAuthzHandler: `Require
 * valid-user` is mod_authz_user's) as the package's POD shows it: `PerlAuthenHandler Sample::Auth->authenticate` on
 * /protected, whose 403 without a valid cookie is answered by the LoginScript, a static form (/login: credential_0,
 * credential_1, destination) posted to /LOGIN (`->login`). `authen_cred` checks alice / secret and returns a random
 * 128-bit hex key, kept with its user in an SDBM file of the recording's directory (sessions/, www-data's);
 * `authen_ses_key` maps it back. The right password sets `Sample::Auth_Members=<key>; path=/` (AuthType_AuthName,
 * nothing more: the package's defaults) and redirects (302) to /protected/; a wrong one gets the form again (403), no
 * cookie. The logout is the home page's link to /logout (our handler: the key deleted from the store, AuthCookie's
 * `logout`, which expires the cookie, then 302 home).
 */
const apacheAuthCookie: Framework = {
  id: 'apache-authcookie',
  prepare: (work) => {
    chmodSync(work, 0o755);
    return { command: 'install', args: ['-d', '-o', 'www-data', '-m', '700', join(work, 'sessions')], cwd: work };
  },
  server: (work, port) => ({
    command: '/usr/sbin/apache2',
    args: ['-X', '-f', join(APPS, 'apache-authcookie', 'httpd.conf')],
    cwd: work,
    env: { APACHE_PORT: String(port), APACHE_WORK: work, APACHE_APP: join(APPS, 'apache-authcookie') },
  }),
  login: { path: '/protected/' },
  form: { username: 'input[name=credential_0]', password: 'input[name=credential_1]', submit: 'button' },
};

/**
 * Apache httpd's public-key ticket authentication: mod_auth_pubtkt (Debian's libapache2-mod-auth-pubtkt, our
 * apache-mod-auth-pubtkt/httpd.conf, `-X`: its README's configuration, `AuthType mod_auth_pubtkt`, `TKTAuthLoginURL`,
 * `TKTAuthTimeoutURL`, `TKTAuthPublicKey`, `require valid-user`) on a protected SSI page; the login server ours, a
 * CGI (cgi/login.py, Debian's python3, under mod_cgi at /login) that signs the ticket with the private key of an RSA
 * key pair setup.sh makes in the recording's directory. `/private/` redirects (307) to `/login?back=…`; a wrong
 * password shows the form again; the right one sets `auth_pubtkt` (URL-encoded `uid=alice;cip=127.0.0.1;
 * validuntil=…;tokens=;udata=;sig=<base64 RSA-SHA1>`, Path=/ alone) and redirects (302) to `back`. The logout
 * (cgi/logout.py at /logout, the home page's link) deletes the cookie (expired a day ago) and redirects home;
 * nothing on the server, the ticket itself valid a day.
 */
const apacheAuthPubtkt: Framework = {
  id: 'apache-mod-auth-pubtkt',
  prepare: (work) => ({ command: 'sh', args: [join(APPS, 'apache-mod-auth-pubtkt', 'setup.sh'), work], cwd: work }),
  server: (work, port) => ({
    command: '/usr/sbin/apache2',
    args: ['-X', '-f', join(APPS, 'apache-mod-auth-pubtkt', 'httpd.conf')],
    cwd: work,
    env: { APACHE_PORT: String(port), APACHE_WORK: work, APACHE_APP: join(APPS, 'apache-mod-auth-pubtkt') },
  }),
  login: { path: '/private/' },
  form: { username: 'input[name=username]', password: 'input[name=password]', submit: 'input[type=submit]' },
};

/**
 * Warden (Debian's ruby-warden) in front of a Sinatra app, as Warden's documentation sets it up: Rack::Session::Cookie
 * and Warden::Manager in config.ru, a password strategy, `warden.authenticate!` / `warden.logout`; under rackup.
 */
const sinatraWarden: Framework = {
  id: 'sinatra-warden',
  server: (_work, port) => rackup('sinatra-warden', port),
  login: { path: '/login' },
};

/**
 * Ghost 5.130 (the `ghost` package installed as Ghost-CLI installs it, by `test/frameworks/ghost/install.sh`: 5.130 the
 * last release for Node 20) in development mode on SQLite in the recording's directory, with our
 * ghost/config.development.json (`privacy.useTinfoil`: no update check, Gravatar or pings; staff device verification
 * off: it mails a code; no mail here); ghost/start.mjs sets up the owner alice@example.com as the setup screen does,
 * then serves it. Its admin (`/ghost/`, an Ember app) signs in by XHR; the user menu's Sign out. The admin's bundles load
 * no fonts from fonts.bunny.net: install.sh removes their @imports.
 */
const GHOST = join(APPS, 'ghost');
const ghost: Framework = {
  id: 'ghost',
  prepare: (work) => {
    needPackages('ghost', 'ghost', true, join(GHOST, 'node_modules', 'ghost', 'node_modules'));
    return {
      command: process.execPath,
      args: [join(GHOST, 'start.mjs'), 'setup'],
      cwd: work,
      env: { GHOST_PASSWORD: 'secret-secret' },
    };
  },
  server: (work, port) => ({ command: process.execPath, args: [join(GHOST, 'start.mjs'), String(port)], cwd: work }),
  home: '/ghost/',
  login: { path: '/ghost/#/signin' },
  form: { username: 'input[name=identification]', password: 'input[name=password]', submit: 'button[type=submit]' },
  user: 'alice@example.com',
  password: 'secret-secret',
  inPage: true,
  // Chromium never reports its /ghost/api/admin/site/ requests finished (one, at times two).
  pendingForGood: 2,
  // The recorder's 800 × 600 viewport gets the admin's mobile layout: its menu behind the nav bar's "more" button.
  logout: ['.gh-mobile-nav-bar-more', '.gh-user-avatar', 'a.user-menu-signout'],
  menuSettle: 1000,
};

/**
 * Strapi 5.54 as `create-strapi-app --js --dbclient sqlite` makes it (packages of its own:
 * `npm_config_nodedir=/usr npm ci --prefix test/frameworks/strapi`, better-sqlite3 built from source; its admin panel
 * built by strapi/build.sh), telemetry disabled in its package.json, the update check off in config/server.js; the
 * secrets its `.env` would hold given here, the SQLite file in the recording's directory. alice@example.com made by
 * `strapi admin:create-user` (its password rules: `Secret123`); `strapi start` serves the admin panel (/admin, a React
 * app signing in by XHR; "Remember me" left unticked); the main menu's user button, then Log out.
 */
const STRAPI = join(APPS, 'strapi');
const STRAPI_CLI = join(STRAPI, 'node_modules', '@strapi', 'strapi', 'bin', 'strapi.js');
const strapiEnv = (work: string, port: number): Record<string, string> => ({
  HOST: '127.0.0.1',
  PORT: String(port),
  NODE_ENV: 'development',
  APP_KEYS: 'c2Vzc2lvbnNjb3BlLWtleS0x,c2Vzc2lvbnNjb3BlLWtleS0y',
  API_TOKEN_SALT: 'sessionscope-api-token-salt',
  ADMIN_JWT_SECRET: 'sessionscope-admin-jwt-secret',
  JWT_SECRET: 'sessionscope-jwt-secret',
  TRANSFER_TOKEN_SALT: 'sessionscope-transfer-token-salt',
  ENCRYPTION_KEY: 'sessionscope-encryption-key',
  DATABASE_CLIENT: 'sqlite',
  DATABASE_FILENAME: relative(STRAPI, join(work, 'data.db')),
  STRAPI_TELEMETRY_DISABLED: 'true',
});
const strapi: Framework = {
  id: 'strapi',
  prepare: (work) => {
    needPackages('strapi', 'strapi', true, join(STRAPI, 'build'));
    const args = ['admin:create-user', '--firstname=Alice', '--lastname=Example', '--email=alice@example.com'];
    return {
      command: process.execPath,
      args: [STRAPI_CLI, ...args, '--password=Secret123'],
      cwd: STRAPI,
      env: strapiEnv(work, 0),
    };
  },
  server: (work, port) => ({
    command: process.execPath,
    args: [STRAPI_CLI, 'start'],
    cwd: STRAPI,
    env: strapiEnv(work, port),
  }),
  home: '/admin',
  login: { path: '/admin/auth/login' },
  form: { username: 'input[name=email]', password: 'input[name=password]', submit: 'button[type=submit]' },
  user: 'alice@example.com',
  password: 'Secret123',
  inPage: true,
  // Chromium never reports the panel's English locale chunk (en-GB-….js, a 200) finished, nor at times its
  // /admin/project-type request.
  pendingForGood: 3,
  // The recorder's 800 × 600 viewport gets the panel's narrow layout: the main menu behind its burger button.
  logout: ['button[aria-controls=burger-menu]', '#burger-menu button[aria-haspopup=menu]', '::-p-text(Log out)'],
  menuSettle: 1000,
};

/**
 * Payload CMS 3.90 (the newest for Node 20) as create-payload-app's blank template makes it, with SQLite (packages of
 * its own: `npm ci --prefix test/frameworks/payload`; Next.js 15.4): its Users collection alone (the template's Media
 * upload left out), telemetry off, the admin's avatar not Gravatar's. payload/setup.mjs (the prepare step) runs
 * `next build` where .next is missing, then makes the SQLite file in the recording's directory and
 * alice@example.com in it by Payload's local API; `next start` serves it with the same secret and database. The admin
 * (/admin, React) signs in by XHR, a JSON POST to /api/users/login answered with the `payload-token` cookie (a JWT,
 * HttpOnly, SameSite=Lax), then moves on by the client router; the 800 × 600 viewport hides the nav behind its
 * burger button, whose Log out opens /admin/logout, where the script POSTs /api/users/logout. Not every run gets
 * through (about half time out in a wait for the form, the network's idle or the burger button): run it again.
 */
const PAYLOAD = join(APPS, 'payload');
const payloadEnv = (work: string): Record<string, string> => ({
  NODE_OPTIONS: '--no-deprecation',
  NEXT_TELEMETRY_DISABLED: '1',
  PAYLOAD_TELEMETRY: 'false',
  PAYLOAD_SECRET: 'sessionscope-payload-secret',
  DATABASE_URI: `file:${join(work, 'payload.db')}`,
});
const payload: Framework = {
  id: 'payload',
  prepare: (work) => {
    needPackages('payload', 'payload');
    return { command: process.execPath, args: [join(PAYLOAD, 'setup.mjs'), work], cwd: PAYLOAD };
  },
  server: (work, port) => ({
    command: process.execPath,
    args: [
      join(PAYLOAD, 'node_modules', 'next', 'dist', 'bin', 'next'),
      'start',
      '-p',
      String(port),
      '-H',
      '127.0.0.1',
    ],
    cwd: PAYLOAD,
    env: { ...payloadEnv(work), NODE_ENV: 'production' },
  }),
  home: '/admin',
  login: { path: '/admin/login' },
  form: { username: 'input[name=email]', password: 'input[name=password]', submit: 'button[type=submit]' },
  user: 'alice@example.com',
  inPage: true,
  // Puppeteer counts requests of the admin's pages in flight for good (one; two with the recording's capture
  // attached), though none is left pending in the page's own request events.
  pendingForGood: 2,
  // The admin renders its nav again once its /api/users/me answers, after the page's load: a burger button found at
  // once is detached before its click. `hover:body` first (harmless) makes the menuSettle pause before the button.
  logout: ['hover:body', 'button.template-default__nav-toggler', 'a.nav__log-out'],
  menuSettle: 1000,
};

/**
 * Single sign-on with SAML 2.0, Apache httpd's own service provider: mod_auth_mellon (Debian's
 * libapache2-mod-auth-mellon, our apache-mellon/httpd.conf, started by apache-mellon/mellon.sh, which makes the SP's
 * key, certificate and metadata with mellon_create_metadata and downloads the IdP's metadata) in front of two SSI
 * pages, `/` MellonEnable "info", `/private/` MellonEnable "auth". The identity provider is the SimpleSAMLphp of
 * `saml-passport-simplesamlphp` (its key and certificate made by saml/setup.sh) with our metadata directory
 * (apache-mellon/idp), on port + 1. Two origins, 127.0.0.1 on two ports (one cookie jar). The logout is Mellon's own,
 * `/mellon/logout?ReturnTo=/` (a LogoutRequest to the IdP and its LogoutResponse back).
 */
const apacheMellon: Framework = {
  id: 'apache-mod-auth-mellon',
  prepare: (work) => {
    chmodSync(work, 0o755);
    return { command: 'sh', args: [join(APPS, 'saml', 'setup.sh'), work], cwd: work };
  },
  backends: simpleSamlIdp('apache-mellon', 'MELLON_SP_PORT'),
  server: (work, port) => ({
    command: 'sh',
    args: [join(APPS, 'apache-mellon', 'mellon.sh'), work, String(port), String(port + 1), join(APPS, 'apache-mellon')],
    cwd: work,
  }),
  login: { path: '/private/' },
  form: { username: '#username', password: '#password', submit: '#submit_button' },
  autoPost: true,
};

/**
 * Single sign-on with CAS from a PHP application: Debian's php-cas (phpCAS 1.6) in a tiny app of ours
 * (phpcas/: `phpCAS::client`, `forceAuthentication()` on /login.php, `logout()` on /logout.php, PHP's native session
 * counting visits on the home page) under PHP's own server on the recording's port, and the CAS server of
 * `cas-mod-auth-cas` (Debian's python3-django-cas-server, cas/cas.py on SQLite, alice / secret, no single logout) on
 * port + 50. Two origins, 127.0.0.1 on two ports (one cookie jar).
 */
const djangoCasServerPhpcas: Framework = {
  id: 'django-cas-server-phpcas',
  prepare: (work) => python(work, [join(APPS, 'cas', 'cas.py'), 'setup'], { CAS_SLO: '0' }),
  backends: casServer,
  server: (work, port) => {
    mkdirSync(join(work, 'sessions'), { recursive: true });
    return {
      command: 'php',
      args: ['-d', `session.save_path=${join(work, 'sessions')}`, '-S', `127.0.0.1:${port}`],
      cwd: join(APPS, 'phpcas'),
      env: { CAS_PORT: String(port + 50), APP_PORT: String(port) },
    };
  },
  login: { path: '/login.php' },
  form: { username: '#id_username', password: '#id_password', submit: '#login_form button[type=submit]' },
};

/**
 * SOGo 5.8 groupware (Debian's sogo) by sogo/start.sh: its users in an SQL table (the `sql` user source of its
 * Installation Guide) on a PostgreSQL of its own on port + 50, memcached on port + 51, sogod on port + 52 behind Apache
 * httpd (Debian's apache.conf for SOGo, sogo/httpd.conf) on the recording's port. Its Angular login page (/SOGo/)
 * posts the credentials to /SOGo/connect by XHR (a wrong password shown in place), then opens the Calendar (its login
 * module, set to Calendar: no IMAP server here); the toolbar's Disconnect button is a link to `logoff`.
 */
const sogo: Framework = {
  id: 'sogo',
  prepare: postgresInit,
  backends: (work, port) => [
    postgres(work, port + 50),
    {
      command: '/usr/bin/memcached',
      args: ['-u', 'memcache', '-l', '127.0.0.1', '-p', String(port + 51), '-U', '0'],
      cwd: work,
      port: port + 51,
    },
  ],
  server: (work, port) => ({
    command: 'bash',
    args: [join(APPS, 'sogo', 'start.sh')],
    cwd: work,
    env: {
      PGPORT: String(port + 50),
      MEMCACHED_PORT: String(port + 51),
      SOGOD_PORT: String(port + 52),
      SOGO_PORT: String(port),
      SOGO_WORK: work,
    },
  }),
  home: '/SOGo/so/alice/Calendar',
  login: { path: '/SOGo/' },
  form: {
    username: 'input[ng-model="app.creds.username"]',
    password: '#passwordField',
    submit: 'button[type=submit][aria-label=Connect]',
  },
  inPage: true,
  // A wrong password replaces the form with its message and a Retry button, which reloads the page.
  dismiss: '[ng-switch-when=error] button',
  reloadingDismiss: { idleTime: 1500 },
  logout: 'a.md-button[href$="logoff"]',
};

/**
 * An Astro 5 site (packages of its own: `npm ci --prefix test/frameworks/astro`) rendered on demand (output "server")
 * by @astrojs/node in standalone mode, with Astro's own sessions on the adapter's default driver (fs-lite, in its
 * node_modules/.astro/sessions) and default cookie (`astro-session`): home counts visits in `Astro.session`, the login
 * page (its form handled by the page itself on POST) calls `session.regenerate()` and stores the user, the POST to
 * /logout calls `session.destroy()`. Built once by `astro build` (telemetry off), then served by dist/server/entry.mjs.
 */
const ASTRO = join(APPS, 'astro');
const astroSession: Framework = {
  id: 'astro-session',
  prepare: () => {
    needPackages('astro-session', 'astro');
    return {
      command: process.execPath,
      args: [join(ASTRO, 'node_modules', 'astro', 'astro.js'), 'build'],
      cwd: ASTRO,
      env: { ASTRO_TELEMETRY_DISABLED: '1' },
    };
  },
  server: (_work, port) => ({
    command: process.execPath,
    args: [join(ASTRO, 'dist', 'server', 'entry.mjs')],
    cwd: ASTRO,
    env: { HOST: '127.0.0.1', PORT: String(port) },
  }),
  login: { path: '/login' },
};

/**
 * django-otp 1.1 (Debian's python3-django-otp) on Django 3.2 (django-otp/app.py): Django's LoginView with
 * OTPAuthenticationForm, alice's static token typed in `otp_token`; home behind `otp_required`, LogoutView posted.
 */
const djangoOtp: Framework = {
  id: 'django-otp',
  prepare: (work) => python(work, [join(APPS, 'django-otp', 'app.py'), 'setup']),
  server: (work, port) =>
    python(work, [join(APPS, 'django-otp', 'app.py'), 'runserver', `127.0.0.1:${port}`, '--noreload']),
  login: { path: '/accounts/login/' },
  form: { username: 'input[name=username]', password: 'input[name=password]', submit: '#sign-in' },
  fields: { 'input[name=otp_token]': '123456' },
};

/**
 * django-axes 5.39 (Debian's python3-django-axes) on Django 3.2 (django-axes/app.py), AXES_FAILURE_LIMIT 2: the
 * second wrong password locks the client out (403), the right one is refused after it.
 */
const djangoAxes: Framework = {
  id: 'django-axes',
  prepare: (work) => python(work, [join(APPS, 'django-axes', 'app.py'), 'setup']),
  server: (work, port) =>
    python(work, [join(APPS, 'django-axes', 'app.py'), 'runserver', `127.0.0.1:${port}`, '--noreload']),
  login: { path: '/accounts/login/' },
  lockout: true,
};

/**
 * Flask-JWT-Extended 4.4 (Debian's python3-python-flask-jwt-extended) with its JWTs in cookies, as its "JWT Locations"
 * and implicit-refresh examples show (flask-jwt-extended/app.py): `set_access_cookies` at a form login,
 * `unset_jwt_cookies` at a POSTed logout.
 */
const flaskJwtExtended: Framework = script('flask-jwt-extended', '/usr/bin/python3', 'flask-jwt-extended', 'app.py');

/**
 * Cork 0.12 (Debian's python3-bottle-cork) on Bottle with Beaker's SessionMiddleware in its example's cookie-type,
 * encrypted sessions (bottle-cork/app.py); its JSON backend with alice made at start-up in the recording's directory.
 */
const bottleCork: Framework = {
  id: 'bottle-cork',
  server: (work, port) => python(work, [join(APPS, 'bottle-cork', 'app.py'), String(port)]),
  login: { path: '/login' },
};

/**
 * Single sign-on with OpenID Connect, Authlib 1.2's Flask client (Debian's python3-authlib) on Flask 2.2 as its
 * documentation shows (flask-authlib-oidc/app.py: `authorize_redirect`, `authorize_access_token`, the user in Flask's
 * session), against the provider of `oidc-express-openid-connect` (oidc/provider.mjs, its packages:
 * `npm ci --prefix test/frameworks/oidc`) on port + 1, its client `sessionscope-rp` (redirect URI <port>/callback).
 * Its dev login form takes any password (no wrong one tried), then its consent page; the logout is the app's own
 * (`session.clear()`: Authlib's documentation shows no RP-initiated logout, the provider's session is left).
 */
const flaskAuthlibOidc: Framework = {
  ...oidc,
  id: 'flask-authlib-oidc',
  server: (work, port) => python(work, [join(APPS, 'flask-authlib-oidc', 'app.py'), String(port)]),
  login: { path: '/login' },
  logout: '#logout',
};

/**
 * Single sign-on with OpenID Connect, python-social-auth on Django 3.2 (Debian's python3-social-django, with
 * python3-jose) and its generic backend `OpenIdConnectAuth` as its documentation configures it
 * (social-django-oidc/app.py, database sessions), against the provider of `oidc-express-openid-connect`
 * (oidc/provider.mjs) on port + 1, its client `sessionscope-social-django` (redirect URI <port>/complete/oidc/).
 * `/login/oidc/` goes to the provider's dev login form (any password: no wrong one tried), then its consent page;
 * the logout is Django's LogoutView, posted (the provider's session is left).
 */
const socialDjangoOidc: Framework = {
  ...oidc,
  id: 'social-django-oidc',
  prepare: (work) => python(work, [join(APPS, 'social-django-oidc', 'app.py'), 'setup']),
  server: (work, port) =>
    python(work, [join(APPS, 'social-django-oidc', 'app.py'), 'runserver', `127.0.0.1:${port}`, '--noreload']),
  login: { path: '/login/oidc/' },
  logout: '#logout',
};

/**
 * Single sign-on with SAML 2.0 from Django: djangosaml2 1.5 (Debian's python3-django-saml2, on pysaml2 and xmlsec1)
 * as its documentation sets it up (djangosaml2/app.py: SamlSessionMiddleware, Saml2Backend, SAML_CONFIG, its URLs under
 * /saml2/, a `login_required` home), on the recording's port, its key and certificate made by djangosaml2/setup.sh;
 * the identity provider, the SimpleSAMLphp of `saml-passport-simplesamlphp` with our metadata directory
 * (djangosaml2/idp), on port + 1. The login path is where `login_required` sends a visitor (/saml2/login/?next=/);
 * the logout, djangosaml2's /saml2/logout/: a signed LogoutRequest to the IdP, its LogoutResponse back to /saml2/ls/.
 */
const djangosaml2: Framework = {
  id: 'djangosaml2-simplesamlphp',
  prepare: (work) => {
    chmodSync(work, 0o755);
    return { command: 'sh', args: [join(APPS, 'djangosaml2', 'setup.sh'), work], cwd: work };
  },
  backends: simpleSamlIdp('djangosaml2', 'DJANGOSAML2_SP_PORT'),
  server: (work, port) => ({
    command: '/usr/bin/python3',
    args: [join(APPS, 'djangosaml2', 'app.py'), String(port), String(port + 1), work],
    cwd: work,
  }),
  login: { path: '/saml2/login/?next=/' },
  form: { username: '#username', password: '#password', submit: '#submit_button' },
  autoPost: true,
};

/**
 * Single sign-on with SAML 2.0, the Shibboleth Service Provider 3.4 (Debian's libapache2-mod-shib and shibd): Apache
 * httpd with mod_shib (shibboleth-sp/httpd.conf) in front of two SSI pages, `/` a lazy session (requireSession 0),
 * `/private/` requireSession 1 behind `Require valid-user`; our own shibd in the foreground, its socket, logs and keys
 * in the recording's directory, both started by shibboleth-sp/start.sh, which fills in shibboleth-sp/shibboleth2.xml
 * (Debian's SP 3 defaults, but the entityID, handlerSSL="false" and cookieProps="http" for plain HTTP, the IdP's
 * metadata from the file it downloads, a local logout alone). The identity provider is the SimpleSAMLphp of
 * `saml-passport-simplesamlphp` (its key and certificate made by saml/setup.sh) with our metadata directory
 * (shibboleth-sp/idp), on port + 1. /private/ sends the visitor to the IdP (HTTP-Redirect, relay state in shibd's
 * memory, the request's ID in a cookie `_opensaml_req_ss:mem:<key>`); the IdP posts the assertion to
 * /Shibboleth.sso/SAML2/POST, which sets `_shibsession_<hex of the application's ID and the entityID>` and redirects to
 * /private/. The logout is the SP's /Shibboleth.sso/Logout?return=/ (local: the SP's session ended, the IdP's left).
 * Two origins, 127.0.0.1 on two ports (one cookie jar).
 */
const shibbolethSp: Framework = {
  id: 'shibboleth-sp-simplesamlphp',
  prepare: (work) => ({ command: 'sh', args: [join(APPS, 'saml', 'setup.sh'), work], cwd: work }),
  backends: simpleSamlIdp('shibboleth-sp', 'SHIB_SP_PORT'),
  server: (work, port) => ({
    command: 'bash',
    args: [join(APPS, 'shibboleth-sp', 'start.sh'), work, String(port), String(port + 1), join(APPS, 'shibboleth-sp')],
    cwd: work,
  }),
  login: { path: '/private/' },
  form: { username: '#username', password: '#password', submit: '#submit_button' },
  autoPost: true,
};

/**
 * Single sign-on with CAS from Django: K-State's django-cas-client 1.5 (Debian's python3-django-casclient) as its
 * README sets it up (django-casclient/app.py: CASMiddleware, CASBackend, CAS_SERVER_URL, its login and logout views),
 * database sessions in its own SQLite file, on the recording's port; the CAS server of `cas-mod-auth-cas` (Debian's
 * python3-django-cas-server, cas/cas.py on SQLite, alice / secret, no single logout) on port + 50, reached as
 * `localhost` (both sites are Django's with its cookie `sessionid`, which on one host name they would overwrite in turn:
 * cookies ignore ports). The home page's Log out link is its logout view: Django's logout, then the CAS server's
 * /cas/logout. Two origins, 127.0.0.1 and localhost.
 */
const djangoCasclient: Framework = {
  id: 'django-casclient',
  prepare: (work) => python(work, [join(APPS, 'cas', 'cas.py'), 'setup'], { CAS_SLO: '0' }),
  backends: casServer,
  server: (work, port) =>
    python(work, [join(APPS, 'django-casclient', 'app.py'), String(port)], {
      DJANGO_DB: join(work, 'app.sqlite3'),
      CAS_PORT: String(port + 50),
    }),
  login: { path: '/accounts/login/' },
  form: { username: '#id_username', password: '#id_password', submit: '#login_form button[type=submit]' },
};

/**
 * OpenStack's dashboard, Horizon 23 (Debian's openstack-dashboard: Django 3.2 with django_openstack_auth, Debian's
 * local settings: the `cache` session engine on LocMemCache), run by its manage.py's `runserver --insecure` (DEBUG
 * off: the static files, compressed offline by the package, served all the same) with our settings over Debian's
 * (openstack-horizon/sessionscope_horizon_settings.py: Keystone on loopback), against a Keystone of its own on
 * port + 50 (Debian's keystone: SQLite, Fernet tokens, `keystone-manage db_sync`, `fernet_setup`, `credential_setup`
 * in openstack-horizon/keystone-setup.sh, `bootstrap` with alice / secret an admin and keystone-wsgi-public in
 * openstack-horizon/keystone.sh). Keystone alone, no Nova: the project overview (`/project/`, where the login leads)
 * answers 403, so home is the Identity dashboard's Projects page; the logout is the user menu's Sign Out.
 */
const horizonEnv = (work: string, port: number) => ({
  KEYSTONE_WORK: work,
  KEYSTONE_PORT: String(port + 50),
  DJANGO_SETTINGS_MODULE: 'sessionscope_horizon_settings',
  PYTHONPATH: join(APPS, 'openstack-horizon'),
});
const openstackHorizon: Framework = {
  id: 'openstack-horizon',
  prepare: (work) => ({
    command: join(APPS, 'openstack-horizon', 'keystone-setup.sh'),
    args: [],
    cwd: work,
    env: { KEYSTONE_WORK: work },
  }),
  backends: (work, port) => [
    {
      command: join(APPS, 'openstack-horizon', 'keystone.sh'),
      args: [],
      cwd: work,
      env: horizonEnv(work, port),
      port: port + 50,
    },
  ],
  server: (work, port) => ({
    command: '/usr/bin/python3',
    args: ['/usr/share/openstack-dashboard/manage.py', 'runserver', '--noreload', '--insecure', `127.0.0.1:${port}`],
    cwd: work,
    env: horizonEnv(work, port),
  }),
  home: '/identity/',
  login: { path: '/auth/login/' },
  form: { username: '#id_username', password: '#id_password', submit: '#loginBtn' },
  logout: ['.user-menu > a.dropdown-toggle', 'a[href="/auth/logout/"]'],
};

/**
 * OmniAuth 2.1 (Debian's ruby-omniauth) with its Developer strategy in a Sinatra 3.0 app, as its README shows for
 * Sinatra (`use Rack::Session::Cookie` without a secret, `provider :developer` by OmniAuth::Builder), under rackup.
 * The home page's "Login with Developer" button (`#login`) posts its CSRF token to /auth/developer (OmniAuth 2: a
 * POST alone, checked by rack-protection), whose form asks a name and an email (no password: alice, her address in
 * the recorder's password field, no wrong one tried); its callback keeps the user in the session.
 */
const sinatraOmniauth: Framework = {
  id: 'sinatra-omniauth',
  server: (_work, port) => rackup('sinatra-omniauth', port),
  login: { link: '#login' },
  form: { username: 'input[name=name]', password: 'input[name=email]', submit: 'button[type=submit]' },
  password: 'alice@example.com',
  anyPassword: true,
};

/**
 * LedgerSMB 1.6 (Debian's ledgersmb) under Starman as Debian's ledgersmb.service runs it, as the user ledgersmb
 * (`ledgersmb/start.sh`, our `ledgersmb/ledgersmb.conf`: Debian's with the default company `acme`), on a PostgreSQL of
 * its own (port + 50, TCP connections by password: LedgerSMB's users are PostgreSQL roles, logging in with their own
 * password). `ledgersmb/setup.sh` (the prepare step) makes the cluster, then the company database and alice by
 * setup.pl's own pages (posted by curl). The login page's script sends the credentials by XHR with HTTP Basic to
 * `login.pl?action=authenticate`, then opens `login.pl?action=login` (the main page, home here): every page after it
 * carries the browser's Basic credentials beside the session cookie. The menu's Logout loads `login.pl?action=logout`
 * into the page's content pane.
 */
const LEDGERSMB = join(APPS, 'ledgersmb');
const ledgersmb: Framework = {
  id: 'ledgersmb',
  prepare: (work) => ({ command: 'bash', args: [join(LEDGERSMB, 'setup.sh')], cwd: work, env: { LSMB_WORK: work } }),
  backends: (work, port) => [postgres(work, port + 50)],
  server: (work, port) => ({
    command: 'bash',
    args: [join(LEDGERSMB, 'start.sh')],
    cwd: work,
    env: { LSMB_PORT: String(port), PGPORT: String(port + 50) },
  }),
  home: '/login.pl?action=login&company=acme',
  login: { path: '/login.pl' },
  form: { username: '#username', password: '#password', submit: '#action-login' },
  fields: { '#company': 'acme' },
  inPage: true,
  // Every page but the login form answers a request without (right) credentials with a 401 and `WWW-Authenticate:
  // Basic`: the browser's dialog cancelled, as a user does, for all of `/login.pl` (home, the script's request).
  scriptLogin: { request: '/login.pl' },
  cancelAuthChallenge: true,
  // A wrong password's "Access denied" dialog over the form: closed, then a wait (`reloadingDismiss`, for its wait
  // alone: no reload) while it fades out with the underlay that would take the next click, and the main page's menu
  // settles before the logout.
  dismiss: '.dijitDialog .dijitDialogCloseIcon',
  reloadingDismiss: { idleTime: 1500 },
  // The menu tree's Logout, pointed at first and clicked a second later: a click as the tree is laid out can be lost.
  logout: ['hover:.dijitTreeNode ::-p-text(Logout)', '.dijitTreeNode ::-p-text(Logout)'],
  menuSettle: 1000,
};

/**
 * Medusa 2.21 (`@medusajs/medusa` with its admin dashboard; packages of its own: `npm ci --prefix
 * test/frameworks/medusa`) on a PostgreSQL of its own (port + 50), no Redis (in-memory event bus, cache, workflow
 * engine; express-session's memory store). medusa/setup.sh (the prepare step) runs `medusa build` where the build is
 * missing, then makes the cluster, migrates it (`medusa db:migrate`) and adds alice@example.com (`medusa user`);
 * medusa/start.sh runs `medusa start` in production (NODE_ENV=production, telemetry off) from the build's server
 * directory, which serves the dashboard at /app; our medusa-config.ts keeps Medusa's production session cookie but for
 * `secure` (plain http here). The dashboard (React) signs in by XHR: a JSON POST of the password to
 * /auth/user/emailpass answered with a JWT (no cookie), then POST /auth/session with `Authorization: Bearer <jwt>`,
 * answered with the express-session cookie connect.sid (HttpOnly, SameSite=Lax); the admin API then runs on the
 * cookie. The 800 × 600 viewport hides the sidebar behind its toggle: its user menu (alice's address), then Log out,
 * which sends DELETE /auth/session and opens the login page.
 */
const MEDUSA = join(APPS, 'medusa');
const medusa: Framework = {
  id: 'medusa',
  prepare: (work) => {
    needPackages('medusa', 'medusa');
    return { command: 'bash', args: [join(MEDUSA, 'setup.sh')], cwd: work, env: { MEDUSA_WORK: work } };
  },
  backends: (work, port) => [postgres(work, port + 50)],
  server: (_work, port) => ({
    command: 'sh',
    args: [join(MEDUSA, 'start.sh')],
    cwd: MEDUSA,
    env: { MEDUSA_PORT: String(port), PGPORT: String(port + 50) },
  }),
  home: '/app',
  login: { path: '/app/login' },
  form: { username: 'input[name=email]', password: 'input[name=password]', submit: 'button[type=submit]' },
  user: 'alice@example.com',
  inPage: true,
  // Chromium never reports the dashboard's home chunk (home-….js, a 200, asked for twice as /app opens) finished.
  pendingForGood: 2,
  // /app redirects by script to its first page (/app/orders, signed in), whose sidebar is laid out as its data comes.
  idleAfterLoad: { idleTime: 500 },
  // The sidebar's toggle, then the user menu of the sidebar it opens (in its dialog: the wide layout's, hidden, comes
  // first), then Log out.
  logout: ['button.max-lg\\:flex', '[role=dialog] ::-p-text(alice@example.com)', '[role=menuitem]::-p-text(Log out)'],
  menuSettle: 1000,
};

/**
 * EverShop 2.2 (`@evershop/evershop`, an e-commerce platform: its admin panel; packages of its own: `npm ci --prefix
 * test/frameworks/evershop`, with concat-stream, which it imports without depending on it) on a PostgreSQL of its own
 * (port + 50). evershop/setup.sh (the prepare step) makes the cluster, migrates it (evershop/migrate.mjs: the module
 * migrations `evershop install` runs), adds alice@example.com (`evershop user:create`; eight characters at least:
 * `secret123`) and runs `evershop build` where the build is missing; evershop/start.mjs runs `evershop start` in
 * production. Two express-session cookies on connect-pg-simple, both saved uninitialised (HttpOnly, 24 h, no
 * SameSite, not Secure): `asid` on the admin's pages, `sid` on all else but the API's routes (the store's pages, the
 * build's /assets/*.js and /favicon.ico: two asset requests in parallel without one each make one). The login page
 * (/admin/login, React) posts the form's JSON by fetch to /admin/user/login (a wrong password a 400 `Invalid email or
 * password`, shown in place), which sets `userID` in the session it has (no regeneration), then opens /admin; the
 * header's account menu, then Logout, which fetches GET /admin/user/logout (the `userID` cleared, the session kept)
 * and opens /admin/login.
 */
const EVERSHOP = join(APPS, 'evershop');
const evershop: Framework = {
  id: 'evershop',
  prepare: (work) => {
    needPackages('evershop', 'evershop');
    return { command: 'bash', args: [join(EVERSHOP, 'setup.sh')], cwd: work, env: { EVERSHOP_WORK: work } };
  },
  backends: (work, port) => [postgres(work, port + 50)],
  server: (_work, port) => ({
    command: process.execPath,
    args: [join(EVERSHOP, 'start.mjs')],
    cwd: EVERSHOP,
    env: { EVERSHOP_PORT: String(port), PGPORT: String(port + 50) },
  }),
  home: '/admin',
  login: { path: '/admin/login' },
  form: { username: 'input[name=email]', password: 'input[name=password]', submit: 'button[type=submit]' },
  user: 'alice@example.com',
  password: 'secret123',
  // The form wants six characters before it sends anything.
  wrongPassword: 'wrong-password',
  inPage: true,
  // Chromium never reports the /favicon.ico requests (404s) of the admin's pages finished.
  pendingForGood: 2,
  // The header's account menu (alice's initial), then its Logout.
  logout: ['button[aria-label="Account menu"]', '[role=menuitem] ::-p-text(Logout)'],
  menuSettle: 500,
};

/**
 * Node-RED 4.1 (packages of its own: `npm ci --prefix test/frameworks/node-red`) run by its red.js with our
 * node-red/settings.js: the editor on 127.0.0.1, its user directory (flows, credentials) the recording's directory,
 * `adminAuth` of type `credentials` with alice (a bcrypt hash of `secret`, permissions `*`), telemetry, update checks,
 * diagnostics, tours and projects off. No cookie at all: the editor (`/`, a jQuery app) asks `/auth/login` for its
 * prompts and shows its login dialog in place; the dialog's script posts an OAuth2 password grant to `/auth/token`
 * (a wrong password 403 `invalid_grant`), keeps the access token in localStorage and sends it as `Authorization: Bearer`
 * on the editor's calls. The user menu's Logout posts the token to `/auth/revoke`, then reloads the editor.
 */
const nodeRed: Framework = {
  id: 'node-red',
  server: (work, port) => {
    needPackages('node-red', 'node-red');
    return {
      command: process.execPath,
      args: [
        join(APPS, 'node-red', 'node_modules', 'node-red', 'red.js'),
        '--settings',
        join(APPS, 'node-red', 'settings.js'),
      ],
      cwd: work,
      env: { NODE_RED_PORT: String(port), NODE_RED_USER_DIR: work },
    };
  },
  login: { path: '/' },
  form: {
    username: '#node-dialog-login-username',
    password: '#node-dialog-login-password',
    submit: '#node-dialog-login-submit',
  },
  inPage: true,
  // The editor's script asks for its theme, locales, settings and flows after the load, with pauses of up to most of a
  // second while it builds its palette: waited for, before the next page and after the login and logout.
  idleAfterLoad: { idleTime: 2000 },
  logout: ['#red-ui-header-button-user', '#usermenu-item-logout'],
};

/**
 * Sympa 6.2 (Debian's sympa): WWSympa, its FastCGI web interface (Debian's /usr/lib/cgi-bin/sympa/wwsympa.fcgi), under
 * Apache httpd's mod_fcgid at /sympa as the user sympa (sympa/httpd.conf), on SQLite. `sympa/start.sh` runs
 * `sympa/setup.sh` once (a sympa.conf of the recording's own, read through SYMPA_CONFIG, its directories and
 * database in the recording's directory, the tables made by `sympa check`, alice@example.com added with Sympa's own
 * add_global_user), then the server. Sympa keeps its `sympa_session` cookie (a random number) in its session table
 * from the first page on; the home page's Login button (a form's POST) opens the login form, whose email and password
 * are posted to /sympa (a wrong password: the form again, under an error dialog); the right ones answer with a
 * redirect to home. The Logout button in the top bar's menu of the user posts `action=logout` (the home page again).
 * Sympa changes the session ID only on its own timer (cookie_refresh, about a minute) or for a new client address, not
 * at login or logout.
 */
const sympa: Framework = {
  id: 'sympa',
  server: (work, port) => ({
    command: 'sh',
    args: [join(APPS, 'sympa', 'start.sh'), work, String(port)],
    cwd: work,
  }),
  home: '/sympa',
  login: { link: 'button[name=action_login]' },
  form: { username: '#email_login', password: '#passwd', submit: 'button.heavyWork[name=action_login]' },
  user: 'alice@example.com',
  // A wrong password's error over the form (a Foundation Reveal dialog, whose overlay would take the click on Go):
  // closed by its close button.
  dismiss: '#ErrorMsg .close-button',
  // The top bar's menu of the user (alice@example.com) opens on hover; its Logout button is inside.
  logout: ['hover:li.is-dropdown-submenu-parent:has(button[name=action_logout]) > a', 'button[name=action_logout]'],
};

/**
 * Tryton 6.0 (Debian's tryton-server) serving its web client sao 6.0 (Debian's tryton-sao) and its JSON-RPC on one
 * port, our tryton-sao/trytond.conf (sao's directory as `[web] root`, a password minimum of 6 for `secret`), the
 * database `tryton` on SQLite in the recording's directory (tryton-sao/setup.sh: `trytond-admin --all`, then alice in
 * every group by tryton-sao/add_user.py); tryton-sao/start.sh runs trytond. No cookie at all: sao (a jQuery app) asks
 * the user name in its login dialog (the database, the only one, filled in and read-only), posts `common.db.login`
 * (`["alice", {}, "en"]`) to /tryton/, whose answer asks for the password, shown in a dialog of its own, posted as
 * `["alice", {"password": …}, "en"]` (a wrong password 401, and the dialog asked again); the answer's
 * `[user_id, session]` kept in localStorage, sent as `Authorization: Session base64(login:user_id:session)` on every
 * call. Home is `/index.html#tryton` (the database in the hash, where sao restores the stored session on a fresh load;
 * `/` is the same page, without it). The header's Logout posts `common.db.logout` and shows the login dialog again.
 */
const trytonSao: Framework = {
  id: 'tryton-sao',
  prepare: (work) => ({ command: 'sh', args: [join(APPS, 'tryton-sao', 'setup.sh')], cwd: work }),
  server: (work, port) => ({
    command: 'sh',
    args: [join(APPS, 'tryton-sao', 'start.sh')],
    cwd: work,
    env: { TRYTON_PORT: String(port) },
  }),
  home: '/index.html#tryton',
  login: { path: '/' },
  form: { username: null, password: '#ask-dialog-entry', submit: '.ask-dialog button.btn-primary' },
  userFirst: { username: '#login', submit: '.modal.in button[type=submit]' },
  inPage: true,
  // Chromium at times never reports sao's locale/en.json (a 405) and images/tryton-icon.png finished.
  pendingForGood: 2,
  // After a failed login trytond answers each login of that user 0 to 1 s late (a random delay, its brute-force
  // defence): the network idle 2.5 s (`reloadingDismiss` for its wait alone: no dismiss), not 0.5, before the next
  // step, or the right password's request, pending while the two above are not, would be cut off by the next page.
  reloadingDismiss: { idleTime: 2500 },
  // The header's Logout is in the page before sao has restored the session, and does nothing until sao has bound it
  // (with the user menu, once the user's preferences are in): the user's avatar there waited for (pointed at) first.
  logout: ['hover:#user-preferences img', '#user-logout > a'],
  menuSettle: 1000,
};

/**
 * Syncthing 1.19 (Debian's syncthing) and its web GUI: syncthing/setup.sh (the prepare step) makes its home in the
 * recording's directory by `syncthing generate` with the GUI user alice / secret (a bcrypt hash in config.xml), no
 * default folder, and closes the config to the world (no discovery, relays, NAT, usage or crash reports, upgrades);
 * syncthing/start.sh runs `syncthing serve`, the GUI on the port, the sync protocol on loopback port + 51. Every page
 * and API call without a session asks for HTTP Basic authentication (`WWW-Authenticate: Basic`, the browser's dialog);
 * the right credentials set the session cookie `sessionid-<the device ID's first 5 characters>` and the CSRF cookie
 * `CSRF-Token-<the same>` (no attributes, neither HttpOnly), whose value the GUI's script echoes in an
 * `X-CSRF-Token-<the same>` header on its REST calls; the device ID, new at each recording, changes both names. The
 * GUI has no logout (its Actions menu: Settings, Show ID, Shutdown, Restart, About, …): the recording ends logged in.
 */
const syncthing: Framework = {
  id: 'syncthing',
  prepare: (work) => ({ command: 'sh', args: [join(APPS, 'syncthing', 'setup.sh')], cwd: work }),
  server: (work, port) => ({
    command: 'sh',
    args: [join(APPS, 'syncthing', 'start.sh')],
    cwd: work,
    env: { ST_PORT: String(port) },
  }),
  login: { path: '/' },
  httpAuth: true,
  logout: [],
};

/**
 * CUPS 2.4's web interface (Debian's cups-daemon and cups): a cupsd of the recording's own (cups/start.sh, in the
 * foreground, its ServerRoot, spool, cache, state, temporary files and logs in the recording's directory, listening on
 * 127.0.0.1:port alone, no browsing or sharing, `WebInterface Yes`). Home `/` is a static page (`Last-Modified`, no
 * `Cache-Control`: Chromium serves it again from its cache, without a request); `/admin` asks for HTTP Basic
 * authentication (`AuthType Basic`, `Require user alice`; the browser gets `WWW-Authenticate: Basic realm="CUPS"`),
 * checked by PAM against the system user alice / secret. No login form, no session: the browser sends its Basic
 * credentials with every request after the login. The CGI pages (the admin page among them) set `org.cups.sid`
 * (`path=/; httponly`), a CSRF nonce each of their forms carries in a hidden field and the CGI checks on a POST, kept
 * while the browser sends it back. The web interface has no logout: the recording ends logged in.
 */
const cups: Framework = {
  id: 'cups',
  server: (work, port) => ({ command: 'sh', args: [join(APPS, 'cups', 'start.sh'), String(port)], cwd: work }),
  login: { path: '/admin' },
  httpAuth: true,
  logout: [],
};

/**
 * The same CUPS, opened first on its printers page (`/printers/`, a CGI page: it sets `org.cups.sid` before any login),
 * then its admin page's HTTP Basic login: the nonce the browser already held is kept through the login, and every page
 * after it carries the Basic credentials beside it.
 */
const cupsPrinters: Framework = { ...cups, id: 'cups-printers', home: '/printers/' };

/**
 * RabbitMQ 3.10's management web UI (Debian's rabbitmq-server, its rabbitmq_management plugin): a node of the
 * recording's own (rabbitmq-management/start.sh: the package's own rabbitmq-server script run as root, its Mnesia
 * directory, logs, rabbitmq.conf and enabled_plugins in the recording's directory, AMQP on port + 1, the Erlang
 * distribution on port + 2 and an epmd of its own on port + 3), the UI on 127.0.0.1:port; alice (administrator) from
 * rabbitmq-management/definitions.json, loaded at boot (no guest user). No server-side session and no Set-Cookie at
 * all: the UI (one page, a Sammy app) shows its login form in place; the form's script keeps base64(user:password)
 * in a cookie `m` of its own (`document.cookie`, expiring in 8 hours) and checks it by a synchronous XHR to
 * /api/whoami with `Authorization: Basic` (a wrong password 401 with `WWW-Authenticate: Basic`, the cookie cleared,
 * "Login failed" in place); every API call after it sends the same Basic header beside the cookie. The header's
 * "Log out" clears the credentials from the cookie in script and reloads the page (no request of its own).
 */
const rabbitmqManagement: Framework = {
  id: 'rabbitmq-management',
  server: (work, port) => ({
    command: 'sh',
    args: [join(APPS, 'rabbitmq-management', 'start.sh'), work, String(port)],
    cwd: work,
  }),
  login: { path: '/' },
  form: { username: 'input[name=username]', password: 'input[name=password]', submit: '#login input[type=submit]' },
  inPage: true,
  // A wrong password's 401 carries `WWW-Authenticate: Basic`: the browser's dialog cancelled, as a user does.
  scriptLogin: { request: '/api/whoami' },
  cancelAuthChallenge: true,
  // The UI fetches its login form's template after the load: waited for, or the next page opened cancels it and
  // Chromium never reports it finished.
  idleAfterLoad: { idleTime: 500 },
  logout: '#logout input[type=submit]',
};

/**
 * Verdaccio 6.8 (the private npm registry; packages of its own: `npm ci --prefix test/frameworks/verdaccio`; 6.8 the
 * last for Node 20) and its web UI: verdaccio/setup.sh (the prepare step) copies our verdaccio/config.yaml (storage,
 * htpasswd auth with `max_users: -1`, no uplink, the web UI on) into the recording's directory and writes alice's
 * bcrypt password there by Apache's htpasswd; Verdaccio's own bin serves it on 127.0.0.1:port. No cookie at all: the
 * UI (one page, React) opens its login dialog from the header's Login button; the dialog POSTs JSON
 * `{username, password}` to /-/verdaccio/sec/login (a wrong password 401 with `WWW-Authenticate: Bearer`, the dialog
 * left open), whose answer `{token, username}` (a JWT) is kept in localStorage and sent as `Authorization: Bearer` on
 * the UI's API calls. The account menu's Logout drops it from localStorage and reloads the page: no request of its
 * own (the JWT stays valid until it expires).
 */
const verdaccio: Framework = {
  id: 'verdaccio',
  prepare: (work) => {
    needPackages('verdaccio', 'verdaccio');
    return { command: 'sh', args: [join(APPS, 'verdaccio', 'setup.sh')], cwd: work };
  },
  server: (work, port) => ({
    command: process.execPath,
    args: [
      join(APPS, 'verdaccio', 'node_modules', 'verdaccio', 'bin', 'verdaccio'),
      '--config',
      join(work, 'config.yaml'),
      '--listen',
      `127.0.0.1:${port}`,
    ],
    cwd: work,
  }),
  login: { path: '/' },
  openForm: '[data-testid=header--button-login]',
  form: {
    username: '#login--dialog-username',
    password: '#login--dialog-password',
    submit: '#login--dialog-button-submit',
  },
  inPage: true,
  // The UI asks for its package list (/-/verdaccio/data/packages) after the load: waited for.
  idleAfterLoad: { idleTime: 500 },
  logout: ['#header--button-account', '#logOutDialogIcon'],
  menuSettle: 500,
};

/**
 * Mailman 3's web UI (Debian's mailman3-web 0+20200530: Postorius 1.3.8 and HyperKitty 1.3.7 on django-mailman3 1.3.9,
 * django-allauth 0.51 and Django 3.2), Debian's project (/usr/share/mailman3-web/manage.py) under our settings
 * module (mailman3-web/sessionscope_mailman3_settings.py: Debian's settings, with SQLite, static files and log in the
 * recording's directory, ALLOWED_HOSTS 127.0.0.1, DEBUG off as shipped, no Gravatar), served by `manage.py runserver
 * --insecure` (its static files too) rather than Debian's uwsgi service; no Mailman core (its REST API pointed at
 * port + 49, where nothing listens: the login's address sync gives up quietly). mailman3-web/setup.sh (the prepare
 * step) migrates, collects the static files and adds alice with her address verified (Debian's settings make
 * allauth's email verification mandatory). Home is HyperKitty's list index (`/` redirects to Postorius's, which needs
 * the core); its Sign In link is allauth's login page with `next=/hyperkitty/` (field `login`, the Remember Me box
 * left unticked: a session cookie without expiry); the csrftoken cookie from the first form, sessionid set at the
 * right password. The navbar's user menu, then Logout opens allauth's confirm page, whose Sign Out posts the logout.
 */
const MAILMAN3_WEB = join(APPS, 'mailman3-web');
const mailman3Env = (work: string) => ({
  MAILMAN3_WORK: work,
  DJANGO_SETTINGS_MODULE: 'sessionscope_mailman3_settings',
  PYTHONPATH: MAILMAN3_WEB,
});
const mailman3Web: Framework = {
  id: 'mailman3-web',
  prepare: (work) => ({ command: 'sh', args: [join(MAILMAN3_WEB, 'setup.sh')], cwd: work, env: mailman3Env(work) }),
  server: (work, port) => ({
    command: '/usr/bin/python3',
    args: ['/usr/share/mailman3-web/manage.py', 'runserver', '--insecure', '--noreload', `127.0.0.1:${port}`],
    cwd: work,
    env: { ...mailman3Env(work), MAILMAN3_REST_PORT: String(port + 49) },
  }),
  home: '/hyperkitty/',
  login: { path: '/accounts/login/?next=/hyperkitty/' },
  form: { username: 'input[name=login]', password: 'input[name=password]', submit: 'form.login button[type=submit]' },
  logout: [
    'ul.auth .dropdown-toggle',
    'ul.auth a[href^="/accounts/logout/"]',
    'form[action="/accounts/logout/"] button[type=submit]',
  ],
};

/**
 * Vendure 3.7 (`@vendure/core` with `@vendure/admin-ui-plugin`'s prebuilt Angular admin UI; packages of its own:
 * `npm ci --prefix test/frameworks/vendure`), our vendure/start.js and vendure-config.js: the admin API on cookie
 * sessions (`authOptions.tokenMethod: 'cookie'`, a cookie secret of ours), the superadmin alice / secret made at the
 * first start, SQLite by sql.js in the recording's directory (`synchronize`), the admin UI at /admin, no job queue or
 * scheduler plugin, telemetry off; nothing else populated. The admin UI (/admin/login) signs in by XHR: a GraphQL
 * `login` mutation POSTed as JSON to /admin-api (a wrong password a 200 with an `InvalidCredentialsError` result), the
 * session in cookie-session's `session` (base64 JSON of the session token) and `session.sig` (HttpOnly, SameSite=Lax);
 * the header's user menu, then Log out (a `logout` mutation), back to the login page.
 */
const VENDURE = join(APPS, 'vendure');
const vendure: Framework = {
  id: 'vendure',
  server: (work, port) => {
    needPackages('vendure', 'vendure');
    return { command: process.execPath, args: [join(VENDURE, 'start.js'), String(port)], cwd: work };
  },
  home: '/admin/',
  login: { path: '/admin/login' },
  form: { username: 'input[name=username]', password: 'input[name=password]', submit: 'button.login-button' },
  inPage: true,
  // The UI asks the admin API for its config and the current user after the load; signed in, it moves to its
  // dashboard by its router and loads its widgets' data, with pauses between: a second of idle network waited for
  // after each page opened, submit and logout.
  idleAfterLoad: { idleTime: 1000 },
  // A page opened while requests are in flight cancels them, and Chromium never reports them finished (the
  // dashboard's logo-top.webp and GetOrderChartData, at times a chunk, a logo and GetGlobalSettings of the page before).
  pendingForGood: 4,
  // The header's user button, then its menu's Log out (in an overlay of its own, outside vdr-user-menu).
  logout: ['button.user-menu-btn', 'button[vdrdropdownitem]::-p-text(Log out)'],
  menuSettle: 500,
};

/**
 * Monit 5.33 (Debian's monit) and its web interface: a monit of the recording's own (monit/start.sh writes its monitrc,
 * mode 0600 as monit demands, in the recording's directory with its id, state and log files, one trivial check of the
 * system, and runs `monit -I` in the foreground), the interface on 127.0.0.1:port for `allow alice:"secret"` (quoted:
 * `secret` bare is a syntax error in monitrc). Every page without credentials answers 401 `WWW-Authenticate: Basic
 * realm="monit"` (the browser's dialog); no server-side session: each request is authorised by its Basic header alone.
 * Every authorised page sets a fresh CSRF cookie `securitytoken` (`Max-Age=600; HttpOnly; SameSite=strict`), which its
 * action forms (Disable monitoring, …) post back in a hidden field. The interface has no logout: the recording ends
 * logged in.
 */
const monit: Framework = {
  id: 'monit',
  server: (work, port) => ({
    command: 'sh',
    args: [join(APPS, 'monit', 'start.sh')],
    cwd: work,
    env: { MONIT_PORT: String(port) },
  }),
  login: { path: '/' },
  httpAuth: true,
  logout: [],
};

/**
 * Fossil SCM 2.21 (Debian's fossil) and its built-in web UI: fossil/setup.sh (the prepare step) makes a repository in
 * the recording's directory (`fossil init --admin-user alice`, then `fossil user password alice secret`);
 * fossil/start.sh runs `fossil server --localhost` on it. Home `/` redirects to `/index`; the login page `/login` posts
 * its user ID `u`, password `p` and button `in` (Login) to itself (a wrong password: 401 and the form again, no cookie;
 * the right one: a 302 to /index setting the login cookie `fossil-<project code's first 16 hex>` = `<random
 * hex>/<project code>/alice`, `Path=; HttpOnly; Version=1`, no Max-Age without "Remember me?"). Fossil sets no cookie
 * before the login. The header's Logout link (/logout) is hidden below 1200 px wide (`wideonly`): the user name in the
 * status line (a link to /login, which shows "Currently logged in as alice" and the Logout form) is clicked, then
 * Logout, which posts `out` to /login: the login's row cleared server-side, the cookie set to `null` with
 * `max-age=-86400`.
 */
const fossil: Framework = {
  id: 'fossil',
  prepare: (work) => ({ command: 'sh', args: [join(APPS, 'fossil', 'setup.sh')], cwd: work }),
  server: (work, port) => ({
    command: 'sh',
    args: [join(APPS, 'fossil', 'start.sh')],
    cwd: work,
    env: { FOSSIL_PORT: String(port) },
  }),
  login: { path: '/login' },
  form: { username: 'input[name=u]', password: 'input[name=p]', submit: 'input[name=in]' },
  logout: ['.status a[href="/login"]', 'input[name=out]'],
};

/**
 * Transmission 3.00's web interface (Debian's transmission-daemon): a daemon of the recording's own
 * (transmission/start.sh: `transmission-daemon -f`, its config directory, downloads and log in the recording's
 * directory, the RPC and web interface on 127.0.0.1:port with `-t -u alice -v secret --allowed 127.0.0.1`, the peer
 * port port + 1, no DHT, LPD, uTP or port mapping). Every request without credentials answers 401
 * `WWW-Authenticate: Basic realm="Transmission"` (the browser's dialog); no login form, no cookie at all. Home `/`
 * redirects (301) to the interface, `/transmission/web/`, whose script POSTs JSON to `/transmission/rpc`: the first
 * answered 409 with an `X-Transmission-Session-Id` header (a CSRF token the daemon keeps until it restarts), which
 * the script sends back on that request again and every later call. The interface has no logout: the recording ends
 * logged in.
 */
const transmission: Framework = {
  id: 'transmission',
  server: (work, port) => ({ command: 'sh', args: [join(APPS, 'transmission', 'start.sh'), String(port)], cwd: work }),
  login: { path: '/transmission/web/' },
  httpAuth: true,
  logout: [],
};

/**
 * Nagios Core 4.4's web interface (Debian's nagios4-core and nagios4-cgi: the CGIs and the PHP frameset pages), behind
 * an Apache httpd of the recording's own (nagios4/httpd.conf, in the foreground on 127.0.0.1:port) set up as Debian's
 * /etc/nagios4/apache2.conf is, with the step up its comment describes: its Digest authentication (AuthType Digest,
 * realm Nagios4, an htdigest file: alice / secret, written by nagios4/setup.sh in the recording's directory) over every
 * page, `Require valid-user` beside Debian's private-address rule. nagios4/setup.sh (the prepare step) also writes a
 * minimal Nagios configuration (one host and one service checked by /bin/true, alice their contact) and the CGIs'
 * cgi.cfg (authentication on, alice authorised for everything; NAGIOS_CGI_CONFIG points the CGIs at it);
 * nagios4/start.sh runs the nagios4 daemon on it (its status.dat is what the CGIs show) beside Apache. No login form,
 * no cookie at all, no server-side session: every request without credentials answers 401 `WWW-Authenticate: Digest
 * realm="Nagios4", nonce=…, algorithm=MD5, domain="Nagios4", qop="auth"` (the browser's dialog); home is the frameset
 * `/nagios4/` (side.php and main.php in its frames), the login page the Tactical Overview CGI. The interface has no
 * logout: the recording ends logged in.
 */
const nagios4: Framework = {
  id: 'nagios4',
  prepare: (work) => ({ command: 'sh', args: [join(APPS, 'nagios4', 'setup.sh')], cwd: work }),
  server: (work, port) => ({ command: 'sh', args: [join(APPS, 'nagios4', 'start.sh'), String(port)], cwd: work }),
  home: '/nagios4/',
  login: { path: '/cgi-bin/nagios4/tac.cgi' },
  httpAuth: true,
  logout: [],
};

/**
 * Nuxt 4.4 (npm, own package file in `nuxt-auth-utils/`; 4.4.5 the last for Node 20) with nuxt-auth-utils 0.5: our
 * small app (a home page showing "Logged in as alice" or "Not logged in" by `useUserSession()`, a /login page whose
 * form, rendered once the app is hydrated, posts the credentials as JSON by `$fetch` to `server/api/login.post.ts`,
 * which checks alice / secret and calls `setUserSession()`, a 401 `createError` on a wrong password shown in place;
 * the right one refreshes the session state and navigates home in the app), built by `nuxt build` in the prepare step
 * and served by Nitro's `.output/server/index.mjs` with the sealing password in NUXT_SESSION_PASSWORD. The session is
 * h3's sealed cookie `nuxt-session` (an iron `Fe26.2**…` seal, no TTL; `Path=/; HttpOnly; Secure; SameSite=Lax`, no
 * expiry), none before the login: set by the login's 200 answer alone. The Log out button (`#logout`) calls
 * `clear()`, a DELETE of `/api/_auth/session` answered `nuxt-session=` (empty, without an expiry: h3's
 * `clearSession`, which the browser keeps and sends empty), then reloads the page.
 */
const NUXT_AUTH_UTILS = join(APPS, 'nuxt-auth-utils');
const nuxtAuthUtils: Framework = {
  id: 'nuxt-auth-utils',
  prepare: () => {
    needPackages('nuxt-auth-utils', 'nuxt-auth-utils');
    return {
      command: process.execPath,
      args: [join(NUXT_AUTH_UTILS, 'node_modules', 'nuxt', 'bin', 'nuxt.mjs'), 'build'],
      cwd: NUXT_AUTH_UTILS,
      env: { NUXT_TELEMETRY_DISABLED: '1' },
    };
  },
  server: (_work, port) => ({
    command: process.execPath,
    args: [join(NUXT_AUTH_UTILS, '.output', 'server', 'index.mjs')],
    cwd: NUXT_AUTH_UTILS,
    env: {
      HOST: '127.0.0.1',
      PORT: String(port),
      NUXT_SESSION_PASSWORD: 'sessionscope-nuxt-session-password-0123456789',
    },
  }),
  login: { path: '/login' },
  // The wrong password's 401 is shown in place and the right one navigates in the app: each submit done when the
  // network is idle. The logout reloads the page: `#logout`'s usual wait for a navigation.
  inPage: true,
  // After its load the page prefetches the chunk of the login page (NuxtLink) and fetches its build's meta file
  // (`/_nuxt/builds/meta/<id>.json`): waited for, lest the next page cancel them (pending for good in Chromium).
  idleAfterLoad: { idleTime: 500 },
};

/**
 * Blitz.js 3.0 auth (npm `@blitzjs/next`, `@blitzjs/auth`, `@blitzjs/rpc` and `blitz` 3.0.2, packages of its own in
 * `blitz-auth/`) on Next.js 15.5's Pages Router, as Blitz's "add Blitz to a Next.js app" guide sets it up: our small
 * app (src/blitz-server.js: `setupBlitzServer` with `AuthServerPlugin`, cookie prefix `blitzauth`,
 * `simpleRolesIsAuthorized`, its session storage an in-memory `SessionConfigMethods` store of ours instead of
 * Prisma's), built by blitz-auth/build.sh (`blitz codegen`, then `next build`) and served by `next start` with a
 * SESSION_SECRET_KEY (it signs the anonymous sessions' JWTs). Home (Blitz's `gSSP`) shows "Logged in as alice" or
 * "Not logged in"; every page through it gives a visitor without a session Blitz's anonymous session: the HttpOnly
 * JWT `blitzauth_sAnonymousSessionToken`, the readable `blitzauth_sAntiCsrfToken` and `blitzauth_sPublicDataToken`
 * (base64 JSON `{"userId":null}`), and `blitzauth_sSessionToken` cleared, all `Path=/; Secure; SameSite=Lax` (Blitz
 * marks them Secure in production, on 127.0.0.1 too), the anonymous ones for five years. /login's form is posted by
 * its script as JSON to /api/login with the `anti-csrf` header (Blitz refuses a POST without it); alice / secret gets
 * `ctx.session.$create({ userId: 1, role: 'user' })`: the opaque `blitzauth_sSessionToken` (HttpOnly, 30 days), a new
 * anti-CSRF token and public data, the anonymous token cleared; a wrong password a 401 shown in place, the right one
 * opens home by script. The Log out button (`#logout`) posts to /api/logout (`ctx.session.$revoke()`: the session
 * deleted from the store, the session token cleared, a new anonymous session's three cookies), then opens home.
 */
const BLITZ_AUTH = join(APPS, 'blitz-auth');
const BLITZ_NEXT_BIN = join(BLITZ_AUTH, 'node_modules', 'next', 'dist', 'bin', 'next');
const blitzAuth: Framework = {
  id: 'blitz-auth',
  prepare: () => {
    needPackages('blitz-auth', 'blitz-auth');
    return { command: 'sh', args: [join(BLITZ_AUTH, 'build.sh')], cwd: BLITZ_AUTH };
  },
  server: (_work, port) => ({
    command: process.execPath,
    args: [BLITZ_NEXT_BIN, 'start', '-p', String(port), '-H', '127.0.0.1'],
    cwd: BLITZ_AUTH,
    env: { NEXT_TELEMETRY_DISABLED: '1', SESSION_SECRET_KEY: 'sessionscope-blitz-auth-test-key' },
  }),
  login: { path: '/login' },
  // The wrong password's 401 is shown in place and the right one opens home by script: each submit done when the
  // network is idle. The logout opens home by script: `#logout`'s usual wait for a navigation.
  inPage: true,
  // After its load each page asks for /favicon.ico (a 404): waited for, lest the next page cancel it (pending for good
  // in Chromium, and every later wait for an idle network would time out).
  idleAfterLoad: { idleTime: 500 },
};

/**
 * SvelteKit 2.70 (npm, own package file in `sveltekit-cookie-session/`; Kit 3 wants Node 22) with
 * svelte-kit-cookie-session 4.1: our small app following the library's README (`handleSession` in hooks.server.ts, a
 * secret of exactly 32 characters as version 4 wants; a home page showing "Logged in as alice" or "Not logged in" from
 * `locals.session.data`; a /login page whose form action, posted as a normal form (no `use:enhance`), checks
 * alice / secret and calls `locals.session.set({ user: 'alice' })` then redirects home (303), `fail(400)` on a wrong
 * password, answered by the form page again; the home page's Log out button (`#logout`) posts to the /logout page's
 * action, `locals.session.destroy()` and a 303 home). Built by `vite build` in the prepare step (adapter-node's server
 * in build/, SvelteKit's generated files in node_modules/.svelte-kit, out of git's and Biome's way), served
 * by `node build` with HOST, PORT and ORIGIN (adapter-node takes `https://` for the origin otherwise, and SvelteKit's
 * CSRF check refuses every form post). The session is the cookie `kit.session`: the data and its expiry encrypted
 * (AES-256-GCM by @noble/ciphers' webcrypto, the secret the key; hex of nonce and ciphertext, `&id=1` the secret's), `Max-Age=604800; Path=/; HttpOnly; SameSite=Lax`
 * (no Secure over http), none before the login; the logout expires it.
 */
const SVELTEKIT_COOKIE_SESSION = join(APPS, 'sveltekit-cookie-session');
const sveltekitCookieSession: Framework = {
  id: 'sveltekit-cookie-session',
  prepare: () => {
    needPackages('sveltekit-cookie-session', 'sveltekit-cookie-session');
    return {
      command: process.execPath,
      args: [join(SVELTEKIT_COOKIE_SESSION, 'node_modules', 'vite', 'bin', 'vite.js'), 'build'],
      cwd: SVELTEKIT_COOKIE_SESSION,
    };
  },
  server: (_work, port) => ({
    command: process.execPath,
    args: ['build'],
    cwd: SVELTEKIT_COOKIE_SESSION,
    env: { HOST: '127.0.0.1', PORT: String(port), ORIGIN: `http://127.0.0.1:${port}` },
  }),
  login: { path: '/login' },
};

/**
 * Debian's NagVis 1.9.34 (nagvis, PHP), set up by nagvis/setup.sh in the recording's directory: Debian's share/
 * copied, the paths it compiles in (/etc/nagvis, /var/cache/nagvis) pointed at a copy of /etc/nagvis with our
 * nagvis.ini.php (its own login form, LogonDialog, on its SQLite user database) and a var/ of its own, PHP 8.2's
 * deprecations left out of the error level NagVis sets (it throws on every error reported); served by PHP's own server
 * under /nagvis/ (htdocs/nagvis is share/), no monitoring core behind it. Its user is the database's first, admin /
 * admin. The session is PHP's native `nagvis_session` (`path=/nagvis`, no HttpOnly, no Secure, no SameSite), set at
 * the first page and kept through the login (no new ID: the login's 302 sends the same one again); the login form's
 * `_username` and `_password` posted to index.php, a wrong password answered by the form again. The Logout of the
 * header's user menu asks ajax_handler.php `?mod=Auth&act=logout` by XHR (the login's keys removed from the session,
 * which keeps its ID), then reloads the page.
 */
const nagvis: Framework = {
  id: 'nagvis',
  prepare: (work) => ({ command: 'sh', args: [join(APPS, 'nagvis', 'setup.sh'), work], cwd: work }),
  server: (work, port) => ({
    command: 'php',
    args: ['-d', `session.save_path=${join(work, 'sessions')}`, '-S', `127.0.0.1:${port}`],
    cwd: join(work, 'htdocs'),
  }),
  // The frontend itself, which shows the login form to a visitor; not /nagvis/, whose 301 to it (share/index.php)
  // Chromium serves from its cache at the next visits, and the capture then files the frontend request's Cookie and
  // response headers under the cached redirect (a hop of the same request ID without ExtraInfo events of its own).
  home: '/nagvis/frontend/nagvis-js/index.php',
  login: { path: '/nagvis/frontend/nagvis-js/index.php' },
  form: { username: '#user_login', password: '#user_pass', submit: '#submit' },
  user: 'admin',
  password: 'admin',
  logout: ['#user-ddheader', '#user-ddcontent a[onclick^="logout"]'],
};

/**
 * Debian's Shaarli 0.12 (shaarli, the PHP bookmark manager, on Slim 3), set up by shaarli/setup.php in the recording's
 * directory: its data, cache and tmp directories there, its config (data/config.json.php) written by Shaarli's own
 * ConfigManager as its install page writes it (alice / secret, `sha1(password . login . salt)`, a salt of ours; no
 * update check, no thumbnails, "Remember me" unticked by default), and www/, Shaarli's files linked beside an index.php
 * that reads that config (Debian's hard-codes /var/lib/shaarli); served by PHP's own server, its sessions in the
 * recording's directory. The session is PHP's native `shaarli` (`domain=127.0.0.1`, no HttpOnly, no Secure, no
 * SameSite), set at the first page; the login page's own form (not the header's, whose "Remember me" is ticked) posts
 * `login`, `password` and a CSRF `token` to /login, a wrong password answered by the form again; the right one's 302
 * sends a new ID (session_destroy, session_start, session_regenerate_id) and `shaarli_staySignedIn`, a browser-session
 * cookie even unticked, whose value (sha1 of the password hash, the client's IP and the salt) logs in by itself. The
 * 800 × 600 viewport gets the mobile menu behind its toggle: its Logout, GET /admin/logout, removes the login's keys
 * from the session (its ID kept) and sets `shaarli_staySignedIn=false`, then redirects home.
 */
const shaarli: Framework = {
  id: 'shaarli',
  prepare: (work) => ({ command: 'php', args: [join(APPS, 'shaarli', 'setup.php'), work], cwd: work }),
  server: (work, port) => {
    mkdirSync(join(work, 'sessions'), { recursive: true });
    return {
      command: 'php',
      args: ['-d', `session.save_path=${join(work, 'sessions')}`, '-S', `127.0.0.1:${port}`],
      cwd: join(work, 'www'),
    };
  },
  login: { path: '/login' },
  form: {
    username: '#login-form input[name=login]',
    password: '#login-form input[name=password]',
    submit: '#login-form input[type=submit]',
  },
  logout: ['#menu-toggle', '#shaarli-menu-mobile-logout a'],
  // The mobile menu opens by a CSS transition: a click on its Logout before it settles does not land on the link.
  menuSettle: 800,
};

/**
 * Debian's OCS Inventory NG web console ocsreports 2.11.1 (ocsinventory-reports, packaged beside the 2.8.1
 * communication server), PHP on a MariaDB of its own on port + 50. Debian's share/ is copied into the recording's
 * directory: var.php's /var/lib and /var/log directories pointed into it, the Composer autoloader Debian leaves out
 * (vendor/autoload.php, which require/header.php needs) our ocsinventory-reports/autoload.php, dbconfig.inc.php
 * (Debian's is a link to /etc/ocsinventory) written with the database's port, and install.php removed as the
 * console asks once installed; the database made by ocsinventory-reports/setup.sh (the SQL install.php and
 * update.php load, the default operator admin / admin); served by PHP's own server. Its login form is index.php's
 * (`LOGIN`, `PASSWD`, the button `Valid_CNX`, posted to the page itself, a 200 either way); the session is PHP's
 * native PHPSESSID, started at the first page and kept through the login (no session_regenerate_id). Its logout is the
 * settings menu's (the cog) Logout, which posts `LOGOUT=ON` to index.php: the console unsets its `OCS` session
 * entry, keeping the session and its ID, and shows the login form again.
 */
const ocsinventoryReports: Framework = {
  id: 'ocsinventory-reports',
  prepare: (work) => {
    const web = join(work, 'ocsreports');
    cpSync('/usr/share/ocsinventory-reports', web, { recursive: true, dereference: true });
    for (const dir of ['lib', 'log', 'sessions']) mkdirSync(join(work, dir));
    const varFile = join(web, 'var.php');
    writeFileSync(
      varFile,
      readFileSync(varFile, 'utf8')
        .replace('"/var/lib/ocsinventory-reports"', `"${join(work, 'lib')}"`)
        .replace('"/var/log/ocsinventory-reports"', `"${join(work, 'log')}"`),
    );
    mkdirSync(join(web, 'vendor'));
    cpSync(join(APPS, 'ocsinventory-reports', 'autoload.php'), join(web, 'vendor', 'autoload.php'));
    rmSync(join(web, 'install.php'));
    // Its pages load jQuery and Bootstrap from /javascript/, javascript-common's alias of /usr/share/javascript.
    symlinkSync('/usr/share/javascript', join(web, 'javascript'));
    return { command: 'sh', args: [join(APPS, 'ocsinventory-reports', 'setup.sh'), work], cwd: work };
  },
  backends: (work, port) => [mariadb(work, port + 50)],
  server: (work, port) => {
    const db = { DB_NAME: 'ocsweb', SERVER_READ: '127.0.0.1', SERVER_WRITE: '127.0.0.1', SERVER_PORT: port + 50 };
    const more = { COMPTE_BASE: 'ocs', PSWD_BASE: 'ocs', ENABLE_SSL: '0', SSL_MODE: '', SSL_KEY: '', SSL_CERT: '' };
    const defines = Object.entries({ ...db, ...more, CA_CERT: '' }).map(([k, v]) => `define("${k}", "${v}");\n`);
    writeFileSync(join(work, 'ocsreports', 'dbconfig.inc.php'), `<?php\n${defines.join('')}?>`);
    return {
      command: 'php',
      args: ['-d', `session.save_path=${join(work, 'sessions')}`, '-S', `127.0.0.1:${port}`],
      cwd: join(work, 'ocsreports'),
    };
  },
  login: { path: '/index.php' },
  form: { username: '#LOGIN', password: '#PASSWD', submit: '#btn-logon' },
  user: 'admin',
  password: 'admin',
  // The console's tables are loaded by XHR after the page's load (a POST of DataTables' parameters and of every form
  // field of the page, to the page's own address with `&no_header=true&no_footer=true` appended): waited for, the
  // page the login leads to too (its XHR re-posts the login's LOGIN and PASSWD), lest home opened at once cancel it
  // (or open before it starts: it comes more than a second after the page's last request; a cancelled one, never
  // reported finished by Chromium, times the next wait for an idle network out).
  idleAfterLoad: { idleTime: 2000 },
  // The login page's flag sprite (image/bootstrap-formhelpers-countries.flags.png, from its CSS) Chromium now and
  // then never reports finished.
  pendingForGood: 1,
  logout: ['#menu_settings', `a[onclick*='"LOGOUT"']`],
};

/**
 * Gitit 0.15 (Debian's gitit), the Haskell wiki on Happstack with its pages in a git repository: gitit/setup.sh (the
 * prepare step) writes its default configuration with every path in the recording's directory, form authentication,
 * `require-authentication: modify` (pages readable by anyone), and alice's account straight into its users file (its
 * /_register refuses `secret`, a password without a non-letter); gitit/start.sh sets the port and runs `gitit -f`.
 * Home `/` is the Front Page, whose script asks `/_user` who is logged in and shows the userbox's Login link
 * (`#loginlink`, to /_login) or its Logout link (`#logoutlink`, to /_logout). The login form POSTs `username`,
 * `password`, a hidden `destination` (the Referer of the form's page) and its `login` button to /_login (a wrong
 * password: 200 and the form again, no cookie; the right one: a 303 to the destination setting the session
 * `sid="<random integer up to 10^9>";Max-Age=3600;expires=…;Path=/;Version="1"`, no HttpOnly, SameSite or Secure,
 * the session kept in the server's memory). No cookie before the login; every page after it sets the same sid again
 * (the session's timeout renewed). Logout (GET /_logout): the session deleted server-side, a 303 to the Referer
 * setting the sid once more and then `sid=;Max-Age=0;expires=Thu, 01-Jan-1970 …`.
 */
const gitit: Framework = {
  id: 'gitit',
  prepare: (work) => ({ command: 'sh', args: [join(APPS, 'gitit', 'setup.sh')], cwd: work }),
  server: (work, port) => ({
    command: 'sh',
    args: [join(APPS, 'gitit', 'start.sh')],
    cwd: work,
    env: { GITIT_PORT: String(port) },
  }),
  login: { link: '#loginlink' },
  form: { username: 'input[name=username]', password: 'input[name=password]', submit: 'input[name=login]' },
  logout: '#logoutlink',
};

/**
 * SqWebMail 6.0 (Debian's sqwebmail, the Courier webmail CGI) on Courier's authdaemond with the userdb module
 * (Debian's courier-authlib-userdb): sqwebmail/setup.sh (the prepare step) makes alice's Maildir in the recording's
 * directory and writes alice / secret into /etc/courier/userdb (authdaemonrc's module list set to authuserdb), paths
 * courier-authlib has built in; sqwebmail/start.sh runs authdaemond and sqwebmaild in the foreground (their sockets,
 * built in too, in /run/courier: one SqWebMail recording at a time) and an Apache httpd of the recording's own
 * (sqwebmail/httpd.conf, prefork's several children: with `-X` a frameset's frames and images wait on one child's
 * keep-alive) running the CGI /cgi-bin/sqwebmail, `/` redirected to it. Home is a frameset (`?index=1`) around the
 * login page (`?noframes=1`), opened alone as the login page. The form POSTs `username`, `password`, `timezonelist`, `sameip` (ticked: the session
 * bound to the client's address) and `do.login` to /cgi-bin/sqwebmail: a wrong password gets the form again (200,
 * "Invalid Login"); the right one a 303 to /cgi-bin/sqwebmail/login/alice/<session id, 32 hex>/<time>?folder=INBOX&
 * form=refreshfr, a frameset whose frames carry the same session in their addresses. No cookie at all: the session is
 * in the address alone (`sessionInUrl`). Logout: the navigation bar's Log Out link (`…&form=logout`, target _top) in
 * the folder frame (`form=folders`), a 303 to /cgi-bin/sqwebmail; the old session's addresses then answer "Expired".
 */
const sqwebmail: Framework = {
  id: 'sqwebmail',
  prepare: (work) => ({ command: 'sh', args: [join(APPS, 'sqwebmail', 'setup.sh')], cwd: work }),
  server: (work, port) => ({ command: 'sh', args: [join(APPS, 'sqwebmail', 'start.sh'), String(port)], cwd: work }),
  login: { path: '/cgi-bin/sqwebmail?noframes=1' },
  form: { username: 'input[name=username]', password: 'input[name=password]', submit: 'input[name="do.login"]' },
  sessionInUrl: { frame: 'form=folders' },
  logout: 'a[href*="form=logout"]',
};

/**
 * PouchDB Server 4.2 (packages of its own: `npm ci --prefix test/frameworks/pouchdb-server`): express-pouchdb's
 * CouchDB HTTP API over in-memory databases (`--in-memory`), with the Fauxton it bundles (pouchdb-fauxton) at
 * /_utils/. The prepare step copies our pouchdb-server/config.json (the server admin alice, password `secret`, which
 * the server rewrites with its PBKDF2 hash at start) into the recording's directory. CouchDB's cookie authentication:
 * Fauxton (a Backbone app, hash routes) finds no session at GET /_session and shows its login form in place
 * (#login); the form's XHR POSTs `name` and `password` (form-encoded) to /_session (a wrong password 401
 * `unauthorized`), answered with `AuthSession` (HttpOnly, Path=/, no Expires: base64url of `alice:<hex timestamp>:`
 * and an HMAC); every request authenticated by that cookie is answered with a new one, stamped with the current
 * second. The nav bar's Logout (a link to #logout) sends DELETE /_session by XHR, to `http://_:_@…/_session` (jQuery's
 * dummy user, to drop cached HTTP credentials; no Authorization header is sent), answered with that refreshed cookie
 * and then `AuthSession=` expired (the last value stays valid until its timeout, 600 s: nothing is kept on the server).
 */
const pouchdbServer: Framework = {
  id: 'pouchdb-server',
  prepare: (work) => {
    needPackages('pouchdb-server', 'pouchdb-server');
    return { command: 'cp', args: [join(APPS, 'pouchdb-server', 'config.json'), work], cwd: work };
  },
  server: (work, port) => ({
    command: process.execPath,
    args: [
      join(APPS, 'pouchdb-server', 'node_modules', 'pouchdb-server', 'bin', 'pouchdb-server'),
      '--port',
      String(port),
      '--host',
      '127.0.0.1',
      '--in-memory',
      '--config',
      join(work, 'config.json'),
      '--dir',
      work,
    ],
    cwd: work,
  }),
  home: '/_utils/',
  login: { path: '/_utils/' },
  form: { username: '#username', password: '#password', submit: '#submit' },
  inPage: true,
  // Fauxton asks /_session, / and, logged in, the databases' list after the load: waited for.
  idleAfterLoad: { idleTime: 1000 },
  logout: 'a[href="#logout"]',
};

/**
 * JupyterHub 3.0 (Debian's jupyterhub) with our jupyterhub/jupyterhub_config.py, in the recording's directory (its
 * SQLite database and cookie secret): Debian's configurable-http-proxy, which the hub starts itself, on the port (the
 * hub's own server on port + 1, the proxy's API on port + 2); an Authenticator of our own that takes alice / secret
 * alone (no PAM, no system user), alice allowed; no single-user server spawned, the page behind the login the hub's
 * own /hub/home (`default_url`). The proxy is a Node script whose modules Debian keeps in /usr/share/nodejs, where
 * the node on PATH does not look by itself: NODE_PATH. Home `/` (a 302 to /hub/, to /hub/home, which sends a visitor
 * to /hub/login?next=…); its form POSTs `username` and `password` to /hub/login (wrong: 200 and the form again; right:
 * a 302 to /hub/home setting `jupyterhub-session-id` and the Tornado secure cookie `jupyterhub-hub-login`); the home
 * page's `#logout` link GETs /hub/logout, a 302 to /hub/login clearing both (and `jupyterhub-services`, `_xsrf`).
 */
const jupyterhub: Framework = {
  id: 'jupyterhub',
  server: (work, port) => ({
    command: '/usr/bin/jupyterhub',
    args: ['-f', join(APPS, 'jupyterhub', 'jupyterhub_config.py')],
    cwd: work,
    env: { JUPYTERHUB_WORK: work, JUPYTERHUB_PORT: String(port), NODE_PATH: '/usr/share/nodejs' },
  }),
  login: { path: '/hub/login' },
  form: { username: '#username_input', password: '#password_input', submit: '#login_submit' },
  // The proxy answers 404 until the hub has started and added its route to it.
  ready: '/hub/login',
};

/**
 * The framework, and the same again logging in a second time after its logout (`loginAgain`, `<id>-login-again`):
 * the second login carries what the logout left.
 */
function andLoginAgain(framework: Framework): Framework[] {
  return [framework, loginAgain(framework)];
}

/** The framework logging in a second time after its logout (`loginAgain`, `<id>-login-again`). */
function loginAgain(framework: Framework): Framework {
  return { ...framework, id: `${framework.id}-login-again`, loginAgain: true };
}

/**
 * The framework recorded with the bodies of its pages (`bodies`, `<id>-with-bodies`), as DevTools' "Save all as HAR
 * with content" keeps them.
 */
function withBodies(framework: Framework): Framework {
  return { ...framework, id: `${framework.id}-with-bodies`, bodies: true };
}

/** `framework` as `id`, its server given the variables `env` over its own (a setting its app reads). */
function withServerEnv(framework: Framework, id: string, env: Readonly<Record<string, string>>): Framework {
  return {
    ...framework,
    id,
    server: (work, port) => {
      const server = framework.server(work, port);
      return { ...server, env: { ...server.env, ...env } };
    },
  };
}

/** `framework`, then the same recorded with the bodies of its pages (withBodies). */
function andWithBodies(framework: Framework): Framework[] {
  return [framework, withBodies(framework)];
}

/**
 * `framework` on two nodes behind nginx round robin without affinity (roundRobin) as `id`: each node the framework's
 * server in a directory of its own (`work/node1`, `work/node2`), on port + 51 and port + 52. Nothing is shared between
 * them but what the framework's server itself shares (a key in its configuration).
 */
function onTwoNodes(framework: Framework, id: string): Framework {
  return {
    ...framework,
    id,
    backends: (work, port) =>
      [1, 2].map((n) => ({ ...framework.server(join(work, `node${n}`), port + 50 + n), port: port + 50 + n })),
    server: roundRobin,
  };
}

const FRAMEWORKS: readonly Framework[] = [
  ...andLoginAgain(php('php-native', {})),
  // Two `php -S` nodes behind nginx round robin without affinity, each its own session.save_path (node1/, node2/).
  ...andWithBodies(onTwoNodes(php('php-native', {}), 'php-native-cluster-no-affinity')),
  // The same with `session.use_strict_mode=1`: a node given an ID it does not know issues a new one.
  ...andWithBodies(
    onTwoNodes(php('php-native', {}, ['session.use_strict_mode=1']), 'php-native-cluster-no-affinity-strict'),
  ),
  ...andLoginAgain(php('php-no-regenerate', { SKIP_REGENERATE: '1' })),
  // PHP's native sessions with `session.cookie_samesite=Strict`: PHPSESSID not sent on the link followed from another
  // site to /account.php (crossSite), sent again when that address is typed.
  {
    ...php('php-native-samesite-strict', {}, ['session.cookie_samesite=Strict']),
    crossSite: { after: '/account.php' },
  },
  // PHP's native sessions, PHPSESSID without a SameSite attribute (PHP's default: Lax to Chrome), and the app embedded
  // in another site's iframe (crossSite via 'frame'): the framed /account.php is a cross-site subresource request, on
  // which Chrome holds PHPSESSID back (SameSiteUnspecifiedTreatedAsLax), so the frame is sent to the login form;
  // /account.php typed after it sends the cookie again and answers as to alice.
  { ...php('php-native', {}), id: 'php-native-framed', crossSite: { after: '/account.php', via: 'frame' } },
  // PHP's native sessions, PHPSESSID without a SameSite attribute (PHP's default: Lax to Chrome), and a payment
  // provider returning the user to /payment/return (test/frameworks/php/index.php) with a form POSTed from its own site
  // (crossSite via post) under a second after the login: within the cookie's first 2 minutes, Chrome's Lax+POST still
  // sends it on a top-level cross-site POST, and the page answers "Payment received for alice"; nothing is lost.
  {
    ...php('php-native-cross-site-post', {}),
    crossSite: { after: '/payment/return', via: { post: { order: '42', status: 'paid' } } },
  },
  // PHP's native sessions with `session.cookie_secure=1`, opened as http://app.test (plain http on a host that is not
  // loopback by name: no secure context, as on a staging host): PHP sets the Secure PHPSESSID anyway, Chrome rejects it
  // (SecureOnly) at each of its answers, so the login does not stick: home after it greets a visitor and /account.php
  // sends the user to the login form.
  {
    ...php('php-native-secure-over-http', {}, ['session.cookie_secure=1']),
    host: 'app.test',
    afterLogin: ['/account.php'],
  },
  // PHP's native sessions with `session.cookie_path=/accounts/`: PHPSESSID is sent to /accounts/profile.php only, not
  // to the login (/login.php), home or /account.php, each of which, given no cookie, starts a new session and sets its
  // PHPSESSID (Path /accounts/) over the one before: the logged-in ID the login's POST set is replaced by home's before
  // /accounts/profile.php is opened, which (like /account.php) sends the user to the login form.
  ...andWithBodies({
    ...php('php-native-cookie-path', {}, ['session.cookie_path=/accounts/']),
    afterLogin: ['/accounts/profile.php', '/account.php', '/accounts/profile.php'],
  }),
  // PHP's native sessions opened as http://www.app.test, its PHPSESSID host-only (no session.cookie_domain): on
  // http://app.test/account.php the cookie is not sent and the user is sent to the login form; back on www it is sent.
  ...andWithBodies({
    ...php('php-native-other-host', {}),
    host: 'www.app.test',
    afterLogin: ['http://app.test:{port}/account.php', '/account.php'],
  }),
  // The control: the same with `session.cookie_domain=app.test`: PHPSESSID (Domain app.test) is sent on www.app.test
  // and app.test alike, the user is logged in on both and nothing is lost.
  {
    ...php('php-native-cookie-domain', {}, ['session.cookie_domain=app.test']),
    host: 'www.app.test',
    afterLogin: ['http://app.test:{port}/account.php', '/account.php'],
  },
  ...andLoginAgain(django('django-db', 'django.contrib.sessions.backends.db')),
  withBodies(django('django-db', 'django.contrib.sessions.backends.db')),
  // Django's session rows deleted from its SQLite database while it runs (expiry).
  ...andWithBodies({
    ...django('django-db-session-expired', 'django.contrib.sessions.backends.db'),
    lose: { how: expireDjangoSessions, after: '/accounts/profile/' },
  }),
  // Django's database sessions with SESSION_COOKIE_SAMESITE = 'Strict' (read by django/app.py): sessionid not sent on
  // the link followed from another site to /accounts/profile/ (crossSite), sent again when that address is typed.
  {
    ...withServerEnv(django('django-db', 'django.contrib.sessions.backends.db'), 'django-db-samesite-strict', {
      SESSION_COOKIE_SAMESITE: 'Strict',
    }),
    crossSite: { after: '/accounts/profile/' },
  },
  // Django's database sessions, sessionid with Django's default SameSite=Lax, and the app embedded in another site's
  // iframe (crossSite via 'frame'): the framed /accounts/profile/ is a cross-site subresource request, on which Chrome
  // holds sessionid back (SameSiteLax), so the frame is sent to the login form (/accounts/login/?next=…, whose new
  // csrftoken Chrome does not store in the frame: SameSiteLax; the app has no XFrameOptionsMiddleware, so the frame is
  // shown); /accounts/profile/ typed after it sends the cookie again and answers as to alice.
  {
    ...django('django-db', 'django.contrib.sessions.backends.db'),
    id: 'django-db-framed',
    crossSite: { after: '/accounts/profile/', via: 'frame' },
  },
  // Django's database sessions, sessionid with Django's default SameSite=Lax (explicit in its Set-Cookie), and a payment
  // provider returning the user to /payment/return (PAYMENT_RETURN, read by django/app.py: @csrf_exempt,
  // @login_required) with a form POSTed from its own site (crossSite via post): Chrome holds sessionid back
  // (SameSiteLax), Django sends the visitor to the login form (/accounts/login/?next=…), whose GET hop carries the
  // cookie again without replacing it; /payment/return typed after it sends the cookie and answers "Payment received
  // for alice".
  {
    ...withServerEnv(django('django-db', 'django.contrib.sessions.backends.db'), 'django-db-cross-site-post', {
      PAYMENT_RETURN: '1',
    }),
    crossSite: { after: '/payment/return', via: { post: { order: '42', status: 'paid' } } },
  },
  // Django's database sessions with SESSION_COOKIE_SECURE = True (read by django/app.py) on plain http:// at app.test,
  // not loopback (a staging host): the Secure sessionid its login sets is rejected by Chrome (no secure context), so
  // the login does not stick: home after it and /accounts/profile/ answer as to a visitor.
  {
    ...withServerEnv(django('django-db', 'django.contrib.sessions.backends.db'), 'django-db-secure-over-http', {
      SESSION_COOKIE_SECURE: '1',
    }),
    host: 'app.test',
    afterLogin: ['/accounts/profile/'],
  },
  // Django's database sessions with SESSION_COOKIE_PATH = '/accounts/' (read by django/app.py): sessionid, set by the
  // login at /accounts/login/, is not sent to home (`/`, outside its Path), where the login's own redirect lands; home
  // writes the session, so Django starts a new one there whose cookie (the same name and Path) replaces the logged-in
  // one: /accounts/profile/ after it sends the visitor to the login form.
  ...andWithBodies({
    ...withServerEnv(django('django-db', 'django.contrib.sessions.backends.db'), 'django-db-cookie-path', {
      SESSION_COOKIE_PATH: '/accounts/',
    }),
    afterLogin: ['/accounts/profile/', '/', '/accounts/profile/'],
  }),
  // Django's database sessions, its host-only sessionid set at www.app.test (ALLOWED_HOSTS '*' takes both names):
  // /accounts/profile/ opened at app.test, which the cookie does not cover, sends none and sends the visitor to the
  // login form; the same page back on www.app.test sends it and answers as to alice.
  ...andWithBodies({
    ...django('django-db', 'django.contrib.sessions.backends.db'),
    id: 'django-db-other-host',
    host: 'www.app.test',
    afterLogin: ['http://app.test:{port}/accounts/profile/', '/accounts/profile/'],
  }),
  // The control: the same with SESSION_COOKIE_DOMAIN = 'app.test' (read by django/app.py): the cookie's Domain covers
  // www.app.test and app.test, sessionid is sent on both, and /accounts/profile/ answers as to alice on both.
  {
    ...withServerEnv(django('django-db', 'django.contrib.sessions.backends.db'), 'django-db-cookie-domain', {
      SESSION_COOKIE_DOMAIN: 'app.test',
    }),
    host: 'www.app.test',
    afterLogin: ['http://app.test:{port}/accounts/profile/', '/accounts/profile/'],
  },
  ...andLoginAgain(django('django-signed-cookies', 'django.contrib.sessions.backends.signed_cookies')),
  // Django's signed-cookie sessions, the server restarted with another SECRET_KEY: every session cookie unreadable.
  ...andWithBodies({
    ...django('django-signed-cookies-key-rotated', 'django.contrib.sessions.backends.signed_cookies'),
    lose: { how: 'restart', after: '/accounts/profile/', env: { DJANGO_SECRET_KEY: 'rotated-'.repeat(6) } },
  }),
  ...andLoginAgain(flask('flask')),
  // Flask's signed-cookie session with SESSION_COOKIE_SAMESITE = 'Strict' (read by flask/app.py): its `session` cookie
  // not sent on the link followed from another site to home (crossSite), sent again when that address is typed.
  {
    ...withServerEnv(flask('flask'), 'flask-samesite-strict', { SESSION_COOKIE_SAMESITE: 'Strict' }),
    crossSite: { after: '/' },
  },
  // Flask's signed-cookie session with SESSION_COOKIE_SECURE = True (read by flask/app.py) on plain http:// at
  // app.test, not loopback (a staging host): the Secure `session` cookie its login sets is rejected by Chrome (no
  // secure context), so the login does not stick: home after it and /account/ answer as to a visitor.
  {
    ...withServerEnv(flask('flask'), 'flask-secure-over-http', { SESSION_COOKIE_SECURE: '1' }),
    host: 'app.test',
    afterLogin: ['/account/'],
  },
  // Flask's signed-cookie session with SESSION_COOKIE_PATH = '/account/' (read by flask/app.py): the `session` cookie
  // the login at /login sets is not sent to home (`/`, outside its Path), where the login's own redirect lands; home
  // writes the session, so Flask sets a new cookie there (the same name and Path) that replaces the logged-in one:
  // /account/ after it sends the visitor to the login form.
  ...andWithBodies({
    ...withServerEnv(flask('flask'), 'flask-cookie-path', { SESSION_COOKIE_PATH: '/account/' }),
    afterLogin: ['/account/', '/', '/account/'],
  }),
  // Flask's signed-cookie session, its host-only `session` cookie set at www.app.test (Flask checks no host name):
  // /account/ opened at app.test, which the cookie does not cover, sends none and sends the visitor to the login form;
  // the same page back on www.app.test sends it and answers as to alice.
  ...andWithBodies({
    ...flask('flask-other-host'),
    host: 'www.app.test',
    afterLogin: ['http://app.test:{port}/account/', '/account/'],
  }),
  // The control: Flask's default session cookie (no SameSite attribute: Lax to Chrome) on the same link followed from
  // another site to home (crossSite), which a cross-site top-level GET navigation carries.
  { ...flask('flask'), id: 'flask-cross-site-lax', crossSite: { after: '/' } },
  // Flask's default session cookie (no SameSite attribute: Lax to Chrome) with the app embedded in another site's
  // iframe (crossSite via 'frame'): the framed /account/ is a cross-site subresource request, on which Chrome holds the
  // `session` cookie back (SameSiteUnspecifiedTreatedAsLax), so the frame is sent to the login form; /account/ typed
  // after it sends the cookie again and answers as to alice.
  { ...flask('flask'), id: 'flask-framed', crossSite: { after: '/account/', via: 'frame' } },
  // The control: Flask's session cookie with SESSION_COOKIE_SAMESITE = 'None' and SESSION_COOKIE_SECURE = True (read by
  // flask/app.py; http://127.0.0.1 is a secure context, so Chrome keeps the Secure cookie): the same framed /account/
  // carries the `session` cookie and answers as to alice; nothing is lost.
  {
    ...withServerEnv(flask('flask'), 'flask-framed-samesite-none', {
      SESSION_COOKIE_SAMESITE: 'None',
      SESSION_COOKIE_SECURE: '1',
    }),
    crossSite: { after: '/account/', via: 'frame' },
  },
  // Flask's default session cookie (no SameSite attribute: Lax to Chrome) and a payment provider returning the user to
  // /payment/return (test/frameworks/flask/app.py) with a form POSTed from its own site (crossSite via post) under a
  // second after the login: within the cookie's first 2 minutes, Chrome's Lax+POST still sends it on a top-level
  // cross-site POST, and the page answers "Payment received for alice"; nothing is lost.
  {
    ...flask('flask'),
    id: 'flask-cross-site-post',
    crossSite: { after: '/payment/return', via: { post: { order: '42', status: 'paid' } } },
  },
  // Flask's signed-cookie session on two nodes (the same secret_key) behind nginx round robin: nothing to lose.
  ...andWithBodies(onTwoNodes(flask('flask'), 'flask-cluster-shared-key')),
  ...andLoginAgain({
    id: 'tomcat',
    server: (work, port) => tomcat(work, port),
    login: { link: '#login' },
  }),
  // Two Tomcat nodes (jvmRoute node1, node2: the route suffix of JSESSIONID) that do not share sessions, behind
  // nginx balancing round robin without affinity: the session is lost wherever a request lands on the other node.
  ...andWithBodies({
    id: 'tomcat-cluster-no-affinity',
    backends: (work, port) =>
      [1, 2].map((n) => ({ ...tomcat(join(work, `node${n}`), port + 50 + n, `node${n}`), port: port + 50 + n })),
    server: roundRobin,
    login: { link: '#login' },
  }),
  ...andLoginAgain(railsCookieStore),
  // Rails's cookie store with `same_site: :strict` (SESSION_SAME_SITE, read by rails/config.ru): _demo_session not
  // sent on the link followed from another site to home (crossSite), sent again when that address is typed.
  {
    ...withServerEnv(railsCookieStore, 'rails-cookie-store-samesite-strict', { SESSION_SAME_SITE: 'strict' }),
    crossSite: { after: '/' },
  },
  // Rails's cookie store, _demo_session without a SameSite attribute (its Set-Cookie: `path=/; HttpOnly`: Lax to
  // Chrome), and the app embedded in another site's iframe (crossSite via 'frame'): the framed /account is a cross-site
  // subresource request, on which Chrome holds _demo_session back (SameSiteUnspecifiedTreatedAsLax), so the frame is
  // sent to the login form (/session/new, whose new _demo_session Chrome does not store in the frame; Rails's
  // X-Frame-Options: SAMEORIGIN keeps the frame from being shown, the requests go out all the same); /account typed
  // after it sends the cookie again and answers as to alice.
  { ...railsCookieStore, id: 'rails-cookie-store-framed', crossSite: { after: '/account', via: 'frame' } },
  // Rails's cookie store, _demo_session without a SameSite attribute (no `same_site`: Lax to Chrome), and a payment
  // provider returning the user to /payment/return (forgery protection skipped: test/frameworks/rails/config.ru) with a
  // form POSTed from its own site (crossSite via post) under a second after the login: within the cookie's first 2
  // minutes, Chrome's Lax+POST still sends it, and the page answers "Payment received for alice"; nothing is lost.
  {
    ...railsCookieStore,
    id: 'rails-cookie-store-cross-site-post',
    crossSite: { after: '/payment/return', via: { post: { order: '42', status: 'paid' } } },
  },
  // Rails's cookie store with `secure: true` (SESSION_SECURE, read by rails/config.ru), opened as http://app.test
  // (plain http on a host that is not loopback by name: no secure context). Rack's session middleware commits no Secure
  // session on a request that is not https (security_matches?): no Set-Cookie at all, the login's redirect home greets
  // a visitor and /account sends the user to the login form.
  {
    ...withServerEnv(railsCookieStore, 'rails-cookie-store-secure-over-http', { SESSION_SECURE: '1' }),
    host: 'app.test',
    afterLogin: ['/account'],
  },
  // Rails's cookie store with `path: '/account'` (SESSION_PATH, read by rails/config.ru): _demo_session is sent to
  // /account only, not to the login (/session/new, /session) or home, which, given no cookie, set a new one (Path
  // /account) over the one before: the logged-in one the login's POST set is replaced by home's, and /account, given
  // the visitor's, sends the user to the login form.
  ...andWithBodies({
    ...withServerEnv(railsCookieStore, 'rails-cookie-store-cookie-path', { SESSION_PATH: '/account' }),
    afterLogin: ['/account', '/', '/account'],
  }),
  // Rails's cookie store opened as http://www.app.test, _demo_session host-only (no `domain`; config.hosts cleared, so
  // any host name is served): on http://app.test/account the cookie is not sent and the user is sent to the login
  // form; back on www it is sent.
  ...andWithBodies({
    ...railsCookieStore,
    id: 'rails-cookie-store-other-host',
    host: 'www.app.test',
    afterLogin: ['http://app.test:{port}/account', '/account'],
  }),
  // Rails's cookie store restarted with another secret_key_base: the encrypted session cookie is unreadable to it.
  ...andWithBodies({
    ...railsCookieStore,
    id: 'rails-cookie-store-key-rotated',
    lose: { how: 'restart', after: '/', env: { SECRET_KEY_BASE: 'r'.repeat(64) } },
  }),
  // Two Rails nodes with the same secret_key_base: the session lives in the cookie, which either node reads, so
  // nothing is lost.
  ...andWithBodies(
    onTwoNodes(
      {
        ...railsCookieStore,
        server: (w, p) => ({ ...railsCookieStore.server(w, p), env: { SECRET_KEY_BASE: 's'.repeat(64) } }),
      },
      'rails-cookie-store-cluster-shared-key',
    ),
  ),
  ...andLoginAgain({
    id: 'aiohttp-encrypted-cookie',
    server: (_work, port) => ({
      command: '/usr/bin/python3',
      args: [join(APPS, 'aiohttp', 'app.py'), String(port)],
      cwd: join(APPS, 'aiohttp'),
    }),
    login: { path: '/login' },
  }),
  node('fastify-secure-session'),
  ...andLoginAgain(node('fastify-session')),
  // fastify-session-cluster-no-affinity: two nodes, each with its own @fastify/session memory store, round robin.
  ...andWithBodies(onTwoNodes(node('fastify-session'), 'fastify-session-cluster-no-affinity')),
  ...andLoginAgain(node('koa-session')),
  // koa-session-cluster-shared-key: two nodes, koa-session's cookie store signed with the same keys, round robin.
  ...andWithBodies(onTwoNodes(node('koa-session'), 'koa-session-cluster-shared-key')),
  ...andLoginAgain(node('express-passport')),
  // express-session's `cookie.sameSite: 'strict'` (SESSION_SAME_SITE, read by node/express-passport.mjs): connect.sid
  // not sent on the link followed from another site to home (crossSite), sent again when that address is typed.
  {
    ...withServerEnv(node('express-passport'), 'express-passport-samesite-strict', { SESSION_SAME_SITE: 'strict' }),
    crossSite: { after: '/' },
  },
  // express-session's default connect.sid (no SameSite attribute: Lax to Chrome) and the app embedded in another
  // site's iframe (crossSite via 'frame'): the framed /account/ is a cross-site subresource request, on which Chrome
  // holds connect.sid back (SameSiteUnspecifiedTreatedAsLax), so the frame is sent to the login form; /account/ typed
  // after it sends the cookie again and answers as to alice.
  { ...node('express-passport'), id: 'express-passport-framed', crossSite: { after: '/account/', via: 'frame' } },
  // express-session's default connect.sid (no SameSite attribute: Lax to Chrome) and a payment provider returning the
  // user to /payment/return (test/frameworks/node/express-passport.mjs) with a form POSTed from its own site (crossSite
  // via post) under a second after the login: within the cookie's first 2 minutes, Chrome's Lax+POST still sends it on
  // a top-level cross-site POST, and the page answers "Payment received for alice"; nothing is lost.
  {
    ...node('express-passport'),
    id: 'express-passport-cross-site-post',
    crossSite: { after: '/payment/return', via: { post: { order: '42', status: 'paid' } } },
  },
  // express-session's `cookie.secure: true` (SESSION_COOKIE_SECURE, read by node/express-passport.mjs) on plain http://
  // at app.test, not loopback (a staging host): express-session sets no connect.sid on a request that is not https, so
  // the login does not stick: home after it and /account/ answer as to a visitor.
  {
    ...withServerEnv(node('express-passport'), 'express-passport-secure-over-http', { SESSION_COOKIE_SECURE: '1' }),
    host: 'app.test',
    afterLogin: ['/account/'],
  },
  // express-session's `cookie.path: '/account/'` (SESSION_COOKIE_PATH, read by node/express-passport.mjs), the login
  // made at /account/login: connect.sid is not sent to home (`/`, outside its Path), where the login's own redirect
  // lands; express-session gives a request outside its Path no session at all, and Passport's session middleware then
  // fails there ("Login sessions require session support": a 500 at every page outside /account/); /account/ keeps
  // alice's session.
  ...andWithBodies({
    ...withServerEnv(node('express-passport'), 'express-passport-cookie-path', { SESSION_COOKIE_PATH: '/account/' }),
    login: { path: '/account/login' },
    afterLogin: ['/account/', '/', '/account/'],
  }),
  // express-session's host-only connect.sid set at www.app.test: /account/ opened at app.test, which the cookie does
  // not cover, sends none and sends the visitor to the login form (a new session there); the same page back on
  // www.app.test sends it and answers as to alice.
  ...andWithBodies({
    ...node('express-passport'),
    id: 'express-passport-other-host',
    host: 'www.app.test',
    afterLogin: ['http://app.test:{port}/account/', '/account/'],
  }),
  withBodies(node('express-passport')),
  // express-session's MemoryStore lost as the server restarts.
  ...andWithBodies({
    ...node('express-passport'),
    id: 'express-passport-restart',
    lose: { how: 'restart', after: '/' },
  }),
  ...andLoginAgain(node('client-sessions')),
  // The session lost on the server: PHP's expired session files (without strict mode PHP takes the unknown ID and
  // starts an empty session under it; with it, it issues a new ID); a memory store's restart.
  ...andWithBodies({ ...php('php-session-expired', {}), lose: { how: expirePhpSessions, after: '/account.php' } }),
  ...andWithBodies({
    ...php('php-session-expired-strict', {}, ['session.use_strict_mode=1']),
    lose: { how: expirePhpSessions, after: '/account.php' },
  }),
  ...andWithBodies({ ...node('fastify-session'), id: 'fastify-session-restart', lose: { how: 'restart', after: '/' } }),
  // A signing key made at start-up: the restart makes every session cookie unreadable to the server.
  ...andWithBodies({
    ...flask('flask-random-secret-restart', { RANDOM_SECRET: '1' }),
    lose: { how: 'restart', after: '/' },
  }),
  // Two Flask nodes, each its own key made at start-up, behind nginx round robin: the other node's cookie unreadable.
  ...andWithBodies(onTwoNodes(flask('flask', { RANDOM_SECRET: '1' }), 'flask-random-secret-cluster')),
  ...andLoginAgain(script('starlette', '/usr/bin/python3', 'starlette', 'app.py')),
  // Starlette's signed cookie session, the server restarted with another secret_key: every session cookie unreadable.
  ...andWithBodies({
    ...script('starlette-key-rotated', '/usr/bin/python3', 'starlette', 'app.py'),
    lose: { how: 'restart', after: '/', env: { STARLETTE_SECRET_KEY: 'rotated-'.repeat(4) } },
  }),
  script('tornado', '/usr/bin/python3', 'tornado', 'app.py'),
  script('bottle', '/usr/bin/python3', 'bottle', 'app.py'),
  ...andLoginAgain(script('cherrypy', '/usr/bin/python3', 'cherrypy', 'app.py')),
  // CherryPy's RAM sessions lost as the server restarts.
  ...andWithBodies({
    ...script('cherrypy-restart', '/usr/bin/python3', 'cherrypy', 'app.py'),
    lose: { how: 'restart', after: '/' },
  }),
  // CherryPy's RAM sessions on two nodes behind nginx round robin without sticky sessions: each node its own sessions.
  ...andWithBodies(
    onTwoNodes(script('cherrypy', '/usr/bin/python3', 'cherrypy', 'app.py'), 'cherrypy-cluster-no-affinity'),
  ),
  ...andLoginAgain(script('pyramid', '/usr/bin/python3', 'pyramid', 'app.py')),
  script('pyramid-authtkt', '/usr/bin/python3', 'pyramid', 'app.py', { AUTHTKT: '1' }),
  script('beaker', '/usr/bin/python3', 'beaker', 'app.py'),
  // Beaker's memory sessions lost as the server restarts.
  ...andWithBodies({
    ...script('beaker-restart', '/usr/bin/python3', 'beaker', 'app.py'),
    lose: { how: 'restart', after: '/' },
  }),
  // Beaker's memory sessions on two nodes behind nginx round robin without sticky sessions: each node its own sessions.
  ...andWithBodies(onTwoNodes(script('beaker', '/usr/bin/python3', 'beaker', 'app.py'), 'beaker-cluster-no-affinity')),
  ...andLoginAgain(script('flask-login', '/usr/bin/python3', 'flask-login', 'app.py')),
  // The same recorded with the bodies of its pages, as DevTools' "Save all as HAR with content" keeps them.
  withBodies(script('flask-login', '/usr/bin/python3', 'flask-login', 'app.py')),
  ...andLoginAgain({ id: 'sinatra', server: (_work, port) => rackup('sinatra', port), login: { path: '/login' } }),
  // Sinatra's default key, made at start-up: the restart makes the encrypted session unreadable; /account then
  // sends the user to the login form.
  ...andWithBodies({
    id: 'sinatra-random-secret-restart',
    server: (_work, port) => rackup('sinatra', port, { env: { RANDOM_SECRET: '1' } }),
    login: { path: '/login' },
    lose: { how: 'restart', after: '/account' },
  }),
  ...andLoginAgain(script('mojolicious', '/usr/bin/perl', 'mojolicious', 'app.pl')),
  ...andLoginAgain(script('dancer2', '/usr/bin/perl', 'dancer2', 'app.pl')),
  // Dancer2's Simple engine keeps its sessions in the process's memory: lost by the server's restart.
  ...andWithBodies({
    ...script('dancer2-restart', '/usr/bin/perl', 'dancer2', 'app.pl'),
    lose: { how: 'restart', after: '/' },
  }),
  // dancer2-cluster-no-affinity: two Dancer2 nodes, each with its own Simple (in-memory) store, round robin.
  ...andWithBodies(onTwoNodes(script('dancer2', '/usr/bin/perl', 'dancer2', 'app.pl'), 'dancer2-cluster-no-affinity')),
  ...andLoginAgain(node('cookie-session')),
  // cookie-session-cluster-different-keys: two nodes, each its own signing key (COOKIE_SESSION_KEY), round robin.
  ...andWithBodies({
    ...node('cookie-session'),
    id: 'cookie-session-cluster-different-keys',
    backends: (work, port) =>
      [1, 2].map((n) => ({
        ...node('cookie-session').server(join(work, `node${n}`), port + 50 + n),
        env: { COOKIE_SESSION_KEY: `the signing key of node${n}` },
        port: port + 50 + n,
      })),
    server: roundRobin,
  }),
  // The signing key rotated: restarted with another key, the signature of every session cookie no longer matches.
  ...andWithBodies({
    ...node('cookie-session'),
    id: 'cookie-session-key-rotated',
    lose: { how: 'restart', after: '/', env: { COOKIE_SESSION_KEY: 'a rotated signing key' } },
  }),
  ...andLoginAgain(node('iron-session')),
  // The password rotated: restarted with another one, every sealed session cookie can no longer be unsealed.
  ...andWithBodies({
    ...node('iron-session'),
    id: 'iron-session-key-rotated',
    lose: {
      how: 'restart',
      after: '/',
      env: { IRON_SESSION_PASSWORD: 'a rotated password of at least thirty-two characters' },
    },
  }),
  ...andLoginAgain(node('hapi-yar')),
  node('hapi-cookie'),
  ...andLoginAgain(laravel),
  // Laravel with config/session.php's `same_site` 'strict' (SESSION_SAME_SITE, read there): laravel_session not sent
  // on the link followed from another site to /account (crossSite), sent again when that address is typed.
  {
    ...withServerEnv(laravel, 'laravel-samesite-strict', { SESSION_SAME_SITE: 'strict' }),
    crossSite: { after: '/account' },
  },
  // Laravel's config/session.php `same_site` 'lax' (explicit in its Set-Cookie) and the app embedded in another site's
  // iframe (crossSite via 'frame'): the framed /account is a cross-site subresource request, on which Chrome holds
  // laravel_session and XSRF-TOKEN back (SameSiteLax); Laravel starts a new session and sends the frame to /login, and
  // Chrome does not store the new cookies in the frame (SameSiteLax), so alice's are kept: /account typed after it
  // sends them again and answers as to alice.
  { ...laravel, id: 'laravel-framed', crossSite: { after: '/account', via: 'frame' } },
  // Laravel's config/session.php `same_site` 'lax' (explicit in its Set-Cookie) and a payment provider returning the
  // user to /payment/return (left out of VerifyCsrfToken: test/frameworks/laravel/routes.php) with a form POSTed from
  // its own site (crossSite via post): Chrome holds laravel_session back (SameSiteLax), Laravel starts a new session and
  // sends the visitor to /login, and its new laravel_session (a Lax cookie may be set on a top-level navigation)
  // replaces alice's: /payment/return typed after it sends the user to the login form again; the user is logged out.
  {
    ...laravel,
    id: 'laravel-cross-site-post',
    crossSite: { after: '/payment/return', via: { post: { order: '42', status: 'paid' } } },
  },
  // Laravel with config/session.php's `secure` true (SESSION_SECURE_COOKIE, read there), opened as http://app.test
  // (plain http on a host that is not loopback by name: no secure context): Chrome rejects the Secure laravel_session
  // and XSRF-TOKEN (SecureOnly), so the login's POST carries no session: its CSRF token is unknown, 419 Page Expired,
  // and /account sends the user to the login form.
  {
    ...withServerEnv(laravel, 'laravel-secure-over-http', { SESSION_SECURE_COOKIE: 'true' }),
    host: 'app.test',
    afterLogin: ['/account'],
  },
  // Laravel with config/session.php's `path` '/account' (SESSION_PATH, read there): laravel_session is sent to
  // /account only, not to the login or home, each of which, given no cookie, starts a new session and sets its
  // laravel_session (Path /account) over the one before: the login's POST carries no session, 419 Page Expired (its CSRF
  // token unknown), and /account, given the visitor's session home set, sends the user to the login form.
  ...andWithBodies({
    ...withServerEnv(laravel, 'laravel-cookie-path', { SESSION_PATH: '/account' }),
    afterLogin: ['/account', '/', '/account'],
  }),
  // Laravel opened as http://www.app.test, its laravel_session host-only (`domain` null; no trusted hosts configured,
  // so any host name is served): on http://app.test/account the cookie is not sent and the user is sent to the login
  // form; back on www it is sent.
  ...andWithBodies({
    ...laravel,
    id: 'laravel-other-host',
    host: 'www.app.test',
    afterLogin: ['http://app.test:{port}/account', '/account'],
  }),
  withBodies(laravel),
  // Two Laravel nodes behind nginx round robin without affinity, each its file sessions in its own directory.
  ...andWithBodies({
    ...laravelCluster('laravel-cluster-no-affinity', (_work, node) => join(node, 'sessions')),
    reopenLogin: true,
  }),
  // The same two nodes, their file sessions in one shared directory (as on a shared volume): nothing is lost.
  ...andWithBodies(laravelCluster('laravel-cluster-shared-sessions', (work) => join(work, 'sessions'))),
  // Its file sessions (SESSION_FILES, in the recording's directory) removed while it runs, as their expiry would.
  ...andWithBodies({ ...laravel, id: 'laravel-session-expired', lose: { how: expirePhpSessions, after: '/account' } }),
  // Its account page's form left open while the file sessions are removed, then submitted: 419 Page Expired (the form's
  // CSRF token was in the lost session), with the bodies of its pages.
  {
    ...laravel,
    id: 'laravel-session-expired-form',
    lose: { how: expirePhpSessions, after: '/account', submit: '#save' },
    bodies: true,
  },
  wordpress,
  withBodies(wordpress),
  // Its login's session tokens (user meta `session_tokens`) deleted in its database, as their expiry would.
  ...andWithBodies({
    ...wordpress,
    id: 'wordpress-session-expired',
    lose: { how: expireWordpressSessionTokens, after: '/wp-admin/profile.php' },
  }),
  authjs,
  ...andLoginAgain(mediawiki),
  // Its second login after its logout, with the bodies of its pages.
  withBodies(loginAgain(mediawiki)),
  withBodies(mediawiki),
  mediawikiRemembered,
  ...andLoginAgain(phpmyadmin),
  withBodies(phpmyadmin),
  ...andLoginAgain(roundcube),
  // Its second login after its logout, with the bodies of its pages.
  withBodies(loginAgain(roundcube)),
  withBodies(roundcube),
  // Roundcube's session rows deleted from its SQLite `session` table while it runs (its expiry).
  ...andWithBodies({
    ...roundcube,
    id: 'roundcube-session-expired',
    lose: { how: expireRoundcubeSessions, after: '/?_task=mail' },
  }),
  ...andLoginAgain(gorilla('gorilla-cookie-store', 'cookie')),
  // gorilla's CookieStore restarted with another key (SESSION_KEY): its signed session cookie no longer verifies.
  ...andWithBodies({
    ...gorilla('gorilla-cookie-store', 'cookie'),
    id: 'gorilla-cookie-store-key-rotated',
    lose: { how: 'restart', after: '/', env: { SESSION_KEY: 'sessionscope recording only: the rotated signing key' } },
  }),
  ...andLoginAgain(gorilla('gorilla-filesystem-store', 'filesystem')),
  ...andLoginAgain(jetty),
  // jetty-cluster-no-affinity: two Jetty nodes, each with its own in-memory sessions and its own workerName (the
  // sessions module: JSESSIONID's suffix .node1 / .node2), round robin.
  ...andWithBodies({
    ...jetty,
    id: 'jetty-cluster-no-affinity',
    backends: (work, port) =>
      [1, 2].map((n) => {
        const node = jetty.server(join(work, `node${n}`), port + 50 + n);
        const args = [...node.args, '--module=sessions', `jetty.sessionIdManager.workerName=node${n}`];
        return { ...node, args, port: port + 50 + n };
      }),
    server: roundRobin,
  }),
  ...andLoginAgain(symfony),
  // Two Symfony nodes behind nginx round robin without affinity, each its own SESSION_DIR (node1/, node2/).
  ...andWithBodies(onTwoNodes(symfony, 'symfony-cluster-no-affinity')),
  // Its session files removed while it runs (as PHP's garbage collection would); /account then sends to the login.
  ...andWithBodies({ ...symfony, id: 'symfony-session-expired', lose: { how: expirePhpSessions, after: '/account' } }),
  ...andLoginAgain(catalyst),
  withBodies(catalyst),
  apache('apache-form-session-crypto', true),
  apache('apache-form-session', false),
  apacheFormSessionDbd,
  ...andLoginAgain(allauth),
  // Its second login after its logout, with the bodies of its pages.
  withBodies(loginAgain(allauth)),
  withBodies(allauth),
  // express-session's MemoryStore on two Node processes behind nginx round robin without sticky sessions.
  ...andWithBodies({
    ...node('express-session-cluster'),
    id: 'express-session-cluster-no-affinity',
    backends: (work, port) =>
      [1, 2].map((n) => ({
        ...node('express-session-cluster').server(work, port + 50 + n),
        port: port + 50 + n,
      })),
    server: roundRobin,
  }),
  node('h3-session'),
  reactRouter('react-router-cookie-session', 'cookie'),
  reactRouter('react-router-memory-session', 'memory'),
  // The memory session storage lost as the server restarts.
  ...andWithBodies({
    ...reactRouter('react-router-memory-session-restart', 'memory'),
    lose: { how: 'restart', after: '/' },
  }),
  betterAuth,
  ...andLoginAgain(adonis),
  ...andLoginAgain(dokuwiki),
  // Its second login after its logout, with the bodies of its pages.
  withBodies(loginAgain(dokuwiki)),
  withBodies(dokuwiki),
  // Its PHP session files (in the recording's directory for this variant alone) removed while it runs, as their
  // expiry would; DokuWiki's own auth cookie (DW<hash>) is still sent.
  ...andWithBodies({
    ...dokuwiki,
    id: 'dokuwiki-session-expired',
    server: (work, port) => {
      mkdirSync(join(work, 'sessions'), { recursive: true });
      const ini = ['-d', `session.save_path=${join(work, 'sessions')}`];
      return { command: 'php', args: [...ini, '-S', `127.0.0.1:${port}`, 'index.php'], cwd: join(work, 'dw') };
    },
    lose: { how: expirePhpSessions, after: '/doku.php?do=profile' },
  }),
  ...andLoginAgain(script('quart', '/usr/bin/python3', 'quart', 'app.py')),
  flaskSession,
  // Flask-Session's session files removed from `work` while it runs (expiry).
  ...andWithBodies({ ...flaskSession, id: 'flask-session-expired', lose: { how: expireFlaskSessions, after: '/' } }),
  // Flask-Session's files on two nodes behind nginx round robin without sticky sessions: each node its own
  // `node<n>/flask_session/` directory, so a session made on one node is unknown on the other.
  ...andWithBodies({
    ...flaskSession,
    id: 'flask-session-cluster-no-affinity',
    backends: (work, port) =>
      [1, 2].map((n) => {
        const node = join(work, `node${n}`);
        mkdirSync(node, { recursive: true });
        return { ...flaskSession.server(node, port + 50 + n), port: port + 50 + n };
      }),
    server: roundRobin,
  }),
  cockpit,
  ikiwiki,
  yesod,
  ...andLoginAgain(zabbix),
  // Its second login after its logout, with the bodies of its pages.
  withBodies(loginAgain(zabbix)),
  withBodies(zabbix),
  // Zabbix's `sessions` rows deleted in its MariaDB while the frontend runs (its expiry).
  ...andWithBodies({
    ...zabbix,
    id: 'zabbix-session-expired',
    lose: { how: expireZabbixSessions, after: '/zabbix.php?action=dashboard.view' },
  }),
  ...andLoginAgain(cacti),
  withBodies(cacti),
  ttrss,
  withBodies(ttrss),
  // Its session rows (ttrss_sessions) deleted in its database while it runs, as their expiry would.
  ...andWithBodies({ ...ttrss, id: 'tt-rss-session-expired', lose: { how: expireTtrssSessions, after: '/prefs.php' } }),
  cas('cas-mod-auth-cas', false),
  cas('cas-mod-auth-cas-single-logout', true),
  nextAuth,
  ...andWithBodies(expressSessionRedis),
  lucia,
  ...andLoginAgain(nestjs),
  withBodies(nestjs),
  // nestjs-passport-session-cluster-no-affinity: two nodes, each its own express-session MemoryStore, round robin.
  ...andWithBodies(onTwoNodes(nestjs, 'nestjs-passport-session-cluster-no-affinity')),
  // express-session's MemoryStore lost as the server restarts.
  ...andWithBodies({ ...nestjs, id: 'nestjs-passport-session-restart', lose: { how: 'restart', after: '/' } }),
  ...andLoginAgain(requestTracker),
  withBodies(requestTracker),
  // RT's session files removed from work/session_data while rt-server runs (its expiry).
  ...andWithBodies({
    ...requestTracker,
    id: 'request-tracker-session-expired',
    lose: { how: expireRtSessions, after: '/' },
  }),
  ...andLoginAgain(redmine('redmine')),
  // Its second login after its logout, with the bodies of its pages.
  withBodies(loginAgain(redmine('redmine'))),
  withBodies(redmine('redmine')),
  redmine('redmine-autologin', '7'),
  // Redmine's session token rows deleted while it runs: its cookie session's `tk` no longer verifies (its expiry).
  ...andWithBodies({
    ...redmine('redmine-session-expired'),
    lose: { how: expireRedmineSessionTokens, after: '/my/account' },
  }),
  jupyter,
  ...andLoginAgain(adminer),
  withBodies(adminer),
  ...andLoginAgain(icingaweb2('icingaweb2', false)),
  withBodies(icingaweb2('icingaweb2', false)),
  // Its PHP session files removed while it runs, as their expiry would.
  ...andWithBodies({
    ...icingaweb2('icingaweb2-session-expired', false),
    lose: { how: expirePhpSessions, after: '/dashboard' },
  }),
  icingaweb2('icingaweb2-remember-me', true),
  laravelRememberMe,
  laravelAppKeyRotated,
  ...andLoginAgain(railsDevise),
  // Its second login after its logout, with the bodies of its pages.
  withBodies(loginAgain(railsDevise)),
  withBodies(railsDevise),
  tomcatSessionTimeout,
  expressSessionCookieExpiry,
  djangoSessionAge,
  railsCookieStoreCookieExpiry,
  sinatraCookieExpiry,
  symfonyCookieExpiry,
  cherrypyCookieExpiry,
  tomcatCookieExpiry,
  flaskCookieExpiry,
  phpNativeCookieExpiry,
  laravelCookieExpiry,
  koaSessionCookieExpiry,
  starletteCookieExpiry,
  honoSessions('hono-sessions-cookie', 'cookie'),
  ...andLoginAgain(honoSessions('hono-sessions-memory', 'memory')),
  // hono-sessions-memory-cluster-no-affinity: two nodes, each its own hono-sessions MemoryStore, round robin.
  ...andWithBodies(
    onTwoNodes(honoSessions('hono-sessions-memory', 'memory'), 'hono-sessions-memory-cluster-no-affinity'),
  ),
  // hono-sessions' MemoryStore lost as the server restarts.
  ...andWithBodies({
    ...honoSessions('hono-sessions-memory-restart', 'memory'),
    lose: { how: 'restart', after: '/' },
  }),
  sails,
  ...andLoginAgain(postfixadmin),
  withBodies(postfixadmin),
  simplesamlphp,
  // The same recorded with the bodies of its pages, as DevTools' "Save all as HAR with content" keeps them.
  withBodies(simplesamlphp),
  ...andLoginAgain(horde),
  // Its second login after its logout, with the bodies of its pages.
  withBodies(loginAgain(horde)),
  withBodies(horde),
  keystone,
  withBodies(keystone),
  directus,
  withBodies(directus),
  phpldapadmin('phpldapadmin', 'session'),
  phpldapadmin('phpldapadmin-cookie-auth', 'cookie'),
  oidc,
  deluge,
  // The same recorded with the bodies of its pages, as DevTools' "Save all as HAR with content" keeps them.
  withBodies(deluge),
  delugeLoginAgain,
  ...andLoginAgain(znc),
  // ZNC restarted: its web sessions lived in memory (its configs/ written afresh, as at the first start).
  ...andWithBodies({
    ...znc,
    id: 'znc-restart',
    server: (work, port) => {
      rmSync(join(work, 'configs'), { recursive: true, force: true });
      return znc.server(work, port);
    },
    lose: { how: 'restart', after: '/mods/global/webadmin/' },
  }),
  expressSessionPg,
  egg,
  adminjs,
  withBodies(adminjs),
  ...andLoginAgain(cgiSession),
  // CGI::Session's files (work/sessions) removed while Apache runs, as its expiry would.
  ...andWithBodies({ ...cgiSession, id: 'cgi-session-expired', lose: { how: expireCgiSessions, after: '/' } }),
  ...andLoginAgain(ldapAccountManager),
  withBodies(ldapAccountManager),
  qbittorrent,
  // qbittorrent-nox restarted: its Web UI sessions lived in memory.
  ...andWithBodies({ ...qbittorrent, id: 'qbittorrent-restart', lose: { how: 'restart', after: '/' } }),
  davical,
  script('twisted-session', '/usr/bin/python3', 'twisted', 'app.py'),
  // Twisted's sessions (in the Site's memory) lost as the server restarts.
  ...andWithBodies({
    ...script('twisted-session-restart', '/usr/bin/python3', 'twisted', 'app.py'),
    lose: { how: 'restart', after: '/' },
  }),
  webpy,
  // web.py's DiskStore files removed from `work` while it runs (expiry).
  ...andWithBodies({ ...webpy, id: 'webpy-session-expired', lose: { how: expireWebpySessions, after: '/' } }),
  lemonldapNg,
  saml,
  samlSingleLogout,
  slim,
  // Its PHP session files removed while it runs (as PHP's garbage collection would); /account then sends to the login.
  ...andWithBodies({ ...slim, id: 'slim-native-session-expired', lose: { how: expirePhpSessions, after: '/account' } }),
  ...andLoginAgain(plackSession),
  // Plack::Session::Store's default in-memory store: lost by plackup's restart.
  ...andWithBodies({ ...plackSession, id: 'plack-session-restart', lose: { how: 'restart', after: '/' } }),
  // plack-session-cluster-no-affinity: two plackup nodes, each with its own in-memory store, round robin.
  ...andWithBodies(onTwoNodes(plackSession, 'plack-session-cluster-no-affinity')),
  script('dancer', '/usr/bin/perl', 'dancer', 'app.pl'),
  script('dancer-samesite-lax', '/usr/bin/perl', 'dancer', 'app.pl', { SESSION_SAME_SITE: 'Lax' }),
  cgiApplication,
  rackSessionPool,
  // Rack::Session::Pool's sessions live in the process's memory: lost by rackup's restart.
  ...andWithBodies({ ...rackSessionPool, id: 'rack-session-pool-restart', lose: { how: 'restart', after: '/' } }),
  // rack-session-pool-cluster-no-affinity: two rackup nodes, each with its own Rack::Session::Pool, round robin.
  ...andWithBodies({
    ...rackSessionPool,
    id: 'rack-session-pool-cluster-no-affinity',
    backends: (_work, port) =>
      [1, 2].map((n) => ({ ...rackup('rack-session', port + 50 + n, { webrick: true }), port: port + 50 + n })),
    server: roundRobin,
  }),
  ...andLoginAgain(macaron),
  // go-macaron/session's memory provider: the sessions lost by the server's restart.
  ...andWithBodies({ ...macaron, id: 'macaron-session-restart', lose: { how: 'restart', after: '/' } }),
  ginJwt,
  thinkjsSession,
  ...andLoginAgain(buildbot),
  // The same recorded with the bodies of its pages, as DevTools' "Save all as HAR with content" keeps them.
  withBodies(buildbot),
  ...andLoginAgain(flaskSecurity),
  withBodies(flaskSecurity),
  graphiteWeb,
  parseDashboard,
  ...andLoginAgain(zoneminder),
  withBodies(zoneminder),
  apacheOpenidc,
  gosa,
  codeServer,
  apacheAuthTkt,
  apacheAuthCookie,
  apacheAuthPubtkt,
  ...andLoginAgain(sinatraWarden),
  withBodies(sinatraWarden),
  // Mojolicious::Plugin::Authentication (Debian's package): `authenticate` / `logout` in the default session cookie.
  ...andLoginAgain(script('mojolicious-authentication', '/usr/bin/perl', 'mojolicious-authentication', 'app.pl')),
  // The same recorded with the bodies of its pages, as DevTools' "Save all as HAR with content" keeps them.
  withBodies(script('mojolicious-authentication', '/usr/bin/perl', 'mojolicious-authentication', 'app.pl')),
  ghost,
  strapi,
  apacheMellon,
  djangoCasServerPhpcas,
  sogo,
  // The same recorded with the bodies of its pages, as DevTools' "Save all as HAR with content" keeps them.
  withBodies(sogo),
  astroSession,
  djangoOtp,
  withBodies(djangoOtp),
  djangoAxes,
  withBodies(djangoAxes),
  flaskJwtExtended,
  bottleCork,
  flaskAuthlibOidc,
  socialDjangoOidc,
  sinatraOmniauth,
  djangosaml2,
  shibbolethSp,
  djangoCasclient,
  openstackHorizon,
  ledgersmb,
  nodeRed,
  sympa,
  // The same recorded with the bodies of its pages, as DevTools' "Save all as HAR with content" keeps them.
  withBodies(sympa),
  payload,
  withBodies(payload),
  trytonSao,
  // The same recorded with the bodies of its pages, as DevTools' "Save all as HAR with content" keeps them.
  withBodies(trytonSao),
  medusa,
  // The same recorded with the bodies of its pages, as DevTools' "Save all as HAR with content" keeps them.
  withBodies(medusa),
  evershop,
  // The same recorded with the bodies of its pages, as DevTools' "Save all as HAR with content" keeps them.
  withBodies(evershop),
  syncthing,
  // Syncthing restarted: its GUI sessions (1.19) lived in memory.
  ...andWithBodies({ ...syncthing, id: 'syncthing-restart', lose: { how: 'restart', after: '/' } }),
  rabbitmqManagement,
  cups,
  cupsPrinters,
  monit,
  // The same recorded with the bodies of its pages, as DevTools' "Save all as HAR with content" keeps them.
  withBodies(monit),
  verdaccio,
  mailman3Web,
  // The same recorded with the bodies of its pages, as DevTools' "Save all as HAR with content" keeps them.
  withBodies(mailman3Web),
  nuxtAuthUtils,
  blitzAuth,
  vendure,
  fossil,
  // The same recorded with the bodies of its pages, as DevTools' "Save all as HAR with content" keeps them.
  withBodies(fossil),
  transmission,
  nagios4,
  // The same recorded with the bodies of its pages, as DevTools' "Save all as HAR with content" keeps them.
  withBodies(nagios4),
  totaljsSession,
  // Total.js's sessions lost as the server restarts: kept in memory (databases/sessions.txt, written 10 s after a
  // change, is read back without their data, this app having no `ondata`): getcookie() then clears the cookie.
  ...andWithBodies({ ...totaljsSession, id: 'totaljs-session-restart', lose: { how: 'restart', after: '/' } }),
  ...andLoginAgain(raneto),
  // express-session's MemoryStore lost as the server restarts; a page's editor (/welcome/edit) needs the login.
  ...andWithBodies({ ...raneto, id: 'raneto-restart', lose: { how: 'restart', after: '/welcome/edit' } }),
  ...andLoginAgain(nagvis),
  withBodies(nagvis),
  ...andLoginAgain(shaarli),
  // Its second login after its logout, with the bodies of its pages.
  withBodies(loginAgain(shaarli)),
  withBodies(shaarli),
  ...andLoginAgain(ocsinventoryReports),
  withBodies(ocsinventoryReports),
  gitit,
  // Gitit (Happstack) keeps its sessions in memory: lost by its restart. Its login form opened by path (the lose
  // recording submits on the page it opens; `destination` as its link gives it); after it, editing needs the login.
  ...andWithBodies({
    ...gitit,
    id: 'gitit-restart',
    login: { path: '/_login?destination=%2F' },
    lose: { how: 'restart', after: '/_edit/Front%20Page' },
  }),
  sqwebmail,
  // The same recorded with the bodies of its pages, as DevTools' "Save all as HAR with content" keeps them.
  withBodies(sqwebmail),
  sveltekitCookieSession,
  pouchdbServer,
  ...andLoginAgain(jupyterhub),
  // The same recorded with the bodies of its pages, as DevTools' "Save all as HAR with content" keeps them.
  withBodies(jupyterhub),
  // Two apps on one host at two ports (`neighbour`, the second on port + 70), each with a session of its own under the
  // same cookie name: cookies do not isolate ports, so the second app's session cookie replaces the first's, and back
  // on the first app the user is logged out. Flask's `session` signed with another key there (RANDOM_SECRET): the
  // first app's cookie is a bad signature to it, a visitor's; its login's `session` replaces alice's, which /account/
  // here then refuses (the login form).
  ...andWithBodies({
    ...flask('flask'),
    id: 'flask-neighbour-app',
    neighbour: { after: '/account/', env: { RANDOM_SECRET: '1' } },
  }),
  // Tomcat, each its own CATALINA_BASE: JSESSIONID (Path /, the ROOT webapp) from the first is unknown to the second,
  // whose home starts a session over it; back on the first, the second's ID is unknown there.
  {
    id: 'tomcat-neighbour-app',
    server: (work, port) => tomcat(work, port),
    login: { link: '#login' },
    neighbour: { after: '/account.jsp' },
  },
  // Django on www.app.test and a second Django project on admin.app.test, each with SESSION_COOKIE_DOMAIN=app.test (the
  // session shared across the site's hosts, as Django's documentation suggests for subdomains): both `sessionid`
  // cookies are one cookie of app.test, and each project's answer replaces the other's session.
  {
    ...withServerEnv(
      django('django-db', 'django.contrib.sessions.backends.db'),
      'django-db-neighbour-app-cookie-domain',
      { SESSION_COOKIE_DOMAIN: 'app.test' },
    ),
    host: 'www.app.test',
    neighbour: { after: '/accounts/profile/', host: 'admin.app.test', env: { DJANGO_SECRET_KEY: 'y'.repeat(50) } },
  },
  // Django on www.app.test with its default host-only sessionid, a second project on admin.app.test with
  // SESSION_COOKIE_DOMAIN=app.test: its cookie is sent to www too, beside www's own, and Django reads the last of two.
  {
    ...django('django-db-neighbour-app-domain-shadows', 'django.contrib.sessions.backends.db'),
    host: 'www.app.test',
    neighbour: {
      after: '/accounts/profile/',
      host: 'admin.app.test',
      env: { DJANGO_SECRET_KEY: 'y'.repeat(50), SESSION_COOKIE_DOMAIN: 'app.test' },
    },
  },
  // PHP on www.app.test and on admin.app.test, each with session.cookie_domain=app.test and its own session files.
  {
    ...php('php-native-neighbour-app-cookie-domain', {}, ['session.cookie_domain=app.test']),
    host: 'www.app.test',
    neighbour: { after: '/account.php', host: 'admin.app.test' },
  },
  // A Domain deployed under logged-in users: PHP on www.app.test, host-only PHPSESSID at the login; restarted with
  // session.cookie_domain=app.test (its session files kept). The logout's deletion names Domain=app.test and leaves the
  // host-only cookie; the login again sets the new ID under Domain=app.test beside it, and the browser sends both, the
  // older first, which PHP reads: the user is logged out as soon as logged in (/account.php, the login form).
  {
    ...php('php-native-cookie-domain-redeployed', {}),
    host: 'www.app.test',
    redeploy: {
      server: php('php-native-cookie-domain-redeployed', {}, ['session.cookie_domain=app.test']).server,
      after: '/account.php',
    },
  },
  // The same with Django (SESSION_COOKIE_DOMAIN=app.test deployed), which reads the last of two cookies of one name:
  // the login again holds, though both are sent.
  {
    ...django('django-db-cookie-domain-redeployed', 'django.contrib.sessions.backends.db'),
    host: 'www.app.test',
    redeploy: {
      server: withServerEnv(django('django-db', 'django.contrib.sessions.backends.db'), 'django-db', {
        SESSION_COOKIE_DOMAIN: 'app.test',
      }).server,
      after: '/accounts/profile/',
    },
  },
  // Rails' cookie store, two apps of the same name (`_demo_session`) with keys of their own (SECRET_KEY_BASE): each
  // cannot decrypt the other's cookie.
  {
    ...railsCookieStore,
    id: 'rails-cookie-store-neighbour-app',
    neighbour: { after: '/account', env: { SECRET_KEY_BASE: 'n'.repeat(64) } },
  },
  // express's cookie-session: the second app signs `session` with another key (COOKIE_SESSION_KEY): the first's
  // `session.sig` does not verify there, and each app writes a visitor's session over the other's.
  {
    ...node('cookie-session'),
    id: 'cookie-session-neighbour-app',
    neighbour: { after: '/', env: { COOKIE_SESSION_KEY: 'another signing key' } },
  },
  // The control: both sign with one key, so the session kept in the cookie is one session to both, signed in at both.
  { ...node('cookie-session'), id: 'cookie-session-neighbour-app-shared-key', neighbour: { after: '/' } },
  // Starlette's SessionMiddleware with another secret_key on the second app (STARLETTE_SECRET_KEY).
  {
    ...script('starlette-neighbour-app', '/usr/bin/python3', 'starlette', 'app.py'),
    neighbour: { after: '/', env: { STARLETTE_SECRET_KEY: 'neighbour-'.repeat(4) } },
  },
  // Two frameworks, one cookie name: Flask here and Starlette's SessionMiddleware on the second port (a Flask admin
  // beside a Starlette or FastAPI service on one machine), both calling their signed session cookie `session`.
  {
    ...flask('flask'),
    id: 'flask-starlette-neighbour-apps',
    neighbour: { after: '/account/', server: script('starlette', '/usr/bin/python3', 'starlette', 'app.py').server },
  },
  // @fastify/session's memory store, each process its own: the first app's sessionId is unknown to the second.
  { ...node('fastify-session'), id: 'fastify-session-neighbour-app', neighbour: { after: '/' } },
  // The control: the second Flask app names its cookie `other_session` (SESSION_COOKIE_NAME): both sessions live side
  // by side and nothing is lost.
  {
    ...flask('flask'),
    id: 'flask-neighbour-app-own-cookie',
    neighbour: { after: '/account/', env: { RANDOM_SECRET: '1', SESSION_COOKIE_NAME: 'other_session' } },
  },
  // express-session's `connect.sid`, each process its own MemoryStore: the second app does not know the first's ID and
  // issues a visitor's at its home (saveUninitialized), then regenerates it at its login; /account/ here is then sent to
  // the login form.
  { ...node('express-passport'), id: 'express-passport-neighbour-app', neighbour: { after: '/account/' } },
  // PHP's native sessions, each server its own session files: PHPSESSID from the first is an unknown ID to the second,
  // which takes it (no strict mode) until its login's session_regenerate_id sets another, unknown to the first.
  ...andWithBodies({ ...php('php-native-neighbour-app', {}), neighbour: { after: '/account.php' } }),
  // Django, each project its own database and SECRET_KEY: the login there cycles `sessionid` over alice's.
  {
    ...django('django-db-neighbour-app', 'django.contrib.sessions.backends.db'),
    neighbour: { after: '/accounts/profile/', env: { DJANGO_SECRET_KEY: 'y'.repeat(50) } },
  },
  // Laravel, each app its own APP_KEY and session files: the first app's laravel_session and XSRF-TOKEN cannot be
  // decrypted by the second, whose first page sets its own over them.
  {
    ...laravel,
    id: 'laravel-neighbour-app',
    neighbour: { after: '/account', env: { APP_KEY: 'base64:bmVpZ2hib3VyLWFwcC1zZXNzaW9uc2NvcGUta2V5ISE=' } },
  },
  // Django's cache sessions (SESSION_ENGINE `cache`) on Django's default cache, each process's own LocMemCache: the
  // sessions live in the server's memory, the users in its database, so a restart after the login loses the session:
  // home, which writes the session, starts a new one for the unknown key, and /accounts/profile/ sends the visitor to
  // the login form.
  ...andWithBodies({
    ...django('django-cache-restart', 'django.contrib.sessions.backends.cache'),
    lose: { how: 'restart', after: '/accounts/profile/' },
  }),
  // The same cache sessions on two Django processes that share one database (the users) behind nginx round robin
  // without affinity, each its own memory: the login's session lives on the node that answered the login's POST only.
  ...andWithBodies({
    ...django('django-cache-cluster-no-affinity', 'django.contrib.sessions.backends.cache'),
    backends: (work, port) =>
      [1, 2].map((n) => ({
        ...django('django-cache', 'django.contrib.sessions.backends.cache').server(work, port + 50 + n),
        port: port + 50 + n,
      })),
    server: roundRobin,
  }),
  // Session cookies the browser refuses to store, so the login never sticks: Chrome keeps none of them and the next
  // pages answer as to a visitor.
  // Django's sessionid with SESSION_COOKIE_SAMESITE = 'None' and no Secure (a site embedded in another, set up without
  // HTTPS): Chrome refuses a SameSite=None cookie without Secure (SameSiteNoneInsecure).
  {
    ...withServerEnv(django('django-db', 'django.contrib.sessions.backends.db'), 'django-db-samesite-none-insecure', {
      SESSION_COOKIE_SAMESITE: 'None',
    }),
    afterLogin: ['/accounts/profile/'],
  },
  // Flask's session cookie with SESSION_COOKIE_SAMESITE = 'None' and no Secure: the same refusal.
  {
    ...withServerEnv(flask('flask'), 'flask-samesite-none-insecure', { SESSION_COOKIE_SAMESITE: 'None' }),
    afterLogin: ['/account/'],
  },
  // express-session's connect.sid under Passport with `cookie.sameSite: 'none'` and no `secure` (SESSION_SAME_SITE):
  // the same refusal of every connect.sid.
  {
    ...withServerEnv(node('express-passport'), 'express-passport-samesite-none-insecure', {
      SESSION_SAME_SITE: 'none',
    }),
    afterLogin: ['/account/'],
  },
  // Flask's session cookie renamed `__Host-session` (SESSION_COOKIE_NAME) without SESSION_COOKIE_SECURE: a __Host-
  // cookie must be Secure, so Chrome refuses it (InvalidPrefix) at every answer that sets it.
  {
    ...withServerEnv(flask('flask'), 'flask-host-prefix-insecure', { SESSION_COOKIE_NAME: '__Host-session' }),
    afterLogin: ['/account/'],
  },
  // Flask's signed session with 3,000 random bytes of profile the login adds (SESSION_PROFILE_BYTES, read by
  // flask/app.py): the cookie outgrows the 4096 bytes a browser keeps (NameValuePairExceedsMaxSize), Chrome drops the
  // login's Set-Cookie and keeps the visitor's cookie it had, so the user is not logged in.
  ...andWithBodies({
    ...withServerEnv(flask('flask'), 'flask-cookie-too-large', { SESSION_PROFILE_BYTES: '3000' }),
    afterLogin: ['/account/'],
  }),
  // PHP's native sessions with a cookie-consent script on home (CONSENT_SCRIPT, read by php/index.php) that deletes
  // every cookie but its essential list, PHPSESSID among them (no HttpOnly, PHP's default): the login's redirect to
  // home loses the session in the browser, and /account.php after it sends the visitor to the login form.
  ...andWithBodies({ ...php('php-native-consent-script', { CONSENT_SCRIPT: '1' }), afterLogin: ['/account.php'] }),
  // PHP with a script on home that sets 200 cookies of its own (COOKIE_FLOOD, read by php/index.php): past the 180
  // Chrome keeps for a site, it evicts the least recently used, PHPSESSID among them.
  { ...php('php-native-cookie-flood', { COOKIE_FLOOD: '200' }), afterLogin: ['/account.php'] },
];

/** The first app's port; `FIRST_PORT=…` moves them, so that two recordings can run at once. */
const FIRST_PORT = Number(process.env.FIRST_PORT ?? 9201);

function start(server: Server): ChildProcess {
  return spawn(server.command, [...server.args], {
    cwd: server.cwd,
    env: { ...process.env, ...server.env },
    stdio: 'ignore',
  });
}

async function run(server: Server): Promise<void> {
  const child = start(server);
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  if (code !== 0) throw new Error(`${server.command} ${server.args.join(' ')} exited with ${code}`);
}

async function waitForPort(port: number, child: ChildProcess): Promise<void> {
  for (let i = 0; i < 300; i++) {
    if (child.exitCode !== null) throw new Error(`the server exited with ${child.exitCode} before listening`);
    const open = await new Promise<boolean>((resolve) => {
      const socket = connect(port, '127.0.0.1');
      socket.on('connect', () => {
        socket.end();
        resolve(true);
      });
      socket.on('error', () => resolve(false));
    });
    if (open) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`nothing listened on port ${port} within 30 s`);
}

/** With `ready`: until a GET of `path` (its redirects not followed) is answered below 400, for 30 s at most. */
async function waitForPath(port: number, path: string, child: ChildProcess): Promise<void> {
  for (let i = 0; i < 300; i++) {
    if (child.exitCode !== null) throw new Error(`the server exited with ${child.exitCode} before it was ready`);
    const status = await fetch(`http://127.0.0.1:${port}${path}`, { redirect: 'manual' }).then(
      (response) => response.status,
      () => 599,
    );
    if (status < 400) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`http://127.0.0.1:${port}${path} was not ready within 30 s`);
}

const USUAL_FORM = { username: 'input[name=username]', password: 'input[name=password]', submit: 'button' };

/** Once the page has moved on through every `<meta http-equiv="refresh">` to one without any, loaded. */
async function refreshed(page: Page): Promise<void> {
  await page.waitForFunction(
    () => document.readyState === 'complete' && document.querySelector('meta[http-equiv="refresh" i]') === null,
    { polling: 100 },
  );
}

/**
 * An in-page step (a submit, the last logout click) done: the network idle for the framework's wait (its
 * `reloadingDismiss` or `idleAfterLoad` time, else 500 ms), its requests pending for good tolerated.
 */
async function settleInPage(page: Page, framework: Framework): Promise<void> {
  await page.waitForNetworkIdle({
    idleTime: framework.reloadingDismiss?.idleTime ?? framework.idleAfterLoad?.idleTime ?? 500,
    concurrency: framework.pendingForGood ?? 0,
  });
}

/** With `httpAuth`: the password the next HTTP authentication dialog is answered with (once), if any. */
let dialogPassword: string | undefined;

async function submit(page: Page, framework: Framework, password: string): Promise<void> {
  if (framework.httpAuth) {
    // A moment for the page's favicon, its dialog closed, to be answered too.
    await new Promise((r) => setTimeout(r, 500));
    dialogPassword = password;
    await page.reload();
    return;
  }
  const form = framework.form ?? USUAL_FORM;
  // A form rendered by script after the page's load (Directus's Data Studio): waited for.
  const dismiss = framework.dismiss !== undefined ? await page.$(framework.dismiss) : null;
  // SOGo's message replaces the form, and its button reloads the page: the form waited for then.
  if (framework.reloadingDismiss && dismiss !== null && (await dismiss.isVisible())) {
    await dismiss.click();
    await page.waitForNetworkIdle({ idleTime: framework.reloadingDismiss.idleTime });
  }
  if (framework.userFirst !== undefined) {
    const { username, submit: next } = framework.userFirst;
    // Which of the two is shown (sao keeps its login dialog, hidden, under the password dialog).
    const asked = await page.waitForFunction(
      (...selectors: string[]) =>
        selectors.find((selector) => document.querySelector(selector)?.checkVisibility() === true) ?? false,
      {},
      username,
      form.password,
    );
    if ((await asked.jsonValue()) === username) {
      await page.type(username, framework.user ?? 'alice');
      await page.click(next);
    }
    await page.waitForSelector(form.password, { visible: true });
  }
  if (framework.openForm !== undefined && (await page.$(form.password)) === null) {
    const opener = await page.waitForSelector(framework.openForm, { visible: true });
    await opener?.click();
    await page.waitForSelector(form.password, { visible: true });
  }
  await page.waitForSelector(form.password);
  if (!framework.reloadingDismiss && dismiss !== null && (await dismiss.isVisible())) {
    await dismiss.click();
    if (framework.dismissFades !== undefined && framework.dismiss !== undefined) {
      await page.waitForSelector(framework.dismiss, { hidden: true });
      await new Promise((r) => setTimeout(r, framework.dismissFades));
    }
  }
  // A form shown again after a wrong password may keep the user name typed (WordPress does): typed afresh.
  if (form.username !== null) {
    await page.$eval(form.username, (input) => {
      (input as HTMLInputElement).value = '';
    });
    await page.type(form.username, framework.user ?? 'alice');
  }
  // DokuWiki's and ikiwiki's forms fill their fields from the request, the wrong password too; Cockpit's keeps it in
  // place: cleared before typing.
  await page.$eval(form.password, (input) => {
    (input as HTMLInputElement).value = '';
  });
  await page.type(form.password, password);
  for (const [selector, value] of Object.entries(framework.fields ?? {})) {
    await page.$eval(selector, (input) => {
      (input as HTMLInputElement).value = '';
    });
    await page.type(selector, value);
  }
  // Ticked unless the form shown again after the wrong password kept it ticked (Icinga Web 2's does): a click would
  // untick it. The selector may name the checkbox or a label of it (Icinga's toggle switch hides the box itself).
  if (framework.remember) {
    const ticked = await page.$eval(framework.remember, (element) => {
      const box = element instanceof HTMLLabelElement ? element.control : element;
      return (box as HTMLInputElement | null)?.checked === true;
    });
    if (!ticked) await page.click(framework.remember);
  }
  if (framework.inPage) {
    await page.click(form.submit);
    await settleInPage(page, framework);
    return;
  }
  if (framework.scriptLogin === undefined) {
    await Promise.all([page.waitForNavigation(), page.click(form.submit)]);
    if (framework.metaRefresh) await refreshed(page);
    if (framework.idleAfterLoad) await settleInPage(page, framework);
    return;
  }
  // The form stays in place after a wrong password: done when the script's request is answered, and, where it
  // succeeded (a redirect too: Buildbot's /auth/login, which the script's fetch follows), once the page it then opens
  // has loaded.
  const navigated = page.waitForNavigation();
  navigated.catch(() => undefined);
  const request = framework.scriptLogin.request;
  const answered = page.waitForResponse(
    (r) => new URL(r.url()).pathname === request && r.request().headers().authorization !== undefined,
  );
  await page.click(form.submit);
  if ((await answered).status() < 400) await navigated;
}

/**
 * Clicks `#logout`, or the app's own logout, which may go through script (a form it builds and posts, an API call,
 * then a new location) and change the page's history on the way: done when a page has loaded after the click.
 */
async function logOut(page: Page, framework: Framework): Promise<void> {
  if (framework.logout === undefined) {
    await Promise.all([page.waitForNavigation(), page.click('#logout')]);
    if (framework.metaRefresh) await refreshed(page);
    return;
  }
  // Several selectors: a menu opened, or a page opened (ikiwiki's Preferences), before the last one logs out.
  const selectors = [framework.logout].flat();
  for (const [i, selector] of selectors.entries()) {
    const landed =
      i === selectors.length - 1 && !framework.inPage
        ? page.waitForResponse(
            // Not a redirect: a page, or a page revalidated (ikiwiki's static home, 304).
            (r) =>
              r.request().isNavigationRequest() &&
              r.request().frame() === page.mainFrame() &&
              (r.status() < 300 || r.status() === 304),
          )
        : undefined;
    // Awaited below; a click that fails first must not leave it rejecting unheard (the process would die before its
    // servers are stopped, and the next run would record them).
    landed?.catch(() => undefined);
    // Waited for, the first too: a page built by script after its load (tt-rss's Dojo widgets) shows its menu late.
    // `hover:` before a selector points at it without clicking (Cacti's user menu opens on hover, a click closes it).
    if (i > 0 && framework.menuSettle !== undefined) await new Promise((r) => setTimeout(r, framework.menuSettle));
    const hover = selector.startsWith('hover:');
    // `sessionInUrl`'s frame: the logout link looked for in the frame whose address has that part (once it is there).
    const frame = framework.sessionInUrl?.frame;
    const scope =
      frame === undefined
        ? page
        : await page.waitForFrame((f) => f.url().includes(frame) && f !== page.mainFrame(), { timeout: 10_000 });
    const element = await scope.waitForSelector(hover ? selector.slice('hover:'.length) : selector, { visible: true });
    await (hover ? element?.hover() : element?.click());
    await landed;
    if (framework.inPage && i === selectors.length - 1) {
      await settleInPage(page, framework);
    }
    await page.waitForFunction(() => document.readyState === 'complete');
  }
}

/** Home twice, the login form, a wrong password, the right one, home, log out, home. */
async function browseLogInLogOut(page: Page, base: string, framework: Framework): Promise<void> {
  const home = `${base}${framework.home ?? '/'}`;
  // A page opened by its address; where `idleAfterLoad`, once the requests its script makes after the load are done.
  const open = async (url: string) => {
    await page.goto(url);
    if (framework.idleAfterLoad) {
      await page.waitForNetworkIdle({
        idleTime: framework.idleAfterLoad.idleTime,
        concurrency: framework.pendingForGood ?? 0,
      });
    }
  };
  await open(home);
  if ('link' in framework.login) {
    await Promise.all([page.waitForNavigation(), page.click(framework.login.link)]);
  } else {
    await open(home);
    await open(`${base}${framework.login.path}`);
  }
  if (!framework.anyPassword) await submit(page, framework, framework.wrongPassword ?? 'wrong');
  if (framework.lockout && 'path' in framework.login) {
    // The second wrong password locks the account out; the right one, tried on the form opened again, is refused.
    const form = framework.form ?? USUAL_FORM;
    const loginPage = `${base}${framework.login.path}`;
    const again = async () => {
      if ((await page.$(form.password)) === null) await page.goto(loginPage);
    };
    await again();
    await submit(page, framework, framework.wrongPassword ?? 'wrong');
    await again();
    await submit(page, framework, framework.password ?? 'secret');
    await page.goto(home);
    return;
  }
  const posted = framework.autoPost
    ? page.waitForResponse(
        (r) =>
          r.request().isNavigationRequest() &&
          r.url().startsWith(`${base}/`) &&
          r.request().method() === 'GET' &&
          r.status() < 300,
      )
    : undefined;
  posted?.catch(() => undefined);
  const loginForm = framework.form ?? USUAL_FORM;
  if (framework.reopenLogin && 'path' in framework.login && (await page.$(loginForm.password)) === null) {
    await open(`${base}${framework.login.path}`);
  }
  await submit(page, framework, framework.password ?? 'secret');
  if (posted !== undefined) {
    await posted;
    await page.waitForFunction(() => document.readyState === 'complete');
  }
  if (framework.consent !== undefined && (await page.$(framework.consent)) !== null) {
    await Promise.all([page.waitForNavigation(), page.click(framework.consent)]);
  }
  // A session in the address alone: the page the login led to (its address the session's) opened again as home.
  await open(framework.sessionInUrl ? page.url() : home);
  await logOut(page, framework);
  await open(home);
  if (framework.loginAgain) {
    if ('link' in framework.login) await Promise.all([page.waitForNavigation(), page.click(framework.login.link)]);
    else await open(`${base}${framework.login.path}`);
    await submit(page, framework, framework.password ?? 'secret');
    await open(framework.sessionInUrl ? page.url() : home);
  }
}

/**
 * Home, the login form, the right password, home; the server loses the session; the page `after` (with `submit`: the
 * page `after` opened before the loss, its form submitted after it).
 */
async function logInAndLose(page: Page, base: string, framework: Framework, lose: () => Promise<void>): Promise<void> {
  await page.goto(`${base}/`);
  await page.goto(`${base}${'path' in framework.login ? framework.login.path : '/'}`);
  await submit(page, framework, framework.password ?? 'secret');
  await page.goto(`${base}/`);
  const form = framework.lose?.submit;
  if (form !== undefined) await page.goto(`${base}${framework.lose?.after ?? '/'}`);
  await lose();
  if (form !== undefined) await Promise.all([page.waitForNavigation(), page.click(form)]);
  else await page.goto(`${base}${framework.lose?.after ?? '/'}`);
}

/**
 * Home, the login form, the right password, home; then the page of another site (`other`, a crossSiteServer's) whose
 * link `#go` to the page `after` is clicked (a cross-site navigation); `after` opened again by its address; home.
 */
async function logInAndCrossSite(page: Page, base: string, framework: Framework, after: string, other: string) {
  await page.goto(`${base}/`);
  await page.goto(`${base}${'path' in framework.login ? framework.login.path : '/'}`);
  await submit(page, framework, framework.password ?? 'secret');
  await page.goto(`${base}/`);
  await page.goto(other);
  if (framework.crossSite?.via === 'frame') {
    // The framed page and what it loads, then a moment for its own scripts' requests.
    await page.waitForNetworkIdle({ idleTime: 300 });
  } else await Promise.all([page.waitForNavigation(), page.click('#go')]);
  await page.goto(`${base}${after}`);
  await page.goto(`${base}/`);
}

/**
 * Home, the login form, the right password, home; then each of `pages` (a path on the app's host, or a whole address),
 * opened by its address; home.
 */
async function logInAndVisit(page: Page, base: string, framework: Framework, pages: readonly string[]) {
  await page.goto(`${base}/`);
  await page.goto(`${base}${'path' in framework.login ? framework.login.path : '/'}`);
  await submit(page, framework, framework.password ?? 'secret');
  await page.goto(`${base}/`);
  for (const to of pages) await page.goto(to.startsWith('/') ? `${base}${to}` : to);
  await page.goto(`${base}/`);
}

/**
 * Home, the login form, the right password, home; then the same at `other` (another app on this host: another port);
 * then the page `after` here, and home.
 */
async function logInHereAndThere(page: Page, base: string, framework: Framework, other: string, after: string) {
  const login = framework.login;
  for (const app of [base, other]) {
    await page.goto(`${app}/`);
    if ('link' in login) await Promise.all([page.waitForNavigation(), page.click(login.link)]);
    else await page.goto(`${app}${login.path}`);
    await submit(page, framework, framework.password ?? 'secret');
    await page.goto(`${app}/`);
  }
  await page.goto(`${base}${after}`);
  await page.goto(`${base}/`);
}

/**
 * Home, the login form, the right password, home; the server redeployed (`redeploy`); home, the logout, home, the login
 * again, home and the page `after`.
 */
async function logInRedeployAndLogInAgain(
  page: Page,
  base: string,
  framework: Framework,
  redeploy: () => Promise<void>,
) {
  const loginPath = 'path' in framework.login ? framework.login.path : '/';
  const logIn = async () => {
    await page.goto(`${base}${loginPath}`);
    await submit(page, framework, framework.password ?? 'secret');
    await page.goto(`${base}/`);
  };
  await page.goto(`${base}/`);
  await logIn();
  await redeploy();
  await page.goto(`${base}/`);
  await logOut(page, framework);
  await page.goto(`${base}/`);
  await logIn();
  await page.goto(`${base}${framework.redeploy?.after ?? '/'}`);
}

/** The other site's page: a link `#go` to `target`, a form `#go` POSTing `fields` to it, or an iframe of it. */
function crossSitePage(target: string, via: NonNullable<Framework['crossSite']>['via']): string {
  const head = '<!doctype html><title>Another site</title>';
  if (via === 'frame')
    return `${head}<p>The app, embedded:</p><iframe src="${target}" width="800" height="600"></iframe>\n`;
  if (via === undefined) return `${head}<p><a id="go" href="${target}">Open the app</a></p>\n`;
  const inputs = Object.entries(via.post)
    .map(([name, value]) => `<input type="hidden" name="${name}" value="${value}">`)
    .join('');
  return `${head}<form method="post" action="${target}">${inputs}<button id="go">Back to the app</button></form>\n`;
}

/**
 * Another site's page (no cookie) on 127.0.0.1 at `port` (crossSitePage); stopped by calling what it gives back.
 */
async function crossSiteServer(
  port: number,
  target: string,
  via: NonNullable<Framework['crossSite']>['via'],
): Promise<() => Promise<void>> {
  const page = crossSitePage(target, via);
  const server = createServer((_req, res) => {
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
    res.end(page);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  return () =>
    new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
}

/** Stops a process and waits until it has exited (a database server writes its files as it stops). */
function stopped(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
  child.kill();
  return exited;
}

/**
 * The framework's server (behind its back-ends, if any), started; stopped by calling what it gives back, whose
 * `restartBackends` stops the back-ends alone and starts them again (a session store restarted under the app).
 */
async function startServers(
  framework: Framework,
  work: string,
  port: number,
): Promise<(() => Promise<void>) & { readonly restartBackends: () => Promise<void> }> {
  const startBackends = () => (framework.backends?.(work, port) ?? []).map((b) => ({ port: b.port, child: start(b) }));
  let backends = startBackends();
  const server = start(framework.server(work, port));
  const stop = Object.assign(
    async () => {
      await stopped(server);
      await Promise.all(backends.map((backend) => stopped(backend.child)));
    },
    {
      restartBackends: async () => {
        await Promise.all(backends.map((backend) => stopped(backend.child)));
        await new Promise((r) => setTimeout(r, 500));
        backends = startBackends();
        for (const backend of backends) await waitForPort(backend.port, backend.child);
      },
    },
  );
  try {
    for (const backend of backends) await waitForPort(backend.port, backend.child);
    await waitForPort(port, server);
    if (framework.ready !== undefined) await waitForPath(port, framework.ready, server);
  } catch (err) {
    await stop();
    throw err;
  }
  return stop;
}

/**
 * The framework's server started again at `port` in a work directory of its own (prepared as the first's), with `env`
 * over its variables: the second app of a neighbour recording. Stopped, its directory removed, by what it gives back.
 */
async function startNeighbour(
  framework: Framework,
  port: number,
  env: Readonly<Record<string, string>>,
): Promise<() => Promise<void>> {
  const work = mkdtempSync(join(tmpdir(), `sessionscope-${framework.id}-neighbour-`));
  const setup = framework.prepare?.(work);
  if (setup) await run(setup);
  const server = framework.server(work, port);
  const child = start({ ...server, env: { ...server.env, ...env } });
  try {
    await waitForPort(port, child);
  } catch (err) {
    await stopped(child);
    throw err;
  }
  return async () => {
    await stopped(child);
    rmSync(work, { recursive: true, force: true });
  };
}

async function main(): Promise<void> {
  const ids = process.argv.slice(2);
  const chosen = ids.length > 0 ? FRAMEWORKS.filter((f) => ids.includes(f.id)) : FRAMEWORKS;
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
  mkdirSync(OUT_DIR, { recursive: true });
  const browser = await launchChromium({ headless: true, allowThirdPartyCookies: true });
  try {
    for (const [i, framework] of chosen.entries()) {
      const port = FIRST_PORT + i;
      const work = mkdtempSync(join(tmpdir(), `sessionscope-${framework.id}-`));
      const setup = framework.prepare?.(work);
      if (setup) await run(setup);
      let stop = await startServers(framework, work, port);
      try {
        const page = await browser.defaultBrowserContext().newPage();
        if (framework.bypassServiceWorker) await page.setBypassServiceWorker(true);
        if ((framework.cancelAuthChallenge && framework.scriptLogin) || framework.httpAuth) {
          const fetch = await page.createCDPSession();
          fetch.on('Fetch.requestPaused', (event) => {
            fetch.send('Fetch.continueRequest', { requestId: event.requestId }).catch(() => undefined);
          });
          fetch.on('Fetch.authRequired', (event) => {
            // `httpAuth`: the password a submit types into the page's dialog, once (see submit); the dialog closed
            // otherwise, and for the favicon the browser fetches beside the page (which would take the password).
            const password = event.resourceType === 'Document' ? dialogPassword : undefined;
            if (password !== undefined) dialogPassword = undefined;
            fetch
              .send('Fetch.continueWithAuth', {
                requestId: event.requestId,
                authChallengeResponse:
                  password === undefined
                    ? { response: 'CancelAuth' }
                    : { response: 'ProvideCredentials', username: framework.user ?? 'alice', password },
              })
              .catch(() => undefined);
          });
          await fetch.send('Fetch.enable', {
            handleAuthRequests: true,
            patterns: [{ urlPattern: `http://127.0.0.1:${port}${framework.scriptLogin?.request ?? '/'}*` }],
          });
        }
        const storage = await page.createCDPSession();
        await storage.send('Network.clearBrowserCookies');
        await storage.detach();
        const capture = await CdpCapture.attach(page, { documentBodies: framework.bodies === true });
        const base = `http://${framework.host ?? '127.0.0.1'}:${port}`;
        const lose = framework.lose;
        const crossSite = framework.crossSite;
        const neighbour = framework.neighbour;
        const redeploy = framework.redeploy;
        if (redeploy !== undefined) {
          await logInRedeployAndLogInAgain(page, base, framework, async () => {
            await stop();
            await new Promise((r) => setTimeout(r, 500));
            stop = await startServers({ ...framework, server: redeploy.server }, work, port);
          });
        } else if (neighbour !== undefined) {
          const second = neighbour.server === undefined ? framework : { ...framework, server: neighbour.server };
          const stopOther = await startNeighbour(second, port + 70, neighbour.env ?? {});
          try {
            const other = `http://${neighbour.host ?? '127.0.0.1'}:${port + 70}`;
            await logInHereAndThere(page, base, framework, other, neighbour.after);
          } finally {
            await stopOther();
          }
        } else if (crossSite !== undefined) {
          const stopOther = await crossSiteServer(port + 60, `${base}${crossSite.after}`, crossSite.via);
          try {
            await logInAndCrossSite(page, base, framework, crossSite.after, `http://localhost:${port + 60}/`);
          } finally {
            await stopOther();
          }
        } else if (framework.afterLogin !== undefined) {
          await logInAndVisit(
            page,
            base,
            framework,
            framework.afterLogin.map((to) => to.replace('{port}', `${port}`)),
          );
        } else if (lose === undefined) await browseLogInLogOut(page, base, framework);
        else {
          await logInAndLose(page, base, framework, async () => {
            if (lose.how === 'restart-backends') return stop.restartBackends();
            if (lose.how !== 'restart') return lose.how(work);
            await stop();
            await new Promise((r) => setTimeout(r, 500));
            const env = lose.env;
            const restarted: Framework =
              env === undefined
                ? framework
                : {
                    ...framework,
                    server: (w, p) => {
                      const server = framework.server(w, p);
                      return { ...server, env: { ...server.env, ...env } };
                    },
                  };
            stop = await startServers(restarted, work, port);
          });
        }
        await capture.stop();
        await page.close();
        const har = toHar(capture.hops, capture.pageLoads, {
          creatorVersion: pkg.version,
          browserVersion: await chromiumVersion(browser),
        });
        const file = join(OUT_DIR, `${framework.id}.har`);
        writeFileSync(file, `${JSON.stringify(har, null, 2)}\n`);
        process.stdout.write(`${framework.id}: ${har.log.entries.length} entries → ${file}\n`);
      } finally {
        await stop();
        rmSync(work, { recursive: true, force: true });
      }
    }
  } finally {
    await browser.close();
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`record-framework-hars: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
