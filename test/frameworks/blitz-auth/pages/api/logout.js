// The logout: Blitz's ctx.session.$revoke() (the session deleted from the storage, its cookies replaced).
import { api } from '../../src/blitz-server';

export default api(async (req, res, ctx) => {
  if (req.method !== 'POST') {
    res.status(405).end();
    return;
  }
  await ctx.session.$revoke();
  res.status(200).json({});
});
