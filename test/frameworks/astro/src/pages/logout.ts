// The logout: session.destroy() deletes the data and the cookie.
import type { APIRoute } from 'astro';

export const POST: APIRoute = ({ session, redirect }) => {
  session?.destroy();
  return redirect('/');
};
