// better-auth 1.7 on Express 5, as its Express integration page shows (the handler on /api/auth/*splat before any
// body parser), email and password enabled, its memory adapter. alice is signed up at start-up through its own API
// (auth.api.signUpEmail) with `secret-secret`: better-auth refuses passwords shorter than eight characters.
// better-auth has no pages: its sign-in and sign-out are JSON endpoints that its client calls. Our pages post to
// them by script as that client does (fetch, then a new location): POST /api/auth/sign-in/email sets the signed
// session token, `better-auth.session_token` (seven days, its defaults); POST /api/auth/sign-out deletes it and
// the session on the server. The login form asks for the user name of an @example.com address (the recorder types
// `alice`). better-auth keeps no data of ours in its session, so the home page only reads it.
import { betterAuth } from 'better-auth';
import { memoryAdapter } from 'better-auth/adapters/memory';
import { fromNodeHeaders, toNodeHandler } from 'better-auth/node';
import express from 'express';

const port = Number(process.argv[2]);
const auth = betterAuth({
  baseURL: `http://127.0.0.1:${port}`,
  secret: 'a throwaway secret of the recording app only',
  database: memoryAdapter({ user: [], session: [], account: [], verification: [] }),
  emailAndPassword: { enabled: true },
  telemetry: { enabled: false },
});
await auth.api.signUpEmail({ body: { name: 'alice', email: 'alice@example.com', password: 'secret-secret' } });

const signIn = `
document.querySelector('form').addEventListener('submit', async (event) => {
  event.preventDefault();
  const form = event.target;
  const response = await fetch('/api/auth/sign-in/email', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    credentials: 'include',
    body: JSON.stringify({ email: form.username.value + '@example.com', password: form.password.value }),
  });
  location.href = response.ok ? '/' : '/login?error=' + response.status;
});`;
const signOut = `
document.getElementById('logout').addEventListener('click', async () => {
  await fetch('/api/auth/sign-out', { method: 'POST', credentials: 'include' });
  location.href = '/';
});`;

const app = express();
app.all('/api/auth/*splat', toNodeHandler(auth));
app.get('/', async (req, res) => {
  const session = await auth.api.getSession({ headers: fromNodeHeaders(req.headers) });
  const logout = session ? `<button id=logout>Log out</button><script>${signOut}</script>` : '';
  res.type('html').send(`<p>Hello ${session?.user.name ?? 'anon'}</p>${logout}`);
});
app.get('/login', (req, res) => {
  const error = req.query.error ? '<p>Invalid email or password</p>' : '';
  res
    .type('html')
    .send(
      `<form><input name=username>@example.com <input type=password name=password><button>Sign in</button></form>${error}<script>${signIn}</script>`,
    );
});
app.listen(port, '127.0.0.1');
