import { fail, redirect } from '@sveltejs/kit';
import type { Actions } from './$types';

export const actions: Actions = {
  default: async ({ request, locals }) => {
    const form = await request.formData();
    if (form.get('username') !== 'alice' || form.get('password') !== 'secret') {
      return fail(400, { error: 'Wrong user name or password' });
    }
    await locals.session.set({ user: 'alice' });
    redirect(303, '/');
  },
};
