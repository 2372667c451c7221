// The identity provider: oidc-provider with its development interactions (its own login and consent pages), one
// client (the relying party of rp.mjs), RP-initiated logout on. Usage: node provider.mjs <port> <relying party's port>
import Provider from 'oidc-provider';

const port = Number(process.argv[2]);
const rp = `http://127.0.0.1:${process.argv[3]}`;

const provider = new Provider(`http://127.0.0.1:${port}`, {
  clients: [
    {
      client_id: 'sessionscope-rp',
      client_secret: 'a-client-secret-for-the-recording-only',
      // The authorization code flow (oidc-provider refuses http redirect URIs to a web client of the implicit flow,
      // express-openid-connect's default): the client authenticates with its secret at the token endpoint.
      response_types: ['code'],
      grant_types: ['authorization_code'],
      redirect_uris: [`${rp}/callback`],
      post_logout_redirect_uris: [rp],
    },
    {
      // social-django-oidc's relying party (python-social-auth's generic OpenID Connect backend), registered the same
      // way: its callback is social-django's own `/complete/<backend>/`.
      client_id: 'sessionscope-social-django',
      client_secret: 'a-client-secret-for-the-recording-only',
      response_types: ['code'],
      grant_types: ['authorization_code'],
      redirect_uris: [`${rp}/complete/oidc/`],
      post_logout_redirect_uris: [rp],
    },
  ],
  // Only alice exists. The development login form accepts any login and password without asking us; the accounts
  // are looked up here when the ID token's claims are built.
  async findAccount(_ctx, id) {
    if (id !== 'alice') return undefined;
    return { accountId: id, claims: () => ({ sub: id, name: 'Alice', email: 'alice@example.com' }) };
  },
  claims: { openid: ['sub'], profile: ['name'], email: ['email'] },
  cookies: { keys: ['a-cookie-key-for-the-recording-only'] },
  features: {
    devInteractions: { enabled: true },
    rpInitiatedLogout: { enabled: true },
  },
});

// The built-in pages @import Google Fonts; the recording must stay on loopback: that one line removed, nothing else.
provider.use(async (ctx, next) => {
  await next();
  if (typeof ctx.body === 'string')
    ctx.body = ctx.body.replace(/@import url\(https:\/\/fonts\.googleapis\.com[^)]*\);/g, '');
});

provider.listen(port, '127.0.0.1');
