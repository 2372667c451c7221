// The service provider: express with express-session and Passport's @node-saml/passport-saml, as its README shows
// (HTTP-POST binding for the IdP's response to /login/callback; passport's req.login regenerates the session).
// Usage: node app.mjs <port> <identity provider's port> <identity provider's certificate file>
import { readFileSync } from 'node:fs';
import { Strategy as SamlStrategy } from '@node-saml/passport-saml';
import express from 'express';
import session from 'express-session';
import passport from 'passport';

const [port, idpPort, idpCertFile] = process.argv.slice(2);
const sp = `http://127.0.0.1:${port}`;
const idp = `http://127.0.0.1:${idpPort}`;

/** The user kept in the session: the assertion's NameID and session index (what a single logout needs). */
function userOf(profile, done) {
  done(null, { nameID: profile.nameID, nameIDFormat: profile.nameIDFormat, sessionIndex: profile.sessionIndex });
}

const samlStrategy = new SamlStrategy(
  {
    callbackUrl: `${sp}/login/callback`,
    entryPoint: `${idp}/saml2/idp/SSOService.php`,
    logoutUrl: `${idp}/saml2/idp/SingleLogoutService.php`,
    logoutCallbackUrl: `${sp}/logout/callback`,
    issuer: `${sp}/metadata`,
    idpCert: readFileSync(idpCertFile, 'utf-8'),
  },
  // Sign-on: the user the IdP authenticated.
  userOf,
  // Logout: the user the IdP is logging out.
  userOf,
);
passport.use(samlStrategy);
passport.serializeUser((user, done) => done(null, user));
passport.deserializeUser((user, done) => done(null, user));

const app = express();
app.use(session({ secret: 'a-secret-for-the-recording-only', resave: false, saveUninitialized: false }));
app.use(passport.session());

app.get('/', (req, res) => {
  req.session.visits = (req.session.visits ?? 0) + 1;
  res
    .type('html')
    .send(
      req.user
        ? `<!DOCTYPE html><title>Home</title><p>Logged in as ${req.user.nameID} (visit ${req.session.visits})</p><p><a id="logout" href="/logout">Log out</a></p>`
        : `<!DOCTYPE html><title>Home</title><p>Logged out (visit ${req.session.visits})</p><p><a id="login" href="/login">Log in</a></p>`,
    );
});

app.get('/metadata', (_req, res) => {
  res.type('application/xml').send(samlStrategy.generateServiceProviderMetadata(null));
});

app.get('/login', passport.authenticate('saml', { failureRedirect: '/' }));

app.post(
  '/login/callback',
  express.urlencoded({ extended: false }),
  passport.authenticate('saml', { failureRedirect: '/' }),
  (_req, res) => {
    res.redirect('/');
  },
);

// Local logout: passport's req.logout() (the session regenerated without the user). With SINGLE_LOGOUT=1, single
// logout started by the app: strategy.logout() makes the LogoutRequest's URL (from the user's NameID and session
// index) before the local logout, the IdP ends its session and sends its LogoutResponse to /logout/callback.
app.get('/logout', (req, res, next) => {
  if (process.env.SINGLE_LOGOUT !== '1' || !req.user) {
    req.logout((err) => (err ? next(err) : res.redirect('/')));
    return;
  }
  samlStrategy.logout(req, (err, url) => {
    if (err) return next(err);
    req.logout((err2) => (err2 ? next(err2) : res.redirect(url)));
  });
});

app.get('/logout/callback', passport.authenticate('saml', { failureRedirect: '/' }), (_req, res) => {
  res.redirect('/');
});

app.listen(Number(port), '127.0.0.1');
