// Auth.js (@auth/express) with the credentials provider and its default JWT strategy: the session is an encrypted
// JWT (JWE) in `authjs.session-token`, beside `authjs.csrf-token` and `authjs.callback-url`. Auth.js's own sign-in
// page (fields `username`, `password`); the logout is the POST to /auth/signout that its documentation gives.
import { ExpressAuth, getSession } from '@auth/express';
import Credentials from '@auth/express/providers/credentials';
import express from 'express';

const port = Number(process.argv[2]);
const config = {
  secret: 'a throwaway secret of the recording app only',
  trustHost: true,
  providers: [
    Credentials({
      credentials: { username: { label: 'Username' }, password: { label: 'Password', type: 'password' } },
      authorize: async ({ username, password }) =>
        username === 'alice' && password === 'secret' ? { id: '1', name: 'alice' } : null,
    }),
  ],
};

const app = express();
app.set('trust proxy', true);
app.use('/auth', ExpressAuth(config));

/** The CSRF token Auth.js checks on a POST: the first half of its `authjs.csrf-token` cookie (`token|hash`). */
function csrfToken(req) {
  const cookie = (req.headers.cookie ?? '').split(/;\s*/).find((c) => c.startsWith('authjs.csrf-token='));
  return cookie ? decodeURIComponent(cookie.slice('authjs.csrf-token='.length)).split('|')[0] : '';
}

app.get('/', async (req, res) => {
  const session = await getSession(req, config);
  const logout = session
    ? `<form method=post action=/auth/signout><input type=hidden name=csrfToken value="${csrfToken(req)}"><button id=logout>Log out</button></form>`
    : '';
  res.type('html').send(`<p>Hello ${session?.user?.name ?? 'anon'}</p>${logout}`);
});
app.listen(port, '127.0.0.1');
