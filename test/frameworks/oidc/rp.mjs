// The relying party: express with express-openid-connect (Auth0's SDK), authRequired false, as its README shows.
// Usage: node rp.mjs <port> <identity provider's port>
import express from 'express';
import eoc from 'express-openid-connect';

const { auth } = eoc;
const port = Number(process.argv[2]);

const app = express();
app.use(
  auth({
    authRequired: false,
    idpLogout: true,
    secret: 'a-long-random-secret-for-the-recording-only',
    baseURL: `http://127.0.0.1:${port}`,
    clientID: 'sessionscope-rp',
    // The code flow, as the README's "obtaining an access token" example sets it up.
    clientSecret: 'a-client-secret-for-the-recording-only',
    authorizationParams: { response_type: 'code' },
    issuerBaseURL: `http://127.0.0.1:${process.argv[3]}`,
    enableTelemetry: false,
  }),
);

app.get('/', (req, res) => {
  const user = req.oidc.isAuthenticated() ? req.oidc.user : undefined;
  res
    .type('html')
    .send(
      user
        ? `<!DOCTYPE html><title>Home</title><p>Logged in as ${user.sub}</p><p><a id="logout" href="/logout">Log out</a></p>`
        : '<!DOCTYPE html><title>Home</title><p>Logged out</p><p><a id="login" href="/login">Log in</a></p>',
    );
});

app.listen(port, '127.0.0.1');
