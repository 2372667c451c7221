// alice/secret: a session of Blitz's auth created (ctx.session.$create, which rotates the session token); else 401.
import { api } from '../../src/blitz-server';

export default api(async (req, res, ctx) => {
  if (req.method !== 'POST') {
    res.status(405).end();
    return;
  }
  const { username, password } = req.body ?? {};
  if (username !== 'alice' || password !== 'secret') {
    res.status(401).json({ error: 'Wrong user name or password' });
    return;
  }
  await ctx.session.$create({ userId: 1, role: 'user' });
  res.status(200).json({ userId: 1 });
});
